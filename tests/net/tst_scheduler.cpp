#include "venues/net/scheduler.h"

#include <QTest>
#include <QThread>

#include <thread>

using namespace hoga;
using namespace hoga::net;

class TestScheduler : public QObject {
    Q_OBJECT

private slots:
    void manualRunsInDueOrderWithTheClockSet();
    void manualRunsCallsScheduledByCallbacks();
    void cancelAndHandleLifetime();
    void destroyedContextDropsTheCall();
    void nullContextStillRuns();
    void qtSchedulerFiresOnRealTimers();
    void qtSchedulerFromAnotherThread();
    void randomIsBoundedAndSeeded();
};

void TestScheduler::manualRunsInDueOrderWithTheClockSet() {
    ManualScheduler s(1000);
    QObject ctx;
    QList<QPair<QString, qint64>> ran;
    auto record = [&](const QString& name) {
        return [&, name] {
            ran.append({name, s.nowMs()});
        };
    };
    ScheduledCall c = s.callAt(1300, &ctx, record("c"));
    ScheduledCall a = s.callAfter(100, &ctx, record("a"));
    ScheduledCall b1 = s.callAt(1200, &ctx, record("b1"));
    ScheduledCall b2 = s.callAt(1200, &ctx, record("b2")); // same time: FIFO
    QCOMPARE(s.pendingCount(), 4);
    QCOMPARE(s.nextDueMs(), 1100);
    QCOMPARE(s.advanceMs(99), 0);
    QCOMPARE(s.nowMs(), 1099);
    QVERIFY(a.isPending());
    QCOMPARE(s.advanceMs(150), 3);
    QCOMPARE(s.nowMs(), 1249);
    QCOMPARE(ran, (QList<QPair<QString, qint64>>{{"a", 1100}, {"b1", 1200}, {"b2", 1200}}));
    QVERIFY(!a.isPending());
    QVERIFY(c.isPending());
    QCOMPARE(s.runDue(), 0);
    s.manualClock().setMs(1300);
    QCOMPARE(s.runDue(), 1);
    QCOMPARE(ran.last(), qMakePair(QString("c"), qint64(1300)));
    QCOMPARE(s.pendingCount(), 0);
    QCOMPARE(s.nextDueMs(), -1);
}

void TestScheduler::manualRunsCallsScheduledByCallbacks() {
    ManualScheduler s(0);
    QObject ctx;
    int ticks = 0;
    std::vector<ScheduledCall> keep;
    std::function<void()> tick = [&] {
        ++ticks;
        keep.push_back(s.callAfter(10, &ctx, tick));
    };
    keep.push_back(s.callAfter(10, &ctx, tick));
    QCOMPARE(s.advanceMs(100), 10); // a periodic chain runs every step inside the span
    QCOMPARE(ticks, 10);
    QCOMPARE(s.nowMs(), 100);
    QCOMPARE(s.nextDueMs(), 110);
}

void TestScheduler::cancelAndHandleLifetime() {
    ManualScheduler s(0);
    QObject ctx;
    int ran = 0;
    {
        ScheduledCall dropped = s.callAfter(5, &ctx, [&] { ++ran; });
    } // destroying the handle cancels
    ScheduledCall cancelled = s.callAfter(5, &ctx, [&] { ++ran; });
    cancelled.cancel();
    QVERIFY(!cancelled.isPending());
    ScheduledCall replaced = s.callAfter(5, &ctx, [&] { ran += 10; });
    replaced = s.callAfter(6, &ctx, [&] { ran += 100; }); // reassigning cancels the old call
    ScheduledCall moved = std::move(replaced);
    QVERIFY(moved.isPending());
    QVERIFY(!replaced.isPending()); // NOLINT: moved-from is empty
    ScheduledCall detached = s.callAfter(7, &ctx, [&] { ran += 1000; });
    detached.detach();
    QCOMPARE(s.pendingCount(), 2);
    s.advanceMs(10);
    QCOMPARE(ran, 1100);
}

void TestScheduler::destroyedContextDropsTheCall() {
    ManualScheduler s(0);
    auto ctx = std::make_unique<QObject>();
    bool ran = false;
    ScheduledCall c = s.callAfter(5, ctx.get(), [&] { ran = true; });
    ctx.reset();
    QCOMPARE(s.pendingCount(), 0);
    s.advanceMs(10);
    QVERIFY(!ran);
}

void TestScheduler::nullContextStillRuns() {
    ManualScheduler s(0);
    bool ran = false;
    ScheduledCall c = s.callAfter(5, nullptr, [&] { ran = true; });
    s.advanceMs(5);
    QVERIFY(ran);
}

void TestScheduler::qtSchedulerFiresOnRealTimers() {
    QtScheduler s;
    QObject ctx;
    QList<int> order;
    ScheduledCall late = s.callAfter(30, &ctx, [&] { order.append(2); });
    ScheduledCall early = s.callAfter(1, &ctx, [&] { order.append(1); });
    ScheduledCall past = s.callAt(s.nowMs() - 1000, &ctx, [&] { order.append(0); }); // due already: runs soon
    ScheduledCall never = s.callAfter(5, &ctx, [&] { order.append(99); });
    never.cancel();
    QVERIFY(order.isEmpty()); // never synchronously
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 5000);
    QCOMPARE(order.last(), 2); // the 30 ms call after the due ones
    std::sort(order.begin(), order.end());
    QCOMPARE(order, QList<int>({0, 1, 2}));
    QVERIFY(!late.isPending());
    QCOMPARE(&QtScheduler::system(), &QtScheduler::system());
}

void TestScheduler::qtSchedulerFromAnotherThread() {
    QtScheduler s;
    QObject ctx; // lives in the test thread
    std::atomic<QThread*> ranIn{nullptr};
    ScheduledCall c;
    std::thread other([&] { c = s.callAfter(1, &ctx, [&] { ranIn.store(QThread::currentThread()); }); });
    other.join();
    QTRY_VERIFY_WITH_TIMEOUT(ranIn.load() != nullptr, 5000);
    QCOMPARE(ranIn.load(), QThread::currentThread());
}

void TestScheduler::randomIsBoundedAndSeeded() {
    Random a(42);
    Random b(42);
    QCOMPARE(a.upTo(0), 0);
    QCOMPARE(a.upTo(-5), 0);
    b.upTo(0);
    b.upTo(-5);
    bool sawZero = false;
    bool sawMax = false;
    for (int i = 0; i < 2000; ++i) {
        const qint64 x = a.upTo(10);
        QCOMPARE(b.upTo(10), x);
        QVERIFY(x >= 0 && x <= 10);
        sawZero |= x == 0;
        sawMax |= x == 10;
    }
    QVERIFY(sawZero && sawMax); // both ends are reachable
    QVERIFY(Random::system().upTo(1'000'000) <= 1'000'000);
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
