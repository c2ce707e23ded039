#include "notify/notification_center.h"
#include "notify/notification_settings_widget.h"
#include "notify/webhook_channel_dialog.h"
#include "notify/webhooks/webhook_channel_store.h"
#include "notify/webhooks/webhook_dispatcher.h"
#include "notify/webhooks/webhook_wiring.h"
#include "security/encrypted_file_secret_store.h"
#include "support/fake_webhook_server/fake_webhook_server.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace hoga;

class TestNotificationSettingsWidget : public QObject {
    Q_OBJECT

private slots:
    void aChannelChoosesWhatItSends() {
        // New: every kind on, which saves as "every kind" (kinds added later included).
        WebhookChannelDialog fresh(nullptr);
        fresh.findChild<QLineEdit*>(QStringLiteral("webhookName"))->setText(QStringLiteral("Desk"));
        fresh.findChild<QLineEdit*>(QStringLiteral("webhookSecret"))
            ->setText(QStringLiteral("https://example.com/h"));
        QVERIFY(fresh.okButton()->isEnabled());
        for (NotificationKind kind : allNotificationKinds()) {
            auto* box =
                fresh.findChild<QCheckBox*>(QStringLiteral("webhookSends_") + notificationKindName(kind));
            QVERIFY(box);
            QVERIFY(box->isChecked());
        }
        QVERIFY(fresh.channel().kinds.isEmpty());
        // Only price alerts and the emergency stop.
        for (NotificationKind kind : allNotificationKinds())
            fresh.findChild<QCheckBox*>(QStringLiteral("webhookSends_") + notificationKindName(kind))
                ->setChecked(kind == NotificationKind::PriceAlert || kind == NotificationKind::EmergencyStop);
        QVERIFY(fresh.okButton()->isEnabled());
        QVERIFY((fresh.channel().kinds ==
                 QList<NotificationKind>{NotificationKind::EmergencyStop, NotificationKind::PriceAlert}));
        // Nothing at all is refused, with the reason.
        fresh.findChild<QCheckBox*>(QStringLiteral("webhookSends_price_alert"))->setChecked(false);
        fresh.findChild<QCheckBox*>(QStringLiteral("webhookSends_emergency_stop"))->setChecked(false);
        QVERIFY(!fresh.okButton()->isEnabled());

        // Editing shows what the channel chose.
        WebhookChannel existing;
        existing.id = QStringLiteral("slack-1");
        existing.kind = WebhookKind::Slack;
        existing.name = QStringLiteral("Alerts");
        existing.kinds = {NotificationKind::PriceAlert};
        WebhookChannelDialog edit(&existing);
        QVERIFY(edit.findChild<QCheckBox*>(QStringLiteral("webhookSends_price_alert"))->isChecked());
        QVERIFY(!edit.findChild<QCheckBox*>(QStringLiteral("webhookSends_fill"))->isChecked());
        QVERIFY((edit.channel().kinds == QList<NotificationKind>{NotificationKind::PriceAlert}));
    }

    void kindsAndChannels() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QSettings settings(dir.filePath("settings.ini"), QSettings::IniFormat);
        ManualClock clock;
        NotificationCenter center(clock);
        auto secrets = std::make_shared<EncryptedFileSecretStore>(
            dir.filePath("keys.bin"), QStringLiteral("p1"), QStringLiteral("pw"), ScryptParams::fast());
        WebhookChannelStore channels(settings, secrets);
        test::FakeWebhookServer server;
        QVERIFY(server.listen());
        WebhookOptions options;
        options.minIntervalMs = 0;
        WebhookDispatcher dispatcher(options);
        wireWebhooks(center, channels, dispatcher);

        NotificationSettingsWidget widget(&center, &settings, &channels, &dispatcher);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));

        // A kind switched off is off in the center and in the settings.
        QCheckBox* fills = widget.findChild<QCheckBox*>(QStringLiteral("notify_fill"));
        QVERIFY(fills && fills->isChecked());
        fills->click();
        QVERIFY(!center.isEnabled(NotificationKind::Fill));
        QCOMPARE(settings.value("notifications/kinds/fill").toBool(), false);

        // Add a JSON channel through the dialog: the URL is typed into a password field.
        widget.findChild<QPushButton*>(QStringLiteral("addWebhookButton"))->click();
        WebhookChannelDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = widget.findChild<WebhookChannelDialog*>()) != nullptr);
        auto* kind = dialog->findChild<QComboBox*>(QStringLiteral("webhookKind"));
        kind->setCurrentIndex(kind->findData(int(WebhookKind::Json)));
        auto* secret = dialog->findChild<QLineEdit*>(QStringLiteral("webhookSecret"));
        QCOMPARE(secret->echoMode(), QLineEdit::Password);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("webhookName")), "Desk");
        QTest::keyClicks(secret, "not a url");
        QVERIFY(!dialog->okButton()->isEnabled());
        secret->setText(server.jsonUrl().toString());
        QVERIFY(dialog->okButton()->isEnabled());
        dialog->okButton()->click();

        auto* table = widget.findChild<QTableWidget*>(QStringLiteral("webhookChannels"));
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 10'000);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Desk"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("http://127.0.0.1/…")); // masked: host only
        QCOMPARE(table->item(0, 4)->text(), QStringLiteral("All")); // every kind of notification
        for (int column = 0; column < table->columnCount(); ++column)
            QVERIFY(!table->item(0, column)->text().contains(QStringLiteral("jsonSecret")));

        // A test message reaches it; center messages do too (wired), fills are off.
        table->selectRow(0);
        widget.findChild<QPushButton*>(QStringLiteral("testWebhookButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(server.messageCount(), 1, 10'000);
        auto* message = widget.findChild<QWidget*>(QStringLiteral("webhookMessage"));
        QTRY_COMPARE_WITH_TIMEOUT(message->property("text").toString(),
                                  QStringLiteral("Test message delivered."), 10'000);
        center.post(Notification{NotificationKind::OrderRejected, QStringLiteral("Order rejected on upbit"),
                                 QStringLiteral("too small"), 0, 1});
        center.post(
            Notification{NotificationKind::Fill, QStringLiteral("Bought"), QStringLiteral("x"), 0, 1});
        QTRY_COMPARE_WITH_TIMEOUT(server.messageCount(), 2, 10'000);
        QCOMPARE(server.messages().at(1).payload.value("kind").toString(), QStringLiteral("order_rejected"));
        QCOMPARE(server.violations(), QStringList());
    }
};

QTEST_MAIN(TestNotificationSettingsWidget)
#include "gui_tst_notification_settings_widget.moc"
