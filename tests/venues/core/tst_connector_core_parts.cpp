// The venue-neutral pieces of the connector core on their own: the order merge rule, reference-counted
// subscriptions and the sequenced order book (snapshot plus numbered diffs, gap detection).

#include "venues/connector.h"
#include "venues/core/order_cache.h"
#include "venues/core/sequenced_book.h"
#include "venues/core/subscription_set.h"

#include <QTest>

using namespace hoga;

namespace {

Decimal d(const char* text) {
    return Decimal::fromString(text);
}

Order order(const char* id, OrderState state, const char* filled, qint64 updatedAt = 0) {
    Order o;
    o.id = QString::fromLatin1(id);
    o.market = QStringLiteral("KRW-BTC");
    o.state = state;
    o.qty = d("1");
    o.price = d("100");
    o.filledQty = d(filled);
    o.updatedAtMs = updatedAt;
    return o;
}

BookDiff diff(quint64 first, quint64 last, const char* bidPrice, const char* bidQty) {
    BookDiff x;
    x.market = QStringLiteral("BTCUSDT");
    x.firstSeq = first;
    x.lastSeq = last;
    x.bids = {{d(bidPrice), d(bidQty)}};
    return x;
}

OrderBook snapshot(quint64 sequence) {
    OrderBook b(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
    b.applySnapshot({{d("100"), d("1")}, {d("99"), d("2")}}, {{d("101"), d("1")}}, 1000, sequence);
    return b;
}

} // namespace

class TestConnectorCoreParts : public QObject {
    Q_OBJECT

private slots:
    // ---- OrderCache: one merge rule for answers and stream events that arrive out of order.
    void newOrderIsNews() {
        OrderCache cache;
        QCOMPARE(cache.merge(order("a", OrderState::Open, "0")), OrderCache::Merge::Changed);
        QVERIFY(cache.find(QStringLiteral("a")));
        QCOMPARE(cache.merge(order("a", OrderState::Open, "0")), OrderCache::Merge::Unchanged);
    }

    void neverStepsBack() {
        OrderCache cache;
        cache.merge(order("a", OrderState::Filled, "1"));
        QCOMPARE(cache.merge(order("a", OrderState::Open, "0")), OrderCache::Merge::Ignored);
        QCOMPARE(cache.find(QStringLiteral("a"))->state, OrderState::Filled);
        cache.merge(order("b", OrderState::PartiallyFilled, "0.5"));
        QCOMPARE(cache.merge(order("b", OrderState::PartiallyFilled, "0.2")), OrderCache::Merge::Ignored);
        QCOMPARE(cache.merge(order("b", OrderState::PartiallyFilled, "0.7")), OrderCache::Merge::Changed);
        QCOMPARE(cache.find(QStringLiteral("b"))->filledQty, d("0.7"));
    }

    void updateKeepsWhatItLeavesOut() {
        OrderCache cache;
        Order full = order("a", OrderState::Open, "0");
        full.clientId = QStringLiteral("cid");
        full.createdAtMs = 5;
        cache.merge(full);
        Order streamed; // a stream trade event: no price, quantity or client id
        streamed.id = QStringLiteral("a");
        streamed.state = OrderState::PartiallyFilled;
        streamed.filledQty = d("0.3");
        QCOMPARE(cache.merge(streamed), OrderCache::Merge::Changed);
        const Order* merged = cache.find(QStringLiteral("a"));
        QCOMPARE(merged->clientId, QStringLiteral("cid"));
        QCOMPARE(merged->price, d("100"));
        QCOMPARE(merged->qty, d("1"));
        QCOMPARE(merged->createdAtMs, qint64(5));
        QCOMPARE(cache.findByClientId(QStringLiteral("cid"))->id, QStringLiteral("a"));
    }

    void withoutIdIsIgnoredAndCapacityForgetsFinishedOrders() {
        OrderCache cache;
        QCOMPARE(cache.merge(Order()), OrderCache::Merge::Ignored);
        cache.setCapacity(3);
        cache.merge(order("done1", OrderState::Filled, "1"));
        cache.merge(order("done2", OrderState::Cancelled, "0"));
        cache.merge(order("open1", OrderState::Open, "0"));
        cache.merge(order("open2", OrderState::Open, "0"));
        QVERIFY(!cache.find(QStringLiteral("done1")));
        QVERIFY(cache.find(QStringLiteral("open1")));
        QVERIFY(cache.find(QStringLiteral("open2")));
    }

    // ---- SubscriptionSet: reference counts per market and channel.
    void subscriptionsAreCounted() {
        SubscriptionSet set;
        auto c = set.add({QStringLiteral("KRW-BTC")}, TickerChannel | OrderBookChannel);
        QVERIFY(c.changed);
        QCOMPARE(c.startedBooks, QStringList{QStringLiteral("KRW-BTC")});
        c = set.add({QStringLiteral("KRW-BTC")}, OrderBookChannel); // a second subscriber
        QVERIFY(!c.changed);
        QCOMPARE(set.count(QStringLiteral("KRW-BTC"), OrderBookChannel), 2);
        c = set.remove({QStringLiteral("KRW-BTC")}, OrderBookChannel);
        QVERIFY(!c.changed); // the first subscriber still wants the book
        QVERIFY(set.has(QStringLiteral("KRW-BTC"), OrderBookChannel));
        c = set.remove({QStringLiteral("KRW-BTC")}, OrderBookChannel);
        QVERIFY(c.changed);
        QCOMPARE(c.endedBooks, QStringList{QStringLiteral("KRW-BTC")});
        QCOMPARE(set.channels(QStringLiteral("KRW-BTC")), unsigned(TickerChannel));
        set.remove({QStringLiteral("KRW-BTC")}, TickerChannel);
        QVERIFY(set.isEmpty());
        // Removing what was never added changes nothing and does not go negative.
        QVERIFY(!set.remove({QStringLiteral("KRW-ETH")}, TradeChannel).changed);
        set.add({QStringLiteral("KRW-ETH")}, TradeChannel);
        QCOMPARE(set.count(QStringLiteral("KRW-ETH"), TradeChannel), 1);
        QCOMPARE(set.markets(TradeChannel), QStringList{QStringLiteral("KRW-ETH")});
    }

    // ---- SequencedBook: the documented diff-depth algorithm.
    void diffsBeforeTheSnapshotAreBufferedThenApplied() {
        SequencedBook book(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
        QCOMPARE(book.applyDiff(diff(8, 10, "100", "5")), SequencedBook::Status::Buffered); // inside
        QCOMPARE(book.applyDiff(diff(11, 12, "98", "3")), SequencedBook::Status::Buffered); // straddles
        QCOMPARE(book.applyDiff(diff(13, 13, "99", "0")), SequencedBook::Status::Buffered); // continues
        QCOMPARE(book.applySnapshot(snapshot(11)), SequencedBook::Status::Applied);
        QVERIFY(book.isSynced());
        QCOMPARE(book.book().sequence(), quint64(13));
        QCOMPARE(book.book().bids().size(), 2);         // 99 removed, 98 added
        QCOMPARE(book.book().bids().at(0).qty, d("1")); // the diff ending at 10 was already in the snapshot
        QCOMPARE(book.book().bids().at(1).price, d("98"));
        QCOMPARE(book.applyDiff(diff(14, 15, "100", "4")), SequencedBook::Status::Applied);
        QCOMPARE(book.book().bestBid()->qty, d("4"));
        QCOMPARE(book.applyDiff(diff(12, 15, "100", "9")), SequencedBook::Status::Ignored); // old news
        QCOMPARE(book.book().bestBid()->qty, d("4"));
    }

    void aGapDropsTheBookAndAsksForASnapshot() {
        SequencedBook book(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
        QCOMPARE(book.applySnapshot(snapshot(20)), SequencedBook::Status::Applied);
        QCOMPARE(book.applyDiff(diff(21, 22, "100", "2")), SequencedBook::Status::Applied);
        QCOMPARE(book.applyDiff(diff(24, 25, "100", "3")), SequencedBook::Status::NeedSnapshot); // 23 lost
        QVERIFY(!book.isSynced());
        QVERIFY(book.book().isEmpty());
        QCOMPARE(book.applyDiff(diff(26, 27, "100", "6")), SequencedBook::Status::Buffered);
        QCOMPARE(book.applySnapshot(snapshot(26)), SequencedBook::Status::Applied);
        QCOMPARE(book.book().sequence(), quint64(27));
        QCOMPARE(book.book().bestBid()->qty, d("6"));
    }

    void aSnapshotOlderThanTheBufferIsRefused() {
        SequencedBook book(QStringLiteral("binance"), QStringLiteral("BTCUSDT"));
        book.applyDiff(diff(50, 52, "100", "2"));
        QCOMPARE(book.applySnapshot(snapshot(40)), SequencedBook::Status::NeedSnapshot); // 41..49 missing
        QVERIFY(!book.isSynced());
        QCOMPARE(book.applySnapshot(snapshot(51)), SequencedBook::Status::Applied);
        QCOMPARE(book.book().sequence(), quint64(52));
    }

    void theBufferIsBounded() {
        SequencedBook book(QStringLiteral("binance"), QStringLiteral("BTCUSDT"), 10);
        for (quint64 i = 1; i <= 100; ++i)
            book.applyDiff(diff(i, i, "100", "1"));
        QCOMPARE(book.bufferedCount(), 10);
    }
};

QTEST_GUILESS_MAIN(TestConnectorCoreParts)
#include "tst_connector_core_parts.moc"
