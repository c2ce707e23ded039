#include "webhook_channel_dialog.h"

#include "common/message_label.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace hoga {

WebhookChannelDialog::WebhookChannelDialog(const WebhookChannel* existing, QWidget* parent)
    : QDialog(parent)
    , m_editing(existing != nullptr) {
    if (existing) {
        m_base = *existing;
        m_base.secret.clear();
    }
    setWindowTitle(m_editing ? tr("Edit webhook") : tr("New webhook"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("webhookKind"));
    for (WebhookKind kind : allWebhookKinds())
        m_kind->addItem(webhookKindLabel(kind), int(kind));
    m_kind->setCurrentIndex(m_kind->findData(int(m_base.kind)));
    m_kind->setEnabled(!m_editing); // the id names the service; a new service is a new channel

    m_name = new QLineEdit(m_base.name, this);
    m_name->setObjectName(QStringLiteral("webhookName"));
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("webhookSecret"));
    m_secret->setEchoMode(QLineEdit::Password); // a secret: never shown on screen
    m_secretLabel = new QLabel(this);
    m_chatId = new QLineEdit(m_base.chatId, this);
    m_chatId->setObjectName(QStringLiteral("webhookChatId"));
    m_enabled = new QCheckBox(tr("Send notifications to this channel"), this);
    m_enabled->setObjectName(QStringLiteral("webhookEnabled"));
    m_enabled->setChecked(m_base.enabled);
    m_message = new MessageLabel(2, this);
    m_message->setObjectName(QStringLiteral("webhookError"));

    // A channel may take only some news, e.g. price alerts to one chat and fills to another.
    auto* sends = new QGroupBox(tr("Sends"), this);
    auto* sendsLayout = new QGridLayout(sends);
    const QList<NotificationKind> kinds = allNotificationKinds();
    for (int i = 0; i < kinds.size(); ++i) {
        const NotificationKind kind = kinds.at(i);
        auto* box = new QCheckBox(notificationKindLabel(kind), sends);
        box->setObjectName(QStringLiteral("webhookSends_") + notificationKindName(kind));
        box->setChecked(m_base.receives(kind));
        sendsLayout->addWidget(box, i / 2, i % 2);
        m_sends.insert(kind, box);
        connect(box, &QCheckBox::toggled, this, &WebhookChannelDialog::validate);
    }

    auto* form = new QFormLayout;
    form->addRow(tr("Service"), m_kind);
    form->addRow(tr("Name"), m_name);
    form->addRow(m_secretLabel, m_secret);
    form->addRow(tr("Chat id"), m_chatId);
    form->addRow(QString(), m_enabled);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Save);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_ok->isEnabled())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(sends);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &WebhookChannelDialog::kindChanged);
    connect(m_name, &QLineEdit::textChanged, this, &WebhookChannelDialog::validate);
    connect(m_secret, &QLineEdit::textChanged, this, &WebhookChannelDialog::validate);
    connect(m_chatId, &QLineEdit::textChanged, this, &WebhookChannelDialog::validate);
    kindChanged();
}

WebhookChannel WebhookChannelDialog::channel() const {
    WebhookChannel c = m_base;
    c.kind = WebhookKind(m_kind->currentData().toInt());
    c.name = m_name->text().trimmed();
    c.secret = m_secret->text().trimmed();
    c.chatId = c.kind == WebhookKind::Telegram ? m_chatId->text().trimmed() : QString();
    c.enabled = m_enabled->isChecked();
    c.kinds.clear();
    for (NotificationKind kind : allNotificationKinds())
        if (m_sends.value(kind)->isChecked())
            c.kinds.append(kind);
    if (c.kinds.size() == allNotificationKinds().size())
        c.kinds.clear(); // every kind, including kinds added later
    return c;
}

void WebhookChannelDialog::kindChanged() {
    const bool telegram = WebhookKind(m_kind->currentData().toInt()) == WebhookKind::Telegram;
    m_secretLabel->setText(telegram ? tr("Bot token") : tr("Webhook URL"));
    m_chatId->setEnabled(telegram);
    const QString kept = tr("(saved; leave empty to keep it)");
    m_secret->setPlaceholderText(m_editing ? kept : telegram ? tr("123456789:AA…") : tr("https://…"));
    validate();
}

void WebhookChannelDialog::validate() {
    WebhookChannel c = channel();
    QString error;
    if (m_editing && c.secret.isEmpty()) {
        // The stored secret stays: check the rest with a stand-in that passes the secret checks.
        c.secret = c.kind == WebhookKind::Telegram ? QStringLiteral("1:kept")
                                                   : QStringLiteral("https://kept.invalid/");
    }
    const bool sendsNothing =
        std::none_of(m_sends.cbegin(), m_sends.cend(), [](const QCheckBox* box) { return box->isChecked(); });
    if (c.secret.isEmpty())
        error = c.kind == WebhookKind::Telegram ? tr("Enter the bot token.") : tr("Enter the webhook URL.");
    else if (sendsNothing)
        error = tr("Choose at least one kind of notification to send.");
    else
        error = webhookChannelError(c);
    m_ok->setEnabled(error.isEmpty());
    m_message->setMessage(error);
}

} // namespace hoga
