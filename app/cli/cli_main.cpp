#include "cli_main.h"

#include "cli_app.h"
#include "security/log_masking.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

namespace hoga::cli {

namespace {

// stderr carries exactly one JSON error object, so Qt's own diagnostics are dropped unless HOGA_CLI_DEBUG is
// set (fatal ones always get through: the process is about to abort anyway).
void quietMessages(QtMsgType type, const QMessageLogContext&, const QString& message) {
    static const bool debug = qEnvironmentVariableIsSet("HOGA_CLI_DEBUG");
    if (debug || type == QtFatalMsg)
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

} // namespace

int cliMain(int argc, char** argv, CredentialSchemaLookup schemas) {
    qInstallMessageHandler(quietMessages);
    // Masks credentials in every message before quietMessages sees it (HOGA_CLI_DEBUG prints them).
    installLogMasking();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Hoga"));
    QCoreApplication::setApplicationName(QStringLiteral("hoga-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QFile out;
    QFile err;
    QFile in;
    if (!out.open(stdout, QIODevice::WriteOnly) || !err.open(stderr, QIODevice::WriteOnly))
        return ExitInternal;
    const bool haveInput = in.open(stdin, QIODevice::ReadOnly); // a closed stdin just means "no keys given"
    CliApp cli(&out, &err, QProcessEnvironment::systemEnvironment());
    cli.setCredentialSchemas(std::move(schemas));
    if (haveInput)
        cli.setInput(&in);
    const int code = cli.run(QCoreApplication::arguments().mid(1));
    out.flush();
    err.flush();
    return code;
}

} // namespace hoga::cli
