#include "venues/net/rate_limiter.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimeZone>

#include <memory>

using namespace hoga;
using namespace hoga::net;

namespace {

// What the Upbit bundle reads from a Remaining-Req header, as the limiter takes it.
QList<PoolUsage> remainingReq(const char* header) {
    const auto rr = parseRemainingReq(header);
    if (!rr)
        return {};
    return {{rr->group, -1, rr->perSecond}};
}

constexpr qint64 kStart = 1'700'000'000'000; // a whole second, so second boundaries are easy to reason about

RateLimitConfig upbitLikeConfig() {
    RateLimitConfig c;
    c.venue = QStringLiteral("test-venue");
    c.groups = {
        {QStringLiteral("orderbook"), 10, 1000, 0},
        {QStringLiteral("default"), 30, 1000, 0},
        {QStringLiteral("order"), 8, 1000, 0},
        {QStringLiteral("cancel-all"), 1, 2000, 0},
    };
    c.fallback = {QString(), 5, 1000, 0};
    c.jitterMs = 200;
    c.defaultBlockMs = 60'000;
    c.denyWhenBlockedOverMs = 5'000;
    return c;
}

// Drives a limiter on manual time and records when each request was let through.
struct Harness {
    ManualScheduler scheduler{kStart};
    Random random{7};
    RateLimiter limiter;
    QObject context;
    QList<QPair<QString, qint64>> granted; // (label, time)

    explicit Harness(RateLimitConfig config = upbitLikeConfig())
        : limiter(std::move(config), scheduler, random) {}

    quint64 request(const QString& group, Lane lane, const QString& label) {
        return limiter.acquire({{group, 1}}, lane, &context, [this, label] {
            granted.append({label, scheduler.nowMs()});
        });
    }
    // Runs queued grants (they are posted, never called inside acquire()).
    void settle() { QCoreApplication::processEvents(); }
    // Advances time 1 ms at a time so every grant is stamped with its exact time.
    void runFor(qint64 ms) {
        for (qint64 i = 0; i < ms; ++i) {
            scheduler.advanceMs(1);
            settle();
        }
    }
    int countWithin(qint64 from, qint64 to) const // grants with from <= t < to
    {
        return int(std::count_if(granted.begin(), granted.end(),
                                 [&](const auto& g) { return g.second >= from && g.second < to; }));
    }
};

} // namespace

class TestRateLimiter : public QObject {
    Q_OBJECT

private slots:
    void parseRemainingReq_data();
    void parseRemainingReq();
    void parseRetryAfter();

    void grantsNeverRunInsideAcquire();
    void noMoreThanLimitInAnyWindow();
    void groupsAreIndependent();
    void longerWindows();
    void fallbackAndUnlimitedGroups();
    void priorityLaneJumpsTheQueue();
    void priorityReserve();
    void remainingReqHeaderLowersTheBudget();
    void remainingReqHeaderNamesItsGroup();
    void tooManyRequestsPausesUntilNextSecondPlusJitter();
    void tooManyRequestsHonoursRetryAfter();
    void jitterIsDeterministicPerSeed();
    void teapotBlocksTheVenue();
    void teapotDeniesWaitersThatAskToBeTold();
    void shortBlocksOnlyDelay();
    void blockUntilFromConnector();
    void cancelRemovesWaiter();
    void destroyedContextSpendsNoToken();
    void grantsReachOtherThreads();
    void weightedRequestsSpendFromEveryPool();
    void aHeavyRequestIsNotStarvedByLightOnes();
    void usedWeightFromTheVenueLowersTheBudget();
    void wakeUpsRunInTheRequestersThread();
    void registrySharesPerVenue();
};

void TestRateLimiter::parseRemainingReq_data() {
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("group");
    QTest::addColumn<int>("sec");
    QTest::addColumn<int>("min");
    QTest::newRow("upbit") << QByteArray("group=default; min=1800; sec=29") << true << "default" << 29
                           << 1800;
    QTest::newRow("market") << QByteArray("group=market; min=573; sec=9") << true << "market" << 9 << 573;
    QTest::newRow("no spaces") << QByteArray("group=order;min=0;sec=0") << true << "order" << 0 << 0;
    QTest::newRow("any order, case") << QByteArray("SEC=7; Group=candle") << true << "candle" << 7 << -1;
    QTest::newRow("commas, quotes") << QByteArray("group=\"ticker\", sec=\"3\"") << true << "ticker" << 3
                                    << -1;
    QTest::newRow("extra keys, padding")
        << QByteArray("  group = trade ; sec = 4 ; foo=bar;  ") << true << "trade" << 4 << -1;
    QTest::newRow("sec only") << QByteArray("sec=5") << true << "" << 5 << -1;
    QTest::newRow("min only") << QByteArray("group=default; min=1800") << false << "" << -1 << -1;
    QTest::newRow("empty") << QByteArray("") << false << "" << -1 << -1;
    QTest::newRow("garbage") << QByteArray("hello world") << false << "" << -1 << -1;
    QTest::newRow("sec not a number") << QByteArray("group=default; sec=abc") << false << "" << -1 << -1;
    QTest::newRow("negative sec") << QByteArray("sec=-1") << false << "" << -1 << -1;
    QTest::newRow("huge sec") << QByteArray("sec=99999999999999") << false << "" << -1 << -1;
    QTest::newRow("bad min ignored") << QByteArray("min=x; sec=2") << true << "" << 2 << -1;
}

void TestRateLimiter::parseRemainingReq() {
    QFETCH(QByteArray, header);
    QFETCH(bool, valid);
    const auto parsed = hoga::net::parseRemainingReq(header);
    QCOMPARE(parsed.has_value(), valid);
    if (!valid)
        return;
    QFETCH(QString, group);
    QFETCH(int, sec);
    QFETCH(int, min);
    QCOMPARE(parsed->group, group);
    QCOMPARE(parsed->perSecond, sec);
    QCOMPARE(parsed->perMinute, min);
}

void TestRateLimiter::parseRetryAfter() {
    const qint64 now = QDateTime(QDate(2015, 10, 21), QTime(7, 28, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    QCOMPARE(parseRetryAfterMs("3", now), std::optional<qint64>(3000));
    QCOMPARE(parseRetryAfterMs(" 120 ", now), std::optional<qint64>(120000));
    QCOMPARE(parseRetryAfterMs("0", now), std::optional<qint64>(0));
    QCOMPARE(parseRetryAfterMs("Wed, 21 Oct 2015 07:28:30 GMT", now), std::optional<qint64>(30000));
    QCOMPARE(parseRetryAfterMs("Wed, 21 Oct 2015 07:00:00 GMT", now), std::optional<qint64>(0)); // past
    QVERIFY(!parseRetryAfterMs("", now));
    QVERIFY(!parseRetryAfterMs("soon", now));
    QVERIFY(!parseRetryAfterMs("-5", now));
}

void TestRateLimiter::grantsNeverRunInsideAcquire() {
    Harness h;
    h.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("a"));
    QVERIFY(h.granted.isEmpty());
    h.settle();
    QCOMPARE(h.granted.size(), 1);
    QCOMPARE(h.granted[0].second, kStart);
}

void TestRateLimiter::noMoreThanLimitInAnyWindow() {
    Harness h;
    for (int i = 0; i < 35; ++i)
        h.request(QStringLiteral("orderbook"), Lane::Normal, QString::number(i));
    h.settle();
    QCOMPARE(h.granted.size(), 10);
    QCOMPARE(h.limiter.queuedCount(QStringLiteral("orderbook")), 25);
    QCOMPARE(h.limiter.usedInWindow(QStringLiteral("orderbook")), 10);
    h.runFor(999);
    QCOMPARE(h.granted.size(), 10);
    h.runFor(1);
    QCOMPARE(h.granted.size(), 20);
    h.runFor(2100);
    QCOMPARE(h.granted.size(), 35);
    QCOMPARE(h.limiter.queuedCount(), 0);
    // FIFO within a lane.
    for (int i = 0; i < 35; ++i)
        QCOMPARE(h.granted[i].first, QString::number(i));
    // Sliding window: never more than 10 in any 1000 ms span.
    for (const auto& g : h.granted)
        QVERIFY2(h.countWithin(g.second, g.second + 1000) <= 10,
                 qPrintable(QString::number(g.second - kStart)));
    QCOMPARE(h.granted.last().second, kStart + 3000);

    // Spread-out requests never wait.
    Harness spread;
    for (int i = 0; i < 20; ++i) {
        spread.request(QStringLiteral("orderbook"), Lane::Normal, QString::number(i));
        spread.runFor(100);
    }
    QCOMPARE(spread.granted.size(), 20);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(spread.granted[i].second, kStart + 100 * i + 1); // granted at once, run after the next step
}

void TestRateLimiter::groupsAreIndependent() {
    Harness h;
    for (int i = 0; i < 50; ++i)
        h.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("book"));
    for (int i = 0; i < 30; ++i)
        h.request(QStringLiteral("default"), Lane::Normal, QStringLiteral("default"));
    h.settle();
    QCOMPARE(h.countWithin(kStart, kStart + 1), 40);
    QCOMPARE(h.limiter.usedInWindow(QStringLiteral("default")), 30);
}

void TestRateLimiter::longerWindows() {
    Harness h;
    for (int i = 0; i < 3; ++i)
        h.request(QStringLiteral("cancel-all"), Lane::Priority, QString::number(i));
    h.settle();
    QCOMPARE(h.granted.size(), 1);
    h.runFor(1999);
    QCOMPARE(h.granted.size(), 1);
    h.runFor(1);
    QCOMPARE(h.granted.size(), 2);
    h.runFor(2000);
    QCOMPARE(h.granted.size(), 3);
    QCOMPARE(h.granted[2].second, kStart + 4000);
}

void TestRateLimiter::fallbackAndUnlimitedGroups() {
    RateLimitConfig c = upbitLikeConfig();
    c.groups.append({QStringLiteral("free"), 0, 1000, 0});
    Harness h(c);
    for (int i = 0; i < 8; ++i)
        h.request(QStringLiteral("never-configured"), Lane::Normal, QStringLiteral("x"));
    for (int i = 0; i < 500; ++i)
        h.request(QStringLiteral("free"), Lane::Normal, QStringLiteral("free"));
    h.settle();
    QCOMPARE(h.granted.size(), 5 + 500); // fallback limit is 5/s; "free" has no limit
    h.runFor(1000);
    QCOMPARE(h.granted.size(), 8 + 500);
}

void TestRateLimiter::priorityLaneJumpsTheQueue() {
    Harness h;
    for (int i = 0; i < 100; ++i)
        h.request(QStringLiteral("default"), Lane::Normal, QStringLiteral("data"));
    h.settle();
    QCOMPARE(h.granted.size(), 30);
    h.runFor(500);
    // An order in the same group is next as soon as a token frees, ahead of 70 queued data requests.
    h.request(QStringLiteral("default"), Lane::Priority, QStringLiteral("cancel"));
    h.settle();
    QCOMPARE(h.granted.size(), 30);
    h.runFor(500);
    QCOMPARE(h.granted.size(), 60);
    QCOMPARE(h.granted[30].first, QStringLiteral("cancel"));
    QCOMPARE(h.granted[30].second, kStart + 1000);

    // Orders in their own group are not affected by a long market-data queue at all.
    h.request(QStringLiteral("order"), Lane::Priority, QStringLiteral("order"));
    h.settle();
    QCOMPARE(h.granted.last().first, QStringLiteral("order"));
    QCOMPARE(h.granted.last().second, kStart + 1000);
}

void TestRateLimiter::priorityReserve() {
    RateLimitConfig c = upbitLikeConfig();
    c.groups = {{QStringLiteral("shared"), 10, 1000, 2}};
    Harness h(c);
    for (int i = 0; i < 20; ++i)
        h.request(QStringLiteral("shared"), Lane::Normal, QStringLiteral("data"));
    h.settle();
    QCOMPARE(h.granted.size(), 8); // two tokens held back for orders
    h.runFor(10);
    h.request(QStringLiteral("shared"), Lane::Priority, QStringLiteral("order1"));
    h.request(QStringLiteral("shared"), Lane::Priority, QStringLiteral("order2"));
    h.request(QStringLiteral("shared"), Lane::Priority, QStringLiteral("order3"));
    h.settle();
    QCOMPARE(h.granted.size(), 10);
    QCOMPARE(h.granted[8].first, QStringLiteral("order1"));
    QCOMPARE(h.granted[9].first, QStringLiteral("order2"));
    QCOMPARE(h.granted[9].second, kStart + 10);
    h.runFor(990);
    // At 1000 ms the first 8 tokens return: order3 first, then data.
    QCOMPARE(h.granted[10].first, QStringLiteral("order3"));
    QCOMPARE(h.granted[10].second, kStart + 1000);
}

void TestRateLimiter::remainingReqHeaderLowersTheBudget() {
    Harness h;
    h.runFor(200);
    // The venue says only 3 are left this second (other processes or connectors share the budget).
    h.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 200,
                         remainingReq("group=orderbook; min=1800; sec=3"));
    for (int i = 0; i < 10; ++i)
        h.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("x"));
    h.settle();
    QCOMPARE(h.granted.size(), 3);
    h.runFor(799);
    QCOMPARE(h.granted.size(), 3);
    h.runFor(1); // the next second: local counting alone limits again (3 used in the last 1000 ms)
    QCOMPARE(h.granted.size(), 10);
    QCOMPARE(h.granted.last().second, kStart + 1000);

    // Out-of-order answers within one second: the lowest remaining count wins; a new second starts afresh.
    Harness order;
    order.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 200, remainingReq("group=orderbook; sec=2"));
    order.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 200, remainingReq("group=orderbook; sec=6"));
    for (int i = 0; i < 10; ++i)
        order.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("x"));
    order.settle();
    QCOMPARE(order.granted.size(), 2);
    order.runFor(1000);
    order.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 200, remainingReq("group=orderbook; sec=9"));
    order.settle();
    QCOMPARE(order.granted.size(), 10);

    // sec=0 holds everything until the next second.
    Harness zero;
    zero.runFor(300);
    zero.limiter.onResponse({{QStringLiteral("default"), 1}}, 200,
                            remainingReq("group=default; min=1800; sec=0"));
    zero.request(QStringLiteral("default"), Lane::Priority, QStringLiteral("order"));
    zero.settle();
    QVERIFY(zero.granted.isEmpty());
    zero.runFor(700);
    QCOMPARE(zero.granted.size(), 1);
    QCOMPARE(zero.granted[0].second, kStart + 1000);

    // A malformed header changes nothing.
    Harness bad;
    bad.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 200, remainingReq("nonsense"));
    for (int i = 0; i < 10; ++i)
        bad.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("x"));
    bad.settle();
    QCOMPARE(bad.granted.size(), 10);
}

void TestRateLimiter::remainingReqHeaderNamesItsGroup() {
    Harness h;
    // A request made in "default" whose response reports the "order" bucket updates "order".
    h.limiter.onResponse({{QStringLiteral("default"), 1}}, 201, remainingReq("group=order; min=1800; sec=0"));
    h.request(QStringLiteral("order"), Lane::Priority, QStringLiteral("order"));
    h.request(QStringLiteral("default"), Lane::Normal, QStringLiteral("default"));
    h.settle();
    QCOMPARE(h.granted.size(), 1);
    QCOMPARE(h.granted[0].first, QStringLiteral("default"));
    // An unknown group name in the header falls back to the request's group.
    h.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 200, remainingReq("group=something-new; sec=0"));
    h.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("book"));
    h.settle();
    QCOMPARE(h.granted.size(), 1);
    h.runFor(1000);
    QCOMPARE(h.granted.size(), 3);
}

void TestRateLimiter::tooManyRequestsPausesUntilNextSecondPlusJitter() {
    Harness h;
    h.runFor(400);
    h.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 429,
                         remainingReq("group=orderbook; min=0; sec=0"));
    h.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("book"));
    h.request(QStringLiteral("default"), Lane::Normal, QStringLiteral("other group"));
    h.settle();
    QCOMPARE(h.granted.size(), 1);
    QCOMPARE(h.granted[0].first, QStringLiteral("other group"));
    h.runFor(600 + 200);
    QCOMPARE(h.granted.size(), 2);
    const qint64 at = h.granted[1].second;
    QVERIFY2(at >= kStart + 1000 && at <= kStart + 1200, qPrintable(QString::number(at - kStart)));
    QCOMPARE(h.limiter.blockedUntilMs(), 0);
}

void TestRateLimiter::tooManyRequestsHonoursRetryAfter() {
    Harness h;
    h.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 429, {}, "3");
    h.request(QStringLiteral("orderbook"), Lane::Priority, QStringLiteral("book"));
    h.runFor(2999);
    QVERIFY(h.granted.isEmpty());
    h.runFor(1);
    QCOMPARE(h.granted.size(), 1);
}

void TestRateLimiter::jitterIsDeterministicPerSeed() {
    auto grantTimeAfter429 = [](quint64 seed) {
        ManualScheduler scheduler(kStart);
        Random random(seed);
        RateLimitConfig c = upbitLikeConfig();
        c.jitterMs = 1000;
        RateLimiter limiter(c, scheduler, random);
        QObject ctx;
        qint64 at = -1;
        limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 429);
        limiter.acquire({{QStringLiteral("orderbook"), 1}}, Lane::Normal, &ctx,
                        [&] { at = scheduler.nowMs(); });
        while (at < 0 && scheduler.nowMs() < kStart + 5000) {
            scheduler.advanceMs(1);
            QCoreApplication::processEvents();
        }
        return at;
    };
    const qint64 a = grantTimeAfter429(1);
    QCOMPARE(grantTimeAfter429(1), a);
    QVERIFY(a >= kStart + 1000 && a <= kStart + 2000);
    // Different seeds spread the retries of different clients (not all 8 seeds can land on one ms).
    QSet<qint64> times;
    for (quint64 seed = 1; seed <= 8; ++seed)
        times.insert(grantTimeAfter429(seed));
    QVERIFY(times.size() > 1);
}

void TestRateLimiter::teapotBlocksTheVenue() {
    Harness h;
    QSignalSpy spy(&h.limiter, &RateLimiter::blockedUntilChanged);
    h.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 418, {}, "30");
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy[0][0].toLongLong(), kStart + 30'000);
    QCOMPARE(h.limiter.blockedUntilMs(), kStart + 30'000);
    // Without a `denied` callback, requests of every group and lane wait through the block.
    h.request(QStringLiteral("order"), Lane::Priority, QStringLiteral("order"));
    h.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("book"));
    h.scheduler.advanceMs(29'999);
    h.settle();
    QVERIFY(h.granted.isEmpty());
    h.runFor(1);
    QCOMPARE(h.granted.size(), 2);
    QCOMPARE(h.granted[0].second, kStart + 30'000);
    QCOMPARE(spy.size(), 2);
    QCOMPARE(spy[1][0].toLongLong(), 0);
    QCOMPARE(h.limiter.blockedUntilMs(), 0);

    // Without Retry-After the default block applies; the block end is announced even with nobody waiting.
    h.limiter.onResponse({{QStringLiteral("default"), 1}}, 418);
    QCOMPARE(spy.size(), 3);
    QCOMPARE(spy[2][0].toLongLong(), kStart + 30'000 + 60'000);
    h.scheduler.advanceMs(60'000);
    QCOMPARE(spy.size(), 4);
    QCOMPARE(spy[3][0].toLongLong(), 0);
}

void TestRateLimiter::teapotDeniesWaitersThatAskToBeTold() {
    Harness h;
    for (int i = 0; i < 15; ++i)
        h.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("book"));
    QList<qint64> denials;
    bool lateGo = false;
    h.limiter.acquire(
        {{QStringLiteral("orderbook"), 1}}, Lane::Normal, &h.context, [&] { lateGo = true; },
        [&](qint64 until) { denials.append(until); });
    h.settle();
    QCOMPARE(h.granted.size(), 10);
    h.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 418, {}, "600");
    h.settle();
    QCOMPARE(denials, QList<qint64>({kStart + 600'000}));
    QCOMPARE(h.limiter.queuedCount(), 5); // the ones without `denied` still wait
    // New requests that want to know fail at once while the long block lasts.
    h.limiter.acquire(
        {{QStringLiteral("order"), 1}}, Lane::Priority, &h.context, [&] { lateGo = true; },
        [&](qint64 until) { denials.append(until); });
    QCOMPARE(denials.size(), 1); // posted, not called inside acquire()
    h.settle();
    QCOMPARE(denials.size(), 2);
    h.scheduler.advanceMs(600'000);
    h.settle();
    QVERIFY(!lateGo);
    QCOMPARE(h.granted.size(), 15);
}

void TestRateLimiter::shortBlocksOnlyDelay() {
    Harness h;
    bool denied = false;
    bool went = false;
    h.limiter.onResponse({{QStringLiteral("orderbook"), 1}}, 418, {}, "2");
    h.limiter.acquire(
        {{QStringLiteral("orderbook"), 1}}, Lane::Normal, &h.context, [&] { went = true; },
        [&](qint64) { denied = true; });
    h.runFor(2000);
    QVERIFY(went);
    QVERIFY(!denied);
}

void TestRateLimiter::blockUntilFromConnector() {
    Harness h;
    QSignalSpy spy(&h.limiter, &RateLimiter::blockedUntilChanged);
    h.limiter.blockUntil(kStart + 10'000);
    h.limiter.blockUntil(kStart + 5'000); // earlier: ignored
    h.limiter.blockUntil(kStart - 1);     // past: ignored
    QCOMPARE(spy.size(), 1);
    QCOMPARE(h.limiter.blockedUntilMs(), kStart + 10'000);
    h.request(QStringLiteral("default"), Lane::Priority, QStringLiteral("x"));
    h.scheduler.advanceMs(10'000);
    h.settle();
    QCOMPARE(h.granted.size(), 1);
    QCOMPARE(spy.size(), 2);
}

void TestRateLimiter::cancelRemovesWaiter() {
    Harness h;
    quint64 first = 0;
    quint64 last = 0;
    for (int i = 0; i < 12; ++i) {
        const quint64 t = h.request(QStringLiteral("orderbook"), Lane::Normal, QString::number(i));
        if (i == 0)
            first = t;
        last = t;
    }
    h.settle();
    QVERIFY(!h.limiter.cancel(first)); // already granted
    QVERIFY(h.limiter.cancel(last));
    QVERIFY(!h.limiter.cancel(last));
    QVERIFY(!h.limiter.cancel(999999));
    QCOMPARE(h.limiter.queuedCount(), 1);
    h.runFor(1000);
    QCOMPARE(h.granted.size(), 11);
    QCOMPARE(h.granted.last().first, QStringLiteral("10"));
    QCOMPARE(h.scheduler.pendingCount(), 0); // nothing left to wake for
}

void TestRateLimiter::destroyedContextSpendsNoToken() {
    Harness h;
    for (int i = 0; i < 10; ++i)
        h.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("fill"));
    auto doomed = std::make_unique<QObject>();
    bool ran = false;
    h.limiter.acquire({{QStringLiteral("orderbook"), 1}}, Lane::Normal, doomed.get(), [&] { ran = true; });
    h.request(QStringLiteral("orderbook"), Lane::Normal, QStringLiteral("survivor"));
    doomed.reset();
    h.runFor(1000);
    QVERIFY(!ran);
    QCOMPARE(h.granted.size(), 11);
    QCOMPARE(h.limiter.usedInWindow(QStringLiteral("orderbook")), 1);
}

void TestRateLimiter::grantsReachOtherThreads() {
    Harness h;
    QThread worker;
    worker.start();
    QObject remote;
    remote.moveToThread(&worker);
    std::atomic<QThread*> ranIn{nullptr};
    h.limiter.acquire({{QStringLiteral("orderbook"), 1}}, Lane::Normal, &remote,
                      [&] { ranIn.store(QThread::currentThread()); });
    QTRY_VERIFY_WITH_TIMEOUT(ranIn.load() != nullptr, 2000);
    QCOMPARE(ranIn.load(), &worker);
    worker.quit();
    worker.wait();
}

// Binance-like: a request spends weight per minute and an order count per 10 s; it waits for the fuller pool.
RateLimitConfig weightedConfig() {
    RateLimitConfig c = upbitLikeConfig();
    c.groups = {
        {QStringLiteral("weight"), 20, 60'000, 0},
        {QStringLiteral("orders"), 2, 10'000, 0},
    };
    return c;
}

void TestRateLimiter::weightedRequestsSpendFromEveryPool() {
    Harness h(weightedConfig());
    auto order = [&h](const QString& label) {
        h.limiter.acquire({{QStringLiteral("weight"), 1}, {QStringLiteral("orders"), 1}}, Lane::Priority,
                          &h.context, [&h, label] {
                              h.granted.append({label, h.scheduler.nowMs()});
                          });
    };
    order(QStringLiteral("o1"));
    order(QStringLiteral("o2"));
    order(QStringLiteral("o3")); // the order pool is full: waits 10 s, though weight is left
    h.limiter.acquire({{QStringLiteral("weight"), 5}}, Lane::Normal, &h.context, [&h] {
        h.granted.append({QStringLiteral("depth"), h.scheduler.nowMs()});
    });
    h.settle();
    QCOMPARE(h.granted.size(), 3); // o1, o2 and the depth request (another pool's queue is not held)
    QCOMPARE(h.granted.at(2).first, QStringLiteral("depth"));
    QCOMPARE(h.limiter.usedInWindow(QStringLiteral("weight")), 7);
    QCOMPARE(h.limiter.usedInWindow(QStringLiteral("orders")), 2);
    h.scheduler.advanceMs(9'999);
    h.settle();
    QCOMPARE(h.granted.size(), 3);
    h.scheduler.advanceMs(1);
    h.settle();
    QCOMPARE(h.granted.size(), 4);
    QCOMPARE(h.granted.last(), qMakePair(QStringLiteral("o3"), kStart + 10'000));
}

void TestRateLimiter::aHeavyRequestIsNotStarvedByLightOnes() {
    Harness h(weightedConfig());
    for (int i = 0; i < 18; ++i)
        h.limiter.acquire({{QStringLiteral("weight"), 1}}, Lane::Normal, &h.context, [] {});
    h.limiter.acquire({{QStringLiteral("weight"), 10}}, Lane::Normal, &h.context, [&h] {
        h.granted.append({QStringLiteral("heavy"), h.scheduler.nowMs()});
    });
    h.limiter.acquire({{QStringLiteral("weight"), 1}}, Lane::Normal, &h.context, [&h] {
        h.granted.append({QStringLiteral("light"), h.scheduler.nowMs()});
    });
    h.settle();
    // 2 weight left: the heavy request waits, and the light one behind it waits its turn.
    QVERIFY(h.granted.isEmpty());
    h.scheduler.advanceMs(60'000);
    h.settle();
    QCOMPARE(h.granted.size(), 2);
    QCOMPARE(h.granted.at(0).first, QStringLiteral("heavy"));
    QCOMPARE(h.granted.at(1).first, QStringLiteral("light"));
}

void TestRateLimiter::usedWeightFromTheVenueLowersTheBudget() {
    Harness h(weightedConfig());
    // Another process already used 19 of 20 this minute (X-MBX-USED-WEIGHT-1M: 19).
    h.limiter.onResponse({{QStringLiteral("weight"), 1}}, 200, {{QStringLiteral("weight"), 19, -1}});
    h.request(QStringLiteral("weight"), Lane::Normal, QStringLiteral("a"));
    h.request(QStringLiteral("weight"), Lane::Normal, QStringLiteral("b"));
    h.settle();
    QCOMPARE(h.granted.size(), 1);
    // The venue's count holds until its fixed minute ends.
    const qint64 minuteEnd = (kStart / 60'000 + 1) * 60'000;
    h.scheduler.advanceMs(minuteEnd - kStart - 1);
    h.settle();
    QCOMPARE(h.granted.size(), 1);
    h.scheduler.advanceMs(1);
    h.settle();
    QCOMPARE(h.granted.size(), 2);
    QCOMPARE(h.granted.last().second, minuteEnd);
}

// The limiter lives in the main thread; a throttled request's wake-up must not need that thread's event
// loop: it runs in the requester's own thread.
void TestRateLimiter::wakeUpsRunInTheRequestersThread() {
    RateLimitConfig config = upbitLikeConfig();
    config.groups = {{QStringLiteral("slow"), 1, 200, 0}};
    RateLimiter limiter(config); // real clock and timers
    QThread worker;
    worker.start();
    QObject remote;
    remote.moveToThread(&worker);
    std::atomic<int> granted{0};
    std::atomic<QThread*> lastIn{nullptr};
    for (int i = 0; i < 3; ++i)
        limiter.acquire({{QStringLiteral("slow"), 1}}, Lane::Normal, &remote, [&] {
            lastIn.store(QThread::currentThread());
            ++granted;
        });
    // The main thread does not run its event loop while the worker is served: the second and third grants
    // can only come from wake-ups in the worker's thread.
    QDeadlineTimer deadline(5000);
    while (granted.load() < 3 && !deadline.hasExpired())
        QThread::yieldCurrentThread();
    QCOMPARE(granted.load(), 3);
    QCOMPARE(lastIn.load(), &worker);
    worker.quit();
    worker.wait();
}

void TestRateLimiter::registrySharesPerVenue() {
    RateLimiterRegistry registry;
    ManualScheduler scheduler(kStart);
    Random random(1);
    RateLimitConfig a = upbitLikeConfig();
    a.venue = QStringLiteral("alpha");
    RateLimitConfig b = upbitLikeConfig();
    b.venue = QStringLiteral("beta");
    auto a1 = registry.limiter(a, scheduler, random);
    RateLimitConfig a2config = a;
    a2config.groups.clear(); // ignored: the first config wins while the limiter lives
    auto a2 = registry.limiter(a2config, scheduler, random);
    auto b1 = registry.limiter(b, scheduler, random);
    QCOMPARE(a1.get(), a2.get());
    QVERIFY(a1.get() != b1.get());
    QCOMPARE(a2->config().groups.size(), 4);
    QCOMPARE(registry.find(QStringLiteral("alpha")).get(), a1.get());
    a1.reset();
    a2.reset();
    QVERIFY(!registry.find(QStringLiteral("alpha")));
    QVERIFY(registry.find(QStringLiteral("beta")));
    QCOMPARE(&RateLimiterRegistry::instance(), &RateLimiterRegistry::instance());
}

QTEST_GUILESS_MAIN(TestRateLimiter)
#include "tst_rate_limiter.moc"
