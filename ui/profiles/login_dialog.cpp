#include "login_dialog.h"

#include "security/profile_manager.h"
#include "security/profile_remover.h"
#include "security/run_in_pool.h"
#include "theme/terminal_theme.h"
#include "venues/venue_factory.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTimer>
#include <QVBoxLayout>

namespace hoga {

namespace {

constexpr int kProfileIdRole = Qt::UserRole + 1;
constexpr int kTagRole = Qt::UserRole + 2;
constexpr int kCountdownTickMs = 200;

// Paints the profile name and, right-aligned, a small tag ("Paper only").
class ProfileItemDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(qMax(size.height(), option.fontMetrics.height() + 14));
        return size;
    }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyledItemDelegate::paint(painter, option, index);
        const QString tag = index.data(kTagRole).toString();
        if (tag.isEmpty())
            return;
        painter->save();
        QFont font = option.font;
        font.setPointSizeF(font.pointSizeF() * 0.85);
        painter->setFont(font);
        const QFontMetrics fm(font);
        const int w = fm.horizontalAdvance(tag) + 12;
        const int h = fm.height() + 4;
        const QRect badge(option.rect.right() - w - 8, option.rect.center().y() - h / 2, w, h);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QColor(0x6b, 0x4e, 0x10));
        painter->setBrush(QColor(0x3a, 0x2a, 0x06));
        painter->drawRoundedRect(badge, 3, 3);
        painter->setPen(QColor(0xf5, 0xb9, 0x4a));
        painter->drawText(badge, Qt::AlignCenter, tag);
        painter->restore();
    }
};

QLabel* messageLabel(const char* objectName) {
    auto* label = new QLabel;
    label->setObjectName(QLatin1String(objectName));
    label->setWordWrap(true);
    label->setVisible(false);
    return label;
}

QLineEdit* passwordEdit(const char* objectName) {
    auto* edit = new QLineEdit;
    edit->setObjectName(QLatin1String(objectName));
    edit->setEchoMode(QLineEdit::Password);
    return edit;
}

// Clears a line edit that held a password, including its undo history.
void clearSecretEdit(QLineEdit* edit) {
    edit->clear();
    edit->setModified(false);
    edit->setText({}); // a second set drops the undo stack entry of the first
}

struct ProfileListing {
    QList<ProfileInfo> profiles;
    ProfileResult status;
};

} // namespace

LoginDialog::LoginDialog(ProfileManager& manager, Options options, QWidget* parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_options(std::move(options)) {
    if (m_options.knownVenues.isEmpty())
        m_options.knownVenues = knownVenues();
    if (!m_options.clock)
        m_options.clock = &SystemClock::instance();
    m_remover = new ProfileRemover(m_manager, m_options.knownVenues, this);

    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(m_options.mode == Mode::Unlock ? tr("Hoga is locked") : tr("Hoga — Log in"));
    setMinimumWidth(440);

    m_countdown = new QTimer(this);
    m_countdown->setInterval(kCountdownTickMs);
    connect(m_countdown, &QTimer::timeout, this, &LoginDialog::updateCountdown);

    m_pages = new QStackedWidget;
    m_loginPage = buildLoginPage();
    m_createPage = buildCreatePage();
    m_renamePage = buildRenamePage();
    m_deletePage = buildDeletePage();
    for (QWidget* page : {m_loginPage, m_createPage, m_renamePage, m_deletePage})
        m_pages->addWidget(page);

    m_busyLabel = new QLabel;
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_busyLabel->setProperty("role", QStringLiteral("caption"));
    m_busyLabel->setVisible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->addWidget(m_pages);
    layout->addWidget(m_busyLabel);

    showPage(m_loginPage);
    reloadProfiles(m_options.lockedProfileId);
}

LoginDialog::~LoginDialog() {
    m_result.wipePassword();
}

QWidget* LoginDialog::buildLoginPage() {
    auto* page = new QWidget;
    const bool unlock = m_options.mode == Mode::Unlock;

    m_title = new QLabel(unlock ? tr("Hoga is locked") : tr("Choose a profile"));
    m_title->setObjectName(QStringLiteral("loginTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(
        unlock ? QString() : tr("Each profile has its own password, API keys, settings and history."));
    m_subtitle->setObjectName(QStringLiteral("loginSubtitle"));
    m_subtitle->setProperty("role", QStringLiteral("caption"));
    m_subtitle->setWordWrap(true);

    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setItemDelegate(new ProfileItemDelegate(m_list));
    m_list->setMinimumHeight(150);
    m_list->setVisible(!unlock);
    connect(m_list, &QListWidget::currentRowChanged, this, &LoginDialog::onSelectionChanged);
    connect(m_list, &QListWidget::itemActivated, this, [this] {
        if (m_loginButton->isEnabled())
            logIn();
    });

    m_newButton = new QPushButton(tr("New profile…"));
    m_newButton->setObjectName(QStringLiteral("newProfileButton"));
    m_renameButton = new QPushButton(tr("Rename…"));
    m_renameButton->setObjectName(QStringLiteral("renameButton"));
    m_deleteButton = new QPushButton(tr("Delete…"));
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    auto* manageRow = new QHBoxLayout;
    manageRow->addWidget(m_newButton);
    manageRow->addWidget(m_renameButton);
    manageRow->addWidget(m_deleteButton);
    manageRow->addStretch();
    for (QPushButton* b : {m_newButton, m_renameButton, m_deleteButton}) {
        b->setAutoDefault(false);
        b->setVisible(!unlock);
    }

    m_passwordLabel = new QLabel(tr("Password"));
    m_password = passwordEdit("passwordEdit");
    m_password->setPlaceholderText(tr("Profile password"));
    m_passwordLabel->setBuddy(m_password);
    connect(m_password, &QLineEdit::returnPressed, this, [this] {
        if (m_loginButton->isEnabled())
            logIn();
    });
    connect(m_password, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);

    m_loginMessage = messageLabel("loginMessage");

    m_loginButton = new QPushButton(unlock ? tr("Unlock") : tr("Log in"));
    m_loginButton->setObjectName(QStringLiteral("loginButton"));
    m_loginButton->setDefault(true);
    m_loginButton->setStyleSheet(theme::filledButtonStyle(theme::accent()));
    m_switchButton = new QPushButton(tr("Switch profile"));
    m_switchButton->setObjectName(QStringLiteral("switchProfileButton"));
    m_switchButton->setAutoDefault(false);
    m_switchButton->setVisible(unlock);
    m_quitButton = new QPushButton(tr("Quit"));
    m_quitButton->setObjectName(QStringLiteral("quitButton"));
    m_quitButton->setAutoDefault(false);
    connect(m_loginButton, &QPushButton::clicked, this, &LoginDialog::logIn);
    connect(m_switchButton, &QPushButton::clicked, this, [this] { done(SwitchProfile); });
    connect(m_quitButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_newButton, &QPushButton::clicked, this, [this] {
        m_createName->clear();
        clearSecretEdit(m_createPassword);
        clearSecretEdit(m_createRepeat);
        m_createPaperOnly->setChecked(false);
        setMessage(m_createMessage, {}, false);
        showPage(m_createPage);
        m_createName->setFocus();
    });
    connect(m_renameButton, &QPushButton::clicked, this, [this] {
        const ProfileInfo* p = selectedProfile();
        if (!p)
            return;
        m_renameTitle->setText(tr("Rename “%1”").arg(p->name));
        m_renameEdit->setText(p->name);
        m_renameEdit->selectAll();
        setMessage(m_renameMessage, {}, false);
        showPage(m_renamePage);
        m_renameEdit->setFocus();
    });
    connect(m_deleteButton, &QPushButton::clicked, this, [this] {
        const ProfileInfo* p = selectedProfile();
        if (!p)
            return;
        m_deleteText->setText(tr("Delete the profile “%1”? Its database, settings and stored API keys are "
                                 "removed from this computer. This cannot be undone.")
                                  .arg(p->name));
        m_deletePasswordLabel->setVisible(p->hasPassword);
        m_deletePassword->setVisible(p->hasPassword);
        clearSecretEdit(m_deletePassword);
        setMessage(m_deleteMessage, {}, false);
        showPage(m_deletePage);
        if (p->hasPassword)
            m_deletePassword->setFocus();
    });

    auto* buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_switchButton);
    buttonRow->addWidget(m_quitButton);
    buttonRow->addStretch();
    buttonRow->addWidget(m_loginButton);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(6);
    layout->addWidget(m_list);
    layout->addLayout(manageRow);
    layout->addSpacing(8);
    layout->addWidget(m_passwordLabel);
    layout->addWidget(m_password);
    layout->addWidget(m_loginMessage);
    layout->addSpacing(8);
    layout->addLayout(buttonRow);
    return page;
}

QWidget* LoginDialog::buildCreatePage() {
    auto* page = new QWidget;
    auto* title = new QLabel(tr("New profile"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_createName = new QLineEdit;
    m_createName->setObjectName(QStringLiteral("createNameEdit"));
    m_createName->setMaxLength(ProfileManager::kMaxNameLength);
    m_createPassword = passwordEdit("createPasswordEdit");
    m_createPassword->setPlaceholderText(
        tr("At least %n characters", nullptr, ProfileManager::kMinPasswordLength));
    m_createRepeat = passwordEdit("createRepeatEdit");
    m_createPaperOnly = new QCheckBox(tr("Paper trading only (this profile can never place live orders)"));
    m_createPaperOnly->setObjectName(QStringLiteral("createPaperOnlyCheck"));
    m_createMessage = messageLabel("createMessage");

    auto* hint = new QLabel(tr("The password protects this profile's API keys. It cannot be recovered: if "
                               "you forget it, delete the profile and create a new one."));
    hint->setProperty("role", QStringLiteral("caption"));
    hint->setWordWrap(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Name"), m_createName);
    form->addRow(tr("Password"), m_createPassword);
    form->addRow(tr("Repeat password"), m_createRepeat);
    form->addRow(QString(), m_createPaperOnly);

    m_createConfirm = new QPushButton(tr("Create profile"));
    m_createConfirm->setObjectName(QStringLiteral("createConfirmButton"));
    m_createConfirm->setStyleSheet(theme::filledButtonStyle(theme::accent()));
    auto* back = new QPushButton(tr("Back"));
    back->setObjectName(QStringLiteral("createBackButton"));
    back->setAutoDefault(false);
    connect(m_createConfirm, &QPushButton::clicked, this, &LoginDialog::createProfile);
    connect(m_createRepeat, &QLineEdit::returnPressed, this, &LoginDialog::createProfile);
    connect(back, &QPushButton::clicked, this, [this] {
        clearSecretEdit(m_createPassword);
        clearSecretEdit(m_createRepeat);
        showPage(m_loginPage);
    });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch();
    buttons->addWidget(m_createConfirm);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_createMessage);
    layout->addStretch();
    layout->addLayout(buttons);
    return page;
}

QWidget* LoginDialog::buildRenamePage() {
    auto* page = new QWidget;
    m_renameTitle = new QLabel;
    QFont titleFont = m_renameTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_renameTitle->setFont(titleFont);
    m_renameEdit = new QLineEdit;
    m_renameEdit->setObjectName(QStringLiteral("renameEdit"));
    m_renameEdit->setMaxLength(ProfileManager::kMaxNameLength);
    m_renameMessage = messageLabel("renameMessage");
    m_renameConfirm = new QPushButton(tr("Rename"));
    m_renameConfirm->setObjectName(QStringLiteral("renameConfirmButton"));
    m_renameConfirm->setStyleSheet(theme::filledButtonStyle(theme::accent()));
    auto* back = new QPushButton(tr("Back"));
    back->setObjectName(QStringLiteral("renameBackButton"));
    back->setAutoDefault(false);
    connect(m_renameConfirm, &QPushButton::clicked, this, &LoginDialog::renameProfile);
    connect(m_renameEdit, &QLineEdit::returnPressed, this, &LoginDialog::renameProfile);
    connect(back, &QPushButton::clicked, this, [this] { showPage(m_loginPage); });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch();
    buttons->addWidget(m_renameConfirm);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_renameTitle);
    layout->addWidget(new QLabel(tr("New name")));
    layout->addWidget(m_renameEdit);
    layout->addWidget(m_renameMessage);
    layout->addStretch();
    layout->addLayout(buttons);
    return page;
}

QWidget* LoginDialog::buildDeletePage() {
    auto* page = new QWidget;
    auto* title = new QLabel(tr("Delete profile"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    title->setFont(titleFont);
    m_deleteText = new QLabel;
    m_deleteText->setWordWrap(true);
    m_deletePasswordLabel = new QLabel(tr("Enter the profile's password to confirm"));
    m_deletePassword = passwordEdit("deletePasswordEdit");
    m_deleteMessage = messageLabel("deleteMessage");
    m_deleteConfirm = new QPushButton(tr("Delete profile"));
    m_deleteConfirm->setObjectName(QStringLiteral("deleteConfirmButton"));
    m_deleteConfirm->setStyleSheet(theme::filledButtonStyle(QColor(0xb9, 0x3a, 0x3a)));
    auto* back = new QPushButton(tr("Back"));
    back->setObjectName(QStringLiteral("deleteBackButton"));
    back->setAutoDefault(false);
    back->setDefault(true);
    connect(m_deleteConfirm, &QPushButton::clicked, this, &LoginDialog::deleteProfile);
    connect(back, &QPushButton::clicked, this, [this] {
        clearSecretEdit(m_deletePassword);
        showPage(m_loginPage);
    });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(back);
    buttons->addStretch();
    buttons->addWidget(m_deleteConfirm);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_deleteText);
    layout->addSpacing(6);
    layout->addWidget(m_deletePasswordLabel);
    layout->addWidget(m_deletePassword);
    layout->addWidget(m_deleteMessage);
    layout->addStretch();
    layout->addLayout(buttons);
    return page;
}

// --- profile list ---------------------------------------------------------------------------------------

void LoginDialog::reloadProfiles(const QString& selectId) {
    setBusy(true, tr("Loading profiles…"));
    ProfileManager* manager = &m_manager;
    const bool ensureDemo = m_options.mode == Mode::ChooseProfile;
    runInPool<ProfileListing>(
        this,
        [manager, ensureDemo] {
            ProfileListing listing;
            if (ensureDemo) {
                ProfileResult demo = manager->ensureDemoProfile();
                if (!demo.ok())
                    listing.status = demo;
            }
            ProfileResult error;
            listing.profiles = manager->profiles(&error);
            if (!error.ok())
                listing.status = error;
            return listing;
        },
        [this, selectId](ProfileListing listing) {
            setBusy(false);
            setProfiles(listing.profiles, selectId);
            if (!listing.status.ok())
                setMessage(m_loginMessage, listing.status.message, true);
            emit profilesLoaded();
        });
}

void LoginDialog::setProfiles(const QList<ProfileInfo>& profiles, const QString& selectId) {
    // Demo first: it is what a first start offers.
    m_profiles = profiles;
    std::stable_sort(m_profiles.begin(), m_profiles.end(),
                     [](const ProfileInfo& a, const ProfileInfo& b) { return a.demo && !b.demo; });
    const QSignalBlocker block(m_list);
    m_list->clear();
    int selectRow = m_profiles.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_profiles.size(); ++i) {
        const ProfileInfo& p = m_profiles[i];
        auto* item = new QListWidgetItem(p.name, m_list);
        item->setData(kProfileIdRole, p.id);
        if (p.paperOnly)
            item->setData(kTagRole, tr("Paper only"));
        if (p.id == selectId)
            selectRow = i;
    }
    m_list->setCurrentRow(selectRow);
    onSelectionChanged();
}

const ProfileInfo* LoginDialog::selectedProfile() const {
    if (m_options.mode == Mode::Unlock) {
        for (const ProfileInfo& p : m_profiles)
            if (p.id == m_options.lockedProfileId)
                return &p;
        return nullptr;
    }
    const int row = m_list->currentRow();
    return row >= 0 && row < m_profiles.size() ? &m_profiles[row] : nullptr;
}

void LoginDialog::onSelectionChanged() {
    const ProfileInfo* p = selectedProfile();
    if (m_options.mode == Mode::Unlock && p) {
        m_subtitle->setText(p->hasPassword ? tr("Enter the password of “%1” to continue.").arg(p->name)
                                           : tr("Profile “%1” is locked.").arg(p->name));
    }
    const bool needsPassword = p && p->hasPassword;
    m_password->setVisible(needsPassword);
    m_passwordLabel->setVisible(needsPassword);
    clearSecretEdit(m_password);
    if (p && !p->hasPassword)
        setMessage(m_loginMessage, tr("The Demo profile has no password. It trades on the simulator only."),
                   false);
    else
        setMessage(m_loginMessage, {}, false);
    updateCountdown();
    updateButtons();
    if (needsPassword)
        m_password->setFocus();
}

// --- log in ---------------------------------------------------------------------------------------------

void LoginDialog::logIn() {
    const ProfileInfo* p = selectedProfile();
    if (!p || m_busy)
        return;
    const QString id = p->id;
    const QString password = p->hasPassword ? m_password->text() : QString();
    if (p->hasPassword && password.isEmpty()) {
        setMessage(m_loginMessage, tr("Enter the password of “%1”.").arg(p->name), true);
        return;
    }
    setBusy(true, tr("Checking password…"));
    ProfileManager* manager = &m_manager;
    runInPool<ProfileResult>(
        this, [manager, id, password] { return manager->login(id, password); },
        [this, id, password](ProfileResult result) { onLoginResult(id, password, result); });
}

void LoginDialog::onLoginResult(const QString& profileId, const QString& password,
                                const ProfileResult& result) {
    setBusy(false);
    if (result.ok()) {
        m_result = {};
        m_result.profile = result.profile;
        m_result.dir = m_manager.paths(profileId).dir();
        m_result.password = password;
        clearSecretEdit(m_password);
        m_waits.remove(profileId);
        accept();
        return;
    }
    clearSecretEdit(m_password);
    switch (result.status) {
    case ProfileStatus::WrongPassword:
        if (result.retryAfterMs > 0)
            startCountdown(profileId, result.retryAfterMs, true);
        else
            setMessage(m_loginMessage, tr("Wrong password."), true);
        break;
    case ProfileStatus::Throttled:
        startCountdown(profileId, result.retryAfterMs, false);
        break;
    case ProfileStatus::NotFound:
        setMessage(m_loginMessage, result.message, true);
        reloadProfiles();
        break;
    default:
        setMessage(m_loginMessage, result.message, true);
        break;
    }
    m_password->setFocus();
}

void LoginDialog::startCountdown(const QString& profileId, qint64 retryAfterMs, bool afterWrongPassword) {
    m_waits.insert(profileId, Wait{m_options.clock->nowMs() + retryAfterMs, afterWrongPassword});
    updateCountdown();
    updateButtons();
}

void LoginDialog::updateCountdown() {
    const ProfileInfo* p = selectedProfile();
    const auto it = p ? m_waits.constFind(p->id) : m_waits.constEnd();
    if (it == m_waits.constEnd()) {
        if (m_waits.isEmpty())
            m_countdown->stop();
        return;
    }
    const qint64 left = it->untilMs - m_options.clock->nowMs();
    if (left <= 0) {
        const bool wrong = it->afterWrongPassword;
        m_waits.remove(p->id);
        setMessage(m_loginMessage, wrong ? tr("Wrong password. You can try again now.") : QString(), wrong);
        if (m_waits.isEmpty())
            m_countdown->stop();
        updateButtons();
        return;
    }
    const int seconds = int((left + 999) / 1000);
    setMessage(m_loginMessage,
               it->afterWrongPassword ? tr("Wrong password. Try again in %1 s.").arg(seconds)
                                      : tr("Too many wrong passwords. Try again in %1 s.").arg(seconds),
               true);
    if (!m_countdown->isActive())
        m_countdown->start();
}

void LoginDialog::updateButtons() {
    const ProfileInfo* p = selectedProfile();
    const bool waiting = p && m_waits.contains(p->id);
    m_loginButton->setEnabled(!m_busy && p && !waiting && (!p->hasPassword || !m_password->text().isEmpty()));
    m_renameButton->setEnabled(!m_busy && p);
    m_deleteButton->setEnabled(!m_busy && p);
    m_newButton->setEnabled(!m_busy);
}

// --- create, rename, delete -----------------------------------------------------------------------------

void LoginDialog::createProfile() {
    if (m_busy)
        return;
    const QString name = m_createName->text().trimmed();
    const QString password = m_createPassword->text();
    if (name.isEmpty()) {
        setMessage(m_createMessage, tr("Enter a name for the profile."), true);
        m_createName->setFocus();
        return;
    }
    if (password.size() < ProfileManager::kMinPasswordLength) {
        setMessage(m_createMessage,
                   tr("The password is too short: use at least %1 characters.")
                       .arg(ProfileManager::kMinPasswordLength),
                   true);
        m_createPassword->setFocus();
        return;
    }
    if (password != m_createRepeat->text()) {
        setMessage(m_createMessage, tr("The two passwords are different. Type the same password twice."),
                   true);
        clearSecretEdit(m_createRepeat);
        m_createRepeat->setFocus();
        return;
    }
    const bool paperOnly = m_createPaperOnly->isChecked();
    setBusy(true, tr("Creating profile…"));
    ProfileManager* manager = &m_manager;
    runInPool<ProfileResult>(
        this, [manager, name, password, paperOnly] { return manager->create(name, password, paperOnly); },
        [this](ProfileResult result) {
            setBusy(false);
            if (!result.ok()) {
                setMessage(m_createMessage, result.message, true);
                return;
            }
            clearSecretEdit(m_createPassword);
            clearSecretEdit(m_createRepeat);
            showPage(m_loginPage);
            reloadProfiles(result.profile.id);
            connect(
                this, &LoginDialog::profilesLoaded, this,
                [this, name = result.profile.name] {
                    setMessage(m_loginMessage,
                               tr("Profile “%1” created. Enter its password to log in.").arg(name), false);
                },
                Qt::SingleShotConnection);
        });
}

void LoginDialog::renameProfile() {
    const ProfileInfo* p = selectedProfile();
    if (!p || m_busy)
        return;
    const QString id = p->id;
    const QString name = m_renameEdit->text().trimmed();
    if (name.isEmpty()) {
        setMessage(m_renameMessage, tr("Enter a name for the profile."), true);
        return;
    }
    setBusy(true, tr("Renaming…"));
    ProfileManager* manager = &m_manager;
    runInPool<ProfileResult>(
        this, [manager, id, name] { return manager->rename(id, name); },
        [this, id](ProfileResult result) {
            setBusy(false);
            if (!result.ok()) {
                setMessage(m_renameMessage, result.message, true);
                return;
            }
            showPage(m_loginPage);
            reloadProfiles(id);
        });
}

void LoginDialog::deleteProfile() {
    const ProfileInfo* p = selectedProfile();
    if (!p || m_busy)
        return;
    const QString id = p->id;
    const QString name = p->name;
    const QString password = p->hasPassword ? m_deletePassword->text() : QString();
    if (p->hasPassword && password.isEmpty()) {
        setMessage(m_deleteMessage, tr("Enter the password of “%1” to delete it.").arg(name), true);
        return;
    }
    setBusy(true, tr("Deleting profile…"));
    m_remover->remove(id, password, this, [this, id, name](ProfileResult result) {
        setBusy(false);
        clearSecretEdit(m_deletePassword);
        if (!result.ok()) {
            QString message = result.message;
            if (result.status == ProfileStatus::WrongPassword)
                message =
                    result.retryAfterMs > 0
                        ? tr("Wrong password. Try again in %1 s.").arg((result.retryAfterMs + 999) / 1000)
                        : tr("Wrong password. The profile was not deleted.");
            else if (result.status == ProfileStatus::Throttled)
                message = tr("Too many wrong passwords. Try again in %1 s.")
                              .arg((result.retryAfterMs + 999) / 1000);
            setMessage(m_deleteMessage, message, true);
            return;
        }
        m_waits.remove(id);
        showPage(m_loginPage);
        reloadProfiles();
        connect(
            this, &LoginDialog::profilesLoaded, this,
            [this, name] { setMessage(m_loginMessage, tr("Profile “%1” was deleted.").arg(name), false); },
            Qt::SingleShotConnection);
    });
}

// --- helpers --------------------------------------------------------------------------------------------

void LoginDialog::showPage(QWidget* page) {
    m_pages->setCurrentWidget(page);
    for (QWidget* p : {m_loginPage, m_createPage, m_renamePage, m_deletePage})
        p->setSizePolicy(QSizePolicy::Preferred, p == page ? QSizePolicy::Preferred : QSizePolicy::Ignored);
}

void LoginDialog::setBusy(bool busy, const QString& what) {
    if (m_busy == busy && (!busy || m_busyLabel->text() == what))
        return;
    m_busy = busy;
    m_pages->setEnabled(!busy);
    m_busyLabel->setText(what);
    m_busyLabel->setVisible(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    updateButtons();
    emit busyChanged(busy);
}

void LoginDialog::setMessage(QLabel* label, const QString& text, bool isError) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
    theme::setTextColor(label, isError ? theme::error() : theme::dimText());
    label->setProperty("isError", isError);
}

LoggedInProfile LoginDialog::takeResult() {
    LoggedInProfile out = std::move(m_result);
    m_result = {};
    return out;
}

} // namespace hoga
