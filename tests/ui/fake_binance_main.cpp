// hoga_fake_binance: the strict loopback Binance fake as a program of its own, for running the GUI or
// hoga-cli against it by hand (screenshots, demonstrations). Listens on 127.0.0.1 only, steps the market on
// a timer, prints its endpoints as one JSON line, and quits by itself after --seconds.
//
//   hoga_fake_binance --key K --secret S --balance USDT=5000 --balance BTC=0.5 --seconds 60 &
//   hoga --venue binance --rest-url binance=<rest> --ws-url binance=<ws> --private-ws-url binance=<ws_api>

#include "support/fake_binance/fake_binance_server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using hoga::Decimal;
using hoga::test::FakeBinanceServer;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Loopback fake of Binance Spot for manual runs."));
    parser.addHelpOption();
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Market seed."),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption stepOption(QStringLiteral("step-ms"), QStringLiteral("Market step interval."),
                                        QStringLiteral("ms"), QStringLiteral("100"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Quit after this long."),
                                           QStringLiteral("s"), QStringLiteral("120"));
    const QCommandLineOption keyOption(QStringLiteral("key"), QStringLiteral("API key to register."),
                                       QStringLiteral("key"));
    const QCommandLineOption secretOption(QStringLiteral("secret"), QStringLiteral("Secret of --key."),
                                          QStringLiteral("secret"));
    const QCommandLineOption balanceOption(
        QStringLiteral("balance"),
        QStringLiteral("Free balance, e.g. USDT=5000 (repeatable; none: the simulator's default)."),
        QStringLiteral("ASSET=amount"));
    parser.addOptions({seedOption, stepOption, secondsOption, keyOption, secretOption, balanceOption});
    parser.process(app);

    QHash<QString, Decimal> balances;
    for (const QString& balance : parser.values(balanceOption)) {
        const std::optional<Decimal> amount = Decimal::parse(balance.section(QLatin1Char('='), 1));
        if (!amount) {
            std::fprintf(stderr, "--balance takes ASSET=amount, not %s\n", qPrintable(balance));
            return 2;
        }
        balances.insert(balance.section(QLatin1Char('='), 0, 0), *amount);
    }
    FakeBinanceServer server(parser.value(seedOption).toULongLong(), balances);
    if (!server.start()) {
        std::fprintf(stderr, "could not listen on 127.0.0.1\n");
        return 1;
    }
    if (parser.isSet(keyOption))
        server.addKey(parser.value(keyOption), parser.value(secretOption).toUtf8());

    QTimer stepper;
    QObject::connect(&stepper, &QTimer::timeout, &server, &FakeBinanceServer::step);
    stepper.start(std::max(5, parser.value(stepOption).toInt()));
    QTimer::singleShot(std::max(1, parser.value(secondsOption).toInt()) * 1000, &app,
                       &QCoreApplication::quit);

    std::printf("{\"rest\":\"%s\",\"ws\":\"%s\",\"ws_api\":\"%s\"}\n",
                qPrintable(server.restUrl().toString()), qPrintable(server.wsUrl().toString()),
                qPrintable(server.wsApiUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
