// The connector conformance suite against the strict loopback fake Binance.
#include "conformance/connector_conformance.h"
#include "support/fake_binance/fake_binance_server.h"
#include "venues/binance/binance_protocol.h"
#include "venues/core/venue_connector.h"

using namespace hoga;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    test::ConformanceTarget target;
    target.name = QStringLiteral("binance");
    target.markets = {QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")};
    target.tradeMarket = QStringLiteral("BTCUSDT");
    target.unknownMarket = QStringLiteral("NOSUCHCOINUSDT");
    target.caps.contiguousCandles = false;
    target.caps.candleIntervals = {CandleInterval::S1, CandleInterval::M1, CandleInterval::M15,
                                   CandleInterval::H4, CandleInterval::D1, CandleInterval::W1,
                                   CandleInterval::MN1};
    target.caps.maxBookDepth = 100;
    target.create = [] {
        auto server = std::make_shared<test::FakeBinanceServer>(7);
        if (!server->start())
            qFatal("the fake Binance could not listen on 127.0.0.1");
        server->addKey(QStringLiteral("fake-api-key"), QByteArrayLiteral("fake-secret"));
        VenueConfig config;
        config.venue = QStringLiteral("binance");
        config.endpoints.restUrl = server->restUrl();
        config.endpoints.wsUrl = server->wsUrl();
        config.endpoints.privateWsUrl = server->wsApiUrl();
        config.credentials.accessKey = QStringLiteral("fake-api-key");
        config.credentials.secretKey = QByteArrayLiteral("fake-secret");
        VenueConnectorOptions options;
        options.limiter =
            std::make_shared<net::RateLimiter>(BinanceProtocol::limits(QStringLiteral("binance")));
        options.requestTimeoutMs = 3000;
        options.orderTimeoutMs = 2000;
        options.wsReconnectBaseMs = 20;
        options.wsReconnectMaxMs = 200;
        test::ConformanceInstance instance;
        instance.host = std::make_unique<ConnectorHost>(
            std::make_unique<VenueConnector>(std::make_unique<BinanceProtocol>(), config, options));
        test::FakeBinanceServer* raw = server.get();
        instance.drive = [raw] {
            raw->step();
        };
        instance.context = server;
        return instance;
    };
    return test::runConformance(target, argc, argv);
}
