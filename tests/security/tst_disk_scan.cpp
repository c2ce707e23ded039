// Hoga never writes an API key (or the profile password) to disk in any readable form, nor a key's extra
// fields (an account number is not secret, but lives in the key store like the key, never in a plain file).
//
// A profile is created in a temporary data folder, distinctive keys are stored in it, and then the keys are
// used the way the app uses them: connectors against the fake Upbit and Bithumb (balances, an order placed
// and cancelled), and hoga-cli with the profile (keys set/list/test, balances, order create/cancel). The
// app's log output goes to files through the masking handler, hoga-cli's (HOGA_CLI_DEBUG) to files as well.
// Then every file Hoga wrote is read and searched for the key bytes: plain, UTF-16, hex and base64 (both
// alphabets, with and without padding, at every alignment).
//
// Scope: what Hoga itself writes. The fake venue's request log stands for the remote venue's side of the
// wire and necessarily holds the signed JWT (whose payload carries the access key, base64url-encoded), so it
// is written OUTSIDE the scanned tree; it serves as the positive control that the scanner finds a key
// hidden that way. The OS keychain's own storage is the keychain's business and is not scanned either.
//
// Both key stores are covered: the real Secret Service (when the test runs under
// `dbus-run-session -- tests/support/with-keyring.sh`; skipped otherwise) and the encrypted fallback file.

#include "cli/await_result.h"
#include "disk_scan_util.h"
#include "security/api_key_ring.h"
#include "security/credentials_bridge.h"
#include "security/log_masking.h"
#include "security/profile_manager.h"
#include "security/secret_store_selector.h"
#include "security_test_util.h"
#include "storage/profile_database.h"
#include "support/fake_kis/fake_kis_server.h"
#include "support/fake_venues/fake_venue_server.h"
#include "venues/connector_host.h"
#include "venues/venue_factory.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

const QString kAccess = QStringLiteral("HOGAACCESS7f3e9c21d4b8a6e5");
const QByteArray kSecret = QByteArrayLiteral("HOGASECRET0a1b2c3d4e5f6a7b8c9d");
const QString kPassword = QStringLiteral("HOGAPASSWORD-5e8d1c7b");
const QString kAccount = QStringLiteral("HOGAACCOUNT-50012345-01");
// KIS: an app key and secret of its own, and the access token the fake issues first (kept by the profile so
// later processes reuse it: a secret like the keys).
const QString kKisAppKey = QStringLiteral("HOGAKISAPPKEY3c9e71a0b2d4");
const QString kKisAppSecret = QStringLiteral("HOGAKISAPPSECRET8f1e2d3c4b5a69");
const QString kKisToken = QStringLiteral("fake-token-1");
constexpr int kWaitMs = 20'000;

QList<QPair<QString, QByteArray>> secrets() {
    return {{QStringLiteral("access key"), kAccess.toLatin1()},
            {QStringLiteral("secret key"), kSecret},
            {QStringLiteral("profile password"), kPassword.toUtf8()},
            {QStringLiteral("account number (extra field)"), kAccount.toUtf8()},
            {QStringLiteral("KIS app key"), kKisAppKey.toLatin1()},
            {QStringLiteral("KIS app secret"), kKisAppSecret.toLatin1()},
            {QStringLiteral("KIS access token"), kKisToken.toLatin1()}};
}

// The app's log file: what the masking handler passes on lands here.
QFile* g_logFile = nullptr;

void logToFile(QtMsgType, const QMessageLogContext&, const QString& message) {
    if (g_logFile)
        g_logFile->write(message.toUtf8() + '\n');
}

enum class Store { Keychain, EncryptedFile };

struct HogaCliRun {
    int exitCode = -1;
    QByteArray out;
};

} // namespace

class TestDiskScan : public QObject {
    Q_OBJECT

private slots:
    void scannerFindsEveryForm();
    void withKeychain();
    void withEncryptedFallback();

private:
    void scenario(Store store);
    void useConnector(FakeFlavor flavor, ApiKeyRing& ring, FakeVenueServer& server);
    HogaCliRun hogaCli(const QStringList& arguments, const QByteArray& input = {});

    // Per scenario.
    Store m_store = Store::EncryptedFile;
    QString m_tree;    // everything Hoga writes: data folder, logs, XDG folders of hoga-cli
    QString m_dataDir; // HOGA_DATA_DIR
    QString m_logDir;
    int m_cliRuns = 0;
    QStringList m_scanned; // the files of the last scan, for the test log
};

void TestDiskScan::scannerFindsEveryForm() {
    // The scanner itself: each encoding of the secret, embedded in other bytes, is found.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QList<SecretForm> forms = secretForms(kSecret);
    QVERIFY(forms.size() >= 15);
    for (const SecretForm& form : forms) {
        const QString path = dir.filePath(QStringLiteral("f"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("prefix " + form.bytes + " suffix");
        file.close();
        const QList<SecretHit> hits = scanFile(path, secrets());
        QVERIFY2(!hits.isEmpty(), qPrintable(form.description));
    }
    // Inside a longer base64url text at every alignment, as in a JWT payload.
    for (int shift = 0; shift < 3; ++shift) {
        const QByteArray payload = QByteArray(shift + 7, 'x') + kSecret + QByteArray(shift + 2, 'y');
        for (auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
            QFile file(dir.filePath(QStringLiteral("g")));
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(payload.toBase64(options | QByteArray::OmitTrailingEquals));
            file.close();
            QVERIFY2(!scanFile(file.fileName(), secrets()).isEmpty(), qPrintable(QString::number(shift)));
        }
    }
    // And nothing is found in a file without it.
    QFile clean(dir.filePath(QStringLiteral("clean")));
    QVERIFY(clean.open(QIODevice::WriteOnly));
    clean.write(QByteArray(4096, 'A') + "HOGAACCESS HOGASECRET 7f3e9c21");
    clean.close();
    QVERIFY(scanFile(clean.fileName(), secrets()).isEmpty());
}

void TestDiskScan::withKeychain() {
    HOGA_REQUIRE_SESSION_BUS();
    scenario(Store::Keychain);
    qInfo("keychain store: no key in any of these %d files:\n%s", int(m_scanned.size()),
          qPrintable(m_scanned.join(QLatin1Char('\n'))));
}

void TestDiskScan::withEncryptedFallback() {
    scenario(Store::EncryptedFile);
    qInfo("encrypted file store: no key in any of these %d files:\n%s", int(m_scanned.size()),
          qPrintable(m_scanned.join(QLatin1Char('\n'))));
}

HogaCliRun TestDiskScan::hogaCli(const QStringList& arguments, const QByteArray& input) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("HOGA_API_KEY"));
    env.remove(QStringLiteral("HOGA_API_SECRET"));
    env.insert(QStringLiteral("HOGA_DATA_DIR"), m_dataDir);
    env.insert(QStringLiteral("HOGA_PROFILE_PASSWORD"), kPassword);
    // Everything hoga-cli logs (masked by its handler) goes to stderr, which is kept in the scanned tree.
    env.insert(QStringLiteral("HOGA_CLI_DEBUG"), QStringLiteral("1"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*.debug=true;qt.*.debug=false"));
    // Anything it might write under the user's folders lands in the scanned tree too.
    for (const char* name : {"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"})
        env.insert(QLatin1String(name), m_tree + QStringLiteral("/xdg/") + QLatin1String(name));
    if (m_store == Store::EncryptedFile) {
        // No session bus: no keychain answers, as on a machine without one.
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/hoga"));
    }

    const int run = ++m_cliRuns;
    QProcess process;
    process.setProcessEnvironment(env);
    process.setStandardOutputFile(m_logDir + QStringLiteral("/hoga-cli-%1.out").arg(run));
    process.setStandardErrorFile(m_logDir + QStringLiteral("/hoga-cli-%1.err").arg(run));
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(HOGA_CLI_PATH), arguments);
    HogaCliRun result;
    if (!process.waitForStarted(10'000))
        return result;
    process.write(input);
    process.closeWriteChannel();
    if (!finished.wait(60'000)) {
        process.kill();
        process.waitForFinished(5'000);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    QFile out(m_logDir + QStringLiteral("/hoga-cli-%1.out").arg(run));
    if (out.open(QIODevice::ReadOnly))
        result.out = out.readAll();
    return result;
}

void TestDiskScan::useConnector(FakeFlavor flavor, ApiKeyRing& ring, FakeVenueServer& server) {
    const QString venue = flavor == FakeFlavor::Upbit ? QStringLiteral("upbit") : QStringLiteral("bithumb");
    // The keys as the app loads them: out of the key ring, into the connector's credentials.
    std::optional<ApiKeyPair> loaded;
    QObject context;
    ring.key(venue, &context, [&loaded](SecretResult status, ApiKeyPair pair) {
        loaded = status.ok() ? std::move(pair) : ApiKeyPair();
    });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), kWaitMs);
    QCOMPARE(loaded->accessKey, kAccess);
    QCOMPARE(loaded->extras.value(QStringLiteral("account")), kAccount);

    VenueConfig config;
    config.venue = venue;
    config.endpoints.restUrl = server.restUrl();
    config.endpoints.wsUrl = server.wsUrl();
    config.endpoints.privateWsUrl = server.privateWsUrl();
    moveIntoCredentials(*loaded, config.credentials);
    ConnectorHost host(createConnector(config));
    config.credentials.wipe();
    Connector* c = host.connector();
    QVERIFY(c && c->hasCredentials());

    const Result<QVector<Balance>> balances = cli::awaitResult(c->fetchBalances(), kWaitMs);
    QVERIFY2(balances.ok(), qPrintable(balances.ok() ? QString() : balances.error().userMessage()));

    const QString market = QStringLiteral("KRW-BTC");
    OrderRequest request;
    request.market = market;
    request.side = Side::Buy;
    request.type = OrderType::Limit;
    const Decimal bid = server.bestBid(market);
    request.price = bid - server.tickFor(market, bid) * Decimal(10);
    request.qty = *Decimal::parse(QStringLiteral("0.001"));
    request.clientId = QStringLiteral("disk-scan-%1").arg(venue);
    const OrderPlacement placed = cli::awaitPlacement(c->createOrder(request), request.clientId, kWaitMs);
    QVERIFY2(placed.ok(), qPrintable(placed.ok() ? QString() : placed.error().userMessage()));
    OrderRef ref;
    ref.id = placed.value().id;
    const Result<Order> cancelled = cli::awaitResult(c->cancelOrder(ref), kWaitMs);
    QVERIFY2(cancelled.ok(), qPrintable(cancelled.ok() ? QString() : cancelled.error().userMessage()));

    // The worst case of a logging bug: request headers logged verbatim. The masking handler must redact.
    for (const FakeRequestLog& r : server.requests())
        if (r.headers.contains("authorization")) {
            qWarning("request %s %s authorization: %s", r.method.constData(), r.path.constData(),
                     r.headers.value("authorization").constData());
            break;
        }
    qWarning("loaded key %s for %s", qPrintable(kAccess), qPrintable(venue));
}

void TestDiskScan::scenario(Store store) {
    m_store = store;
    m_cliRuns = 0;
    QTemporaryDir tree;    // scanned
    QTemporaryDir outside; // the fake venues' side of the wire: not scanned
    QVERIFY(tree.isValid() && outside.isValid());
    m_tree = tree.path();
    m_dataDir = m_tree + QStringLiteral("/data");
    m_logDir = m_tree + QStringLiteral("/logs");
    QVERIFY(QDir().mkpath(m_dataDir) && QDir().mkpath(m_logDir));

    // The app's log output, through the masking handler, into a file.
    QFile log(m_logDir + QStringLiteral("/hoga.log"));
    QVERIFY(log.open(QIODevice::WriteOnly));
    g_logFile = &log;
    QtMessageHandler previous = qInstallMessageHandler(logToFile);
    installLogMasking();
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*.debug=false"));
    const auto restoreLogging = qScopeGuard([&] {
        QLoggingCategory::setFilterRules(QString());
        uninstallLogMasking();
        qInstallMessageHandler(previous);
        g_logFile = nullptr;
    });

    FakeVenueServer upbit(FakeFlavor::Upbit, 3);
    FakeVenueServer bithumb(FakeFlavor::Bithumb, 4);
    for (FakeVenueServer* server : {&upbit, &bithumb}) {
        QVERIFY(server->start());
        server->addKey(kAccess, kSecret);
        server->setBalance(QStringLiteral("KRW"), 10'000'000);
    }
    upbit.setRequestLogPath(outside.filePath(QStringLiteral("upbit-requests.jsonl")));
    bithumb.setRequestLogPath(outside.filePath(QStringLiteral("bithumb-requests.jsonl")));

    // A profile with keys for both venues, in the chosen store.
    ProfileManager::Options options;
    options.baseDir = m_dataDir + QStringLiteral("/profiles");
    options.scrypt = ScryptParams::fast();
    ProfileManager profiles(options);
    const ProfileResult created = profiles.create(QStringLiteral("Scan"), kPassword, false);
    QVERIFY2(created.ok(), qPrintable(created.message));
    const QString id = created.profile.id;

    SecretStoreSelector::Options selectorOptions;
    selectorOptions.fileParams = ScryptParams::fast();
    SecretStoreSelector selector(selectorOptions);
    if (store == Store::EncryptedFile)
        selector.setProbe([](QObject*, SecretStoreSelector::ProbeDone done) { done(false, QString()); });
    std::optional<SecretStoreSelector::Choice> choice;
    QObject context;
    selector.select(id, profiles.paths(id).dir(), kPassword, &context,
                    [&choice](SecretStoreSelector::Choice c) { choice = std::move(c); });
    QTRY_VERIFY_WITH_TIMEOUT(choice.has_value(), kWaitMs);
    QVERIFY2(choice->store, qPrintable(choice->notice));
    QCOMPARE(choice->fellBack, store == Store::EncryptedFile);
    ApiKeyRing ring(choice->store);
    for (const QString& venue : {QStringLiteral("upbit"), QStringLiteral("bithumb")}) {
        const SecretResult set = awaitSecret([&](QObject* c, SecretCallback cb) {
            ring.setKey(venue, ApiKeyPair(kAccess, kSecret, {{QStringLiteral("account"), kAccount}}), c,
                        std::move(cb));
        });
        QVERIFY2(set.ok(), qPrintable(set.message));
    }
    const auto removeKeys = qScopeGuard([&] {
        // Leave nothing in the (test) keychain.
        awaitSecret([&](QObject* c, SecretCallback cb) { ring.removeAll(knownVenues(), c, std::move(cb)); });
    });

    // The profile's settings and database, as the app opens them.
    {
        std::unique_ptr<QSettings> settings = profiles.openSettings(id);
        settings->setValue(QStringLiteral("session/venue"), QStringLiteral("upbit"));
        settings->sync();
        ProfileDatabase database(profiles.paths(id).databaseFile());
        QCOMPARE(database.open(), ProfileDatabase::Status::Ok);
    }

    useConnector(FakeFlavor::Upbit, ring, upbit);
    if (QTest::currentTestFailed())
        return;
    useConnector(FakeFlavor::Bithumb, ring, bithumb);
    if (QTest::currentTestFailed())
        return;

    // hoga-cli with the profile, in its own process.
    const QStringList upbitArgs{QStringLiteral("--venue"), QStringLiteral("upbit"),
                                QStringLiteral("--rest-url"), upbit.restUrl().toString()};
    const QStringList profile{QStringLiteral("--profile"), QStringLiteral("Scan"),
                              QStringLiteral("--verbose")};
    HogaCliRun r = hogaCli(profile + QStringList{QStringLiteral("keys"), QStringLiteral("set"),
                                                 QStringLiteral("--venue"), QStringLiteral("bithumb")},
                           kAccess.toLatin1() + '\n' + kSecret + '\n');
    QCOMPARE(r.exitCode, 0);
    r = hogaCli(profile + QStringList{QStringLiteral("keys"), QStringLiteral("list")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out.count('\n'), 2);
    r = hogaCli(profile + QStringList{QStringLiteral("keys"), QStringLiteral("test"),
                                      QStringLiteral("--venue"), QStringLiteral("bithumb"),
                                      QStringLiteral("--rest-url"), bithumb.restUrl().toString()});
    QCOMPARE(r.exitCode, 0);
    r = hogaCli(profile + upbitArgs + QStringList{QStringLiteral("balances")});
    QCOMPARE(r.exitCode, 0);
    const Decimal bid = upbit.bestBid(QStringLiteral("KRW-BTC"));
    const Decimal price = bid - upbit.tickFor(QStringLiteral("KRW-BTC"), bid) * Decimal(10);
    r = hogaCli(profile + upbitArgs +
                QStringList{QStringLiteral("order"), QStringLiteral("create"), QStringLiteral("KRW-BTC"),
                            QStringLiteral("--side"), QStringLiteral("buy"), QStringLiteral("--type"),
                            QStringLiteral("limit"), QStringLiteral("--price"), price.toString(),
                            QStringLiteral("--qty"), QStringLiteral("0.001")});
    QCOMPARE(r.exitCode, 0);
    const QString orderId = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("id")).toString();
    QVERIFY(!orderId.isEmpty());
    r = hogaCli(
        profile + upbitArgs +
        QStringList{QStringLiteral("order"), QStringLiteral("cancel"), QStringLiteral("--id"), orderId});
    QCOMPARE(r.exitCode, 0);

    // KIS through hoga-cli: keys into the profile, then private calls in separate processes. The first
    // asks KIS for an access token and keeps it as a secret of the profile; the second reuses it (the
    // fake issues one a minute), so the token must be somewhere, and nowhere readable.
    FakeKisServer kis(false);
    QVERIFY(kis.start());
    kis.setKeys(kKisAppKey, kKisAppSecret);
    kis.setAccount(QStringLiteral("50012345"), QStringLiteral("01"));
    kis.setCash(5'000'000);
    r = hogaCli(profile + QStringList{QStringLiteral("keys"), QStringLiteral("set"),
                                      QStringLiteral("--venue"), QStringLiteral("kis")},
                kKisAppKey.toLatin1() + '\n' + kKisAppSecret.toLatin1() + "\n50012345-01\nreal\n");
    QCOMPARE(r.exitCode, 0);
    const QStringList kisArgs{QStringLiteral("--venue"), QStringLiteral("kis"), QStringLiteral("--rest-url"),
                              kis.restUrl().toString()};
    r = hogaCli(profile + kisArgs + QStringList{QStringLiteral("balances")});
    QCOMPARE(r.exitCode, 0);
    r = hogaCli(profile + kisArgs + QStringList{QStringLiteral("balances")});
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(kis.tokensIssued(), 1);

    log.flush();

    // What was written, and that the expected files are really there (an empty scan proves nothing).
    const QString profileDir = profiles.paths(id).dir();
    QVERIFY(QFileInfo(m_dataDir + QStringLiteral("/profiles/profiles.json")).size() > 0);
    QVERIFY(QFileInfo(profiles.paths(id).settingsFile()).size() > 0);
    QVERIFY(QFileInfo(profiles.paths(id).databaseFile()).size() > 0);
    QCOMPARE(QFileInfo::exists(profiles.paths(id).secretsFile()), store == Store::EncryptedFile);
    QVERIFY2(log.size() > 0, "the app logged nothing: the log capture is not working");
    QFile logRead(log.fileName());
    QVERIFY(logRead.open(QIODevice::ReadOnly));
    QVERIFY2(logRead.readAll().contains("[REDACTED]"), "the deliberately logged credentials were not masked");

    QStringList scanned;
    const QList<SecretHit> hits = scanTree(m_tree, secrets(), &scanned);
    QVERIFY2(hits.isEmpty(), qPrintable(QStringLiteral("secrets on disk:\n") + describe(hits)));
    QVERIFY2(scanned.size() >= 8, qPrintable(scanned.join(QLatin1Char('\n'))));
    m_scanned = scanned;
    m_scanned.replaceInStrings(m_tree, QStringLiteral("<tree>"));

    // Positive control: the venue's side of the wire holds the access key inside the JWT, and the scanner
    // finds it there, so finding nothing above means something.
    const QList<SecretHit> wire =
        scanFile(outside.filePath(QStringLiteral("upbit-requests.jsonl")), secrets());
    bool accessInJwt = false;
    for (const SecretHit& hit : wire)
        accessInJwt = accessInJwt || (hit.secretName == QLatin1String("access key") &&
                                      hit.form.startsWith(QLatin1String("base64url inside")));
    QVERIFY2(accessInJwt, qPrintable(describe(wire)));
}

QTEST_GUILESS_MAIN(TestDiskScan)
#include "tst_disk_scan.moc"
