#include "password_hasher.h"

#include "secure_bytes.h"

#include <QStringList>

namespace hoga {

namespace {

struct ParsedHash {
    ScryptParams params;
    QByteArray salt;
    QByteArray hash;
};

int log2Exact(quint64 value) {
    if (value == 0 || (value & (value - 1)) != 0)
        return -1;
    int log = 0;
    while (value > 1) {
        value >>= 1;
        ++log;
    }
    return log;
}

std::optional<ParsedHash> parse(const QString& encoded) {
    const QStringList parts = encoded.split(QLatin1Char('$'));
    if (parts.size() != 6 || parts[0] != QLatin1String("scrypt"))
        return std::nullopt;
    bool okN = false, okR = false, okP = false;
    const quint64 n = parts[1].toULongLong(&okN);
    const int r = parts[2].toInt(&okR);
    const int p = parts[3].toInt(&okP);
    if (!okN || !okR || !okP)
        return std::nullopt;
    ParsedHash parsed;
    parsed.params = {log2Exact(n), r, p};
    if (!parsed.params.isWithinBounds())
        return std::nullopt;
    const auto decode = [](const QString& text) {
        return QByteArray::fromBase64Encoding(text.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    };
    const auto salt = decode(parts[4]);
    const auto hash = decode(parts[5]);
    if (!salt || !hash || salt.decoded.size() < 8 || hash.decoded.size() < 16)
        return std::nullopt;
    parsed.salt = salt.decoded;
    parsed.hash = hash.decoded;
    return parsed;
}

} // namespace

QString PasswordHasher::hash(const QString& password) const {
    WipedBytes secret(passwordBytes(password));
    const QByteArray salt = randomBytes(kSaltBytes);
    const auto derived = scryptDerive(secret.bytes(), salt, m_params, kHashBytes);
    if (!derived)
        return {};
    return QStringLiteral("scrypt$%1$%2$%3$%4$%5")
        .arg(m_params.n())
        .arg(m_params.r)
        .arg(m_params.p)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(derived->toBase64()));
}

bool PasswordHasher::verify(const QString& password, const QString& encoded) const {
    const auto parsed = parse(encoded);
    if (!parsed)
        return false;
    WipedBytes secret(passwordBytes(password));
    const auto derived = scryptDerive(secret.bytes(), parsed->salt, parsed->params, int(parsed->hash.size()));
    return derived && constantTimeEquals(*derived, parsed->hash);
}

bool PasswordHasher::needsRehash(const QString& encoded) const {
    const auto parsed = parse(encoded);
    if (!parsed)
        return true;
    const auto& p = parsed->params;
    return p.log2N < m_params.log2N || p.r < m_params.r || p.p < m_params.p;
}

} // namespace hoga
