#pragma once

#include "core/clock.h"
#include "venues/core/token_cache.h"
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

using AccessToken = CachedToken;

// The cache new KIS connectors use when neither the test nor the credentials name one: this process only.
std::shared_ptr<TokenCache> defaultTokenCache();

// Reads the token answer of POST /oauth2/tokenP: access_token with access_token_token_expired (KST
// "YYYY-MM-DD HH:MM:SS") or expires_in seconds.
std::optional<AccessToken> parseTokenAnswer(const QByteArray& body, qint64 nowMs);

// OAuth2 client-credentials tokens for every private request: takes a cached one or obtains one
// (asynchronously, once, for all requests waiting), keeps it in the cache, reuses it until 10 minutes before
// it expires, and adds the KIS headers (authorization, appkey, appsecret, custtype). The request's tr_id is
// set by the protocol. KIS throttles issuance and alerts real account holders on each issue, so the cache is
// a profile secret wherever there is a profile. The WebSocket approval key is cached the same way.
class TokenAuthenticator final : public net::Authenticator {
public:
    // `cacheKey`: where the access token is kept; the approval key goes under the same key with
    // "approval_key" for its last segment.
    TokenAuthenticator(QUrl restUrl, QString appKey, QByteArray appSecret, const Clock& clock,
                       std::shared_ptr<TokenCache> cache, QString cacheKey);
    ~TokenAuthenticator() override;

    void authorize(net::HttpRequest request, Done done) override;
    bool invalidateToken() override;

    // The WebSocket approval key: the cached one, or a new one from POST /oauth2/Approval (body field
    // `secretkey`, not `appsecret`).
    void requestApprovalKey(std::function<void(std::optional<QByteArray> key, QString failure)> done);
    // The server refused the approval key: the next request asks for a new one.
    void invalidateApprovalKey();
    // KIS does not say how long an approval key lasts; its samples renew it after a day.
    static constexpr qint64 kApprovalKeyLifetimeMs = 24 * 60 * 60 * 1000;

    static constexpr qint64 kRenewBeforeMs = 10 * 60 * 1000;

private:
    void addHeaders(net::HttpRequest& request) const;
    void obtainToken(); // from the cache, else from the server
    void fetchToken();
    void fetchApprovalKey();
    void finishApprovalWaiters(const std::optional<QByteArray>& key, const QString& failure);
    bool fresh(const std::optional<AccessToken>& token) const;
    void finishWaiters(const std::optional<QString>& failure);
    net::HttpClient& http();
    net::HttpRequest tokenRequest(const char* path, const char* secretField) const;

    QUrl m_restUrl;
    QString m_appKey;
    QByteArray m_appSecret;
    const Clock& m_clock;
    std::shared_ptr<TokenCache> m_cache;
    QString m_cacheKey;
    QString m_approvalCacheKey;
    QByteArray m_owner; // hash of server and app key: a cached token of other keys is not used
    std::optional<AccessToken> m_token;
    bool m_cacheRead = false; // the cache is read once; after a refusal only the server helps
    std::vector<std::pair<net::HttpRequest, Done>> m_waiting;
    bool m_fetching = false;
    std::optional<AccessToken> m_approval;
    bool m_approvalCacheRead = false;
    std::vector<std::function<void(std::optional<QByteArray>, QString)>> m_approvalWaiting;
    bool m_fetchingApproval = false;
    std::unique_ptr<net::HttpClient> m_http;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace hoga::kis
