#pragma once

#include "core/candle.h"

#include <QString>
#include <QVector>

#include <optional>

class QIODevice;

namespace hoga {

// Candles as CSV: a header `open_time,open,high,low,close,volume` (open_time in ms since the Unix epoch,
// UTC), then one candle per line, oldest first. Decimals are read and written exactly (never via double).
class CandleCsv {
public:
    struct ReadResult {
        QVector<Candle> candles;
        QString error; // translated; empty on success
        bool ok() const { return error.isEmpty(); }
    };

    static ReadResult read(QIODevice& in);
    static ReadResult readFile(const QString& path);
    static void write(QIODevice& out, const QVector<Candle>& candles);
    static QByteArray header();
};

} // namespace hoga
