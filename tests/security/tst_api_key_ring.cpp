#include "security/api_key_ring.h"
#include "security/credentials_bridge.h"
#include "security/encrypted_file_secret_store.h"
#include "security/keychain_secret_store.h"
#include "security/secure_bytes.h"
#include "security_test_util.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

struct KeyAnswer {
    SecretResult status;
    ApiKeyPair key;
};

KeyAnswer getKey(ApiKeyRing& ring, const QString& venue) {
    QObject context;
    std::optional<KeyAnswer> answer;
    ring.key(venue, &context, [&](SecretResult r, ApiKeyPair k) {
        answer = KeyAnswer{std::move(r), std::move(k)};
    });
    if (!QTest::qWaitFor([&] { return answer.has_value(); }, kSecretWaitMs))
        return {SecretResult::failure(SecretStatus::Failed, QStringLiteral("test: no answer")), {}};
    return std::move(*answer);
}

QStringList listVenues(ApiKeyRing& ring, SecretResult* status = nullptr) {
    QObject context;
    std::optional<QStringList> venues;
    ring.venues(&context, [&](SecretResult r, QStringList v) {
        if (status)
            *status = r;
        venues = v;
    });
    if (!QTest::qWaitFor([&] { return venues.has_value(); }, kSecretWaitMs))
        return {QStringLiteral("test: no answer")};
    venues->sort();
    return *venues;
}

SecretResult setKey(ApiKeyRing& ring, const QString& venue, const ApiKeyPair& key) {
    return awaitSecret([&](QObject* c, SecretCallback cb) { ring.setKey(venue, key, c, std::move(cb)); });
}

} // namespace

class TestApiKeyRing : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_n = 0;

    std::shared_ptr<SecretStore> makeStore(const QString& backend) {
        const QString id = QStringLiteral("r") + QString::fromLatin1(randomBytes(6).toHex());
        if (backend == QLatin1String("keychain"))
            return std::make_shared<KeychainSecretStore>(id);
        return std::make_shared<EncryptedFileSecretStore>(
            m_dir.filePath(QStringLiteral("f%1.hks").arg(++m_n)), id, QStringLiteral("password"),
            ScryptParams::fast());
    }

    void backends() {
        QTest::addColumn<QString>("backend");
        QTest::newRow("encrypted file") << QStringLiteral("file");
        if (hasSessionBus())
            QTest::newRow("keychain") << QStringLiteral("keychain");
        else
            qInfo("no session bus: the keychain rows are left out (run under with-keyring.sh)");
    }

private slots:
    void setGetListRemove_data() { backends(); }
    void setGetListRemove() {
        QFETCH(QString, backend);
        ApiKeyRing ring(makeStore(backend));
        QCOMPARE(listVenues(ring), QStringList());
        QCOMPARE(getKey(ring, QStringLiteral("upbit")).status.status, SecretStatus::NotFound);

        const ApiKeyPair upbit(QStringLiteral("UPBITACCESS0123456789"),
                               QByteArray("upbit-secret\x00\x01", 14));
        QVERIFY(setKey(ring, QStringLiteral("upbit"), upbit).ok());
        QVERIFY(setKey(ring, QStringLiteral("bithumb"), {QStringLiteral("BITHUMBACCESS"), "bithumb-secret"})
                    .ok());
        QCOMPARE(listVenues(ring), (QStringList{"bithumb", "upbit"}));

        const KeyAnswer got = getKey(ring, QStringLiteral("upbit"));
        QVERIFY2(got.status.ok(), qPrintable(got.status.message));
        QCOMPARE(got.key.accessKey, upbit.accessKey);
        QCOMPARE(got.key.secretKey, upbit.secretKey);

        // Replacing a key keeps the index as it is.
        QVERIFY(setKey(ring, QStringLiteral("upbit"), {QStringLiteral("NEWACCESS"), "new-secret"}).ok());
        QCOMPARE(getKey(ring, QStringLiteral("upbit")).key.secretKey, QByteArray("new-secret"));
        QCOMPARE(listVenues(ring), (QStringList{"bithumb", "upbit"}));

        QVERIFY(awaitSecret([&](QObject* c, SecretCallback cb) {
                    ring.removeKey("upbit", c, std::move(cb));
                }).ok());
        QCOMPARE(getKey(ring, QStringLiteral("upbit")).status.status, SecretStatus::NotFound);
        QCOMPARE(listVenues(ring), QStringList{"bithumb"});

        QVERIFY(awaitSecret([&](QObject* c, SecretCallback cb) {
                    ring.removeAll({"sim"}, c, std::move(cb));
                }).ok());
        QCOMPARE(listVenues(ring), QStringList());
        QCOMPARE(getKey(ring, QStringLiteral("bithumb")).status.status, SecretStatus::NotFound);
        QCOMPARE(readSecret(ring.store(), QStringLiteral("bithumb/secret_key")).status,
                 SecretStatus::NotFound);
    }

    void operationsApplyInCallOrder_data() { backends(); }
    void operationsApplyInCallOrder() {
        QFETCH(QString, backend);
        ApiKeyRing ring(makeStore(backend));
        QObject context;
        QStringList order;
        for (const char* venue : {"upbit", "bithumb", "sim"}) {
            ring.setKey(QString::fromLatin1(venue), {QStringLiteral("ACCESS"), "secret"}, &context,
                        [&order, venue](SecretResult r) {
                            order << (QString::fromLatin1(venue) + (r.ok() ? "" : "!"));
                        });
        }
        ring.removeKey(QStringLiteral("bithumb"), &context,
                       [&](SecretResult r) { order << (r.ok() ? "rm" : "rm!"); });
        QVERIFY(order.isEmpty()); // nothing answered inside the calls
        QTRY_COMPARE_WITH_TIMEOUT(order.size(), 4, kSecretWaitMs);
        QCOMPARE(order, (QStringList{"upbit", "bithumb", "sim", "rm"}));
        QCOMPARE(listVenues(ring), (QStringList{"sim", "upbit"})); // no index update lost
        QVERIFY(
            awaitSecret([&](QObject* c, SecretCallback cb) { ring.removeAll({}, c, std::move(cb)); }).ok());
    }

    void extrasRoundTrip_data() { backends(); }
    void extrasRoundTrip() {
        QFETCH(QString, backend);
        ApiKeyRing ring(makeStore(backend));
        const QString venue = QStringLiteral("kis");
        const QHash<QString, QString> extras{{QStringLiteral("account"), QStringLiteral("50012345-01")},
                                             {QStringLiteral("account_type"), QStringLiteral("virtual")},
                                             {QStringLiteral("hts_id"), QString()}}; // blank: not stored
        QVERIFY(setKey(ring, venue, ApiKeyPair(QStringLiteral("KISACCESS0123456789"), "kis-secret", extras))
                    .ok());
        KeyAnswer got = getKey(ring, venue);
        QVERIFY2(got.status.ok(), qPrintable(got.status.message));
        QCOMPARE(got.key.accessKey, QStringLiteral("KISACCESS0123456789"));
        QCOMPARE(got.key.secretKey, QByteArray("kis-secret"));
        const QHash<QString, QString> stored{{QStringLiteral("account"), QStringLiteral("50012345-01")},
                                             {QStringLiteral("account_type"), QStringLiteral("virtual")}};
        QCOMPARE(got.key.extras, stored);
        // One entry per extra, next to the pair, and the list of them.
        QCOMPARE(readSecret(ring.store(), QStringLiteral("kis/account")).data, QByteArray("50012345-01"));
        QCOMPARE(readSecret(ring.store(), QStringLiteral("kis/_fields")).data,
                 QByteArray("account\naccount_type"));
        QCOMPARE(readSecret(ring.store(), QStringLiteral("kis/hts_id")).status, SecretStatus::NotFound);
        QCOMPARE(listVenues(ring), QStringList{"kis"});

        // Replacing the key with fewer extras removes the ones it no longer has.
        QVERIFY(setKey(ring, venue,
                       ApiKeyPair(QStringLiteral("KISACCESS2"), "kis-secret-2",
                                  {{QStringLiteral("account"), QStringLiteral("50099999-22")}}))
                    .ok());
        got = getKey(ring, venue);
        QCOMPARE(got.key.extras, (QHash<QString, QString>{{"account", "50099999-22"}}));
        QCOMPARE(readSecret(ring.store(), QStringLiteral("kis/account_type")).status, SecretStatus::NotFound);
        QCOMPARE(readSecret(ring.store(), QStringLiteral("kis/_fields")).data, QByteArray("account"));
        // ... and without any, the list goes too.
        QVERIFY(setKey(ring, venue, ApiKeyPair(QStringLiteral("KISACCESS3"), "kis-secret-3")).ok());
        QVERIFY(getKey(ring, venue).key.extras.isEmpty());
        QCOMPARE(readSecret(ring.store(), QStringLiteral("kis/account")).status, SecretStatus::NotFound);
        QCOMPARE(readSecret(ring.store(), QStringLiteral("kis/_fields")).status, SecretStatus::NotFound);

        // Removal takes every extra entry with it: one venue, and all of them.
        QVERIFY(setKey(ring, venue, ApiKeyPair(QStringLiteral("KISACCESS4"), "kis-secret-4", stored)).ok());
        QVERIFY(setKey(ring, QStringLiteral("kis2"), ApiKeyPair(QStringLiteral("A2"), "s2", stored)).ok());
        QVERIFY(awaitSecret([&](QObject* c, SecretCallback cb) {
                    ring.removeKey(venue, c, std::move(cb));
                }).ok());
        for (const char* entry :
             {"kis/access_key", "kis/secret_key", "kis/account", "kis/account_type", "kis/_fields"})
            QCOMPARE(readSecret(ring.store(), QLatin1String(entry)).status, SecretStatus::NotFound);
        QCOMPARE(readSecret(ring.store(), QStringLiteral("kis2/account")).data, QByteArray("50012345-01"));
        QVERIFY(
            awaitSecret([&](QObject* c, SecretCallback cb) { ring.removeAll({}, c, std::move(cb)); }).ok());
        for (const char* entry :
             {"kis2/access_key", "kis2/account", "kis2/account_type", "kis2/_fields", "_index/venues"})
            QCOMPARE(readSecret(ring.store(), QLatin1String(entry)).status, SecretStatus::NotFound);
    }

    void keyStoredBeforeExtrasStillLoads_data() { backends(); }
    void keyStoredBeforeExtrasStillLoads() {
        QFETCH(QString, backend);
        ApiKeyRing ring(makeStore(backend));
        // The entries exactly as a Hoga without extra fields wrote them.
        QVERIFY(writeSecret(ring.store(), QStringLiteral("upbit/access_key"), "OLDACCESS").ok());
        QVERIFY(writeSecret(ring.store(), QStringLiteral("upbit/secret_key"), "old-secret").ok());
        QVERIFY(writeSecret(ring.store(), QStringLiteral("_index/venues"), "upbit").ok());
        const KeyAnswer got = getKey(ring, QStringLiteral("upbit"));
        QVERIFY2(got.status.ok(), qPrintable(got.status.message));
        QCOMPARE(got.key.accessKey, QStringLiteral("OLDACCESS"));
        QCOMPARE(got.key.secretKey, QByteArray("old-secret"));
        QVERIFY(got.key.extras.isEmpty());
        QVERIFY(awaitSecret([&](QObject* c, SecretCallback cb) {
                    ring.removeKey(QStringLiteral("upbit"), c, std::move(cb));
                }).ok());
        QCOMPARE(getKey(ring, QStringLiteral("upbit")).status.status, SecretStatus::NotFound);
        QCOMPARE(listVenues(ring), QStringList());
    }

    void rejectsBadInput() {
        ApiKeyRing ring(makeStore(QStringLiteral("file")));
        QCOMPARE(setKey(ring, QStringLiteral("../upbit"), {QStringLiteral("A"), "s"}).status,
                 SecretStatus::InvalidKey);
        QCOMPARE(setKey(ring, QStringLiteral("_index"), {QStringLiteral("A"), "s"}).status,
                 SecretStatus::InvalidKey);
        QCOMPARE(setKey(ring, QStringLiteral("upbit"), {QString(), "s"}).status, SecretStatus::InvalidKey);
        QCOMPARE(setKey(ring, QStringLiteral("upbit"), {QStringLiteral("A"), QByteArray()}).status,
                 SecretStatus::InvalidKey);
        QCOMPARE(getKey(ring, QStringLiteral("Upbit")).status.status, SecretStatus::InvalidKey);
        for (const char* id : {"Account", "_fields", "access_key", "secret_key", "1st", "a/b", ""})
            QCOMPARE(
                setKey(ring, QStringLiteral("kis"), {QStringLiteral("A"), "s", {{QLatin1String(id), "x"}}})
                    .status,
                SecretStatus::InvalidKey);
        QCOMPARE(listVenues(ring), QStringList()); // nothing half-stored
        QVERIFY(ApiKeyRing::isValidFieldId(QStringLiteral("account_type")));
        QVERIFY(ApiKeyRing::isValidFieldId(QStringLiteral("hts_id2")));
        QVERIFY(ApiKeyRing::isValidVenueName(QStringLiteral("upbit")));
        QVERIFY(ApiKeyRing::isValidVenueName(QStringLiteral("my-venue_2")));
        QVERIFY(!ApiKeyRing::isValidVenueName(QStringLiteral("-x")));
        QVERIFY(!ApiKeyRing::isValidVenueName(QString()));
    }

    void masking() {
        QCOMPARE(ApiKeyRing::mask(QStringLiteral("AbCdEfGhIjKlMnOpQrStUvWxYz")), QStringLiteral("AbCd…WxYz"));
        QCOMPARE(ApiKeyPair(QStringLiteral("0123456789ab"), "s").maskedAccessKey(),
                 QStringLiteral("0123…89ab"));
        QCOMPARE(ApiKeyRing::mask(QStringLiteral("short")), QStringLiteral("•••••"));
        QCOMPARE(ApiKeyRing::mask(QString()), QStringLiteral("••••"));
    }

    void convertsToConnectorCredentials() {
        const QHash<QString, QString> extras{{QStringLiteral("account"), QStringLiteral("50012345-01")}};
        ApiKeyPair pair(QStringLiteral("ACCESS"), "secret", extras);
        Credentials credentials;
        moveIntoCredentials(pair, credentials);
        QCOMPARE(credentials.accessKey, QStringLiteral("ACCESS"));
        QCOMPARE(credentials.secretKey, QByteArray("secret"));
        QCOMPARE(credentials.extras, extras);
        QVERIFY(pair.isEmpty());
        QVERIFY(pair.extras.isEmpty());

        const ApiKeyPair back = toApiKeyPair(credentials);
        QCOMPARE(back.accessKey, QStringLiteral("ACCESS"));
        QCOMPARE(back.secretKey, QByteArray("secret"));
        QCOMPARE(back.extras, extras);
        QVERIFY(back.secretKey.constData() != credentials.secretKey.constData()); // its own buffer
    }

    void secretBuffersAreWipedSafely() {
        QByteArray secret("super-secret-value");
        secureWipe(secret);
        QVERIFY(secret.isEmpty());
        // A shared buffer is not wiped under another owner's feet: only its last owner wipes it.
        QByteArray a("shared-secret");
        QByteArray b = a;
        secureWipe(a);
        QVERIFY(a.isEmpty());
        QCOMPARE(b, QByteArray("shared-secret"));
        // Memory we do not own is never touched.
        static const char constant[] = "not ours";
        QByteArray raw = QByteArray::fromRawData(constant, 8);
        secureWipe(raw);
        QCOMPARE(QByteArray(constant), QByteArray("not ours"));

        ApiKeyPair pair(QStringLiteral("A"), "secret");
        pair.wipe();
        QVERIFY(pair.isEmpty());
        QVERIFY(pair.secretKey.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApiKeyRing)
#include "tst_api_key_ring.moc"
