#include "venue_status_widget.h"

#include "common/live_text.h"
#include "common/on_screen.h"
#include "format/freshness_format.h"
#include "marketdata/market_data_hub.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace hoga {

VenueStatusWidget::VenueStatusWidget(VenueSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_dot(new QLabel(QStringLiteral("●"), this))
    , m_state(new QLabel(this))
    , m_updated(new QLabel(this))
    , m_stale(new QLabel(this)) {
    setObjectName(QStringLiteral("venueStatus_%1").arg(session->venueId()));
    m_state->setObjectName(QStringLiteral("connectionStateLabel"));
    m_updated->setObjectName(QStringLiteral("lastUpdateLabel"));
    m_updated->setFont(theme::numberFont());
    m_stale->setObjectName(QStringLiteral("staleStreamLabel"));
    m_stale->setVisible(false);
    theme::setTextColor(m_stale, theme::warning());

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 0, 8, 0);
    layout->setSpacing(6);
    auto* venue = new QLabel(session->displayName(), this);
    layout->addWidget(venue);
    if (session->isSimulated()) {
        auto* badge = new QLabel(tr("Simulated"), this);
        badge->setObjectName(QStringLiteral("simulatedBadge"));
        badge->setToolTip(tr("Built-in simulator: generated prices, paper balances, no network."));
        layout->addWidget(badge);
    }
    layout->addWidget(m_dot);
    layout->addWidget(m_state);
    layout->addSpacing(10);
    layout->addWidget(m_updated);
    layout->addWidget(m_stale);

    connect(session->hub(), &MarketDataHub::updated, this, &VenueStatusWidget::refresh);
    connect(session->hub(), &MarketDataHub::staleMarketsChanged, this, &VenueStatusWidget::refreshStale);
    m_staleAge.setInterval(1000);
    connect(&m_staleAge, &QTimer::timeout, this, &VenueStatusWidget::refreshStale);
    refresh();
    refreshStale();
}

QString VenueStatusWidget::staleText() const {
    return m_stale->isVisibleTo(this) ? m_stale->text() : QString();
}

void VenueStatusWidget::refreshStale() {
    const MarketDataHub* hub = m_session->hub();
    const QSet<QString> stale = hub->staleMarkets();
    if (stale.isEmpty()) {
        m_stale->setVisible(false);
        m_stale->clear();
        m_staleAge.stop();
        return;
    }
    if (hub->isStreamStale()) {
        m_stale->setText(hoga::staleText(hub->lastUpdateMs(), hub->clock()->nowMs()));
        m_stale->setToolTip(tr("No market data arrived from %1 recently. Hoga keeps listening and clears "
                               "this when data flows again.")
                                .arg(m_session->displayName()));
        if (!m_staleAge.isActive())
            m_staleAge.start();
    } else {
        m_stale->setText(tr("Stale markets: %1").arg(QLocale().toString(int(stale.size()))));
        QStringList codes(stale.cbegin(), stale.cend());
        codes.sort();
        constexpr int kListed = 12;
        QString list = QStringList(codes.mid(0, kListed)).join(QStringLiteral(", "));
        if (codes.size() > kListed)
            list += QStringLiteral(", …");
        m_stale->setToolTip(tr("No recent update for: %1").arg(list));
        m_staleAge.stop();
    }
    m_stale->setVisible(true);
}

QString VenueStatusWidget::stateText() const {
    return m_state->text();
}

QString VenueStatusWidget::lastUpdateText() const {
    return m_updated->text();
}

void VenueStatusWidget::catchUp() {
    if (m_behind && isOnScreen(this))
        refresh();
}

void VenueStatusWidget::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    catchUp();
}

void VenueStatusWidget::refresh() {
    if (!isOnScreen(this) && m_shownSecond >= 0) {
        m_behind = true;
        return;
    }
    m_behind = false;
    const ConnectionState state = m_session->hub()->connectionState();
    const QString name = connectionStateName(state);
    if (m_state->text() != name) {
        m_state->setText(name);
        QColor color = theme::dimText();
        switch (state) {
        case ConnectionState::Connected:
            color = theme::success();
            break;
        case ConnectionState::Connecting:
        case ConnectionState::Reconnecting:
            color = theme::warning();
            break;
        case ConnectionState::Disconnected:
            color = theme::error();
            break;
        }
        QPalette p = m_dot->palette();
        p.setColor(QPalette::WindowText, color);
        m_dot->setPalette(p);
    }
    const qint64 last = m_session->hub()->lastUpdateMs();
    if (last <= 0) {
        setLiveText(m_updated, tr("No data yet"));
        return;
    }
    if (last / 1000 == m_shownSecond)
        return;
    m_shownSecond = last / 1000;
    setLiveText(m_updated, tr("Updated %1")
                               .arg(QDateTime::fromMSecsSinceEpoch(last).toLocalTime().toString(
                                   QStringLiteral("HH:mm:ss"))));
}

} // namespace hoga
