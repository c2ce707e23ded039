#include "market_header.h"

#include "common/collapsing_row.h"
#include "common/live_text.h"
#include "common/on_screen.h"
#include "core/krx_market.h"
#include "format/decimal_format.h"
#include "format/freshness_format.h"
#include "format/market_format.h"
#include "market_key.h"
#include "marketdata/market_data_hub.h"
#include "theme/terminal_theme.h"
#include "watchlist.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hoga {

MarketHeader::MarketHeader(MarketDataHub* hub, QWidget* parent)
    : QFrame(parent)
    , m_hub(hub)
    , m_name(new QLabel(this))
    , m_code(new QLabel(this))
    , m_last(new QLabel(this))
    , m_change(new QLabel(this))
    , m_stale(new QLabel(this))
    , m_closed(new QLabel(this))
    , m_star(new QToolButton(this)) {
    setObjectName(QStringLiteral("marketHeader"));
    m_star->setObjectName(QStringLiteral("headerStarButton"));
    m_star->setCheckable(true);
    m_star->setVisible(false);
    QFont starFont = font();
    starFont.setPointSizeF(starFont.pointSizeF() + 5);
    m_star->setFont(starFont);
    // Compact: the header must still fit a 1024-pixel window.
    m_star->setAutoRaise(true);
    m_star->setStyleSheet(QStringLiteral("QToolButton { color: #5c6572; padding: 0px; border: none; } "
                                         "QToolButton:checked { color: %1; }")
                              .arg(theme::star().name()));
    connect(m_star, &QToolButton::clicked, this, [this] {
        if (m_watchlist && !m_market.isEmpty())
            m_watchlist->toggle(marketKey(m_watchlistVenue, m_market));
        refreshStar(); // also when nothing changed: the button shows the list, not its own toggle
    });
    m_stale->setObjectName(QStringLiteral("headerStaleLabel"));
    m_stale->setProperty("role", QStringLiteral("staleBadge"));
    m_stale->setVisible(false);
    m_closed->setObjectName(QStringLiteral("headerClosedLabel"));
    m_closed->setProperty("role", QStringLiteral("caption"));
    m_closed->setVisible(false);
    m_name->setObjectName(QStringLiteral("headerMarketName"));
    QFont nameFont = font();
    nameFont.setPointSizeF(nameFont.pointSizeF() + 3);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_code->setProperty("role", QStringLiteral("caption"));
    m_last->setObjectName(QStringLiteral("headerLastPrice"));
    m_last->setFont(theme::headlineNumberFont(6));
    m_change->setFont(theme::numberFont());

    m_row = new CollapsingRow(22, this);
    auto* title = new QWidget(m_row);
    auto* titleLayout = new QVBoxLayout(title);
    titleLayout->setContentsMargins(0, 0, 0, 0);
    titleLayout->setSpacing(0);
    titleLayout->addWidget(m_name);
    titleLayout->addWidget(m_code);
    m_row->addItem(title, true);

    auto* price = new QWidget(m_row);
    auto* priceLayout = new QVBoxLayout(price);
    priceLayout->setContentsMargins(0, 0, 0, 0);
    priceLayout->setSpacing(0);
    priceLayout->addWidget(m_last);
    priceLayout->addWidget(m_change);
    m_row->addItem(price, true);

    m_high = addStat(tr("24h high"), QStringLiteral("headerHigh"));
    m_low = addStat(tr("24h low"), QStringLiteral("headerLow"));
    m_volume = addStat(tr("24h volume"), QStringLiteral("headerVolume"));
    m_quoteVolume = addStat(tr("24h turnover"), QStringLiteral("headerTurnover"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(4);
    layout->addWidget(m_star, 0, Qt::AlignVCenter);
    layout->addWidget(m_row, 1);
    // Outside the collapsing row: the warning must stay visible however narrow the window.
    layout->addWidget(m_stale, 0, Qt::AlignVCenter);
    layout->addWidget(m_closed, 0, Qt::AlignVCenter);

    connect(m_hub, &MarketDataHub::updated, this, [this](const MarketDataChanges& changes) {
        if (!changes.tickers.contains(m_market))
            return;
        if (isOnScreen(this))
            refresh();
        else
            m_behind = true;
    });
    connect(m_hub, &MarketDataHub::marketsLoaded, this, &MarketHeader::refresh);
    connect(m_hub, &MarketDataHub::staleMarketsChanged, this, &MarketHeader::refreshStale);
    m_staleAge.setInterval(1000);
    connect(&m_staleAge, &QTimer::timeout, this, &MarketHeader::refreshStale);
    m_sessionCheck.setInterval(30'000);
    connect(&m_sessionCheck, &QTimer::timeout, this,
            [this] { refreshSession(m_market.isEmpty() ? std::nullopt : m_hub->market(m_market)); });
    m_sessionCheck.start();
    refresh();
}

void MarketHeader::catchUp() {
    if (m_behind && isOnScreen(this)) {
        m_behind = false;
        refresh();
    }
}

void MarketHeader::showEvent(QShowEvent* event) {
    QFrame::showEvent(event);
    catchUp();
}

QString MarketHeader::staleText() const {
    return m_stale->isVisibleTo(this) ? m_stale->text() : QString();
}

void MarketHeader::refreshStale() {
    const bool stale = !m_market.isEmpty() && m_hub->isStale(m_market);
    if (!stale) {
        m_stale->setVisible(false);
        m_stale->clear();
        m_staleAge.stop();
        return;
    }
    const qint64 last = m_hub->lastMessageMs(m_market);
    m_stale->setText(hoga::staleText(last, m_hub->clock()->nowMs()));
    m_stale->setToolTip(tr("No order book or ticker update arrived for this market within %1. The prices "
                           "shown may be out of date; Hoga keeps listening and clears this when data "
                           "flows again.")
                            .arg(formatElapsed(std::max(m_hub->stalenessPolicy().tickerMs,
                                                        m_hub->stalenessPolicy().bookMs))));
    m_stale->setVisible(true);
    if (!m_staleAge.isActive())
        m_staleAge.start();
}

QLabel* MarketHeader::addStat(const QString& caption, const QString& objectName) {
    auto* box = new QWidget(m_row);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    auto* captionLabel = new QLabel(caption, box);
    captionLabel->setProperty("role", QStringLiteral("caption"));
    auto* value = new QLabel(box);
    value->setObjectName(objectName);
    value->setFont(theme::numberFont());
    layout->addWidget(captionLabel);
    layout->addWidget(value);
    layout->addStretch(1);
    m_row->addItem(box);
    return value;
}

void MarketHeader::setMarket(const QString& code) {
    m_market = code;
    refresh();
    refreshStale();
    refreshStar();
}

void MarketHeader::setWatchlistVenue(const QString& venue) {
    m_watchlistVenue = venue;
    refreshStar();
}

void MarketHeader::setWatchlist(Watchlist* watchlist) {
    if (m_watchlist)
        disconnect(m_watchlist, nullptr, this, nullptr);
    m_watchlist = watchlist;
    if (m_watchlist)
        connect(m_watchlist, &Watchlist::changed, this, &MarketHeader::refreshStar);
    refreshStar();
}

void MarketHeader::refreshStar() {
    m_star->setVisible(m_watchlist != nullptr);
    m_star->setEnabled(!m_market.isEmpty());
    const bool starred = m_watchlist && m_watchlist->contains(marketKey(m_watchlistVenue, m_market));
    m_star->setChecked(starred);
    m_star->setText(starred ? QStringLiteral("★") : QStringLiteral("☆"));
    m_star->setToolTip(starred ? tr("Remove from watchlist") : tr("Add to watchlist"));
}

void MarketHeader::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    refresh();
}

void MarketHeader::setPreferLocalNames(bool preferLocal) {
    m_preferLocalNames = preferLocal;
    refresh();
}

void MarketHeader::refreshSession(const std::optional<Market>& market) {
    const bool closed = market && !market->rules.isOpenAt(m_hub->clock()->nowMs());
    m_closed->setVisible(closed);
    if (!closed)
        return;
    m_closed->setText(QStringLiteral("● ") + tr("Closed"));
    m_closed->setToolTip(tr("The regular session is closed: the stock trades %1 KST on weekdays. Prices and "
                            "the order book show the last session; regular orders are refused until it opens "
                            "(where the venue has them, the ticket's after-hours sessions take orders).")
                             .arg(krx::sessionHoursText(OrderSession::Regular)));
}

void MarketHeader::refresh() {
    const std::optional<Market> market = m_market.isEmpty() ? std::nullopt : m_hub->market(m_market);
    refreshSession(market);
    if (!market) {
        m_name->setText(m_market.isEmpty() ? tr("No market selected") : m_market);
        m_code->clear();
    } else {
        const QString name = m_preferLocalNames && !market->localName.isEmpty()
                                 ? market->localName
                                 : (market->displayName.isEmpty() ? market->base : market->displayName);
        m_name->setText(name);
        m_code->setText(QStringLiteral("%1/%2 · %3").arg(market->base, market->quote, market->code));
    }

    const std::optional<Ticker> t = m_market.isEmpty() ? std::nullopt : m_hub->ticker(m_market);
    const MarketFormat fmt(market);
    if (!t) {
        setLiveText(m_last, tr("Waiting for prices…"));
        theme::setTextColor(m_last, theme::dimText());
        m_change->clear();
        for (QLabel* l : {m_high, m_low, m_volume, m_quoteVolume})
            l->setText(QStringLiteral("—"));
        return;
    }
    const QColor color = m_colors.forSign(t->changeRate.signum());
    setLiveText(m_last, fmt.price(t->last));
    theme::setTextColor(m_last, color);
    const QString sign = t->change.isPositive() ? QStringLiteral("+") : QString();
    // A change is a difference of prices: write it with the digits of the prices' ticks, not those of a
    // "price" as small as the change itself (a negative one would fall into the finest band).
    const int changeDecimals = std::max(fmt.priceDecimals(t->last), fmt.priceDecimals(t->prevClose));
    setLiveText(m_change,
                QStringLiteral("%1%2  %3")
                    .arg(sign, formatDecimal(t->change, changeDecimals), formatPercent(t->changeRate)));
    theme::setTextColor(m_change, color);
    setLiveText(m_high, fmt.price(t->high));
    theme::setTextColor(m_high, m_colors.up);
    setLiveText(m_low, fmt.price(t->low));
    theme::setTextColor(m_low, m_colors.down);
    setLiveText(m_volume, QStringLiteral("%1 %2").arg(formatDecimalTrimmed(t->volume24h, 3), fmt.base()));
    setLiveText(m_quoteVolume, QStringLiteral("%1 %2").arg(formatCompact(t->quoteVolume24h), fmt.quote()));
}

} // namespace hoga
