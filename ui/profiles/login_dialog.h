#pragma once

#include "logged_in_profile.h"

#include "core/clock.h"
#include "security/profile_types.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace hoga {

class ProfileManager;
class ProfileRemover;

// Choose a profile and log in; create, rename and delete profiles. Also the lock screen (Mode::Unlock):
// then it asks only the current profile's password and offers "Switch profile".
//
// Every ProfileManager call runs on a worker thread; meanwhile the dialog shows a busy state and ignores
// input. Wrong passwords show the growing delay as a live countdown with Log in disabled.
// The manager must outlive the dialog (work already started keeps using it).
//
// Widgets carry object names so tests (and people reading them) can find them: profileList, passwordEdit,
// loginButton, loginMessage, newProfileButton, renameButton, deleteButton, switchProfileButton, busyLabel,
// createNameEdit, createPasswordEdit, createRepeatEdit, createPaperOnlyCheck, createMessage,
// createConfirmButton, createBackButton, renameEdit, renameMessage, renameConfirmButton, renameBackButton,
// deletePasswordEdit, deleteMessage, deleteConfirmButton, deleteBackButton.
class LoginDialog : public QDialog {
    Q_OBJECT

public:
    enum class Mode { ChooseProfile, Unlock };
    // exec() result when the user asked to switch profile from the lock screen.
    static constexpr int SwitchProfile = 2;

    struct Options {
        Mode mode = Mode::ChooseProfile;
        QString lockedProfileId; // Unlock: whose password is asked
        QStringList knownVenues; // whose keychain entries a deletion wipes (default: knownVenues())
        const Clock* clock = &SystemClock::instance(); // drives the retry countdown
    };

    LoginDialog(ProfileManager& manager, Options options, QWidget* parent = nullptr);
    explicit LoginDialog(ProfileManager& manager, QWidget* parent = nullptr)
        : LoginDialog(manager, Options{}, parent) {}
    ~LoginDialog() override;

    // Deletes profiles (and their keychain entries); tests replace its key wiper.
    ProfileRemover& remover() const { return *m_remover; }

    // After Accepted: the logged-in profile with its password. Moves it out (the dialog keeps no copy).
    LoggedInProfile takeResult();
    bool isBusy() const { return m_busy; }

signals:
    void busyChanged(bool busy);
    // The profile list was (re)loaded.
    void profilesLoaded();

private:
    QWidget* buildLoginPage();
    QWidget* buildCreatePage();
    QWidget* buildRenamePage();
    QWidget* buildDeletePage();

    void reloadProfiles(const QString& selectId = {});
    void setProfiles(const QList<ProfileInfo>& profiles, const QString& selectId);
    const ProfileInfo* selectedProfile() const;
    void onSelectionChanged();

    void logIn();
    void onLoginResult(const QString& profileId, const QString& password, const ProfileResult& result);
    void createProfile();
    void renameProfile();
    void deleteProfile();

    void showPage(QWidget* page);
    void setBusy(bool busy, const QString& what = {});
    void setMessage(QLabel* label, const QString& text, bool isError);
    void startCountdown(const QString& profileId, qint64 retryAfterMs, bool afterWrongPassword);
    void updateCountdown();
    void updateButtons();

    ProfileManager& m_manager;
    Options m_options;
    ProfileRemover* m_remover = nullptr;
    QList<ProfileInfo> m_profiles;
    LoggedInProfile m_result;
    bool m_busy = false;

    struct Wait {
        qint64 untilMs = 0;
        bool afterWrongPassword = true;
    };
    QHash<QString, Wait> m_waits; // per profile id
    QTimer* m_countdown = nullptr;

    QStackedWidget* m_pages = nullptr;
    QWidget* m_loginPage = nullptr;
    QWidget* m_createPage = nullptr;
    QWidget* m_renamePage = nullptr;
    QWidget* m_deletePage = nullptr;

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_passwordLabel = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_loginMessage = nullptr;
    QLabel* m_busyLabel = nullptr;
    QPushButton* m_loginButton = nullptr;
    QPushButton* m_newButton = nullptr;
    QPushButton* m_renameButton = nullptr;
    QPushButton* m_deleteButton = nullptr;
    QPushButton* m_switchButton = nullptr;
    QPushButton* m_quitButton = nullptr;

    QLineEdit* m_createName = nullptr;
    QLineEdit* m_createPassword = nullptr;
    QLineEdit* m_createRepeat = nullptr;
    QCheckBox* m_createPaperOnly = nullptr;
    QLabel* m_createMessage = nullptr;
    QPushButton* m_createConfirm = nullptr;

    QLabel* m_renameTitle = nullptr;
    QLineEdit* m_renameEdit = nullptr;
    QLabel* m_renameMessage = nullptr;
    QPushButton* m_renameConfirm = nullptr;

    QLabel* m_deleteText = nullptr;
    QLabel* m_deletePasswordLabel = nullptr;
    QLineEdit* m_deletePassword = nullptr;
    QLabel* m_deleteMessage = nullptr;
    QPushButton* m_deleteConfirm = nullptr;
};

} // namespace hoga
