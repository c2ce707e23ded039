#include "fake_venue_server_p.h"

#include <QDateTime>

namespace hoga::test::fake {

namespace {

constexpr qint64 kKstOffsetMs = 9 * 3'600'000;

QByteArray utcText(qint64 ms, const char* format) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QLatin1String(format)).toLatin1();
}

} // namespace

QByteArray plainNumber(const Decimal& d) {
    return d.toString().toLatin1();
}

QByteArray pythonFloatText(const Decimal& d) {
    if (d.isZero())
        return "0.0";
    if (d.scale() == 0)
        return plainNumber(d) + ".0";
    // Python's repr switches to exponent notation below 1e-4: 0.00009101 -> 9.101e-05.
    if (d.abs() < Decimal::fromString("0.0001")) {
        QByteArray digits = plainNumber(d.abs());
        digits.remove(0, digits.indexOf('.') + 1);
        qsizetype firstDigit = 0;
        while (firstDigit < digits.size() && digits[firstDigit] == '0')
            ++firstDigit;
        const QByteArray significant = digits.mid(firstDigit);
        const int exponent = int(firstDigit) + 1;
        QByteArray out = d.isNegative() ? "-" : "";
        out += significant.left(1);
        if (significant.size() > 1)
            out += '.' + significant.mid(1);
        out += "e-" + QByteArray::number(exponent).rightJustified(2, '0');
        return out;
    }
    return plainNumber(d);
}

QByteArray kstIso(qint64 ms, bool withMicros) {
    const QByteArray base = utcText(ms + kKstOffsetMs, "yyyy-MM-ddTHH:mm:ss");
    const QByteArray micros =
        withMicros ? '.' + QByteArray::number((ms % 1000) * 1000).rightJustified(6, '0') : QByteArray();
    return base + micros + "+09:00";
}

QByteArray utcDateTime(qint64 ms) {
    return utcText(ms, "yyyy-MM-ddTHH:mm:ss");
}

QByteArray kstDateTime(qint64 ms) {
    return utcText(ms + kKstOffsetMs, "yyyy-MM-ddTHH:mm:ss");
}

TickerInfo tickerInfo(const SimExchange& sim, const QString& simCode) {
    TickerInfo info;
    info.t = sim.tickers({simCode}).value().value(0);
    const auto trades = sim.recentTrades(simCode, SimExchange::kMaxRecentTrades);
    if (trades.ok()) {
        if (!trades.value().isEmpty())
            info.last = trades.value().first();
        for (const Trade& t : trades.value())
            (t.side == Side::Sell ? info.askVolume : info.bidVolume) += t.qty;
    }
    return info;
}

QByteArray changeName(const Decimal& change) {
    return change.isPositive() ? "RISE" : (change.isNegative() ? "FALL" : "EVEN");
}

qint64 sequentialId(const Trade& t) {
    return t.timestampMs * 10'000 + t.id.toLongLong() % 10'000;
}

} // namespace hoga::test::fake
