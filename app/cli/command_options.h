#pragma once

#include "cli_error.h"

#include <QHash>
#include <QStringList>

#include <optional>
#include <span>
#include <variant>

namespace hoga::cli {

// The options and words of a command family that has its own options (bot, journal, emergency-stop),
// parsed against a table. Global options (--venue, --profile, ...) are kept as given, so CommandLine can
// parse them again to open the venue. Options may repeat only when the table says so (--param).
struct CommandOptions {
    struct Spec {
        const char* name;
        bool takesValue;
        bool global;     // one of CommandLine's global options
        bool repeatable; // every value is kept, in order
    };

    QStringList words;                  // "bot", "run"
    QHash<QString, QStringList> values; // option -> its values (flags: one empty value)
    QStringList globals;                // the global options as given

    bool has(const char* name) const { return values.contains(QLatin1String(name)); }
    QString value(const char* name) const { return values.value(QLatin1String(name)).value(0); }
    QStringList all(const char* name) const { return values.value(QLatin1String(name)); }

    // The first word of `arguments`, skipping options and their values (known from `specs`).
    static QString firstWord(const QStringList& arguments, std::span<const Spec> specs);
    // Anything unknown or missing a value is a usage error naming it.
    static std::variant<CommandOptions, CliError> parse(const QStringList& arguments,
                                                        std::span<const Spec> specs);
    // A usage error unless every option given is global or in `allowed`.
    std::optional<CliError> allowOnly(const QStringList& allowed, const QString& command) const;
};

} // namespace hoga::cli
