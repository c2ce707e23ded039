#include "journal_location.h"

#include "cli_args.h"
#include "profile_session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace hoga::cli {

std::variant<JournalLocation, CliError> locateJournal(const QProcessEnvironment& environment,
                                                      const QString& profile) {
    JournalLocation where;
    if (!profile.isEmpty()) {
        ProfileSession session(environment, CliArgs::kDefaultTimeoutMs);
        auto found = session.find(profile);
        if (const CliError* error = std::get_if<CliError>(&found))
            return *error;
        const ProfilePaths paths = session.manager().paths(std::get<ProfileInfo>(found).id);
        where.database = paths.databaseFile();
        where.paperState = paths.dir() + QStringLiteral("/sim-journal.jsonl");
        return where;
    }
    const QString base = QFileInfo(QDir(profilesBaseDir(environment)).absolutePath()).path();
    if (!QDir().mkpath(base))
        return CliError{QStringLiteral("storage"),
                        {},
                        QCoreApplication::translate("hoga::Cli", "Cannot create the folder %1.")
                            .arg(QDir::toNativeSeparators(base)),
                        ExitInternal};
    where.database = QDir(base).filePath(QStringLiteral("hoga-cli.sqlite"));
    return where;
}

QString modelsDirectory(const JournalLocation& where) {
    return QFileInfo(where.database).absolutePath() + QStringLiteral("/models");
}

} // namespace hoga::cli
