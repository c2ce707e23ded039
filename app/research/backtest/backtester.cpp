#include "backtester.h"

#include "backtest_context.h"
#include "backtest_metrics.h"

#include <algorithm>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace hoga {

namespace {

// A long run writes tens of thousands of fills into fresh memory, and every first touch of a 4 KB page is a
// page fault (expensive on virtual machines). Where the kernel offers transparent huge pages on request, ask
// for them over the reserved buffer: one fault per 2 MB. A hint only; nothing changes where it is refused.
void adviseHugePages(void* data, size_t bytes) {
#ifdef __linux__
    constexpr uintptr_t kHugePage = 2 * 1024 * 1024;
    const uintptr_t begin = (reinterpret_cast<uintptr_t>(data) + kHugePage - 1) & ~(kHugePage - 1);
    const uintptr_t end = (reinterpret_cast<uintptr_t>(data) + bytes) & ~(kHugePage - 1);
    if (end > begin)
        madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#else
    Q_UNUSED(data);
    Q_UNUSED(bytes);
#endif
}

} // namespace

qsizetype EquityCurve::changeIndexOf(qsizetype index) const {
    // The last fill on or before candle `index` (fills are in candle order); none: the start.
    const auto after = std::upper_bound(m_fills.cbegin(), m_fills.cend(), index,
                                        [](qsizetype i, const BacktestFill& f) { return i < f.candleIndex; });
    return after - m_fills.cbegin();
}

QString BacktestFill::orderClientId(int orderNumber) {
    return QStringLiteral("bt-") + QString::number(orderNumber);
}

Fill BacktestFill::toFill(const Market& market, qsizetype number) const {
    Fill f;
    f.venue = QStringLiteral("backtest");
    f.orderId = orderClientId(orderNumber);
    f.clientId = f.orderId;
    f.market = market.code;
    f.tradeId = QStringLiteral("bt-fill-") + QString::number(number);
    f.side = side;
    f.price = price;
    f.qty = qty;
    f.fee = fee;
    f.feeCurrency = market.quote;
    f.maker = maker;
    f.timestampMs = timestampMs;
    return f;
}

qint64 Backtester::candleLengthMs(const QVector<Candle>& candles) {
    qint64 smallest = 0;
    for (qsizetype i = 1; i < candles.size(); ++i) {
        const qint64 gap = candles[i].openTimeMs - candles[i - 1].openTimeMs;
        if (gap > 0 && (smallest == 0 || gap < smallest))
            smallest = gap;
    }
    return smallest;
}

BacktestResult Backtester::run(Strategy& strategy, const QVector<Candle>& candles,
                               const BacktestConfig& config) {
    const qint64 candleMs = config.candleMs > 0 ? config.candleMs : candleLengthMs(candles);
    BacktestContext context(config);
    BacktestResult result;
    // Room for a fill every 16 candles up front: growing a vector of hundreds of thousands of fills copies
    // and touches it again and again, while reserved pages stay virtual until written.
    context.fills().reserve(candles.size() / 16 + 1);
    adviseHugePages(context.fills().data(), size_t(context.fills().capacity()) * sizeof(BacktestFill));
    int holding = 0;
    if (!candles.isEmpty())
        context.setNow(candles.first().openTimeMs);
    strategy.onStart(context);
    for (int i = 0; i < candles.size(); ++i) {
        const Candle& candle = candles[i];
        context.setCandleIndex(i);
        context.setNow(candle.openTimeMs);
        context.fillOrders(strategy, candle, i);
        context.setNow(candle.openTimeMs + candleMs);
        context.setLastPrice(candle.close);
        strategy.onCandle(context, candle, config.interval);
        context.fireTimers(strategy);
        if (context.holdsBase())
            ++holding;
    }
    strategy.onStop(context);
    context.cancelAllOrders(); // what never filled releases its reservation; equity already counts it
    result.fills = std::move(context.fills());
    result.equity = EquityCurve(candles, candles.size(), config.initialCash, result.fills);
    result.refusals = std::move(context.refusals());
    result.log = std::move(context.logLines());
    result.metrics =
        BacktestStatistics::compute(config, candles, result.equity, result.fills, holding, candleMs);
    return result;
}

} // namespace hoga
