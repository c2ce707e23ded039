#include "venue_keys_dialog.h"

#include "venue_key_tester.h"

#include "security/api_key_ring.h"
#include "security/credentials_bridge.h"
#include "theme/terminal_theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hoga {

namespace {
enum Column { VenueColumn, KeyColumn, ColumnCount };
constexpr int kVenueRole = Qt::UserRole + 1;
} // namespace

QString VenueKeysDialog::venueDisplayName(const QString& venue) {
    if (venue == QLatin1String("upbit"))
        return tr("Upbit");
    if (venue == QLatin1String("bithumb"))
        return tr("Bithumb");
    return venue;
}

VenueKeysDialog::VenueKeysDialog(ApiKeyRing& ring, Options options, QWidget* parent)
    : QDialog(parent)
    , m_ring(ring)
    , m_options(std::move(options)) {
    if (m_options.venues.isEmpty()) {
        m_options.venues = knownVenues();
        m_options.venues.removeAll(QStringLiteral("sim"));
    }
    m_tester = new VenueKeyTester(this);
    setObjectName(QStringLiteral("venueKeysDialog"));
    setWindowTitle(tr("Venues and keys"));
    setMinimumWidth(520);

    auto* title = new QLabel(tr("Venues and keys"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto* intro = new QLabel(tr("API keys let Hoga read your balances and place orders. They are stored for "
                                "this profile only. Create keys on the venue's website and allow this "
                                "computer's IP address."));
    intro->setWordWrap(true);
    intro->setProperty("role", QStringLiteral("caption"));

    m_notice = new QLabel(tr("No system keychain found; keys are kept in an encrypted file protected by your "
                             "profile password."));
    m_notice->setObjectName(QStringLiteral("storageNotice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("QLabel { background: #3a2a06; color: #f5d08a; border: 1px solid "
                                           "#6b4e10; border-radius: 3px; padding: 6px 8px; }"));
    m_notice->setVisible(m_options.storedInEncryptedFile);

    m_table = new QTableWidget(int(m_options.venues.size()), ColumnCount);
    m_table->setObjectName(QStringLiteral("venueTable"));
    m_table->setHorizontalHeaderLabels({tr("Venue"), tr("API key")});
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setColumnWidth(VenueColumn, 160);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    for (int row = 0; row < m_options.venues.size(); ++row) {
        auto* venueItem = new QTableWidgetItem(venueDisplayName(m_options.venues[row]));
        venueItem->setData(kVenueRole, m_options.venues[row]);
        m_table->setItem(row, VenueColumn, venueItem);
        m_table->setItem(row, KeyColumn, new QTableWidgetItem(tr("Loading…")));
    }
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            m_table->verticalHeader()->defaultSectionSize() * int(m_options.venues.size()) +
                            4);
    if (!m_options.venues.isEmpty())
        m_table->selectRow(0);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        closeEditor();
        m_removeConfirm->hide();
        setMessage({}, false);
        updateButtons();
    });

    m_addButton = new QPushButton(tr("Add key…"));
    m_addButton->setObjectName(QStringLiteral("addKeyButton"));
    m_testButton = new QPushButton(tr("Test"));
    m_testButton->setObjectName(QStringLiteral("testKeyButton"));
    m_removeButton = new QPushButton(tr("Remove"));
    m_removeButton->setObjectName(QStringLiteral("removeKeyButton"));
    for (QPushButton* b : {m_addButton, m_testButton, m_removeButton})
        b->setAutoDefault(false);
    connect(m_addButton, &QPushButton::clicked, this, &VenueKeysDialog::openEditor);
    connect(m_testButton, &QPushButton::clicked, this, &VenueKeysDialog::testKey);
    connect(m_removeButton, &QPushButton::clicked, this, [this] {
        closeEditor();
        m_removeText->setText(tr("Remove the %1 API key from this profile? Hoga can then no longer read "
                                 "balances or trade there. The key itself stays valid at the venue.")
                                  .arg(venueDisplayName(selectedVenue())));
        m_removeConfirm->show();
    });
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_addButton);
    actions->addWidget(m_testButton);
    actions->addWidget(m_removeButton);
    actions->addStretch();

    // Add / Replace form.
    m_editor = new QWidget;
    m_editor->setObjectName(QStringLiteral("keyEditor"));
    m_editorTitle = new QLabel;
    m_editorTitle->setObjectName(QStringLiteral("sectionTitle"));
    m_accessEdit = new QLineEdit;
    m_accessEdit->setObjectName(QStringLiteral("accessKeyEdit"));
    m_accessEdit->setPlaceholderText(tr("Access key"));
    m_secretEdit = new QLineEdit;
    m_secretEdit->setObjectName(QStringLiteral("secretKeyEdit"));
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setPlaceholderText(tr("Secret key"));
    auto* save = new QPushButton(tr("Save key"));
    save->setObjectName(QStringLiteral("saveKeyButton"));
    save->setStyleSheet(theme::filledButtonStyle(theme::accent()));
    auto* cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("cancelKeyButton"));
    cancel->setAutoDefault(false);
    connect(save, &QPushButton::clicked, this, &VenueKeysDialog::saveKey);
    connect(m_secretEdit, &QLineEdit::returnPressed, this, &VenueKeysDialog::saveKey);
    connect(cancel, &QPushButton::clicked, this, &VenueKeysDialog::closeEditor);
    auto* form = new QFormLayout;
    form->addRow(tr("Access key"), m_accessEdit);
    form->addRow(tr("Secret key"), m_secretEdit);
    auto* editorButtons = new QHBoxLayout;
    editorButtons->addStretch();
    editorButtons->addWidget(cancel);
    editorButtons->addWidget(save);
    auto* editorLayout = new QVBoxLayout(m_editor);
    editorLayout->setContentsMargins(0, 6, 0, 0);
    editorLayout->addWidget(m_editorTitle);
    editorLayout->addLayout(form);
    editorLayout->addLayout(editorButtons);
    m_editor->hide();

    // Remove confirmation.
    m_removeConfirm = new QWidget;
    m_removeConfirm->setObjectName(QStringLiteral("removeConfirm"));
    m_removeText = new QLabel;
    m_removeText->setWordWrap(true);
    auto* confirmRemove = new QPushButton(tr("Remove key"));
    confirmRemove->setObjectName(QStringLiteral("confirmRemoveButton"));
    confirmRemove->setStyleSheet(theme::filledButtonStyle(QColor(0xb9, 0x3a, 0x3a)));
    auto* cancelRemove = new QPushButton(tr("Keep key"));
    cancelRemove->setObjectName(QStringLiteral("cancelRemoveButton"));
    cancelRemove->setAutoDefault(false);
    connect(confirmRemove, &QPushButton::clicked, this, &VenueKeysDialog::removeKey);
    connect(cancelRemove, &QPushButton::clicked, m_removeConfirm, &QWidget::hide);
    auto* removeButtons = new QHBoxLayout;
    removeButtons->addStretch();
    removeButtons->addWidget(cancelRemove);
    removeButtons->addWidget(confirmRemove);
    auto* removeLayout = new QVBoxLayout(m_removeConfirm);
    removeLayout->setContentsMargins(0, 6, 0, 0);
    removeLayout->addWidget(m_removeText);
    removeLayout->addLayout(removeButtons);
    m_removeConfirm->hide();

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("keyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto* close = new QDialogButtonBox(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButtons"));
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_notice);
    layout->addSpacing(4);
    layout->addWidget(m_table);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(m_editor);
    layout->addWidget(m_removeConfirm);
    layout->addStretch();
    layout->addWidget(close);

    updateButtons();
    reloadKeys();
}

void VenueKeysDialog::reloadKeys() {
    setBusy(true);
    struct Pending {
        int left = 0;
        QHash<QString, QString> masked;
        QStringList problems;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(m_options.venues.size());
    for (const QString& venue : std::as_const(m_options.venues)) {
        m_ring.key(venue, this, [this, venue, pending](SecretResult status, ApiKeyPair key) {
            if (status.ok() && !key.isEmpty())
                pending->masked.insert(venue, key.maskedAccessKey());
            else if (status.status != SecretStatus::NotFound)
                pending->problems << tr("%1: %2").arg(venueDisplayName(venue), status.message);
            key.wipe();
            if (--pending->left > 0)
                return;
            m_masked = pending->masked;
            m_loaded = true;
            setBusy(false);
            refreshTable();
            if (!pending->problems.isEmpty())
                setMessage(
                    tr("Some keys could not be read. %1").arg(pending->problems.join(QLatin1Char(' '))),
                    true);
            emit keysLoaded();
        });
    }
    if (m_options.venues.isEmpty()) {
        m_loaded = true;
        setBusy(false);
    }
}

void VenueKeysDialog::refreshTable() {
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString venue = m_table->item(row, VenueColumn)->data(kVenueRole).toString();
        QTableWidgetItem* item = m_table->item(row, KeyColumn);
        const QString masked = m_masked.value(venue);
        item->setText(masked.isEmpty() ? tr("No key") : masked);
        item->setFont(masked.isEmpty() ? font() : theme::numberFont());
        item->setForeground(masked.isEmpty() ? theme::dimText() : theme::text());
    }
    updateButtons();
}

QString VenueKeysDialog::selectedVenue() const {
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    return selected.isEmpty()
               ? QString()
               : m_table->item(selected.first()->row(), VenueColumn)->data(kVenueRole).toString();
}

void VenueKeysDialog::updateButtons() {
    const QString venue = selectedVenue();
    const bool hasKey = m_masked.contains(venue);
    const bool ready = !m_busy && m_loaded && !venue.isEmpty();
    m_addButton->setText(hasKey ? tr("Replace key…") : tr("Add key…"));
    m_addButton->setEnabled(ready);
    m_testButton->setEnabled(ready && hasKey);
    m_removeButton->setEnabled(ready && hasKey);
    m_editor->setEnabled(!m_busy);
    m_removeConfirm->setEnabled(!m_busy);
}

void VenueKeysDialog::setBusy(bool busy) {
    if (m_busy == busy)
        return;
    m_busy = busy;
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    updateButtons();
    emit busyChanged(busy);
}

void VenueKeysDialog::setMessage(const QString& text, bool isError) {
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    theme::setTextColor(m_message, isError ? theme::error() : theme::success());
}

void VenueKeysDialog::openEditor() {
    const QString venue = selectedVenue();
    if (venue.isEmpty())
        return;
    m_removeConfirm->hide();
    m_editorTitle->setText(m_masked.contains(venue) ? tr("Replace the %1 key").arg(venueDisplayName(venue))
                                                    : tr("Add a %1 key").arg(venueDisplayName(venue)));
    m_accessEdit->clear();
    m_secretEdit->clear();
    m_editor->show();
    m_accessEdit->setFocus();
}

void VenueKeysDialog::closeEditor() {
    m_accessEdit->clear();
    m_secretEdit->clear();
    m_secretEdit->setText({}); // drops the undo entry holding the secret
    m_editor->hide();
}

void VenueKeysDialog::saveKey() {
    const QString venue = selectedVenue();
    if (m_busy || venue.isEmpty())
        return;
    const QString access = m_accessEdit->text().trimmed();
    const QString secretText = m_secretEdit->text().trimmed();
    if (access.isEmpty() || secretText.isEmpty()) {
        setMessage(access.isEmpty() ? tr("Enter the access key.") : tr("Enter the secret key."), true);
        (access.isEmpty() ? m_accessEdit : m_secretEdit)->setFocus();
        return;
    }
    ApiKeyPair pair(access, secretText.toUtf8());
    closeEditor();
    setBusy(true);
    setMessage(tr("Saving the key…"), false);
    m_ring.setKey(venue, pair, this, [this, venue, masked = pair.maskedAccessKey()](SecretResult result) {
        setBusy(false);
        if (!result.ok()) {
            setMessage(tr("The key was not saved. %1").arg(result.message), true);
            return;
        }
        m_masked.insert(venue, masked);
        refreshTable();
        setMessage(
            tr("%1 key saved. Use Test to check that the venue accepts it.").arg(venueDisplayName(venue)),
            false);
        emit keyChanged(venue);
    });
    pair.wipe();
}

void VenueKeysDialog::testKey() {
    const QString venue = selectedVenue();
    if (m_busy || venue.isEmpty())
        return;
    setBusy(true);
    setMessage(tr("Asking %1 for the balances…").arg(venueDisplayName(venue)), false);
    m_ring.key(venue, this, [this, venue](SecretResult status, ApiKeyPair key) {
        if (!status.ok()) {
            setBusy(false);
            setMessage(tr("The key could not be read. %1").arg(status.message), true);
            return;
        }
        Credentials credentials;
        moveIntoCredentials(key, credentials);
        m_tester->test(venue, m_options.endpoints.value(venue), credentials,
                       [this, venue](VenueKeyTester::Outcome outcome) {
                           setBusy(false);
                           setMessage(outcome.message, !outcome.works);
                           emit testFinished(venue, outcome.works, outcome.message);
                       });
    });
}

void VenueKeysDialog::removeKey() {
    const QString venue = selectedVenue();
    if (m_busy || venue.isEmpty())
        return;
    m_removeConfirm->hide();
    setBusy(true);
    m_ring.removeKey(venue, this, [this, venue](SecretResult result) {
        setBusy(false);
        if (!result.ok()) {
            setMessage(tr("The key was not removed. %1").arg(result.message), true);
            return;
        }
        m_masked.remove(venue);
        refreshTable();
        setMessage(tr("%1 key removed from this profile.").arg(venueDisplayName(venue)), false);
        emit keyChanged(venue);
    });
}

} // namespace hoga
