#include "record_place.h"

#include "record_toggle.h"
#include "venues/connector.h"

#include <QStackedLayout>

namespace hoga {

RecordPlace::RecordPlace(Connector* connector, MarketDataUrl database, QWidget* parent)
    : QWidget(parent)
    , m_connector(connector)
    , m_database(std::move(database)) {
    setObjectName(QStringLiteral("recordPlace"));
    m_stack = new QStackedLayout(this);
    m_stack->setContentsMargins(0, 0, 0, 0);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void RecordPlace::setMarket(const QString& market) {
    if (market.isEmpty() || market == m_market)
        return;
    m_market = market;
    RecordToggle* toggle = m_toggles.value(market);
    if (!toggle) {
        toggle = new RecordToggle(m_connector, market, m_database, this);
        m_toggles.insert(market, toggle);
        m_stack->addWidget(toggle);
    }
    m_stack->setCurrentWidget(toggle);
}

RecordToggle* RecordPlace::currentToggle() const {
    return m_toggles.value(m_market);
}

QStringList RecordPlace::recordingMarkets() const {
    QStringList markets;
    for (auto it = m_toggles.cbegin(); it != m_toggles.cend(); ++it)
        if (it.value()->isRecording())
            markets << it.key();
    markets.sort();
    return markets;
}

} // namespace hoga
