#pragma once

#include "connector.h"
#include "core/clock.h"
#include "venues/core/credentials.h"
#include "venues/core/endpoints.h"

#include <QByteArray>
#include <QUrl>

#include <memory>

namespace hoga {

struct VenueConfig {
    QString venue; // "sim", "upbit", "bithumb"
    VenueEndpoints endpoints;
    Credentials credentials;
    const Clock* clock = &SystemClock::instance();
};

// Creates the connector for `config.venue`, or nullptr for an unknown venue. The result is not yet moved
// to a thread: hand it to a ConnectorHost.
std::unique_ptr<Connector> createConnector(const VenueConfig& config);
QStringList knownVenues();
// The profile secrets a venue's connector caches besides the keys (KIS access tokens): they go with the keys.
QStringList venueTokenSecrets(const QString& venue);
// The protocol bundle of a network venue ("upbit", "bithumb"), or nullptr (the simulator has none).
std::unique_ptr<class VenueProtocol> createProtocol(const QString& venue);
// The KIS bundle for `config`: its account, account type (real/virtual) and endpoints.
std::unique_ptr<class KisProtocol> createKisProtocol(const VenueConfig& config);
// The venue's name for people, translated ("Upbit"), as its connector's displayName() gives it; the id
// itself for an unknown venue.
QString venueDisplayName(const QString& venue);
// The credential fields of `venue` (keys dialog, hoga-cli keys set); the key pair for an unknown venue.
CredentialSchema credentialSchema(const QString& venue);

} // namespace hoga
