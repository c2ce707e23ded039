#pragma once

#include "cli_error.h"

#include <QProcessEnvironment>
#include <QString>

#include <variant>

namespace hoga::cli {

// Where hoga-cli keeps the order journal and the simulated account of a run.
struct JournalLocation {
    QString database;   // the journal's SQLite file
    QString paperState; // the profile's simulated account (empty: hoga-cli's default)
};

// With a profile: the profile's database and paper account. Without (`profile` empty): hoga-cli's own
// journal beside the profiles folder, shared by every run without a profile.
std::variant<JournalLocation, CliError> locateJournal(const QProcessEnvironment& environment,
                                                      const QString& profile);

// Where the ML models trained with `ml train` are saved: the `models` folder beside the journal.
QString modelsDirectory(const JournalLocation& where);

} // namespace hoga::cli
