#include "security/login_throttle.h"

#include <QTest>

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
