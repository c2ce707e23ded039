#include "application/app_settings.h"
#include "application/demo_orders.h"
#include "application/screenshot_runner.h"
#include "application/ui_language.h"
#include "mainwindow/main_window.h"
#include "session/credential_provider.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>

namespace {

int usageError(const QString& message) {
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Hoga"));
    QApplication::setApplicationName(QStringLiteral("Hoga"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setApplicationDisplayName(QStringLiteral("Hoga"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("hoga::Main", "Native trading dashboard"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(
        QStringLiteral("lang"),
        QCoreApplication::translate("hoga::Main", "User interface language: en or ko."),
        QStringLiteral("en|ko"));
    const QCommandLineOption shotsOption(
        QStringLiteral("screenshot-dir"),
        QCoreApplication::translate(
            "hoga::Main", "Save a screenshot of every tab into <dir> once live data has arrived, then quit."),
        QStringLiteral("dir"));
    const QCommandLineOption quitOption(
        QStringLiteral("quit-after-ms"),
        QCoreApplication::translate(
            "hoga::Main", "Quit after <ms> milliseconds (with --screenshot-dir: the longest wait for data)."),
        QStringLiteral("ms"));
    const QCommandLineOption seedOption(
        QStringLiteral("seed"), QCoreApplication::translate("hoga::Main", "Seed of the simulated market."),
        QStringLiteral("n"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo-orders"),
        QCoreApplication::translate(
            "hoga::Main",
            "Simulator only: place a few paper orders once the market is live (demonstrations)."));
    const QCommandLineOption venueOption(
        QStringLiteral("venue"),
        QCoreApplication::translate("hoga::Main",
                                    "Venue to connect to: sim (the built-in simulator, default), upbit or "
                                    "bithumb. API keys come from HOGA_API_KEY and HOGA_API_SECRET; without "
                                    "them a real venue shows market data only."),
        QStringLiteral("name"), QStringLiteral("sim"));
    const QCommandLineOption restUrlOption(
        QStringLiteral("rest-url"),
        QCoreApplication::translate("hoga::Main",
                                    "REST endpoint of the venue (default: its production URL)."),
        QStringLiteral("url"));
    const QCommandLineOption wsUrlOption(
        QStringLiteral("ws-url"),
        QCoreApplication::translate("hoga::Main",
                                    "Public WebSocket endpoint of the venue (default: its production URL)."),
        QStringLiteral("url"));
    const QCommandLineOption privateWsUrlOption(
        QStringLiteral("private-ws-url"),
        QCoreApplication::translate("hoga::Main",
                                    "Private WebSocket endpoint of the venue (default: its production URL)."),
        QStringLiteral("url"));
    parser.addOptions({langOption, shotsOption, quitOption, seedOption, demoOption, venueOption,
                       restUrlOption, wsUrlOption, privateWsUrlOption});
    parser.process(app);

    hoga::AppSettings settings;
    hoga::UiLanguage choice = hoga::languageFromCode(settings.language());
    if (parser.isSet(langOption)) {
        const QString lang = parser.value(langOption);
        choice = hoga::languageFromCode(lang);
        if (choice == hoga::UiLanguage::System) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("hoga::Main", "--lang takes en or ko.")));
            return 2;
        }
    }
    const hoga::UiLanguage language = hoga::effectiveLanguage(choice);
    hoga::installTranslations(app, language);
    hoga::theme::apply(app);

    hoga::SimConfig config;
    if (parser.isSet(seedOption)) {
        bool ok = false;
        config.seed = parser.value(seedOption).toULongLong(&ok);
        if (!ok) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate("hoga::Main",
                                                                "--seed takes a non-negative integer.")));
            return 2;
        }
    }
    int quitAfterMs = 0;
    if (parser.isSet(quitOption)) {
        bool ok = false;
        quitAfterMs = parser.value(quitOption).toInt(&ok);
        if (!ok || quitAfterMs <= 0) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                             "hoga::Main", "--quit-after-ms takes a positive number of milliseconds.")));
            return 2;
        }
    }

    const QString venue = parser.value(venueOption).trimmed().toLower();
    if (!hoga::knownVenues().contains(venue))
        return usageError(QCoreApplication::translate("hoga::Main", "Unknown venue “%1”. Choose one of: %2.")
                              .arg(venue, hoga::knownVenues().join(QStringLiteral(", "))));
    const bool simulated = venue == QLatin1String("sim");
    std::unique_ptr<hoga::VenueSession> session;
    if (simulated) {
        // The embedded simulator keeps its own options (--seed).
        session = hoga::VenueSession::simulated(config);
    } else {
        if (parser.isSet(seedOption))
            return usageError(
                QCoreApplication::translate("hoga::Main", "--seed only applies to the simulator."));
        hoga::VenueConfig venueConfig;
        venueConfig.venue = venue;
        const std::pair<const QCommandLineOption*, QUrl*> urls[] = {
            {&restUrlOption, &venueConfig.endpoints.restUrl},
            {&wsUrlOption, &venueConfig.endpoints.wsUrl},
            {&privateWsUrlOption, &venueConfig.endpoints.privateWsUrl}};
        for (const auto& [option, url] : urls) {
            if (!parser.isSet(*option))
                continue;
            *url = QUrl(parser.value(*option), QUrl::StrictMode);
            if (!url->isValid() || url->scheme().isEmpty() || url->host().isEmpty())
                return usageError(
                    QCoreApplication::translate("hoga::Main", "--%1 takes an absolute URL, not “%2”.")
                        .arg(option->names().constFirst(), parser.value(*option)));
        }
        // The seam for profiles and the OS keychain (a later step): only the provider changes.
        const hoga::EnvironmentCredentialProvider credentials;
        venueConfig.credentials = credentials.credentialsFor(venue);
        session = hoga::VenueSession::create(venueConfig);
        if (!session)
            return usageError(QCoreApplication::translate("hoga::Main", "Unknown venue “%1”.").arg(venue));
    }
    hoga::MainWindow window(&settings, {session.get()}, language);
    window.show();

    hoga::DemoOrders* demo = nullptr;
    if (parser.isSet(demoOption)) {
        demo = new hoga::DemoOrders(session.get(), &app);
        if (!demo->start()) {
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                             "hoga::Main", "--demo-orders only works on the simulator.")));
            delete demo; // nothing to wait for
            demo = nullptr;
        }
    }

    if (parser.isSet(shotsOption)) {
        auto* runner = new hoga::ScreenshotRunner(&window, parser.value(shotsOption),
                                                  quitAfterMs > 0 ? quitAfterMs : 15000, &app);
        if (demo)
            runner->setExtraCondition([demo] { return demo->isDone(); });
        QObject::connect(runner, &hoga::ScreenshotRunner::finished, &app,
                         [&app](bool ok) { app.exit(ok ? 0 : 1); });
        runner->start();
    } else if (quitAfterMs > 0) {
        QTimer::singleShot(quitAfterMs, &window, &QWidget::close);
    }
    return app.exec();
}
