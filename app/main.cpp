#include "application/app_settings.h"
#include "application/demo_orders.h"
#include "application/screenshot_runner.h"
#include "application/ui_language.h"
#include "mainwindow/main_window.h"
#include "session/credential_provider.h"
#include "session/venue_session.h"
#include "theme/terminal_theme.h"

#include "profiles/profile_gate.h"
#include "security/api_key_ring.h"
#include "security/log_masking.h"
#include "security/profile_lock.h"
#include "security/run_in_pool.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QHash>
#include <QMessageBox>
#include <QProcess>
#include <QTimer>

#include <cstdio>
#include <vector>

namespace {

int usageError(const QString& message) {
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 2;
}

// --profile NAME (or the Demo profile for screenshot runs): logs in without the dialog, the password from
// HOGA_PROFILE_PASSWORD. The password check runs on a worker; a local event loop keeps the GUI thread live.
hoga::ProfileGate::Outcome logInWithoutDialog(hoga::ProfileGate& gate, const QString& nameOrId) {
    hoga::ProfileManager* manager = &gate.manager();
    QString password = qEnvironmentVariable("HOGA_PROFILE_PASSWORD");
    hoga::ProfileResult result;
    QEventLoop loop;
    hoga::runInPool<hoga::ProfileResult>(
        &gate,
        [manager, nameOrId, password]() -> hoga::ProfileResult {
            if (hoga::ProfileResult demo = manager->ensureDemoProfile(); !demo.ok())
                return demo;
            hoga::ProfileResult listError;
            const QList<hoga::ProfileInfo> profiles = manager->profiles(&listError);
            if (!listError.ok())
                return listError;
            for (const hoga::ProfileInfo& p : profiles)
                if (p.id == nameOrId || p.name.compare(nameOrId, Qt::CaseInsensitive) == 0)
                    return manager->login(p.id, password);
            return hoga::ProfileResult::failure(
                hoga::ProfileStatus::NotFound,
                QCoreApplication::translate("hoga::Main", "There is no profile named “%1”.").arg(nameOrId));
        },
        [&](hoga::ProfileResult r) {
            result = std::move(r);
            loop.quit();
        });
    loop.exec();

    hoga::ProfileGate::Outcome outcome;
    if (!result.ok()) {
        password.fill(QChar(0));
        outcome.status = hoga::ProfileGate::Status::Failed;
        outcome.message = result.message;
        return outcome;
    }
    hoga::LoggedInProfile profile;
    profile.profile = result.profile;
    profile.dir = manager->paths(result.profile.id).dir();
    profile.password = std::move(password);
    bool opened = false;
    gate.open(std::move(profile), [&](hoga::ProfileGate::Outcome o) {
        outcome = std::move(o);
        opened = true;
        loop.quit();
    });
    if (!opened) // open() answers at once on failures
        loop.exec();
    return outcome;
}

// The venues a live profile runs when --venue is not given: every venue it holds a key for (the simulator
// when it holds none).
QStringList defaultVenues(const hoga::ProfileGate::Outcome& login) {
    QStringList venues;
    if (login.credentials)
        for (const QString& venue : hoga::knownVenues())
            if (venue != QLatin1String("sim") && login.credentials->hasKey(venue))
                venues << venue;
    if (venues.isEmpty())
        venues << QStringLiteral("sim");
    return venues;
}

// One endpoint override: "upbit=URL" names its venue, a plain URL serves the only real venue running.
struct EndpointOverride {
    QString venue; // empty: unnamed
    QString url;
};

EndpointOverride parseOverride(const QString& value) {
    const qsizetype eq = value.indexOf(QLatin1Char('='));
    if (eq > 0) {
        const QString venue = value.left(eq).trimmed().toLower();
        if (hoga::knownVenues().contains(venue))
            return {venue, value.mid(eq + 1).trimmed()};
    }
    return {QString(), value.trimmed()};
}

// The same command line without --profile, for starting over at the login dialog.
QStringList argumentsWithoutProfile(QStringList args) {
    args.removeFirst(); // the program
    QStringList kept;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == QLatin1String("--profile") || a == QLatin1String("-profile")) {
            ++i; // and its value
            continue;
        }
        if (a.startsWith(QLatin1String("--profile=")) || a.startsWith(QLatin1String("--screenshot-dir")) ||
            a.startsWith(QLatin1String("--quit-after-ms")))
            continue;
        kept << a;
    }
    return kept;
}

} // namespace

int main(int argc, char** argv) {
    // Before anything can log: no key, token or password ever reaches a log line.
    hoga::installLogMasking();
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
                                    "Venues to run, comma separated: sim (the built-in simulator), upbit, "
                                    "bithumb. Default: every venue the profile holds keys for, else sim. API "
                                    "keys come from the profile, or HOGA_API_KEY and HOGA_API_SECRET; "
                                    "without them a real venue shows market data only."),
        QStringLiteral("names"), QStringLiteral("sim"));
    const QCommandLineOption restUrlOption(
        QStringLiteral("rest-url"),
        QCoreApplication::translate(
            "hoga::Main", "REST endpoint of a venue, as venue=URL (repeatable; a plain URL when one "
                          "real venue runs). Default: its production URL."),
        QStringLiteral("[venue=]url"));
    const QCommandLineOption wsUrlOption(
        QStringLiteral("ws-url"),
        QCoreApplication::translate(
            "hoga::Main",
            "Public WebSocket endpoint of a venue, as venue=URL (repeatable; a plain URL when one "
            "real venue runs). Default: its production URL."),
        QStringLiteral("[venue=]url"));
    const QCommandLineOption privateWsUrlOption(
        QStringLiteral("private-ws-url"),
        QCoreApplication::translate(
            "hoga::Main",
            "Private WebSocket endpoint of a venue, as venue=URL (repeatable; a plain URL when one "
            "real venue runs). Default: its production URL."),
        QStringLiteral("[venue=]url"));
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QCoreApplication::translate("hoga::Main",
                                    "Open profile <name> without the login dialog; its password comes from "
                                    "HOGA_PROFILE_PASSWORD (the Demo profile needs none)."),
        QStringLiteral("name"));
    parser.addOptions({langOption, shotsOption, quitOption, seedOption, demoOption, venueOption,
                       restUrlOption, wsUrlOption, privateWsUrlOption, profileOption});
    parser.process(app);

    // Application-wide until a profile is open: the login dialog needs the language already.
    const hoga::AppSettings appSettings;
    hoga::UiLanguage choice = hoga::languageFromCode(appSettings.language());
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

    // --venue takes one venue or several, comma separated.
    QStringList venues;
    for (const QString& part : parser.value(venueOption).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString venue = part.trimmed().toLower();
        if (!hoga::knownVenues().contains(venue))
            return usageError(
                QCoreApplication::translate("hoga::Main", "Unknown venue “%1”. Choose one of: %2.")
                    .arg(venue, hoga::knownVenues().join(QStringLiteral(", "))));
        if (!venues.contains(venue))
            venues << venue;
    }
    if (venues.isEmpty())
        venues << QStringLiteral("sim");

    // Who is using Hoga. Screenshot runs never wait on a dialog: they use the Demo profile.
    hoga::ProfileGate gate;
    hoga::ProfileGate::Outcome login;
    if (parser.isSet(profileOption))
        login = logInWithoutDialog(gate, parser.value(profileOption).trimmed());
    else if (parser.isSet(shotsOption))
        login = logInWithoutDialog(gate, hoga::ProfileManager::demoProfileId());
    else
        login = gate.run();
    switch (login.status) {
    case hoga::ProfileGate::Status::LoggedIn:
        break;
    case hoga::ProfileGate::Status::AlreadyOpen: // the running window came to the front
        std::fprintf(stderr, "%s\n", qPrintable(login.message));
        return 0;
    case hoga::ProfileGate::Status::Cancelled:
        return 0;
    case hoga::ProfileGate::Status::Failed:
        std::fprintf(stderr, "%s\n", qPrintable(login.message));
        // Started from the login dialog, maybe without a terminal: say it where the user looks.
        if (!parser.isSet(profileOption) && !parser.isSet(shotsOption))
            QMessageBox::critical(nullptr, QApplication::applicationDisplayName(), login.message);
        return 1;
    }

    const hoga::ProfileInfo& profile = login.profile.profile;
    const bool paperOnly = profile.paperOnly || profile.demo;
    if (paperOnly && venues != QStringList{QStringLiteral("sim")}) {
        if (parser.isSet(venueOption))
            std::fprintf(stderr, "%s\n",
                         qPrintable(QCoreApplication::translate(
                                        "hoga::Main",
                                        "Profile “%1” is paper only: it runs on the simulator, not on %2.")
                                        .arg(profile.name, venues.join(QStringLiteral(", ")))));
        venues = QStringList{QStringLiteral("sim")};
    } else if (!paperOnly && !parser.isSet(venueOption)) {
        venues = defaultVenues(login);
    }
    if (parser.isSet(seedOption) && !venues.contains(QLatin1String("sim")))
        return usageError(QCoreApplication::translate("hoga::Main", "--seed only applies to the simulator."));

    // Endpoint overrides, per venue: "--rest-url upbit=URL"; a plain URL when one real venue runs.
    QStringList realVenues = venues;
    realVenues.removeAll(QStringLiteral("sim"));
    QHash<QString, hoga::VenueEndpoints> endpoints;
    const std::pair<const QCommandLineOption*, QUrl hoga::VenueEndpoints::*> urls[] = {
        {&restUrlOption, &hoga::VenueEndpoints::restUrl},
        {&wsUrlOption, &hoga::VenueEndpoints::wsUrl},
        {&privateWsUrlOption, &hoga::VenueEndpoints::privateWsUrl}};
    for (const auto& [option, member] : urls) {
        for (const QString& value : parser.values(*option)) {
            EndpointOverride o = parseOverride(value);
            if (o.venue.isEmpty()) {
                if (realVenues.size() != 1)
                    return usageError(QCoreApplication::translate(
                                          "hoga::Main",
                                          "--%1 must name its venue (upbit=URL) unless exactly one venue "
                                          "other than the simulator runs.")
                                          .arg(option->names().constFirst()));
                o.venue = realVenues.constFirst();
            }
            if (!realVenues.contains(o.venue))
                return usageError(
                    QCoreApplication::translate("hoga::Main", "--%1 names %2, which does not run.")
                        .arg(option->names().constFirst(), o.venue));
            const QUrl url(o.url, QUrl::StrictMode);
            if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
                return usageError(
                    QCoreApplication::translate("hoga::Main", "--%1 takes an absolute URL, not “%2”.")
                        .arg(option->names().constFirst(), o.url));
            endpoints[o.venue].*member = url;
        }
    }

    // Every venue on its own connector thread (each session hosts its connector).
    std::vector<std::unique_ptr<hoga::VenueSession>> sessions;
    for (const QString& venue : std::as_const(venues)) {
        if (venue == QLatin1String("sim")) {
            // The embedded simulator keeps its own options (--seed). A profile's paper account outlives the
            // app (bots on paper resume like live ones); the Demo starts afresh every time.
            hoga::SimConfig profileSim = config;
            if (!profile.demo)
                profileSim.paperStatePath = login.profile.paths().dir() + QStringLiteral("/sim-paper.json");
            sessions.push_back(hoga::VenueSession::simulated(profileSim));
            continue;
        }
        hoga::VenueConfig venueConfig;
        venueConfig.venue = venue;
        venueConfig.endpoints = endpoints.value(venue);
        // The profile's keys; HOGA_API_KEY/HOGA_API_SECRET override them (scripting).
        const hoga::EnvironmentCredentialProvider environment;
        venueConfig.credentials = environment.credentialsFor(venue);
        if (venueConfig.credentials.isEmpty() && login.credentials)
            venueConfig.credentials = login.credentials->credentialsFor(venue);
        std::unique_ptr<hoga::VenueSession> session = hoga::VenueSession::create(venueConfig);
        if (!session)
            return usageError(QCoreApplication::translate("hoga::Main", "Unknown venue “%1”.").arg(venue));
        sessions.push_back(std::move(session));
    }
    QList<hoga::VenueSession*> sessionList;
    hoga::VenueSession* simSession = nullptr;
    for (const auto& session : sessions) {
        sessionList << session.get();
        if (session->isSimulated())
            simSession = session.get();
    }
    // Window layout and preferences belong to the profile.
    const std::unique_ptr<hoga::AppSettings> settings =
        hoga::AppSettings::forProfile(login.profile.paths().settingsFile());
    hoga::MainWindow window(settings.get(), sessionList, language);
    hoga::ProfileContext context;
    context.manager = &gate.manager();
    context.profile = profile;
    context.keyRing = login.keyRing;
    context.credentials = login.credentials;
    context.storedInEncryptedFile = login.storedInEncryptedFile;
    if (!profile.demo) // the Demo profile holds no keys by design: where keys would go is no news there
        context.notice = login.notice;
    window.attachProfile(std::move(context));

    // A second start of this profile asks us to come to the front.
    QObject::connect(login.lock.get(), &hoga::ProfileLock::activationRequested, &window, [&window] {
        window.showNormal();
        window.raise();
        window.activateWindow();
    });
    // Switch profile / log out: start over at the login dialog in a fresh process.
    QObject::connect(&window, &hoga::MainWindow::switchProfileRequested, &app, [&] {
        window.closeForGood(); // saves this profile's layout
        if (login.credentials)
            login.credentials->clear();
        login.lock->release(); // the new process may open this profile again right away
        QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                argumentsWithoutProfile(QCoreApplication::arguments()));
        app.quit();
    });
    window.show();

    hoga::DemoOrders* demo = nullptr;
    if (parser.isSet(demoOption)) {
        demo = simSession ? new hoga::DemoOrders(simSession, &app) : nullptr;
        if (!demo || !demo->start()) {
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
        QTimer::singleShot(quitAfterMs, &window, [&app, &window] {
            window.closeForGood();
            app.quit(); // with a tray icon, a closed window alone does not end the app
        });
    }
    const int status = app.exec();
    if (login.credentials)
        login.credentials->clear();
    return status;
}
