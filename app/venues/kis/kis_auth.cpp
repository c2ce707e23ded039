#include "kis_auth.h"

#include "kis_errors.h"
#include "kis_tables.h"

#include "venues/net/json_value.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFutureWatcher>
#include <QTimeZone>

namespace hoga::kis {

std::shared_ptr<TokenCache> defaultTokenCache() {
    static const std::shared_ptr<TokenCache> cache = std::make_shared<MemoryTokenCache>();
    return cache;
}

std::optional<AccessToken> parseTokenAnswer(const QByteArray& body, qint64 nowMs) {
    net::JsonDocument doc;
    if (!doc.parse(std::string_view(body.constData(), size_t(body.size()))))
        return std::nullopt;
    const net::JsonValue root = doc.root();
    const QString token = root["access_token"].toString();
    if (token.isEmpty())
        return std::nullopt;
    AccessToken t;
    t.value = token.toUtf8();
    const QDateTime expires = QDateTime::fromString(root["access_token_token_expired"].toString(),
                                                    QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (expires.isValid()) {
        QDateTime kst = expires;
        kst.setTimeZone(QTimeZone(kKstOffsetSeconds));
        t.expiresAtMs = kst.toMSecsSinceEpoch();
    } else {
        t.expiresAtMs = nowMs + root["expires_in"].toInt64(86400) * 1000;
    }
    return t;
}

TokenAuthenticator::TokenAuthenticator(QUrl restUrl, QString appKey, QByteArray appSecret, const Clock& clock,
                                       std::shared_ptr<TokenCache> cache, QString cacheKey)
    : m_restUrl(std::move(restUrl))
    , m_appKey(std::move(appKey))
    , m_appSecret(std::move(appSecret))
    , m_clock(clock)
    , m_cache(cache ? std::move(cache) : defaultTokenCache())
    , m_cacheKey(std::move(cacheKey)) {
    m_approvalCacheKey =
        m_cacheKey.left(m_cacheKey.lastIndexOf(QLatin1Char('/')) + 1) + QStringLiteral("approval_key");
    m_owner = QCryptographicHash::hash(m_restUrl.toString().toUtf8() + '|' + m_appKey.toUtf8(),
                                       QCryptographicHash::Sha256)
                  .toHex()
                  .left(32);
}

bool TokenAuthenticator::fresh(const std::optional<AccessToken>& token) const {
    return token && token->owner == m_owner && token->expiresAtMs - kRenewBeforeMs > m_clock.nowMs();
}

TokenAuthenticator::~TokenAuthenticator() {
    *m_alive = false;
    // Requests still waiting for a token fail rather than hang.
    finishWaiters(QCoreApplication::translate("hoga::KisAuth", "The connection was closed."));
}

net::HttpClient& TokenAuthenticator::http() {
    if (!m_http) {
        net::HttpClientOptions options;
        options.retry.maxAttempts = 1;
        m_http = std::make_unique<net::HttpClient>(options);
    }
    return *m_http;
}

void TokenAuthenticator::addHeaders(net::HttpRequest& request) const {
    request.setHeader("authorization", "Bearer " + m_token->value);
    request.setHeader("appkey", m_appKey.toUtf8());
    request.setHeader("appsecret", m_appSecret);
    request.setHeader("custtype", "P");
}

void TokenAuthenticator::authorize(net::HttpRequest request, Done done) {
    if (fresh(m_token)) {
        addHeaders(request);
        done(std::move(request), std::nullopt);
        return;
    }
    m_waiting.emplace_back(std::move(request), std::move(done));
    if (!m_fetching)
        obtainToken();
}

bool TokenAuthenticator::invalidateToken() {
    m_token.reset();
    m_cacheRead = true; // the cached one is the one just refused
    m_cache->forget(m_cacheKey);
    return true;
}

void TokenAuthenticator::obtainToken() {
    m_fetching = true;
    if (m_cacheRead) {
        fetchToken();
        return;
    }
    m_cacheRead = true;
    std::weak_ptr<bool> alive = m_alive;
    m_cache->load(m_cacheKey, [this, alive](std::optional<CachedToken> cached) {
        if (alive.expired())
            return;
        if (!fresh(cached)) {
            fetchToken();
            return;
        }
        m_token = std::move(cached);
        m_fetching = false;
        finishWaiters(std::nullopt);
    });
}

net::HttpRequest TokenAuthenticator::tokenRequest(const char* path, const char* secretField) const {
    net::HttpRequest r;
    r.method = "POST";
    QUrl url = m_restUrl;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QLatin1String(path));
    r.url = url;
    net::JsonWriter w;
    w.beginObject();
    w.key("grant_type").value("client_credentials");
    w.key("appkey").value(m_appKey);
    w.key(secretField).value(std::string_view(m_appSecret.constData(), size_t(m_appSecret.size())));
    w.endObject();
    r.jsonBody = w.data();
    r.idempotent = false;
    return r;
}

void TokenAuthenticator::fetchToken() {
    m_fetching = true;
    auto* watcher = new QFutureWatcher<net::HttpResponse>();
    std::weak_ptr<bool> alive = m_alive;
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [this, watcher, alive] {
        watcher->deleteLater();
        if (alive.expired())
            return;
        m_fetching = false;
        const QFuture<net::HttpResponse> f = watcher->future();
        const net::HttpResponse r = f.resultCount() > 0 ? f.result() : net::HttpResponse();
        const std::optional<AccessToken> token =
            r.isSuccess() ? parseTokenAnswer(r.body, m_clock.nowMs()) : std::nullopt;
        if (!token) {
            const VenueError e = errorOf(r, m_clock.nowMs());
            finishWaiters(QCoreApplication::translate("hoga::KisAuth", "No access token: %1")
                              .arg(e.detail.isEmpty() ? e.venueMessage : e.detail));
            return;
        }
        m_token = token;
        m_token->owner = m_owner;
        // The waiting requests go once the token is kept: a short run (hoga-cli) must not end first.
        m_fetching = true;
        m_cache->save(m_cacheKey, *m_token, [this, alive] {
            if (alive.expired())
                return;
            m_fetching = false;
            finishWaiters(std::nullopt);
        });
    });
    watcher->setFuture(http().request(tokenRequest("/oauth2/tokenP", "appsecret")));
}

void TokenAuthenticator::finishWaiters(const std::optional<QString>& failure) {
    auto waiting = std::move(m_waiting);
    m_waiting.clear();
    for (auto& [request, done] : waiting) {
        if (!failure)
            addHeaders(request);
        done(std::move(request), failure);
    }
}

void TokenAuthenticator::requestApprovalKey(
    std::function<void(std::optional<QByteArray> key, QString failure)> done) {
    if (m_approval && m_approval->owner == m_owner &&
        m_approval->expiresAtMs - kRenewBeforeMs > m_clock.nowMs()) {
        done(m_approval->value, {});
        return;
    }
    m_approvalWaiting.push_back(std::move(done));
    if (m_fetchingApproval)
        return;
    m_fetchingApproval = true;
    if (m_approvalCacheRead) {
        fetchApprovalKey();
        return;
    }
    m_approvalCacheRead = true;
    std::weak_ptr<bool> alive = m_alive;
    m_cache->load(m_approvalCacheKey, [this, alive](std::optional<CachedToken> cached) {
        if (alive.expired())
            return;
        if (!cached || cached->owner != m_owner || cached->expiresAtMs - kRenewBeforeMs <= m_clock.nowMs()) {
            fetchApprovalKey();
            return;
        }
        m_approval = std::move(cached);
        finishApprovalWaiters(m_approval->value, {});
    });
}

void TokenAuthenticator::invalidateApprovalKey() {
    m_approval.reset();
    m_approvalCacheRead = true;
    m_cache->forget(m_approvalCacheKey);
}

void TokenAuthenticator::fetchApprovalKey() {
    auto* watcher = new QFutureWatcher<net::HttpResponse>();
    std::weak_ptr<bool> alive = m_alive;
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [this, watcher, alive] {
        watcher->deleteLater();
        if (alive.expired())
            return;
        const qint64 now = m_clock.nowMs();
        const QFuture<net::HttpResponse> f = watcher->future();
        const net::HttpResponse r = f.resultCount() > 0 ? f.result() : net::HttpResponse();
        net::JsonDocument doc;
        QByteArray key;
        if (r.isSuccess() && doc.parse(std::string_view(r.body.constData(), size_t(r.body.size()))))
            key = doc.root()["approval_key"].toString().toUtf8();
        if (key.isEmpty()) {
            const VenueError e = errorOf(r, now);
            finishApprovalWaiters(std::nullopt, e.detail.isEmpty() ? e.venueMessage : e.detail);
            return;
        }
        m_approval = AccessToken{key, now + kApprovalKeyLifetimeMs, m_owner};
        m_cache->save(m_approvalCacheKey, *m_approval, [this, alive] {
            if (!alive.expired() && m_approval)
                finishApprovalWaiters(m_approval->value, {});
        });
    });
    watcher->setFuture(http().request(tokenRequest("/oauth2/Approval", "secretkey")));
}

void TokenAuthenticator::finishApprovalWaiters(const std::optional<QByteArray>& key, const QString& failure) {
    m_fetchingApproval = false;
    auto waiting = std::move(m_approvalWaiting);
    m_approvalWaiting.clear();
    for (auto& done : waiting)
        done(key, failure);
}

} // namespace hoga::kis
