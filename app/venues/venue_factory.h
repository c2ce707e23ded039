#pragma once

#include "connector.h"
#include "core/clock.h"

#include <QByteArray>
#include <QUrl>

#include <memory>

namespace hoga {

// API key pair of one venue. The secret is raw bytes (Upbit/Bithumb sign with it as-is) and is wiped when
// the credentials are destroyed.
struct Credentials {
    QString accessKey;
    QByteArray secretKey;

    bool isEmpty() const { return accessKey.isEmpty() || secretKey.isEmpty(); }
    void wipe();
    ~Credentials() { wipe(); }
};

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

} // namespace hoga
