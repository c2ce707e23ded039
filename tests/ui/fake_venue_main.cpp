// hoga_fake_venue: the strict loopback Upbit/Bithumb fake as a program of its own, for running the GUI or
// hoga-cli against it by hand (screenshots, demonstrations). Listens on 127.0.0.1 only, steps the market on a
// timer, prints its endpoints as one JSON line, and quits by itself after --seconds.
//
//   hoga_fake_venue --flavor upbit --key K --secret S --balance KRW=10000000 --seconds 60 &
//   hoga --venue upbit --rest-url <rest> --ws-url <ws> --private-ws-url <private_ws>

#include "support/fake_venues/fake_venue_server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using hoga::Decimal;
using hoga::test::FakeFlavor;
using hoga::test::FakeVenueServer;

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Loopback fake of Upbit or Bithumb for manual runs."));
    parser.addHelpOption();
    const QCommandLineOption flavorOption(QStringLiteral("flavor"), QStringLiteral("upbit or bithumb."),
                                          QStringLiteral("name"), QStringLiteral("upbit"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Market seed."),
                                        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption stepOption(QStringLiteral("step-ms"), QStringLiteral("Market step interval."),
                                        QStringLiteral("ms"), QStringLiteral("100"));
    const QCommandLineOption secondsOption(QStringLiteral("seconds"), QStringLiteral("Quit after this long."),
                                           QStringLiteral("s"), QStringLiteral("120"));
    const QCommandLineOption keyOption(QStringLiteral("key"), QStringLiteral("Access key to register."),
                                       QStringLiteral("access"));
    const QCommandLineOption secretOption(QStringLiteral("secret"), QStringLiteral("Secret of --key."),
                                          QStringLiteral("secret"));
    const QCommandLineOption balanceOption(QStringLiteral("balance"),
                                           QStringLiteral("Free balance, e.g. KRW=10000000 (repeatable)."),
                                           QStringLiteral("CUR=amount"));
    const QCommandLineOption quietOption(
        QStringLiteral("quiet-after"),
        QStringLiteral("Stop stepping the market after this many seconds (to show stale data)."),
        QStringLiteral("s"));
    const QCommandLineOption logOption(QStringLiteral("request-log"),
                                       QStringLiteral("Append every request as a JSON line to this file."),
                                       QStringLiteral("path"));
    parser.addOptions({flavorOption, seedOption, stepOption, secondsOption, keyOption, secretOption,
                       balanceOption, quietOption, logOption});
    parser.process(app);

    const QString flavorName = parser.value(flavorOption);
    if (flavorName != QLatin1String("upbit") && flavorName != QLatin1String("bithumb")) {
        std::fprintf(stderr, "--flavor takes upbit or bithumb\n");
        return 2;
    }
    FakeVenueServer server(flavorName == QLatin1String("upbit") ? FakeFlavor::Upbit : FakeFlavor::Bithumb,
                           parser.value(seedOption).toULongLong());
    if (parser.isSet(logOption))
        server.setRequestLogPath(parser.value(logOption));
    if (!server.start()) {
        std::fprintf(stderr, "could not listen on 127.0.0.1\n");
        return 1;
    }
    if (parser.isSet(keyOption))
        server.addKey(parser.value(keyOption), parser.value(secretOption).toUtf8());
    for (const QString& balance : parser.values(balanceOption)) {
        const QString currency = balance.section(QLatin1Char('='), 0, 0);
        const Decimal amount = Decimal::fromString(balance.section(QLatin1Char('='), 1).toStdString());
        server.setBalance(currency, amount);
    }

    QTimer stepper;
    QObject::connect(&stepper, &QTimer::timeout, &server, &FakeVenueServer::step);
    stepper.start(std::max(5, parser.value(stepOption).toInt()));
    if (parser.isSet(quietOption))
        QTimer::singleShot(parser.value(quietOption).toInt() * 1000, &stepper, &QTimer::stop);
    QTimer::singleShot(std::max(1, parser.value(secondsOption).toInt()) * 1000, &app,
                       &QCoreApplication::quit);

    std::printf("{\"rest\":\"%s\",\"ws\":\"%s\",\"private_ws\":\"%s\"}\n",
                qPrintable(server.restUrl().toString()), qPrintable(server.wsUrl().toString()),
                qPrintable(server.privateWsUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
