#pragma once

#include "cli_error.h"
#include "core/account.h"
#include "core/candle.h"
#include "core/market.h"
#include "core/order.h"
#include "core/orderbook.h"
#include "core/ticker.h"
#include "core/trade.h"

#include <QByteArray>

class QIODevice;

namespace hoga::cli {

// hoga-cli's output records: one compact JSON object per line, keys in a fixed order, decimals as JSON
// strings in Decimal's canonical text (exactly the venue's value, never rounded through a double),
// timestamps as integer milliseconds since the Unix epoch (UTC), absent text as null.
class RecordWriter {
public:
    // Writes to `out` (not owned), flushing after every line so streams reach pipes at once.
    explicit RecordWriter(QIODevice* out);

    void write(const QByteArray& record);

    // One record each, without the line break.
    static QByteArray market(const Market& m);
    static QByteArray ticker(const Ticker& t);
    // At most `depth` levels per side, best first (depth <= 0: every level given).
    static QByteArray orderBook(const OrderBook& book, int depth = 0);
    static QByteArray candle(const QString& venue, const QString& market, const Candle& c);
    static QByteArray trade(const Trade& t);
    static QByteArray balance(const Balance& b);
    static QByteArray order(const Order& o);
    // {"error": {"kind", "venue_code", "message"}}
    static QByteArray error(const CliError& e);

    // "open", "partially_filled", "filled", "cancelled", "rejected". An order we have not yet seen
    // confirmed ("new") was still accepted by the venue when it reaches the CLI, so it reports as open.
    static QString stateName(OrderState state);

private:
    QIODevice* m_out;
};

} // namespace hoga::cli
