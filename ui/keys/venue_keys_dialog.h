#pragma once

#include "venues/venue_factory.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QWidget;

namespace hoga {

class ApiKeyRing;
class VenueKeyTester;

// "Venues and keys" of one profile: which venue has an API key (shown masked, "abcd…wxyz", with the venue's
// extra fields such as an account number beside it), and Add / Replace, Test and Remove. The Add / Replace
// form has one input per field of the venue's credential schema: secret fields as password inputs, fields
// with choices as a combo box. Everything touching the key store or a venue is asynchronous; while it runs
// the dialog shows a busy state. Test reads the balances with the stored key (read-only) and reports the
// venue's answer.
//
// Object names: venueTable (columns venue, masked key, details), addKeyButton, testKeyButton,
// removeKeyButton, keyMessage, storageNotice, keyEditor, one input per field named after its id in camel
// case plus "Edit" (QLineEdit) or "Combo" (QComboBox, fields with choices): accessKeyEdit, secretKeyEdit,
// accountEdit, accountTypeCombo; saveKeyButton, cancelKeyButton, removeConfirm, confirmRemoveButton,
// cancelRemoveButton.
class VenueKeysDialog : public QDialog {
    Q_OBJECT

public:
    struct Options {
        QStringList venues;                       // default: knownVenues() without "sim"
        QHash<QString, VenueEndpoints> endpoints; // per venue; empty = production (tests: fake venues)
        // Per venue; missing = credentialSchema(venue). Tests give fields no shipped venue has yet.
        QHash<QString, CredentialSchema> schemas;
        bool storedInEncryptedFile = false; // shows the fallback notice
    };

    // `ring` (the profile's keys) must outlive the dialog.
    VenueKeysDialog(ApiKeyRing& ring, Options options, QWidget* parent = nullptr);
    explicit VenueKeysDialog(ApiKeyRing& ring, QWidget* parent = nullptr)
        : VenueKeysDialog(ring, Options{}, parent) {}

    bool isBusy() const { return m_busy; }
    // The masked access key shown for `venue`, or empty when it has none (after the initial load).
    QString maskedKey(const QString& venue) const { return m_masked.value(venue); }

    // The extra fields stored for `venue`, as shown in the details column ("Account: 50012345-01").
    QString details(const QString& venue) const;

    // venueDisplayName() of the venue factory.
    static QString venueDisplayName(const QString& venue);
    // The object name of the input for `field`: "accessKeyEdit", "accountTypeCombo".
    static QString inputName(const CredentialField& field);

signals:
    void busyChanged(bool busy);
    // The stored keys were read (initially and after every change).
    void keysLoaded();
    // A key was stored or removed: reload it where it is used (ProfileCredentialProvider::reload).
    void keyChanged(const QString& venue);
    // A test finished (message also shown in keyMessage).
    void testFinished(const QString& venue, bool works, const QString& message);

private:
    void reloadKeys();
    void refreshTable();
    QString selectedVenue() const;
    void updateButtons();
    void setBusy(bool busy);
    void setMessage(const QString& text, bool isError);

    CredentialSchema schemaFor(const QString& venue) const;
    bool showsDetails() const;
    void buildForm(const QString& venue);
    void openEditor();
    void saveKey();
    void closeEditor();
    void testKey();
    void removeKey();

    ApiKeyRing& m_ring;
    Options m_options;
    VenueKeyTester* m_tester = nullptr;
    QHash<QString, QString> m_masked;                 // venue -> masked access key
    QHash<QString, QHash<QString, QString>> m_extras; // venue -> stored extra fields (not secret)
    bool m_loaded = false;
    bool m_busy = false;

    QLabel* m_notice = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_testButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_editor = nullptr;
    QLabel* m_editorTitle = nullptr;
    QFormLayout* m_form = nullptr;
    // The inputs of the open form, in schema order: a line edit or, for a field with choices, a combo box.
    struct Input {
        CredentialField field;
        QLineEdit* edit = nullptr;
        QComboBox* combo = nullptr;
        QString value() const;
        QWidget* widget() const;
    };
    QList<Input> m_inputs;
    QWidget* m_removeConfirm = nullptr;
    QLabel* m_removeText = nullptr;
};

} // namespace hoga
