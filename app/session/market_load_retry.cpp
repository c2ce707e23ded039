#include "market_load_retry.h"

#include "marketdata/market_data_hub.h"

#include <QDateTime>

#include <algorithm>

namespace hoga {

MarketLoadRetry::MarketLoadRetry(MarketDataHub* hub, QString venueName, QObject* parent)
    : QObject(parent)
    , m_hub(hub)
    , m_venueName(std::move(venueName)) {
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &MarketLoadRetry::retryNow);
    connect(hub, &MarketDataHub::errorOccurred, this, &MarketLoadRetry::onError);
    connect(hub, &MarketDataHub::marketsLoaded, this, &MarketLoadRetry::onLoaded);
}

QString MarketLoadRetry::message() const {
    if (!m_unreachable)
        return {};
    if (m_nextRetryMs <= 0)
        return tr("Cannot reach %1. %2 Trying again now…").arg(m_venueName, m_reason);
    const QString time =
        QDateTime::fromMSecsSinceEpoch(m_nextRetryMs).toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    return tr("Cannot reach %1. %2 Next try at %3.").arg(m_venueName, m_reason, time);
}

void MarketLoadRetry::onError(const VenueError& error) {
    // Errors after the markets arrived (a stream hiccup, one failed request) are the status bar's; only a
    // venue that never answered with its markets is unreachable.
    if (!m_hub->markets().isEmpty() || !m_hub->connector())
        return;
    ++m_failures;
    m_unreachable = true;
    m_reason = error.userMessage();
    qint64 delay = std::min<qint64>(kMaxDelayMs, qint64(m_firstDelayMs) << std::min(m_failures - 1, 10));
    // A venue that said when to come back (a rate limit) is not asked before then.
    delay = std::clamp<qint64>(error.retryAfterMs, delay, 3'600'000);
    m_nextRetryMs = QDateTime::currentMSecsSinceEpoch() + delay;
    m_timer.start(int(delay));
    emit changed();
}

void MarketLoadRetry::onLoaded() {
    m_timer.stop();
    const bool was = m_unreachable;
    m_unreachable = false;
    m_reason.clear();
    m_nextRetryMs = 0;
    m_failures = 0;
    if (was)
        emit changed();
}

void MarketLoadRetry::retryNow() {
    Connector* connector = m_hub->connector();
    if (!connector)
        return;
    m_timer.stop();
    m_nextRetryMs = 0;
    emit changed();
    m_hub->attach(connector); // fetches the markets again
}

} // namespace hoga
