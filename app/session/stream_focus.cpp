#include "stream_focus.h"

#include "marketdata/market_data_hub.h"
#include "profile_engine.h"
#include "trading/trading_session.h"
#include "venue_session.h"

namespace hoga {

StreamFocus::StreamFocus(QList<VenueSession*> sessions, QObject* parent)
    : QObject(parent) {
    for (VenueSession* session : sessions) {
        m_sessions << session;
        if (TradingSession* trading = session->trading())
            connect(trading, &TradingSession::ordersChanged, this, &StreamFocus::update);
    }
}

void StreamFocus::setEngine(ProfileEngine* engine) {
    m_engine = engine;
    if (engine) {
        connect(engine, &ProfileEngine::botsChanged, this, &StreamFocus::update);
        connect(engine, &ProfileEngine::botChanged, this, &StreamFocus::update);
    }
    update();
}

void StreamFocus::setSelected(const QString& venue, const QString& code) {
    m_selectedVenue = venue;
    m_selectedCode = code;
    update();
}

void StreamFocus::setWatchlist(const QString& venue, const QStringList& codes) {
    m_watchlists.insert(venue, codes);
    update();
}

QStringList StreamFocus::wanted(const QString& venue) const {
    QStringList out;
    auto add = [&out](const QString& code) {
        if (!code.isEmpty() && !out.contains(code))
            out << code;
    };
    if (venue == m_selectedVenue)
        add(m_selectedCode);
    for (const QPointer<VenueSession>& session : m_sessions) {
        if (!session || session->venueId() != venue || !session->trading())
            continue;
        for (const Order& order : session->trading()->openOrders())
            add(order.market);
    }
    if (m_engine)
        for (const BotSnapshot& bot : m_engine->bots())
            if (bot.record.venue == venue && bot.state != BotState::Stopped)
                add(bot.record.market);
    for (const QString& code : m_watchlists.value(venue))
        add(code);
    return out;
}

void StreamFocus::update() {
    for (const QPointer<VenueSession>& session : m_sessions)
        if (session)
            session->hub()->setWantedMarkets(wanted(session->venueId()));
}

} // namespace hoga
