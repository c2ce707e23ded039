#include "cli_process.h"

#include "core/decimal.h"

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>

namespace hoga::test {

QList<QByteArray> CliProcessRun::lines() const {
    QList<QByteArray> list = out.split('\n');
    if (!list.isEmpty() && list.last().isEmpty())
        list.removeLast();
    return list;
}

QJsonObject CliProcessRun::error() const {
    return QJsonDocument::fromJson(err).object().value(QStringLiteral("error")).toObject();
}

QString CliProcessRun::errorKind() const {
    return error().value(QStringLiteral("kind")).toString();
}

QString CliProcessRun::describe() const {
    return QStringLiteral("exit %1%2\nstdout: %3\nstderr: %4")
        .arg(exitCode)
        .arg(finished ? QString() : QStringLiteral(" (killed at the deadline)"))
        .arg(QString::fromUtf8(out.left(2000)), QString::fromUtf8(err.left(2000)));
}

QProcessEnvironment cliEnvironment(const QString& apiKey, const QString& apiSecret) {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("HOGA_API_KEY"));
    env.remove(QStringLiteral("HOGA_API_SECRET"));
    if (!apiKey.isEmpty())
        env.insert(QStringLiteral("HOGA_API_KEY"), apiKey);
    if (!apiSecret.isEmpty())
        env.insert(QStringLiteral("HOGA_API_SECRET"), apiSecret);
    return env;
}

CliProcessRun runHogaCli(const QStringList& arguments, const QProcessEnvironment& environment,
                         int deadlineMs) {
    return runHogaCliWithInput(arguments, environment, {}, deadlineMs);
}

CliProcessRun runHogaCliWithInput(const QStringList& arguments, const QProcessEnvironment& environment,
                                  const QByteArray& input, int deadlineMs) {
    return runCliProgram(QStringLiteral(HOGA_CLI_PATH), arguments, environment, input, deadlineMs);
}

CliProcessRun runCliProgram(const QString& program, const QStringList& arguments,
                            const QProcessEnvironment& environment, const QByteArray& input, int deadlineMs) {
    QProcess process;
    QProcessEnvironment env = environment.isEmpty() ? cliEnvironment() : environment;
    // hoga-cli keeps an order journal in its data folder: a run that names none gets a fresh one, so no test
    // reconciles another's orders (tests that follow orders across runs set HOGA_DATA_DIR themselves).
    QTemporaryDir data;
    if (!env.contains(QStringLiteral("HOGA_DATA_DIR")))
        env.insert(QStringLiteral("HOGA_DATA_DIR"), data.path());
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    CliProcessRun run;
    if (!process.waitForStarted(10'000))
        return run;
    process.write(input);
    process.closeWriteChannel();
    run.finished = finished.wait(deadlineMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5'000);
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QStringList keysInOrder(const QByteArray& line) {
    static const QRegularExpression key(QStringLiteral(R"re("([a-z0-9_]+)":)re"));
    QStringList keys;
    for (const QRegularExpressionMatch& m : key.globalMatch(QString::fromUtf8(line)))
        keys << m.captured(1);
    return keys;
}

bool isCanonicalDecimal(const QString& text) {
    const std::optional<Decimal> d = Decimal::parse(text);
    return d && d->toString() == text;
}

} // namespace hoga::test
