#include "command_options.h"

#include <QCoreApplication>

#include <algorithm>

namespace hoga::cli {

namespace {

const CommandOptions::Spec* findSpec(std::span<const CommandOptions::Spec> specs, const QString& name) {
    for (const CommandOptions::Spec& spec : specs)
        if (name == QLatin1String(spec.name))
            return &spec;
    return nullptr;
}

} // namespace

QString CommandOptions::firstWord(const QStringList& arguments, std::span<const Spec> specs) {
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments[i];
        if (arg.startsWith(QLatin1String("--"))) {
            const qsizetype eq = arg.indexOf(QLatin1Char('='));
            const Spec* spec = findSpec(specs, arg.mid(2, eq < 0 ? -1 : eq - 2));
            if (spec && spec->takesValue && eq < 0)
                ++i;
            continue;
        }
        if (!arg.startsWith(QLatin1Char('-')))
            return arg;
    }
    return {};
}

std::variant<CommandOptions, CliError> CommandOptions::parse(const QStringList& arguments,
                                                             std::span<const Spec> specs) {
    CommandOptions o;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& arg = arguments[i];
        if (!arg.startsWith(QLatin1String("--"))) {
            o.words << arg;
            continue;
        }
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        const QString name = arg.mid(2, eq < 0 ? -1 : eq - 2);
        const Spec* spec = findSpec(specs, name);
        if (!spec)
            return CliError::usage(
                QCoreApplication::translate("hoga::Cli", "Unknown option --%1.").arg(name));
        QString value;
        if (spec->takesValue) {
            if (eq >= 0)
                value = arg.mid(eq + 1);
            else if (i + 1 < arguments.size())
                value = arguments[++i];
            else
                return CliError::usage(
                    QCoreApplication::translate("hoga::Cli", "--%1 needs a value.").arg(name));
        }
        if (spec->global) {
            o.globals << arg;
            if (spec->takesValue && eq < 0)
                o.globals << value;
        }
        if (o.values.contains(name) && !spec->repeatable)
            return CliError::usage(
                QCoreApplication::translate("hoga::Cli", "--%1 is given more than once.").arg(name));
        o.values[name] << value;
    }
    return o;
}

std::optional<CliError> CommandOptions::allowOnly(const QStringList& allowed, const QString& command) const {
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const bool global = globals.contains(QLatin1String("--") + it.key()) ||
                            std::any_of(globals.cbegin(), globals.cend(), [&](const QString& g) {
                                return g.startsWith(QLatin1String("--") + it.key() + QLatin1Char('='));
                            });
        if (!global && !allowed.contains(it.key()))
            return CliError::usage(QCoreApplication::translate("hoga::Cli", "--%1 does not apply to %2.")
                                       .arg(it.key(), command));
    }
    return std::nullopt;
}

} // namespace hoga::cli
