#include "demo_orders.h"

#include "marketdata/market_data_hub.h"
#include "session/venue_session.h"
#include "trading/trading_session.h"

#include <QUuid>

namespace hoga {

DemoOrders::DemoOrders(VenueSession* session, QObject* parent)
    : QObject(parent)
    , m_session(session) {
    m_poll.setInterval(100);
    connect(&m_poll, &QTimer::timeout, this, &DemoOrders::tryPlace);
    TradingSession* trading = session->trading();
    connect(trading, &TradingSession::orderAccepted, this, [this](const Order& order) {
        if (!m_waiting.remove(order.clientId))
            return;
        if (order.clientId == m_toCancel && order.isOpen())
            m_session->trading()->cancel(order.id);
        checkDone();
    });
    connect(trading, &TradingSession::orderRejected, this, [this](const QString& clientId, const QString&) {
        if (m_waiting.remove(clientId))
            checkDone();
    });
}

bool DemoOrders::start() {
    if (!m_session->isSimulated())
        return false;
    m_poll.start();
    return true;
}

void DemoOrders::tryPlace() {
    MarketDataHub* hub = m_session->hub();
    for (const char* code : {"KRW-BTC", "KRW-ETH", "KRW-XRP"}) {
        const std::optional<OrderBook> book = hub->orderBook(QString::fromLatin1(code));
        if (!hub->market(QString::fromLatin1(code)) || !book || !book->bestBid() || !book->bestAsk())
            return;
    }
    if (m_session->trading()->balances().isEmpty())
        return;
    m_poll.stop();
    m_placed = true;

    place(QStringLiteral("KRW-BTC"), true, true, "0.97", "0.002");
    place(QStringLiteral("KRW-ETH"), false, true, "1.03", "0.2");
    place(QStringLiteral("KRW-BTC"), true, false, nullptr, nullptr, "150000");
    place(QStringLiteral("KRW-XRP"), false, false, nullptr, "200");
    m_toCancel = place(QStringLiteral("KRW-XRP"), true, true, "0.9", "100");
    checkDone();
}

void DemoOrders::checkDone() {
    if (isDone() && !m_doneReported) {
        m_doneReported = true;
        emit done();
    }
}

QString DemoOrders::place(const QString& market, bool buy, bool limit, const char* priceFactor,
                          const char* qty, const char* total) {
    const std::optional<Market> m = m_session->hub()->market(market);
    const std::optional<OrderBook> book = m_session->hub()->orderBook(market);
    OrderRequest request;
    request.market = market;
    request.side = buy ? Side::Buy : Side::Sell;
    request.type = limit ? OrderType::Limit : OrderType::Market;
    request.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (limit) {
        // Away from the touch, so the order rests: below the best bid for buys, above the best ask for sells.
        const Decimal reference = buy ? book->bestBid()->price : book->bestAsk()->price;
        const Decimal raw = reference * Decimal::fromString(priceFactor);
        request.price = raw.roundToStep(m->rules.tickFor(raw), buy ? Rounding::Floor : Rounding::Ceiling);
    }
    if (qty)
        request.qty = Decimal::fromString(qty);
    if (total)
        request.total = Decimal::fromString(total);
    m_waiting.insert(request.clientId);
    if (m_session->trading()->submit(request).isEmpty())
        m_waiting.remove(request.clientId);
    return request.clientId;
}

} // namespace hoga
