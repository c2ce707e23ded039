// How much of Upbit's allowed REST rate the connector actually uses, without ever being refused: the Upbit
// connector (its own rate limiter, on its own thread, as in the app) keeps a steady backlog of quotation
// requests (ticker, order book, candles, trades) against the loopback fake venue, which enforces Upbit's
// per-group limits (10 requests per second per group) and answers 429 / 418 as the venue does. Prints one
// JSON object. Targets: >= 90 % of the allowed rate used, zero 429s.
//
//   bench_rest_limits [--seconds N]    (default 60)

#include "marketdata/when_finished.h"
#include "support/fake_venues/fake_venue_server.h"
#include "venues/connector_host.h"
#include "venues/core/venue_connector.h"
#include "venues/upbit/upbit_protocol.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QTimer>

#include <cstdio>
#include <functional>
#include <memory>

using namespace hoga;
using hoga::test::FakeFlavor;
using hoga::test::FakeVenueServer;

namespace {

constexpr int kBacklogPerGroup = 4; // requests kept waiting per group, so the limiter never idles
constexpr int kGroupLimitPerSecond = 10;
const QStringList kMarkets{QStringLiteral("KRW-BTC"), QStringLiteral("KRW-ETH"), QStringLiteral("KRW-XRP"),
                           QStringLiteral("USDT-BTC")};

struct GroupStats {
    int sent = 0;
    int ok = 0;
    int failed = 0;
    QHash<QString, int> errors; // by error kind
};

// One kind of quotation request, re-issued as soon as an earlier one of its kind finishes.
struct Load {
    QString group; // Upbit's rate-limit group, which is also the fake's
    QByteArray path;
    std::function<QFuture<Result<bool>>(Connector*, int)> send;
};

template <class T> QFuture<Result<bool>> asBool(QFuture<Result<T>> future) {
    return future.then([](const Result<T>& r) -> Result<bool> {
        if (r)
            return true;
        return r.error();
    });
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int seconds = 60;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--seconds") && i + 1 < args.size()) {
            seconds = args[++i].toInt();
        } else {
            std::fprintf(stderr, "usage: bench_rest_limits [--seconds N]\n");
            return 2;
        }
    }
    if (seconds <= 0)
        seconds = 60;

    FakeVenueServer server(FakeFlavor::Upbit, 3);
    if (!server.start()) {
        std::fprintf(stderr, "the fake venue could not listen on 127.0.0.1\n");
        return 1;
    }
    QTimer stepper;
    QObject::connect(&stepper, &QTimer::timeout, &server, &FakeVenueServer::step);
    stepper.start(100);

    VenueConfig config;
    config.venue = QStringLiteral("upbit");
    config.endpoints.restUrl = server.restUrl();
    config.endpoints.wsUrl = server.wsUrl();
    config.endpoints.privateWsUrl = server.privateWsUrl();
    VenueConnectorOptions options;
    options.limiter = std::make_shared<net::RateLimiter>(UpbitProtocol::limits());
    ConnectorHost host(std::make_unique<VenueConnector>(std::make_unique<UpbitProtocol>(), config, options));
    Connector* connector = host.connector();

    const QVector<Load> loads{
        {QStringLiteral("ticker"), "/v1/ticker",
         [](Connector* c, int) {
             return asBool(c->fetchTickers(kMarkets));
         }},
        {QStringLiteral("orderbook"), "/v1/orderbook",
         [](Connector* c, int n) {
             return asBool(c->fetchOrderBook(kMarkets[n % kMarkets.size()], 15));
         }},
        {QStringLiteral("candle"), "/v1/candles/minutes/1",
         [](Connector* c, int n) {
             CandleQuery q;
             q.market = kMarkets[n % kMarkets.size()];
             q.interval = CandleInterval::M1;
             q.count = 200; // one request: Upbit's maximum per call
             return asBool(c->fetchCandles(q));
         }},
        {QStringLiteral("trade"), "/v1/trades/ticks",
         [](Connector* c, int n) {
             return asBool(c->fetchTrades(kMarkets[n % kMarkets.size()], 100));
         }},
    };

    QHash<QString, GroupStats> stats;
    QObject context;
    bool running = true;
    std::function<void(const Load&)> issue = [&](const Load& load) {
        if (!running)
            return;
        GroupStats& s = stats[load.group];
        const int n = s.sent++;
        whenFinished(load.send(connector, n), &context, [&, load](const Result<bool>& result) {
            GroupStats& g = stats[load.group];
            if (result) {
                ++g.ok;
            } else {
                ++g.failed;
                ++g.errors[VenueError::kindName(result.error().kind)];
            }
            issue(load);
        });
    };

    // Warm-up (connection setup, first window) is left out of the measured span.
    constexpr int kWarmUpMs = 2000;
    qint64 measureStartMs = 0;
    qint64 measureEndMs = 0;
    for (const Load& load : loads)
        for (int i = 0; i < kBacklogPerGroup; ++i)
            issue(load);
    QTimer::singleShot(kWarmUpMs, Qt::PreciseTimer, &app, [&] {
        server.clearRequests();
        measureStartMs = QDateTime::currentMSecsSinceEpoch();
    });
    QTimer::singleShot(kWarmUpMs + seconds * 1000, Qt::PreciseTimer, &app, [&] {
        measureEndMs = QDateTime::currentMSecsSinceEpoch();
        running = false;
        app.quit();
    });
    app.exec();

    // What reached the venue in the whole seconds of the measured span, by group, and how it was answered.
    // The venue counts each group per calendar second (at most 10), so this is the share of what it allows.
    const qint64 fromMs = (measureStartMs + 999) / 1000 * 1000;
    const qint64 toMs = measureEndMs / 1000 * 1000;
    const QVector<test::FakeRequestLog> log = server.requests();
    QHash<QByteArray, int> received;
    QHash<QByteArray, int> status429;
    int total = 0;
    int total429 = 0;
    int total418 = 0;
    for (const test::FakeRequestLog& r : log) {
        if (r.timeMs < fromMs || r.timeMs >= toMs)
            continue;
        ++total;
        ++received[r.path];
        if (r.status == 429) {
            ++total429;
            ++status429[r.path];
        }
        if (r.status == 418)
            ++total418;
    }
    const double spanS = double(toMs - fromMs) / 1000.0;
    const auto rateOf = [&](const QByteArray& path) {
        return spanS > 0 ? received.value(path) / spanS : 0.0;
    };
    const double allowedPerS = double(loads.size()) * kGroupLimitPerSecond;
    const double totalRate = spanS > 0 ? total / spanS : 0.0;

    QByteArray groups;
    for (const Load& load : loads) {
        const GroupStats& s = stats.value(load.group);
        const int got = received.value(load.path);
        QByteArray errors;
        for (auto it = s.errors.cbegin(); it != s.errors.cend(); ++it)
            errors += (errors.isEmpty() ? "" : ",") +
                      ("\"" + it.key().toUtf8() + "\":" + QByteArray::number(it.value()));
        groups += (groups.isEmpty() ? "" : ",") +
                  QStringLiteral("\"%1\":{\"limit_per_s\":%2,\"received_by_venue\":%3,\"per_s\":%4,"
                                 "\"share_of_allowed\":%5,\"http_429\":%6,\"answered_ok_total\":%7,"
                                 "\"failed_total\":%8,\"errors\":{%9}}")
                      .arg(load.group)
                      .arg(kGroupLimitPerSecond)
                      .arg(got)
                      .arg(rateOf(load.path), 0, 'f', 2)
                      .arg(rateOf(load.path) / kGroupLimitPerSecond, 0, 'f', 4)
                      .arg(status429.value(load.path))
                      .arg(s.ok)
                      .arg(s.failed)
                      .arg(QString::fromUtf8(errors))
                      .toUtf8();
    }
    const double share = totalRate / allowedPerS;
    std::printf("{\"bench\":\"rest_limits\",\"venue\":\"upbit\",\"seconds\":%.1f,\"groups\":{%s},"
                "\"allowed_per_s\":%d,\"received_per_s\":%.2f,\"share_of_allowed\":%.4f,\"http_429\":%d,"
                "\"http_418\":%d,\"venue_429_total\":%d,\"venue_418_total\":%d,\"target_share\":0.9,"
                "\"meets_target\":%s}\n",
                spanS, groups.constData(), int(allowedPerS), totalRate, share, total429, total418,
                server.count429(), server.count418(),
                share >= 0.9 && total429 == 0 && total418 == 0 ? "true" : "false");
    return 0;
}
