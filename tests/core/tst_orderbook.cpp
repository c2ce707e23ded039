#include "core/orderbook.h"

#include <QTest>

#include <map>
#include <random>

using namespace hoga;

namespace {

Decimal D(const char* text) {
    return Decimal::fromString(text);
}

BookLevel L(const char* price, const char* qty) {
    return {D(price), D(qty)};
}

QStringList prices(const QVector<BookLevel>& levels) {
    QStringList out;
    for (const auto& l : levels)
        out << l.price.toString();
    return out;
}

} // namespace

class TestOrderBook : public QObject {
    Q_OBJECT

private slots:
    void snapshotSortsAndDropsEmpty();
    void snapshotKeepsLastDuplicate();
    void deltaInsertReplaceRemove();
    void deltaMatchesReferenceMap();
    void truncateKeepsBest();
    void bestSpreadMid();
    void crossed();
    void cumulative();
    void clearAndMarket();
};

void TestOrderBook::snapshotSortsAndDropsEmpty() {
    OrderBook book(QStringLiteral("upbit"), QStringLiteral("KRW-BTC"));
    book.applySnapshot({L("99", "1"), L("101", "0"), L("100", "2"), L("98.5", "3")},
                       {L("103", "1"), L("102", "0.5"), L("105", "0"), L("102.5", "2")}, 1000, 7);
    QCOMPARE(prices(book.bids()), (QStringList{"100", "99", "98.5"}));
    QCOMPARE(prices(book.asks()), (QStringList{"102", "102.5", "103"}));
    QCOMPARE(book.timestampMs(), 1000);
    QCOMPARE(book.sequence(), quint64(7));
    QVERIFY(!book.isEmpty());
    // A new snapshot replaces everything.
    book.applySnapshot({}, {L("1", "1")}, 2000);
    QVERIFY(book.bids().isEmpty());
    QCOMPARE(book.asks().size(), 1);
}

void TestOrderBook::snapshotKeepsLastDuplicate() {
    OrderBook book;
    book.applySnapshot({L("100", "1"), L("100.0", "2")}, {}, 0);
    QCOMPARE(book.bids().size(), 1);
    QCOMPARE(book.bids().first().qty, D("2"));
}

void TestOrderBook::deltaInsertReplaceRemove() {
    OrderBook book;
    book.applySnapshot({L("100", "1"), L("98", "1")}, {L("101", "1"), L("103", "1")}, 0);
    book.applyDelta(Side::Buy, D("99"), D("5"), 10, 1);
    book.applyDelta(Side::Buy, D("101"), D("1"), 11, 2); // new best bid (crossing is the feed's business)
    book.applyDelta(Side::Buy, D("97"), D("1"), 12, 3);  // new worst
    QCOMPARE(prices(book.bids()), (QStringList{"101", "100", "99", "98", "97"}));
    book.applyDelta(Side::Buy, D("100"), D("7"), 13, 4); // replace
    QCOMPARE(book.bids()[1].qty, D("7"));
    book.applyDelta(Side::Buy, D("101"), D("0"), 14, 5); // remove
    book.applyDelta(Side::Buy, D("50"), D("0"), 15, 6);  // removing a missing level is a no-op
    QCOMPARE(prices(book.bids()), (QStringList{"100", "99", "98", "97"}));

    book.applyDelta(Side::Sell, D("102"), D("2"), 16, 7);
    book.applyDelta(Side::Sell, D("100.5"), D("2"), 17, 8);
    book.applyDelta(Side::Sell, D("103.00"), D("0"), 18, 9);
    QCOMPARE(prices(book.asks()), (QStringList{"100.5", "101", "102"}));
    QCOMPARE(book.timestampMs(), 18);
    QCOMPARE(book.sequence(), quint64(9));
}

void TestOrderBook::deltaMatchesReferenceMap() {
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> priceDist(1, 200);
    std::uniform_int_distribution<int> qtyDist(0, 3);
    OrderBook book;
    std::map<Decimal, Decimal, std::greater<>> bids;
    std::map<Decimal, Decimal> asks;
    for (int i = 0; i < 3000; ++i) {
        const Side side = (i % 2) ? Side::Buy : Side::Sell;
        const Decimal price = Decimal::fromMantissa(priceDist(rng), 1);
        const Decimal qty(qtyDist(rng));
        book.applyDelta(side, price, qty, i);
        auto apply = [&](auto& map) {
            if (qty.isZero())
                map.erase(price);
            else
                map[price] = qty;
        };
        if (side == Side::Buy)
            apply(bids);
        else
            apply(asks);
    }
    QCOMPARE(book.bids().size(), qsizetype(bids.size()));
    QCOMPARE(book.asks().size(), qsizetype(asks.size()));
    int i = 0;
    for (const auto& [price, qty] : bids) {
        QCOMPARE(book.bids()[i].price, price);
        QCOMPARE(book.bids()[i].qty, qty);
        ++i;
    }
    i = 0;
    for (const auto& [price, qty] : asks) {
        QCOMPARE(book.asks()[i].price, price);
        QCOMPARE(book.asks()[i].qty, qty);
        ++i;
    }
}

void TestOrderBook::truncateKeepsBest() {
    OrderBook book;
    book.applySnapshot({L("3", "1"), L("2", "1"), L("1", "1")}, {L("4", "1"), L("5", "1"), L("6", "1")}, 0);
    book.truncate(2);
    QCOMPARE(prices(book.bids()), (QStringList{"3", "2"}));
    QCOMPARE(prices(book.asks()), (QStringList{"4", "5"}));
    book.truncate(5);
    QCOMPARE(book.bids().size(), 2);
    book.truncate(-1);
    QVERIFY(book.isEmpty());
}

void TestOrderBook::bestSpreadMid() {
    OrderBook book;
    QVERIFY(!book.bestBid());
    QVERIFY(!book.bestAsk());
    QVERIFY(!book.spread());
    QVERIFY(!book.mid());
    book.applySnapshot({L("145000000", "0.5")}, {}, 0);
    QCOMPARE(book.bestBid()->price, D("145000000"));
    QVERIFY(!book.spread());
    QVERIFY(!book.mid());
    book.applySnapshot({L("145000000", "0.5")}, {L("145001000", "0.1")}, 0);
    QCOMPARE(book.bestAsk()->qty, D("0.1"));
    QCOMPARE(*book.spread(), D("1000"));
    QCOMPARE(*book.mid(), D("145000500"));
    book.applySnapshot({L("1", "1")}, {L("2", "1")}, 0);
    QCOMPARE(*book.mid(), D("1.5"));
    QCOMPARE(*book.mid(0), D("2")); // HalfEven: 1.5 -> 2
    book.applySnapshot({L("1", "1")}, {L("4", "1")}, 0);
    QCOMPARE(*book.mid(0), D("2")); // 2.5 -> 2
    book.applySnapshot({L("0.00000001", "1")}, {L("0.00000002", "1")}, 0);
    QCOMPARE(*book.mid(), D("0.000000015"));
}

void TestOrderBook::crossed() {
    OrderBook book;
    QVERIFY(!book.isCrossed());
    book.applySnapshot({L("100", "1")}, {L("101", "1")}, 0);
    QVERIFY(!book.isCrossed());
    book.applyDelta(Side::Buy, D("101"), D("1"), 0);
    QVERIFY(book.isCrossed());
    book.applyDelta(Side::Buy, D("101"), D("0"), 0);
    book.applyDelta(Side::Sell, D("99"), D("1"), 0);
    QVERIFY(book.isCrossed());
}

void TestOrderBook::cumulative() {
    OrderBook book;
    book.applySnapshot({L("100", "1"), L("99", "2"), L("98", "0.5")}, {L("101", "0.1"), L("102", "0.2")}, 0);
    QCOMPARE(book.cumulativeQty(Side::Buy), (QVector<Decimal>{D("1"), D("3"), D("3.5")}));
    QCOMPARE(book.cumulativeQuote(Side::Buy), (QVector<Decimal>{D("100"), D("298"), D("347")}));
    QCOMPARE(book.cumulativeQty(Side::Sell), (QVector<Decimal>{D("0.1"), D("0.3")}));
    QCOMPARE(book.cumulativeQuote(Side::Sell), (QVector<Decimal>{D("10.1"), D("30.5")}));
    QVERIFY(OrderBook().cumulativeQty(Side::Buy).isEmpty());
}

void TestOrderBook::clearAndMarket() {
    OrderBook book;
    book.setMarket(QStringLiteral("sim"), QStringLiteral("KRW-ETH"));
    QCOMPARE(book.venue(), QStringLiteral("sim"));
    QCOMPARE(book.market(), QStringLiteral("KRW-ETH"));
    book.applySnapshot({L("1", "1")}, {L("2", "1")}, 5, 9);
    book.clear();
    QVERIFY(book.isEmpty());
    QCOMPARE(book.sequence(), quint64(0));
    QCOMPARE(book.market(), QStringLiteral("KRW-ETH"));
}

QTEST_GUILESS_MAIN(TestOrderBook)
#include "tst_orderbook.moc"
