#include "trading/engine/order_manager.h"

#include "core/clock.h"
#include "storage/profile_database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

namespace {

Order newOrder(const char* clientId) {
    Order o;
    o.venue = QStringLiteral("fake");
    o.clientId = QString::fromLatin1(clientId);
    o.market = QStringLiteral("KRW-BTC");
    o.price = Decimal::fromString("100");
    o.qty = Decimal::fromString("2");
    return o;
}

} // namespace

class TestOrderManager : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    std::unique_ptr<ProfileDatabase> m_db;
    std::unique_ptr<OrderJournal> m_journal;
    int m_n = 0;

private slots:
    void init() {
        m_journal.reset();
        m_db = std::make_unique<ProfileDatabase>(m_dir.filePath(QStringLiteral("m%1.sqlite").arg(++m_n)));
        QCOMPARE(m_db->open(), ProfileDatabase::Status::Ok);
        m_journal = std::make_unique<OrderJournal>(*m_db);
    }

    void stateMachine() {
        using S = JournalState;
        QVERIFY(OrderManager::isLegal(S::Pending, S::Submitted));
        QVERIFY(OrderManager::isLegal(S::Submitted, S::NeverSent));
        QVERIFY(OrderManager::isLegal(S::Open, S::CancelPending));
        QVERIFY(OrderManager::isLegal(S::CancelPending, S::Filled));
        QVERIFY(!OrderManager::isLegal(S::Filled, S::Open));
        QVERIFY(!OrderManager::isLegal(S::Open, S::Pending));
        QVERIFY(!OrderManager::isLegal(S::Open, S::NeverSent)); // the venue confirmed it: it was sent
        QVERIFY(!OrderManager::isLegal(S::External, S::CancelPending));
    }

    void clientIdsAreUnique() {
        OrderManager m(*m_journal, m_clock);
        QVERIFY(m.begin(newOrder("a"), {}, {}));
        QVERIFY(!m.begin(newOrder("a"), {}, {}));
        QVERIFY(!m.lastError().isEmpty());
    }

    void unknownOutcomeStaysSubmitted() {
        OrderManager m(*m_journal, m_clock);
        QVERIFY(m.begin(newOrder("a"), "bot", {}));
        QVERIFY(m.markSubmitted("a"));
        QVERIFY(m.applyPlacement(OrderPlacement::unknown({ErrorKind::Network, {}, {}, {}, 0}, "a")));
        QCOMPARE(m.find("a")->state, JournalState::Submitted);
        QCOMPARE(m_journal->order("a")->state,
                 JournalState::Pending); // the journal still says "may have left"
        QVERIFY(!m.beginCancel("unknown-id"));
    }

    void lateSnapshotsNeverGoBackwards() {
        OrderManager m(*m_journal, m_clock);
        Order o = newOrder("a");
        QVERIFY(m.begin(o, {}, {}));
        o.id = "v1";
        o.state = OrderState::PartiallyFilled;
        o.filledQty = Decimal::fromString("1");
        QCOMPARE(m.applyVenueOrder(o), OrderManager::Applied::Changed);
        Order late = o;
        late.state = OrderState::Open;
        late.filledQty = Decimal();
        QCOMPARE(m.applyVenueOrder(late), OrderManager::Applied::Unchanged);
        QCOMPARE(m.find("a")->state, JournalState::PartiallyFilled);
        QCOMPARE(m.find("a")->order.filledQty, Decimal::fromString("1"));
    }

    void cancelFailureRestoresState() {
        OrderManager m(*m_journal, m_clock);
        Order o = newOrder("a");
        QVERIFY(m.begin(o, {}, {}));
        o.id = "v1";
        o.state = OrderState::Open;
        QCOMPARE(m.applyVenueOrder(o), OrderManager::Applied::Changed);
        QVERIFY(m.beginCancel("a"));
        QVERIFY(!m.beginCancel("a")); // one cancel in flight at a time
        QVERIFY(m.cancelFailed("a", "venue busy"));
        QCOMPARE(m.find("a")->state, JournalState::Open);
    }

    void fillsFromSnapshotAndStreamCountOnce() {
        OrderManager m(*m_journal, m_clock);
        Order o = newOrder("a");
        QVERIFY(m.begin(o, {}, {}));
        o.id = "v1";
        o.state = OrderState::PartiallyFilled;
        o.filledQty = Decimal::fromString("1");
        m.applyVenueOrder(o); // the snapshot already counts the first fill
        Fill f;
        f.venue = "fake";
        f.orderId = "v1";
        f.tradeId = "t1";
        f.price = Decimal::fromString("100");
        f.qty = Decimal::fromString("1");
        QVERIFY(m.applyFill(f));
        QCOMPARE(m.find("a")->order.filledQty, Decimal::fromString("1")); // not 2
        QVERIFY(!m.applyFill(f));
        f.tradeId = "t2";
        QVERIFY(m.applyFill(f));
        QVERIFY(!m.find("a")); // filled: finished
        QCOMPARE(m_journal->order("a")->state, JournalState::Filled);
        QCOMPARE(m_journal->order("a")->order.filledQty, Decimal::fromString("2"));
    }

    void modifyReplacesTheFollowedOrder() {
        OrderManager m(*m_journal, m_clock);
        Order o = newOrder("a");
        QVERIFY(m.begin(o, "bot", "tag"));
        o.id = "v1";
        o.state = OrderState::Open;
        QCOMPARE(m.applyVenueOrder(o), OrderManager::Applied::Changed);
        Order part = o;
        part.clientId.clear();
        part.id = "v2";
        part.price = Decimal::fromString("101");
        part.qty = Decimal::fromString("1");
        // One of the two moved: both are followed, the new one under "a~v2" with the old one's bot and tag.
        QVERIFY2(m.applyReplacement("a", part, false), qPrintable(m.lastError()));
        QCOMPARE(m.find("a")->state, JournalState::Open);
        const ManagedOrder* next = m.findByVenueId("fake", "v2");
        QVERIFY(next);
        QCOMPARE(next->order.clientId, QStringLiteral("a~v2"));
        QCOMPARE(next->bot, QStringLiteral("bot"));
        QCOMPARE(next->state, JournalState::Open);
        QCOMPARE(m_journal->order("a~v2")->order.price, Decimal::fromString("101"));
        // All that remained moved: the old one ends, replaced.
        Order rest = part;
        rest.id = "v3";
        QVERIFY(m.applyReplacement("a", rest, true));
        QVERIFY(!m.find("a"));
        QCOMPARE(m_journal->order("a")->state, JournalState::Cancelled);
        QVERIFY(m.findByVenueId("fake", "v3"));
        QCOMPARE(m.openCount("bot"), 2);
    }

    void reloadsUnfinishedOrders() {
        {
            OrderManager m(*m_journal, m_clock);
            QVERIFY(m.begin(newOrder("a"), "bot", {}));
            QVERIFY(m.begin(newOrder("b"), "bot", {}));
            QVERIFY(m.markNeverSent("b", "not at the venue"));
        }
        OrderManager m(*m_journal, m_clock);
        m.load();
        QVERIFY(m.find("a"));
        QVERIFY(!m.find("b"));
        QCOMPARE(m.openCount("bot"), 1);
    }
};

QTEST_GUILESS_MAIN(TestOrderManager)
#include "tst_order_manager.moc"
