#include "profile_commands.h"

#include "profile_session.h"
#include "security/profile_remover.h"
#include "security/secure_bytes.h"
#include "venues/net/json_value.h"
#include "venues/venue_factory.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QIODevice>
#include <QTimer>

namespace hoga::cli {

namespace {

// One line of standard input without its line break, or nullopt at the end of input.
std::optional<QByteArray> readInputLine(QIODevice* in) {
    if (!in)
        return std::nullopt;
    QByteArray line = in->readLine();
    if (line.isEmpty())
        return std::nullopt;
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return line;
}

bool isKeyText(const QByteArray& text) {
    if (text.isEmpty())
        return false;
    for (const char c : text)
        if (uchar(c) <= 0x20 || uchar(c) >= 0x7f)
            return false;
    return true;
}

} // namespace

ProfileCommands::ProfileCommands(RecordWriter& out, QIODevice* in, QIODevice* notices,
                                 QProcessEnvironment environment)
    : m_out(out)
    , m_in(in)
    , m_notices(notices)
    , m_environment(std::move(environment)) {}

QByteArray ProfileCommands::profileRecord(const QString& id, const QString& name, bool paperOnly,
                                          qint64 createdMs) {
    net::JsonWriter w;
    w.beginObject()
        .field("id", id)
        .field("name", name)
        .field("paper_only", paperOnly)
        .field("created_at", createdMs)
        .endObject();
    return w.data();
}

QByteArray ProfileCommands::keyRecord(const QString& venue, const QString& maskedAccessKey) {
    net::JsonWriter w;
    w.beginObject().field("venue", venue).field("access_key_masked", maskedAccessKey).endObject();
    return w.data();
}

std::optional<CliError> ProfileCommands::run(const CliArgs& args) {
    m_args = args;
    switch (args.command) {
    case CliCommand::ProfileCreate:
        return createProfile();
    case CliCommand::ProfileList:
        return listProfiles();
    case CliCommand::ProfileDelete:
        return deleteProfile();
    case CliCommand::KeysSet:
        return setKeys();
    case CliCommand::KeysList:
        return listKeys();
    case CliCommand::KeysRemove:
        return removeKeys();
    default:
        return std::nullopt;
    }
}

std::optional<CliError> ProfileCommands::createProfile() {
    ProfileSession session(m_environment, m_args.timeoutMs);
    // A taken name is refused before the password is asked for.
    if (std::holds_alternative<ProfileInfo>(session.find(m_args.profileName)))
        return CliError::usage(
            QCoreApplication::translate("hoga::Cli", "A profile named \"%1\" already exists.")
                .arg(m_args.profileName));
    auto password = PasswordSource(m_environment).read(m_args.profileName, true);
    if (const CliError* error = std::get_if<CliError>(&password))
        return *error;
    QString& text = std::get<QString>(password);
    const ProfileResult result = session.manager().create(m_args.profileName, text, m_args.paperOnly);
    text.fill(QChar(0));
    if (!result.ok())
        return profileError(result);
    const ProfileInfo& p = result.profile;
    m_out.write(profileRecord(p.id, p.name, p.paperOnly, p.createdMs));
    return std::nullopt;
}

std::optional<CliError> ProfileCommands::listProfiles() {
    ProfileSession session(m_environment, m_args.timeoutMs);
    ProfileResult problem;
    const QList<ProfileInfo> all = session.manager().profiles(&problem);
    if (!problem.ok())
        return profileError(problem);
    for (const ProfileInfo& p : all)
        m_out.write(profileRecord(p.id, p.name, p.paperOnly, p.createdMs));
    return std::nullopt;
}

std::optional<CliError> ProfileCommands::deleteProfile() {
    ProfileSession session(m_environment, m_args.timeoutMs);
    auto found = session.find(m_args.profileName);
    if (const CliError* error = std::get_if<CliError>(&found))
        return *error;
    const ProfileInfo profile = std::get<ProfileInfo>(found);
    QString password;
    if (profile.hasPassword) {
        auto typed = PasswordSource(m_environment).read(profile.name, false);
        if (const CliError* error = std::get_if<CliError>(&typed))
            return *error;
        password = std::get<QString>(typed);
    }
    // Every venue that could have keys: their entries go even if the profile's key index was lost.
    ProfileRemover remover(session.manager(), knownVenues());
    QEventLoop loop;
    std::optional<ProfileResult> result;
    QObject context;
    remover.remove(profile.id, password, &context, [&](ProfileResult r) {
        result = std::move(r);
        loop.quit();
    });
    password.fill(QChar(0));
    if (!result) {
        // Password check, keychain wipe and folder removal each have their own bound.
        QTimer::singleShot(3 * m_args.timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!result)
        return CliError{
            QStringLiteral("storage"),
            {},
            QCoreApplication::translate("hoga::Cli", "Deleting the profile did not finish within %1 ms.")
                .arg(3 * m_args.timeoutMs),
            ExitInternal};
    if (!result->ok())
        return profileError(*result);
    net::JsonWriter w;
    w.beginObject().field("id", profile.id).field("name", profile.name).field("deleted", true).endObject();
    m_out.write(w.data());
    return std::nullopt;
}

std::optional<CliError> ProfileCommands::setKeys() {
    ProfileSession session(m_environment, m_args.timeoutMs, m_args.verbose ? m_notices : nullptr);
    if (std::optional<CliError> error = session.logIn(*m_args.profile))
        return error;
    if (session.profile().paperOnly)
        return CliError{
            QStringLiteral("permission"),
            {},
            QCoreApplication::translate(
                "hoga::Cli", "Profile \"%1\" is paper-only: it cannot hold API keys of a live venue.")
                .arg(session.profile().name),
            ExitRefused};
    // The keys come from standard input only, so they never show in the process list or a shell history.
    WipedBytes access;
    WipedBytes secret;
    if (std::optional<QByteArray> line = readInputLine(m_in))
        access.bytes() = std::move(*line);
    if (std::optional<QByteArray> line = readInputLine(m_in))
        secret.bytes() = std::move(*line);
    if (!isKeyText(access.bytes()) || !isKeyText(secret.bytes()))
        return CliError::usage(QCoreApplication::translate(
            "hoga::Cli", "keys set reads two lines from standard input: the access key, then the "
                         "secret key (printable characters, no spaces)."));
    if (std::optional<CliError> error = session.openKeyRing())
        return error;
    ApiKeyPair pair(QString::fromLatin1(access.bytes()),
                    QByteArray(secret.bytes().constData(), secret.bytes().size()));
    const SecretResult stored = session.setKey(m_args.venue, pair);
    if (!stored.ok())
        return secretError(stored);
    m_out.write(keyRecord(m_args.venue, pair.maskedAccessKey()));
    return std::nullopt;
}

std::optional<CliError> ProfileCommands::listKeys() {
    ProfileSession session(m_environment, m_args.timeoutMs, m_args.verbose ? m_notices : nullptr);
    if (std::optional<CliError> error = session.logIn(*m_args.profile))
        return error;
    if (std::optional<CliError> error = session.openKeyRing())
        return error;
    QStringList venues;
    if (const SecretResult listed = session.venues(&venues); !listed.ok())
        return secretError(listed);
    for (const QString& venue : venues) {
        ApiKeyPair pair;
        const SecretResult read = session.key(venue, &pair);
        if (read.status == SecretStatus::NotFound)
            continue; // indexed but incomplete: nothing usable to show
        if (!read.ok())
            return secretError(read);
        m_out.write(keyRecord(venue, pair.maskedAccessKey()));
    }
    return std::nullopt;
}

std::optional<CliError> ProfileCommands::removeKeys() {
    ProfileSession session(m_environment, m_args.timeoutMs, m_args.verbose ? m_notices : nullptr);
    if (std::optional<CliError> error = session.logIn(*m_args.profile))
        return error;
    if (std::optional<CliError> error = session.openKeyRing())
        return error;
    QStringList venues;
    if (const SecretResult listed = session.venues(&venues); !listed.ok())
        return secretError(listed);
    if (!venues.contains(m_args.venue))
        return CliError{QStringLiteral("not_found"),
                        {},
                        QCoreApplication::translate("hoga::Cli", "Profile \"%1\" has no keys for %2.")
                            .arg(session.profile().name, m_args.venue),
                        ExitRefused};
    if (const SecretResult removed = session.removeKey(m_args.venue); !removed.ok())
        return secretError(removed);
    net::JsonWriter w;
    w.beginObject().field("venue", m_args.venue).field("removed", true).endObject();
    m_out.write(w.data());
    return std::nullopt;
}

} // namespace hoga::cli
