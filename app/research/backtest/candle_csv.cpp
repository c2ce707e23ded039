#include "candle_csv.h"

#include <QCoreApplication>
#include <QFile>
#include <QIODevice>

namespace hoga {

QByteArray CandleCsv::header() {
    return QByteArrayLiteral("open_time,open,high,low,close,volume");
}

CandleCsv::ReadResult CandleCsv::read(QIODevice& in) {
    ReadResult result;
    int lineNumber = 0;
    bool sawHeader = false;
    qint64 previousOpen = 0;
    while (!in.atEnd()) {
        QByteArray line = in.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        if (!sawHeader) {
            if (line.replace(' ', QByteArray()) != header()) {
                result.error = QCoreApplication::translate(
                    "hoga::CandleCsv",
                    "The first line must be the header open_time,open,high,low,close,volume.");
                return result;
            }
            sawHeader = true;
            continue;
        }
        const QList<QByteArray> fields = line.split(',');
        bool timeOk = false;
        Candle c;
        if (fields.size() == 6)
            c.openTimeMs = fields[0].trimmed().toLongLong(&timeOk);
        std::optional<Decimal> values[5];
        bool valuesOk = timeOk;
        for (int i = 0; valuesOk && i < 5; ++i) {
            values[i] = Decimal::parse(std::string_view(fields[i + 1].trimmed().constData(),
                                                        size_t(fields[i + 1].trimmed().size())));
            valuesOk = values[i].has_value();
        }
        if (!valuesOk) {
            result.error = QCoreApplication::translate("hoga::CandleCsv",
                                                       "Line %1 is not open_time,open,high,low,close,volume.")
                               .arg(lineNumber);
            return result;
        }
        c.open = *values[0];
        c.high = *values[1];
        c.low = *values[2];
        c.close = *values[3];
        c.volume = *values[4];
        if (c.low > c.high || c.open > c.high || c.open < c.low || c.close > c.high || c.close < c.low) {
            result.error = QCoreApplication::translate("hoga::CandleCsv",
                                                       "Line %1: low and high do not enclose open and close.")
                               .arg(lineNumber);
            return result;
        }
        if (!result.candles.isEmpty() && c.openTimeMs <= previousOpen) {
            result.error = QCoreApplication::translate(
                               "hoga::CandleCsv", "Line %1: candles must be in increasing open_time order.")
                               .arg(lineNumber);
            return result;
        }
        previousOpen = c.openTimeMs;
        result.candles.append(c);
    }
    if (!sawHeader)
        result.error = QCoreApplication::translate("hoga::CandleCsv", "The candle file is empty.");
    return result;
}

CandleCsv::ReadResult CandleCsv::readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ReadResult result;
        result.error = QCoreApplication::translate("hoga::CandleCsv", "Cannot read %1: %2")
                           .arg(path, file.errorString());
        return result;
    }
    return read(file);
}

void CandleCsv::write(QIODevice& out, const QVector<Candle>& candles) {
    out.write(header() + '\n');
    for (const Candle& c : candles) {
        const QString line = QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                                 .arg(c.openTimeMs)
                                 .arg(c.open.toString(), c.high.toString(), c.low.toString(),
                                      c.close.toString(), c.volume.toString());
        out.write(line.toUtf8());
    }
}

} // namespace hoga
