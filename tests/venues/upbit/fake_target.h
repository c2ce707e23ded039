#pragma once

// Connectors wired to a loopback FakeVenueServer, for the Upbit and Bithumb suites.

#include "conformance/connector_conformance.h"
#include "support/fake_venues/fake_venue_server.h"

#include "venues/bithumb/bithumb_protocol.h"
#include "venues/core/venue_connector.h"
#include "venues/upbit/upbit_protocol.h"

#include <algorithm>

#include <functional>
#include <memory>

namespace hoga::test {

// Exact decimal literal for expectations.
inline Decimal d(const char* text) {
    return Decimal::fromString(text);
}

// Evaluates `expr` once (it usually makes a request) and fails with the venue error's description.
#define REQUIRE_OK(expr)                                                                                     \
    do {                                                                                                     \
        const auto& result_ = (expr);                                                                        \
        QVERIFY2(result_.ok(), qPrintable(result_.ok() ? QString() : describe(result_.error())));            \
    } while (false)

// The requests the fake received for one method and path, oldest first.
inline QVector<FakeRequestLog> requestsTo(const FakeVenueServer& server, const QByteArray& method,
                                          const QByteArray& path) {
    QVector<FakeRequestLog> out;
    for (const FakeRequestLog& r : server.requests())
        if (r.method == method && r.path == path)
            out.append(r);
    return out;
}

inline const QString kFakeAccess = QStringLiteral("fake-access-key");
inline const QByteArray kFakeSecret = QByteArrayLiteral("fake-secret-key-raw-bytes");

// Short timeouts and reconnects so fault tests finish in well under a second each.
inline VenueConnectorOptions fastOptions(std::shared_ptr<net::RateLimiter> limiter) {
    VenueConnectorOptions o;
    o.limiter = std::move(limiter);
    o.requestTimeoutMs = 3000;
    o.orderTimeoutMs = 600;
    o.wsReconnectBaseMs = 20;
    o.wsReconnectMaxMs = 200;
    o.retry.baseDelayMs = 20;
    o.retry.maxDelayMs = 100;
    return o;
}

inline VenueConfig fakeConfig(const FakeVenueServer& server, const QString& venue,
                              const QString& access = kFakeAccess, const QByteArray& secret = kFakeSecret) {
    VenueConfig config;
    config.venue = venue;
    config.endpoints.restUrl = server.restUrl();
    config.endpoints.wsUrl = server.wsUrl();
    config.endpoints.privateWsUrl = server.privateWsUrl();
    config.credentials.accessKey = access;
    config.credentials.secretKey = secret;
    return config;
}

// A connector of the fake's flavour with fast options and a limiter of its own (so tests never share a venue
// block); `tweak` may change the options.
inline std::unique_ptr<VenueConnector>
makeConnector(const FakeVenueServer& server, const VenueConfig& config,
              const std::function<void(VenueConnectorOptions&)>& tweak = {}) {
    const bool upbit = server.flavor() == FakeFlavor::Upbit;
    VenueConnectorOptions options = fastOptions(
        std::make_shared<net::RateLimiter>(upbit ? UpbitProtocol::limits() : BithumbProtocol::limits()));
    if (tweak)
        tweak(options);
    std::unique_ptr<VenueProtocol> protocol;
    if (upbit)
        protocol = std::make_unique<UpbitProtocol>();
    else
        protocol = std::make_unique<BithumbProtocol>();
    return std::make_unique<VenueConnector>(std::move(protocol), config, options);
}

// The conformance target for one flavour: a fresh fake venue and connector per test function.
inline ConformanceTarget fakeConformanceTarget(FakeFlavor flavor) {
    const bool upbit = flavor == FakeFlavor::Upbit;
    ConformanceTarget target;
    target.name = upbit ? QStringLiteral("upbit") : QStringLiteral("bithumb");
    target.markets =
        upbit ? QStringList{QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH"), QStringLiteral("USDT-BTC"),
                            QStringLiteral("KRW-XRP")}
              : QStringList{QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH"), QStringLiteral("KRW-XRP")};
    target.tradeMarket = QStringLiteral("KRW-BTC");
    target.caps.contiguousCandles = false; // no candle for a bucket without trades, like the venues
    target.caps.candleIntervals = {CandleInterval::M1, CandleInterval::M15, CandleInterval::H4,
                                   CandleInterval::D1, CandleInterval::W1,  CandleInterval::MN1};
    if (upbit)
        target.caps.candleIntervals.prepend(CandleInterval::S1);
    target.caps.maxBookDepth = 30;
    target.create = [flavor, venue = target.name] {
        auto server = std::make_shared<FakeVenueServer>(flavor, 7);
        if (!server->start())
            qFatal("the fake venue could not listen on 127.0.0.1");
        server->addKey(kFakeAccess, kFakeSecret);
        ConformanceInstance instance;
        instance.host = std::make_unique<ConnectorHost>(makeConnector(*server, fakeConfig(*server, venue)));
        FakeVenueServer* raw = server.get();
        instance.drive = [raw] {
            raw->step();
        };
        // A fill before the fake took the private myOrder subscription would reach nobody (seen in a loaded
        // run: the account stream reported no fill for a marketable order).
        instance.streamsTaken = [raw](const QStringList& markets, bool account) {
            const QVector<FakeWsSubscription> live = raw->wsSubscriptions();
            auto has = [&live](bool isPrivate, const QString& type, const QString& code) {
                return std::any_of(live.cbegin(), live.cend(), [&](const FakeWsSubscription& s) {
                    return s.isPrivate == isPrivate && s.type == type &&
                           (code.isEmpty() || s.codes.contains(code));
                });
            };
            if (account && !has(true, QStringLiteral("myOrder"), {}))
                return false;
            return std::all_of(markets.cbegin(), markets.cend(), [&](const QString& code) {
                return has(false, QStringLiteral("trade"), code);
            });
        };
        instance.context = server;
        return instance;
    };
    return target;
}

} // namespace hoga::test
