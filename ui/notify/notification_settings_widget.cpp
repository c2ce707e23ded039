#include "notification_settings_widget.h"

#include "webhook_channel_dialog.h"

#include "common/message_label.h"
#include "notify/notification_center.h"
#include "notify/webhooks/webhook_channel_store.h"
#include "notify/webhooks/webhook_dispatcher.h"

#include <QCheckBox>
#include <QDateTime>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSettings>
#include <QTableWidget>
#include <QVBoxLayout>

#include <utility>

namespace hoga {

NotificationSettingsWidget::NotificationSettingsWidget(NotificationCenter* center, QSettings* settings,
                                                       WebhookChannelStore* channels,
                                                       WebhookDispatcher* dispatcher, QWidget* parent)
    : QWidget(parent)
    , m_center(center)
    , m_settings(settings)
    , m_channels(channels)
    , m_dispatcher(dispatcher) {
    auto* kinds = new QGroupBox(tr("Notify me about"), this);
    auto* kindsLayout = new QVBoxLayout(kinds);
    for (NotificationKind kind : allNotificationKinds()) {
        auto* box = new QCheckBox(notificationKindLabel(kind), kinds);
        const QString name = notificationKindName(kind);
        box->setObjectName(QStringLiteral("notify_") + name);
        box->setChecked(center->isEnabled(kind));
        connect(box, &QCheckBox::toggled, this, [this, kind](bool on) {
            if (!m_center)
                return;
            m_center->setEnabled(kind, on);
            if (m_settings)
                m_center->saveSettings(*m_settings);
        });
        kindsLayout->addWidget(box);
        m_boxes.insert(name, box);
    }

    auto* hooks = new QGroupBox(tr("Webhooks"), this);
    m_table = new QTableWidget(0, 5, hooks);
    m_table->setObjectName(QStringLiteral("webhookChannels"));
    m_table->setHorizontalHeaderLabels(
        {tr("Name"), tr("Service"), tr("Sends to"), tr("On"), tr("Notifications")});
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_add = new QPushButton(tr("Add…"), hooks);
    m_add->setObjectName(QStringLiteral("addWebhookButton"));
    m_edit = new QPushButton(tr("Edit…"), hooks);
    m_edit->setObjectName(QStringLiteral("editWebhookButton"));
    m_remove = new QPushButton(tr("Remove"), hooks);
    m_remove->setObjectName(QStringLiteral("removeWebhookButton"));
    m_test = new QPushButton(tr("Send a test message"), hooks);
    m_test->setObjectName(QStringLiteral("testWebhookButton"));
    m_test->setVisible(dispatcher != nullptr);
    m_message = new MessageLabel(2, hooks);
    m_message->setObjectName(QStringLiteral("webhookMessage"));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_edit);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_test);
    buttons->addStretch(1);
    auto* hooksLayout = new QVBoxLayout(hooks);
    hooksLayout->addWidget(m_table, 1);
    hooksLayout->addWidget(m_message);
    hooksLayout->addLayout(buttons);
    hooks->setEnabled(channels != nullptr);
    if (!channels) // say why the section is grey
        hooks->setToolTip(
            tr("Webhooks keep their addresses in the profile's key store, which is not available "
               "for this profile."));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(kinds);
    layout->addWidget(hooks, 1);

    connect(m_add, &QPushButton::clicked, this, [this] { editChannel(true); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editChannel(false); });
    connect(m_remove, &QPushButton::clicked, this, &NotificationSettingsWidget::removeChannel);
    connect(m_test, &QPushButton::clicked, this, &NotificationSettingsWidget::sendTest);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &NotificationSettingsWidget::updateButtons);
    if (channels)
        connect(channels, &WebhookChannelStore::channelsChanged, this,
                &NotificationSettingsWidget::reloadChannels);
    if (dispatcher) {
        // Only the outcome of this widget's own test message is news here.
        connect(dispatcher, &WebhookDispatcher::delivered, this,
                [this](const QString& channelId, NotificationKind) {
                    if (channelId == std::exchange(m_testChannel, QString()))
                        m_message->setMessage(tr("Test message delivered."));
                });
        connect(dispatcher, &WebhookDispatcher::failed, this,
                [this](const QString& channelId, const QString& message) {
                    if (channelId == std::exchange(m_testChannel, QString()))
                        m_message->setMessage(message);
                });
    }
    reloadChannels();
}

void NotificationSettingsWidget::reloadChannels() {
    const QString selected = selectedChannelId();
    m_table->setRowCount(0);
    if (!m_channels) {
        updateButtons();
        return;
    }
    const QList<WebhookChannel> channels = m_channels->channels();
    m_table->setRowCount(int(channels.size()));
    for (int row = 0; row < channels.size(); ++row) {
        const WebhookChannel& c = channels.at(row);
        auto* name = new QTableWidgetItem(c.name);
        name->setData(Qt::UserRole, c.id);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(webhookKindLabel(c.kind)));
        // Masked: the host only, never the token or path.
        m_table->setItem(row, 2, new QTableWidgetItem(maskedWebhookTarget(c)));
        m_table->setItem(row, 3, new QTableWidgetItem(c.enabled ? tr("Yes") : tr("No")));
        QStringList kinds;
        for (NotificationKind kind : c.kinds)
            kinds << notificationKindLabel(kind);
        auto* sends = new QTableWidgetItem(kinds.isEmpty() ? tr("All") : kinds.join(QStringLiteral(", ")));
        sends->setToolTip(sends->text());
        m_table->setItem(row, 4, sends);
        if (c.id == selected)
            m_table->selectRow(row);
    }
    updateButtons();
}

QString NotificationSettingsWidget::selectedChannelId() const {
    const QList<QTableWidgetItem*> items = m_table->selectedItems();
    for (QTableWidgetItem* item : items)
        if (item->column() == 0)
            return item->data(Qt::UserRole).toString();
    return {};
}

void NotificationSettingsWidget::updateButtons() {
    const bool any = !selectedChannelId().isEmpty();
    m_edit->setEnabled(any);
    m_remove->setEnabled(any);
    m_test->setEnabled(any);
}

void NotificationSettingsWidget::editChannel(bool isNew) {
    if (!m_channels)
        return;
    std::optional<WebhookChannel> existing;
    if (!isNew) {
        const QString id = selectedChannelId();
        for (const WebhookChannel& c : m_channels->channels())
            if (c.id == id)
                existing = c;
        if (!existing)
            return;
    }
    auto* dialog = new WebhookChannelDialog(existing ? &*existing : nullptr, this);
    dialog->setObjectName(QStringLiteral("webhookDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, isNew] {
        if (!m_channels)
            return;
        WebhookChannel c = dialog->channel();
        if (isNew)
            c.id = m_channels->newId(c.kind);
        m_message->setMessage(tr("Saving…"));
        QPointer<NotificationSettingsWidget> self(this);
        m_channels->save(c, [self](bool ok, const QString& error) {
            if (self)
                self->m_message->setMessage(ok ? QString() : error);
        });
    });
    dialog->open();
}

void NotificationSettingsWidget::removeChannel() {
    const QString id = selectedChannelId();
    if (id.isEmpty() || !m_channels)
        return;
    QPointer<NotificationSettingsWidget> self(this);
    m_channels->remove(id, [self](bool ok, const QString& error) {
        if (self)
            self->m_message->setMessage(ok ? QString() : error);
    });
}

void NotificationSettingsWidget::sendTest() {
    const QString id = selectedChannelId();
    if (id.isEmpty() || !m_dispatcher)
        return;
    Notification n{NotificationKind::PriceAlert, tr("Hoga test message"),
                   tr("If you can read this, Hoga's notifications reach this channel."),
                   QDateTime::currentMSecsSinceEpoch(), 1};
    m_message->setMessage(tr("Sending…"));
    m_testChannel = id;
    m_dispatcher->postTo(id, n);
}

} // namespace hoga
