#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>
#include <optional>

namespace hoga {

// A bearer token or session key a venue issued: its bytes, when it stops working, and whom it was issued
// for (a hash of server and app key, so a token of replaced keys is never used).
struct CachedToken {
    QByteArray value;
    qint64 expiresAtMs = 0;
    QByteArray owner;
};

// Keeps issued tokens between connectors and processes, for venues that throttle issuance or alert the
// account holder on each one (KIS). Asynchronous because a profile's secret store is; callbacks run on the
// caller's thread, possibly before the call returns.
class TokenCache {
public:
    virtual ~TokenCache() = default;
    virtual void load(const QString& key, std::function<void(std::optional<CachedToken>)> done) = 0;
    // `done` runs once the token is kept (or keeping it failed: the token still works for this process).
    virtual void save(const QString& key, const CachedToken& token, std::function<void()> done) = 0;
    virtual void forget(const QString& key) = 0;
};

// In this process only (connectors without a profile).
class MemoryTokenCache final : public TokenCache {
public:
    void load(const QString& key, std::function<void(std::optional<CachedToken>)> done) override {
        const auto it = m_tokens.constFind(key);
        done(it == m_tokens.cend() ? std::nullopt : std::optional<CachedToken>(*it));
    }
    void save(const QString& key, const CachedToken& token, std::function<void()> done) override {
        m_tokens.insert(key, token);
        done();
    }
    void forget(const QString& key) override { m_tokens.remove(key); }

private:
    QHash<QString, CachedToken> m_tokens;
};

// The stored form of a token: "<expiresAtMs> <owner> <value>" (none of them contains a space).
inline QByteArray serializeToken(const CachedToken& token) {
    return QByteArray::number(token.expiresAtMs) + ' ' + token.owner + ' ' + token.value;
}

inline std::optional<CachedToken> parseToken(const QByteArray& bytes) {
    const qsizetype first = bytes.indexOf(' ');
    const qsizetype second = first < 0 ? -1 : bytes.indexOf(' ', first + 1);
    if (second < 0)
        return std::nullopt;
    bool ok = false;
    CachedToken t;
    t.expiresAtMs = bytes.left(first).toLongLong(&ok);
    t.owner = bytes.mid(first + 1, second - first - 1);
    t.value = bytes.mid(second + 1);
    if (!ok || t.value.isEmpty())
        return std::nullopt;
    return t;
}

} // namespace hoga
