// The KIS bundle's pure parts: the shared fixtures through the parsers, stream frames, the AES known answer,
// the KRX tick table and session hours, error mapping, request shapes by account type.
#include "support/test_util.h"
#include "venues/kis/kis_errors.h"
#include "venues/kis/kis_parse.h"
#include "venues/kis/kis_protocol.h"
#include "venues/kis/kis_stream.h"
#include "venues/kis/kis_tables.h"
#include "venues/net/json_value.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace hoga;

namespace {

Decimal d(const char* text) {
    return Decimal::fromString(text);
}

QByteArray fixture(const char* name) {
    return test::fixture(QStringLiteral("kis/") + QLatin1String(name));
}

qint64 kst(int y, int mo, int day, int h, int mi) {
    return QDateTime(QDate(y, mo, day), QTime(h, mi), QTimeZone(9 * 3600)).toMSecsSinceEpoch();
}

QString bodyValue(const ApiCall& c, const char* key) {
    net::JsonDocument doc;
    if (!c.request.jsonBody ||
        !doc.parse(std::string_view(c.request.jsonBody->constData(), size_t(c.request.jsonBody->size()))))
        return QStringLiteral("<no body>");
    const net::JsonValue v = doc.root()[key];
    return v.isString() ? v.toString() : QStringLiteral("<not a string>");
}

QString queryValue(const ApiCall& c, const char* key) {
    for (const auto& [k, v] : c.request.query)
        if (k == QLatin1String(key))
            return v;
    return QStringLiteral("<absent>");
}

} // namespace

class TestKisProtocol : public QObject {
    Q_OBJECT

private slots:
    void priceFixture() {
        net::JsonDocument doc;
        QVERIFY(doc.parse(fixture("rest_inquire_price.json").toStdString()));
        const Result<Ticker> t = kis::parsePrice(doc.root());
        QVERIFY(t.ok());
        QCOMPARE(t.value().market, QStringLiteral("005930"));
        QCOMPARE(t.value().last, d("65850"));
        QCOMPARE(t.value().open, d("65700"));
        QCOMPARE(t.value().high, d("66000"));
        QCOMPARE(t.value().low, d("65500"));
        QCOMPARE(t.value().change, d("-150"));
        QCOMPARE(t.value().prevClose, d("66000"));
        QCOMPARE(t.value().changeRate, d("-0.0023")); // prdy_ctrt -0.23 % exactly
        QCOMPARE(t.value().volume24h, d("1943202"));
        QCOMPARE(t.value().quoteVolume24h, d("127737129950"));
    }

    void orderFixture() {
        net::JsonDocument doc;
        QVERIFY(doc.parse(fixture("rest_order_cash.json").toStdString()));
        KisProtocol p(KisAccount::parse(QStringLiteral("12345678-01"), QStringLiteral("real")));
        const Result<Order> o = p.parseCreatedOrder(doc.root());
        QVERIFY(o.ok());
        QCOMPARE(o.value().id, QStringLiteral("0000006555"));
        // The branch is remembered for the cancel.
        const ApiCall cancel = p.cancelCall({QStringLiteral("0000006555"), {}});
        QCOMPARE(bodyValue(cancel, "KRX_FWDG_ORD_ORGNO"), QStringLiteral("06590"));
        QCOMPARE(bodyValue(cancel, "ORGN_ODNO"), QStringLiteral("0000006555"));
        QCOMPARE(bodyValue(cancel, "RVSE_CNCL_DVSN_CD"), QStringLiteral("02"));
        QCOMPARE(bodyValue(cancel, "QTY_ALL_ORD_YN"), QStringLiteral("Y"));
        QCOMPARE(cancel.request.header("tr_id"), QByteArray("TTTC0013U"));
    }

    void errorFixtures_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("kind");
        QTest::newRow("expired") << "rest_error_egw00123_token_expired.json" << 500 << "EGW00123"
                                 << int(ErrorKind::Auth);
        QTest::newRow("invalid token")
            << "rest_error_egw00121_invalid_token.json" << 403 << "EGW00121" << int(ErrorKind::Auth);
        QTest::newRow("token throttle")
            << "rest_error_egw00133_token_rate_limit.json" << 403 << "EGW00133" << int(ErrorKind::RateLimit);
        QTest::newRow("body") << "rest_error_igw00007.json" << 500 << "IGW00007" << int(ErrorKind::Venue);
        QTest::newRow("code") << "rest_error_mca05918.json" << 200 << "MCA05918" << int(ErrorKind::NotFound);
    }
    void errorFixtures() {
        QFETCH(QString, file);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, kind);
        net::HttpResponse r;
        r.status = status;
        r.body = test::fixture(QStringLiteral("kis/") + file);
        const VenueError e = kis::errorOf(r, 0);
        QCOMPARE(e.venueCode, code);
        QCOMPARE(int(e.kind), kind);
        QVERIFY(!e.venueMessage.isEmpty());
        QVERIFY(!e.detail.isEmpty());
        QVERIFY(kis::statusOf(r.body).failed);
    }

    void unknownCodeKeepsMessage() {
        net::HttpResponse r;
        r.status = 200;
        r.body = QByteArrayLiteral(R"({"rt_cd":"1","msg_cd":"APBK9999","msg1":"알 수 없는 오류"})");
        const VenueError e = kis::errorOf(r, 0);
        QCOMPARE(e.kind, ErrorKind::Venue);
        QCOMPARE(e.venueCode, QStringLiteral("APBK9999"));
        QCOMPARE(e.venueMessage, QStringLiteral("알 수 없는 오류"));
        KisProtocol p;
        QVERIFY(p.isFailedAnswer(r));
        r.body = fixture("rest_order_cash.json");
        QVERIFY(!p.isFailedAnswer(r));
        r.body = fixture("rest_error_egw00123_token_expired.json");
        QVERIFY(p.isExpiredToken(r));
        // A gateway refusal (5xx with an EGW code) never took an order; a bare 5xx may have.
        r.status = 500;
        r.body = QByteArrayLiteral(
            R"({"rt_cd":"1","msg_cd":"EGW00201","msg1":"초당 거래건수를 초과하였습니다."})");
        QVERIFY(!p.mayHaveTakenOrder(r));
        r.body = "oops";
        QVERIFY(p.mayHaveTakenOrder(r));
    }

    void tickTable() {
        const TradingRules r = kis::krxRules();
        QCOMPARE(r.tickFor(d("1999")), d("1"));
        QCOMPARE(r.tickFor(d("2000")), d("5"));
        QCOMPARE(r.tickFor(d("4995")), d("5"));
        QCOMPARE(r.tickFor(d("5000")), d("10"));
        QCOMPARE(r.tickFor(d("19990")), d("10"));
        QCOMPARE(r.tickFor(d("20000")), d("50"));
        QCOMPARE(r.tickFor(d("65850")), d("100"));
        QCOMPARE(r.tickFor(d("200000")), d("500"));
        QCOMPARE(r.tickFor(d("500000")), d("1000"));
        QCOMPARE(r.qtyStep, d("1"));
        // The venue's aspr_unit at the current price wins (an ETF at 5 KRW ticks).
        QCOMPARE(kis::krxRules(d("30000"), d("5")).tickFor(d("30000")), d("5"));
    }

    void sessionHours() {
        QVERIFY(!kis::isRegularSession(kst(2026, 12, 4, 8, 59))); // Friday
        QVERIFY(kis::isRegularSession(kst(2026, 12, 4, 9, 0)));
        QVERIFY(kis::isRegularSession(kst(2026, 12, 4, 15, 29)));
        QVERIFY(!kis::isRegularSession(kst(2026, 12, 4, 15, 30)));
        QVERIFY(!kis::isRegularSession(kst(2026, 12, 5, 10, 0))); // Saturday
        KisProtocol p(KisAccount::parse(QStringLiteral("1234567801"), QStringLiteral("real")));
        OrderRequest r;
        r.market = QStringLiteral("005930");
        const auto closed = p.refuseOrder(r, kst(2026, 12, 4, 16, 0));
        QVERIFY(closed);
        QCOMPARE(closed->kind, ErrorKind::Venue);
        QVERIFY(!closed->detail.isEmpty());
        QVERIFY(!p.refuseOrder(r, kst(2026, 12, 4, 10, 0)));
        p.setEnforceSessionHours(false);
        QVERIFY(!p.refuseOrder(r, kst(2026, 12, 4, 16, 0)));
        KisProtocol noAccount;
        QCOMPARE(noAccount.refuseOrder(r, kst(2026, 12, 4, 10, 0))->kind, ErrorKind::Auth);
    }

    // The KRX after-hours sessions: ORD_DVSN 05/06 with ORD_UNPR "0" (KIS: "0" rather than empty where the
    // price is not the order's), 07 with the order's price; hours per session; rows read back; a modify
    // keeps the session.
    void afterHoursSessions() {
        KisProtocol p(KisAccount::parse(QStringLiteral("12345678-01"), QStringLiteral("real")));
        QVERIFY(p.capabilities().orderSessions.contains(OrderSession::AfterHoursSingle));
        OrderRequest r;
        r.market = QStringLiteral("005930");
        r.side = Side::Buy;
        r.type = OrderType::Limit;
        r.qty = d("3");
        r.session = OrderSession::PreMarketClose;
        QCOMPARE(bodyValue(p.createOrderCall(r), "ORD_DVSN"), QStringLiteral("05"));
        QCOMPARE(bodyValue(p.createOrderCall(r), "ORD_UNPR"), QStringLiteral("0"));
        r.session = OrderSession::PostMarketClose;
        QCOMPARE(bodyValue(p.createOrderCall(r), "ORD_DVSN"), QStringLiteral("06"));
        QCOMPARE(bodyValue(p.createOrderCall(r), "ORD_UNPR"), QStringLiteral("0"));
        r.session = OrderSession::AfterHoursSingle;
        r.price = d("66000");
        const ApiCall single = p.createOrderCall(r);
        QCOMPARE(bodyValue(single, "ORD_DVSN"), QStringLiteral("07"));
        QCOMPARE(bodyValue(single, "ORD_UNPR"), QStringLiteral("66000"));
        QCOMPARE(single.request.header("tr_id"), QByteArray("TTTC0012U"));

        // Hours: refused before sending outside the order's own session.
        QVERIFY(p.refuseOrder(r, kst(2026, 12, 4, 15, 45))); // single price opens at 16:00
        QVERIFY(!p.refuseOrder(r, kst(2026, 12, 4, 16, 30)));
        r.session = OrderSession::PostMarketClose;
        QVERIFY(!p.refuseOrder(r, kst(2026, 12, 4, 15, 45)));
        const auto closed = p.refuseOrder(r, kst(2026, 12, 4, 16, 30));
        QVERIFY(closed);
        QVERIFY2(closed->detail.contains(QStringLiteral("15:30-16:00")), qPrintable(closed->detail));
        r.session = OrderSession::PreMarketClose;
        QVERIFY(!p.refuseOrder(r, kst(2026, 12, 4, 8, 35)));
        QVERIFY(p.refuseOrder(r, kst(2026, 12, 4, 8, 45)));
        r.session = OrderSession::Regular;
        QVERIFY(p.refuseOrder(r, kst(2026, 12, 4, 8, 35)));

        // Rows of the day's orders name their session by ord_dvsn_cd.
        net::JsonDocument orders;
        QVERIFY(orders.parse(std::string_view(R"({"rt_cd":"0","msg_cd":"","msg1":"","output1":[
            {"ord_dt":"20261204","ord_gno_brno":"06590","odno":"0000000021","orgn_odno":"","sll_buy_dvsn_cd":"02",
             "pdno":"005930","ord_qty":"3","ord_unpr":"0","ord_tmd":"154100","tot_ccld_qty":"0","cncl_yn":"N",
             "rmn_qty":"3","ord_dvsn_cd":"06"},
            {"ord_dt":"20261204","ord_gno_brno":"06590","odno":"0000000022","orgn_odno":"","sll_buy_dvsn_cd":"01",
             "pdno":"005930","ord_qty":"2","ord_unpr":"66000","ord_tmd":"161000","tot_ccld_qty":"0","cncl_yn":"N",
             "rmn_qty":"2","ord_dvsn_cd":"07"},
            {"ord_dt":"20261204","ord_gno_brno":"06590","odno":"0000000023","orgn_odno":"","sll_buy_dvsn_cd":"02",
             "pdno":"005930","ord_qty":"1","ord_unpr":"0","ord_tmd":"083100","tot_ccld_qty":"1","avg_prvs":"65800",
             "cncl_yn":"N","rmn_qty":"0","ord_dvsn_cd":"05"}]})")));
        const Result<QVector<Order>> list = p.parseOrders(orders.root());
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 3);
        QCOMPARE(list.value()[0].session, OrderSession::PostMarketClose);
        QCOMPARE(list.value()[0].type, OrderType::Limit);
        QCOMPARE(list.value()[0].price, Decimal());
        QCOMPARE(list.value()[1].session, OrderSession::AfterHoursSingle);
        QCOMPARE(list.value()[1].price, d("66000"));
        QCOMPARE(list.value()[2].session, OrderSession::PreMarketClose);
        QCOMPARE(list.value()[2].state, OrderState::Filled);

        // A modify stays in the order's session; a closing-price order has no price to change.
        const Order& single07 = list.value()[1];
        OrderModification lower;
        lower.price = d("65900");
        const ApiCall modify = p.modifyCall(single07, lower);
        QCOMPARE(bodyValue(modify, "ORD_DVSN"), QStringLiteral("07"));
        QCOMPARE(bodyValue(modify, "ORD_UNPR"), QStringLiteral("65900"));
        const auto refused = p.refuseModification(list.value()[0], lower);
        QVERIFY(refused);
        QCOMPARE(refused->kind, ErrorKind::InvalidOrder);
        OrderModification fewer;
        fewer.qty = d("1");
        const ApiCall reduce = p.modifyCall(list.value()[0], fewer);
        QCOMPARE(bodyValue(reduce, "ORD_DVSN"), QStringLiteral("06"));
        QCOMPARE(bodyValue(reduce, "ORD_UNPR"), QStringLiteral("0"));
    }

    void accountAndTrIds() {
        const KisAccount a = KisAccount::parse(QStringLiteral("12345678-01"), QStringLiteral("virtual"));
        QVERIFY(a.isValid());
        QVERIFY(a.isVirtual);
        QCOMPARE(a.cano, QStringLiteral("12345678"));
        QCOMPARE(a.productCode, QStringLiteral("01"));
        QVERIFY(!KisAccount::parse(QStringLiteral("1234-01"), {}).isValid());
        QVERIFY(!KisAccount::parse(QStringLiteral("abcdefgh-01"), {}).isValid());

        KisProtocol real(KisAccount::parse(QStringLiteral("12345678-01"), QStringLiteral("real")));
        KisProtocol virt(a);
        QCOMPARE(real.defaultEndpoints().restUrl.port(), 9443);
        QCOMPARE(virt.defaultEndpoints().restUrl.port(), 29443);
        QCOMPARE(real.defaultEndpoints().wsUrl.port(), 21000);
        QCOMPARE(virt.defaultEndpoints().wsUrl.port(), 31000);
        QCOMPARE(real.rateLimits().fallback.limit, 20);
        QCOMPARE(virt.rateLimits().fallback.limit, 2);

        OrderRequest buy;
        buy.market = QStringLiteral("005930");
        buy.side = Side::Buy;
        buy.type = OrderType::Limit;
        buy.price = d("65800");
        buy.qty = d("3");
        const ApiCall rc = real.createOrderCall(buy);
        QCOMPARE(rc.request.header("tr_id"), QByteArray("TTTC0012U"));
        QCOMPARE(virt.createOrderCall(buy).request.header("tr_id"), QByteArray("VTTC0012U"));
        QCOMPARE(bodyValue(rc, "CANO"), QStringLiteral("12345678"));
        QCOMPARE(bodyValue(rc, "ACNT_PRDT_CD"), QStringLiteral("01"));
        QCOMPARE(bodyValue(rc, "PDNO"), QStringLiteral("005930"));
        QCOMPARE(bodyValue(rc, "ORD_DVSN"), QStringLiteral("00"));
        QCOMPARE(bodyValue(rc, "ORD_QTY"), QStringLiteral("3"));
        QCOMPARE(bodyValue(rc, "ORD_UNPR"), QStringLiteral("65800"));

        OrderRequest sell = buy;
        sell.side = Side::Sell;
        sell.type = OrderType::Market;
        const ApiCall mc = real.createOrderCall(sell);
        QCOMPARE(mc.request.header("tr_id"), QByteArray("TTTC0011U"));
        QCOMPARE(bodyValue(mc, "ORD_DVSN"), QStringLiteral("01"));
        QCOMPARE(bodyValue(mc, "ORD_UNPR"), QStringLiteral("0"));
        sell.type = OrderType::Limit;
        sell.timeInForce = TimeInForce::ImmediateOrCancel;
        QCOMPARE(bodyValue(real.createOrderCall(sell), "ORD_DVSN"), QStringLiteral("11"));
        sell.timeInForce = TimeInForce::FillOrKill;
        QCOMPARE(bodyValue(real.createOrderCall(sell), "ORD_DVSN"), QStringLiteral("12"));
        sell.type = OrderType::Best;
        sell.timeInForce = TimeInForce::ImmediateOrCancel;
        QCOMPARE(bodyValue(real.createOrderCall(sell), "ORD_DVSN"), QStringLiteral("15"));

        // Quotation TRs are the same on both servers; account TRs switch to V...
        QCOMPARE(virt.tickersCall({QStringLiteral("005930")}).request.header("tr_id"),
                 QByteArray("FHKST01010100"));
        QCOMPARE(real.balancesCall().request.header("tr_id"), QByteArray("TTTC8434R"));
        QCOMPARE(virt.balancesCall().request.header("tr_id"), QByteArray("VTTC8434R"));
        QCOMPARE(real.openOrdersCall({}).request.header("tr_id"), QByteArray("TTTC0084R"));
        const ApiCall vOpen = virt.openOrdersCall({});
        QCOMPARE(vOpen.request.header("tr_id"), QByteArray("VTTC0081R"));
        QCOMPARE(queryValue(vOpen, "CCLD_DVSN"), QStringLiteral("02"));
        QVERIFY(real.tickersCall({QStringLiteral("005930")}).isPrivate); // every KIS call needs the token
    }

    void balanceAndOrders() {
        net::JsonDocument doc;
        QVERIFY(doc.parse(std::string_view(R"({"rt_cd":"0","msg_cd":"KIOK0510","msg1":"ok","output1":[
            {"pdno":"005930","prdt_name":"삼성전자","hldg_qty":"10","ord_psbl_qty":"7","pchs_avg_pric":"65123.4567"},
            {"pdno":"000660","hldg_qty":"0","ord_psbl_qty":"0","pchs_avg_pric":"0"}],
            "output2":[{"dnca_tot_amt":"1000000","prvs_rcdl_excc_amt":"934150"}]})")));
        const Result<QVector<Balance>> b = kis::parseBalance(doc.root());
        QVERIFY(b.ok());
        QCOMPARE(b.value().size(), 2);
        QCOMPARE(b.value()[0].currency, QStringLiteral("KRW"));
        QCOMPARE(b.value()[0].free, d("934150"));
        QCOMPARE(b.value()[0].locked, d("65850")); // the deposit beyond the settled cash
        QCOMPARE(b.value()[1].currency, QStringLiteral("005930"));
        QCOMPARE(b.value()[1].free, d("7"));
        QCOMPARE(b.value()[1].locked, d("3"));
        QCOMPARE(b.value()[1].avgBuyPrice, d("65123.4567"));

        net::JsonDocument orders;
        QVERIFY(orders.parse(std::string_view(R"({"rt_cd":"0","msg_cd":"","msg1":"","output1":[
            {"ord_dt":"20261204","ord_gno_brno":"06590","odno":"0000000011","orgn_odno":"","sll_buy_dvsn_cd":"02",
             "pdno":"005930","ord_qty":"5","ord_unpr":"65000","ord_tmd":"093000","tot_ccld_qty":"2","avg_prvs":"65000",
             "cncl_yn":"N","rmn_qty":"3","ord_dvsn_cd":"00","cnc_cfrm_qty":"0","rjct_qty":"0"},
            {"ord_dt":"20261204","ord_gno_brno":"06590","odno":"0000000012","orgn_odno":"0000000011","sll_buy_dvsn_cd":"02",
             "pdno":"005930","ord_qty":"3","ord_unpr":"0","ord_tmd":"093100","tot_ccld_qty":"0","cncl_yn":"Y","ord_dvsn_cd":"00"},
            {"ord_dt":"20261204","ord_gno_brno":"06590","odno":"0000000013","orgn_odno":"","sll_buy_dvsn_cd":"01",
             "pdno":"000660","ord_qty":"1","ord_unpr":"0","ord_tmd":"100000","tot_ccld_qty":"1","avg_prvs":"180000",
             "cncl_yn":"N","rmn_qty":"0","ord_dvsn_cd":"01","cnc_cfrm_qty":"0","rjct_qty":"0"}]})")));
        KisProtocol p(KisAccount::parse(QStringLiteral("12345678-01"), QStringLiteral("real")));
        const Result<QVector<Order>> list = p.parseOrders(orders.root());
        QVERIFY(list.ok());
        QCOMPARE(list.value().size(), 2); // the cancel row is not an order
        const Order& a = list.value()[0];
        QCOMPARE(a.id, QStringLiteral("0000000011"));
        QCOMPARE(a.side, Side::Buy);
        QCOMPARE(a.state, OrderState::PartiallyFilled);
        QCOMPARE(a.price, d("65000"));
        QCOMPARE(a.filledQuote, d("130000"));
        QCOMPARE(a.createdAtMs, kst(2026, 12, 4, 9, 30));
        const Order& m = list.value()[1];
        QCOMPARE(m.type, OrderType::Market);
        QCOMPARE(m.side, Side::Sell);
        QCOMPARE(m.state, OrderState::Filled);
        QCOMPARE(bodyValue(p.cancelCall({a.id, {}}), "KRX_FWDG_ORD_ORGNO"), QStringLiteral("06590"));
        const QVector<Fill> fills = p.parseOrderFills(orders.root(), m);
        QCOMPARE(fills.size(), 1);
        QCOMPARE(fills[0].price, d("180000"));
    }

    void charts() {
        net::JsonDocument doc;
        QVERIFY(doc.parse(std::string_view(R"({"rt_cd":"0","output1":{},"output2":[
            {"stck_bsop_date":"20261204","stck_clpr":"65900","stck_oprc":"65700","stck_hgpr":"66000","stck_lwpr":"65500","acml_vol":"100","acml_tr_pbmn":"6590000"},
            {"stck_bsop_date":"20261203","stck_clpr":"65700","stck_oprc":"65000","stck_hgpr":"65800","stck_lwpr":"64900","acml_vol":"200","acml_tr_pbmn":"13140000"},
            {}]})")));
        const Result<QVector<Candle>> c = kis::parseChart(doc.root(), false);
        QVERIFY(c.ok());
        QCOMPARE(c.value().size(), 2);
        QCOMPARE(c.value()[0].openTimeMs, kst(2026, 12, 4, 0, 0));
        QCOMPARE(c.value()[0].close, d("65900"));
        QCOMPARE(c.value()[1].volume, d("200"));
        // Through the bundle a KRX day opens at 09:00 KST, the app's UTC day bucket.
        CandleQuery day;
        day.market = QStringLiteral("005930");
        day.interval = CandleInterval::D1;
        const Result<QVector<Candle>> days = KisProtocol().parseCandles(doc.root(), day);
        QCOMPARE(days.value()[0].openTimeMs, kst(2026, 12, 4, 9, 0));
        QCOMPARE(bucketStart(CandleInterval::D1, days.value()[0].openTimeMs), days.value()[0].openTimeMs);
        QCOMPARE(
            queryValue(KisProtocol().candlesCall(day, days.value()[0].openTimeMs, 100), "FID_INPUT_DATE_2"),
            QStringLiteral("20261203"));
        CandleQuery q;
        q.market = QStringLiteral("005930");
        q.interval = CandleInterval::W1;
        const ApiCall call = KisProtocol().candlesCall(q, kst(2026, 12, 4, 0, 0), 100);
        QCOMPARE(queryValue(call, "FID_PERIOD_DIV_CODE"), QStringLiteral("W"));
        QCOMPARE(queryValue(call, "FID_INPUT_DATE_2"), QStringLiteral("20261203")); // exclusive end
    }

    void streamTradeAndBook() {
        kis::StreamDecoder decoder;
        const StreamEvent t = decoder.decode(fixture("ws_h0stcnt0_trade.txt").trimmed());
        QCOMPARE(t.kind, StreamEvent::Kind::Trade);
        QCOMPARE(t.trade->market, QStringLiteral("005930"));
        QCOMPARE(t.trade->price, d("62700"));
        QCOMPARE(t.trade->qty, d("125"));
        QCOMPARE(t.trade->side, Side::Buy);
        QCOMPARE(decoder.next().kind, StreamEvent::Kind::None);

        // A burst: one frame, "002" records back to back; each is its own trade, oldest first.
        const QByteArray single = fixture("ws_h0stcnt0_trade.txt").trimmed();
        const QList<QByteArray> parts = single.split('|');
        QCOMPARE(parts.size(), 4);
        QByteArray second = parts[3];
        second.replace("62700", "62800");
        const QByteArray burst = parts[0] + '|' + parts[1] + "|002|" + parts[3] + '^' + second;
        const StreamEvent first = decoder.decode(burst);
        QCOMPARE(first.kind, StreamEvent::Kind::Trade);
        QCOMPARE(first.trade->price, d("62700"));
        const StreamEvent then = decoder.next();
        QCOMPARE(then.kind, StreamEvent::Kind::Trade);
        QCOMPARE(then.trade->price, d("62800"));
        QCOMPARE(decoder.next().kind, StreamEvent::Kind::None);
        // A control frame in between leaves nothing of the burst behind.
        decoder.decode(burst);
        QCOMPARE(decoder.decode(fixture("ws_pingpong.json")).kind, StreamEvent::Kind::None);
        QCOMPARE(decoder.next().kind, StreamEvent::Kind::None);

        for (const char* name : {"ws_h0stasp0_orderbook.txt", "ws_h0stasp0_orderbook_62fields.txt"}) {
            const StreamEvent b = decoder.decode(fixture(name).trimmed());
            QCOMPARE(b.kind, StreamEvent::Kind::Book);
            QCOMPARE(b.book->asks().size(), 10);
            QCOMPARE(b.book->bids().size(), 10);
            QVERIFY(!b.book->isCrossed());
        }
        const StreamEvent b = decoder.decode(fixture("ws_h0stasp0_orderbook.txt").trimmed());
        QCOMPARE(b.book->bestAsk()->price, d("80500"));
        QCOMPARE(b.book->bestAsk()->qty, d("69772"));
        QCOMPARE(b.book->bestBid()->price, d("80400"));
        QCOMPARE(b.book->bestBid()->qty, d("180109"));
        QCOMPARE(decoder.decode(fixture("ws_pingpong.json")).kind, StreamEvent::Kind::None);
        QCOMPARE(decoder.decode(fixture("ws_error_opsp9999_json_parsing.json")).kind,
                 StreamEvent::Kind::Error);
        // PINGPONG is echoed by the session (keep-alive hook), other frames are not answered.
        const net::KeepAlive k = KisProtocol().keepAlive();
        QCOMPARE(k.answerServerPing(fixture("ws_pingpong.json")),
                 std::optional<QByteArray>(fixture("ws_pingpong.json")));
        QVERIFY(!k.answerServerPing(fixture("ws_h0stcnt0_trade.txt")));
    }

    void aesKnownAnswer() {
        // Encrypted with `openssl enc -aes-256-cbc` using the key and iv of the subscribe answer fixture.
        const QByteArray cipher =
            "n2OQ3dBLnI/q2/3MmLOjjAWim+XKmlwep6ZdC/nhRMmX2Ydcv82tIYzoobVaR49MqlJEu1lbhOaBlja+FGVHI5bq"
            "qBdBuMBNCs/9oSDPI/GoJ0OMan2dC/iEoN/3kLvdyf9TI8UsnCFY/E8+wpD+hYTE1GJOt4tCyEooC0hWN8s=";
        const QByteArray key = "iuheqrmvfxoceaxeyqgjwesozgizmmgx";
        const QByteArray iv = "d59d91fcf9fd0044";
        const auto plain = kis::decryptNotice(cipher, key, iv);
        QVERIFY(plain);
        QCOMPARE(
            QString::fromUtf8(*plain),
            QStringLiteral("hts1234^1234567801^0000012345^^02^0^00^0^005930^10^65800^093015^N^2^Y^00950^10^"
                           "hong^^KRX^^^N^^삼성전자^65800"));
        QVERIFY(!kis::decryptNotice(cipher, QByteArray(32, 'x'), iv));

        // The subscribe answer's key decrypts the notices that follow.
        kis::StreamDecoder decoder;
        QByteArray ack = fixture("ws_subscribe_ack_h0stasp0.json");
        ack.replace("H0STASP0", "H0STCNI0");
        QCOMPARE(decoder.decode(ack).kind, StreamEvent::Kind::None);
        const StreamEvent e = decoder.decode("1|H0STCNI0|001|" + cipher);
        QCOMPARE(e.kind, StreamEvent::Kind::Order);
        QCOMPARE(e.order->id, QStringLiteral("0000012345"));
        QCOMPARE(e.order->market, QStringLiteral("005930"));
        QCOMPARE(e.order->side, Side::Buy);
        QVERIFY(e.fill);
        QCOMPARE(e.fill->qty, d("10"));
        QCOMPARE(e.fill->price, d("65800"));
    }

    void subscribeFrames() {
        QHash<QString, unsigned> subs;
        for (int i = 0; i < 30; ++i)
            subs.insert(QStringLiteral("%1").arg(i, 6, 10, QLatin1Char('0')),
                        TradeChannel | OrderBookChannel);
        const QList<QByteArray> frames = kis::subscribeFrames("APPROVAL", subs);
        QCOMPARE(frames.size(), kis::kMaxSubscriptions);
        net::JsonDocument doc;
        QVERIFY(doc.parse(std::string_view(frames.first().constData(), size_t(frames.first().size()))));
        QCOMPARE(doc.root()["header"]["approval_key"].toString(), QStringLiteral("APPROVAL"));
        QCOMPARE(doc.root()["header"]["tr_type"].toString(), QStringLiteral("1"));
        QCOMPARE(doc.root()["header"]["custtype"].toString(), QStringLiteral("P"));
        QCOMPARE(doc.root()["body"]["input"]["tr_id"].toString(), QStringLiteral("H0STCNT0"));
        QCOMPARE(doc.root()["body"]["input"]["tr_key"].toString(), QStringLiteral("000000"));
    }

    void markets() {
        KisProtocol p;
        const auto list = p.builtInMarkets();
        QVERIFY(list && list->size() >= 20);
        QCOMPARE(list->first().code, QStringLiteral("005930"));
        QCOMPARE(list->first().localName, QStringLiteral("삼성전자"));
        QVERIFY(p.unlistedMarket(QStringLiteral("123456")));
        QVERIFY(!p.unlistedMarket(QStringLiteral("KRW-BTC")));
        const CredentialSchema s = p.credentialSchema();
        QVERIFY(s.field(QStringLiteral("account")));
        QCOMPARE(s.field(QStringLiteral("account_type"))->choices,
                 QStringList({QStringLiteral("real"), QStringLiteral("virtual")}));
    }

    void tokenAnswer() {
        const auto t = kis::parseTokenAnswer(
            R"({"access_token":"eyJ0","token_type":"Bearer","expires_in":86400,"access_token_token_expired":"2026-12-06 10:00:00"})",
            0);
        QVERIFY(t);
        QCOMPARE(t->value, QByteArray("eyJ0"));
        QCOMPARE(t->expiresAtMs, kst(2026, 12, 6, 10, 0));
        QVERIFY(!kis::parseTokenAnswer(fixture("rest_error_egw00133_token_rate_limit.json"), 0));
    }
};

QTEST_GUILESS_MAIN(TestKisProtocol)
#include "tst_kis_protocol.moc"
