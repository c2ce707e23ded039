#pragma once

#include "connector.h"
#include "core/clock.h"
#include "venues/core/credentials.h"

#include <QByteArray>
#include <QUrl>

#include <memory>

namespace hoga {

// Where a venue is reached. Empty URLs mean the venue's public production endpoints; tests point them at
// loopback fake venues.
struct VenueEndpoints {
    QUrl restUrl;       // e.g. https://api.upbit.com (paths such as /v1/ticker are appended)
    QUrl wsUrl;         // public stream
    QUrl privateWsUrl;  // private (account) stream
};

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
// The credential fields of `venue` (keys dialog, hoga-cli keys set); the key pair for an unknown venue.
CredentialSchema credentialSchema(const QString& venue);

} // namespace hoga
