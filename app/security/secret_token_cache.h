#pragma once

// Venue tokens kept as secrets of a profile (keychain or the encrypted fallback file, never plain text).
// Header-only like credentials_bridge.h: hoga_security itself does not depend on hoga_venues; code that links
// both (hoga-cli, the app's session setup) includes it.

#include "secret_store.h"
#include "secure_bytes.h"
#include "venues/core/token_cache.h"

#include <QObject>

#include <memory>

namespace hoga {

// A TokenCache over a profile's SecretStore. Keys are the venue's own ("kis/_session/real/access_token").
// A token the store cannot read or keep is simply not cached: the venue issues a new one.
class SecretTokenCache final : public TokenCache {
public:
    explicit SecretTokenCache(std::shared_ptr<SecretStore> store)
        : m_store(std::move(store)) {}

    void load(const QString& key, std::function<void(std::optional<CachedToken>)> done) override {
        QObject* context = callerContext();
        m_store->read(key, context, [context, done = std::move(done)](SecretResult r) {
            context->deleteLater();
            done(r.ok() ? parseToken(r.data) : std::nullopt);
        });
    }
    void save(const QString& key, const CachedToken& token, std::function<void()> done) override {
        QByteArray bytes = serializeToken(token);
        QObject* context = callerContext();
        m_store->write(key, bytes, context, [context, done = std::move(done)](SecretResult) {
            context->deleteLater();
            done();
        });
        secureWipe(bytes);
    }
    void forget(const QString& key) override {
        QObject* context = callerContext();
        m_store->remove(key, context, [context](SecretResult) { context->deleteLater(); });
    }

private:
    // The answer comes back on the thread that asked (a connector's own thread, not the one that made
    // this cache): the store delivers on its context's thread, so each call gets a context made here.
    static QObject* callerContext() { return new QObject(); }

    std::shared_ptr<SecretStore> m_store;
};

} // namespace hoga
