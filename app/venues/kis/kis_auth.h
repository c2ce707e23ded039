#pragma once

#include "core/clock.h"
#include "venues/net/authenticator.h"
#include "venues/net/http_client.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace hoga::kis {

struct AccessToken {
    QByteArray value;
    qint64 expiresAtMs = 0;
};

// Where issued access tokens are kept between processes. KIS issues about one token per minute per app
// key and alerts real account holders on each issue, so a token is reused until shortly before it
// expires. hoga-cli with a profile keeps it as a profile secret; otherwise it lives in memory only.
class TokenStore {
public:
    virtual ~TokenStore() = default;
    virtual std::optional<AccessToken> load(const QString& key) = 0;
    virtual void save(const QString& key, const AccessToken& token) = 0;
    virtual void forget(const QString& key) = 0;
};

class MemoryTokenStore final : public TokenStore {
public:
    std::optional<AccessToken> load(const QString& key) override;
    void save(const QString& key, const AccessToken& token) override;
    void forget(const QString& key) override;

private:
    QHash<QString, AccessToken> m_tokens;
};

// The store new KIS connectors use (process-wide; hoga-cli installs a profile-backed one). Never null.
std::shared_ptr<TokenStore> defaultTokenStore();
void setDefaultTokenStore(std::shared_ptr<TokenStore> store);

// Reads the token answer of POST /oauth2/tokenP: access_token with access_token_token_expired (KST
// "YYYY-MM-DD HH:MM:SS") or expires_in seconds.
std::optional<AccessToken> parseTokenAnswer(const QByteArray& body, qint64 nowMs);

// OAuth2 client-credentials tokens for every private request: obtains one (asynchronously, once, for all
// requests waiting), reuses it until 10 minutes before it expires, and adds the KIS headers (authorization,
// appkey, appsecret, custtype). The request's tr_id is set by the protocol.
class TokenAuthenticator final : public net::Authenticator {
public:
    TokenAuthenticator(QUrl restUrl, QString appKey, QByteArray appSecret, const Clock& clock,
                       std::shared_ptr<TokenStore> store, QString storeKey);
    ~TokenAuthenticator() override;

    void authorize(net::HttpRequest request, Done done) override;
    bool invalidateToken() override;

    // POST /oauth2/Approval (body field `secretkey`): the WebSocket approval key.
    void requestApprovalKey(std::function<void(std::optional<QByteArray> key, QString failure)> done);

    static constexpr qint64 kRenewBeforeMs = 10 * 60 * 1000;

private:
    void addHeaders(net::HttpRequest& request) const;
    void fetchToken();
    void finishWaiters(const std::optional<QString>& failure);
    net::HttpClient& http();
    net::HttpRequest tokenRequest(const char* path, const char* secretField) const;

    QUrl m_restUrl;
    QString m_appKey;
    QByteArray m_appSecret;
    const Clock& m_clock;
    std::shared_ptr<TokenStore> m_store;
    QString m_storeKey;
    std::optional<AccessToken> m_token;
    std::vector<std::pair<net::HttpRequest, Done>> m_waiting;
    bool m_fetching = false;
    std::unique_ptr<net::HttpClient> m_http;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace hoga::kis
