#include "cli_app.h"

#include "await_result.h"
#include "bot_commands.h"
#include "command_runner.h"
#include "credential_source.h"
#include "journal_location.h"
#include "profile_commands.h"
#include "record_writer.h"
#include "research_commands.h"

#include "venues/net/json_value.h"
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
    try {
        return runCommand(arguments);
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

int CliApp::runCommand(const QStringList& arguments) {
    if (ResearchCommands::handles(arguments)) {
        ResearchCommands research(m_out, m_environment, [this](const CliArgs& args) {
            return m_opener(args, *credentialSourceFor(args, m_environment, m_err, m_schemas));
        });
        if (std::optional<CliError> error = research.run(arguments))
            return report(*error);
        return ExitOk;
    }
    if (BotCommands::handles(arguments)) {
        BotCommands bots(m_out, m_environment, [this](const CliArgs& args) {
            return m_opener(args, *credentialSourceFor(args, m_environment, m_err, m_schemas));
        });
        if (std::optional<CliError> error = bots.run(arguments))
            return report(*error);
        return ExitOk;
    }
    std::variant<CliArgs, CliError> parsed = CommandLine::parse(arguments);
    if (const CliError* error = std::get_if<CliError>(&parsed))
        return report(*error);
    const CliArgs& args = std::get<CliArgs>(parsed);
    if (args.command == CliCommand::Help) {
        m_out->write(CommandLine::usageText().toUtf8());
        return ExitOk;
    }

    {
        if (args.managesProfiles() && args.command != CliCommand::KeysTest) {
            RecordWriter out(m_out);
            if (std::optional<CliError> error =
                    ProfileCommands(out, m_in, m_err, m_environment, m_schemas).run(args))
                return report(*error);
            return ExitOk;
        }
        std::unique_ptr<CredentialSource> credentials =
            credentialSourceFor(args, m_environment, m_err, m_schemas);
        if (args.command == CliCommand::KeysTest)
            return testKeys(args, *credentials);
        // Orders go through the journal; a profile's simulated venue is its own paper account.
        CliArgs run = args;
        QString journal;
        const bool profileSim =
            args.profile && args.venue == QLatin1String("sim") && args.simStatePath.isEmpty();
        if (args.changesOrders() || profileSim) {
            auto located = locateJournal(m_environment, args.profile.value_or(QString()));
            if (const CliError* error = std::get_if<CliError>(&located))
                return report(*error);
            journal = std::get<JournalLocation>(located).database;
            if (profileSim)
                run.simStatePath = std::get<JournalLocation>(located).paperState;
        }
        auto opened = m_opener(run, *credentials);
        if (const CliError* error = std::get_if<CliError>(&opened))
            return report(*error);
        std::unique_ptr<CliVenue> venue = std::move(std::get<std::unique_ptr<CliVenue>>(opened));
        RecordWriter out(m_out);
        if (std::optional<CliError> error = CommandRunner(*venue, out, journal).run(run))
            return report(*error);
        return ExitOk;
    }
}

int CliApp::testKeys(const CliArgs& args, CredentialSource& credentials) {
    auto opened = m_opener(args, credentials);
    if (const CliError* error = std::get_if<CliError>(&opened))
        return report(*error);
    std::unique_ptr<CliVenue> venue = std::move(std::get<std::unique_ptr<CliVenue>>(opened));
    Connector* connector = venue->connector();
    if (!connector->hasCredentials())
        return report(CliError{QStringLiteral("not_found"),
                               {},
                               QCoreApplication::translate("hoga::Cli", "Profile \"%1\" has no keys for %2.")
                                   .arg(*args.profile, args.venue),
                               ExitRefused});
    Result<QVector<Balance>> r = awaitResult(connector->fetchBalances(), args.timeoutMs);
    if (!r.ok())
        return report(CliError::fromVenueError(r.error()));
    // {"venue", "ok", "balances": [balance records]}
    QByteArray balances;
    for (Balance& b : r.value()) {
        if (b.venue.isEmpty())
            b.venue = connector->venueId();
        if (!balances.isEmpty())
            balances += ',';
        balances += RecordWriter::balance(b);
    }
    net::JsonWriter head;
    head.beginObject().field("venue", args.venue).field("ok", true).endObject();
    QByteArray record = head.data();
    record.chop(1);
    record += ",\"balances\":[" + balances + "]}";
    RecordWriter(m_out).write(record);
    return ExitOk;
}

} // namespace hoga::cli
