#pragma once

#include <QHash>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QPushButton;
class QSettings;
class QTableWidget;

namespace hoga {

class MessageLabel;
class NotificationCenter;
class WebhookChannelStore;
class WebhookDispatcher;

// Which notifications the trader wants (one check box per kind, saved to `settings` at once) and the
// webhook channels they go to: name, service, the target masked to its host, on or off, the kinds it sends;
// add, edit, remove and send a test message. Object names: notify_<kind name> (check boxes), webhookChannels
// (the table), addWebhookButton, editWebhookButton, removeWebhookButton, testWebhookButton, webhookMessage.
class NotificationSettingsWidget : public QWidget {
    Q_OBJECT
public:
    // `settings` must outlive the widget. `channels` and `dispatcher` may be null (no webhook section
    // actions / no test button).
    NotificationSettingsWidget(NotificationCenter* center, QSettings* settings, WebhookChannelStore* channels,
                               WebhookDispatcher* dispatcher = nullptr, QWidget* parent = nullptr);

    QCheckBox* kindBox(const QString& kindName) const { return m_boxes.value(kindName); }
    QTableWidget* channelTable() const { return m_table; }

private:
    void reloadChannels();
    void editChannel(bool isNew);
    void removeChannel();
    void sendTest();
    void updateButtons();
    QString selectedChannelId() const;

    QPointer<NotificationCenter> m_center;
    QSettings* m_settings;
    QPointer<WebhookChannelStore> m_channels;
    QPointer<WebhookDispatcher> m_dispatcher;
    QHash<QString, QCheckBox*> m_boxes;
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_test = nullptr;
    MessageLabel* m_message = nullptr;
    QString m_testChannel; // the channel a test message went to, until it answered
};

} // namespace hoga
