#include "venue_keys_dialog.h"

#include "venue_key_tester.h"

#include "security/api_key_ring.h"
#include "security/credentials_bridge.h"
#include "theme/terminal_theme.h"

#include <QComboBox>
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
enum Column { VenueColumn, KeyColumn, DetailsColumn, ColumnCount };
constexpr int kVenueRole = Qt::UserRole + 1;

// "account_type" -> "accountType"
QString camelCase(const QString& id) {
    QString out;
    bool upper = false;
    for (const QChar c : id) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}
} // namespace

QString VenueKeysDialog::venueDisplayName(const QString& venue) {
    return hoga::venueDisplayName(venue);
}

QString VenueKeysDialog::inputName(const CredentialField& field) {
    return camelCase(field.id) + (field.choices.isEmpty() ? QLatin1String("Edit") : QLatin1String("Combo"));
}

QString VenueKeysDialog::Input::value() const {
    return combo ? combo->currentData().toString() : edit->text().trimmed();
}

QWidget* VenueKeysDialog::Input::widget() const {
    return combo ? static_cast<QWidget*>(combo) : edit;
}

CredentialSchema VenueKeysDialog::schemaFor(const QString& venue) const {
    const auto it = m_options.schemas.constFind(venue);
    return it != m_options.schemas.constEnd() ? *it : credentialSchema(venue);
}

bool VenueKeysDialog::showsDetails() const {
    for (const QString& venue : m_options.venues)
        for (const CredentialField& field : schemaFor(venue).extraFields())
            if (!field.secret)
                return true;
    return false;
}

QString VenueKeysDialog::details(const QString& venue) const {
    const QHash<QString, QString> stored = m_extras.value(venue);
    QStringList parts;
    for (const CredentialField& field : schemaFor(venue).extraFields()) {
        const QString value = stored.value(field.id);
        if (field.secret || value.isEmpty())
            continue; // a secret is never shown again, whatever field holds it
        parts << tr("%1: %2").arg(field.displayLabel(),
                                  field.choices.isEmpty() ? value : field.choiceLabel(value));
    }
    return parts.join(QStringLiteral(" · "));
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
    setMinimumWidth(showsDetails() ? 680 : 520);

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
    m_table->setHorizontalHeaderLabels({tr("Venue"), tr("API key"), tr("Details")});
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setColumnWidth(VenueColumn, 160);
    m_table->setColumnWidth(KeyColumn, 160);
    // Only venues with extra fields (an account number ...) have details to show.
    m_table->setColumnHidden(DetailsColumn, !showsDetails());
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    for (int row = 0; row < m_options.venues.size(); ++row) {
        auto* venueItem = new QTableWidgetItem(venueDisplayName(m_options.venues[row]));
        venueItem->setData(kVenueRole, m_options.venues[row]);
        m_table->setItem(row, VenueColumn, venueItem);
        m_table->setItem(row, KeyColumn, new QTableWidgetItem(tr("Loading…")));
        m_table->setItem(row, DetailsColumn, new QTableWidgetItem);
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

    // Add / Replace form; its inputs follow the selected venue's schema (buildForm()).
    m_editor = new QWidget;
    m_editor->setObjectName(QStringLiteral("keyEditor"));
    m_editorTitle = new QLabel;
    m_editorTitle->setObjectName(QStringLiteral("sectionTitle"));
    auto* save = new QPushButton(tr("Save key"));
    save->setObjectName(QStringLiteral("saveKeyButton"));
    save->setStyleSheet(theme::filledButtonStyle(theme::accent()));
    auto* cancel = new QPushButton(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("cancelKeyButton"));
    cancel->setAutoDefault(false);
    connect(save, &QPushButton::clicked, this, &VenueKeysDialog::saveKey);
    connect(cancel, &QPushButton::clicked, this, &VenueKeysDialog::closeEditor);
    m_form = new QFormLayout;
    auto* editorButtons = new QHBoxLayout;
    editorButtons->addStretch();
    editorButtons->addWidget(cancel);
    editorButtons->addWidget(save);
    auto* editorLayout = new QVBoxLayout(m_editor);
    editorLayout->setContentsMargins(0, 6, 0, 0);
    editorLayout->addWidget(m_editorTitle);
    editorLayout->addLayout(m_form);
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
        QHash<QString, QHash<QString, QString>> extras;
        QStringList problems;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(m_options.venues.size());
    for (const QString& venue : std::as_const(m_options.venues)) {
        m_ring.key(venue, this, [this, venue, pending](SecretResult status, ApiKeyPair key) {
            if (status.ok() && !key.isEmpty()) {
                pending->masked.insert(venue, key.maskedAccessKey());
                pending->extras.insert(venue, key.extras);
            } else if (status.status != SecretStatus::NotFound)
                pending->problems << tr("%1: %2").arg(venueDisplayName(venue), status.message);
            key.wipe();
            if (--pending->left > 0)
                return;
            m_masked = pending->masked;
            m_extras = pending->extras;
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
        const QString extras = masked.isEmpty() ? QString() : details(venue);
        m_table->item(row, DetailsColumn)->setText(extras);
        m_table->item(row, DetailsColumn)->setToolTip(extras); // a long account line may be cut off
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

void VenueKeysDialog::buildForm(const QString& venue) {
    while (m_form->rowCount() > 0)
        m_form->removeRow(0); // deletes the previous venue's inputs
    m_inputs.clear();
    const QHash<QString, QString> stored = m_extras.value(venue);
    for (const CredentialField& field : schemaFor(venue).fields) {
        Input input{field, nullptr, nullptr};
        if (!field.choices.isEmpty()) {
            input.combo = new QComboBox;
            if (field.optional)
                input.combo->addItem(tr("Not set"), QString());
            for (const QString& choice : field.choices)
                input.combo->addItem(field.choiceLabel(choice), choice);
        } else {
            input.edit = new QLineEdit;
            input.edit->setPlaceholderText(field.displayLabel());
            if (field.secret)
                input.edit->setEchoMode(QLineEdit::Password);
            connect(input.edit, &QLineEdit::returnPressed, this, &VenueKeysDialog::saveKey);
        }
        input.widget()->setObjectName(inputName(field));
        m_form->addRow(field.optional ? tr("%1 (optional)").arg(field.displayLabel()) : field.displayLabel(),
                       input.widget());
        // Replacing a key: the extra fields (not secret) start from what is stored, the keys from nothing.
        const QString current = field.isKeyPair() || field.secret ? QString() : stored.value(field.id);
        if (input.combo && !current.isEmpty())
            input.combo->setCurrentIndex(std::max(0, input.combo->findData(current)));
        else if (input.edit)
            input.edit->setText(current);
        m_inputs.append(input);
    }
}

void VenueKeysDialog::openEditor() {
    const QString venue = selectedVenue();
    if (venue.isEmpty())
        return;
    m_removeConfirm->hide();
    m_editorTitle->setText(m_masked.contains(venue) ? tr("Replace the %1 key").arg(venueDisplayName(venue))
                                                    : tr("Add a %1 key").arg(venueDisplayName(venue)));
    buildForm(venue);
    m_editor->show();
    if (!m_inputs.isEmpty())
        m_inputs.first().widget()->setFocus();
}

void VenueKeysDialog::closeEditor() {
    for (const Input& input : std::as_const(m_inputs)) {
        if (!input.edit)
            continue;
        input.edit->clear();
        input.edit->setText({}); // drops the undo entry holding a secret
    }
    m_editor->hide();
}

void VenueKeysDialog::saveKey() {
    const QString venue = selectedVenue();
    if (m_busy || venue.isEmpty() || m_inputs.isEmpty())
        return;
    ApiKeyPair pair;
    for (const Input& input : std::as_const(m_inputs)) {
        QString value = input.value();
        if (value.isEmpty() && !input.field.optional) {
            pair.wipe();
            setMessage(tr("“%1” is required.").arg(input.field.displayLabel()), true);
            input.widget()->setFocus();
            return;
        }
        if (input.field.id == QLatin1String("access_key"))
            pair.accessKey = value;
        else if (input.field.id == QLatin1String("secret_key"))
            pair.secretKey = value.toUtf8();
        else if (!value.isEmpty())
            pair.extras.insert(input.field.id, value);
        value.fill(QChar(0));
    }
    closeEditor();
    setBusy(true);
    setMessage(tr("Saving the key…"), false);
    m_ring.setKey(
        venue, pair, this,
        [this, venue, masked = pair.maskedAccessKey(), extras = pair.extras](SecretResult result) {
            setBusy(false);
            if (!result.ok()) {
                setMessage(tr("The key was not saved. %1").arg(result.message), true);
                return;
            }
            m_masked.insert(venue, masked);
            m_extras.insert(venue, extras);
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
        // Tokens issued for the removed keys go with them (a later key would not use them anyway).
        for (const QString& token : venueTokenSecrets(venue))
            m_ring.sharedStore()->remove(token, this, [](SecretResult) {});
        m_masked.remove(venue);
        m_extras.remove(venue);
        refreshTable();
        setMessage(tr("%1 key removed from this profile.").arg(venueDisplayName(venue)), false);
        emit keyChanged(venue);
    });
}

} // namespace hoga
