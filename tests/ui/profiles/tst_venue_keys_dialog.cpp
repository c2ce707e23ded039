// "Venues and keys": add a key (shown masked), test it against the fake Upbit (good key, wrong secret),
// remove it; the form built from a credential schema with extra fields (a choice as a combo box, a required
// field refused when missing); the keychain-fallback notice; screenshots in English and Korean.

#include "keys/venue_keys_dialog.h"
#include "profiles/profile_credential_provider.h"
#include "security/api_key_ring.h"
#include "security/encrypted_file_secret_store.h"
#include "security/keychain_secret_store.h"
#include "security/security_test_util.h"
#include "support/fake_venues/fake_venue_server.h"
#include "support/test_credential_schema.h"
#include "theme/terminal_theme.h"
#include "venues/venue_factory.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace hoga;

namespace {
constexpr int kWaitMs = 20'000;
const QString kAccess = QStringLiteral("AKx7Qm2Lr9TestAccessKey0000WXYZ");
const QByteArray kSecret = QByteArrayLiteral("s3cr3t-hmac-key-for-the-fake-upbit-0123456789");

template <class T> T* child(QWidget* parent, const char* name) {
    T* w = parent->findChild<T*>(QLatin1String(name));
    if (!w)
        qFatal("no widget named %s", name);
    return w;
}

QString shotsDir() {
    return qEnvironmentVariable("HOGA_DIALOG_SHOTS_DIR", QStringLiteral("/tmp/shots_dialogs"));
}
} // namespace

class TestVenueKeysDialog : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::shared_ptr<SecretStore> m_store;
    std::unique_ptr<ApiKeyRing> m_ring;
    std::unique_ptr<test::FakeVenueServer> m_upbit;

    VenueKeysDialog::Options options() {
        VenueKeysDialog::Options o;
        o.endpoints.insert(QStringLiteral("upbit"),
                           VenueEndpoints{m_upbit->restUrl(), m_upbit->wsUrl(), m_upbit->privateWsUrl()});
        o.storedInEncryptedFile = m_store->kind() == SecretStore::Kind::EncryptedFile;
        o.venues = {QStringLiteral("upbit"), QStringLiteral("bithumb")}; // the venues these cases use
        return o;
    }
    QString keyCell(VenueKeysDialog& d, int row) {
        return child<QTableWidget>(&d, "venueTable")->item(row, 1)->text();
    }
    void addKey(VenueKeysDialog& d, const QString& access, const QByteArray& secret) {
        child<QTableWidget>(&d, "venueTable")->selectRow(0); // upbit
        child<QPushButton>(&d, "addKeyButton")->click();
        auto* accessEdit = child<QLineEdit>(&d, "accessKeyEdit");
        auto* secretEdit = child<QLineEdit>(&d, "secretKeyEdit");
        QVERIFY(accessEdit->isVisible());
        QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
        QTest::keyClicks(accessEdit, access);
        QTest::keyClicks(secretEdit, QString::fromUtf8(secret));
        child<QPushButton>(&d, "saveKeyButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(keyCell(d, 0), ApiKeyRing::mask(access), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!d.isBusy(), kWaitMs);
        QVERIFY(secretEdit->text().isEmpty());
    }

private slots:
    void initTestCase() { theme::apply(*qApp); }
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        // Under dbus-run-session + with-keyring.sh the real keychain; otherwise the encrypted fallback.
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            m_store = std::make_shared<KeychainSecretStore>(QStringLiteral("a1b2c3d4"));
        else
            m_store = std::make_shared<EncryptedFileSecretStore>(
                m_dir->path() + QStringLiteral("/secrets.hks"), QStringLiteral("a1b2c3d4"),
                QStringLiteral("profile password"), ScryptParams::fast());
        m_ring = std::make_unique<ApiKeyRing>(m_store);
        m_upbit = std::make_unique<test::FakeVenueServer>(test::FakeFlavor::Upbit);
        QVERIFY(m_upbit->start());
    }
    void cleanup() {
        bool wiped = false; // leave nothing behind in a keychain
        m_ring->removeAll({QStringLiteral("upbit"), QStringLiteral("bithumb")}, this,
                          [&wiped](SecretResult) { wiped = true; });
        QTRY_VERIFY_WITH_TIMEOUT(wiped, kWaitMs);
        m_upbit.reset();
        m_ring.reset();
        m_store.reset();
        m_dir.reset();
    }

    void listsVenuesWithoutKeys() {
        VenueKeysDialog d(*m_ring, options());
        d.show();
        auto* table = child<QTableWidget>(&d, "venueTable");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Upbit"));
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("Bithumb"));
        QTRY_COMPARE_WITH_TIMEOUT(keyCell(d, 0), QStringLiteral("No key"), kWaitMs);
        QCOMPARE(keyCell(d, 1), QStringLiteral("No key"));
        QVERIFY(!child<QPushButton>(&d, "testKeyButton")->isEnabled());
        QVERIFY(!child<QPushButton>(&d, "removeKeyButton")->isEnabled());
        QCOMPARE(child<QLabel>(&d, "storageNotice")->isVisible(),
                 m_store->kind() == SecretStore::Kind::EncryptedFile);
        QVERIFY(table->isColumnHidden(2)); // no venue has extra fields: no details column
    }

    void listsEveryVenueByDefault() {
        VenueKeysDialog::Options o = options();
        o.venues.clear(); // the default: every venue Hoga can connect to, not the simulator
        VenueKeysDialog d(*m_ring, o);
        auto* table = child<QTableWidget>(&d, "venueTable");
        QStringList expected = knownVenues();
        expected.removeAll(QStringLiteral("sim"));
        QCOMPARE(table->rowCount(), expected.size());
        QStringList names;
        for (int row = 0; row < table->rowCount(); ++row)
            names << table->item(row, 0)->text();
        for (const QString& venue : expected)
            QVERIFY2(names.contains(venueDisplayName(venue)), qPrintable(venue));
    }

    void formFollowsTheSchema() {
        m_upbit->addKey(kAccess, kSecret);
        VenueKeysDialog::Options o = options();
        o.schemas.insert(QStringLiteral("upbit"), test::accountSchema());
        VenueKeysDialog d(*m_ring, o);
        d.show();
        auto* table = child<QTableWidget>(&d, "venueTable");
        QVERIFY(!table->isColumnHidden(2));
        QTRY_COMPARE_WITH_TIMEOUT(keyCell(d, 0), QStringLiteral("No key"), kWaitMs);
        table->selectRow(0);
        child<QPushButton>(&d, "addKeyButton")->click();

        // One input per field: the secret hidden, the choice a combo box with its labels, the rest text.
        auto* accessEdit = child<QLineEdit>(&d, "accessKeyEdit");
        auto* secretEdit = child<QLineEdit>(&d, "secretKeyEdit");
        auto* accountEdit = child<QLineEdit>(&d, "accountEdit");
        auto* typeCombo = child<QComboBox>(&d, "accountTypeCombo");
        auto* htsEdit = child<QLineEdit>(&d, "htsIdEdit");
        QVERIFY(accountEdit->isVisible() && typeCombo->isVisible() && htsEdit->isVisible());
        QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
        QCOMPARE(accountEdit->echoMode(), QLineEdit::Normal);
        QCOMPARE(typeCombo->count(), 2);
        QCOMPARE(typeCombo->itemText(0), QStringLiteral("Real account"));
        QCOMPARE(typeCombo->itemText(1), QStringLiteral("Virtual account"));
        QCOMPARE(typeCombo->itemData(1).toString(), QStringLiteral("virtual"));

        // A required field left empty: refused before anything is stored, the field gets the focus.
        QTest::keyClicks(accessEdit, kAccess);
        QTest::keyClicks(secretEdit, QString::fromUtf8(kSecret));
        child<QPushButton>(&d, "saveKeyButton")->click();
        auto* message = child<QLabel>(&d, "keyMessage");
        QCOMPARE(message->text(), QStringLiteral("“Account number” is required."));
        QVERIFY(child<QWidget>(&d, "keyEditor")->isVisible());
        QVERIFY(!d.isBusy());
        QCOMPARE(keyCell(d, 0), QStringLiteral("No key"));
        QCOMPARE(test::readSecret(m_ring->store(), QStringLiteral("upbit/access_key")).status,
                 SecretStatus::NotFound);

        QTest::keyClicks(accountEdit, QStringLiteral("50012345-01"));
        typeCombo->setCurrentIndex(1);
        child<QPushButton>(&d, "saveKeyButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(keyCell(d, 0), ApiKeyRing::mask(kAccess), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!d.isBusy(), kWaitMs);
        // The extras are shown (they are not secret); the optional field left blank is not.
        const QString details = QStringLiteral("Account number: 50012345-01 · Account type: Virtual account");
        QCOMPARE(table->item(0, 2)->text(), details);
        QCOMPARE(d.details(QStringLiteral("upbit")), details);

        // Stored with the key, and carried to the venue sessions by the credential provider.
        const QHash<QString, QString> extras{{QStringLiteral("account"), QStringLiteral("50012345-01")},
                                             {QStringLiteral("account_type"), QStringLiteral("virtual")}};
        ProfileCredentialProvider provider;
        bool loaded = false;
        provider.load(*m_ring, {QStringLiteral("upbit")}, &d,
                      [&loaded](auto problems) { loaded = problems.isEmpty(); });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, kWaitMs);
        QCOMPARE(provider.credentialsFor(QStringLiteral("upbit")).accessKey, kAccess);
        QCOMPARE(provider.credentialsFor(QStringLiteral("upbit")).extras, extras);

        // A fresh dialog reads them back; Replace starts from the stored extras, never from the keys.
        VenueKeysDialog reread(*m_ring, o);
        reread.show();
        QTRY_COMPARE_WITH_TIMEOUT(child<QTableWidget>(&reread, "venueTable")->item(0, 2)->text(), details,
                                  kWaitMs);
        child<QTableWidget>(&reread, "venueTable")->selectRow(0);
        child<QPushButton>(&reread, "addKeyButton")->click();
        QCOMPARE(child<QLineEdit>(&reread, "accountEdit")->text(), QStringLiteral("50012345-01"));
        QCOMPARE(child<QComboBox>(&reread, "accountTypeCombo")->currentData().toString(),
                 QStringLiteral("virtual"));
        QVERIFY(child<QLineEdit>(&reread, "accessKeyEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>(&reread, "secretKeyEdit")->text().isEmpty());
        child<QPushButton>(&reread, "cancelKeyButton")->click();

        // The key still works at the venue with its extras alongside.
        QSignalSpy tested(&d, &VenueKeysDialog::testFinished);
        child<QPushButton>(&d, "testKeyButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, kWaitMs);
        QVERIFY2(tested.at(0).at(1).toBool(), qPrintable(tested.at(0).at(2).toString()));

        // Remove takes the extras with the key.
        child<QPushButton>(&d, "removeKeyButton")->click();
        child<QPushButton>(&d, "confirmRemoveButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(keyCell(d, 0), QStringLiteral("No key"), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!d.isBusy(), kWaitMs);
        QVERIFY(table->item(0, 2)->text().isEmpty());
        for (const char* entry : {"upbit/account", "upbit/account_type", "upbit/_fields"})
            QCOMPARE(test::readSecret(m_ring->store(), QLatin1String(entry)).status, SecretStatus::NotFound);
    }

    void addTestAndRemoveKey() {
        m_upbit->addKey(kAccess, kSecret);
        VenueKeysDialog d(*m_ring, options());
        QSignalSpy changed(&d, &VenueKeysDialog::keyChanged);
        d.show();
        QTRY_COMPARE_WITH_TIMEOUT(keyCell(d, 0), QStringLiteral("No key"), kWaitMs);

        addKey(d, kAccess, kSecret);
        QCOMPARE(keyCell(d, 0), QStringLiteral("AKx7…WXYZ"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(child<QPushButton>(&d, "addKeyButton")->text(), QStringLiteral("Replace key…"));

        // The key is in the store, and the credential provider reads it.
        ProfileCredentialProvider provider;
        bool loaded = false;
        provider.load(*m_ring, {QStringLiteral("upbit"), QStringLiteral("bithumb")}, &d,
                      [&loaded](auto problems) { loaded = problems.isEmpty(); });
        QTRY_VERIFY_WITH_TIMEOUT(loaded, kWaitMs);
        QCOMPARE(provider.credentialsFor(QStringLiteral("upbit")).accessKey, kAccess);
        QCOMPARE(provider.credentialsFor(QStringLiteral("upbit")).secretKey, kSecret);
        QVERIFY(provider.credentialsFor(QStringLiteral("bithumb")).isEmpty());

        QSignalSpy tested(&d, &VenueKeysDialog::testFinished);
        child<QPushButton>(&d, "testKeyButton")->click();
        QVERIFY(d.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 1, kWaitMs);
        QVERIFY(tested.at(0).at(1).toBool());
        auto* message = child<QLabel>(&d, "keyMessage");
        QVERIFY2(message->text().startsWith(QStringLiteral("Key works: ")), qPrintable(message->text()));
        QVERIFY(message->text().endsWith(QStringLiteral(" balances readable.")));

        // Replace with a wrong secret: the venue's authentication error is shown.
        addKey(d, kAccess, QByteArrayLiteral("not-the-right-secret-at-all-0000"));
        child<QPushButton>(&d, "testKeyButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(tested.count(), 2, kWaitMs);
        QVERIFY(!tested.at(1).at(1).toBool());
        qInfo("wrong secret -> %s", qPrintable(message->text()));
        QVERIFY(!message->text().startsWith(QStringLiteral("Key works")));
        QVERIFY(message->text().contains(QStringLiteral("API key")) ||
                message->text().contains(QStringLiteral("uthenticat")));

        // Remove asks first, then shows "No key".
        child<QPushButton>(&d, "removeKeyButton")->click();
        QVERIFY(child<QWidget>(&d, "removeConfirm")->isVisible());
        child<QPushButton>(&d, "confirmRemoveButton")->click();
        QTRY_COMPARE_WITH_TIMEOUT(keyCell(d, 0), QStringLiteral("No key"), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!d.isBusy(), kWaitMs);
        QVERIFY(!child<QPushButton>(&d, "testKeyButton")->isEnabled());

        // A fresh dialog reads the same state back from the store.
        VenueKeysDialog reread(*m_ring, options());
        QTRY_COMPARE_WITH_TIMEOUT(keyCell(reread, 0), QStringLiteral("No key"), kWaitMs);
    }

    void screenshots() {
        QDir().mkpath(shotsDir());
        {
            VenueKeysDialog d(*m_ring, options());
            d.show();
            QTRY_COMPARE_WITH_TIMEOUT(keyCell(d, 0), QStringLiteral("No key"), kWaitMs);
            addKey(d, kAccess, kSecret);
        }
        for (const QString& lang : {QStringLiteral("en"), QStringLiteral("ko")}) {
            QTranslator translator;
            if (lang == QLatin1String("ko")) {
                QVERIFY(translator.load(QStringLiteral(":/i18n/hoga_ko.qm")));
                QCoreApplication::installTranslator(&translator);
            }
            VenueKeysDialog::Options o = options();
            o.storedInEncryptedFile = true; // show the notice in the picture
            VenueKeysDialog d(*m_ring, o);
            d.show();
            QTRY_COMPARE_WITH_TIMEOUT(keyCell(d, 0), ApiKeyRing::mask(kAccess), kWaitMs);
            QTRY_VERIFY_WITH_TIMEOUT(!d.isBusy(), kWaitMs);
            d.adjustSize();
            QVERIFY(d.grab().save(shotsDir() + QStringLiteral("/keys_%1.png").arg(lang)));
            QCoreApplication::removeTranslator(&translator);
        }
    }
};

QTEST_MAIN(TestVenueKeysDialog)
#include "tst_venue_keys_dialog.moc"
