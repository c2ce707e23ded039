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
        later(context, [store = m_store, key, context, done = std::move(done)]() mutable {
            store->read(key, context, [context, done = std::move(done)](SecretResult r) {
                context->deleteLater();
                done(r.ok() ? parseToken(r.data) : std::nullopt);
            });
        });
    }
    void save(const QString& key, const CachedToken& token, std::function<void()> done) override {
        QObject* context = callerContext();
        later(context, [store = m_store, key, bytes = serializeToken(token), context,
                        done = std::move(done)]() mutable {
            store->write(key, bytes, context, [context, done = std::move(done)](SecretResult) {
                context->deleteLater();
                done();
            });
            secureWipe(bytes);
        });
    }
    void forget(const QString& key) override {
        QObject* context = callerContext();
        later(context, [store = m_store, key, context] {
            store->remove(key, context, [context](SecretResult) { context->deleteLater(); });
        });
    }

private:
    // The answer comes back on the thread that asked (a connector's own thread, not the one that made
    // this cache): the store delivers on its context's thread, so each call gets a context made here.
    static QObject* callerContext() { return new QObject(); }
    // Store calls start on the next event-loop turn, never inside the caller's own callback (a network
    // reply's or a rate limiter's), which a keychain job must not run within.
    template <class F> static void later(QObject* context, F work) {
        QMetaObject::invokeMethod(context, std::move(work), Qt::QueuedConnection);
    }

    std::shared_ptr<SecretStore> m_store;
};

} // namespace hoga
