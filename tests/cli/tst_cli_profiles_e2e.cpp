// The real hoga-cli binary managing profiles and their API keys in a temporary HOGA_DATA_DIR, with the
// password in HOGA_PROFILE_PASSWORD and the keys on standard input, then using them against the fake Upbit.
// Extra credential fields (account number, account type) go through hoga-cli-extras, the same program with
// test::accountSchema() for "upbit". No secret may ever show in hoga-cli's output.

#include "cli_process.h"
#include "support/fake_venues/fake_venue_server.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

const QString kPassword = QStringLiteral("correct horse 7");
const QString kAccess = QStringLiteral("HOGAACCESS7f3e9c21d4b8a6e5");
const QByteArray kSecret = QByteArrayLiteral("HOGASECRET0a1b2c3d4e5f6a7b8c9d");

QJsonObject object(const QByteArray& line) {
    return QJsonDocument::fromJson(line).object();
}

} // namespace

class TestCliProfiles : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createListDelete();
    void keysSetListTestRemove();
    void wrongPasswordIsAuthWithGrowingDelay();
    void secretsOnTheCommandLineAreRefused();
    void keysSetNeedsTwoLines();
    void paperOnlyProfileHoldsNoKeys();
    void verboseSaysWhereKeysAre();
    void keysWithExtraFields();
    void extraFieldsFromTheEnvironment();

private:
    QProcessEnvironment env(const QString& password = kPassword) const;
    // hoga-cli with the profile environment; every run is checked to leak no secret.
    CliProcessRun cli(const QString& command, const QByteArray& input = {},
                      const QString& password = kPassword);
    // The same with hoga-cli-extras, in `environment` (default: env()).
    CliProcessRun extras(const QString& command, const QByteArray& input = {},
                         QProcessEnvironment environment = {});
    CliProcessRun checked(const CliProcessRun& run);
    void createProfile(const QString& name, bool paperOnly = false);
    QString upbit() const {
        return QStringLiteral(" --venue upbit --rest-url ") + m_server->restUrl().toString();
    }

    std::unique_ptr<QTemporaryDir> m_data;
    std::unique_ptr<FakeVenueServer> m_server;
};

void TestCliProfiles::init() {
    m_data = std::make_unique<QTemporaryDir>();
    QVERIFY(m_data->isValid());
    m_server = std::make_unique<FakeVenueServer>(FakeFlavor::Upbit, 5);
    QVERIFY(m_server->start());
    m_server->addKey(kAccess, kSecret);
    m_server->setBalance(QStringLiteral("KRW"), 10'000'000);
}

void TestCliProfiles::cleanup() {
    m_server.reset();
    m_data.reset();
}

QProcessEnvironment TestCliProfiles::env(const QString& password) const {
    QProcessEnvironment e = cliEnvironment();
    e.insert(QStringLiteral("HOGA_DATA_DIR"), m_data->path());
    e.remove(QStringLiteral("HOGA_PROFILE_PASSWORD"));
    if (!password.isNull())
        e.insert(QStringLiteral("HOGA_PROFILE_PASSWORD"), password);
    return e;
}

CliProcessRun TestCliProfiles::cli(const QString& command, const QByteArray& input, const QString& password) {
    return checked(
        runHogaCliWithInput(command.split(QLatin1Char(' '), Qt::SkipEmptyParts), env(password), input));
}

CliProcessRun TestCliProfiles::extras(const QString& command, const QByteArray& input,
                                      QProcessEnvironment environment) {
    return checked(runCliProgram(QStringLiteral(HOGA_CLI_EXTRAS_PATH),
                                 command.split(QLatin1Char(' '), Qt::SkipEmptyParts),
                                 environment.isEmpty() ? env() : environment, input));
}

CliProcessRun TestCliProfiles::checked(const CliProcessRun& run) {
    const QByteArray both = run.out + run.err;
    if (both.contains(kSecret) || both.contains(kAccess.toLatin1()) || both.contains(kPassword.toUtf8()))
        QTest::qFail(qPrintable(QStringLiteral("a secret leaked: ") + run.describe()), __FILE__, __LINE__);
    if (!run.finished)
        QTest::qFail(qPrintable(QStringLiteral("hoga-cli hung: ") + run.describe()), __FILE__, __LINE__);
    return run;
}

void TestCliProfiles::createProfile(const QString& name, bool paperOnly) {
    const CliProcessRun run = cli(QStringLiteral("profile create ") + name +
                                  (paperOnly ? QStringLiteral(" --paper-only") : QString()));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
}

void TestCliProfiles::createListDelete() {
    CliProcessRun run = cli(QStringLiteral("profile create Main"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.lines().size(), 1);
    QCOMPARE(keysInOrder(run.lines().first()), (QStringList{"id", "name", "paper_only", "created_at"}));
    const QJsonObject main = object(run.lines().first());
    QCOMPARE(main.value(QStringLiteral("name")).toString(), QStringLiteral("Main"));
    QCOMPARE(main.value(QStringLiteral("paper_only")).toBool(), false);
    QVERIFY(main.value(QStringLiteral("created_at")).toDouble() > 1.6e12);
    QVERIFY(QFileInfo(m_data->path() + QStringLiteral("/profiles/profiles.json")).isFile());

    run = cli(QStringLiteral("profile create Paper --paper-only"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(object(run.lines().value(0)).value(QStringLiteral("paper_only")).toBool(), true);

    run = cli(QStringLiteral("profile create main")); // names are unique regardless of case
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errorKind(), QStringLiteral("usage"));

    run = cli(QStringLiteral("profile create Weak"), {}, QStringLiteral("short"));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.error().value(QStringLiteral("message")).toString().contains(QLatin1String("at least 8")),
             qPrintable(run.describe()));

    run = cli(QStringLiteral("profile list"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QStringList names;
    for (const QByteArray& line : run.lines())
        names << object(line).value(QStringLiteral("name")).toString();
    QCOMPARE(names, (QStringList{"Main", "Paper"}));

    run = cli(QStringLiteral("profile delete Paper"), {}, QStringLiteral("not the password"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("auth"));
    run = cli(QStringLiteral("profile delete Paper"), {}, QString()); // no terminal, no variable
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.error()
                 .value(QStringLiteral("message"))
                 .toString()
                 .contains(QLatin1String("HOGA_PROFILE_PASSWORD")),
             qPrintable(run.describe()));
    run = cli(QStringLiteral("profile delete Paper"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(object(run.lines().value(0)).value(QStringLiteral("deleted")).toBool(), true);

    run = cli(QStringLiteral("profile list"));
    QCOMPARE(run.lines().size(), 1);
    run = cli(QStringLiteral("profile delete Paper"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
}

void TestCliProfiles::keysSetListTestRemove() {
    createProfile(QStringLiteral("Trader"));
    const QByteArray keys = kAccess.toLatin1() + '\n' + kSecret + '\n';
    CliProcessRun run = cli(QStringLiteral("--profile Trader keys set --venue upbit"), keys);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.lines().value(0), QByteArray(R"({"venue":"upbit","access_key_masked":")") +
                                       QStringLiteral("HOGA\u2026a6e5").toUtf8() + "\"}");

    run = cli(QStringLiteral("--profile Trader keys list"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.lines().size(), 1);
    QCOMPARE(keysInOrder(run.lines().first()), (QStringList{"venue", "access_key_masked"}));
    QCOMPARE(object(run.lines().first()).value(QStringLiteral("access_key_masked")).toString(),
             QStringLiteral("HOGA\u2026a6e5"));

    // The key works at the (fake) venue: a private read-only request signed with it.
    run = cli(QStringLiteral("--profile Trader keys test") + upbit());
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(keysInOrder(run.lines().value(0)).mid(0, 3), (QStringList{"venue", "ok", "balances"}));
    const QJsonObject tested = object(run.lines().value(0));
    QCOMPARE(tested.value(QStringLiteral("ok")).toBool(), true);
    bool krw = false;
    for (const QJsonValue& b : tested.value(QStringLiteral("balances")).toArray())
        krw = krw || (b.toObject().value(QStringLiteral("currency")).toString() == QLatin1String("KRW") &&
                      b.toObject().value(QStringLiteral("free")).toString() == QLatin1String("10000000"));
    QVERIFY2(krw, qPrintable(run.describe()));

    // Ordinary commands use the profile's keys too.
    run = cli(QStringLiteral("--profile Trader balances") + upbit());
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QVERIFY(!run.lines().isEmpty());

    // Keys the venue does not know: the venue's own refusal.
    run = cli(QStringLiteral("--profile Trader keys set --venue upbit"),
              QByteArrayLiteral("UNKNOWNACCESS000000000000\nUNKNOWNSECRET00000000000\n"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = cli(QStringLiteral("--profile Trader keys test") + upbit());
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("auth"));

    run = cli(QStringLiteral("--profile Trader keys remove --venue upbit"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = cli(QStringLiteral("--profile Trader keys list"));
    QVERIFY2(run.exitCode == 0 && run.out.isEmpty(), qPrintable(run.describe()));
    run = cli(QStringLiteral("--profile Trader keys remove --venue upbit"));
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
    run = cli(QStringLiteral("--profile Trader keys test") + upbit());
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("not_found"));
    run = cli(QStringLiteral("--profile Trader balances") + upbit());
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(run.error().value(QStringLiteral("message")).toString().contains(QLatin1String("keys set")),
             qPrintable(run.describe()));

    // Deleting the profile removes its folder (and with it the fallback key file, if any).
    run = cli(QStringLiteral("profile delete Trader"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const QString id = object(run.lines().value(0)).value(QStringLiteral("id")).toString();
    QVERIFY(!id.isEmpty());
    QVERIFY(!QFileInfo::exists(m_data->path() + QStringLiteral("/profiles/") + id));
}

void TestCliProfiles::wrongPasswordIsAuthWithGrowingDelay() {
    createProfile(QStringLiteral("Locked"));
    QString lastMessage;
    QElapsedTimer sinceLastFailure;
    for (int attempt = 1; attempt <= 3; ++attempt) {
        const CliProcessRun run = cli(QStringLiteral("--profile Locked keys list"), {},
                                      QStringLiteral("wrong password %1").arg(attempt));
        QCOMPARE(run.exitCode, 3);
        QCOMPARE(run.errorKind(), QStringLiteral("auth"));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(run.err.count('\n'), 1); // exactly one JSON object
        lastMessage = run.error().value(QStringLiteral("message")).toString();
        sinceLastFailure.start();
        QVERIFY2(lastMessage.contains(QLatin1String("Wrong password")), qPrintable(lastMessage));
    }
    // After the free attempts, the growing delay is announced.
    QVERIFY2(lastMessage.contains(QLatin1String("Try again in")), qPrintable(lastMessage));
    // While it runs (1 s after the third failure), even the right password is refused unchecked.
    const CliProcessRun run = cli(QStringLiteral("--profile Locked keys list"));
    if (sinceLastFailure.elapsed() >= 1000)
        QSKIP("this machine took longer than the 1 s delay to start hoga-cli");
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("auth"));
    QVERIFY2(run.error().value(QStringLiteral("message")).toString().contains(QLatin1String("Try again in")),
             qPrintable(run.describe()));
}

void TestCliProfiles::secretsOnTheCommandLineAreRefused() {
    createProfile(QStringLiteral("Main"));
    const QStringList attempts{
        QStringLiteral("--profile Main keys set --venue upbit ") + kAccess + QLatin1Char(' ') +
            QString::fromLatin1(kSecret),
        QStringLiteral("--profile Main keys set --venue upbit --secret ") + QString::fromLatin1(kSecret),
        QStringLiteral("--profile Main keys set --venue upbit --secret-key=") + QString::fromLatin1(kSecret),
    };
    for (const QString& line : attempts) {
        const CliProcessRun run = cli(line); // cli() fails the test if the secret is echoed
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errorKind(), QStringLiteral("usage"));
    }
    const CliProcessRun run = cli(QStringLiteral("--profile Main keys list"));
    QVERIFY2(run.exitCode == 0 && run.out.isEmpty(), qPrintable(run.describe()));
}

void TestCliProfiles::keysSetNeedsTwoLines() {
    createProfile(QStringLiteral("Main"));
    for (const QByteArray& input : {QByteArray(), kAccess.toLatin1() + '\n', QByteArray("\n\n"),
                                    QByteArray("with space\n") + kSecret + '\n'}) {
        const CliProcessRun run = cli(QStringLiteral("--profile Main keys set --venue bithumb"), input);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(
            run.error().value(QStringLiteral("message")).toString().contains(QLatin1String("standard input")),
            qPrintable(run.describe()));
    }
    // Windows line ends are fine.
    const CliProcessRun run = cli(QStringLiteral("--profile Main keys set --venue bithumb"),
                                  kAccess.toLatin1() + "\r\n" + kSecret + "\r\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
}

void TestCliProfiles::paperOnlyProfileHoldsNoKeys() {
    createProfile(QStringLiteral("Paper"), true);
    const CliProcessRun run = cli(QStringLiteral("--profile Paper keys set --venue upbit"),
                                  kAccess.toLatin1() + '\n' + kSecret + '\n');
    QCOMPARE(run.exitCode, 3);
    QCOMPARE(run.errorKind(), QStringLiteral("permission"));
}

void TestCliProfiles::verboseSaysWhereKeysAre() {
    createProfile(QStringLiteral("Main"));
    CliProcessRun run = cli(QStringLiteral("--profile Main keys list --verbose"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    const bool keychain = !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
    if (!keychain) {
        // No keychain here: the fallback is announced once, as a JSON line, and only with --verbose.
        QCOMPARE(run.err.count('\n'), 1);
        QVERIFY2(
            object(run.err).value(QStringLiteral("notice")).toString().contains(QLatin1String("encrypted")),
            qPrintable(run.describe()));
        run = cli(QStringLiteral("--profile Main keys list"));
        QVERIFY2(run.exitCode == 0 && run.err.isEmpty(), qPrintable(run.describe()));
    }
}

void TestCliProfiles::keysWithExtraFields() {
    createProfile(QStringLiteral("Kis"));
    const QString set = QStringLiteral("--profile Kis keys set --venue upbit");
    const QByteArray pair = kAccess.toLatin1() + '\n' + kSecret + '\n';
    // Access key, secret key, account number, account type; the optional HTS id left out.
    CliProcessRun run = extras(set, pair + "50012345-01\nvirtual\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(keysInOrder(run.lines().value(0)),
             (QStringList{"venue", "access_key_masked", "account", "account_type"}));
    QCOMPARE(object(run.lines().value(0)).value(QStringLiteral("account")).toString(),
             QStringLiteral("50012345-01"));

    run = extras(QStringLiteral("--profile Kis keys list"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(run.lines().size(), 1);
    QCOMPARE(object(run.lines().first()).value(QStringLiteral("access_key_masked")).toString(),
             QStringLiteral("HOGA\u2026a6e5"));
    QCOMPARE(object(run.lines().first()).value(QStringLiteral("account_type")).toString(),
             QStringLiteral("virtual"));

    // The optional field on its own line; Windows line ends are fine here too.
    run = extras(set, kAccess.toLatin1() + "\r\n" + kSecret + "\r\n50012345-01\r\nreal\r\nhts-user\r\n");
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(keysInOrder(run.lines().value(0)),
             (QStringList{"venue", "access_key_masked", "account", "account_type", "hts_id"}));
    // hoga-cli, whose Upbit has no extra fields, lists the pair only.
    run = cli(QStringLiteral("--profile Kis keys list"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    QCOMPARE(keysInOrder(run.lines().value(0)), (QStringList{"venue", "access_key_masked"}));

    // A required field missing, or a value that is not one of the choices: a usage error naming the field
    // and the expected lines; the stored key stays as it was.
    const QList<std::pair<QByteArray, QString>> wrong{
        {pair, QStringLiteral("\"Account number\" is missing")},
        {pair + "50012345-01\n", QStringLiteral("\"Account type\" is missing")},
        {pair + "50012345-01\ndemo\n", QStringLiteral("\"Account type\" is missing")},
        {QByteArray("\n\n"), QStringLiteral("Account number; Account type (real|virtual); HTS ID, optional")},
    };
    for (const auto& [input, expected] : wrong) {
        run = extras(set, input);
        QCOMPARE(run.exitCode, 2);
        QCOMPARE(run.errorKind(), QStringLiteral("usage"));
        const QString message = run.error().value(QStringLiteral("message")).toString();
        QVERIFY2(message.contains(expected) && message.contains(QLatin1String("standard input")),
                 qPrintable(run.describe()));
        QVERIFY2(!run.err.contains("demo"), qPrintable(run.describe())); // what was typed is not repeated
    }
    run = extras(QStringLiteral("--profile Kis keys list"));
    QCOMPARE(object(run.lines().value(0)).value(QStringLiteral("hts_id")).toString(),
             QStringLiteral("hts-user"));

    // A venue with just the key pair reads two lines, as it always did.
    run = extras(QStringLiteral("--profile Kis keys set --venue bithumb"), kAccess.toLatin1() + '\n');
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.error().value(QStringLiteral("message")).toString().contains(QLatin1String("two lines")),
             qPrintable(run.describe()));

    // The key works at the venue with its extras alongside, and goes with them.
    run = extras(QStringLiteral("--profile Kis keys test") + upbit());
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = extras(QStringLiteral("--profile Kis keys remove --venue upbit"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    run = extras(QStringLiteral("--profile Kis keys list"));
    QVERIFY2(run.exitCode == 0 && run.out.isEmpty(), qPrintable(run.describe()));
}

void TestCliProfiles::extraFieldsFromTheEnvironment() {
    const QString balances = QStringLiteral("balances") + upbit();
    QProcessEnvironment e = cliEnvironment(kAccess, QString::fromLatin1(kSecret));
    CliProcessRun run = extras(balances, {}, e);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.error().value(QStringLiteral("message")).toString().contains(QLatin1String("HOGA_ACCOUNT ")),
             qPrintable(run.describe()));
    e.insert(QStringLiteral("HOGA_ACCOUNT"), QStringLiteral("50012345-01"));
    e.insert(QStringLiteral("HOGA_ACCOUNT_TYPE"), QStringLiteral("demo"));
    run = extras(balances, {}, e);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(
        run.error().value(QStringLiteral("message")).toString().contains(QLatin1String("HOGA_ACCOUNT_TYPE")),
        qPrintable(run.describe()));
    e.insert(QStringLiteral("HOGA_ACCOUNT_TYPE"), QStringLiteral("virtual"));
    run = extras(balances, {}, e);
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
    // hoga-cli itself asks for no extra field on Upbit.
    run = checked(runHogaCli(balances.split(QLatin1Char(' '), Qt::SkipEmptyParts),
                             cliEnvironment(kAccess, QString::fromLatin1(kSecret))));
    QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
}

QTEST_GUILESS_MAIN(TestCliProfiles)
#include "tst_cli_profiles_e2e.moc"
