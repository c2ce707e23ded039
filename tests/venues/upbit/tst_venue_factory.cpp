// createConnector / knownVenues / Credentials::wipe: production endpoints by default, the connector keeps
// its own copy of the secret.
#include "venues/core/venue_connector.h"
#include "venues/venue_factory.h"

#include <QTest>

using namespace hoga;

class TestVenueFactory : public QObject {
    Q_OBJECT
private slots:
    void knownVenues() {
        QCOMPARE(hoga::knownVenues().mid(0, 3),
                 (QStringList{QStringLiteral("sim"), QStringLiteral("upbit"), QStringLiteral("bithumb")}));
        QVERIFY(hoga::knownVenues().contains(QStringLiteral("binance")));
        QVERIFY(hoga::knownVenues().contains(QStringLiteral("kis")));
    }

    void createsEachVenue() {
        for (const QString& venue : hoga::knownVenues()) {
            VenueConfig config;
            config.venue = venue;
            const std::unique_ptr<Connector> c = createConnector(config);
            QVERIFY2(c, qPrintable(venue));
            QCOMPARE(c->venueId(), venue);
            QVERIFY(!c->displayName().isEmpty());
        }
        VenueConfig unknown;
        unknown.venue = QStringLiteral("nowhere");
        QVERIFY(!createConnector(unknown));
    }

    void productionEndpointsByDefault() {
        VenueConfig config;
        config.venue = QStringLiteral("upbit");
        const std::unique_ptr<Connector> c = createConnector(config);
        auto* upbit = qobject_cast<VenueConnector*>(c.get());
        QVERIFY(upbit);
        QCOMPARE(upbit->endpoints().restUrl, QUrl(QStringLiteral("https://api.upbit.com")));
        QCOMPARE(upbit->endpoints().wsUrl, QUrl(QStringLiteral("wss://api.upbit.com/websocket/v1")));
        QCOMPARE(upbit->endpoints().privateWsUrl,
                 QUrl(QStringLiteral("wss://api.upbit.com/websocket/v1/private")));
        QVERIFY(!upbit->hasCredentials());
        config.endpoints.restUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
        const std::unique_ptr<Connector> local = createConnector(config);
        QCOMPARE(qobject_cast<VenueConnector*>(local.get())->endpoints().restUrl,
                 QUrl(QStringLiteral("http://127.0.0.1:1")));
    }

    void wipeZeroesOnlyItsOwnCopy() {
        Credentials credentials;
        credentials.accessKey = QStringLiteral("ak");
        credentials.secretKey = QByteArray("top-secret");
        QByteArray shared = credentials.secretKey; // implicitly shared with the credentials
        const char* sharedBytes = shared.constData();
        credentials.wipe();
        QVERIFY(credentials.secretKey.isEmpty());
        QVERIFY(credentials.isEmpty());
        QCOMPARE(shared, QByteArray("top-secret")); // another holder's copy is untouched
        QCOMPARE(shared.constData(), sharedBytes);
    }

    void connectorSurvivesTheConfigsWipe() {
        auto config = std::make_unique<VenueConfig>();
        config->venue = QStringLiteral("bithumb");
        config->credentials.accessKey = QStringLiteral("ak");
        config->credentials.secretKey = QByteArray("secret-bytes");
        const std::unique_ptr<Connector> c = createConnector(*config);
        config.reset(); // ~Credentials wipes the config's secret
        QVERIFY(c->hasCredentials());
    }
};

QTEST_GUILESS_MAIN(TestVenueFactory)
#include "tst_venue_factory.moc"
