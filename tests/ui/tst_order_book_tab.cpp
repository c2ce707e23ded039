// The Order book tab on a scripted connector: 체결강도 (trade strength) over the tape's trades, the trade
// value column, quantities at the market's precision, the depth chart, and no work while the tab is hidden
// (it catches up when shown).

#include "common/data_table_view.h"
#include "common/item_roles.h"
#include "format/market_format.h"
#include "marketdata/market_data_hub.h"
#include "orderbook/depth_chart_view.h"
#include "orderbook/order_book_side_model.h"
#include "orderbook/order_book_tab.h"
#include "orderbook/trade_strength.h"
#include "orderbook/trade_tape_model.h"
#include "support/fake_connector.h"
#include "theme/terminal_theme.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace hoga;
using hoga::test::FakeConnector;

namespace {

constexpr int kTimeoutMs = 5000;
const QString kBtc = QStringLiteral("KRW-BTC");

Decimal dec(const char* text) {
    return Decimal::fromString(text);
}

bool same(const Decimal& a, const Decimal& b) {
    return (a - b).isZero();
}

Market btc() {
    Market m;
    m.venue = QStringLiteral("fake");
    m.code = kBtc;
    m.base = QStringLiteral("BTC");
    m.quote = QStringLiteral("KRW");
    m.displayName = QStringLiteral("Bitcoin");
    m.rules.tickBands = TradingRules::krwPriceBands();
    m.rules.qtyStep = dec("0.00000001");
    return m;
}

Trade trade(const char* qty, Side side, qint64 price = 100'000'000) {
    static int id = 0;
    Trade t;
    t.venue = QStringLiteral("fake");
    t.market = kBtc;
    t.id = QString::number(++id);
    t.price = Decimal(price);
    t.qty = dec(qty);
    t.side = side;
    t.timestampMs = 1'780'000'000'000 + id;
    return t;
}

OrderBook book(const char* firstBidQty) {
    OrderBook b(QStringLiteral("fake"), kBtc);
    b.applySnapshot({{Decimal(99'999'000), dec(firstBidQty)}, {Decimal(99'998'000), dec("2")}},
                    {{Decimal(100'001'000), dec("0.5")}, {Decimal(100'002'000), dec("1.5")}}, 1);
    return b;
}

struct Fixture {
    FakeConnector fake;
    MarketDataHub hub;
    OrderBookTab tab{&hub};

    Fixture() {
        fake.markets = {btc()};
        hub.setCoalesceIntervalMs(10);
        hub.attach(&fake);
        tab.resize(1000, 700);
        tab.show();
    }
    bool ready() {
        if (!QTest::qWaitForWindowExposed(&tab))
            return false;
        QSignalSpy loaded(&hub, &MarketDataHub::marketsLoaded);
        if (hub.markets().isEmpty() && !loaded.wait(kTimeoutMs))
            return false;
        tab.setMarket(kBtc);
        return true;
    }
    void publish() {
        QSignalSpy updated(&hub, &MarketDataHub::updated);
        QVERIFY(updated.wait(kTimeoutMs));
    }
    QString tapeText(int row, int column) const {
        return tab.tapeModel()->index(row, column).data().toString();
    }
};

} // namespace

class TestOrderBookTab : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        theme::apply(*qApp);
    }

    void strengthIsBuyOverSellVolume() {
        TradeStrength none = TradeStrength::of({});
        QVERIFY(!none.percent());
        // Newest first; only sells: no ratio; 3 bought against 2 sold: 150 %.
        QVERIFY(!TradeStrength::of({trade("1", Side::Buy)}).percent());
        const TradeStrength s =
            TradeStrength::of({trade("1", Side::Buy), trade("2", Side::Sell), trade("2", Side::Buy)});
        QCOMPARE(s.trades, 3);
        QVERIFY(same(*s.percent(), Decimal(150)));
        // Only the newest kWindowTrades count.
        QVector<Trade> many;
        for (int i = 0; i < TradeStrength::kWindowTrades; ++i)
            many.append(trade("1", i % 2 ? Side::Buy : Side::Sell));
        many.append(trade("50", Side::Buy)); // the 101st newest: outside the window
        QVERIFY(same(*TradeStrength::of(many).percent(), Decimal(100)));
    }

    void tapeShowsValueAndRealPrecisionAndTheStrength() {
        Fixture f;
        QVERIFY(f.ready());
        auto* strength = f.tab.findChild<QLabel*>(QStringLiteral("tradeStrengthLabel"));
        QVERIFY(strength && strength->isVisible());
        QCOMPARE(strength->text(), QStringLiteral("Trade strength –"));

        for (const Trade& t :
             {trade("0.25", Side::Sell), trade("0.5", Side::Buy), trade("0.00001234", Side::Buy)})
            emit f.fake.tradeReceived(t);
        f.publish();
        QTRY_COMPARE_WITH_TIMEOUT(f.tab.tapeModel()->rowCount(), 3, kTimeoutMs);
        // A real trade of 0.00001234 BTC is not rounded to 0.0000.
        QCOMPARE(f.tapeText(0, TradeTapeModel::QtyColumn), QStringLiteral("0.00001234"));
        QCOMPARE(f.tapeText(1, TradeTapeModel::QtyColumn), QStringLiteral("0.50000000"));
        // 체결금액: price × quantity in KRW.
        QCOMPARE(f.tapeText(0, TradeTapeModel::ValueColumn), QStringLiteral("1,234"));
        QCOMPARE(f.tapeText(1, TradeTapeModel::ValueColumn), QStringLiteral("50,000,000"));
        QCOMPARE(f.tab.tapeModel()->headerData(TradeTapeModel::ValueColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Value (KRW)"));
        // (0.5 + 0.00001234) / 0.25 = 200.00 %.
        QCOMPARE(strength->text(), QStringLiteral("Trade strength 200.00%"));
        QVERIFY(strength->toolTip().contains(QStringLiteral("last 100 trades")));
    }

    void depthChartCumulatesBothSides() {
        Fixture f;
        QVERIFY(f.ready());
        DepthChartView* depth = f.tab.depthChart();
        QVERIFY(depth->isVisible());
        QVERIFY(depth->width() > 100 && depth->height() > 60);
        emit f.fake.orderBookUpdated(book("1"));
        f.publish();
        QTRY_COMPARE_WITH_TIMEOUT(depth->bids().size(), 2, kTimeoutMs);
        QVERIFY(same(depth->bids().at(0).cumulative, dec("1")));
        QVERIFY(same(depth->bids().at(1).cumulative, dec("3")));
        QCOMPARE(depth->bids().at(1).price, Decimal(99'998'000));
        QVERIFY(same(depth->asks().at(0).cumulative, dec("0.5")));
        QVERIFY(same(depth->asks().at(1).cumulative, dec("2")));
        // The same levels again change nothing, so nothing repaints.
        QVERIFY(!depth->setBook(book("1"), MarketFormat(btc()), OrderBookTab::kMaxLevels));
        QVERIFY(depth->setBook(book("4"), MarketFormat(btc()), OrderBookTab::kMaxLevels));
    }

    void hiddenTabDoesNoWorkAndCatchesUpWhenShown() {
        Fixture f;
        QVERIFY(f.ready());
        emit f.fake.orderBookUpdated(book("1"));
        emit f.fake.tradeReceived(trade("1", Side::Buy));
        f.publish();
        QTRY_COMPARE_WITH_TIMEOUT(f.tab.tapeModel()->rowCount(), 1, kTimeoutMs);

        f.tab.hide();
        QSignalSpy inserted(f.tab.tapeModel(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changedAsks(f.tab.askModel(), &QAbstractItemModel::dataChanged);
        QSignalSpy changedBids(f.tab.bidModel(), &QAbstractItemModel::dataChanged);
        emit f.fake.orderBookUpdated(book("7"));
        emit f.fake.tradeReceived(trade("2", Side::Sell));
        f.publish();
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(changedBids.count(), 0);
        QCOMPARE(changedAsks.count(), 0);
        QVERIFY(same(f.tab.depthChart()->bids().at(0).cumulative, dec("1")));

        f.tab.show();
        QCOMPARE(f.tab.tapeModel()->rowCount(), 2);
        QVERIFY(same(f.tab.depthChart()->bids().at(0).cumulative, dec("7")));
        QVERIFY(
            same(f.tab.bidModel()->index(0, OrderBookSideModel::QtyColumn).data(DecimalRole).value<Decimal>(),
                 dec("7")));
        QCOMPARE(f.tab.findChild<QLabel*>(QStringLiteral("tradeStrengthLabel"))->text(),
                 QStringLiteral("Trade strength 50.00%"));
    }
};

QTEST_MAIN(TestOrderBookTab)
#include "tst_order_book_tab.moc"
