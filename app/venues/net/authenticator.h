#pragma once

#include <QString>

#include <functional>
#include <optional>

class QNetworkRequest;

namespace hoga::net {

struct HttpRequest;

// Makes a request acceptable to a venue: signs it, or first obtains (or refreshes) a token and then adds
// it. Called by HttpClient before every attempt, on a fresh copy of the request, so each attempt gets its
// own nonce, timestamp or token. Lives in (and is called on) the connector's thread.
class Authenticator {
public:
    // The request ready to send, or why it cannot be (a translated message; the request fails with
    // HttpError::AuthFailed and is not sent).
    using Done = std::function<void(HttpRequest request, std::optional<QString> failure)>;

    virtual ~Authenticator() = default;

    // Prepares one attempt. Calls `done` exactly once: at once when it can sign synchronously, later when
    // a token must be fetched first.
    virtual void authorize(HttpRequest request, Done done) = 0;
    // The venue said the token is no longer valid: forget it, so the next authorize() obtains a new one.
    // Returns false when there is nothing to refresh (a signature scheme), so a retry would not help.
    virtual bool invalidateToken() { return false; }
    // Adds what a WebSocket handshake needs (e.g. "Authorization: Bearer <fresh JWT>"); synchronous, so a
    // token-based venue must hold a valid token before it opens a private stream.
    virtual void authorizeHandshake(QNetworkRequest& request) const;
};

// For venues whose every request is signed locally (Upbit and Bithumb JWTs, Binance HMAC).
class SigningAuthenticator : public Authenticator {
public:
    virtual void sign(HttpRequest& request) const = 0;
    void authorize(HttpRequest request, Done done) final;
};

} // namespace hoga::net
