#include "order_ticket.h"

#include "common/message_label.h"
#include "common/on_screen.h"
#include "common/signal_coalescer.h"
#include "core/krx_market.h"
#include "format/decimal_format.h"
#include "format/market_format.h"
#include "marketdata/market_data_hub.h"
#include "order_confirm_dialog.h"
#include "order_text.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"
#include "ticket_math.h"
#include "trading/trading_session.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QUuid>
#include <QVBoxLayout>

namespace hoga {

namespace {

const QString kPriceField = QStringLiteral("price");
const QString kQtyField = QStringLiteral("qty");
const QString kTotalField = QStringLiteral("total");
const Decimal kMaxInput(1'000'000'000'000'000LL);

QLabel* caption(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setProperty("role", QStringLiteral("caption"));
    return label;
}

bool isMissingIssue(const ValidationIssue& issue) {
    return issue.code == ValidationIssue::MissingPrice || issue.code == ValidationIssue::MissingQuantity;
}

} // namespace

OrderTicket::OrderTicket(VenueSession* session, QWidget* parent)
    : QFrame(parent)
    , m_session(session) {
    setObjectName(QStringLiteral("orderTicket"));
    buildUi();

    auto* accountChanged = new SignalCoalescer(100, this);
    connect(accountChanged, &SignalCoalescer::fired, this, &OrderTicket::revalidate);
    connect(session->trading(), &TradingSession::balancesChanged, accountChanged, &SignalCoalescer::trigger);
    connect(session->hub(), &MarketDataHub::updated, this, [this](const MarketDataChanges& changes) {
        if (!changes.books.contains(m_market) && !changes.tickers.contains(m_market))
            return;
        if (!isOnScreen(this)) {
            m_behind = true;
            return;
        }
        // Most book updates move levels deep in the book: the ticket only reads the last price and the
        // best levels, so nothing is redone unless one of those moved.
        const MarketDataHub* hub = m_session->hub();
        const std::optional<OrderBook> book = hub->orderBook(m_market);
        const std::optional<BookLevel> bid = book ? book->bestBid() : std::nullopt;
        const std::optional<BookLevel> ask = book ? book->bestAsk() : std::nullopt;
        QVector<Decimal> seen{hub->lastPrice(m_market).value_or(Decimal()), bid ? bid->price : Decimal(),
                              bid ? bid->qty : Decimal(), ask ? ask->price : Decimal(),
                              ask ? ask->qty : Decimal()};
        if (seen == m_seen)
            return;
        m_seen = std::move(seen);
        prefillPrice();
        revalidate();
    });
    connect(session->hub(), &MarketDataHub::marketsLoaded, this, &OrderTicket::revalidate);

    connect(session->trading(), &TradingSession::orderAccepted, this, [this](const Order& order) {
        if (order.clientId.isEmpty() || order.clientId != m_pendingClientId)
            return;
        m_pendingClientId.clear();
        m_trackedOrderId = order.id;
        showOrderState(order);
        followTrackedOrder(); // the session may already know a later state (a fill that came first)
        revalidate();
    });
    connect(session->trading(), &TradingSession::ordersChanged, this, &OrderTicket::followTrackedOrder);
    connect(session->trading(), &TradingSession::orderRejected, this,
            [this](const QString& clientId, const QString& message) {
                if (clientId != m_pendingClientId && !clientId.isEmpty())
                    return;
                m_pendingClientId.clear();
                showResult(tr("Order rejected: %1").arg(message), theme::error());
                revalidate();
            });
    connect(session->trading(), &TradingSession::errorOccurred, this, [this](const VenueError& error) {
        if (m_pendingClientId.isEmpty())
            return; // not about our order; the status bar reports it
        m_pendingClientId.clear();
        showResult(error.userMessage(), theme::error());
        revalidate();
    });

    updateMode();
    revalidate();
}

QPushButton* OrderTicket::makeToggle(const QString& text, const QString& objectName) {
    auto* b = new QPushButton(text, this);
    b->setObjectName(objectName);
    b->setCheckable(true);
    b->setFocusPolicy(Qt::TabFocus);
    b->setMinimumHeight(30);
    return b;
}

void OrderTicket::addField(QGridLayout* grid, int row, Field& field, const QString& objectName,
                           QWidget* trailing) {
    field.label = caption(QString(), this);
    field.edit = new QLineEdit(this);
    field.edit->setObjectName(objectName + QStringLiteral("Edit"));
    field.edit->setAlignment(Qt::AlignRight);
    field.edit->setFont(theme::numberFont());
    field.edit->setMinimumHeight(28);
    // Two lines are reserved for the message whether it shows or not: typing never moves the fields below.
    field.error = new MessageLabel(2, this);
    field.error->setObjectName(objectName + QStringLiteral("ErrorLabel"));
    field.error->setProperty("role", QStringLiteral("fieldError"));
    field.error->setVisible(false);
    grid->addWidget(field.label, row * 2, 0, 1, 2);
    if (trailing) {
        auto* line = new QHBoxLayout;
        line->setSpacing(4);
        line->addWidget(field.edit, 1);
        line->addWidget(trailing);
        grid->addLayout(line, row * 2 + 1, 0, 1, 2);
    } else {
        grid->addWidget(field.edit, row * 2 + 1, 0, 1, 2);
    }
    // The error line sits right under its field (added by the caller's layout order).
    connect(field.edit, &QLineEdit::textEdited, this, [this, &field] {
        field.touched = true;
        revalidate();
    });
    field.edit->installEventFilter(this);
}

void OrderTicket::buildUi() {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);

    auto* titleRow = new QHBoxLayout;
    m_title = new QLabel(tr("Order ticket"), this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() + 1.5);
    m_title->setFont(titleFont);
    titleRow->addWidget(m_title);
    titleRow->addStretch(1);
    if (m_session->isSimulated()) {
        auto* badge = new QLabel(tr("Simulated"), this);
        badge->setObjectName(QStringLiteral("simulatedBadge"));
        badge->setToolTip(tr("Orders go to the built-in simulator (paper trading)."));
        titleRow->addWidget(badge);
    }
    layout->addLayout(titleRow);
    m_keysNotice = new QLabel(this);
    m_keysNotice->setObjectName(QStringLiteral("ticketKeysNotice"));
    m_keysNotice->setProperty("role", QStringLiteral("notice"));
    m_keysNotice->setWordWrap(true);
    m_keysNotice->setText(disabledReason());
    m_keysNotice->setVisible(!canTrade());
    layout->addWidget(m_keysNotice);
    m_unavailable = new QLabel(this);
    m_unavailable->setObjectName(QStringLiteral("ticketUnavailableNotice"));
    m_unavailable->setProperty("role", QStringLiteral("notice"));
    m_unavailable->setWordWrap(true);
    m_unavailable->setVisible(false);
    layout->addWidget(m_unavailable);
    m_marketLabel = new QLabel(this);
    m_marketLabel->setObjectName(QStringLiteral("ticketMarketLabel"));
    m_marketLabel->setProperty("role", QStringLiteral("caption"));
    layout->addWidget(m_marketLabel);

    auto* sides = new QHBoxLayout;
    sides->setSpacing(0);
    m_buy = makeToggle(tr("Buy"), QStringLiteral("buySideButton"));
    m_sell = makeToggle(tr("Sell"), QStringLiteral("sellSideButton"));
    auto* sideGroup = new QButtonGroup(this);
    sideGroup->addButton(m_buy);
    sideGroup->addButton(m_sell);
    m_buy->setChecked(true);
    sides->addWidget(m_buy);
    sides->addWidget(m_sell);
    layout->addLayout(sides);
    connect(m_buy, &QPushButton::clicked, this, [this] { setSide(Side::Buy); });
    connect(m_sell, &QPushButton::clicked, this, [this] { setSide(Side::Sell); });

    auto* types = new QHBoxLayout;
    types->setSpacing(0);
    m_limit = makeToggle(tr("Limit"), QStringLiteral("limitTypeButton"));
    m_marketType = makeToggle(tr("Market"), QStringLiteral("marketTypeButton"));
    for (QPushButton* b : {m_limit, m_marketType}) {
        b->setMinimumHeight(26);
        b->setStyleSheet(QStringLiteral(
            "QPushButton { background: transparent; border: none; border-bottom: 2px solid #262d38;"
            " color: #8b95a3; padding: 4px; border-radius: 0; }"
            "QPushButton:checked { color: #e8ecf1; border-bottom: 2px solid #3b82f6; }"));
    }
    auto* typeGroup = new QButtonGroup(this);
    typeGroup->addButton(m_limit);
    typeGroup->addButton(m_marketType);
    m_limit->setChecked(true);
    types->addWidget(m_limit);
    types->addWidget(m_marketType);
    layout->addLayout(types);
    connect(m_limit, &QPushButton::clicked, this, [this] { setOrderType(OrderType::Limit); });
    connect(m_marketType, &QPushButton::clicked, this, [this] { setOrderType(OrderType::Market); });

    // Time in force, for limit orders only (the venues accept none on market orders).
    auto* tifRow = new QHBoxLayout;
    m_timeInForceLabel = new QLabel(tr("Time in force"), this);
    m_timeInForceBox = new QComboBox(this);
    m_timeInForceBox->setObjectName(QStringLiteral("timeInForceBox"));
    // Only what the venue takes on limit orders (its capabilities), GTC first.
    const VenueCapabilities capabilities =
        m_session ? m_session->capabilities() : VenueCapabilities::anyVenue();
    const std::pair<TimeInForce, QString> tifChoices[] = {
        {TimeInForce::GoodTillCancel, tr("GTC (until cancelled)")},
        {TimeInForce::ImmediateOrCancel, tr("IOC (immediate or cancel)")},
        {TimeInForce::FillOrKill, tr("FOK (fill or kill)")},
        {TimeInForce::PostOnly, tr("Post only")},
    };
    for (const auto& [tif, label] : tifChoices)
        if (capabilities.allows(OrderType::Limit, tif))
            m_timeInForceBox->addItem(label, int(tif));
    m_marketType->setVisible(capabilities.supports(OrderType::Market));
    m_timeInForceBox->setToolTip(tr("IOC cancels what does not fill at once; FOK fills completely at once or "
                                    "not at all; post only is cancelled if it would fill at once."));
    m_timeInForceLabel->setBuddy(m_timeInForceBox);
    tifRow->addWidget(m_timeInForceLabel);
    tifRow->addWidget(m_timeInForceBox, 1);
    layout->addLayout(tifRow);
    connect(m_timeInForceBox, &QComboBox::activated, this,
            [this](int index) { setTimeInForce(TimeInForce(m_timeInForceBox->itemData(index).toInt())); });

    // The KRX session, for Korean stocks where the venue routes after-hours orders (KIS).
    auto* sessionRow = new QHBoxLayout;
    m_orderSessionLabel = new QLabel(tr("Session"), this);
    m_orderSessionBox = new QComboBox(this);
    m_orderSessionBox->setObjectName(QStringLiteral("orderSessionBox"));
    const std::pair<OrderSession, QString> sessionChoices[] = {
        {OrderSession::Regular, tr("Regular (%1)")},
        {OrderSession::PreMarketClose, tr("Pre-market close (%1)")},
        {OrderSession::PostMarketClose, tr("Post-market close (%1)")},
        {OrderSession::AfterHoursSingle, tr("After-hours single (%1)")},
    };
    for (const auto& [session, label] : sessionChoices)
        if (capabilities.orderSessions.contains(session))
            m_orderSessionBox->addItem(label.arg(krx::sessionHoursText(session)), int(session));
    m_orderSessionBox->setToolTip(
        tr("KST on weekdays. The closing-price sessions trade at a fixed price; the single-price session "
           "matches every 10 minutes within 10% of today's close."));
    m_orderSessionLabel->setBuddy(m_orderSessionBox);
    sessionRow->addWidget(m_orderSessionLabel);
    sessionRow->addWidget(m_orderSessionBox, 1);
    layout->addLayout(sessionRow);
    connect(m_orderSessionBox, &QComboBox::activated, this,
            [this](int index) { setOrderSession(OrderSession(m_orderSessionBox->itemData(index).toInt())); });

    // Price with tick steppers, quantity, total: each with its message line right under it.
    m_priceStepper = new QWidget(this);
    auto* stepper = new QHBoxLayout(m_priceStepper);
    stepper->setContentsMargins(0, 0, 0, 0);
    stepper->setSpacing(2);
    m_priceDown = new QPushButton(QStringLiteral("−"), m_priceStepper);
    m_priceDown->setObjectName(QStringLiteral("priceDownButton"));
    m_priceDown->setToolTip(tr("One tick lower (Down arrow)"));
    m_priceUp = new QPushButton(QStringLiteral("+"), m_priceStepper);
    m_priceUp->setObjectName(QStringLiteral("priceUpButton"));
    m_priceUp->setToolTip(tr("One tick higher (Up arrow)"));
    for (QPushButton* b : {m_priceDown, m_priceUp}) {
        b->setFixedSize(28, 28);
        b->setFocusPolicy(Qt::NoFocus);
        stepper->addWidget(b);
    }
    connect(m_priceDown, &QPushButton::clicked, this, [this] { stepPrice(-1); });
    connect(m_priceUp, &QPushButton::clicked, this, [this] { stepPrice(+1); });

    auto* form = new QVBoxLayout;
    form->setSpacing(3);
    for (auto [field, name, trailing] :
         {std::tuple{&m_price, QStringLiteral("price"), m_priceStepper},
          std::tuple{&m_qty, QStringLiteral("qty"), static_cast<QWidget*>(nullptr)},
          std::tuple{&m_total, QStringLiteral("total"), static_cast<QWidget*>(nullptr)}}) {
        auto* grid = new QGridLayout;
        grid->setSpacing(3);
        addField(grid, 0, *field, name, trailing);
        grid->addWidget(field->error, 2, 0, 1, 2);
        form->addLayout(grid);
        form->addSpacing(4);
    }
    layout->addLayout(form);

    auto* percents = new QHBoxLayout;
    percents->setSpacing(4);
    for (int pct : {25, 50, 75, 100}) {
        auto* b = new QPushButton(QLocale().toString(pct) + QLocale().percent(), this);
        b->setObjectName(QStringLiteral("pct%1Button").arg(pct));
        b->setToolTip(tr("Use %1% of the available balance").arg(pct));
        b->setFocusPolicy(Qt::NoFocus);
        connect(b, &QPushButton::clicked, this, [this, pct] { applyPercent(pct); });
        percents->addWidget(b);
        m_percentButtons.append(b);
    }
    layout->addLayout(percents);

    auto* info = new QGridLayout;
    info->setHorizontalSpacing(8);
    info->setVerticalSpacing(5);
    auto addInfo = [&](int row, const QString& text, const QString& objectName,
                       QLabel** captionOut = nullptr) {
        QLabel* c = caption(text, this);
        if (captionOut)
            *captionOut = c;
        auto* value = new QLabel(this);
        value->setObjectName(objectName);
        value->setFont(theme::numberFont());
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        info->addWidget(c, row, 0);
        info->addWidget(value, row, 1);
        return value;
    };
    m_available = addInfo(0, tr("Available"), QStringLiteral("availableValueLabel"));
    m_value = addInfo(1, tr("Order value"), QStringLiteral("orderValueLabel"));
    m_fee = addInfo(2, tr("Fee"), QStringLiteral("estimatedFeeLabel"), &m_feeCaption);
    m_net = addInfo(3, tr("Total"), QStringLiteral("estimatedTotalLabel"), &m_netCaption);
    info->setColumnStretch(1, 1);
    auto* infoFrame = new QFrame(this);
    infoFrame->setStyleSheet(QStringLiteral("QFrame { border-top: 1px solid #262d38; }"
                                            " QLabel { border: none; }"));
    infoFrame->setLayout(info);
    info->setContentsMargins(0, 8, 0, 4);
    layout->addWidget(infoFrame);

    // Reserved like the field messages, so the submit button stays where the pointer expects it.
    m_formError = new MessageLabel(2, this);
    m_formError->setObjectName(QStringLiteral("formErrorLabel"));
    m_formError->setProperty("role", QStringLiteral("fieldError"));
    m_formError->setVisible(false);
    layout->addWidget(m_formError);

    m_submit = new QPushButton(this);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setMinimumHeight(38);
    connect(m_submit, &QPushButton::clicked, this, &OrderTicket::submit);
    layout->addWidget(m_submit);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    layout->addStretch(1);

    setMinimumWidth(260);

    if (!canTrade()) {
        // Everything stays visible (the trader sees what the ticket offers) but nothing can be used.
        for (QWidget* w : findChildren<QWidget*>())
            if (qobject_cast<QLineEdit*>(w) || qobject_cast<QPushButton*>(w))
                w->setEnabled(false);
        m_submit->setToolTip(disabledReason());
    }
}

bool OrderTicket::canTrade() const {
    return m_session->hasCredentials();
}

QString OrderTicket::disabledReason() const {
    return canTrade() ? QString() : m_session->needsKeysMessage();
}

void OrderTicket::setMarket(const QString& code) {
    if (code == m_market)
        return;
    m_market = code;
    m_seen.clear();
    for (Field* f : {&m_price, &m_qty, &m_total}) {
        f->edit->clear();
        f->touched = false;
    }
    // The status line was about the other market's order; coming back is no double submit either.
    m_result->clear();
    m_trackedOrderId.clear();
    m_lastSentKey.clear();
    if (m_orderSession != OrderSession::Regular && !offersSessions()) {
        m_orderSession = OrderSession::Regular;
        m_orderSessionBox->setCurrentIndex(m_orderSessionBox->findData(int(OrderSession::Regular)));
    }
    prefillPrice();
    updateMode();
    revalidate();
}

void OrderTicket::prefillPrice() {
    // Start from the market's last price (a real venue price the trader then adjusts), but never overwrite
    // what the trader typed.
    if (m_market.isEmpty() || m_price.touched || !m_price.edit->text().isEmpty() ||
        hasFixedPrice(m_orderSession))
        return;
    const std::optional<Market> market = currentMarket();
    const std::optional<Decimal> last = m_session->hub()->lastPrice(m_market);
    if (!market || !last)
        return;
    m_price.edit->setText(formatDecimal(*last, market->rules.priceDecimalsFor(*last)));
}

void OrderTicket::setPrice(const Decimal& price) {
    if (hasFixedPrice(m_orderSession))
        setOrderSession(OrderSession::Regular); // a clicked price asks for a priced order
    setOrderType(OrderType::Limit);
    const MarketFormat format(currentMarket());
    m_price.edit->setText(formatDecimal(price, format.priceDecimals(price)));
    m_price.touched = true;
    revalidate();
}

void OrderTicket::setSide(Side side) {
    m_side = side;
    (side == Side::Buy ? m_buy : m_sell)->setChecked(true);
    updateMode();
    revalidate();
}

void OrderTicket::setOrderType(OrderType type) {
    if (type != OrderType::Limit && m_orderSession != OrderSession::Regular) {
        m_orderSession = OrderSession::Regular; // after-hours orders are limit orders only
        m_orderSessionBox->setCurrentIndex(m_orderSessionBox->findData(int(OrderSession::Regular)));
    }
    m_type = type;
    (type == OrderType::Limit ? m_limit : m_marketType)->setChecked(true);
    updateMode();
    revalidate();
}

void OrderTicket::setTimeInForce(TimeInForce tif) {
    m_timeInForce = tif;
    m_timeInForceBox->setCurrentIndex(m_timeInForceBox->findData(int(tif)));
    revalidate();
}

void OrderTicket::setOrderSession(OrderSession session) {
    m_orderSession = session;
    m_orderSessionBox->setCurrentIndex(m_orderSessionBox->findData(int(session)));
    if (session != OrderSession::Regular) {
        // After hours: plain limit orders only.
        m_type = OrderType::Limit;
        m_limit->setChecked(true);
        setTimeInForce(TimeInForce::GoodTillCancel);
    }
    if (hasFixedPrice(session)) {
        m_price.edit->clear(); // the exchange sets the price
        m_price.touched = false;
    } else {
        prefillPrice();
    }
    updateMode();
    revalidate();
}

bool OrderTicket::offersSessions() const {
    const std::optional<Market> market = currentMarket();
    return market && market->rules.session == MarketSession::KrxRegular && m_orderSessionBox->count() > 1;
}

void OrderTicket::setPriceColors(const PriceColors& colors) {
    m_colors = colors;
    updateColors();
}

void OrderTicket::setVenueShown(bool shown) {
    m_venueShown = shown;
    updateMode();
}

void OrderTicket::updateMode() {
    const std::optional<Market> market = currentMarket();
    const QString base = market ? market->base : QString();
    const QString quote = market ? market->quote : QString();
    const bool marketBuy = m_type == OrderType::Market && m_side == Side::Buy;

    m_marketText =
        market ? QStringLiteral("%1 · %2").arg(market->code, market->localName.isEmpty() ||
                                                                     QLocale().language() != QLocale::Korean
                                                                 ? market->displayName
                                                                 : market->localName)
               : tr("Select a market");
    // In a window of several venues the ticket names where the order goes.
    m_marketLabel->setText(m_venueShown && market
                               ? QStringLiteral("%1 · %2").arg(m_session->displayName(), m_marketText)
                               : m_marketText);
    // Without a market there is no currency to name: plain labels, never "Price ()".
    m_price.label->setText(quote.isEmpty() ? tr("Price") : tr("Price (%1)").arg(quote));
    m_qty.label->setText(base.isEmpty() ? tr("Quantity") : tr("Quantity (%1)").arg(base));
    m_total.label->setText(quote.isEmpty() ? tr("Total") : tr("Total (%1)").arg(quote));
    const bool fixedPrice = hasFixedPrice(m_orderSession);
    m_price.edit->setPlaceholderText(m_type == OrderType::Market ? tr("Best available price")
                                     : m_orderSession == OrderSession::PreMarketClose  ? tr("Previous close")
                                     : m_orderSession == OrderSession::PostMarketClose ? tr("Today's close")
                                                                                       : tr("Limit price"));
    m_qty.edit->setPlaceholderText(base.isEmpty() ? tr("Amount") : tr("Amount of %1").arg(base));
    m_total.edit->setPlaceholderText(quote.isEmpty() ? tr("Amount to spend")
                                                     : tr("Amount of %1 to spend").arg(quote));

    const bool sessions = offersSessions();
    m_orderSessionLabel->setVisible(sessions);
    m_orderSessionBox->setVisible(sessions);
    m_orderSessionBox->setEnabled(canTrade());
    const bool afterHours = m_orderSession != OrderSession::Regular;
    m_timeInForceLabel->setVisible(m_type == OrderType::Limit && !afterHours);
    m_timeInForceBox->setVisible(m_type == OrderType::Limit && !afterHours);
    m_timeInForceBox->setEnabled(canTrade());
    m_marketType->setEnabled(!afterHours);
    m_price.edit->setEnabled(canTrade() && m_type == OrderType::Limit && !fixedPrice);
    m_priceStepper->setEnabled(canTrade() && m_type == OrderType::Limit && !fixedPrice);
    for (QWidget* w : {static_cast<QWidget*>(m_qty.label), static_cast<QWidget*>(m_qty.edit)})
        w->setVisible(!marketBuy);
    for (QWidget* w : {static_cast<QWidget*>(m_total.label), static_cast<QWidget*>(m_total.edit)})
        w->setVisible(marketBuy);
    // A hidden field gives up its message space too; a shown one keeps it reserved.
    m_qty.error->setReserved(!marketBuy);
    m_total.error->setReserved(marketBuy);
    if (m_type == OrderType::Market || fixedPrice)
        m_price.error->setVisible(false);
    if (marketBuy)
        m_qty.error->setVisible(false);
    else
        m_total.error->setVisible(false);

    m_feeCaption->setText(tr("Fee"));
    m_netCaption->setText(m_side == Side::Buy ? tr("You pay") : tr("You receive"));
    m_submit->setText(m_side == Side::Buy ? tr("Buy %1").arg(base) : tr("Sell %1").arg(base));
    updateColors();
}

void OrderTicket::updateColors() {
    const QColor sideColor = m_side == Side::Buy ? m_colors.up : m_colors.down;
    m_submit->setStyleSheet(theme::filledButtonStyle(sideColor));
    auto toggleStyle = [](const QColor& c) {
        return QStringLiteral("QPushButton { background: #161a21; border: 1px solid #262d38; color: #8b95a3;"
                              " font-weight: 600; border-radius: 0; }"
                              "QPushButton:checked { background: %1; border-color: %1; color: white; }")
            .arg(c.name());
    };
    m_buy->setStyleSheet(toggleStyle(m_colors.up));
    m_sell->setStyleSheet(toggleStyle(m_colors.down));
}

std::optional<Market> OrderTicket::currentMarket() const {
    return m_market.isEmpty() ? std::nullopt : m_session->hub()->market(m_market);
}

Decimal OrderTicket::available(const QString& currency) const {
    const std::optional<Balance> b = m_session->trading()->balance(currency);
    return b ? b->free : Decimal();
}

std::optional<Decimal> OrderTicket::referencePrice(Side side) const {
    const std::optional<OrderBook> book = m_session->hub()->orderBook(m_market);
    if (book) {
        const std::optional<BookLevel> level = side == Side::Buy ? book->bestAsk() : book->bestBid();
        if (level)
            return level->price;
    }
    return m_session->hub()->lastPrice(m_market);
}

Decimal OrderTicket::feeRateFor(const OrderRequest& request) const {
    const std::optional<Market> market = currentMarket();
    if (!market)
        return {};
    if (request.type == OrderType::Market)
        return market->rules.takerFeeRate;
    // A limit order that crosses the book takes liquidity.
    const std::optional<Decimal> ref = referencePrice(request.side);
    const bool marketable = ref && request.price.isPositive() &&
                            (request.side == Side::Buy ? request.price >= *ref : request.price <= *ref);
    return marketable ? market->rules.takerFeeRate : market->rules.makerFeeRate;
}

std::optional<Decimal> OrderTicket::parsed(const Field& field, QString* error) const {
    const QString text = field.edit->text().trimmed();
    if (text.isEmpty())
        return Decimal();
    const std::optional<Decimal> value = parseDecimalInput(text);
    if (!value) {
        if (error)
            *error = tr("“%1” is not a number.").arg(text);
        return std::nullopt;
    }
    // Beyond a quadrillion a typo is far likelier than an order, and products of such numbers overflow.
    if (value->abs() >= kMaxInput) {
        if (error)
            *error = tr("“%1” is too large.").arg(text);
        return std::nullopt;
    }
    return value;
}

std::optional<OrderRequest> OrderTicket::currentRequest(QHash<const Field*, QString>* errors) const {
    const bool marketBuy = m_type == OrderType::Market && m_side == Side::Buy;
    OrderRequest request;
    request.market = m_market;
    request.side = m_side;
    request.type = m_type;
    if (m_type == OrderType::Limit)
        request.timeInForce = m_timeInForce;
    if (offersSessions())
        request.session = m_orderSession;
    const bool fixedPrice = hasFixedPrice(request.session);
    bool ok = true;
    auto read = [&](const Field& field, Decimal& into) {
        QString error;
        const std::optional<Decimal> value = parsed(field, &error);
        if (!value) {
            ok = false;
            if (errors)
                errors->insert(&field, error);
            return;
        }
        into = *value;
    };
    if (m_type == OrderType::Limit && !fixedPrice)
        read(m_price, request.price);
    if (marketBuy)
        read(m_total, request.total);
    else
        read(m_qty, request.qty);
    return ok ? std::optional<OrderRequest>(request) : std::nullopt;
}

QString OrderTicket::requestKey(const OrderRequest& r) {
    return QStringList{
        r.market,           sideName(r.side), orderTypeName(r.type), timeInForceName(r.timeInForce),
        r.price.toString(), r.qty.toString(), r.total.toString(),    orderSessionName(r.session)}
        .join(QLatin1Char('|'));
}

void OrderTicket::setUnavailableText(const QString& text) {
    m_unavailable->setText(text);
    m_unavailable->setVisible(!text.isEmpty());
}

void OrderTicket::catchUp() {
    if (!m_behind || !isOnScreen(this))
        return;
    m_behind = false;
    prefillPrice();
    revalidate();
}

void OrderTicket::revalidate() {
    const std::optional<Market> market = currentMarket();
    const bool marketBuy = m_type == OrderType::Market && m_side == Side::Buy;
    QList<Field*> active;
    if (m_type == OrderType::Limit && !(offersSessions() && hasFixedPrice(m_orderSession)))
        active.append(&m_price);
    active.append(marketBuy ? &m_total : &m_qty);

    QHash<const Field*, QString> messages;
    QStringList formMessages;
    const std::optional<OrderRequest> request = currentRequest(&messages);

    m_validation = {};
    if (!market) {
        formMessages.append(m_market.isEmpty() ? tr("Select a market in the list.")
                                               : tr("Waiting for the market's trading rules…"));
        m_validation.issues.append(
            {ValidationIssue::UnknownMarket, QStringLiteral("market"), formMessages.last(), {}});
    } else if (request) {
        try {
            m_validation = m_session->trading()->validate(*request);
        } catch (const DecimalError&) {
            // Values that fit the input limit can still overflow together (price x quantity).
            m_validation.issues.append(
                {ValidationIssue::NonPositive, QString(), tr("These numbers are too large."), {}});
        }
        for (const ValidationIssue& issue : m_validation.issues) {
            Field* target = issue.field == kPriceField   ? &m_price
                            : issue.field == kQtyField   ? &m_qty
                            : issue.field == kTotalField ? &m_total
                                                         : nullptr;
            if (target && !active.contains(target))
                target = nullptr;
            if (target) {
                // An untouched empty field is not an error yet, just unfinished.
                if (target->edit->text().trimmed().isEmpty() && !target->touched)
                    continue;
                if (!messages.contains(target))
                    messages.insert(target, issue.message);
            } else if (!(isMissingIssue(issue) && !m_qty.touched && !m_total.touched)) {
                formMessages.append(issue.message);
            }
        }
    } else {
        m_validation.issues.append(
            {ValidationIssue::NonPositive, QString(), tr("Fix the highlighted field."), {}});
    }

    for (Field* f : {&m_price, &m_qty, &m_total}) {
        const QString message = messages.value(f);
        f->error->setMessage(message);
        f->error->setVisible(!message.isEmpty() && active.contains(f));
        const bool invalid = !message.isEmpty();
        if (f->edit->property("invalid").toBool() != invalid) {
            f->edit->setProperty("invalid", invalid);
            f->edit->style()->unpolish(f->edit);
            f->edit->style()->polish(f->edit);
        }
    }
    m_formError->setMessage(formMessages.join(QLatin1Char(' ')));
    m_formError->setVisible(!formMessages.isEmpty());

    // One submit at a time, and never the same values twice in a row (a second Enter, a double click).
    const bool busy = !m_pendingClientId.isEmpty() || m_confirm;
    const bool sameAsSent = request && !m_lastSentKey.isEmpty() && requestKey(*request) == m_lastSentKey;
    const bool valid = canTrade() && market && m_validation.ok();
    m_submit->setEnabled(valid && !busy && !sameAsSent);
    if (!canTrade())
        m_submit->setToolTip(disabledReason());
    else if (valid && busy)
        m_submit->setToolTip(tr("Waiting for the venue to answer the order just sent."));
    else if (valid && sameAsSent)
        m_submit->setToolTip(tr("This order was just sent. Change the price or quantity to send another."));
    else
        m_submit->setToolTip(QString());
    for (QPushButton* b : m_percentButtons)
        b->setEnabled(canTrade() && market.has_value());
    updateEstimates(market ? request : std::nullopt);
}

std::optional<OrderTicket::Estimate> OrderTicket::estimate(const OrderRequest& request) const try {
    // Order value in the quote currency: exact for limit orders, estimated from the book otherwise.
    std::optional<Decimal> value;
    bool approximate = false;
    if (hasFixedPrice(request.session)) {
        // Priced at the close: estimated from the last price (the book where there is none yet).
        std::optional<Decimal> last = m_session->hub()->lastPrice(m_market);
        if (!last)
            last = referencePrice(request.side);
        if (last && request.qty.isPositive()) {
            value = *last * request.qty;
            approximate = true;
        }
    } else if (request.type == OrderType::Limit) {
        if (request.price.isPositive() && request.qty.isPositive())
            value = request.price * request.qty;
    } else if (request.side == Side::Buy) {
        if (request.total.isPositive())
            value = request.total;
    } else if (request.qty.isPositive()) {
        if (auto ref = referencePrice(Side::Sell)) {
            value = *ref * request.qty;
            approximate = true;
        }
    }
    if (!value)
        return std::nullopt;
    Estimate e;
    e.value = *value;
    e.feeRate = feeRateFor(request);
    e.fee = value->multiply(e.feeRate, 8, Rounding::Up);
    // Market buys by total pay the total; the fee comes on top for everything else we know of.
    e.net = request.side == Side::Buy ? e.value + e.fee : e.value - e.fee;
    e.approximate = approximate;
    return e;
} catch (const DecimalError&) {
    return std::nullopt; // too large to estimate; validation says so
}

void OrderTicket::updateEstimates(const std::optional<OrderRequest>& request) {
    const std::optional<Market> market = currentMarket();
    if (!market) {
        for (QLabel* l : {m_available, m_value, m_fee, m_net})
            l->clear();
        return;
    }
    const MarketFormat format(market);
    const QString availCurrency = m_side == Side::Buy ? market->quote : market->base;
    const std::optional<Balance> balance = m_session->trading()->balance(availCurrency);
    m_available->setText(!canTrade() ? QStringLiteral("—")
                         : balance
                             ? formatAmount(balance->free, availCurrency) + QLatin1Char(' ') + availCurrency
                             : tr("no %1 balance").arg(availCurrency));

    const std::optional<Estimate> e = request ? estimate(*request) : std::nullopt;
    if (!e) {
        for (QLabel* l : {m_value, m_fee, m_net})
            l->clear();
        m_feeCaption->setText(tr("Fee"));
        return;
    }
    const QString approx = e->approximate ? QStringLiteral("≈ ") : QString();
    const QString quote = QLatin1Char(' ') + market->quote;
    m_value->setText(approx + format.quoteAmount(e->value) + quote);
    m_feeCaption->setText(
        tr("Fee (%1)").arg(formatDecimalTrimmed(e->feeRate * Decimal(100), 4) + QLocale().percent()));
    m_fee->setText(approx + format.quoteAmount(e->fee) + quote);
    m_net->setText(approx + format.quoteAmount(e->net) + quote);
}

void OrderTicket::applyPercent(int percent) {
    const std::optional<Market> market = currentMarket();
    if (!market)
        return;
    const TradingRules& rules = market->rules;
    const int qtyDecimals = MarketFormat(market).qtyDecimals();
    if (m_side == Side::Sell) {
        m_qty.edit->setText(formatDecimalTrimmed(
            ticket::sellQtyForPercent(rules, available(market->base), percent), qtyDecimals));
        m_qty.touched = true;
    } else if (m_type == OrderType::Market) {
        const int decimals = ticket::quoteDecimals(market->quote);
        m_total.edit->setText(formatDecimal(
            ticket::buyTotalForPercent(rules, available(market->quote), percent, decimals), decimals));
        m_total.touched = true;
    } else {
        const std::optional<Decimal> price = parsed(m_price, nullptr);
        if (!price || !price->isPositive()) {
            m_price.touched = true;
            revalidate();
            m_price.error->setMessage(tr("Enter a price first: the quantity is computed from it."));
            m_price.error->setVisible(true);
            return;
        }
        m_qty.edit->setText(formatDecimalTrimmed(
            ticket::buyQtyForPercent(rules, available(market->quote), percent, *price), qtyDecimals));
        m_qty.touched = true;
    }
    revalidate();
}

void OrderTicket::stepPrice(int direction) {
    const std::optional<Market> market = currentMarket();
    if (!market || m_type != OrderType::Limit)
        return;
    std::optional<Decimal> price = parseDecimalInput(m_price.edit->text());
    if (!price || !price->isPositive())
        price = referencePrice(m_side == Side::Buy ? Side::Sell : Side::Buy);
    const std::optional<Decimal> next =
        price ? ticket::stepPrice(market->rules, *price, direction) : std::nullopt;
    if (!next)
        return;
    m_price.edit->setText(formatDecimal(*next, market->rules.priceDecimalsFor(*next)));
    m_price.touched = true;
    revalidate();
}

bool OrderTicket::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_price.edit && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down) {
            stepPrice(key->key() == Qt::Key_Up ? +1 : -1);
            return true;
        }
    }
    if (event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            // Enter always belongs to the ticket: submit() itself refuses what must not be sent.
            submit();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

bool OrderTicket::confirmsOrders() const {
    return !m_session->isSimulated() || m_confirmPaper;
}

void OrderTicket::setConfirmPaperOrders(bool confirm) {
    m_confirmPaper = confirm;
}

OrderConfirmDialog* OrderTicket::confirmDialog() const {
    return m_confirm;
}

QString OrderTicket::statusText() const {
    return m_result->text();
}

void OrderTicket::submit() {
    revalidate();
    // Disabled also covers an order in flight, an open confirmation and the values just sent.
    if (!m_submit->isEnabled() || m_market.isEmpty())
        return;
    const std::optional<OrderRequest> request = currentRequest();
    if (!request)
        return;
    if (!confirmsOrders()) {
        send(*request);
        return;
    }
    auto* dialog = new OrderConfirmDialog(summarize(*request), m_session->isSimulated(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_confirm = dialog;
    // What was confirmed is what is sent: the snapshot, not whatever the fields hold by then.
    connect(dialog, &QDialog::finished, this, [this, dialog, confirmed = *request](int result) {
        m_confirm = nullptr;
        if (result == QDialog::Accepted) {
            if (dialog->skipNextTime() && m_confirmPaper) {
                m_confirmPaper = false;
                emit confirmPaperOrdersChanged(false);
            }
            send(confirmed);
        } else {
            showResult(tr("Order not sent."), theme::dimText());
            revalidate();
        }
    });
    revalidate(); // submit stays disabled while the question is open
    dialog->open();
}

void OrderTicket::send(const OrderRequest& confirmed) {
    OrderRequest request = confirmed;
    // Our own idempotency key, known before sending, so every answer can be matched to this submit.
    request.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_pendingClientId = request.clientId;
    m_lastSentKey = requestKey(request);
    m_trackedOrderId.clear();
    showResult(tr("Sending %1 order…").arg(sideText(request.side).toLower()), theme::dimText());
    const QString clientId = m_session->trading()->submit(request);
    if (clientId.isEmpty()) {
        // Refused before reaching the venue (orderRejected already explained why): nothing was sent.
        m_pendingClientId.clear();
        m_lastSentKey.clear();
        revalidate();
        return;
    }
    m_pendingClientId = clientId;
    emit orderSubmitted(clientId);
    revalidate();
}

OrderSummary OrderTicket::summarize(const OrderRequest& request) const {
    const std::optional<Market> market = currentMarket();
    const MarketFormat format(market);
    const QString base = format.base();
    const QString quote = format.quote();
    const std::optional<Estimate> e = estimate(request);
    const QString approx = e && e->approximate ? QStringLiteral("≈ ") : QString();

    OrderSummary s;
    s.side = sideText(request.side);
    s.sideColor = request.side == Side::Buy ? m_colors.up : m_colors.down;
    s.market = m_marketText;
    s.venue = m_session->displayName();
    s.live = !m_session->isSimulated();
    s.type = orderTypeText(request.type);
    if (request.session != OrderSession::Regular)
        s.type += QStringLiteral(" · ") + m_orderSessionBox->currentText();
    else if (request.type == OrderType::Limit)
        s.type += QStringLiteral(" · ") + m_timeInForceBox->currentText();

    const std::optional<Decimal> reference = referencePrice(request.side);
    const std::optional<Decimal> last = m_session->hub()->lastPrice(m_market);
    if (request.session == OrderSession::PreMarketClose)
        s.price = tr("The previous close");
    else if (request.session == OrderSession::PostMarketClose)
        s.price = last ? tr("Today's close, now %1 %2").arg(format.price(*last), quote) : tr("Today's close");
    else if (request.type == OrderType::Limit)
        s.price = format.price(request.price) + QLatin1Char(' ') + quote;
    else if (reference)
        s.price = tr("Best available, now ≈ %1 %2").arg(format.price(*reference), quote);
    else
        s.price = tr("Best available price");

    if (request.qty.isPositive()) {
        s.qty = format.qty(request.qty) + QLatin1Char(' ') + base;
    } else if (request.total.isPositive() && reference && reference->isPositive()) {
        // A market buy by total: the quantity follows from the prices it meets.
        const Decimal qty = request.total.divide(*reference, format.qtyDecimals(), Rounding::Down);
        s.qty = QStringLiteral("≈ ") + format.qty(qty) + QLatin1Char(' ') + base;
    } else {
        s.qty = QStringLiteral("—");
    }
    if (e) {
        s.total = approx + format.quoteAmount(e->value) + QLatin1Char(' ') + quote;
        s.fee = approx + format.quoteAmount(e->fee) + QLatin1Char(' ') + quote + QStringLiteral(" (") +
                formatDecimalTrimmed(e->feeRate * Decimal(100), 4) + QLocale().percent() + QLatin1Char(')');
        s.net = approx + format.quoteAmount(e->net) + QLatin1Char(' ') + quote;
    } else {
        s.total = s.fee = s.net = QStringLiteral("—");
    }
    s.netCaption = request.side == Side::Buy ? tr("You pay") : tr("You receive");
    s.confirmText = request.side == Side::Buy ? tr("Buy %1").arg(base) : tr("Sell %1").arg(base);
    return s;
}

void OrderTicket::followTrackedOrder() {
    if (m_trackedOrderId.isEmpty())
        return;
    TradingSession* trading = m_session->trading();
    for (const QVector<Order>& list : {trading->openOrders(), trading->orderHistory()})
        for (const Order& o : list)
            if (o.id == m_trackedOrderId) {
                showOrderState(o);
                return;
            }
}

void OrderTicket::showOrderState(const Order& order) {
    const MarketFormat format(m_session->hub()->market(order.market));
    const QString what = order.type == OrderType::Limit
                             ? tr("%1 %2 %3 at %4 %5")
                                   .arg(sideText(order.side), format.qty(order.qty), format.base(),
                                        format.price(order.price), format.quote())
                             : tr("%1 %2 at market").arg(sideText(order.side), order.market);
    // How much filled: "0.0005 of 0.001 BTC", or just "0.0005 BTC" for a market buy by total.
    const QString filled =
        order.qty.isPositive()
            ? tr("%1 of %2 %3").arg(format.qty(order.filledQty), format.qty(order.qty), format.base())
            : format.qty(order.filledQty) + QLatin1Char(' ') + format.base();
    switch (order.state) {
    case OrderState::New:
    case OrderState::Open:
        showResult(tr("Order accepted: %1 (%2).").arg(what, orderStateText(order.state).toLower()),
                   theme::success());
        return;
    case OrderState::PartiallyFilled:
        showResult(tr("Order partially filled: %1 — %2 filled.").arg(what, filled), theme::success());
        return;
    case OrderState::Filled:
        showResult(order.filledQty.isPositive()
                       ? tr("Order filled: %1 — %2 at %3 %4 on average.")
                             .arg(what, format.qty(order.filledQty) + QLatin1Char(' ') + format.base(),
                                  format.derivedPrice(order.averageFillPrice()), format.quote())
                       : tr("Order filled: %1.").arg(what),
                   theme::success());
        return;
    case OrderState::Cancelled:
        showResult(order.filledQty.isPositive() ? tr("Order cancelled: %1 — %2 had filled.").arg(what, filled)
                                                : tr("Order cancelled: %1.").arg(what),
                   theme::dimText());
        return;
    case OrderState::Rejected:
        showResult(tr("Order rejected: %1").arg(order.rejectReason.isEmpty() ? what : order.rejectReason),
                   theme::error());
        return;
    }
}

void OrderTicket::showResult(const QString& text, const QColor& color) {
    m_result->setText(text);
    theme::setTextColor(m_result, color);
}

} // namespace hoga
