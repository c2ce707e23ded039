// No layer may send an order twice. The strict fake venue takes the order, then closes the kept-alive
// connection without answering: QNetworkAccessManager would re-send such a request by itself. Exactly one
// request with the order's nonce and client id must arrive, and the connector must find the order by its
// client id (one lookup) and report it placed. For every venue on the connector core.

#include "conformance/connector_conformance.h"
#include "venues/upbit/fake_target.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

// The JWT nonce of a logged request (the token's payload is its second part).
QString nonceOf(const FakeRequestLog& r) {
    const QList<QByteArray> parts = r.headers.value("authorization").mid(7).split('.');
    if (parts.size() != 3)
        return {};
    const QByteArray payload =
        QByteArray::fromBase64(parts[1], QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    return QJsonDocument::fromJson(payload).object().value(QStringLiteral("nonce")).toString();
}

} // namespace

class TestOrderDoublePost : public QObject {
    Q_OBJECT

private slots:
    void onlyOneCopyArrives_data() {
        QTest::addColumn<FakeFlavor>("flavor");
        QTest::newRow("upbit") << FakeFlavor::Upbit;
        QTest::newRow("bithumb") << FakeFlavor::Bithumb;
    }
    void onlyOneCopyArrives() {
        QFETCH(FakeFlavor, flavor);
        const bool upbit = flavor == FakeFlavor::Upbit;
        FakeVenueServer server(flavor, 21);
        QVERIFY(server.start());
        server.addKey(kFakeAccess, kFakeSecret);
        ConnectorHost host(makeConnector(server, fakeConfig(server, upbit ? QStringLiteral("upbit")
                                                                          : QStringLiteral("bithumb"))));
        Connector* c = host.connector();
        // A private request first, so the order goes out on a connection kept alive from it.
        QVERIFY(await(c->fetchBalances()).ok());

        server.acceptNextOrderThenTimeOut(true); // take the order, then close the connection unanswered
        const Decimal bid = server.bestBid(QStringLiteral("KRW-BTC"));
        const Decimal price =
            (bid * Decimal::fromString("0.8")).roundToStep(server.tickFor(QStringLiteral("KRW-BTC"), bid),
                                                           Rounding::Floor);
        const QString clientId = QStringLiteral("once-%1").arg(upbit ? QStringLiteral("u") : QStringLiteral("b"));
        const OrderPlacement placed = awaitPlacement(c->createOrder(
            {QStringLiteral("KRW-BTC"), Side::Buy, OrderType::Limit, price, Decimal::fromString("0.001"), {}, clientId}));
        QVERIFY2(placed.ok(), qPrintable(describe(placed.error())));
        QCOMPARE(placed.outcome(), OrderPlacement::Outcome::Placed);
        QCOMPARE(placed.value().clientId, clientId);
        QCOMPARE(server.orderCount(), 1);

        const QByteArray createPath = upbit ? QByteArray("/v1/orders") : QByteArray("/v2/orders");
        QVector<FakeRequestLog> copies;
        for (const FakeRequestLog& r : server.requests())
            if (r.method == "POST" && r.path == createPath && r.body.contains(clientId.toUtf8()))
                copies.append(r);
        QCOMPARE(copies.size(), 1);
        const QString nonce = nonceOf(copies.first());
        QVERIFY(!nonce.isEmpty());
        int withNonce = 0;
        for (const FakeRequestLog& r : server.requests())
            withNonce += nonceOf(r) == nonce ? 1 : 0;
        QCOMPARE(withNonce, 1);
        // Looked up once, by the client id.
        int lookups = 0;
        for (const FakeRequestLog& r : server.requests())
            lookups += r.method == "GET" && r.path == "/v1/order" && r.rawQuery.contains(clientId.toUtf8()) ? 1 : 0;
        QCOMPARE(lookups, 1);
    }
};

QTEST_GUILESS_MAIN(TestOrderDoublePost)
#include "tst_order_double_post.moc"
