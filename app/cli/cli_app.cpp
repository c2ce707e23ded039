#include "cli_app.h"

#include "command_runner.h"
#include "credential_source.h"
#include "record_writer.h"

#include <QCoreApplication>
#include <QIODevice>

#include <exception>

namespace hoga::cli {

CliApp::CliApp(QIODevice* out, QIODevice* err, QProcessEnvironment environment, VenueOpener opener)
    : m_out(out)
    , m_err(err)
    , m_environment(std::move(environment))
    , m_opener(std::move(opener)) {}

int CliApp::report(const CliError& error) {
    RecordWriter(m_err).write(RecordWriter::error(error));
    return error.exitCode;
}

int CliApp::run(const QStringList& arguments) {
    std::variant<CliArgs, CliError> parsed = CommandLine::parse(arguments);
    if (const CliError* error = std::get_if<CliError>(&parsed))
        return report(*error);
    const CliArgs& args = std::get<CliArgs>(parsed);
    if (args.command == CliCommand::Help) {
        m_out->write(CommandLine::usageText().toUtf8());
        return ExitOk;
    }

    try {
        std::unique_ptr<CredentialSource> credentials = credentialSourceFor(args, m_environment);
        auto opened = m_opener(args, *credentials);
        if (const CliError* error = std::get_if<CliError>(&opened))
            return report(*error);
        std::unique_ptr<CliVenue> venue = std::move(std::get<std::unique_ptr<CliVenue>>(opened));
        RecordWriter out(m_out);
        if (std::optional<CliError> error = CommandRunner(*venue, out).run(args))
            return report(*error);
        return ExitOk;
    } catch (const std::exception& e) {
        // A bug (e.g. a DecimalError from a value no venue should send): still one JSON error, never a
        // crash without one.
        VenueError v;
        v.kind = ErrorKind::Venue;
        v.detail =
            QCoreApplication::translate("hoga::Cli", "Internal error: %1").arg(QString::fromUtf8(e.what()));
        CliError error = CliError::fromVenueError(v);
        error.exitCode = ExitInternal;
        return report(error);
    }
}

} // namespace hoga::cli
