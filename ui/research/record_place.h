#pragma once

#include "research/recorder/market_data_url.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QStackedLayout;

namespace hoga {

class Connector;
class RecordToggle;

// Where a venue's chart shows the Record toggle of its current market (objectName "recordPlace"). Each
// market gets a toggle of its own the first time it is shown; a market keeps recording while another one is
// on screen, and its toggle comes back with its status when it is shown again.
class RecordPlace : public QWidget {
    Q_OBJECT
public:
    RecordPlace(Connector* connector, MarketDataUrl database, QWidget* parent = nullptr);

    void setMarket(const QString& market);
    QString market() const { return m_market; }
    // The current market's toggle (null before a market is set).
    RecordToggle* currentToggle() const;
    // Markets with a toggle switched on.
    QStringList recordingMarkets() const;

private:
    QPointer<Connector> m_connector;
    MarketDataUrl m_database;
    QStackedLayout* m_stack = nullptr;
    QHash<QString, RecordToggle*> m_toggles; // market -> its toggle (children of this widget)
    QString m_market;
};

} // namespace hoga
