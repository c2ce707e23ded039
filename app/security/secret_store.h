#pragma once

#include "secure_bytes.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace hoga {

enum class SecretStatus {
    Ok,
    NotFound,           // no secret under that key
    NoKeychain,         // no OS keychain service answered (QtKeychain code 7, no backend, or timeout)
    AccessDenied,       // the keychain is locked or the user refused access
    WrongPassword,      // encrypted file: the profile password does not open it
    Corrupted,          // encrypted file: truncated, damaged, tampered with or of another profile
    UnsupportedVersion, // encrypted file written by a newer Hoga
    Busy,               // encrypted file: another writer kept it locked too long
    IoError,            // a file could not be read or written
    InvalidKey,         // malformed key name (programming error)
    Failed,             // anything else; see the message
};

// Outcome of one secret store operation. `data` (reads only) is wiped when the last copy is destroyed.
struct SecretResult {
    SecretStatus status = SecretStatus::Ok;
    QString message; // translated, for the user; never contains the secret
    QByteArray data;

    SecretResult() = default;
    SecretResult(const SecretResult&) = default;
    SecretResult(SecretResult&&) noexcept = default;
    SecretResult& operator=(const SecretResult&) = default;
    SecretResult& operator=(SecretResult&&) noexcept = default;
    ~SecretResult() { secureWipe(data); }

    bool ok() const { return status == SecretStatus::Ok; }
    static SecretResult success(QByteArray bytes = {});
    static SecretResult failure(SecretStatus status, QString message);
    // Stable machine name: "ok", "not_found", "no_keychain", ...
    static QString statusName(SecretStatus status);
};

using SecretCallback = std::function<void(SecretResult)>;

// Where a profile's secrets live. One instance serves exactly one profile: keys are relative
// ("upbit/access_key") and the store puts them under its own namespace (profile/<id>/...), so a store of
// profile A can never address profile B's entries.
//
// Every operation is asynchronous: `done` runs later (never inside the call) on `context`'s thread, and not
// at all if `context` was destroyed first.
class SecretStore {
public:
    enum class Kind { Keychain, EncryptedFile };

    virtual ~SecretStore() = default;

    virtual Kind kind() const = 0;
    virtual QString profileId() const = 0;

    virtual void read(const QString& key, QObject* context, SecretCallback done) = 0;
    virtual void write(const QString& key, const QByteArray& secret, QObject* context,
                       SecretCallback done) = 0;
    // Removing a key that does not exist succeeds.
    virtual void remove(const QString& key, QObject* context, SecretCallback done) = 0;
    // Runs the calling thread's events until the calls already started have finished, at most `timeoutMs`
    // (a short-lived process, before it ends: hoga-cli's token writes). False: some are still running.
    virtual bool finishPending(int timeoutMs) {
        (void)timeoutMs;
        return true;
    }

    // Relative keys: segments of [A-Za-z0-9_.-] separated by '/', no "." or ".." segment, at most 200 chars.
    static bool isValidKey(const QString& key);
    // "profile/<profileId>/<key>": the name the entry has in the keychain.
    static QString qualifiedKey(const QString& profileId, const QString& key);

protected:
    // Runs done(result) on context's next event loop turn (for errors detected before any work starts).
    static void deliverLater(QObject* context, SecretCallback done, SecretResult result);
};

} // namespace hoga
