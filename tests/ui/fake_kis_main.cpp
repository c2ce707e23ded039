// hoga_fake_kis: the strict loopback KIS fake (domestic stocks) as a program of its own, for running the GUI
// or hoga-cli against it by hand (screenshots, demonstrations). Listens on 127.0.0.1 only, walks the stocks'
// prices on a timer (trades and books pushed to the stream's subscribers), prints its endpoints as one JSON
// line, and quits by itself after --seconds.
//
//   hoga_fake_kis --appkey K --appsecret S --account 12345678-01 --cash 25000000
//       --holding 005930=120@61250 --seconds 120 &
//   HOGA_API_KEY=K HOGA_API_SECRET=S HOGA_ACCOUNT=12345678-01
//       hoga --venue kis --rest-url kis=<rest> --ws-url kis=<ws> --private-ws-url kis=<ws>

#include "support/fake_kis/fake_kis_server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSet>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <iterator>

using hoga::test::FakeKisServer;

namespace {

// The stocks hoga lists for KIS, at plausible prices (KRW): every one needs a price, or its ticker fails.
struct Stock {
    const char* code;
    qint64 price;
};
constexpr Stock kStocks[] = {
    {"005930", 65800},  {"000660", 180000}, {"373220", 372500}, {"207940", 812000}, {"005380", 214500},
    {"000270", 98700},  {"068270", 178300}, {"035420", 201500}, {"035720", 42350},  {"105560", 81200},
    {"055550", 48650},  {"005490", 382000}, {"051910", 312500}, {"006400", 365000}, {"012330", 236000},
    {"028260", 137900}, {"066570", 97300},  {"003550", 78600},  {"017670", 52400},  {"030200", 41250},
    {"247540", 238500}, {"086520", 92800},  {"069500", 35215},
};

// One step of a bounded random walk: a tick up or down, pulled back toward where the stock started.
qint64 nextPrice(qint64 price, qint64 start, QRandomGenerator& random) {
    const qint64 tick = FakeKisServer::tickFor(price);
    int direction = int(random.bounded(3)) - 1;
    if (price > start + 15 * tick)
        direction = -1;
    else if (price < start - 15 * tick)
        direction = 1;
    const qint64 next = price + direction * tick;
    return next - next % FakeKisServer::tickFor(next); // stay on the tick of the new band
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Loopback fake of the KIS Open API for manual runs."));
    parser.addHelpOption();
    const QCommandLineOption virtualOption(QStringLiteral("virtual"),
                                           QStringLiteral("The virtual (모의투자) server's flavour."));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Price walk seed."),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption stepOption(QStringLiteral("step-ms"), QStringLiteral("Market step interval."),
                                        QStringLiteral("ms"), QStringLiteral("200"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Quit after this long."),
                                           QStringLiteral("s"), QStringLiteral("120"));
    const QCommandLineOption keyOption(QStringLiteral("appkey"), QStringLiteral("App key to accept."),
                                       QStringLiteral("key"));
    const QCommandLineOption secretOption(QStringLiteral("appsecret"), QStringLiteral("Secret of --appkey."),
                                          QStringLiteral("secret"));
    const QCommandLineOption accountOption(QStringLiteral("account"),
                                           QStringLiteral("Account number, 12345678-01."),
                                           QStringLiteral("number"), QStringLiteral("12345678-01"));
    const QCommandLineOption htsOption(QStringLiteral("hts-id"),
                                       QStringLiteral("HTS id of the fill notices."), QStringLiteral("id"),
                                       QStringLiteral("hoga-hts"));
    const QCommandLineOption cashOption(QStringLiteral("cash"), QStringLiteral("Cash deposit in KRW."),
                                        QStringLiteral("krw"), QStringLiteral("10000000"));
    const QCommandLineOption holdingOption(QStringLiteral("holding"),
                                           QStringLiteral("A holding, e.g. 005930=120@61250 (repeatable)."),
                                           QStringLiteral("CODE=qty@avg"));
    const QCommandLineOption throttleOption(
        QStringLiteral("token-throttle-ms"),
        QStringLiteral("At most one token per this long (KIS: one a minute; 0: off)."), QStringLiteral("ms"),
        QStringLiteral("60000"));
    parser.addOptions({virtualOption, seedOption, stepOption, secondsOption, keyOption, secretOption,
                       accountOption, htsOption, cashOption, holdingOption, throttleOption});
    parser.process(app);

    FakeKisServer server(parser.isSet(virtualOption));
    if (parser.isSet(keyOption))
        server.setKeys(parser.value(keyOption), parser.value(secretOption));
    QString account = parser.value(accountOption);
    account.remove(QLatin1Char('-'));
    if (account.size() != 10) {
        std::fprintf(stderr, "--account takes 8 digits, a dash and 2 digits, not %s\n",
                     qPrintable(parser.value(accountOption)));
        return 2;
    }
    server.setAccount(account.left(8), account.mid(8));
    server.setHtsId(parser.value(htsOption));
    server.setCash(parser.value(cashOption).toLongLong());
    server.setTokenThrottleMs(parser.value(throttleOption).toLongLong());
    QHash<QString, qint64> start;
    for (const Stock& s : kStocks) {
        server.setPrice(QLatin1String(s.code), s.price);
        start.insert(QLatin1String(s.code), s.price);
    }
    for (const QString& holding : parser.values(holdingOption)) {
        const QString code = holding.section(QLatin1Char('='), 0, 0);
        const QString rest = holding.section(QLatin1Char('='), 1);
        bool ok = false;
        const qint64 qty = rest.section(QLatin1Char('@'), 0, 0).toLongLong(&ok);
        const QString avg = rest.section(QLatin1Char('@'), 1);
        if (!ok || qty <= 0 || avg.isEmpty() || !start.contains(code)) {
            std::fprintf(stderr, "--holding takes CODE=qty@avg of a listed stock, not %s\n",
                         qPrintable(holding));
            return 2;
        }
        server.setHolding(code, qty, avg);
    }
    if (!server.start()) {
        std::fprintf(stderr, "could not listen on 127.0.0.1\n");
        return 1;
    }

    // Every step: each subscribed stock moves a tick (or not), trades and sends its book; one more stock
    // trades, so the REST tape of every stock fills in too.
    QRandomGenerator random(quint32(parser.value(seedOption).toUInt()));
    QTimer stepper;
    QObject::connect(&stepper, &QTimer::timeout, &server, [&] {
        QSet<QString> codes;
        for (const QString& subscription : server.subscriptions())
            if (subscription.startsWith(QLatin1String("H0STCNT0|")) ||
                subscription.startsWith(QLatin1String("H0STASP0|")))
                codes.insert(subscription.section(QLatin1Char('|'), 1));
        codes.insert(QLatin1String(kStocks[random.bounded(int(std::size(kStocks)))].code));
        for (const QString& code : std::as_const(codes)) {
            server.setPrice(code, nextPrice(server.price(code), start.value(code), random));
            server.trade(code);
            server.pushBook(code);
        }
    });
    stepper.start(std::max(20, parser.value(stepOption).toInt()));
    QTimer::singleShot(std::max(1, parser.value(secondsOption).toInt()) * 1000, &app,
                       &QCoreApplication::quit);

    std::printf("{\"rest\":\"%s\",\"ws\":\"%s\"}\n", qPrintable(server.restUrl().toString()),
                qPrintable(server.wsUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
