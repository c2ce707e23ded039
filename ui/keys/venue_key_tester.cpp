#include "venue_key_tester.h"

#include "venues/connector_host.h"

#include <QTimer>

#include <memory>

namespace hoga {

VenueKeyTester::VenueKeyTester(QObject* parent)
    : QObject(parent) {}

void VenueKeyTester::test(const QString& venue, const VenueEndpoints& endpoints,
                          const Credentials& credentials, std::function<void(Outcome)> done) {
    VenueConfig config;
    config.venue = venue;
    config.endpoints = endpoints;
    config.credentials.accessKey = credentials.accessKey;
    config.credentials.secretKey =
        QByteArray(credentials.secretKey.constData(), credentials.secretKey.size());
    config.credentials.extras = credentials.extras;
    std::unique_ptr<Connector> connector = createConnector(config);
    config.credentials.wipe();
    if (!connector) {
        Outcome outcome;
        outcome.message = tr("Unknown venue “%1”.").arg(venue);
        QTimer::singleShot(0, this, [done, outcome] { done(outcome); });
        return;
    }
    auto owned = std::make_unique<ConnectorHost>(std::move(connector));
    ConnectorHost* host = owned.get();
    m_hosts.emplace(host, std::move(owned));
    host->connector()->fetchBalances().then(this, [this, host, done](Result<QVector<Balance>> result) {
        Outcome outcome;
        if (result.ok()) {
            outcome.works = true;
            outcome.balances = int(result.value().size());
            outcome.message = tr("Key works: %1 balances readable.").arg(outcome.balances);
        } else {
            outcome.message = result.error().userMessage();
        }
        // Stop the connector's thread outside this continuation, which its future is still delivering.
        QTimer::singleShot(0, this, [this, host] { m_hosts.erase(host); });
        done(outcome);
    });
}

VenueKeyTester::~VenueKeyTester() = default;

} // namespace hoga
