#pragma once

#include "notify/webhooks/webhook_channel.h"

#include <QDialog>
#include <QMap>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace hoga {

class MessageLabel;

// Adds or edits one webhook channel: service, name, the URL (or Telegram bot token and chat id) and
// whether it is on. The secret field never shows a stored secret: editing leaves it empty and "empty"
// keeps the stored one. Which kinds of notification the channel receives: one check box each, all on for a
// new channel. Checked as the trader types. Object names: webhookKind, webhookName, webhookSecret,
// webhookChatId, webhookEnabled, webhookSends_<kind name> (check boxes), webhookError.
class WebhookChannelDialog : public QDialog {
    Q_OBJECT
public:
    // `existing`: the channel being edited (its secret is not shown), or null for a new channel.
    explicit WebhookChannelDialog(const WebhookChannel* existing, QWidget* parent = nullptr);

    // The channel as entered; secret empty = keep the stored one (editing only).
    WebhookChannel channel() const;
    QPushButton* okButton() const { return m_ok; }

private:
    void validate();
    void kindChanged();

    bool m_editing = false;
    WebhookChannel m_base;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_name = nullptr;
    QLabel* m_secretLabel = nullptr;
    QLineEdit* m_secret = nullptr;
    QLineEdit* m_chatId = nullptr;
    QCheckBox* m_enabled = nullptr;
    QMap<NotificationKind, QCheckBox*> m_sends;
    MessageLabel* m_message = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace hoga
