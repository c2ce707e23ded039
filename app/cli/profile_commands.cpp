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

// An extra field's value (an account number, "real"): any text without control characters, or empty.
bool isFieldText(const QString& text) {
    if (text.size() > 200)
        return false;
    for (const QChar c : text)
        if (c.category() == QChar::Other_Control)
            return false;
    return true;
}

// "Access key; Secret key; Account number; Account type (real|virtual); HTS ID, optional": what keys set
// reads, one line each.
QString fieldLines(const CredentialSchema& schema) {
    QStringList lines;
    for (const CredentialField& f : schema.fields) {
        QString line = f.displayLabel();
        if (!f.choices.isEmpty())
            line = QStringLiteral("%1 (%2)").arg(line, f.choices.join(QLatin1Char('|')));
        if (f.optional)
            line = QCoreApplication::translate("hoga::Cli", "%1, optional").arg(line);
        lines << line;
    }
    return lines.join(QStringLiteral("; "));
}

// The usage error of keys set for a venue with extra fields; `field` names the line that was wrong. Never
// repeats what was typed (it could be a key on the wrong line).
CliError fieldsError(const QString& venue, const CredentialSchema& schema, const CredentialField* field) {
    QString message = QCoreApplication::translate(
                          "hoga::Cli", "keys set --venue %1 reads one line per field from standard input, in "
                                       "this order: %2. Keys are printable characters without spaces; an "
                                       "optional field may be an empty line.")
                          .arg(venue, fieldLines(schema));
    if (field)
        message = QCoreApplication::translate("hoga::Cli", "\"%1\" is missing or not valid.")
                      .arg(field->displayLabel()) +
                  QLatin1Char(' ') + message;
    return CliError::usage(message);
}

} // namespace

ProfileCommands::ProfileCommands(RecordWriter& out, QIODevice* in, QIODevice* notices,
                                 QProcessEnvironment environment, CredentialSchemaLookup schemas)
    : m_out(out)
    , m_in(in)
    , m_notices(notices)
    , m_environment(std::move(environment))
    , m_schemas(std::move(schemas)) {}

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

QByteArray ProfileCommands::keyRecord(const QString& venue, const QString& maskedAccessKey,
                                      const CredentialSchema& schema, const QHash<QString, QString>& extras) {
    net::JsonWriter w;
    w.beginObject().field("venue", venue).field("access_key_masked", maskedAccessKey);
    for (const CredentialField& f : schema.extraFields()) {
        const QString value = extras.value(f.id);
        // Never a secret; and never a member that would shadow the record's own two.
        if (f.secret || value.isEmpty() || f.id == QLatin1String("venue") ||
            f.id == QLatin1String("access_key_masked"))
            continue;
        w.field(f.id.toStdString(), value);
    }
    w.endObject();
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
    // The fields come from standard input only, so they never show in the process list or a shell history:
    // the access key, the secret key, then the venue's extra fields in schema order, one per line.
    const CredentialSchema schema = m_schemas(m_args.venue);
    const QList<CredentialField> extraFields = schema.extraFields();
    WipedBytes access;
    WipedBytes secret;
    if (std::optional<QByteArray> line = readInputLine(m_in))
        access.bytes() = std::move(*line);
    if (std::optional<QByteArray> line = readInputLine(m_in))
        secret.bytes() = std::move(*line);
    if (!isKeyText(access.bytes()) || !isKeyText(secret.bytes())) {
        if (!extraFields.isEmpty())
            return fieldsError(m_args.venue, schema, nullptr);
        return CliError::usage(QCoreApplication::translate(
            "hoga::Cli", "keys set reads two lines from standard input: the access key, then the "
                         "secret key (printable characters, no spaces)."));
    }
    QHash<QString, QString> extras;
    for (const CredentialField& field : extraFields) {
        const std::optional<QByteArray> line = readInputLine(m_in);
        const QString value = line ? QString::fromUtf8(*line).trimmed() : QString();
        if (!isFieldText(value))
            return fieldsError(m_args.venue, schema, &field);
        if (!value.isEmpty())
            extras.insert(field.id, value);
    }
    if (const CredentialField* invalid = schema.firstInvalidExtra(extras))
        return fieldsError(m_args.venue, schema, invalid);
    if (std::optional<CliError> error = session.openKeyRing())
        return error;
    ApiKeyPair pair(QString::fromLatin1(access.bytes()),
                    QByteArray(secret.bytes().constData(), secret.bytes().size()), extras);
    const SecretResult stored = session.setKey(m_args.venue, pair);
    if (!stored.ok())
        return secretError(stored);
    m_out.write(keyRecord(m_args.venue, pair.maskedAccessKey(), schema, pair.extras));
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
        m_out.write(keyRecord(venue, pair.maskedAccessKey(), m_schemas(venue), pair.extras));
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
