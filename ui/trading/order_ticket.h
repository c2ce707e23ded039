#pragma once

#include "core/market.h"
#include "core/order.h"
#include "core/order_validator.h"
#include "theme/price_colors.h"

#include <QFrame>

#include <optional>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hoga {

class VenueSession;

// The order ticket: side, type, price, quantity (or total for market buys), percent-of-balance shortcuts,
// estimated value and fee, and a submit button coloured by side. Every keystroke is validated with the
// session's validator; its precise message shows under the field and submit stays disabled until the
// order is valid. Results of a submit (accepted, rejected, venue error) show below the button. On a venue
// without API keys the whole ticket is disabled and says why.
class OrderTicket : public QFrame {
    Q_OBJECT
public:
    explicit OrderTicket(VenueSession* session, QWidget* parent = nullptr);

    void setMarket(const QString& code);
    QString market() const { return m_market; }
    // Uses `price` for a limit order (e.g. a level clicked in the order book).
    void setPrice(const Decimal& price);
    void setSide(Side side);
    Side side() const { return m_side; }
    void setOrderType(OrderType type);
    OrderType orderType() const { return m_type; }
    // Time in force for limit orders (market orders always go without).
    void setTimeInForce(TimeInForce tif);
    TimeInForce timeInForce() const { return m_timeInForce; }
    void setPriceColors(const PriceColors& colors);

    // The validation of what is typed now (empty issues = submit enabled).
    const ValidationResult& validation() const { return m_validation; }
    // Whether orders can be placed at all (the venue has keys). When not, disabledReason() says why.
    bool canTrade() const;
    QString disabledReason() const;

signals:
    void orderSubmitted(const QString& clientId);

private:
    struct Field {
        QLineEdit* edit = nullptr;
        QLabel* label = nullptr;
        QLabel* error = nullptr;
        bool touched = false;
    };

    void buildUi();
    QPushButton* makeToggle(const QString& text, const QString& objectName);
    void addField(QGridLayout* grid, int row, Field& field, const QString& objectName,
                  QWidget* trailing = nullptr);
    void prefillPrice();
    void updateMode();
    void updateColors();
    void revalidate();
    void updateEstimates(const std::optional<OrderRequest>& request);
    void applyPercent(int percent);
    void stepPrice(int direction);
    void submit();
    void showResult(const QString& text, const QColor& color);

    std::optional<Decimal> parsed(const Field& field, QString* error) const;
    std::optional<Market> currentMarket() const;
    Decimal available(const QString& currency) const;
    Decimal feeRateFor(const OrderRequest& request) const;
    std::optional<Decimal> referencePrice(Side side) const; // best ask for buys, best bid for sells
    bool eventFilter(QObject* watched, QEvent* event) override;

    VenueSession* m_session;
    QString m_market;
    Side m_side = Side::Buy;
    OrderType m_type = OrderType::Limit;
    TimeInForce m_timeInForce = TimeInForce::GoodTillCancel;
    PriceColors m_colors = PriceColors::international();
    ValidationResult m_validation;
    QString m_pendingClientId;

    QLabel* m_title = nullptr;
    QLabel* m_marketLabel = nullptr;
    QPushButton* m_buy = nullptr;
    QPushButton* m_sell = nullptr;
    QPushButton* m_limit = nullptr;
    QPushButton* m_marketType = nullptr;
    QLabel* m_timeInForceLabel = nullptr;
    QComboBox* m_timeInForceBox = nullptr;
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
    QLabel* m_formError = nullptr;
    QPushButton* m_submit = nullptr;
    QLabel* m_result = nullptr;
    QLabel* m_keysNotice = nullptr;
};

} // namespace hoga
