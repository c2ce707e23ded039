#include "venues/net/circuit_breaker.h"
#include "venues/net/retry_policy.h"

#include <QTest>

using namespace hoga;
using namespace hoga::net;

Q_DECLARE_METATYPE(hoga::net::FailureKind)

class TestRetryPolicy : public QObject {
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void retriesOnlyIdempotentNonPost();
    void attemptsAreBounded();
    void fullJitterStaysInBounds();
    void fullJitterIsDeterministicAndSpread();

    void breakerOpensAfterConsecutiveFailures();
    void breakerSuccessResetsTheCount();
    void breakerHalfOpenLetsOneProbe();
    void breakerProbeFailureReopens();
    void breakerAbandonedProbe();
    void breakerIgnoresLateFailuresWhileOpen();
};

void TestRetryPolicy::classify_data() {
    QTest::addColumn<int>("status");
    QTest::addColumn<bool>("networkError");
    QTest::addColumn<bool>("timedOut");
    QTest::addColumn<FailureKind>("kind");
    QTest::newRow("200") << 200 << false << false << FailureKind::None;
    QTest::newRow("201") << 201 << false << false << FailureKind::None;
    QTest::newRow("400") << 400 << false << false << FailureKind::None;
    QTest::newRow("401") << 401 << false << false << FailureKind::None;
    QTest::newRow("404") << 404 << false << false << FailureKind::None;
    QTest::newRow("418") << 418 << false << false << FailureKind::None;
    QTest::newRow("429") << 429 << false << false << FailureKind::RateLimited;
    QTest::newRow("500") << 500 << false << false << FailureKind::ServerError;
    QTest::newRow("501") << 501 << false << false << FailureKind::None;
    QTest::newRow("502") << 502 << false << false << FailureKind::ServerError;
    QTest::newRow("503") << 503 << false << false << FailureKind::ServerError;
    QTest::newRow("504") << 504 << false << false << FailureKind::ServerError;
    QTest::newRow("refused") << 0 << true << false << FailureKind::Network;
    QTest::newRow("timeout") << 0 << true << true << FailureKind::Timeout;
    QTest::newRow("timeout wins over status") << 200 << false << true << FailureKind::Timeout;
    QTest::newRow("nothing at all") << 0 << false << false << FailureKind::Other;
}

void TestRetryPolicy::classify() {
    QFETCH(int, status);
    QFETCH(bool, networkError);
    QFETCH(bool, timedOut);
    QFETCH(FailureKind, kind);
    QCOMPARE(classifyFailure(status, networkError, timedOut), kind);
}

void TestRetryPolicy::retriesOnlyIdempotentNonPost() {
    const RetryPolicy p;
    for (FailureKind k :
         {FailureKind::Network, FailureKind::Timeout, FailureKind::ServerError, FailureKind::RateLimited}) {
        QVERIFY(p.shouldRetry("GET", true, k, 1));
        QVERIFY(!p.shouldRetry("GET", false, k, 1)); // the caller said it is not safe
        QVERIFY(!p.shouldRetry("POST", true, k, 1)); // never a POST, whatever the caller says
        QVERIFY(!p.shouldRetry("post", true, k, 1));
        QVERIFY(p.shouldRetry("DELETE", true, k, 1));
        QVERIFY(!p.shouldRetry("DELETE", false, k, 1));
    }
    QVERIFY(!p.shouldRetry("GET", true, FailureKind::None, 1));
    QVERIFY(!p.shouldRetry("GET", true, FailureKind::Other, 1));
    RetryPolicy no429;
    no429.retryRateLimited = false;
    QVERIFY(!no429.shouldRetry("GET", true, FailureKind::RateLimited, 1));
    QVERIFY(no429.shouldRetry("GET", true, FailureKind::ServerError, 1));
    QVERIFY(!RetryPolicy::never().shouldRetry("GET", true, FailureKind::Network, 1));
}

void TestRetryPolicy::attemptsAreBounded() {
    RetryPolicy p;
    p.maxAttempts = 4;
    QVERIFY(p.shouldRetry("GET", true, FailureKind::Network, 1));
    QVERIFY(p.shouldRetry("GET", true, FailureKind::Network, 3));
    QVERIFY(!p.shouldRetry("GET", true, FailureKind::Network, 4));
    QVERIFY(!p.shouldRetry("GET", true, FailureKind::Network, 100));
}

void TestRetryPolicy::fullJitterStaysInBounds() {
    Random random(99);
    QCOMPARE(fullJitterBackoffMs(0, 100, 1000, random), 0);
    QCOMPARE(fullJitterBackoffMs(1, 0, 1000, random), 0);
    for (int retry = 1; retry <= 12; ++retry) {
        const qint64 cap = std::min<qint64>(1000, qint64(100) << (retry - 1));
        qint64 lo = cap;
        qint64 hi = 0;
        for (int i = 0; i < 500; ++i) {
            const qint64 d = fullJitterBackoffMs(retry, 100, 1000, random);
            QVERIFY(d >= 0 && d <= cap);
            lo = std::min(lo, d);
            hi = std::max(hi, d);
        }
        // Full jitter uses the whole range, down to (nearly) zero.
        QVERIFY2(lo <= cap / 10 && hi >= cap * 9 / 10,
                 qPrintable(QStringLiteral("retry %1: %2..%3 of %4").arg(retry).arg(lo).arg(hi).arg(cap)));
    }
    // Enormous retry counts neither overflow nor exceed the maximum.
    for (int i = 0; i < 100; ++i)
        QVERIFY(fullJitterBackoffMs(100000, 250, 4000, random) <= 4000);
    RetryPolicy p;
    QVERIFY(p.delayMs(1, random) <= p.baseDelayMs);
    QVERIFY(p.delayMs(10, random) <= p.maxDelayMs);
}

void TestRetryPolicy::fullJitterIsDeterministicAndSpread() {
    Random a(5);
    Random b(5);
    Random c(6);
    QList<qint64> da, db, dc;
    for (int i = 0; i < 20; ++i) {
        da << fullJitterBackoffMs(5, 100, 10'000, a);
        db << fullJitterBackoffMs(5, 100, 10'000, b);
        dc << fullJitterBackoffMs(5, 100, 10'000, c);
    }
    QCOMPARE(da, db);
    QVERIFY(da != dc);
}

void TestRetryPolicy::breakerOpensAfterConsecutiveFailures() {
    ManualClock clock;
    CircuitBreaker b(clock, {3, 10'000});
    QCOMPARE(b.state(), CircuitBreaker::State::Closed);
    QVERIFY(b.allowRequest());
    b.recordFailure();
    b.recordFailure();
    QCOMPARE(b.state(), CircuitBreaker::State::Closed);
    QCOMPARE(b.consecutiveFailures(), 2);
    QCOMPARE(b.openUntilMs(), 0);
    b.recordFailure();
    QCOMPARE(b.state(), CircuitBreaker::State::Open);
    QVERIFY(!b.allowRequest());
    QCOMPARE(b.openUntilMs(), clock.nowMs() + 10'000);
    clock.advanceMs(9'999);
    QCOMPARE(b.state(), CircuitBreaker::State::Open);
    QVERIFY(!b.allowRequest());
    clock.advanceMs(1);
    QCOMPARE(b.state(), CircuitBreaker::State::HalfOpen);
    QCOMPARE(b.openUntilMs(), 0);
}

void TestRetryPolicy::breakerSuccessResetsTheCount() {
    ManualClock clock;
    CircuitBreaker b(clock, {3, 10'000});
    for (int round = 0; round < 5; ++round) {
        b.recordFailure();
        b.recordFailure();
        b.recordSuccess();
    }
    QCOMPARE(b.state(), CircuitBreaker::State::Closed);
    QCOMPARE(b.consecutiveFailures(), 0);
}

void TestRetryPolicy::breakerHalfOpenLetsOneProbe() {
    ManualClock clock;
    CircuitBreaker b(clock, {1, 5'000});
    b.recordFailure();
    QCOMPARE(b.state(), CircuitBreaker::State::Open);
    clock.advanceMs(5'000);
    QVERIFY(b.allowRequest());  // the probe
    QVERIFY(!b.allowRequest()); // everyone else waits for its outcome
    QVERIFY(!b.allowRequest());
    QCOMPARE(b.state(), CircuitBreaker::State::HalfOpen);
    b.recordSuccess();
    QCOMPARE(b.state(), CircuitBreaker::State::Closed);
    QVERIFY(b.allowRequest());
    QVERIFY(b.allowRequest());
}

void TestRetryPolicy::breakerProbeFailureReopens() {
    ManualClock clock;
    CircuitBreaker b(clock, {2, 5'000});
    b.recordFailure();
    b.recordFailure();
    clock.advanceMs(6'000);
    QVERIFY(b.allowRequest());
    b.recordFailure(); // one failed probe is enough to open again
    QCOMPARE(b.state(), CircuitBreaker::State::Open);
    QCOMPARE(b.openUntilMs(), clock.nowMs() + 5'000);
    QVERIFY(!b.allowRequest());
    clock.advanceMs(5'000);
    QVERIFY(b.allowRequest());
    b.recordSuccess();
    QCOMPARE(b.state(), CircuitBreaker::State::Closed);
}

void TestRetryPolicy::breakerAbandonedProbe() {
    ManualClock clock;
    CircuitBreaker b(clock, {1, 1'000});
    b.recordFailure();
    clock.advanceMs(1'000);
    QVERIFY(b.allowRequest());
    QVERIFY(!b.allowRequest());
    b.recordAbandoned(); // the probe was cancelled: let the next request probe
    QVERIFY(b.allowRequest());
    QCOMPARE(b.state(), CircuitBreaker::State::HalfOpen);
}

void TestRetryPolicy::breakerIgnoresLateFailuresWhileOpen() {
    ManualClock clock;
    CircuitBreaker b(clock, {2, 10'000});
    b.recordFailure();
    b.recordFailure();
    const qint64 until = b.openUntilMs();
    clock.advanceMs(4'000);
    b.recordFailure(); // a request that started before the breaker opened
    QCOMPARE(b.openUntilMs(), until);
    clock.advanceMs(6'000);
    QCOMPARE(b.state(), CircuitBreaker::State::HalfOpen);
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retry_policy.moc"
