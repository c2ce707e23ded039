#pragma once

#include "price_alert_editor.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

class QPushButton;
class QTableView;

namespace hoga {

class MessageLabel;
class PriceAlertBook;
class PriceAlertTableModel;

// The price alerts of the profile, with their state, and buttons to add one (through PriceAlertEditor),
// remove one and re-arm a fired one. Object names: priceAlerts (the table), addAlertButton,
// removeAlertButton, rearmAlertButton, alertsMessage.
class PriceAlertsWidget : public QWidget {
    Q_OBJECT
public:
    explicit PriceAlertsWidget(PriceAlertBook* book, QWidget* parent = nullptr);

    // The markets the editor offers ("upbit:KRW-BTC"), and the one it preselects.
    void setMarketKeys(const QStringList& keys) { m_marketKeys = keys; }
    void setCurrentMarket(const QString& key) { m_currentMarket = key; }

    QTableView* table() const { return m_table; }
    PriceAlertTableModel* model() const { return m_model; }
    // The editor while it is open (for tests), else null.
    PriceAlertEditor* editor() const { return m_editor; }

private:
    void addAlert();
    void removeSelected();
    void rearmSelected();
    void updateButtons();
    qint64 selectedId() const;

    QPointer<PriceAlertBook> m_book;
    PriceAlertTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_rearm = nullptr;
    MessageLabel* m_message = nullptr;
    QPointer<PriceAlertEditor> m_editor;
    QStringList m_marketKeys;
    QString m_currentMarket;
};

} // namespace hoga
