#include "profile_credential_provider.h"

#include "security/api_key_ring.h"
#include "security/secret_token_cache.h"
#include "security/secure_bytes.h"

#include <QMutexLocker>

#include <memory>

namespace hoga {

void ProfileCredentialProvider::load(ApiKeyRing& ring, const QStringList& venues, QObject* context,
                                     LoadDone done) {
    {
        QMutexLocker lock(&m_mutex);
        if (!m_tokenCache && ring.sharedStore())
            m_tokenCache = std::make_shared<SecretTokenCache>(ring.sharedStore());
    }
    struct Pending {
        int left = 0;
        QList<LoadProblem> problems;
        LoadDone done;
    };
    auto pending = std::make_shared<Pending>();
    pending->left = int(venues.size());
    pending->done = std::move(done);
    if (venues.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [pending] { pending->done({}); }, Qt::QueuedConnection);
        return;
    }
    // The ring runs its operations one after another, in call order.
    for (const QString& venue : venues) {
        ring.key(venue, context, [this, venue, pending](SecretResult status, ApiKeyPair key) {
            if (status.ok() && !key.isEmpty())
                store(venue, Key{key.accessKey, QByteArray(key.secretKey.constData(), key.secretKey.size()),
                                 key.extras});
            else
                forget(venue);
            if (!status.ok() && status.status != SecretStatus::NotFound)
                pending->problems.append({venue, status.message});
            key.wipe();
            if (--pending->left == 0)
                pending->done(pending->problems);
        });
    }
}

void ProfileCredentialProvider::store(const QString& venue, Key key) {
    QMutexLocker lock(&m_mutex);
    auto it = m_keys.find(venue);
    if (it != m_keys.end())
        secureWipe(it->secretKey);
    m_keys.insert(venue, std::move(key));
}

void ProfileCredentialProvider::forget(const QString& venue) {
    QMutexLocker lock(&m_mutex);
    auto it = m_keys.find(venue);
    if (it == m_keys.end())
        return;
    secureWipe(it->secretKey);
    m_keys.erase(it);
}

Credentials ProfileCredentialProvider::credentialsFor(const QString& venue) const {
    QMutexLocker lock(&m_mutex);
    Credentials credentials;
    const auto it = m_keys.constFind(venue);
    if (it == m_keys.constEnd())
        return credentials;
    credentials.accessKey = it->accessKey;
    credentials.secretKey = QByteArray(it->secretKey.constData(), it->secretKey.size()); // own buffer
    credentials.extras = it->extras;
    credentials.tokenCache = m_tokenCache;
    return credentials;
}

bool ProfileCredentialProvider::hasKey(const QString& venue) const {
    QMutexLocker lock(&m_mutex);
    return m_keys.contains(venue);
}

QStringList ProfileCredentialProvider::venuesWithKeys() const {
    QMutexLocker lock(&m_mutex);
    QStringList venues = m_keys.keys();
    venues.sort();
    return venues;
}

void ProfileCredentialProvider::clear() {
    QMutexLocker lock(&m_mutex);
    for (auto& key : m_keys)
        secureWipe(key.secretKey);
    m_keys.clear();
}

} // namespace hoga
