#include "security/log_masking.h"

#include <QTest>

using namespace hoga;

namespace {
QStringList g_captured;
void capture(QtMsgType, const QMessageLogContext&, const QString& message) {
    g_captured.append(message);
}
} // namespace

class TestLogMasking : public QObject {
    Q_OBJECT

private slots:
    void masksSecrets_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const QString jwt = QStringLiteral("eyJhbGciOiJIUzI1NiJ9.eyJhY2Nlc3Nfa2V5IjoiYWJjIiwibm9uY2UiOiIxIn0."
                                           "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        QTest::newRow("jwt") << QStringLiteral("token %1 sent").arg(jwt)
                             << QStringLiteral("token [REDACTED] sent");
        QTest::newRow("bearer header") << QStringLiteral("Authorization: Bearer %1").arg(jwt)
                                       << QStringLiteral("Authorization: [REDACTED]");
        QTest::newRow("bearer alone") << QStringLiteral("using Bearer abc.def-ghi_123 now")
                                      << QStringLiteral("using Bearer [REDACTED] now");
        QTest::newRow("upbit access key")
            << QStringLiteral("key xR4bQ9fLzT2mWk8sJv5nHc1gYd7pAe3uBo6iNq0t rejected")
            << QStringLiteral("key [REDACTED] rejected");
        QTest::newRow("hex") << QStringLiteral(
                                    "sig=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                             << QStringLiteral("sig=[REDACTED]");
        QTest::newRow("base64 secret") << QStringLiteral("secret blob a2V5/Zm9y+dGVzdGluZzEyMzQ1Njc4OTA= end")
                                       << QStringLiteral("secret blob [REDACTED] end");
        QTest::newRow("uuid") << QStringLiteral("order 550e8400-e29b-41d4-a716-446655440000 done")
                              << QStringLiteral("order [REDACTED] done");
        QTest::newRow("json secret field")
            << QStringLiteral(R"({"secret_key": "shorty", "market": "KRW-BTC"})")
            << QStringLiteral(R"({"secret_key": "[REDACTED]", "market": "KRW-BTC"})");
        QTest::newRow("query password")
            << QStringLiteral("url ?password=hunter2&x=1") << QStringLiteral("url ?password=[REDACTED]&x=1");
        QTest::newRow("api key equals") << QStringLiteral("api_key=abc123 access-key: zz9")
                                        << QStringLiteral("api_key=[REDACTED] access-key: [REDACTED]");
        QTest::newRow("several") << QStringLiteral("a=%1 b=%1").arg(jwt)
                                 << QStringLiteral("a=[REDACTED] b=[REDACTED]");
    }
    void masksSecrets() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(maskSecrets(input), expected);
    }

    void keepsOrdinaryText_data() {
        QTest::addColumn<QString>("input");
        QTest::newRow("prose") << QStringLiteral("Internationalization of the order ticket failed politely.");
        QTest::newRow("prices") << QStringLiteral("Bought 0.00012345 BTC at 45,001,000 KRW (fee 22.5)");
        QTest::newRow("url path") << QStringLiteral(
            "GET https://api.upbit.com/v1/orders/chance?market=KRW-BTC 200");
        QTest::newRow("file path") << QStringLiteral(
            "wrote /home/user/.local/share/Hoga/profiles/demo/settings.ini");
        QTest::newRow("timestamps") << QStringLiteral("at 1700000000000 ms, seq 12345678901234567890");
        QTest::newRow("empty") << QString();
    }
    void keepsOrdinaryText() {
        QFETCH(QString, input);
        QCOMPARE(maskSecrets(input), input);
    }

    void messageHandlerMasksEveryLine() {
        const QtMessageHandler before = qInstallMessageHandler(capture);
        installLogMasking();
        installLogMasking(); // idempotent
        g_captured.clear();
        qWarning("venue said: Bearer %s", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefghijklmnop");
        qInfo() << "secret="
                << "xR4bQ9fLzT2mWk8sJv5nHc1gYd7pAe3uBo6iNq0t";
        uninstallLogMasking();
        qInstallMessageHandler(before);
        QCOMPARE(g_captured.size(), 2);
        QCOMPARE(g_captured[0], QStringLiteral("venue said: Bearer [REDACTED]"));
        QVERIFY2(!g_captured[1].contains(QStringLiteral("xR4bQ9")), qPrintable(g_captured[1]));
    }
};

QTEST_GUILESS_MAIN(TestLogMasking)
#include "tst_log_masking.moc"
