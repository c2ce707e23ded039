#pragma once

#include "secret_store.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <deque>
#include <functional>
#include <memory>

namespace hoga {

// An exchange API key pair in memory, with the venue's other fields. The secret is wiped when the pair is
// destroyed. The venue layer's hoga::Credentials (app/venues/core/credentials.h) is the same thing on the
// connector side; convert at the edge with credentials_bridge.h (security does not depend on venues).
struct ApiKeyPair {
    QString accessKey;
    QByteArray secretKey;
    // The venue's extra fields by field id ("account" -> "50012345-01"). Not secret (the keys dialog and
    // hoga-cli keys list show them) but kept in the same store as the pair, never in a plain file.
    QHash<QString, QString> extras;

    ApiKeyPair() = default;
    ApiKeyPair(QString access, QByteArray secret, QHash<QString, QString> extraFields = {})
        : accessKey(std::move(access))
        , secretKey(std::move(secret))
        , extras(std::move(extraFields)) {}
    ApiKeyPair(const ApiKeyPair&) = default;
    ApiKeyPair(ApiKeyPair&&) noexcept = default;
    ApiKeyPair& operator=(const ApiKeyPair&) = default;
    ApiKeyPair& operator=(ApiKeyPair&&) noexcept = default;
    ~ApiKeyPair() { wipe(); }

    bool isEmpty() const { return accessKey.isEmpty() || secretKey.isEmpty(); }
    void wipe() {
        secureWipe(secretKey);
        accessKey.clear();
        extras.clear();
    }
    // "AbCd…WxYz" (first 4 + last 4), for showing which key is stored.
    QString maskedAccessKey() const;
};

// Per-profile API keys of each venue on top of a SecretStore: entries <venue>/access_key and
// <venue>/secret_key, one entry <venue>/<field id> per extra field, <venue>/_fields listing those ids (so
// key() and removal find every extra without knowing the venue's schema; absent for a venue without extras,
// such as one stored before extras existed), plus an index (_index/venues) so the venues with keys can be
// listed and every entry found again when the profile is deleted. Operations run one after another in call
// order.
class ApiKeyRing : public QObject {
    Q_OBJECT

public:
    explicit ApiKeyRing(std::shared_ptr<SecretStore> store, QObject* parent = nullptr);

    SecretStore& store() const { return *m_store; }
    // The store itself, for what lives as long as a connector (its cached venue tokens).
    std::shared_ptr<SecretStore> sharedStore() const { return m_store; }

    // "upbit", "bithumb", "sim": lowercase letters, digits, '_' and '-', starting with a letter or digit.
    static bool isValidVenueName(const QString& venue);
    // An extra field's id: "account", "account_type": lowercase letters, digits and '_', starting with a
    // letter, at most 32 characters, and not one of the key pair's own ids.
    static bool isValidFieldId(const QString& id);
    // First 4 and last 4 characters with an ellipsis between; fully hidden when shorter than 12.
    static QString mask(const QString& text);

    using Done = std::function<void(SecretResult)>;
    using KeyDone = std::function<void(SecretResult status, ApiKeyPair key)>;
    using ListDone = std::function<void(SecretResult status, QStringList venues)>;

    // Stores the pair and its non-empty extras; extras of an earlier key that `key` no longer has are
    // removed.
    void setKey(const QString& venue, const ApiKeyPair& key, QObject* context, Done done);
    // NotFound if the venue has no complete key pair. Extras come back as stored (none for a venue stored
    // without them); which of them a venue uses is the caller's schema's business.
    void key(const QString& venue, QObject* context, KeyDone done);
    void venues(QObject* context, ListDone done);
    void removeKey(const QString& venue, QObject* context, Done done);
    // Removes the keys of every indexed venue and of `alsoVenues` (in case the index was lost), then the
    // index.
    void removeAll(const QStringList& alsoVenues, QObject* context, Done done);

private:
    using Operation = std::function<void(std::function<void()> next)>;
    void enqueue(Operation operation); // operations run one at a time; each calls next() when done
    void runNext();
    using ListThen = std::function<void(SecretResult, QStringList)>;
    void readIndex(ListThen then);
    void writeIndex(const QStringList& venues, Done then);
    // The extra field ids stored for `venue` (empty, and success, when it has none).
    void readFieldIds(const QString& venue, ListThen then);
    void writeFieldIds(const QString& venue, const QStringList& ids, Done then);
    // One store operation within an operation; runSteps() runs them in order and stops at the first failure.
    using Step = std::function<void(Done)>;
    Step write(const QString& key, const QByteArray& value);
    void runSteps(QList<Step> steps, Done then);
    // Removes every key, also past a failure, and reports the first failure.
    void removeEntries(QStringList keys, SecretResult firstError, Done then);
    void readExtras(const QString& venue, QStringList ids, QHash<QString, QString> read,
                    std::function<void(SecretResult, QHash<QString, QString>)> then);
    void removeVenueEntries(const QStringList& venues, int at, SecretResult firstError, Done then);

    std::shared_ptr<SecretStore> m_store;
    std::deque<Operation> m_queue;
    bool m_running = false;
};

} // namespace hoga
