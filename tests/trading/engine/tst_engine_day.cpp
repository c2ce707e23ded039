// A simulated day of 1-second candles through a running bot (ManualClock: a few seconds of wall time) with
// flat memory: after the first hours, the process does not keep growing with the events it handles.

#include "engine_day_driver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;
using namespace hoga::test;

namespace {

// Resident memory of this process in KiB (Linux), 0 elsewhere.
qint64 residentKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

} // namespace

class TestEngineDay : public QObject {
    Q_OBJECT
private slots:
    void aDayOfSecondCandlesKeepsMemoryFlat();
};

void TestEngineDay::aDayOfSecondCandlesKeepsMemoryFlat() {
    QTemporaryDir dir;
    // Slow averages: a few hundred crossings a day, each a journaled (fsynced) order.
    EngineDayDriver day(dir.filePath(QStringLiteral("day.sqlite")),
                        {{QStringLiteral("fast"), QStringLiteral("60")},
                         {QStringLiteral("slow"), QStringLiteral("600")},
                         {QStringLiteral("interval"), QStringLiteral("1s")},
                         {QStringLiteral("order_value"), QStringLiteral("10000")}});
    QVERIFY(day.ok());
    constexpr qint64 kDay = 86'400;
    qint64 afterWarmUp = 0;
    while (day.seconds() < kDay) {
        day.step();
        if (day.seconds() == kDay / 8)
            afterWarmUp = residentKiB();
    }
    QCoreApplication::processEvents();
    const qint64 atEnd = residentKiB();
    qInfo("orders filled %d, resident memory after 3 h %lld KiB, after 24 h %lld KiB", day.ordersFilled(),
          afterWarmUp, atEnd);
    QVERIFY(day.ordersFilled() > 10);
    QVERIFY(day.runner().isRunning());
    // Flat: the other 21 hours (7/8 of the events and orders) add less than 8 MiB.
    if (afterWarmUp > 0)
        QVERIFY2(atEnd - afterWarmUp < 8 * 1024,
                 qPrintable(QStringLiteral("%1 KiB -> %2 KiB").arg(afterWarmUp).arg(atEnd)));
}

QTEST_GUILESS_MAIN(TestEngineDay)
#include "tst_engine_day.moc"
