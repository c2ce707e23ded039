#pragma once

// Drives a running bot through scripted 1-second candles on a ManualClock: the shared fixture of the
// simulated day test (tst_engine_day) and the engine benchmark (bench_engine). The venue is a FakeConnector
// that fills every order at once, reporting the fill on its stream like a real venue.

#include "trading/engine/bot_runner.h"
#include "trading/strategy/strategy_params.h"

#include "support/fake_connector.h"

#include <QCoreApplication>
#include <QSignalSpy>

#include <memory>

namespace hoga::test {

class EngineDayDriver {
public:
    static constexpr qint64 kStartMs = 1'767'225'600'000; // 2026-01-01 00:00:00 UTC

    EngineDayDriver(const QString& databasePath, const StrategyParams& params, RiskLimits limits = {})
        : m_clock(kStartMs)
        , m_engine(databasePath, m_clock) {
        m_ok = m_engine.open();
        m_fake.venue = QStringLiteral("fake");
        Balance krw;
        krw.venue = QStringLiteral("fake");
        krw.currency = QStringLiteral("KRW");
        krw.free = Decimal::fromString("1000000000");
        m_fake.balances = {krw};
        m_fake.onCreateOrder = [this](const OrderRequest& request) {
            return fillAtOnce(request);
        };
        QSignalSpy reconciled(&m_engine, &TradingEngine::reconciled);
        m_engine.addConnector(&m_fake);
        m_ok = m_ok && (reconciled.wait(5000) || !reconciled.isEmpty());
        m_engine.setMarket(QStringLiteral("fake"), market());
        m_engine.setLastPrice(QStringLiteral("fake"), QStringLiteral("KRW-BTC"), m_price);

        BotRecord record;
        record.id = QStringLiteral("day-bot");
        record.strategy = QStringLiteral("sma_cross");
        record.venue = QStringLiteral("fake");
        record.market = QStringLiteral("KRW-BTC");
        const StrategyTemplate* sma = findStrategy(QStringLiteral("sma_cross"));
        Result<StrategyParams> complete = completeParameters(*sma, params);
        m_ok = m_ok && complete.ok();
        if (!m_ok)
            return;
        Result<std::unique_ptr<Strategy>> strategy = sma->create(complete.value(), market());
        m_ok = strategy.ok();
        if (!m_ok)
            return;
        m_runner =
            std::make_unique<BotRunner>(m_engine, record, std::move(strategy.value()), market(), limits);
        m_runner->start();
    }

    bool ok() const { return m_ok; }
    TradingEngine& engine() { return m_engine; }
    FakeConnector& venue() { return m_fake; }
    BotRunner& runner() { return *m_runner; }

    static Market market() {
        Market m;
        m.venue = QStringLiteral("fake");
        m.code = QStringLiteral("KRW-BTC");
        m.base = QStringLiteral("BTC");
        m.quote = QStringLiteral("KRW");
        m.rules.tickBands = {{Decimal(0), Decimal(1000)}};
        m.rules.qtyStep = Decimal::fromString("0.00000001");
        m.rules.minTotal = Decimal::fromString("5000");
        return m;
    }

    // The next second: a deterministic random walk in whole ticks, delivered as the closed 1-second candle.
    void step() {
        m_lcg = m_lcg * 6364136223846793005ULL + 1442695040888963407ULL;
        const int move = int((m_lcg >> 33) % 7) - 3; // -3 .. +3 ticks
        const Decimal open = m_price;
        m_price = Decimal::max(Decimal(1000), m_price + Decimal(move * 1000));
        const qint64 openMs = kStartMs + m_seconds * 1000;
        ++m_seconds;
        m_clock.setMs(openMs + 1000);
        m_engine.setLastPrice(QStringLiteral("fake"), QStringLiteral("KRW-BTC"), m_price);
        MarketEvent e;
        e.kind = MarketEvent::Kind::CandleClosed;
        e.timeMs = openMs + 1000;
        e.interval = CandleInterval::S1;
        e.candle =
            Candle{openMs,     open,   Decimal::max(open, m_price), Decimal::min(open, m_price), m_price,
                   Decimal(1), m_price};
        m_runner->feed(e);
        // Answers and fills arrive as queued events, like a venue's: let them in now and then.
        if (m_seconds % 64 == 0)
            QCoreApplication::processEvents();
    }

    qint64 seconds() const { return m_seconds; }
    int ordersFilled() const { return m_filled; }

private:
    OrderPlacement fillAtOnce(const OrderRequest& request) {
        Order o;
        o.venue = m_fake.venue;
        o.id = QStringLiteral("d%1").arg(++m_filled);
        o.clientId = request.clientId;
        o.market = request.market;
        o.side = request.side;
        o.type = request.type;
        o.price = request.price;
        o.qty = request.qty;
        o.total = request.total;
        o.filledQty =
            request.qty.isPositive() ? request.qty : request.total.divide(m_price, 8, Rounding::Down);
        o.filledQuote = o.filledQty * m_price;
        o.state = OrderState::Filled;
        o.createdAtMs = o.updatedAtMs = m_clock.nowMs();
        Fill f;
        f.venue = o.venue;
        f.orderId = o.id;
        f.clientId = o.clientId;
        f.market = o.market;
        f.tradeId = QStringLiteral("t%1").arg(m_filled);
        f.side = o.side;
        f.price = m_price;
        f.qty = o.filledQty;
        f.feeCurrency = QStringLiteral("KRW");
        f.timestampMs = o.updatedAtMs;
        QMetaObject::invokeMethod(
            &m_fake, [this, f] { emit m_fake.fillReceived(f); }, Qt::QueuedConnection);
        return OrderPlacement::placed(o);
    }

    ManualClock m_clock;
    TradingEngine m_engine;
    FakeConnector m_fake;
    std::unique_ptr<BotRunner> m_runner;
    bool m_ok = false;
    Decimal m_price = Decimal(150'000'000);
    quint64 m_lcg = 20261205;
    qint64 m_seconds = 0;
    int m_filled = 0;
};

} // namespace hoga::test
