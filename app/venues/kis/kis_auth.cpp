#include "kis_auth.h"

#include "kis_errors.h"
#include "kis_tables.h"

#include "venues/net/json_value.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFutureWatcher>
#include <QTimeZone>

namespace hoga::kis {

std::optional<AccessToken> MemoryTokenStore::load(const QString& key) {
    const auto it = m_tokens.constFind(key);
    if (it == m_tokens.cend())
        return std::nullopt;
    return *it;
}

void MemoryTokenStore::save(const QString& key, const AccessToken& token) {
    m_tokens.insert(key, token);
}

void MemoryTokenStore::forget(const QString& key) {
    m_tokens.remove(key);
}

namespace {
std::shared_ptr<TokenStore>& storeSlot() {
    static std::shared_ptr<TokenStore> store = std::make_shared<MemoryTokenStore>();
    return store;
}
} // namespace

std::shared_ptr<TokenStore> defaultTokenStore() {
    return storeSlot();
}

void setDefaultTokenStore(std::shared_ptr<TokenStore> store) {
    storeSlot() = store ? std::move(store) : std::make_shared<MemoryTokenStore>();
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
                                       std::shared_ptr<TokenStore> store, QString storeKey)
    : m_restUrl(std::move(restUrl))
    , m_appKey(std::move(appKey))
    , m_appSecret(std::move(appSecret))
    , m_clock(clock)
    , m_store(store ? std::move(store) : defaultTokenStore())
    , m_storeKey(std::move(storeKey)) {
    m_token = m_store->load(m_storeKey);
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
    if (m_token && m_token->expiresAtMs - kRenewBeforeMs > m_clock.nowMs()) {
        addHeaders(request);
        done(std::move(request), std::nullopt);
        return;
    }
    m_waiting.emplace_back(std::move(request), std::move(done));
    if (!m_fetching)
        fetchToken();
}

bool TokenAuthenticator::invalidateToken() {
    m_token.reset();
    m_store->forget(m_storeKey);
    return true;
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
        m_store->save(m_storeKey, *token);
        finishWaiters(std::nullopt);
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
    auto* watcher = new QFutureWatcher<net::HttpResponse>();
    const qint64 now = m_clock.nowMs();
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher, [watcher, done, now] {
        watcher->deleteLater();
        const QFuture<net::HttpResponse> f = watcher->future();
        const net::HttpResponse r = f.resultCount() > 0 ? f.result() : net::HttpResponse();
        net::JsonDocument doc;
        if (r.isSuccess() && doc.parse(std::string_view(r.body.constData(), size_t(r.body.size())))) {
            const QString key = doc.root()["approval_key"].toString();
            if (!key.isEmpty()) {
                done(key.toUtf8(), {});
                return;
            }
        }
        const VenueError e = errorOf(r, now);
        done(std::nullopt, e.detail.isEmpty() ? e.venueMessage : e.detail);
    });
    watcher->setFuture(http().request(tokenRequest("/oauth2/Approval", "secretkey")));
}

} // namespace hoga::kis
