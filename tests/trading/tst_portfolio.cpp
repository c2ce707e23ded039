#include "trading/portfolio.h"

#include <QTest>

using namespace hoga;

namespace {

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

Balance balance(const QString& currency, const char* free, const char* locked = "0", const char* avg = "0",
                const QString& avgCurrency = {}) {
    Balance b;
    b.venue = QStringLiteral("sim");
    b.currency = currency;
    b.free = dec(free);
    b.locked = dec(locked);
    b.avgBuyPrice = dec(avg);
    b.avgBuyCurrency = avgCurrency;
    return b;
}

void addTicker(QHash<QString, Ticker>& tickers, const QString& market, const char* last) {
    Ticker t;
    t.venue = QStringLiteral("sim");
    t.market = market;
    t.last = dec(last);
    tickers.insert(market, t);
}

const PortfolioRow* rowOf(const PortfolioSnapshot& s, const QString& currency) {
    for (const PortfolioRow& r : s.rows) {
        if (r.currency == currency)
            return &r;
    }
    return nullptr;
}

VenueHoldings venue(const QString& id, const QString& name, QVector<Balance> balances,
                    std::initializer_list<std::pair<const char*, const char*>> lasts) {
    VenueHoldings v;
    v.venue = id;
    v.venueName = name;
    v.balances = std::move(balances);
    for (const auto& [market, last] : lasts)
        addTicker(v.tickers, QString::fromLatin1(market), last);
    return v;
}

const PortfolioRow* rowOf(const PortfolioSnapshot& s, const QString& venue, const QString& currency) {
    for (const PortfolioRow& r : s.rows)
        if (r.venue == venue && r.currency == currency)
            return &r;
    return nullptr;
}

} // namespace

class TestPortfolio : public QObject {
    Q_OBJECT
private slots:
    void severalVenuesValuedTogetherThroughUpbitsRate() {
        const QVector<VenueHoldings> venues{
            venue(QStringLiteral("sim"), QStringLiteral("Simulated market"),
                  {balance(QStringLiteral("KRW"), "500000"), balance(QStringLiteral("BTC"), "0.002")},
                  {{"KRW-BTC", "100000000"}, {"KRW-USDT", "1500"}}),
            venue(QStringLiteral("upbit"), QStringLiteral("Upbit"),
                  {balance(QStringLiteral("USDT"), "100"), balance(QStringLiteral("SOL"), "2")},
                  {{"KRW-USDT", "1400"}, {"USDT-SOL", "150.5"}, {"KRW-BTC", "140000000"}}),
            venue(QStringLiteral("bithumb"), QStringLiteral("Bithumb"),
                  {balance(QStringLiteral("BTC"), "0.01"), balance(QStringLiteral("ETH"), "0.5"),
                   balance(QStringLiteral("ZZZ"), "7")},
                  {{"KRW-BTC", "141000000"}, {"KRW-USDT", "1410"}}),
        };
        const PortfolioSnapshot s = computePortfolio(venues);
        // Upbit's rate wins over Bithumb's and the simulator's.
        QCOMPARE(s.usdtKrw, dec("1400"));
        QCOMPARE(s.usdtKrwSource, QStringLiteral("Upbit KRW-USDT"));

        // A coin on its own venue's KRW market (the simulator's BTC at the simulator's price).
        const PortfolioRow* simBtc = rowOf(s, QStringLiteral("sim"), QStringLiteral("BTC"));
        QVERIFY(simBtc && simBtc->priced);
        QCOMPARE(simBtc->valueKrw, dec("200000"));
        QCOMPARE(simBtc->priceSource, QStringLiteral("Simulated market KRW-BTC"));
        // USDT itself: at the rate in KRW, exactly its quantity in USDT.
        const PortfolioRow* usdt = rowOf(s, QStringLiteral("upbit"), QStringLiteral("USDT"));
        QCOMPARE(usdt->valueKrw, dec("140000"));
        QCOMPARE(usdt->valueUsdt, dec("100"));
        // Through its USDT market at the rate.
        const PortfolioRow* sol = rowOf(s, QStringLiteral("upbit"), QStringLiteral("SOL"));
        QCOMPARE(sol->valueKrw, dec("421400")); // 2 x 150.5 x 1,400
        QCOMPARE(sol->priceSource, QStringLiteral("Upbit USDT-SOL × Upbit KRW-USDT"));
        // Its own venue's price first.
        const PortfolioRow* bithumbBtc = rowOf(s, QStringLiteral("bithumb"), QStringLiteral("BTC"));
        QCOMPARE(bithumbBtc->valueKrw, dec("1410000"));
        // ETH is quoted nowhere, ZZZ neither: said, not counted as zero.
        QVERIFY(!rowOf(s, QStringLiteral("bithumb"), QStringLiteral("ETH"))->priced);
        QVERIFY(!rowOf(s, QStringLiteral("bithumb"), QStringLiteral("ZZZ"))->priced);
        QCOMPARE(s.unpriced, 2);

        QCOMPARE(s.venues.size(), 3);
        QCOMPARE(s.venues[0].totalKrw, dec("700000"));
        QCOMPARE(s.venues[1].totalKrw, dec("561400"));
        QCOMPARE(s.venues[1].totalUsdt, dec("401")); // 561,400 / 1,400
        QCOMPARE(s.venues[2].totalKrw, dec("1410000"));
        QCOMPARE(s.venues[2].unpriced, 2);
        QCOMPARE(s.totalKrw, dec("2671400"));
        QCOMPARE(s.totalUsdt, dec("2671400").divide(dec("1400"), 8, Rounding::HalfEven));
        QCOMPARE(s.totalUsdt, dec("1908.14285714"));
    }

    void coinPricedOnAnotherVenueWhenItsOwnDoesNotQuoteIt() {
        const QVector<VenueHoldings> venues{
            venue(QStringLiteral("bithumb"), QStringLiteral("Bithumb"), {balance(QStringLiteral("SOL"), "1")},
                  {{"KRW-USDT", "1410"}}),
            venue(QStringLiteral("upbit"), QStringLiteral("Upbit"), {},
                  {{"KRW-SOL", "210000"}, {"KRW-USDT", "1400"}}),
        };
        const PortfolioSnapshot s = computePortfolio(venues);
        const PortfolioRow* sol = rowOf(s, QStringLiteral("bithumb"), QStringLiteral("SOL"));
        QVERIFY(sol->priced);
        QCOMPARE(sol->valueKrw, dec("210000"));
        QCOMPARE(sol->priceSource, QStringLiteral("Upbit KRW-SOL"));
        QCOMPARE(sol->valueUsdt, dec("150"));
    }

    void bithumbsRateWithoutUpbitAndTheSimulatorsAlone() {
        const PortfolioSnapshot withBithumb = computePortfolio(QVector<VenueHoldings>{
            venue(QStringLiteral("sim"), QStringLiteral("Simulated market"),
                  {balance(QStringLiteral("KRW"), "1")}, {{"KRW-USDT", "1500"}}),
            venue(QStringLiteral("bithumb"), QStringLiteral("Bithumb"), {}, {{"KRW-USDT", "1410"}})});
        QCOMPARE(withBithumb.usdtKrw, dec("1410"));
        QCOMPARE(withBithumb.usdtKrwSource, QStringLiteral("Bithumb KRW-USDT"));

        const PortfolioSnapshot paper = computePortfolio(
            QVector<VenueHoldings>{venue(QStringLiteral("sim"), QStringLiteral("Simulated market"),
                                         {balance(QStringLiteral("KRW"), "3000")}, {{"KRW-USDT", "1500"}})});
        QCOMPARE(paper.usdtKrw, dec("1500"));
        QCOMPARE(paper.usdtKrwSource, QStringLiteral("Simulated market KRW-USDT"));
        QCOMPARE(paper.totalUsdt, dec("2"));
    }

    void krwAndCoinWithKrwMarket() {
        QHash<QString, Ticker> tickers;
        addTicker(tickers, QStringLiteral("KRW-BTC"), "150000000");
        addTicker(tickers, QStringLiteral("KRW-USDT"), "1350");
        const QVector<Balance> balances{
            balance(QStringLiteral("KRW"), "1000000"),
            balance(QStringLiteral("BTC"), "0.03", "0.02", "140000000", QStringLiteral("KRW")),
        };

        const PortfolioSnapshot s = computePortfolio(balances, tickers);
        QCOMPARE(s.usdtKrw, dec("1350"));
        QCOMPARE(s.rows.size(), 2);
        QCOMPARE(s.rows[0].currency, QStringLiteral("BTC")); // largest value first
        const PortfolioRow& btc = s.rows[0];
        QVERIFY(btc.priced);
        QCOMPARE(btc.qty, dec("0.05"));
        QCOMPARE(btc.priceKrw, dec("150000000"));
        QCOMPARE(btc.valueKrw, dec("7500000"));
        QCOMPARE(btc.avgPriceKrw, dec("140000000"));
        QCOMPARE(btc.unrealizedPnlKrw, dec("500000"));
        QCOMPARE(btc.pnlRate, dec("0.071429"));        // 500,000 / 7,000,000
        QCOMPARE(btc.valueUsdt, dec("5555.55555556")); // 7,500,000 / 1,350 at 8 digits
        QCOMPARE(btc.share, dec("0.882353"));          // 7.5 / 8.5

        const PortfolioRow& krw = s.rows[1];
        QCOMPARE(krw.currency, QStringLiteral("KRW"));
        QVERIFY(krw.priced);
        QCOMPARE(krw.priceKrw, dec("1"));
        QCOMPARE(krw.valueKrw, dec("1000000"));
        QCOMPARE(krw.valueUsdt, dec("740.74074074"));
        QCOMPARE(krw.avgPriceKrw, Decimal());
        QCOMPARE(krw.unrealizedPnlKrw, Decimal());
        QCOMPARE(krw.share, dec("0.117647"));

        QCOMPARE(s.totalKrw, dec("8500000"));
        QCOMPARE(s.totalUsdt, dec("6296.2962963")); // 8,500,000 / 1,350 = 6296.296296296... at 8 digits
        QCOMPARE(s.totalPnlKrw, dec("500000"));
    }

    void coinOnlyTradedInUsdt() {
        QHash<QString, Ticker> tickers;
        addTicker(tickers, QStringLiteral("KRW-USDT"), "1350");
        addTicker(tickers, QStringLiteral("SOLUSDT"), "150.5");
        const QVector<Balance> balances{
            balance(QStringLiteral("SOL"), "10", "0", "120", QStringLiteral("USDT")),
            balance(QStringLiteral("USDT"), "100", "0", "1300", QStringLiteral("KRW")),
        };

        const PortfolioSnapshot s = computePortfolio(balances, tickers);
        QCOMPARE(s.rows.size(), 2);
        const PortfolioRow* sol = rowOf(s, QStringLiteral("SOL"));
        QVERIFY(sol);
        QVERIFY(sol->priced);
        QCOMPARE(sol->priceKrw, dec("203175")); // 150.5 USDT x 1,350
        QCOMPARE(sol->valueKrw, dec("2031750"));
        QCOMPARE(sol->valueUsdt, dec("1505"));
        QCOMPARE(sol->avgPriceKrw, dec("162000")); // 120 USDT x 1,350
        QCOMPARE(sol->unrealizedPnlKrw, dec("411750"));
        QCOMPARE(sol->pnlRate, dec("0.254167")); // 411,750 / 1,620,000 = 0.2541666...

        const PortfolioRow* usdt = rowOf(s, QStringLiteral("USDT"));
        QVERIFY(usdt);
        QCOMPARE(usdt->priceKrw, dec("1350"));
        QCOMPARE(usdt->valueKrw, dec("135000"));
        QCOMPARE(usdt->valueUsdt, dec("100"));
        QCOMPARE(usdt->unrealizedPnlKrw, dec("5000"));
        QCOMPARE(usdt->pnlRate, dec("0.038462")); // 5,000 / 130,000

        QCOMPARE(s.rows[0].currency, QStringLiteral("SOL"));
        QCOMPARE(s.totalKrw, dec("2166750"));
        QCOMPARE(s.totalUsdt, dec("1605"));
        QCOMPARE(s.totalPnlKrw, dec("416750"));
    }

    void missingUsdtRateLeavesUsdtOnlyCoinUnpriced() {
        QHash<QString, Ticker> tickers;
        addTicker(tickers, QStringLiteral("SOLUSDT"), "150.5");
        addTicker(tickers, QStringLiteral("KRW-ETH"), "5000000");
        const QVector<Balance> balances{
            balance(QStringLiteral("SOL"), "10", "0", "120", QStringLiteral("USDT")),
            balance(QStringLiteral("KRW"), "50000"),
            balance(QStringLiteral("ETH"), "0.1", "0", "4000000"), // no avg currency, but a KRW market
        };

        const PortfolioSnapshot s = computePortfolio(balances, tickers);
        QCOMPARE(s.usdtKrw, Decimal());
        QCOMPARE(s.rows.size(), 3);
        QCOMPARE(s.rows[0].currency, QStringLiteral("ETH"));
        QCOMPARE(s.rows[1].currency, QStringLiteral("KRW"));
        const PortfolioRow& sol = s.rows[2]; // unpriced rows last
        QCOMPARE(sol.currency, QStringLiteral("SOL"));
        QVERIFY(!sol.priced);
        QCOMPARE(sol.qty, dec("10"));
        QCOMPARE(sol.priceKrw, Decimal());
        QCOMPARE(sol.valueKrw, Decimal());
        QCOMPARE(sol.share, Decimal());
        QCOMPARE(sol.unrealizedPnlKrw, Decimal());

        QCOMPARE(s.rows[0].avgPriceKrw, dec("4000000"));
        QCOMPARE(s.rows[0].unrealizedPnlKrw, dec("100000"));
        QCOMPARE(s.rows[0].pnlRate, dec("0.25"));
        QCOMPARE(s.rows[0].valueUsdt, Decimal()); // no rate: USDT values are 0
        QCOMPARE(s.totalKrw, dec("550000"));
        QCOMPARE(s.totalUsdt, Decimal());
        QCOMPARE(s.totalPnlKrw, dec("100000"));
    }

    void unknownAverageCostGivesNoPnl() {
        QHash<QString, Ticker> tickers;
        addTicker(tickers, QStringLiteral("KRW-USDT"), "1350");
        addTicker(tickers, QStringLiteral("XRPUSDT"), "0.5");
        // An average price without currency on a coin without a KRW market cannot be interpreted.
        const QVector<Balance> balances{balance(QStringLiteral("XRP"), "1000", "0", "600")};
        const PortfolioSnapshot s = computePortfolio(balances, tickers);
        QCOMPARE(s.rows.size(), 1);
        QVERIFY(s.rows[0].priced);
        QCOMPARE(s.rows[0].valueKrw, dec("675000"));
        QCOMPARE(s.rows[0].avgPriceKrw, Decimal());
        QCOMPARE(s.rows[0].unrealizedPnlKrw, Decimal());
        QCOMPARE(s.rows[0].pnlRate, Decimal());
        QCOMPARE(s.rows[0].share, dec("1"));
    }

    void zeroBalancesAreSkippedAndLockedCounts() {
        QHash<QString, Ticker> tickers;
        addTicker(tickers, QStringLiteral("KRW-ETH"), "5000000");
        const QVector<Balance> balances{
            balance(QStringLiteral("ETH"), "0", "0"), balance(QStringLiteral("BTC"), "0"),
            balance(QStringLiteral("KRW"), "0", "20000"), // only locked in an open order
        };
        const PortfolioSnapshot s = computePortfolio(balances, tickers);
        QCOMPARE(s.rows.size(), 1);
        QCOMPARE(s.rows[0].currency, QStringLiteral("KRW"));
        QCOMPARE(s.rows[0].qty, dec("20000"));
        QCOMPARE(s.totalKrw, dec("20000"));
    }

    void emptyInputGivesEmptySnapshot() {
        const PortfolioSnapshot s = computePortfolio({}, {});
        QVERIFY(s.rows.isEmpty());
        QCOMPARE(s.totalKrw, Decimal());
        QCOMPARE(s.totalUsdt, Decimal());
        QCOMPARE(s.totalPnlKrw, Decimal());
    }

    void sharesSumToOneWithinRowRounding() {
        QHash<QString, Ticker> tickers;
        addTicker(tickers, QStringLiteral("KRW-BTC"), "100000000");
        addTicker(tickers, QStringLiteral("KRW-ETH"), "3000000");
        addTicker(tickers, QStringLiteral("KRW-XRP"), "700");
        const QVector<Balance> balances{
            balance(QStringLiteral("KRW"), "1000000"),
            balance(QStringLiteral("BTC"), "0.01"),
            balance(QStringLiteral("ETH"), "0.3333"),
            balance(QStringLiteral("XRP"), "1428.5714"),
        };
        const PortfolioSnapshot s = computePortfolio(balances, tickers);
        QCOMPARE(s.rows.size(), 4);
        Decimal sum;
        for (int i = 0; i < s.rows.size(); ++i) {
            sum += s.rows[i].share;
            if (i > 0)
                QVERIFY(s.rows[i - 1].valueKrw >= s.rows[i].valueKrw);
        }
        const Decimal tolerance = dec("0.000005") * Decimal(int(s.rows.size()));
        QVERIFY2((sum - Decimal(1)).abs() <= tolerance, qPrintable(sum.toString()));
        // Equal values are ordered by currency, so the order never flickers.
        QCOMPARE(s.rows[0].currency, QStringLiteral("BTC"));
        QCOMPARE(s.rows[1].currency, QStringLiteral("KRW"));
    }
};

QTEST_GUILESS_MAIN(TestPortfolio)
#include "tst_portfolio.moc"
