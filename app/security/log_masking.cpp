#include "log_masking.h"

#include <QRegularExpression>

#include <cstdio>
#include <mutex>

namespace hoga {

namespace {

const QString kRedacted = QStringLiteral("[REDACTED]");

// Replaces capture group `group` of every match of `re` with [REDACTED] (whole match for group 0), unless
// `keep(match)` says otherwise.
template <class Keep>
QString redact(const QString& text, const QRegularExpression& re, int group, Keep keep) {
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength(group) == 0 || !keep(m.captured(group)))
            continue;
        out += QStringView(text).mid(last, m.capturedStart(group) - last);
        out += kRedacted;
        last = m.capturedEnd(group);
    }
    if (last == 0)
        return text;
    out += QStringView(text).mid(last);
    return out;
}

bool always(const QString&) {
    return true;
}

bool lettersAndDigits(const QString& run) {
    bool letter = false, digit = false;
    for (const QChar c : run) {
        letter = letter || c.isLetter();
        digit = digit || c.isDigit();
    }
    return letter && digit;
}

bool upperLowerAndDigits(const QString& run) {
    bool upper = false, lower = false, digit = false;
    for (const QChar c : run) {
        upper = upper || c.isUpper();
        lower = lower || c.isLower();
        digit = digit || c.isDigit();
    }
    return upper && lower && digit;
}

const QRegularExpression& jwt() {
    static const QRegularExpression re(
        QStringLiteral(R"(eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}(?:\.[A-Za-z0-9_-]*)?)"));
    return re;
}
const QRegularExpression& authorizationHeader() {
    static const QRegularExpression re(
        QStringLiteral(
            R"(\bAuthorization["']?\s*[:=]\s*["']?((?:(?:Bearer|Basic|Token)\s+)?[^\s"',;}\[\]]+))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}
const QRegularExpression& scheme() {
    static const QRegularExpression re(
        QStringLiteral(R"(\b(?:Bearer|Basic|Token)\s+([A-Za-z0-9._~+/=-]{8,}))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}
const QRegularExpression& keyValue() {
    static const QRegularExpression re(
        QStringLiteral(
            R"(\b(?:[A-Za-z]+[_-])?(?:secret|password|passwd|passphrase|token|api[_-]?key|access[_-]?key|)"
            R"(private[_-]?key|signature)(?:[_-][A-Za-z]+)?["']?\s*[:=]\s*["']?([^\s"',&;}\[\]]+))"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}
const QRegularExpression& longRun() {
    static const QRegularExpression re(
        QStringLiteral(R"((?<![A-Za-z0-9_+/-])[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_+/=-]))"));
    return re;
}
const QRegularExpression& base64Run() {
    static const QRegularExpression re(
        QStringLiteral(R"((?<![A-Za-z0-9+/])[A-Za-z0-9+/]{20,}={0,2}(?![A-Za-z0-9+/=]))"));
    return re;
}

std::mutex g_handlerMutex;
QtMessageHandler g_previous = nullptr;
bool g_installed = false;

void maskingHandler(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    const QString masked = maskSecrets(message);
    QtMessageHandler previous = nullptr;
    {
        std::lock_guard lock(g_handlerMutex);
        previous = g_previous;
    }
    if (previous) {
        previous(type, context, masked);
    } else {
        const QByteArray line = qFormatLogMessage(type, context, masked).toLocal8Bit();
        std::fprintf(stderr, "%s\n", line.constData());
    }
}

} // namespace

QString maskSecrets(const QString& text) {
    if (text.size() < 8)
        return text;
    QString out = redact(text, authorizationHeader(), 1, always);
    out = redact(out, scheme(), 1, always);
    out = redact(out, keyValue(), 1, always);
    out = redact(out, jwt(), 0, always);
    out = redact(out, longRun(), 0, lettersAndDigits);
    out = redact(out, base64Run(), 0, upperLowerAndDigits);
    return out;
}

void installLogMasking() {
    std::lock_guard lock(g_handlerMutex);
    if (g_installed)
        return;
    g_installed = true;
    g_previous = qInstallMessageHandler(maskingHandler);
}

void uninstallLogMasking() {
    std::lock_guard lock(g_handlerMutex);
    if (!g_installed)
        return;
    qInstallMessageHandler(g_previous);
    g_previous = nullptr;
    g_installed = false;
}

} // namespace hoga
