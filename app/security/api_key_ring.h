#pragma once

#include "secret_store.h"

#include <QObject>
#include <QStringList>

#include <deque>
#include <functional>
#include <memory>

namespace hoga {

// An exchange API key pair in memory. The secret is wiped when the pair is destroyed. The venue layer's
// hoga::Credentials (app/venues/venue_factory.h) is the same thing on the connector side; convert at the edge
// (security does not depend on venues).
struct ApiKeyPair {
    QString accessKey;
    QByteArray secretKey;

    ApiKeyPair() = default;
    ApiKeyPair(QString access, QByteArray secret)
        : accessKey(std::move(access))
        , secretKey(std::move(secret)) {}
    ApiKeyPair(const ApiKeyPair&) = default;
    ApiKeyPair(ApiKeyPair&&) noexcept = default;
    ApiKeyPair& operator=(const ApiKeyPair&) = default;
    ApiKeyPair& operator=(ApiKeyPair&&) noexcept = default;
    ~ApiKeyPair() { wipe(); }

    bool isEmpty() const { return accessKey.isEmpty() || secretKey.isEmpty(); }
    void wipe() {
        secureWipe(secretKey);
        accessKey.clear();
    }
    // "AbCd…WxYz" (first 4 + last 4), for showing which key is stored.
    QString maskedAccessKey() const;
};

// Per-profile API keys of each venue on top of a SecretStore: entries <venue>/access_key and
// <venue>/secret_key, plus an index (_index/venues) so the venues with keys can be listed and every entry
// found again when the profile is deleted. Operations run one after another in call order.
class ApiKeyRing : public QObject {
    Q_OBJECT

public:
    explicit ApiKeyRing(std::shared_ptr<SecretStore> store, QObject* parent = nullptr);

    SecretStore& store() const { return *m_store; }

    // "upbit", "bithumb", "sim": lowercase letters, digits, '_' and '-', starting with a letter or digit.
    static bool isValidVenueName(const QString& venue);
    // First 4 and last 4 characters with an ellipsis between; fully hidden when shorter than 12.
    static QString mask(const QString& text);

    using Done = std::function<void(SecretResult)>;
    using KeyDone = std::function<void(SecretResult status, ApiKeyPair key)>;
    using ListDone = std::function<void(SecretResult status, QStringList venues)>;

    void setKey(const QString& venue, const ApiKeyPair& key, QObject* context, Done done);
    // NotFound if the venue has no complete key pair.
    void key(const QString& venue, QObject* context, KeyDone done);
    void venues(QObject* context, ListDone done);
    void removeKey(const QString& venue, QObject* context, Done done);
    // Removes the keys of every indexed venue and of `alsoVenues` (in case the index was lost), then the
    // index.
    void removeAll(const QStringList& alsoVenues, QObject* context, Done done);

private:
    using Step = std::function<void(std::function<void()> next)>;
    void enqueue(Step step); // steps run one at a time; each calls next() when done
    void runNext();
    void readIndex(std::function<void(SecretResult, QStringList)> then);
    void writeIndex(const QStringList& venues, Done then);
    void removeVenueEntries(const QStringList& venues, int at, SecretResult firstError, Done then);

    std::shared_ptr<SecretStore> m_store;
    std::deque<Step> m_queue;
    bool m_running = false;
};

} // namespace hoga
