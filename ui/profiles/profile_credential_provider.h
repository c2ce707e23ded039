#pragma once

#include "session/credential_provider.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

namespace hoga {

class ApiKeyRing;

// The logged-in profile's API keys (with the venues' extra fields) for the venue sessions. Keys are read from
// the profile's ApiKeyRing asynchronously, up front (load()), because credentialsFor() must answer at once;
// after the user changes a key in "Venues and keys", reload() that venue.
class ProfileCredentialProvider final : public CredentialProvider {
public:
    // One venue's key could not be read (keychain locked, file damaged...): translated, for the user.
    struct LoadProblem {
        QString venue;
        QString message;
    };
    using LoadDone = std::function<void(QList<LoadProblem> problems)>;

    // Reads the keys of `venues` from `ring` (venues without a key are simply absent) and calls `done` on
    // `context`'s thread once all answered. The ring must stay alive until then.
    void load(ApiKeyRing& ring, const QStringList& venues, QObject* context, LoadDone done);
    void reload(ApiKeyRing& ring, const QString& venue, QObject* context, LoadDone done) {
        load(ring, {venue}, context, std::move(done));
    }

    // Thread-safe.
    Credentials credentialsFor(const QString& venue) const override;
    bool hasKey(const QString& venue) const;
    QStringList venuesWithKeys() const;
    // Wipes every key held in memory (logging out, locking).
    void clear();

private:
    struct Key {
        QString accessKey;
        QByteArray secretKey;
        QHash<QString, QString> extras;
    };
    void store(const QString& venue, Key key);
    void forget(const QString& venue);

    mutable QMutex m_mutex;
    QHash<QString, Key> m_keys;
    // Venue session tokens (KIS) kept as secrets of the profile, so later runs reuse them.
    std::shared_ptr<TokenCache> m_tokenCache;
};

} // namespace hoga
