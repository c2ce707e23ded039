// The shared connector conformance suite against the strict loopback KIS fake, on the real and the virtual
// server. KIS's own limits are declared as capabilities, so their cases are skipped rather than failed: no
// market buy by amount (stocks are bought by the share), books of 10 levels. Marketable orders fill at the
// fake's next trade, so their fill notices reach the account stream the test subscribed just before.
#include "conformance/connector_conformance.h"
#include "support/fake_kis/fake_kis_server.h"
#include "venues/connector_host.h"
#include "venues/core/venue_connector.h"
#include "venues/kis/kis_protocol.h"

#include <QCoreApplication>

using namespace hoga;
using namespace hoga::test;

namespace {

ConformanceTarget target(bool isVirtual) {
    ConformanceTarget t;
    t.name = isVirtual ? QStringLiteral("kis-virtual") : QStringLiteral("kis");
    t.markets = {QStringLiteral("005930"), QStringLiteral("000660")};
    t.tradeMarket = QStringLiteral("005930");
    t.unknownMarket = QStringLiteral("999999");
    t.caps.trading = true;
    t.caps.marketOrders = false;
    t.caps.immediateFills = true;
    t.caps.marketStreams = true; // tickers come from the trade stream: drive() trades both stocks
    t.caps.accountStream = true;
    t.caps.contiguousCandles = false;
    t.caps.candleIntervals = {CandleInterval::D1, CandleInterval::W1, CandleInterval::MN1};
    t.caps.minBookLevels = 10;
    t.caps.maxBookDepth = 10;
    t.timeoutMs = 10000;
    t.maxDriveRounds =
        200; // the suite default: the fill notice comes with the next trade, after the stream is up
    t.create = [isVirtual] {
        auto server = std::make_shared<FakeKisServer>(isVirtual);
        ConformanceInstance instance;
        if (!server->start())
            return instance;
        server->setTokenThrottleMs(0);
        server->setRequestsPerSecond(1000);
        server->setCash(100'000'000);
        server->setDeferredFills(true); // fills (and their notices) come with the next trade
        server->setHolding(QStringLiteral("000660"), 5, QStringLiteral("150000"));
        VenueConfig config;
        config.venue = QStringLiteral("kis");
        config.endpoints.restUrl = server->restUrl();
        config.endpoints.wsUrl = server->wsUrl();
        config.endpoints.privateWsUrl = server->wsUrl();
        config.credentials.accessKey = QStringLiteral("fake-app-key");
        config.credentials.secretKey = QByteArrayLiteral("fake-app-secret");
        config.credentials.extras.insert(QStringLiteral("hts_id"), QStringLiteral("hoga-hts"));
        config.credentials.tokenCache = std::make_shared<MemoryTokenCache>();
        auto protocol = std::make_unique<KisProtocol>(
            KisAccount::parse(QStringLiteral("12345678-01"),
                              isVirtual ? QStringLiteral("virtual") : QStringLiteral("real")),
            config.endpoints);
        protocol->setEnforceSessionHours(false);
        VenueConnectorOptions options;
        options.limiter = std::make_shared<net::RateLimiter>(KisProtocol::limits(false));
        options.requestTimeoutMs = 5000;
        instance.host = std::make_unique<ConnectorHost>(
            std::make_unique<VenueConnector>(std::move(protocol), config, options));
        FakeKisServer* raw = server.get();
        instance.drive = [raw] {
            raw->trade(QStringLiteral("005930"));
            raw->trade(QStringLiteral("000660"));
        };
        // The stream opens only after an approval key (REST): a fill before the fake took the notice
        // subscription would push its notice to nobody.
        instance.streamsTaken = [raw, isVirtual](const QStringList& markets, bool account) {
            const QStringList live = raw->subscriptions();
            if (account &&
                !live.contains((isVirtual ? QStringLiteral("H0STCNI9|") : QStringLiteral("H0STCNI0|")) +
                               QStringLiteral("hoga-hts")))
                return false;
            for (const QString& code : markets)
                if (!live.contains(QStringLiteral("H0STCNT0|") + code) ||
                    !live.contains(QStringLiteral("H0STASP0|") + code))
                    return false;
            return true;
        };
        instance.context = server;
        return instance;
    };
    return t;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (bool isVirtual : {false, true})
        failures += runConformance(target(isVirtual), argc, argv);
    return failures;
}
