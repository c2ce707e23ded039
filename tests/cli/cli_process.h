#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcessEnvironment>
#include <QStringList>

namespace hoga::test {

// One run of the real hoga-cli binary (HOGA_CLI_PATH).
struct CliProcessRun {
    bool finished = false; // false: it had to be killed at the deadline
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QList<QByteArray> lines() const; // stdout lines, without the line breaks
    QJsonObject error() const;       // the "error" member of the stderr object
    QString errorKind() const;
    QString describe() const; // exit code and both streams, for failure messages
};

// Runs hoga-cli with `arguments` and waits on the event loop (so loopback fake venues living on this thread
// keep serving) for at most `deadlineMs`. `environment` defaults to this process's without any HOGA_API_*.
CliProcessRun runHogaCli(const QStringList& arguments, const QProcessEnvironment& environment = {},
                         int deadlineMs = 30'000);
// The same with `input` written to its standard input (then closed).
CliProcessRun runHogaCliWithInput(const QStringList& arguments, const QProcessEnvironment& environment,
                                  const QByteArray& input, int deadlineMs = 30'000);
// The same with another build of hoga-cli (such as hoga-cli-extras).
CliProcessRun runCliProgram(const QString& program, const QStringList& arguments,
                            const QProcessEnvironment& environment, const QByteArray& input,
                            int deadlineMs = 30'000);
QProcessEnvironment cliEnvironment(const QString& apiKey = {}, const QString& apiSecret = {});

// The top-level keys of one compact JSON record line, in the order written (records have no nested objects).
QStringList keysInOrder(const QByteArray& line);
// True when `text` is a decimal in canonical form: what Decimal::toString() gives for it.
bool isCanonicalDecimal(const QString& text);

} // namespace hoga::test
