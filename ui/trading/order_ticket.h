#pragma once

#include "core/market.h"
#include "core/order.h"
#include "core/order_validator.h"
#include "theme/price_colors.h"

#include <QFrame>
#include <QHash>
#include <QPointer>

#include <optional>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hoga {

class MessageLabel;
class OrderConfirmDialog;
struct OrderSummary;
class VenueSession;

// The order ticket: side, type, price, quantity (or total for market buys), percent-of-balance shortcuts,
// estimated value and fee, and a submit button coloured by side. Every keystroke is validated with the
// session's validator; its precise message shows under the field, in space reserved for it so the fields
// never move, and submit stays disabled until the order is valid.
//
// Submitting (button, Enter) first asks for confirmation (OrderConfirmDialog) unless the venue is the
// simulator and the trader turned that off. While an order is being sent, and afterwards until a value
// changes, the same order cannot be submitted again: a double Enter never sends two orders. The status
// line below the button follows the sent order's state (open, partially filled, filled, cancelled). On a
// venue without API keys the whole ticket is disabled and says why.
class OrderTicket : public QFrame {
    Q_OBJECT
public:
    explicit OrderTicket(VenueSession* session, QWidget* parent = nullptr);

    void setMarket(const QString& code);
    QString market() const { return m_market; }
    // Names the venue above the form (a window of several venues).
    void setVenueShown(bool shown);
    // Uses `price` for a limit order (e.g. a level clicked in the order book).
    void setPrice(const Decimal& price);
    void setSide(Side side);
    Side side() const { return m_side; }
    void setOrderType(OrderType type);
    OrderType orderType() const { return m_type; }
    // Time in force for limit orders (market orders always go without).
    void setTimeInForce(TimeInForce tif);
    TimeInForce timeInForce() const { return m_timeInForce; }
    // The KRX session of a stock order (shown for Korean stocks on a venue that routes after-hours
    // orders): the after-hours ones are limit orders, the closing-price ones without a price of their own.
    void setOrderSession(OrderSession session);
    OrderSession orderSession() const { return m_orderSession; }
    void setPriceColors(const PriceColors& colors);

    // The validation of what is typed now (empty issues = submit enabled).
    const ValidationResult& validation() const { return m_validation; }
    // Whether orders can be placed at all (the venue has keys). When not, disabledReason() says why.
    bool canTrade() const;
    QString disabledReason() const;
    // A venue that cannot be reached: says so above the form (empty: hides the notice).
    void setUnavailableText(const QString& text);
    // Revalidates against the latest prices if updates were skipped while the window was minimised.
    void catchUp();

    // Whether submitting asks for confirmation first: always on a live venue; on the simulator unless
    // setConfirmPaperOrders(false) (a per-profile setting).
    bool confirmsOrders() const;
    bool confirmPaperOrders() const { return m_confirmPaper; }
    void setConfirmPaperOrders(bool confirm);
    // The open confirmation, or null.
    OrderConfirmDialog* confirmDialog() const;
    // The status line under the submit button.
    QString statusText() const;

signals:
    void orderSubmitted(const QString& clientId);
    // The trader ticked "don't ask again" in a confirmation of a simulated order.
    void confirmPaperOrdersChanged(bool confirm);

private:
    struct Field {
        QLineEdit* edit = nullptr;
        QLabel* label = nullptr;
        MessageLabel* error = nullptr;
        bool touched = false;
    };
    // The order value, fee and what is paid or received, in the quote currency.
    struct Estimate {
        Decimal value;
        Decimal feeRate;
        Decimal fee;
        Decimal net;
        bool approximate = false; // market orders: priced from the book
    };

    void buildUi();
    QPushButton* makeToggle(const QString& text, const QString& objectName);
    void addField(QGridLayout* grid, int row, Field& field, const QString& objectName,
                  QWidget* trailing = nullptr);
    void prefillPrice();
    // Whether the session choice applies to the current market (a KRX stock on a venue with after-hours
    // sessions).
    bool offersSessions() const;
    void updateMode();
    void updateColors();
    void revalidate();
    void updateEstimates(const std::optional<OrderRequest>& request);
    void applyPercent(int percent);
    void stepPrice(int direction);
    void submit();
    void send(const OrderRequest& request);
    void showResult(const QString& text, const QColor& color);
    void followTrackedOrder();
    void showOrderState(const Order& order);
    // What is typed now as a request; nullopt when a field does not parse (`errors` says which).
    std::optional<OrderRequest> currentRequest(QHash<const Field*, QString>* errors = nullptr) const;
    // Identifies a request by its values (not its client id), to refuse sending the same one twice.
    static QString requestKey(const OrderRequest& request);
    std::optional<Estimate> estimate(const OrderRequest& request) const;
    OrderSummary summarize(const OrderRequest& request) const;

    std::optional<Decimal> parsed(const Field& field, QString* error) const;
    std::optional<Market> currentMarket() const;
    Decimal available(const QString& currency) const;
    Decimal feeRateFor(const OrderRequest& request) const;
    std::optional<Decimal> referencePrice(Side side) const; // best ask for buys, best bid for sells
    bool eventFilter(QObject* watched, QEvent* event) override;

    VenueSession* m_session;
    QString m_market;
    QLabel* m_unavailable = nullptr;
    bool m_behind = false;
    QVector<Decimal> m_seen; // last price and best levels the ticket was last validated against
    Side m_side = Side::Buy;
    OrderType m_type = OrderType::Limit;
    TimeInForce m_timeInForce = TimeInForce::GoodTillCancel;
    OrderSession m_orderSession = OrderSession::Regular;
    PriceColors m_colors = PriceColors::international();
    ValidationResult m_validation;
    QString m_pendingClientId;  // sent, not answered yet
    QString m_lastSentKey;      // requestKey() of the last order sent: not sent again until values change
    QString m_trackedOrderId;   // the accepted order whose state the status line follows
    bool m_confirmPaper = true; // ask before simulated orders too
    QPointer<OrderConfirmDialog> m_confirm;

    QLabel* m_title = nullptr;
    QString m_marketText; // "KRW-BTC · Bitcoin"
    bool m_venueShown = false;
    QLabel* m_marketLabel = nullptr;
    QPushButton* m_buy = nullptr;
    QPushButton* m_sell = nullptr;
    QPushButton* m_limit = nullptr;
    QPushButton* m_marketType = nullptr;
    QLabel* m_timeInForceLabel = nullptr;
    QComboBox* m_timeInForceBox = nullptr;
    QLabel* m_orderSessionLabel = nullptr;
    QComboBox* m_orderSessionBox = nullptr;
    Field m_price;
    Field m_qty;
    Field m_total;
    QPushButton* m_priceDown = nullptr;
    QPushButton* m_priceUp = nullptr;
    QWidget* m_priceStepper = nullptr;
    QList<QPushButton*> m_percentButtons;
    QLabel* m_available = nullptr;
    QLabel* m_value = nullptr;
    QLabel* m_feeCaption = nullptr;
    QLabel* m_fee = nullptr;
    QLabel* m_netCaption = nullptr;
    QLabel* m_net = nullptr;
    MessageLabel* m_formError = nullptr;
    QPushButton* m_submit = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_keysNotice = nullptr;
};

} // namespace hoga
