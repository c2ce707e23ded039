#include "notify/webhooks/webhook_channel_store.h"
#include "notify/webhooks/webhook_dispatcher.h"
#include "security/encrypted_file_secret_store.h"
#include "support/fake_webhook_server/fake_webhook_server.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;
using hoga::test::FakeWebhookServer;

namespace {

constexpr int kWaitMs = 10'000;
const QString kTelegramToken = QStringLiteral("123456789:AAHtelegramSecretToken0123456789");

Notification sample(const QString& title = QStringLiteral("5 fills on KRW-BTC")) {
    return Notification{NotificationKind::Fill, title, QStringLiteral("bought 0.05"), 1'764'956'269'123, 5};
}

WebhookChannel channel(const QString& id, WebhookKind kind, const QUrl& url, bool enabled = true) {
    WebhookChannel c;
    c.id = id;
    c.kind = kind;
    c.name = QStringLiteral("My ") + id;
    c.enabled = enabled;
    c.secret = url.toString();
    return c;
}

WebhookOptions fastOptions(const FakeWebhookServer& server) {
    WebhookOptions o;
    o.minIntervalMs = 0;
    o.initialBackoffMs = 50;
    o.maxBackoffMs = 1000;
    o.transferTimeoutMs = 5000;
    o.telegramBaseUrl = server.telegramBase();
    return o;
}

// Log lines of the hoga.webhooks category, from any thread.
QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (context.category && QByteArray(context.category) == "hoga.webhooks") {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

class TestWebhooks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        g_previousHandler = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("hoga.webhooks.info=true"));
    }
    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void eachServiceGetsItsPayload() {
        FakeWebhookServer server;
        QVERIFY(server.listen());
        server.setTelegramToken(kTelegramToken);
        WebhookDispatcher dispatcher(fastOptions(server));
        WebhookChannel telegram = channel("telegram-1", WebhookKind::Telegram, {});
        telegram.secret = kTelegramToken;
        telegram.chatId = QStringLiteral("-100200300");
        dispatcher.setChannels({channel("discord-1", WebhookKind::Discord, server.discordUrl()),
                                channel("slack-1", WebhookKind::Slack, server.slackUrl()), telegram,
                                channel("json-1", WebhookKind::Json, server.jsonUrl()),
                                channel("json-2", WebhookKind::Json, server.url("/hook/off"), false)});
        QSignalSpy delivered(&dispatcher, &WebhookDispatcher::delivered);
        dispatcher.post(sample());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 4, kWaitMs);
        QCOMPARE(server.violations(), QStringList());
        QCOMPARE(server.messageCount(), 4);

        QHash<QString, QJsonObject> byService;
        for (const auto& m : server.messages()) {
            QVERIFY2(m.path != "/hook/off", "a disabled channel was posted to");
            byService.insert(m.service, m.payload);
        }
        QCOMPARE(byService.value("discord").value("content").toString(),
                 QStringLiteral("**5 fills on KRW-BTC**\nbought 0.05"));
        QCOMPARE(byService.value("slack").value("text").toString(),
                 QStringLiteral("*5 fills on KRW-BTC*\nbought 0.05"));
        QCOMPARE(byService.value("telegram").value("chat_id").toString(), QStringLiteral("-100200300"));
        QCOMPARE(byService.value("telegram").value("text").toString(),
                 QStringLiteral("5 fills on KRW-BTC\nbought 0.05"));
        const QJsonObject json = byService.value("json");
        QCOMPARE(json.value("kind").toString(), QStringLiteral("fill"));
        QCOMPARE(json.value("title").toString(), QStringLiteral("5 fills on KRW-BTC"));
        QCOMPARE(json.value("body").toString(), QStringLiteral("bought 0.05"));
        QCOMPARE(json.value("time").toString(), QStringLiteral("2025-12-05T17:37:49.123Z"));
    }

    void retryAfterIsHonouredOn429() {
        FakeWebhookServer server;
        QVERIFY(server.listen());
        WebhookDispatcher dispatcher(fastOptions(server));
        dispatcher.setChannels({channel("slack-1", WebhookKind::Slack, server.slackUrl())});
        server.scriptStatus(429, {{"Retry-After", "1"}});
        // Discord also says how long in its body, in seconds with a fraction.
        server.scriptStatus(429, {},
                            R"({"message":"You are being rate limited.","retry_after":0.3,"global":false})");
        QSignalSpy delivered(&dispatcher, &WebhookDispatcher::delivered);
        dispatcher.post(sample());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, kWaitMs);
        const QList<qint64> times = server.requestTimesMs();
        QCOMPARE(times.size(), 3);
        QVERIFY2(times[1] - times[0] >= 990, qPrintable(QString::number(times[1] - times[0])));
        QVERIFY2(times[2] - times[1] >= 290, qPrintable(QString::number(times[2] - times[1])));
        QCOMPARE(server.messageCount(), 1);
    }

    void serverErrorsBackOffExponentially() {
        FakeWebhookServer server;
        QVERIFY(server.listen());
        WebhookOptions options = fastOptions(server);
        options.initialBackoffMs = 100;
        WebhookDispatcher dispatcher(options);
        dispatcher.setChannels({channel("json-1", WebhookKind::Json, server.jsonUrl())});
        server.scriptStatus(500);
        server.scriptStatus(503);
        server.scriptStatus(502);
        QSignalSpy delivered(&dispatcher, &WebhookDispatcher::delivered);
        QSignalSpy failed(&dispatcher, &WebhookDispatcher::failed);
        dispatcher.post(sample());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, kWaitMs);
        QCOMPARE(failed.count(), 0);
        const QList<qint64> t = server.requestTimesMs();
        QCOMPARE(t.size(), 4);
        QVERIFY2(t[1] - t[0] >= 95, qPrintable(QString::number(t[1] - t[0])));
        QVERIFY2(t[2] - t[1] >= 190, qPrintable(QString::number(t[2] - t[1])));
        QVERIFY2(t[3] - t[2] >= 380, qPrintable(QString::number(t[3] - t[2])));
    }

    void networkErrorsAreRetriedThenReported() {
        quint16 deadPort = 0;
        {
            QTcpServer probe; // a port nobody listens on once it is closed
            QVERIFY(probe.listen(QHostAddress::LocalHost));
            deadPort = probe.serverPort();
        }
        WebhookOptions options;
        options.minIntervalMs = 0;
        options.initialBackoffMs = 10;
        options.maxAttempts = 2;
        WebhookDispatcher dispatcher(options);
        dispatcher.setChannels({channel("json-1", WebhookKind::Json,
                                        QUrl(QStringLiteral("http://127.0.0.1:%1/hook/x").arg(deadPort)))});
        QSignalSpy failed(&dispatcher, &WebhookDispatcher::failed);
        dispatcher.post(sample());
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("network error")));
    }

    void givesUpAfterMaxAttemptsAndOnClientErrors() {
        FakeWebhookServer server;
        QVERIFY(server.listen());
        WebhookOptions options = fastOptions(server);
        options.initialBackoffMs = 10;
        options.maxAttempts = 3;
        WebhookDispatcher dispatcher(options);
        const WebhookChannel discord = channel("discord-1", WebhookKind::Discord, server.discordUrl());
        dispatcher.setChannels({discord});
        for (int i = 0; i < 3; ++i)
            server.scriptStatus(502);
        server.scriptStatus(404, {}, R"({"message":"Unknown Webhook","code":10015})");
        QSignalSpy delivered(&dispatcher, &WebhookDispatcher::delivered);
        QSignalSpy failed(&dispatcher, &WebhookDispatcher::failed);
        {
            QMutexLocker lock(&g_logMutex);
            g_log.clear();
        }
        dispatcher.post(sample("first"));
        dispatcher.post(sample("second"));
        dispatcher.post(sample("third"));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, kWaitMs);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(server.requestCount(), 5); // 3 tries of the first, 1 of the second, 1 of the third
        QCOMPARE(server.messages().at(0).payload.value("content").toString(),
                 QStringLiteral("**third**\nbought 0.05"));
        // Failures name the channel, never its secret URL, in the signal and in the log.
        const QString token = QStringLiteral("discordSecretToken0123456789");
        for (const auto& args : failed) {
            QCOMPARE(args.at(0).toString(), QStringLiteral("discord-1"));
            QVERIFY(args.at(1).toString().contains(discord.name));
            QVERIFY(!args.at(1).toString().contains(token));
        }
        QMutexLocker lock(&g_logMutex);
        QVERIFY(!g_log.isEmpty());
        for (const QString& line : std::as_const(g_log)) {
            QVERIFY2(!line.contains(token), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("/api/webhooks")), qPrintable(line));
        }
    }

    void postsArePacedPerChannel() {
        FakeWebhookServer server;
        QVERIFY(server.listen());
        WebhookOptions options = fastOptions(server);
        options.minIntervalMs = 150;
        WebhookDispatcher dispatcher(options);
        dispatcher.setChannels({channel("json-1", WebhookKind::Json, server.jsonUrl()),
                                channel("slack-1", WebhookKind::Slack, server.slackUrl())});
        QSignalSpy delivered(&dispatcher, &WebhookDispatcher::delivered);
        for (int i = 0; i < 3; ++i)
            dispatcher.post(sample(QString::number(i)));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 6, kWaitMs);
        QHash<QString, QList<qint64>> times;
        for (const auto& m : server.messages())
            times[m.service].append(m.atMs);
        for (const QString& service : {QStringLiteral("json"), QStringLiteral("slack")}) {
            const QList<qint64> t = times.value(service);
            QCOMPARE(t.size(), 3);
            for (int i = 1; i < 3; ++i)
                QVERIFY2(t[i] - t[i - 1] >= 140, qPrintable(QString::number(t[i] - t[i - 1])));
        }
        // In order, per channel.
        QStringList titles;
        for (const auto& m : server.messages())
            if (m.service == QLatin1String("json"))
                titles << m.payload.value("title").toString();
        QCOMPARE(titles, (QStringList{"0", "1", "2"}));
    }

    void queueIsBoundedAndPostNeverBlocks() {
        FakeWebhookServer server;
        QVERIFY(server.listen());
        WebhookOptions options = fastOptions(server);
        options.queueLimit = 3;
        options.minIntervalMs = 60'000; // after the first post, everything waits
        auto dispatcher = std::make_unique<WebhookDispatcher>(options);
        dispatcher->setChannels({channel("json-1", WebhookKind::Json, server.jsonUrl())});
        QSignalSpy delivered(dispatcher.get(), &WebhookDispatcher::delivered);
        QSignalSpy dropped(dispatcher.get(), &WebhookDispatcher::dropped);
        dispatcher->post(sample("first"));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 1, kWaitMs);
        QElapsedTimer posting;
        posting.start();
        for (int i = 0; i < 10; ++i)
            dispatcher->post(sample(QString::number(i)));
        QVERIFY(posting.elapsed() < 1000);
        auto droppedTotal = [&dropped] {
            int total = 0;
            for (const auto& args : dropped)
                total += args.at(1).toInt();
            return total;
        };
        QTRY_COMPARE_WITH_TIMEOUT(droppedTotal(), 7, kWaitMs);
        // Shutting down with messages waiting does not wait for them.
        QElapsedTimer closing;
        closing.start();
        dispatcher.reset();
        QVERIFY(closing.elapsed() < 2000);
        QCOMPARE(server.messageCount(), 1);
    }

    void maskedTargetsShowNoSecret() {
        WebhookChannel c = channel("discord-1", WebhookKind::Discord,
                                   QUrl("https://discord.com/api/webhooks/1234/abcdefSECRET"));
        QCOMPARE(maskedWebhookTarget(c), QStringLiteral("https://discord.com/…"));
        c.kind = WebhookKind::Telegram;
        c.secret = kTelegramToken;
        c.chatId = QStringLiteral("42");
        QVERIFY(!maskedWebhookTarget(c).contains(QStringLiteral("123456789")));
        QVERIFY(webhookChannelError(c).isEmpty());
        c.secret = QStringLiteral("not a token");
        QVERIFY(!webhookChannelError(c).isEmpty());
        WebhookChannel json = channel("json-1", WebhookKind::Json, QUrl("ftp://example.com/x"));
        QVERIFY(!webhookChannelError(json).isEmpty());
        json.secret = QStringLiteral("https://example.com/hook");
        QVERIFY(webhookChannelError(json).isEmpty());
    }

    void channelSecretsLiveInTheSecretStoreOnly() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString iniPath = dir.filePath("settings.ini");
        const QString secret =
            QStringLiteral("https://hooks.slack.com/services/T000/B000/slackSecret0123456789ab");
        auto store = std::make_shared<EncryptedFileSecretStore>(
            dir.filePath("keys.bin"), QStringLiteral("p1"), QStringLiteral("password"), ScryptParams::fast());
        {
            QSettings settings(iniPath, QSettings::IniFormat);
            WebhookChannelStore channels(settings, store);
            WebhookChannel c;
            c.kind = WebhookKind::Slack;
            c.id = channels.newId(c.kind);
            QCOMPARE(c.id, QStringLiteral("slack-1"));
            c.name = QStringLiteral("Desk");
            c.secret = secret;
            std::optional<bool> ok;
            channels.save(c, [&ok](bool success, const QString&) { ok = success; });
            QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), kWaitMs);
            QVERIFY(*ok);
            QCOMPARE(channels.newId(WebhookKind::Slack), QStringLiteral("slack-2"));
            // Renamed without re-entering the secret: the stored one stays.
            c.name = QStringLiteral("Desk 2");
            c.secret.clear();
            ok.reset();
            channels.save(c, [&ok](bool success, const QString&) { ok = success; });
            QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), kWaitMs);
            QVERIFY(*ok);
        }
        QFile ini(iniPath);
        QVERIFY(ini.open(QIODevice::ReadOnly));
        const QByteArray iniText = ini.readAll();
        QVERIFY(iniText.contains("Desk 2"));
        QVERIFY(!iniText.contains("slackSecret"));
        {
            QSettings settings(iniPath, QSettings::IniFormat);
            WebhookChannelStore channels(settings, store);
            std::optional<bool> ok;
            channels.load([&ok](bool success, const QString&) { ok = success; });
            QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), kWaitMs);
            QVERIFY(*ok);
            QCOMPARE(channels.channels().size(), 1);
            QCOMPARE(channels.channels().at(0).secret, secret);
            QCOMPARE(channels.channels().at(0).name, QStringLiteral("Desk 2"));
            ok.reset();
            channels.remove(QStringLiteral("slack-1"), [&ok](bool success, const QString&) { ok = success; });
            QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), kWaitMs);
            QVERIFY(channels.channels().isEmpty());
        }
    }

    void eachChannelGetsOnlyTheKindsItChose() {
        FakeWebhookServer server;
        QVERIFY(server.listen());
        WebhookDispatcher dispatcher(fastOptions(server));
        WebhookChannel alerts = channel("json-alerts", WebhookKind::Json, server.url("/hook/alerts"));
        alerts.kinds = {NotificationKind::PriceAlert};
        WebhookChannel everything = channel("json-all", WebhookKind::Json, server.url("/hook/all"));
        QVERIFY(everything.receives(NotificationKind::Fill) &&
                everything.receives(NotificationKind::PriceAlert));
        QVERIFY(!alerts.receives(NotificationKind::Fill));
        dispatcher.setChannels({alerts, everything});
        QSignalSpy delivered(&dispatcher, &WebhookDispatcher::delivered);
        dispatcher.post(sample()); // a fill: only the channel that takes everything
        Notification alert = sample(QStringLiteral("KRW-BTC rose to 50000000"));
        alert.kind = NotificationKind::PriceAlert;
        dispatcher.post(alert); // both
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 3, kWaitMs);
        QHash<QString, QStringList> kindsByPath;
        for (const auto& m : server.messages())
            kindsByPath[QString::fromUtf8(m.path)] << m.payload.value("kind").toString();
        QCOMPARE(kindsByPath.value("/hook/alerts"), QStringList{QStringLiteral("price_alert")});
        QCOMPARE(kindsByPath.value("/hook/all").size(), 2);
        // The test message reaches a channel whatever it chose.
        dispatcher.postTo(QStringLiteral("json-alerts"), sample());
        QTRY_COMPARE_WITH_TIMEOUT(delivered.count(), 4, kWaitMs);
    }

    void theChosenKindsAreSavedWithTheChannel() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString iniPath = dir.filePath("settings.ini");
        auto store = std::make_shared<EncryptedFileSecretStore>(
            dir.filePath("keys.bin"), QStringLiteral("p1"), QStringLiteral("password"), ScryptParams::fast());
        {
            QSettings settings(iniPath, QSettings::IniFormat);
            WebhookChannelStore channels(settings, store);
            WebhookChannel picky =
                channel("discord-1", WebhookKind::Discord, QUrl("https://discord.com/api/webhooks/1/abc"));
            picky.kinds = {NotificationKind::PriceAlert, NotificationKind::EmergencyStop};
            WebhookChannel all =
                channel("slack-1", WebhookKind::Slack, QUrl("https://hooks.slack.com/services/T/B/x"));
            std::optional<bool> ok;
            channels.save(picky, [&ok](bool success, const QString&) { ok = success; });
            QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), kWaitMs);
            QVERIFY(*ok);
            ok.reset();
            channels.save(all, [&ok](bool success, const QString&) { ok = success; });
            QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), kWaitMs);
            QVERIFY(*ok);
        }
        {
            QSettings settings(iniPath, QSettings::IniFormat);
            QCOMPARE(settings.value("notifications/webhooks/discord-1/kinds").toStringList(),
                     (QStringList{QStringLiteral("price_alert"), QStringLiteral("emergency_stop")}));
            QVERIFY(!settings.contains("notifications/webhooks/slack-1/kinds")); // every kind
            WebhookChannelStore channels(settings, store);
            std::optional<bool> ok;
            channels.load([&ok](bool success, const QString&) { ok = success; });
            QTRY_VERIFY_WITH_TIMEOUT(ok.has_value(), kWaitMs);
            QVERIFY(*ok);
            QCOMPARE(channels.channels().size(), 2);
            for (const WebhookChannel& c : channels.channels()) {
                if (c.id == QLatin1String("discord-1"))
                    QVERIFY((c.kinds == QList<NotificationKind>{NotificationKind::PriceAlert,
                                                                NotificationKind::EmergencyStop}));
                else
                    QVERIFY(c.kinds.isEmpty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWebhooks)
#include "tst_webhooks.moc"
