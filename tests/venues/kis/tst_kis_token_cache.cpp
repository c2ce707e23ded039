// KIS tokens kept as profile secrets: a second connector over the same encrypted store (as a second process
// would open it) reuses the token instead of asking /oauth2/tokenP again; a token about to expire is
// renewed; the token never appears in the store's file as plain text.
#include "conformance/connector_conformance.h"
#include "security/encrypted_file_secret_store.h"
#include "security/keychain_secret_store.h"
#include "security/secret_token_cache.h"
#include "security/secure_bytes.h"
#include "support/fake_kis/fake_kis_server.h"
#include "venues/connector_host.h"
#include "venues/core/venue_connector.h"
#include "venues/kis/kis_protocol.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;
using namespace hoga::test;

class TestKisTokenCache : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<FakeKisServer> m_server;

    QString storePath() const { return m_dir.filePath(QStringLiteral("keys.hks")); }

    // A fresh store instance over the same file: what the next hoga-cli run of the profile opens.
    std::shared_ptr<SecretStore> openStore() const {
        return std::make_shared<EncryptedFileSecretStore>(storePath(), QStringLiteral("p1"),
                                                          QStringLiteral("password"), ScryptParams::fast());
    }

    std::unique_ptr<ConnectorHost> makeHost(std::shared_ptr<TokenCache> cache) {
        VenueConfig config;
        config.venue = QStringLiteral("kis");
        config.endpoints.restUrl = m_server->restUrl();
        config.credentials.accessKey = QStringLiteral("fake-app-key");
        config.credentials.secretKey = QByteArrayLiteral("fake-app-secret");
        config.credentials.tokenCache = std::move(cache); // as hoga-cli's profile source sets it
        auto protocol = std::make_unique<KisProtocol>(
            KisAccount::parse(QStringLiteral("12345678-01"), QStringLiteral("real")), config.endpoints);
        protocol->setEnforceSessionHours(false);
        VenueConnectorOptions options;
        options.limiter = std::make_shared<net::RateLimiter>(KisProtocol::limits(false));
        options.requestTimeoutMs = 5000;
        return std::make_unique<ConnectorHost>(
            std::make_unique<VenueConnector>(std::move(protocol), config, options));
    }

    static std::optional<CachedToken> cached(TokenCache& cache, const QString& key) {
        std::optional<std::optional<CachedToken>> got;
        cache.load(key, [&](std::optional<CachedToken> t) { got = std::move(t); });
        if (!QTest::qWaitFor([&] { return got.has_value(); }, 5000))
            return std::nullopt;
        return *got;
    }

    static void save(TokenCache& cache, const QString& key, const CachedToken& token) {
        bool done = false;
        cache.save(key, token, [&] { done = true; });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        QFile::remove(storePath());
        m_server = std::make_unique<FakeKisServer>(false);
        QVERIFY(m_server->start());
        m_server->setTokenThrottleMs(0); // the counts, not the throttle, show reuse here
    }

    void cleanup() { m_server.reset(); }

    void secondConnectorReusesTheStoredToken() {
        {
            auto host = makeHost(std::make_shared<SecretTokenCache>(openStore()));
            const auto t = await(host->connector()->fetchTickers({QStringLiteral("005930")}), 10000);
            QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : describe(t.error())));
            QCOMPARE(m_server->tokensIssued(), 1);
        }
        for (int run = 0; run < 2; ++run) {
            auto host = makeHost(std::make_shared<SecretTokenCache>(openStore()));
            const auto t = await(host->connector()->fetchTickers({QStringLiteral("005930")}), 10000);
            QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : describe(t.error())));
        }
        QCOMPARE(m_server->tokensIssued(), 1);

        QFile file(storePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains("fake-token-"));
        QVERIFY(!bytes.contains("access_token"));
    }

    // The same with the OS keychain (under with-keyring.sh): two store instances of one profile.
    void keychainKeepsTheTokenToo() {
        if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("no session bus (run under with-keyring.sh)");
        const QString profile = QStringLiteral("k") + QString::fromLatin1(randomBytes(6).toHex());
        for (int run = 0; run < 2; ++run) {
            auto host =
                makeHost(std::make_shared<SecretTokenCache>(std::make_shared<KeychainSecretStore>(profile)));
            const auto t = await(host->connector()->fetchTickers({QStringLiteral("005930")}), 10000);
            QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : describe(t.error())));
        }
        QCOMPARE(m_server->tokensIssued(), 1);
    }

    void tokenAboutToExpireIsRenewed() {
        {
            auto host = makeHost(std::make_shared<SecretTokenCache>(openStore()));
            QVERIFY(await(host->connector()->fetchTickers({QStringLiteral("005930")}), 10000).ok());
        }
        const QString key = QStringLiteral("kis/_session/real/access_token");
        auto cache = std::make_shared<SecretTokenCache>(openStore());
        std::optional<CachedToken> token = cached(*cache, key);
        QVERIFY(token.has_value());
        QCOMPARE(token->value, QByteArrayLiteral("fake-token-1"));
        token->expiresAtMs = QDateTime::currentMSecsSinceEpoch() + 5 * 60 * 1000; // inside the renewal margin
        save(*cache, key, *token);

        auto host = makeHost(cache);
        QVERIFY(await(host->connector()->fetchTickers({QStringLiteral("005930")}), 10000).ok());
        QCOMPARE(m_server->tokensIssued(), 2);
        QCOMPARE(cached(*cache, key)->value, QByteArrayLiteral("fake-token-2"));
    }

    void tokenOfOtherKeysIsNotUsed() {
        const QString key = QStringLiteral("kis/_session/real/access_token");
        auto cache = std::make_shared<SecretTokenCache>(openStore());
        save(*cache, key, {"someone-elses-token", QDateTime::currentMSecsSinceEpoch() + 3600'000, "other"});
        auto host = makeHost(cache);
        QVERIFY(await(host->connector()->fetchTickers({QStringLiteral("005930")}), 10000).ok());
        QCOMPARE(m_server->tokensIssued(), 1);
    }

    void refusedStoredTokenIsReplacedOnce() {
        {
            auto host = makeHost(std::make_shared<SecretTokenCache>(openStore()));
            QVERIFY(await(host->connector()->fetchTickers({QStringLiteral("005930")}), 10000).ok());
        }
        m_server->expireToken(); // the server dropped the stored token meanwhile
        auto host = makeHost(std::make_shared<SecretTokenCache>(openStore()));
        const auto t = await(host->connector()->fetchTickers({QStringLiteral("005930")}), 10000);
        QVERIFY2(t.ok(), qPrintable(t.ok() ? QString() : describe(t.error())));
        QCOMPARE(m_server->tokensIssued(), 2);
    }
};

QTEST_GUILESS_MAIN(TestKisTokenCache)
#include "tst_kis_token_cache.moc"
