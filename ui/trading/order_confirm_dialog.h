#pragma once

#include <QColor>
#include <QDialog>
#include <QString>

class QCheckBox;
class QPushButton;

namespace hoga {

// What an order confirmation shows, already written out for the trader.
struct OrderSummary {
    QString side;       // "Buy"
    QColor sideColor;   // the convention's up (buy) or down (sell) colour
    QString market;     // "KRW-BTC · Bitcoin"
    QString venue;      // "Simulated market", "Upbit"
    QString type;       // "Limit · GTC (until cancelled)"
    QString price;      // "50,000,000 KRW", or how a market order is priced
    QString qty;        // "0.001 BTC" ("≈ …" when estimated)
    QString total;      // order value in the quote currency
    QString fee;        // "25 KRW (0.05%)"
    QString netCaption; // "You pay" / "You receive"
    QString net;
    QString confirmText; // the confirm button: "Buy BTC"
    bool live = false;   // real money on a real venue
};

// Asks "send this order?" before the ticket sends it: side, market, type, price, quantity, total and the
// estimated fee. Enter confirms (the confirm button is the default), Escape cancels; a held-down Enter's
// repeats are ignored so a key that opened the question cannot also answer it. On the simulator it offers
// "don't ask again for simulated orders".
class OrderConfirmDialog : public QDialog {
    Q_OBJECT
public:
    OrderConfirmDialog(const OrderSummary& summary, bool offerSkip, QWidget* parent = nullptr);

    // "Don't ask again" was ticked (only offered for simulated orders).
    bool skipNextTime() const;
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* cancelButton() const { return m_cancel; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPushButton* m_confirm = nullptr;
    QPushButton* m_cancel = nullptr;
    QCheckBox* m_skip = nullptr;
};

} // namespace hoga
