#include "profile_session.h"

#include "venues/venue_factory.h"

#include "record_writer.h"
#include "security/profile_store.h"
#include "security/secure_bytes.h"
#include "venues/net/json_value.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QIODevice>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <termios.h>
#include <unistd.h>
#endif

#include <algorithm>

namespace hoga::cli {

namespace {

// The GUI's application name: AppDataLocation depends on it, and both programs must share one profile folder.
const QString kGuiApplicationName = QStringLiteral("Hoga");
constexpr int kMaxKeyStoreWaitMs = 10'000;

CliError storageError(const QString& message) {
    return CliError{QStringLiteral("storage"), {}, message, ExitInternal};
}

CliError refused(const QString& kind, const QString& message) {
    return CliError{kind, {}, message, ExitRefused};
}

#ifdef Q_OS_UNIX
// One line typed on the controlling terminal with echo off, or nullopt when there is no terminal.
std::optional<QByteArray> readTerminalLine(const QString& prompt) {
    const int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    const QByteArray promptBytes = prompt.toUtf8();
    [[maybe_unused]] ssize_t written = ::write(fd, promptBytes.constData(), size_t(promptBytes.size()));
    termios saved{};
    const bool isTerminal = ::tcgetattr(fd, &saved) == 0;
    if (isTerminal) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fd, TCSANOW, &silent);
    }
    QByteArray line;
    line.reserve(256); // no reallocation (which would leave copies behind) for any sensible password
    char c = 0;
    while (::read(fd, &c, 1) == 1 && c != '\n')
        line.append(c);
    c = 0;
    if (isTerminal)
        ::tcsetattr(fd, TCSANOW, &saved);
    written = ::write(fd, "\n", 1);
    ::close(fd);
    if (line.endsWith('\r'))
        line.chop(1);
    return line;
}
#else
std::optional<QByteArray> readTerminalLine(const QString&) {
    return std::nullopt; // other systems: HOGA_PROFILE_PASSWORD
}
#endif

// Runs `start(context, callback)` and waits on a local event loop until the callback ran or `timeoutMs`
// passed. `context` dies first on return, so a late answer is dropped instead of touching this frame.
template <class Result, class Start> std::optional<Result> awaitCallback(int timeoutMs, Start&& start) {
    QEventLoop loop;
    std::optional<Result> result;
    QObject context;
    start(&context, [&](Result r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

SecretResult noAnswer(int timeoutMs) {
    return SecretResult::failure(
        SecretStatus::NoKeychain,
        QCoreApplication::translate("hoga::Cli", "The key store did not answer within %1 ms.")
            .arg(timeoutMs));
}

} // namespace

QString profilesBaseDir(const QProcessEnvironment& environment) {
    const QString dataDir = environment.value(QStringLiteral("HOGA_DATA_DIR"));
    if (!dataDir.isEmpty())
        return QDir(dataDir).absolutePath() + QStringLiteral("/profiles");
    const QString own = QCoreApplication::applicationName();
    QCoreApplication::setApplicationName(kGuiApplicationName);
    const QString base = ProfileStore::defaultBaseDir();
    QCoreApplication::setApplicationName(own);
    return base;
}

PasswordSource::PasswordSource(QProcessEnvironment environment)
    : m_environment(std::move(environment)) {}

std::variant<QString, CliError> PasswordSource::read(const QString& profileName, bool confirm) const {
    if (m_environment.contains(QLatin1String(kPasswordVariable)))
        return m_environment.value(QLatin1String(kPasswordVariable));
    WipedBytes first;
    if (std::optional<QByteArray> typed = readTerminalLine(
            QCoreApplication::translate("hoga::Cli", "Password for profile \"%1\": ").arg(profileName)))
        first.bytes() = std::move(*typed);
    else
        return CliError::usage(
            QCoreApplication::translate("hoga::Cli", "No terminal to ask the profile password on: set %1.")
                .arg(QLatin1String(kPasswordVariable)));
    if (confirm) {
        WipedBytes second;
        second.bytes() =
            readTerminalLine(QCoreApplication::translate("hoga::Cli", "Type the password again: "))
                .value_or(QByteArray());
        if (!constantTimeEquals(first.bytes(), second.bytes()))
            return CliError::usage(
                QCoreApplication::translate("hoga::Cli", "The two passwords differ; nothing was changed."));
    }
    return QString::fromUtf8(first.bytes());
}

CliError profileError(const ProfileResult& result) {
    switch (result.status) {
    case ProfileStatus::WrongPassword:
    case ProfileStatus::Throttled:
        return refused(QStringLiteral("auth"), result.message);
    case ProfileStatus::NotFound:
        return refused(QStringLiteral("not_found"), result.message);
    case ProfileStatus::InvalidName:
    case ProfileStatus::NameTaken:
    case ProfileStatus::WeakPassword:
        return CliError::usage(result.message);
    case ProfileStatus::Ok:
    case ProfileStatus::StorageError:
    case ProfileStatus::RegistryDamaged:
        break;
    }
    return storageError(result.message);
}

CliError secretError(const SecretResult& result) {
    switch (result.status) {
    case SecretStatus::NotFound:
        return refused(QStringLiteral("not_found"), result.message);
    case SecretStatus::AccessDenied:
    case SecretStatus::WrongPassword:
        return refused(QStringLiteral("auth"), result.message);
    default:
        return storageError(result.message);
    }
}

ProfileSession::ProfileSession(QProcessEnvironment environment, int timeoutMs, QIODevice* notices)
    : m_environment(std::move(environment))
    , m_timeoutMs(timeoutMs)
    , m_notices(notices) {
    ProfileManager::Options options;
    options.baseDir = profilesBaseDir(m_environment);
    m_manager = std::make_unique<ProfileManager>(options);
}

ProfileSession::~ProfileSession() {
    m_ring.reset();
    m_selector.reset();
    m_password.fill(QChar(0)); // best effort: our copy of the password does not linger
}

std::variant<ProfileInfo, CliError> ProfileSession::find(const QString& profileName) const {
    ProfileResult problem;
    const QList<ProfileInfo> all = m_manager->profiles(&problem);
    if (!problem.ok())
        return profileError(problem);
    for (const ProfileInfo& p : all)
        if (p.name.compare(profileName.trimmed(), Qt::CaseInsensitive) == 0)
            return p;
    return refused(QStringLiteral("not_found"),
                   QCoreApplication::translate("hoga::Cli",
                                               "There is no profile named \"%1\". List them with "
                                               "hoga-cli profile list.")
                       .arg(profileName));
}

std::optional<CliError> ProfileSession::logIn(const QString& profileName) {
    auto found = find(profileName);
    if (const CliError* error = std::get_if<CliError>(&found))
        return *error;
    m_profile = std::get<ProfileInfo>(found);
    if (m_profile.hasPassword) {
        auto password = PasswordSource(m_environment).read(m_profile.name, false);
        if (const CliError* error = std::get_if<CliError>(&password))
            return *error;
        m_password = std::get<QString>(password);
    }
    const ProfileResult result = m_manager->login(m_profile.id, m_password);
    if (!result.ok())
        return profileError(result);
    return std::nullopt;
}

std::optional<CliError> ProfileSession::openKeyRing() {
    SecretStoreSelector::Options options;
    options.probeTimeoutMs = std::min(m_timeoutMs, kMaxKeyStoreWaitMs);
    options.keychain.timeoutMs = std::min(m_timeoutMs, kMaxKeyStoreWaitMs);
    m_selector = std::make_unique<SecretStoreSelector>(options);
    const QString dir = m_manager->paths(m_profile.id).dir();
    // The probe and the selection each have their own bound; allow for both.
    std::optional<SecretStoreSelector::Choice> choice =
        awaitCallback<SecretStoreSelector::Choice>(2 * m_timeoutMs, [&](QObject* context, auto done) {
            m_selector->select(m_profile.id, dir, m_password, context, std::move(done));
        });
    if (!choice)
        return secretError(noAnswer(2 * m_timeoutMs));
    if (!choice->store)
        return storageError(choice->notice);
    if (choice->fellBack && m_notices) {
        net::JsonWriter w;
        w.beginObject().field("notice", choice->notice).endObject();
        RecordWriter(m_notices).write(w.data());
    }
    m_ring = std::make_unique<ApiKeyRing>(choice->store);
    return std::nullopt;
}

SecretResult ProfileSession::setKey(const QString& venue, const ApiKeyPair& pair) {
    auto r = awaitCallback<SecretResult>(m_timeoutMs, [&](QObject* context, auto done) {
        m_ring->setKey(venue, pair, context, std::move(done));
    });
    return r ? std::move(*r) : noAnswer(m_timeoutMs);
}

SecretResult ProfileSession::key(const QString& venue, ApiKeyPair* out) {
    using Answer = std::pair<SecretResult, ApiKeyPair>;
    auto r = awaitCallback<Answer>(m_timeoutMs, [&](QObject* context, auto done) {
        m_ring->key(venue, context, [done](SecretResult status, ApiKeyPair pair) {
            done(Answer(std::move(status), std::move(pair)));
        });
    });
    if (!r)
        return noAnswer(m_timeoutMs);
    *out = std::move(r->second);
    return std::move(r->first);
}

SecretResult ProfileSession::venues(QStringList* out) {
    using Answer = std::pair<SecretResult, QStringList>;
    auto r = awaitCallback<Answer>(m_timeoutMs, [&](QObject* context, auto done) {
        m_ring->venues(context, [done](SecretResult status, QStringList list) {
            done(Answer(std::move(status), std::move(list)));
        });
    });
    if (!r)
        return noAnswer(m_timeoutMs);
    *out = r->second;
    return std::move(r->first);
}

SecretResult ProfileSession::removeKey(const QString& venue) {
    auto r = awaitCallback<SecretResult>(m_timeoutMs, [&](QObject* context, auto done) {
        m_ring->removeKey(venue, context, std::move(done));
    });
    if (!r || !r->ok())
        return r ? std::move(*r) : noAnswer(m_timeoutMs);
    for (const QString& token : venueTokenSecrets(venue)) {
        auto removed = awaitCallback<SecretResult>(m_timeoutMs, [&](QObject* context, auto done) {
            m_ring->sharedStore()->remove(token, context, std::move(done));
        });
        if (!removed)
            return noAnswer(m_timeoutMs);
        if (!removed->ok() && removed->status != SecretStatus::NotFound)
            return std::move(*removed);
    }
    return std::move(*r);
}

} // namespace hoga::cli
