#pragma once

#include "cli_args.h"
#include "cli_error.h"
#include "record_writer.h"

#include <QProcessEnvironment>

#include <optional>

class QIODevice;

namespace hoga::cli {

// profile create/list/delete and keys set/list/remove: everything about profiles that needs no venue (keys
// test opens the venue, so CliApp runs it). Records go to `out`; `in` carries the keys of keys set;
// `notices` gets the key store fallback notice with --verbose.
class ProfileCommands {
public:
    ProfileCommands(RecordWriter& out, QIODevice* in, QIODevice* notices, QProcessEnvironment environment);

    std::optional<CliError> run(const CliArgs& args);

    // {"id", "name", "paper_only", "created_at"}
    static QByteArray profileRecord(const QString& id, const QString& name, bool paperOnly, qint64 createdMs);
    // {"venue", "access_key_masked"}
    static QByteArray keyRecord(const QString& venue, const QString& maskedAccessKey);

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
    CliArgs m_args;
};

} // namespace hoga::cli
