#include "security/password_hasher.h"

#include <QElapsedTimer>
#include <QTest>

using namespace hoga;

class TestPasswordHasher : public QObject {
    Q_OBJECT

private slots:
    void hashIsSelfDescribing() {
        const PasswordHasher hasher(ScryptParams::fast());
        const QString h = hasher.hash(QStringLiteral("correct horse"));
        const QStringList parts = h.split(QLatin1Char('$'));
        QCOMPARE(parts.size(), 6);
        QCOMPARE(parts[0], QStringLiteral("scrypt"));
        QCOMPARE(parts[1], QStringLiteral("1024"));
        QCOMPARE(parts[2], QStringLiteral("8"));
        QCOMPARE(parts[3], QStringLiteral("1"));
        QCOMPARE(QByteArray::fromBase64(parts[4].toLatin1()).size(), PasswordHasher::kSaltBytes);
        QCOMPARE(QByteArray::fromBase64(parts[5].toLatin1()).size(), PasswordHasher::kHashBytes);
        QVERIFY(!h.contains(QStringLiteral("correct horse")));
    }

    void productionParametersAreStrong() {
        const PasswordHasher hasher;
        QVERIFY(hasher.params().log2N >= 15);
        QVERIFY(hasher.params().r >= 8);
        const QString h = hasher.hash(QStringLiteral("pw"));
        QVERIFY(h.startsWith(QStringLiteral("scrypt$32768$8$1$")));
        QVERIFY(hasher.verify(QStringLiteral("pw"), h)); // needs more than OpenSSL's default 32 MiB cap
    }

    void verifiesOnlyTheRightPassword() {
        const PasswordHasher hasher(ScryptParams::fast());
        const QString h = hasher.hash(QStringLiteral("s3cret pässwörd 한글"));
        QVERIFY(hasher.verify(QStringLiteral("s3cret pässwörd 한글"), h));
        QVERIFY(!hasher.verify(QStringLiteral("s3cret pässwörd 한"), h));
        QVERIFY(!hasher.verify(QStringLiteral("S3cret pässwörd 한글"), h));
        QVERIFY(!hasher.verify(QString(), h));
    }

    void saltMakesEqualPasswordsDiffer() {
        const PasswordHasher hasher(ScryptParams::fast());
        const QString a = hasher.hash(QStringLiteral("same"));
        const QString b = hasher.hash(QStringLiteral("same"));
        QVERIFY(a != b);
        QVERIFY(hasher.verify(QStringLiteral("same"), a));
        QVERIFY(hasher.verify(QStringLiteral("same"), b));
    }

    void parametersComeFromTheString() {
        // A hash made with other parameters still verifies: they are read from the string.
        const QString weak = PasswordHasher({4, 2, 1}).hash(QStringLiteral("pw"));
        const PasswordHasher hasher(ScryptParams::fast());
        QVERIFY(hasher.verify(QStringLiteral("pw"), weak));
        QVERIFY(hasher.needsRehash(weak));
        QVERIFY(!hasher.needsRehash(hasher.hash(QStringLiteral("pw"))));
    }

    void tamperedOrMalformedStringsFail_data() {
        QTest::addColumn<QString>("encoded");
        const QString good = PasswordHasher(ScryptParams::fast()).hash(QStringLiteral("pw"));
        QStringList parts = good.split(QLatin1Char('$'));
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << QStringLiteral("not a hash");
        QTest::newRow("other scheme") << QString(good).replace(0, 6, QStringLiteral("bcrypt"));
        QStringList p = parts;
        p[1] = QStringLiteral("1000"); // not a power of two
        QTest::newRow("N not power of two") << p.join(QLatin1Char('$'));
        p = parts;
        p[1] = QString::number(1ull << 40); // would need terabytes
        QTest::newRow("N huge") << p.join(QLatin1Char('$'));
        p = parts;
        p[2] = QStringLiteral("100000");
        QTest::newRow("r huge") << p.join(QLatin1Char('$'));
        p = parts;
        p[3] = QStringLiteral("0");
        QTest::newRow("p zero") << p.join(QLatin1Char('$'));
        p = parts;
        p[4] = QStringLiteral("***");
        QTest::newRow("salt not base64") << p.join(QLatin1Char('$'));
        p = parts;
        QByteArray hash = QByteArray::fromBase64(p[5].toLatin1());
        hash[0] = char(hash[0] ^ 1);
        p[5] = QString::fromLatin1(hash.toBase64());
        QTest::newRow("hash bit flipped") << p.join(QLatin1Char('$'));
        p = parts;
        p[5] = QString::fromLatin1(hash.left(8).toBase64());
        QTest::newRow("hash truncated") << p.join(QLatin1Char('$'));
        p = parts;
        p.removeLast();
        QTest::newRow("field missing") << p.join(QLatin1Char('$'));
    }
    void tamperedOrMalformedStringsFail() {
        QFETCH(QString, encoded);
        const PasswordHasher hasher(ScryptParams::fast());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!hasher.verify(QStringLiteral("pw"), encoded));
        QVERIFY(timer.elapsed() < 2000); // bounds are checked before any expensive work
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_password_hasher.moc"
