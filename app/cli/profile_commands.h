#pragma once

#include "cli_args.h"
#include "cli_error.h"
#include "record_writer.h"
#include "venues/venue_factory.h"

#include <QProcessEnvironment>

#include <optional>

class QIODevice;

namespace hoga::cli {

// profile create/list/delete and keys set/list/remove: everything about profiles that needs no venue (keys
// test opens the venue, so CliApp runs it). Records go to `out`; `in` carries the fields of keys set;
// `notices` gets the key store fallback notice with --verbose; `schemas` says which fields a venue's keys
// have (credentialSchema() in hoga-cli).
class ProfileCommands {
public:
    ProfileCommands(RecordWriter& out, QIODevice* in, QIODevice* notices, QProcessEnvironment environment,
                    CredentialSchemaLookup schemas = credentialSchema);

    std::optional<CliError> run(const CliArgs& args);

    // {"id", "name", "paper_only", "created_at"}
    static QByteArray profileRecord(const QString& id, const QString& name, bool paperOnly, qint64 createdMs);
    // {"venue", "access_key_masked"}, then the schema's extra fields that are not secret and have a value
    // (by field id, in schema order: "account", "account_type").
    static QByteArray keyRecord(const QString& venue, const QString& maskedAccessKey,
                                const CredentialSchema& schema = {},
                                const QHash<QString, QString>& extras = {});

private:
    std::optional<CliError> createProfile();
    std::optional<CliError> listProfiles();
    std::optional<CliError> deleteProfile();
    std::optional<CliError> setKeys();
    std::optional<CliError> listKeys();
    std::optional<CliError> removeKeys();

    RecordWriter& m_out;
    QIODevice* m_in;
    QIODevice* m_notices;
    QProcessEnvironment m_environment;
    CredentialSchemaLookup m_schemas;
    CliArgs m_args;
};

} // namespace hoga::cli
