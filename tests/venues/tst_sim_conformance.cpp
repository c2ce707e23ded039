// The connector conformance suite, run against the simulated venue.

#include "conformance/connector_conformance.h"
#include "venues/sim/sim_connector.h"

using namespace hoga;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);

    test::ConformanceTarget target;
    target.name = QStringLiteral("sim");
    target.markets = {QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH"), QStringLiteral("BTCUSDT"),
                      QStringLiteral("KRW-XRP")};
    target.tradeMarket = QStringLiteral("KRW-BTC");
    target.caps.contiguousCandles = true;
    target.caps.candleIntervals = {CandleInterval::S1, CandleInterval::M1, CandleInterval::M15,
                                   CandleInterval::H4, CandleInterval::D1, CandleInterval::W1,
                                   CandleInterval::MN1};
    target.create = [] {
        SimConfig config;
        config.autoRun = false; // the suite drives the market itself
        auto* sim = new SimConnector(config);
        test::ConformanceInstance instance;
        instance.host = std::make_unique<ConnectorHost>(std::unique_ptr<Connector>(sim));
        instance.drive = [sim] {
            sim->step();
        };
        return instance;
    };
    return test::runConformance(target, argc, argv);
}
