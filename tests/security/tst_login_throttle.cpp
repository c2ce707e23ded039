#include "security/login_throttle.h"

#include <QTest>

#include <limits>

using namespace hoga;

class TestLoginThrottle : public QObject {
    Q_OBJECT

private slots:
    void delaysGrowAndAreCapped() {
        ManualClock clock;
        const LoginThrottle throttle(clock);
        const QList<qint64> expected = {0, 0, 0, 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000};
        for (int failures = 0; failures < expected.size(); ++failures)
            QCOMPARE(throttle.delayAfterFailures(failures), expected[failures]);
        QCOMPARE(throttle.delayAfterFailures(1000), 60000);
    }

    void waitCountsDownWithTheClock() {
        ManualClock clock;
        const LoginThrottle throttle(clock);
        LoginAttempts attempts;
        for (int i = 0; i < 2; ++i) {
            throttle.recordFailure(attempts);
            QCOMPARE(throttle.retryAfterMs(attempts), 0); // first two mistakes are free
        }
        throttle.recordFailure(attempts);
        QCOMPARE(throttle.retryAfterMs(attempts), 1000);
        clock.advanceMs(400);
        QCOMPARE(throttle.retryAfterMs(attempts), 600);
        clock.advanceMs(600);
        QCOMPARE(throttle.retryAfterMs(attempts), 0);
        throttle.recordFailure(attempts);
        QCOMPARE(throttle.retryAfterMs(attempts), 2000);
        throttle.recordSuccess(attempts);
        QCOMPARE(attempts, LoginAttempts{});
        QCOMPARE(throttle.retryAfterMs(attempts), 0);
    }

    void clockGoingBackwardsNeverExtendsTheWait() {
        ManualClock clock;
        const LoginThrottle throttle(clock);
        LoginAttempts attempts;
        for (int i = 0; i < 5; ++i)
            throttle.recordFailure(attempts);
        QCOMPARE(throttle.retryAfterMs(attempts), 4000);
        clock.advanceMs(-3'600'000); // an hour back
        QCOMPARE(throttle.retryAfterMs(attempts), 4000);
        QVERIFY(throttle.rebaseIfClockWentBack(attempts));
        QVERIFY(!throttle.rebaseIfClockWentBack(attempts));
        clock.advanceMs(4000);
        QCOMPARE(throttle.retryAfterMs(attempts), 0);
    }

    void customPolicy() {
        ManualClock clock;
        const LoginThrottle throttle(clock, {0, 500, 3000});
        QCOMPARE(throttle.delayAfterFailures(1), 500);
        QCOMPARE(throttle.delayAfterFailures(3), 2000);
        QCOMPARE(throttle.delayAfterFailures(4), 3000);
    }

    void extremeCountersStayWithinTheCap() {
        // Values as a hand-edited or damaged profiles.json may hold them: no overflow (UBSan), no wait
        // outside [0, cap], and counting on from any of them keeps the throttle on.
        ManualClock clock;
        const LoginThrottle throttle(clock);
        const qint64 now = clock.nowMs();
        const int counts[] = {std::numeric_limits<int>::min(), -1'000'000, -1, 0, 3, 999, 1000, 1001,
                              std::numeric_limits<int>::max()};
        const qint64 times[] = {
            std::numeric_limits<qint64>::min(), -1, 0, now - 1, now, now + 1, now + 365LL * 86'400'000,
            std::numeric_limits<qint64>::max()};
        for (const int failures : counts) {
            const qint64 delay = throttle.delayAfterFailures(failures);
            QVERIFY2(delay >= 0 && delay <= 60'000, qPrintable(QString::number(failures)));
            for (const qint64 last : times) {
                const QString what = QStringLiteral("%1 failures, last at %2").arg(failures).arg(last);
                for (const LoginAttempts& a :
                     {LoginAttempts{failures, last}, LoginAttempts{failures, last}.clamped()}) {
                    const qint64 wait = throttle.retryAfterMs(a);
                    QVERIFY2(wait >= 0 && wait <= 60'000, qPrintable(what));
                }
                const LoginAttempts c = LoginAttempts{failures, last}.clamped();
                QVERIFY2(c.failures >= 0 && c.failures <= LoginAttempts::kMaxFailures, qPrintable(what));
                QVERIFY2(c.lastFailureMs >= 0 && c.lastFailureMs <= LoginAttempts::kLatestTimeMs,
                         qPrintable(what));

                // Three more wrong passwords from there always cost a wait.
                LoginAttempts more{failures, last};
                for (int i = 0; i < 3; ++i)
                    throttle.recordFailure(more);
                QVERIFY2(more.failures >= 3 && more.failures <= LoginAttempts::kMaxFailures,
                         qPrintable(what));
                QVERIFY2(throttle.retryAfterMs(more) >= 1000, qPrintable(what));
                // And the wait ends within the cap.
                LoginAttempts rebased{failures, last};
                throttle.rebaseIfClockWentBack(rebased);
                ManualClock later(now + 60'000);
                QCOMPARE(LoginThrottle(later).retryAfterMs(rebased), 0);
            }
        }
    }

    void messageRoundsSecondsUp() {
        QCOMPARE(LoginThrottle::tryAgainMessage(4000),
                 QStringLiteral("Too many wrong passwords. Try again in 4 s."));
        QCOMPARE(LoginThrottle::tryAgainMessage(1),
                 QStringLiteral("Too many wrong passwords. Try again in 1 s."));
        QCOMPARE(LoginThrottle::tryAgainMessage(59001),
                 QStringLiteral("Too many wrong passwords. Try again in 60 s."));
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_login_throttle.moc"
