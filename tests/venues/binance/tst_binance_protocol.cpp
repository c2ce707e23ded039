// The Binance bundle without a network: the documented signing example, every fixture in
// shared/fixtures/binance through its parser, filters as rules, error codes as kinds, the stream decoder
// and the diff-depth book.
#include "core/order_validator.h"
#include "support/test_util.h"
#include "venues/binance/binance_auth.h"
#include "venues/binance/binance_errors.h"
#include "venues/binance/binance_parse.h"
#include "venues/binance/binance_protocol.h"
#include "venues/binance/binance_stream_decoder.h"
#include "venues/core/sequenced_book.h"

#include <QTest>

using namespace hoga;
using namespace hoga::binance;

namespace {

Decimal d(const char* text) {
    return Decimal::fromString(text);
}

class FixedClock final : public Clock {
public:
    qint64 now = 1499827319559;
    qint64 nowMs() const override { return now; }
};

net::HttpResponse errorResponse(int status, const QByteArray& body) {
    net::HttpResponse r;
    r.status = status;
    r.body = body;
    return r;
}

} // namespace

class TestBinanceProtocol : public QObject {
    Q_OBJECT

    net::JsonDocument m_doc;

    net::JsonValue load(const QString& name) {
        if (!m_doc.parse(test::fixture(QStringLiteral("binance/") + name)))
            QTest::qFail(qPrintable(name + QStringLiteral(": ") + m_doc.error().message), __FILE__, __LINE__);
        return m_doc.root();
    }
    net::JsonValue parse(const QByteArray& json) {
        if (!m_doc.parse(json))
            QTest::qFail(qPrintable(m_doc.error().message), __FILE__, __LINE__);
        return m_doc.root();
    }
    // BTCUSDT with a MARKET_LOT_SIZE of its own (step 0.001, max 100).
    Market btcusdt() {
        const Result<QVector<Market>> markets = parseExchangeInfo(parse(R"({"symbols":[{"symbol":"BTCUSDT",
            "status":"TRADING","baseAsset":"BTC","quoteAsset":"USDT","filters":[
            {"filterType":"PRICE_FILTER","minPrice":"0.01","maxPrice":"1000000","tickSize":"0.01"},
            {"filterType":"LOT_SIZE","minQty":"0.00001","maxQty":"9000","stepSize":"0.00001"},
            {"filterType":"MARKET_LOT_SIZE","minQty":"0","maxQty":"100","stepSize":"0.001"},
            {"filterType":"NOTIONAL","minNotional":"5","applyMinToMarket":true,"maxNotional":"9000000",
             "applyMaxToMarket":false,"avgPriceMins":5}]}]})"),
                                                                  QStringLiteral("binance"));
        return markets.ok() ? markets.value().value(0) : Market();
    }
    static bool hasIssue(const ValidationResult& v, ValidationIssue::Code code) {
        for (const ValidationIssue& i : v.issues)
            if (i.code == code)
                return true;
        return false;
    }

private slots:
    // rest-api.md "SIGNED Endpoint Examples for POST /api/v3/order - HMAC Keys".
    void signingKnownAnswer() {
        const QByteArray secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        QCOMPARE(hmacSha256Hex(secret,
                               "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&"
                               "recvWindow=5000&timestamp=1499827319559"),
                 QByteArray("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"));
    }

    void signsExactlyTheQuerySent() {
        FixedClock clock;
        HmacAuthenticator auth(
            QStringLiteral("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"),
            "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", clock, 5000);
        auth.learnServerTime(1499827319559, 1499827319559, 1499827319559); // offset 0
        net::HttpRequest r;
        r.method = "POST";
        r.url = QUrl(QStringLiteral("https://api.binance.com/api/v3/order"));
        r.query = {{"symbol", "LTCBTC"},   {"side", "BUY"},   {"type", "LIMIT"},
                   {"timeInForce", "GTC"}, {"quantity", "1"}, {"price", "0.1"}};
        auth.sign(r);
        QCOMPARE(r.encodedQuery(),
                 QByteArray(
                     "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&"
                     "timestamp=1499827319559&signature="
                     "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"));
        QCOMPARE(r.header("X-MBX-APIKEY"),
                 QByteArray("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"));
    }

    void timestampFollowsServerOffset() {
        FixedClock clock;
        HmacAuthenticator auth(QStringLiteral("k"), "s", clock);
        auth.learnServerTime(clock.now + 2500, clock.now - 100, clock.now + 100);
        QCOMPARE(auth.offsetMs(), qint64(2500));
        QCOMPARE(auth.serverNowMs(), clock.now + 2500);
        auth.markClockStale();
        QVERIFY(!auth.isSynced());
    }

    void webSocketApiSignatureSortsParams() {
        FixedClock clock;
        HmacAuthenticator auth(QStringLiteral("key"), "secret", clock);
        QCOMPARE(auth.signParams({{QStringLiteral("timestamp"), QStringLiteral("1")},
                                  {QStringLiteral("apiKey"), QStringLiteral("key")}}),
                 hmacSha256Hex("secret", "apiKey=key&timestamp=1"));
    }

    void filtersBecomeRules() {
        const net::JsonValue root =
            parse(R"({"symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC",
            "quoteAsset":"USDT","isSpotTradingAllowed":true,"filters":[
            {"filterType":"PRICE_FILTER","minPrice":"0.01000000","maxPrice":"1000000.00000000","tickSize":"0.01000000"},
            {"filterType":"LOT_SIZE","minQty":"0.00001000","maxQty":"9000.00000000","stepSize":"0.00001000"},
            {"filterType":"MARKET_LOT_SIZE","minQty":"0.00000000","maxQty":"100.0","stepSize":"0.00000000"},
            {"filterType":"NOTIONAL","minNotional":"5.00000000","applyMinToMarket":true,"maxNotional":"9000000.00000000",
             "applyMaxToMarket":false,"avgPriceMins":5}]},
            {"symbol":"OLDBTC","status":"BREAK","baseAsset":"OLD","quoteAsset":"BTC","filters":[]},
            {"symbol":"ETHBTC","status":"TRADING","baseAsset":"ETH","quoteAsset":"BTC","filters":[
            {"filterType":"MIN_NOTIONAL","minNotional":"0.00010000","applyToMarket":true,"avgPriceMins":5}]}]})");
        const Result<QVector<Market>> markets = parseExchangeInfo(root, QStringLiteral("binance"));
        QVERIFY(markets.ok());
        QCOMPARE(markets.value().size(), 2);
        const Market& btc = markets.value().at(0);
        QCOMPARE(btc.code, QStringLiteral("BTCUSDT"));
        QCOMPARE(btc.base, QStringLiteral("BTC"));
        QCOMPARE(btc.quote, QStringLiteral("USDT"));
        QCOMPARE(btc.rules.tickFor(d("65000")), d("0.01"));
        QCOMPARE(btc.rules.qtyStep, d("0.00001"));
        QCOMPARE(btc.rules.minQty, d("0.00001"));
        QCOMPARE(btc.rules.minTotal, d("5"));
        QCOMPARE(btc.rules.maxTotal, d("9000000"));
        QCOMPARE(btc.rules.maxQty, d("9000"));
        QCOMPARE(btc.rules.marketQtyStep, Decimal());
        QCOMPARE(btc.rules.marketMinQty, Decimal());
        QCOMPARE(btc.rules.marketMaxQty, d("100"));
        QVERIFY(btc.rules.minTotalAppliesToMarket);
        QVERIFY(!btc.rules.maxTotalAppliesToMarket);
        QCOMPARE(markets.value().at(1).rules.minTotal, d("0.0001"));
        QVERIFY(markets.value().at(1).rules.minTotalAppliesToMarket);
    }

    // The validator with Binance's rules: LOT_SIZE maxQty, MARKET_LOT_SIZE for market orders, and NOTIONAL's
    // applyMinToMarket / applyMaxToMarket.
    void validatorAppliesBinanceFilters() {
        const Market m = btcusdt();
        OrderRequest r;
        r.market = m.code;
        r.side = Side::Sell;
        r.type = OrderType::Limit;
        r.price = d("1000");
        r.qty = d("9000.5");
        ValidationResult v = OrderValidator::checkRules(r, m);
        QVERIFY(hasIssue(v, ValidationIssue::AboveMaxQty));
        QVERIFY2(v.summary().contains(QLatin1String("9000 BTC")), qPrintable(v.summary()));

        // Market orders: MARKET_LOT_SIZE's maxQty 100 and step 0.001 bind on top of LOT_SIZE.
        r.type = OrderType::Market;
        r.price = Decimal();
        r.qty = d("150");
        v = OrderValidator::checkRules(r, m, d("10"));
        QVERIFY(hasIssue(v, ValidationIssue::AboveMaxQty));
        QVERIFY2(v.summary().contains(QLatin1String("100 BTC")), qPrintable(v.summary()));
        r.qty = d("0.0015");
        v = OrderValidator::checkRules(r, m, d("60000"));
        QVERIFY(hasIssue(v, ValidationIssue::QtyNotOnStep));
        QCOMPARE(v.issues.value(0).suggested, d("0.001"));
        r.qty = d("0.002");
        QVERIFY2(OrderValidator::checkRules(r, m, d("60000")).ok(),
                 qPrintable(OrderValidator::checkRules(r, m, d("60000")).summary()));

        // applyMaxToMarket false: a market order above maxNotional passes; a limit order does not.
        r.qty = d("99");
        QVERIFY(OrderValidator::checkRules(r, m, d("100000")).ok());
        r.type = OrderType::Limit;
        r.price = d("100000");
        QVERIFY(hasIssue(OrderValidator::checkRules(r, m), ValidationIssue::AboveMaxTotal));
        // applyMinToMarket true: a market order below minNotional is refused.
        r.type = OrderType::Market;
        r.price = Decimal();
        r.qty = d("0.001");
        QVERIFY(hasIssue(OrderValidator::checkRules(r, m, d("1000")), ValidationIssue::BelowMinTotal));
    }

    // -1013 "Filter failure: X" names the filter and, from the cached rules, the valid values.
    void filterFailureNamesTheValidValues() {
        const Market m = btcusdt();
        BinanceProtocol p;
        OrderRequest r;
        r.market = m.code;
        r.side = Side::Buy;
        r.type = OrderType::Limit;
        r.price = d("65000.005");
        r.qty = d("0.000015");
        auto failure = [](const char* filter) {
            return errorResponse(400,
                                 QByteArray(R"({"code":-1013,"msg":"Filter failure: )") + filter + "\"}");
        };
        VenueError e = p.orderErrorOf(failure("LOT_SIZE"), r, &m, 0);
        QCOMPARE(e.kind, ErrorKind::InvalidOrder);
        QVERIFY2(e.detail.contains(QLatin1String("LOT_SIZE")), qPrintable(e.detail));
        QVERIFY2(e.detail.contains(QLatin1String("multiples of 0.00001 BTC")), qPrintable(e.detail));
        QVERIFY2(e.detail.contains(QLatin1String("9000 BTC")), qPrintable(e.detail));
        e = p.orderErrorOf(failure("PRICE_FILTER"), r, &m, 0);
        QVERIFY2(e.detail.contains(QLatin1String("65000 and 65000.01 USDT")), qPrintable(e.detail));
        e = p.orderErrorOf(failure("NOTIONAL"), r, &m, 0);
        QVERIFY2(e.detail.contains(QLatin1String("at least 5 USDT")), qPrintable(e.detail));
        QVERIFY2(e.detail.contains(QLatin1String("at most 9000000 USDT")), qPrintable(e.detail));
        e = p.orderErrorOf(failure("MARKET_LOT_SIZE"), r, &m, 0);
        QVERIFY2(e.detail.contains(QLatin1String("The maximum is 100 BTC")), qPrintable(e.detail));
        // Without the market's rules: the filter alone.
        e = p.orderErrorOf(failure("LOT_SIZE"), r, nullptr, 0);
        QVERIFY(e.detail.contains(QLatin1String("LOT_SIZE")));
        QVERIFY(!e.detail.contains(QLatin1String("multiples")));
    }

    void exchangeInfoFixture() {
        const Result<QVector<Market>> markets = parseExchangeInfo(load("rest_exchange_info.json"), "binance");
        QVERIFY(markets.ok());
        QCOMPARE(markets.value().size(), 1);
        QCOMPARE(markets.value().at(0).code, QStringLiteral("ETHBTC"));
        QCOMPARE(markets.value().at(0).base, QStringLiteral("ETH"));
    }

    void rateLimitsBecomePools() {
        const auto pools = parseRateLimits(parse(R"({"rateLimits":[
            {"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":6000},
            {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":10,"limit":100},
            {"rateLimitType":"ORDERS","interval":"DAY","intervalNum":1,"limit":200000},
            {"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000}]})"));
        QCOMPARE(pools.size(), 4);
        QCOMPARE(pools.at(0).name, QStringLiteral("REQUEST_WEIGHT_1M"));
        QCOMPARE(pools.at(0).windowMs, qint64(60'000));
        QCOMPARE(pools.at(1).name, QStringLiteral("ORDERS_10S"));
        QCOMPARE(pools.at(1).windowMs, qint64(10'000));
        QCOMPARE(pools.at(2).name, QStringLiteral("ORDERS_1D"));
        QCOMPARE(pools.at(3).name, QStringLiteral("RAW_REQUESTS_5M"));
        // The bundle's own pools carry the same names.
        const net::RateLimitConfig limits = BinanceProtocol::limits(QStringLiteral("binance"));
        for (const auto& pool : pools) {
            bool found = false;
            for (const auto& g : limits.groups)
                found =
                    found || (g.name == pool.name && g.limit == pool.limit && g.windowMs == pool.windowMs);
            QVERIFY2(found, qPrintable(pool.name));
        }
    }

    // Announced limits replace the pools requests spend from, whatever their intervals.
    void announcedRateLimitsBecomeTheCosts() {
        BinanceProtocol p;
        const auto groups = p.announcedRateLimits(parse(R"({"rateLimits":[
            {"rateLimitType":"REQUEST_WEIGHT","interval":"MINUTE","intervalNum":1,"limit":1200},
            {"rateLimitType":"ORDERS","interval":"SECOND","intervalNum":1,"limit":10},
            {"rateLimitType":"ORDERS","interval":"DAY","intervalNum":1,"limit":160000},
            {"rateLimitType":"RAW_REQUESTS","interval":"MINUTE","intervalNum":5,"limit":61000}]})"));
        QCOMPARE(groups.size(), 4);
        QCOMPARE(groups.at(0).priorityReserve, 60);
        OrderRequest r;
        r.market = QStringLiteral("BTCUSDT");
        r.type = OrderType::Limit;
        r.price = d("1");
        r.qty = d("1");
        r.clientId = QStringLiteral("x");
        QStringList pools;
        for (const net::RateCost& cost : p.createOrderCall(r).request.costs)
            pools << cost.pool;
        QCOMPARE(pools, (QStringList{"REQUEST_WEIGHT_1M", "RAW_REQUESTS_5M", "ORDERS_1S", "ORDERS_1D"}));
        net::HttpResponse answer;
        answer.headers = {{"x-mbx-order-count-1s", "3"}, {"X-MBX-USED-WEIGHT-1M", "12"}};
        const QList<net::PoolUsage> usage = p.usageOf(answer);
        QCOMPARE(usage.size(), 2);
        QCOMPARE(usage.at(0).pool, QStringLiteral("ORDERS_1S"));
        QCOMPARE(usage.at(0).used, 3);
        // The limiter takes them.
        net::RateLimiter limiter(BinanceProtocol::limits(QStringLiteral("binance")));
        limiter.setGroupLimits(groups);
        QCOMPARE(limiter.group(QStringLiteral("REQUEST_WEIGHT_1M"))->limit, 1200);
        QCOMPARE(limiter.group(QStringLiteral("ORDERS_1S"))->windowMs, qint64(1000));
        QCOMPARE(limiter.group(QStringLiteral("ORDERS_1D"))->limit, 160000);
        // An answer without rateLimits keeps the documented pools.
        BinanceProtocol q;
        QVERIFY(q.announcedRateLimits(parse(R"({"symbols":[]})")).isEmpty());
        QCOMPARE(q.createOrderCall(r).request.costs.size(), 4);
    }

    void usageHeaders() {
        BinanceProtocol p;
        net::HttpResponse r;
        r.status = 200;
        r.headers = {
            {"X-MBX-USED-WEIGHT-1M", "1234"}, {"X-MBX-ORDER-COUNT-10S", "7"}, {"X-MBX-ORDER-COUNT-1D", "99"}};
        const QList<net::PoolUsage> usage = p.usageOf(r);
        QCOMPARE(usage.size(), 3);
        QCOMPARE(usage.at(0).pool, QStringLiteral("REQUEST_WEIGHT_1M"));
        QCOMPARE(usage.at(0).used, 1234);
        QCOMPARE(usage.at(1).used, 7);
        QCOMPARE(usage.at(2).used, 99);
    }

    void tickerFixture() {
        const Result<QVector<Ticker>> t = parseTickers(load("rest_ticker_24hr.json"), "binance");
        QVERIFY(t.ok());
        QCOMPARE(t.value().size(), 1);
        const Ticker& x = t.value().at(0);
        QCOMPARE(x.market, QStringLiteral("BNBBTC"));
        QCOMPARE(x.last, d("4.000002"));
        QCOMPARE(x.changeRate, d("-0.9596")); // -95.960 % exactly
        QCOMPARE(x.changeRate.toString(), QStringLiteral("-0.9596"));
        QCOMPARE(x.open, d("99"));
        QCOMPARE(x.prevClose, d("0.10002"));
        QCOMPARE(x.volume24h, d("8913.3"));
        QCOMPARE(x.quoteVolume24h, d("15.3"));
    }

    void tickersCallSendsSymbolsArray() {
        BinanceProtocol p;
        const ApiCall c = p.tickersCall({QStringLiteral("BTCUSDT"), QStringLiteral("ETHUSDT")});
        QCOMPARE(c.request.url.path(), QStringLiteral("/api/v3/ticker/24hr"));
        QCOMPARE(c.request.unencodedQuery(), QByteArray(R"(symbols=["BTCUSDT","ETHUSDT"])"));
        QCOMPARE(c.request.costs.at(0).weight, 2);
        QCOMPARE(BinanceProtocol::tickerWeight(21), 40);
        QCOMPARE(BinanceProtocol::tickerWeight(0), 80);
    }

    void depthFixture() {
        const Result<OrderBook> b = parseDepth(load("rest_orderbook.json"), "binance", "LTCBTC");
        QVERIFY(b.ok());
        QCOMPARE(b.value().sequence(), quint64(1027024));
        QCOMPARE(b.value().bids().at(0).price, d("4"));
        QCOMPARE(b.value().bids().at(0).qty, d("431"));
        QCOMPARE(b.value().asks().at(0).price, d("4.000002"));
        QCOMPARE(BinanceProtocol::depthWeight(100), 5);
        QCOMPARE(BinanceProtocol::depthWeight(5000), 250);
    }

    void klinesFixtures() {
        Result<QVector<Candle>> k = parseKlines(load("rest_candles_klines.json"));
        QVERIFY(k.ok());
        QCOMPARE(k.value().at(0).openTimeMs, qint64(1499040000000));
        QCOMPARE(k.value().at(0).open, d("0.0163479"));
        QCOMPARE(k.value().at(0).volume, d("148976.11427815"));
        QCOMPARE(k.value().at(0).quoteVolume, d("2434.19055334"));
        k = parseKlines(load("rest_candles_klines_capture.json"));
        QVERIFY(k.ok());
        QCOMPARE(k.value().size(), 3);
        QCOMPARE(k.value().at(2).close, d("43361.11"));
    }

    void candlesCallPagesWithEndTime() {
        BinanceProtocol p;
        CandleQuery q;
        q.market = QStringLiteral("BTCUSDT");
        q.interval = CandleInterval::H1;
        const ApiCall c = p.candlesCall(q, 1706637600000, 1000);
        QCOMPARE(c.request.unencodedQuery(),
                 QByteArray("symbol=BTCUSDT&interval=1h&endTime=1706637599999&limit=1000"));
    }

    void candlesFromCallPagesWithStartTime() {
        BinanceProtocol p;
        CandleQuery q;
        q.market = QStringLiteral("BTCUSDT");
        q.interval = CandleInterval::M1;
        auto c = p.candlesFromCall(q, 1706637600000, 1000);
        QVERIFY(c);
        QCOMPARE(c->request.unencodedQuery(),
                 QByteArray("symbol=BTCUSDT&interval=1m&startTime=1706637600000&limit=1000"));
        q.toMs = 1706640000000;
        c = p.candlesFromCall(q, 1706637600000, 5);
        QCOMPARE(c->request.unencodedQuery(), QByteArray("symbol=BTCUSDT&interval=1m&startTime=1706637600000&"
                                                         "endTime=1706639999999&limit=5"));
    }

    void tradesFixture() {
        const Result<QVector<Trade>> t = parseTrades(load("rest_trades.json"), "binance", "BNBBTC");
        QVERIFY(t.ok());
        QCOMPARE(t.value().at(0).id, QStringLiteral("28457"));
        QCOMPARE(t.value().at(0).side, Side::Sell); // buyer was the maker
        QCOMPARE(t.value().at(0).qty, d("12"));
    }

    void accountFixture() {
        const Result<QVector<Balance>> b = parseAccount(load("rest_account.json"), "binance");
        QVERIFY(b.ok());
        QCOMPARE(b.value().size(), 2);
        QCOMPARE(b.value().at(0).currency, QStringLiteral("BTC"));
        QCOMPARE(b.value().at(0).free, d("4723846.89208129"));
    }

    void orderFixtures() {
        Result<Order> o = parseOrder(load("rest_order_get.json"), "binance");
        QVERIFY(o.ok());
        QCOMPARE(o.value().id, QStringLiteral("LTCBTC:1"));
        QCOMPARE(o.value().clientId, QStringLiteral("myOrder1"));
        QCOMPARE(o.value().state, OrderState::Open);
        QCOMPARE(o.value().price, d("0.1"));
        QCOMPARE(o.value().createdAtMs, qint64(1499827319559));

        o = parseOrder(load("rest_order_cancel.json"), "binance");
        QVERIFY(o.ok());
        QCOMPARE(o.value().clientId, QStringLiteral("myOrder1")); // not the cancel's own id
        QCOMPARE(o.value().state, OrderState::Cancelled);

        o = parseOrder(load("rest_order_create_full.json"), "binance");
        QVERIFY(o.ok());
        QCOMPARE(o.value().type, OrderType::Market);
        QCOMPARE(o.value().side, Side::Sell);
        QCOMPARE(o.value().state, OrderState::Filled);
        QCOMPARE(o.value().filledQty, d("10"));
        QCOMPARE(o.value().filledQuote, d("10"));
        QCOMPARE(o.value().id, QStringLiteral("BTCUSDT:28"));

        o = parseOrder(load("rest_order_create_result.json"), "binance");
        QVERIFY(o.ok());
        o = parseOrder(load("rest_order_create_ack.json"), "binance");
        QVERIFY(o.ok());
        QCOMPARE(o.value().clientId, QStringLiteral("6gCrw2kRUAF9CvJDGP16IP"));

        const Result<QVector<Order>> open = parseOrders(load("rest_orders_open.json"), "binance");
        QVERIFY(open.ok());
        QCOMPARE(open.value().size(), 1);
    }

    void myTradesFixture() {
        const Result<QVector<Fill>> f = parseMyTrades(load("rest_my_trades.json"), "binance");
        QVERIFY(f.ok());
        QCOMPARE(f.value().at(0).orderId, QStringLiteral("BNBBTC:100234"));
        QCOMPARE(f.value().at(0).fee, d("10.1"));
        QCOMPARE(f.value().at(0).feeCurrency, QStringLiteral("BNB"));
        QCOMPARE(f.value().at(0).side, Side::Buy);
    }

    void orderCalls() {
        BinanceProtocol p;
        OrderRequest r;
        r.market = QStringLiteral("BTCUSDT");
        r.side = Side::Buy;
        r.type = OrderType::Limit;
        r.price = d("65000.10");
        r.qty = d("0.0010");
        r.timeInForce = TimeInForce::ImmediateOrCancel;
        r.clientId = QStringLiteral("abc-123_X");
        ApiCall c = p.createOrderCall(r);
        QCOMPARE(c.request.method, QByteArray("POST"));
        QCOMPARE(c.request.unencodedQuery(),
                 QByteArray("symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=IOC&quantity=0.001&price=65000.1&"
                            "newClientOrderId=abc-123_X&newOrderRespType=RESULT"));
        QVERIFY(c.isPrivate);

        r.timeInForce = TimeInForce::PostOnly;
        QVERIFY(p.createOrderCall(r).request.unencodedQuery().contains("type=LIMIT_MAKER&quantity"));

        r.type = OrderType::Market;
        r.qty = Decimal();
        r.total = d("25.5");
        QVERIFY(p.createOrderCall(r).request.unencodedQuery().contains("type=MARKET&quoteOrderQty=25.5&"));

        // The symbol is found again from the order id, or from the client id seen before.
        c = p.orderCall({QStringLiteral("BTCUSDT:28"), {}});
        QCOMPARE(c.request.unencodedQuery(), QByteArray("symbol=BTCUSDT&orderId=28"));
        c = p.cancelCall({{}, QStringLiteral("abc-123_X")});
        QCOMPARE(c.request.method, QByteArray("DELETE"));
        QCOMPARE(c.request.unencodedQuery(), QByteArray("symbol=BTCUSDT&origClientOrderId=abc-123_X"));
        QVERIFY(!p.readsOrderBeforeCancel({{}, QStringLiteral("abc-123_X")}));
    }

    // A client id this bundle never saw (a new process): the open orders of every symbol find it; a cancel
    // reads them first and never becomes DELETE /api/v3/openOrders.
    void unknownClientIdIsFoundInTheOpenOrders() {
        BinanceProtocol p;
        const OrderRef ref{{}, QStringLiteral("mine-2")};
        ApiCall c = p.orderCall(ref);
        QCOMPARE(c.request.url.path(), QStringLiteral("/api/v3/openOrders"));
        QCOMPARE(c.request.unencodedQuery(), QByteArray());
        QVERIFY(p.readsOrderBeforeCancel(ref));
        QCOMPARE(p.cancelCall(ref).request.url.path(), QStringLiteral("/api/v3/order"));
        const net::JsonValue open = parse(R"([
            {"symbol":"ETHUSDT","orderId":7,"clientOrderId":"other","price":"1","origQty":"1","executedQty":"0",
             "cummulativeQuoteQty":"0","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY","time":1},
            {"symbol":"BTCUSDT","orderId":9,"clientOrderId":"mine-2","price":"2","origQty":"1","executedQty":"0",
             "cummulativeQuoteQty":"0","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"SELL","time":2}])");
        const Result<Order> found = p.parseOrderFor(open, ref);
        QVERIFY(found.ok());
        QCOMPARE(found.value().id, QStringLiteral("BTCUSDT:9"));
        // Now the symbol is known.
        QCOMPARE(p.cancelCall(ref).request.unencodedQuery(),
                 QByteArray("symbol=BTCUSDT&origClientOrderId=mine-2"));
        const Result<Order> missing = p.parseOrderFor(open, {{}, QStringLiteral("gone")});
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }

    void errorCodes_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ErrorKind>("kind");
        QTest::newRow("timestamp")
            << 400
            << QByteArray(
                   R"({"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."})")
            << ErrorKind::Auth;
        QTest::newRow("signature")
            << 400 << QByteArray(R"({"code":-1022,"msg":"Signature for this request is not valid."})")
            << ErrorKind::Auth;
        QTest::newRow("key format") << 401 << QByteArray(R"({"code":-2014,"msg":"API-key format invalid."})")
                                    << ErrorKind::Auth;
        QTest::newRow("key")
            << 401 << QByteArray(R"({"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."})")
            << ErrorKind::Auth;
        QTest::newRow("filter") << 400 << QByteArray(R"({"code":-1013,"msg":"Filter failure: LOT_SIZE"})")
                                << ErrorKind::InvalidOrder;
        QTest::newRow("balance")
            << 400
            << QByteArray(R"({"code":-2010,"msg":"Account has insufficient balance for requested action."})")
            << ErrorKind::InsufficientFunds;
        QTest::newRow("unknown order")
            << 400 << QByteArray(R"({"code":-2011,"msg":"Unknown order sent."})") << ErrorKind::NotFound;
        QTest::newRow("no order") << 400 << QByteArray(R"({"code":-2013,"msg":"Order does not exist."})")
                                  << ErrorKind::NotFound;
        QTest::newRow("symbol") << 400 << test::fixture("binance/rest_error_invalid_symbol.json")
                                << ErrorKind::NotFound;
        QTest::newRow("restrictions")
            << 400 << test::fixture("binance/rest_error_cancel_restrictions.json") << ErrorKind::InvalidOrder;
        QTest::newRow("weight") << 429
                                << QByteArray(R"({"code":-1003,"msg":"Too much request weight used."})")
                                << ErrorKind::RateLimit;
        QTest::newRow("timeout")
            << 400
            << QByteArray(R"({"code":-1007,"msg":"Timeout waiting for response from backend server."})")
            << ErrorKind::Network;
    }
    void errorCodes() {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(ErrorKind, kind);
        const VenueError e = errorFromResponse(errorResponse(status, body), 0);
        QCOMPARE(e.kind, kind);
        QVERIFY(!e.venueCode.isEmpty());
        QVERIFY(!e.detail.isEmpty());
        QVERIFY(!e.userMessage().isEmpty());
    }

    void filterFailureNamesTheFilter() {
        const VenueError e = errorFromResponse(
            errorResponse(400, R"({"code":-1013,"msg":"Filter failure: PRICE_FILTER"})"), 0);
        QVERIFY(e.detail.contains(QStringLiteral("PRICE_FILTER")));
        QCOMPARE(e.venueCode, QStringLiteral("-1013"));
    }

    void banAndRetryAfter() {
        net::HttpResponse r = errorResponse(
            418, R"({"code":-1003,"msg":"Way too much request weight used; IP banned until 1000120000."})");
        VenueError e = errorFromResponse(r, 1000000000);
        QCOMPARE(e.kind, ErrorKind::RateLimit);
        QCOMPARE(e.retryAfterMs, qint64(120000));
        r = errorResponse(429, R"({"code":-1003,"msg":"Too many requests."})");
        r.headers = {{"Retry-After", "7"}};
        e = errorFromResponse(r, 0);
        QCOMPARE(e.retryAfterMs, qint64(7000));
    }

    void lostOrderAnswersAreLookedUp() {
        BinanceProtocol p;
        QVERIFY(p.capabilities().lookupByClientId);
        QVERIFY(p.mayHaveTakenOrder(errorResponse(400, R"({"code":-1007,"msg":"Timeout"})")));
        QVERIFY(p.mayHaveTakenOrder(errorResponse(503, "")));
        QVERIFY(!p.mayHaveTakenOrder(errorResponse(400, R"({"code":-2010,"msg":"Duplicate order sent."})")));
    }

    void streamFixtures() {
        StreamDecoder decoder(QStringLiteral("binance"));
        const QByteArray trade =
            "{\"stream\":\"bnbbtc@trade\",\"data\":" + test::fixture("binance/ws_trade.json") + "}";
        StreamEvent e = decoder.decode(trade);
        QCOMPARE(e.kind, StreamEvent::Kind::Trade);
        QCOMPARE(e.trade->market, QStringLiteral("BNBBTC"));
        QCOMPARE(e.trade->price, d("0.001"));
        QCOMPARE(e.trade->side, Side::Sell);

        e = decoder.decode(test::fixture("binance/ws_ticker.json"));
        QCOMPARE(e.kind, StreamEvent::Kind::Ticker);
        QCOMPARE(e.ticker->last, d("0.0025"));
        QCOMPARE(e.ticker->changeRate, d("2.5"));

        e = decoder.decode(test::fixture("binance/ws_orderbook_diff.json"));
        QCOMPARE(e.kind, StreamEvent::Kind::BookDiff);
        QCOMPARE(e.diff->firstSeq, quint64(157));
        QCOMPARE(e.diff->lastSeq, quint64(160));
        QCOMPARE(e.diff->asks.at(0).qty, d("100"));

        e = decoder.decode(test::fixture("binance/ws_user_execution_report.json"));
        QCOMPARE(e.kind, StreamEvent::Kind::Order);
        QCOMPARE(e.order->id, QStringLiteral("ETHBTC:4293153"));
        QCOMPARE(e.order->clientId, QStringLiteral("mUvoqJxFIILMdfAW5iGSOW"));
        QCOMPARE(e.order->state, OrderState::Open);
        QCOMPARE(e.order->price, d("0.1026441"));
        QVERIFY(!e.fill);

        e = decoder.decode(test::fixture("binance/ws_user_outbound_account_position.json"));
        QCOMPARE(e.kind, StreamEvent::Kind::Balances);
        QCOMPARE(e.balances->at(0).currency, QStringLiteral("ETH"));
        QCOMPARE(e.balances->at(0).free, d("10000"));

        QCOMPARE(decoder.decode(test::fixture("binance/ws_user_balance_update.json")).kind,
                 StreamEvent::Kind::None);
        for (const char* other :
             {"ws_agg_trade.json", "ws_book_ticker.json", "ws_kline.json", "ws_mini_ticker.json"})
            QCOMPARE(decoder.decode(test::fixture(QStringLiteral("binance/") + other)).kind,
                     StreamEvent::Kind::None);
        QCOMPARE(decoder.decode(R"({"result":null,"id":1})").kind, StreamEvent::Kind::None);
        QCOMPARE(decoder.decode(R"({"id":"uds-1","status":200,"result":{"subscriptionId":0}})").kind,
                 StreamEvent::Kind::None);
        e = decoder.decode(
            R"({"id":"uds-1","status":400,"error":{"code":-1022,"msg":"Signature for this request is not valid."}})");
        QCOMPARE(e.kind, StreamEvent::Kind::Error);
        QCOMPARE(e.error.kind, ErrorKind::Auth);
    }

    void executionReportTradeCarriesFill() {
        StreamDecoder decoder(QStringLiteral("binance"));
        const StreamEvent e =
            decoder.decode(R"({"subscriptionId":0,"event":{"e":"executionReport","E":2,"s":"BTCUSDT",
            "c":"cid-1","S":"SELL","o":"LIMIT","f":"GTC","q":"2","p":"100.5","x":"TRADE","X":"PARTIALLY_FILLED",
            "r":"NONE","i":77,"l":"0.5","z":"0.5","L":"100.5","n":"0.05025","N":"USDT","T":5,"t":901,"m":true,
            "O":1,"Z":"50.25","Q":"0","C":""}})");
        QCOMPARE(e.kind, StreamEvent::Kind::Order);
        QCOMPARE(e.order->state, OrderState::PartiallyFilled);
        QVERIFY(e.fill);
        QCOMPARE(e.fill->tradeId, QStringLiteral("901"));
        QCOMPARE(e.fill->qty, d("0.5"));
        QCOMPARE(e.fill->fee, d("0.05025"));
        QVERIFY(e.fill->maker);
        QCOMPARE(e.fill->orderId, QStringLiteral("BTCUSDT:77"));
    }

    // The documented local book algorithm: buffered diffs, snapshot, U <= lastUpdateId+1 <= u, gap -> resync.
    void sequencedBookFromFixtures() {
        StreamDecoder decoder(QStringLiteral("binance"));
        SequencedBook book(QStringLiteral("binance"), QStringLiteral("BNBBTC"));
        StreamEvent e = decoder.decode(test::fixture("binance/ws_orderbook_diff.json")); // U=157 u=160
        QVERIFY2(e.diff, "ws_orderbook_diff.json gave no depth diff"); // a missing fixture fails, not crashes
        QCOMPARE(book.applyDiff(*e.diff), SequencedBook::Status::Buffered);
        const Result<OrderBook> snapshot = parseDepth(
            parse(R"({"lastUpdateId":158,"bids":[["0.0024","5"],["0.0023","1"]],"asks":[["0.0026","1"]]})"),
            "binance", "BNBBTC");
        QCOMPARE(book.applySnapshot(snapshot.value()), SequencedBook::Status::Applied);
        QCOMPARE(book.book().bids().at(0).qty, d("10"));
        QCOMPARE(book.book().asks().at(0).qty, d("100"));
        e = decoder.decode(
            R"({"e":"depthUpdate","E":1,"s":"BNBBTC","U":161,"u":161,"b":[["0.0023","0"]],"a":[]})");
        QCOMPARE(book.applyDiff(*e.diff), SequencedBook::Status::Applied);
        QCOMPARE(book.book().bids().size(), 1);
        e = decoder.decode(R"({"e":"depthUpdate","E":1,"s":"BNBBTC","U":165,"u":166,"b":[],"a":[]})");
        QCOMPARE(book.applyDiff(*e.diff), SequencedBook::Status::NeedSnapshot);
    }

    void subscriptionsAndUrls() {
        BinanceProtocol p;
        QHash<QString, unsigned> subscribed{{QStringLiteral("BTCUSDT"), TradeChannel | OrderBookChannel},
                                            {QStringLiteral("ETHUSDT"), TickerChannel}};
        const QList<QByteArray> frames = p.publicSubscriptions(subscribed);
        QCOMPARE(frames.size(), 1);
        QVERIFY(frames.at(0).startsWith(
            R"({"method":"SUBSCRIBE","params":["btcusdt@trade","btcusdt@depth@100ms","ethusdt@ticker"],"id":)"));
        VenueEndpoints e = p.defaultEndpoints();
        QCOMPARE(p.publicStreamUrl(e), QUrl(QStringLiteral("wss://stream.binance.com:9443/stream")));
        QCOMPARE(e.privateWsUrl, QUrl(QStringLiteral("wss://ws-api.binance.com:443/ws-api/v3")));
        BinanceProtocol testnet(BinanceProtocol::Network::Testnet);
        QCOMPARE(testnet.venueId(), QStringLiteral("binance-testnet"));
        e = testnet.defaultEndpoints();
        QCOMPARE(e.restUrl, QUrl(QStringLiteral("https://testnet.binance.vision")));
        QCOMPARE(testnet.publicStreamUrl(e),
                 QUrl(QStringLiteral("wss://stream.testnet.binance.vision/stream")));
        QCOMPARE(e.privateWsUrl, QUrl(QStringLiteral("wss://ws-api.testnet.binance.vision/ws-api/v3")));
    }

    void privateSubscriptionIsSigned() {
        BinanceProtocol p;
        FixedClock clock;
        Credentials c;
        c.accessKey = QStringLiteral("key");
        c.secretKey = "secret";
        const auto auth = p.makeAuthenticator(c, clock);
        QVERIFY(auth);
        const QList<QByteArray> frames = p.privateSubscriptions();
        QCOMPARE(frames.size(), 1);
        const net::JsonValue root = parse(frames.at(0));
        QCOMPARE(root["method"].toString(), QStringLiteral("userDataStream.subscribe.signature"));
        const QString ts = root["params"]["timestamp"].toString();
        QCOMPARE(ts, QString::number(clock.now));
        QCOMPARE(root["params"]["signature"].toString().toLatin1(),
                 hmacSha256Hex("secret", "apiKey=key&timestamp=" + ts.toLatin1()));
        QVERIFY(p.privateSubscriptionsExpire());
    }
};

QTEST_GUILESS_MAIN(TestBinanceProtocol)
#include "tst_binance_protocol.moc"
