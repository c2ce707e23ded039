#include "storage/order_journal.h"
#include "storage/profile_database.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

namespace {

Order limitBuy(const QString& clientId) {
    Order o;
    o.venue = QStringLiteral("upbit");
    o.clientId = clientId;
    o.market = QStringLiteral("KRW-BTC");
    o.side = Side::Buy;
    o.type = OrderType::Limit;
    o.price = Decimal::fromString("50000000");
    o.qty = Decimal::fromString("0.002");
    return o;
}

Fill fillOf(const Order& o, const char* tradeId, const char* qty) {
    Fill f;
    f.venue = o.venue;
    f.market = o.market;
    f.clientId = o.clientId;
    f.orderId = o.id;
    f.tradeId = QString::fromLatin1(tradeId);
    f.side = o.side;
    f.price = o.price;
    f.qty = Decimal::fromString(qty);
    f.fee = Decimal::fromString("25");
    f.feeCurrency = QStringLiteral("KRW");
    f.timestampMs = 1000;
    return f;
}

} // namespace

class TestOrderJournal : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_files = 0;
    QString freshPath() { return m_dir.filePath(QStringLiteral("j%1.sqlite").arg(++m_files)); }

private slots:
    void usesWalAndFullSync() {
        ProfileDatabase db(freshPath());
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(db);
        QSqlQuery q(db.database());
        QVERIFY(q.exec("PRAGMA journal_mode") && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec("PRAGMA synchronous") && q.next());
        QCOMPARE(q.value(0).toInt(), 2); // FULL
    }

    void pendingRowSurvivesReopen() {
        const QString file = freshPath();
        {
            ProfileDatabase db(file);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
            OrderJournal journal(db);
            QVERIFY(
                journal.insertPending(limitBuy("c1"), QStringLiteral("bot-a"), QStringLiteral("grid 1"), 10));
        }
        ProfileDatabase db(file);
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(db);
        const auto row = journal.order(QStringLiteral("c1"));
        QVERIFY(row);
        QCOMPARE(row->state, JournalState::Pending);
        QCOMPARE(row->bot, QStringLiteral("bot-a"));
        QCOMPARE(row->tag, QStringLiteral("grid 1"));
        QCOMPARE(row->order.price, Decimal::fromString("50000000"));
        QCOMPARE(row->order.qty, Decimal::fromString("0.002"));
        QVERIFY(row->order.id.isEmpty());
        QCOMPARE(journal.unfinishedOrders().size(), 1);
    }

    // A KRX after-hours order keeps its session through the journal; older rows read as regular.
    void sessionSurvivesReopen() {
        const QString file = freshPath();
        {
            ProfileDatabase db(file);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
            OrderJournal journal(db);
            Order closing = limitBuy("krx-1");
            closing.venue = QStringLiteral("kis");
            closing.market = QStringLiteral("005930");
            closing.price = {};
            closing.qty = Decimal(3);
            closing.session = OrderSession::PostMarketClose;
            QVERIFY(journal.insertPending(closing, {}, {}, 1));
            QVERIFY(journal.insertPending(limitBuy("coin-1"), {}, {}, 2));
        }
        ProfileDatabase db(file);
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(db);
        QCOMPARE(journal.order(QStringLiteral("krx-1"))->order.session, OrderSession::PostMarketClose);
        QCOMPARE(journal.order(QStringLiteral("coin-1"))->order.session, OrderSession::Regular);
        QSqlQuery q(db.database());
        QVERIFY(q.exec(QStringLiteral("SELECT session FROM orders WHERE client_id = 'coin-1'")) && q.next());
        QVERIFY(q.value(0).isNull());
    }

    void duplicateClientIdRefused() {
        ProfileDatabase db(freshPath());
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(db);
        QVERIFY(journal.insertPending(limitBuy("c1"), {}, {}, 1));
        QVERIFY(!journal.insertPending(limitBuy("c1"), {}, {}, 2));
        QVERIFY(!journal.lastError().isEmpty());
    }

    void stateChangesAreRecordedInOrder() {
        ProfileDatabase db(freshPath());
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(db);
        Order o = limitBuy("c1");
        QVERIFY(journal.insertPending(o, {}, {}, 1));
        QVERIFY(journal.update(o, JournalState::Submitted, 2));
        o.id = QStringLiteral("v-1");
        o.state = OrderState::Open;
        QVERIFY(journal.update(o, JournalState::Open, 3));
        QVERIFY(journal.markCancelRequested(QStringLiteral("c1"), 4));
        o.state = OrderState::Cancelled;
        QVERIFY(journal.update(o, JournalState::Cancelled, 5));
        QCOMPARE(journal.history(QStringLiteral("c1")),
                 (QVector<JournalState>{JournalState::Pending, JournalState::Submitted, JournalState::Open,
                                        JournalState::CancelPending, JournalState::Cancelled}));
        const auto row = journal.orderByVenueId(QStringLiteral("upbit"), QStringLiteral("v-1"));
        QVERIFY(row);
        QCOMPARE(row->order.clientId, QStringLiteral("c1"));
        QCOMPARE(row->cancelRequestedMs, 4);
        QVERIFY(journal.unfinishedOrders().isEmpty());
        QVERIFY(!journal.update(limitBuy("nobody"), JournalState::Open, 6)); // unknown order: an error
    }

    void fillAppliedOnce() {
        ProfileDatabase db(freshPath());
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(db);
        Order o = limitBuy("c1");
        o.id = QStringLiteral("v-1");
        QVERIFY(journal.insertPending(o, QStringLiteral("bot-a"), {}, 1));
        const Fill f = fillOf(o, "t1", "0.001");
        Order after = o;
        after.state = OrderState::Open;
        QVERIFY(after.applyFill(f));
        QCOMPARE(journal.recordFill(f, after, JournalState::PartiallyFilled, 2),
                 OrderJournal::FillOutcome::Applied);
        QCOMPARE(journal.recordFill(f, after, JournalState::PartiallyFilled, 3),
                 OrderJournal::FillOutcome::Duplicate);
        QVERIFY(journal.hasFill(QStringLiteral("upbit"), QStringLiteral("t1")));
        QCOMPARE(journal.fills(QStringLiteral("c1")).size(), 1);
        QCOMPARE(journal.botFills(QStringLiteral("bot-a")).size(), 1);
        const auto row = journal.order(QStringLiteral("c1"));
        QCOMPARE(row->order.filledQty, Decimal::fromString("0.001"));
        QCOMPARE(row->state, JournalState::PartiallyFilled);
        QCOMPARE(journal.history(QStringLiteral("c1")).size(), 2); // pending + one fill, not two
    }

    void externalOrdersAreFinished() {
        ProfileDatabase db(freshPath());
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(db);
        Order o = limitBuy("ext-1");
        o.id = QStringLiteral("v-9");
        o.state = OrderState::Open;
        QVERIFY(journal.insertExternal(o, 1));
        QCOMPARE(journal.order(QStringLiteral("ext-1"))->state, JournalState::External);
        QVERIFY(journal.unfinishedOrders().isEmpty());
        QCOMPARE(journal.orders({}, QStringLiteral("upbit")).size(), 1);
        QCOMPARE(journal.orders({}, QStringLiteral("bithumb")).size(), 0);
    }

    void botStateRoundTrips() {
        const QString file = freshPath();
        BotRecord b;
        b.id = QStringLiteral("bot-a");
        b.strategy = QStringLiteral("grid");
        b.venue = QStringLiteral("sim");
        b.market = QStringLiteral("KRW-BTC");
        b.params = QJsonObject{{"lower", "100"}, {"upper", "200"}};
        b.strategyState = QJsonObject{{"level", 3}};
        b.position.qty = Decimal::fromString("0.5");
        b.position.avgPrice = Decimal::fromString("150.25");
        b.position.realizedPnl = Decimal::fromString("-3.5");
        b.lastEventMs = 12345;
        b.status = BotRecord::Status::Running;
        {
            ProfileDatabase db(file);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
            OrderJournal journal(db);
            QVERIFY(journal.saveBot(b, 1));
            b.status = BotRecord::Status::Halted;
            b.haltReason = QStringLiteral("daily loss");
            QVERIFY(journal.saveBot(b, 2)); // upsert
        }
        ProfileDatabase db(file);
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(db);
        QCOMPARE(journal.bots().size(), 1);
        const auto got = journal.bot(QStringLiteral("bot-a"));
        QVERIFY(got);
        QCOMPARE(got->params, b.params);
        QCOMPARE(got->strategyState, b.strategyState);
        QCOMPARE(got->position.qty, b.position.qty);
        QCOMPARE(got->position.avgPrice, b.position.avgPrice);
        QCOMPARE(got->position.realizedPnl, b.position.realizedPnl);
        QCOMPARE(got->lastEventMs, 12345);
        QCOMPARE(got->status, BotRecord::Status::Halted);
        QCOMPARE(got->haltReason, QStringLiteral("daily loss"));
    }

    void haltedFlagSurvivesUntilRearmed() {
        const QString file = freshPath();
        {
            ProfileDatabase db(file);
            QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
            OrderJournal journal(db);
            QVERIFY(!journal.isHalted());
            QVERIFY(journal.setHalted(true, QStringLiteral("emergency stop"), 1));
        }
        ProfileDatabase db(file);
        QCOMPARE(db.open(), ProfileDatabase::Status::Ok);
        OrderJournal journal(db);
        QVERIFY(journal.isHalted());
        QCOMPARE(journal.haltReason(), QStringLiteral("emergency stop"));
        QVERIFY(journal.setHalted(false, {}, 2));
        QVERIFY(!journal.isHalted());
    }
};

QTEST_GUILESS_MAIN(TestOrderJournal)
#include "tst_order_journal.moc"
