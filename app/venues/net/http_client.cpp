#include "http_client.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPromise>
#include <QThread>

#include <cstring>

namespace hoga::net {

namespace {

QByteArray headerIn(const HeaderList& headers, QByteArrayView name) {
    for (const auto& [key, value] : headers) {
        if (QByteArrayView(key).compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString timeText(qint64 epochMs) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(epochMs).time(), QLocale::LongFormat);
}

// The body of a non-idempotent request, readable exactly once. QNetworkAccessManager re-sends a request by
// itself when a kept-alive connection closes after the request was written but before the answer started;
// it can only do that by rewinding the body. A sequential device cannot be rewound, so Qt fails such an
// attempt (ContentReSendError) instead of sending the order a second time, and the caller looks it up.
class OneShotBody final : public QIODevice {
public:
    OneShotBody(QByteArray data, QObject* parent)
        : QIODevice(parent)
        , m_data(std::move(data)) {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override { return m_data.size() - m_pos + QIODevice::bytesAvailable(); }
    bool atEnd() const override { return m_pos >= m_data.size() && QIODevice::bytesAvailable() == 0; }

protected:
    qint64 readData(char* out, qint64 max) override {
        const qint64 n = std::min<qint64>(max, m_data.size() - m_pos);
        if (n <= 0)
            return m_pos >= m_data.size() ? -1 : 0;
        std::memcpy(out, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        return n;
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_pos = 0;
};

} // namespace

// ---------------------------------------------------------------------------------------------------------
// HttpRequest / HttpResponse

bool HttpRequest::isIdempotent() const {
    if (idempotent)
        return *idempotent;
    return method.compare("GET", Qt::CaseInsensitive) == 0 ||
           method.compare("HEAD", Qt::CaseInsensitive) == 0;
}

QByteArray HttpRequest::encodedQuery() const {
    QByteArray out;
    for (const auto& [key, value] : query) {
        if (!out.isEmpty())
            out.append('&');
        // toPercentEncoding keeps only unreserved characters (RFC 3986): ':' and '+' are encoded, which
        // venues require ("Invalid parameter" otherwise).
        out.append(QUrl::toPercentEncoding(key));
        out.append('=');
        out.append(QUrl::toPercentEncoding(value));
    }
    return out;
}

QByteArray HttpRequest::unencodedQuery() const {
    QByteArray out;
    for (const auto& [key, value] : query) {
        if (!out.isEmpty())
            out.append('&');
        out.append(key.toUtf8());
        out.append('=');
        out.append(value.toUtf8());
    }
    return out;
}

QUrl HttpRequest::wireUrl() const {
    QUrl wire = url;
    if (!query.isEmpty())
        wire.setQuery(QString::fromLatin1(encodedQuery()), QUrl::StrictMode);
    return wire;
}

void HttpRequest::setHeader(const QByteArray& name, const QByteArray& value) {
    for (auto& [key, existing] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpRequest::header(QByteArrayView name) const {
    return headerIn(headers, name);
}

QByteArray HttpResponse::header(QByteArrayView name) const {
    return headerIn(headers, name);
}

// ---------------------------------------------------------------------------------------------------------
// HttpClient

struct HttpClient::Job {
    quint64 id = 0;
    HttpRequest request;
    QPromise<HttpResponse> promise;
    std::unique_ptr<QFutureWatcher<HttpResponse>> watcher; // tells us when the caller cancels
    int attempts = 0;
    quint64 ticket = 0;       // rate-limiter ticket while queued
    bool queued = false;      // waiting for the rate limiter
    bool authorizing = false; // waiting for the authenticator (e.g. a token being fetched)
    QPointer<QNetworkReply> reply;
    bool timedOut = false;
    ScheduledCall timeout;
    ScheduledCall retry;
    std::optional<HttpResponse> last; // the latest failed attempt, returned if no retry follows
};

HttpClient::HttpClient(HttpClientOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_scheduler(m_options.scheduler ? *m_options.scheduler : QtScheduler::system())
    , m_random(m_options.random ? *m_options.random : Random::system())
    , m_breaker(m_scheduler.clock(), m_options.breaker) {
    qRegisterMetaType<hoga::net::HttpResponse>();
}

HttpClient::~HttpClient() {
    abortAll();
}

QNetworkAccessManager* HttpClient::networkAccessManager() {
    // Created on first use, so it lives in the thread the client works in.
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        m_nam->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    }
    return m_nam;
}

HttpClient::Job* HttpClient::job(quint64 id) {
    const auto it = m_jobs.find(id);
    return it == m_jobs.end() ? nullptr : it->second.get();
}

QFuture<HttpResponse> HttpClient::request(HttpRequest request) {
    auto j = std::make_shared<Job>();
    j->request = std::move(request);
    j->promise.start();
    QFuture<HttpResponse> future = j->promise.future();
    if (QThread::currentThread() == thread())
        start(j);
    else
        QMetaObject::invokeMethod(
            this, [this, j] { start(j); }, Qt::QueuedConnection);
    return future;
}

void HttpClient::start(const std::shared_ptr<Job>& j) {
    j->id = m_nextId++;
    const quint64 id = j->id;
    m_jobs.emplace(id, j);

    j->watcher = std::make_unique<QFutureWatcher<HttpResponse>>();
    connect(j->watcher.get(), &QFutureWatcherBase::canceled, this, [this, id] { onCancelled(id); });
    j->watcher->setFuture(j->promise.future());
    if (j->promise.isCanceled()) { // cancelled before it reached this thread
        onCancelled(id);
        return;
    }
    attempt(id);
}

void HttpClient::refuseByBreaker(quint64 id) {
    Job* j = job(id);
    if (!j)
        return;
    if (j->last) { // a retry the breaker now forbids: report what the last attempt got
        finish(id, *j->last);
        return;
    }
    HttpResponse r;
    r.error = HttpError::CircuitOpen;
    r.attempts = j->attempts;
    // Half-open with a probe out: the probe's outcome decides, soon.
    r.retryAtMs = std::max(m_breaker.openUntilMs(), m_scheduler.nowMs());
    r.errorString = tr("The venue failed %n time(s) in a row; requests pause until %1.", nullptr,
                       m_breaker.consecutiveFailures())
                        .arg(timeText(r.retryAtMs));
    finish(id, r);
}

void HttpClient::attempt(quint64 id) {
    Job* j = job(id);
    if (!j)
        return;
    if (m_breaker.state() == CircuitBreaker::State::Open) {
        refuseByBreaker(id);
        return;
    }
    const auto& limiter = m_options.limiter;
    if (!limiter || j->request.costs.isEmpty()) {
        send(id);
        return;
    }
    j->queued = true;
    j->ticket = limiter->acquire(
        j->request.costs, j->request.lane, this, [this, id] { send(id); },
        [this, id](qint64 until) {
            HttpResponse r;
            r.error = HttpError::Blocked;
            r.retryAtMs = until;
            if (Job* blocked = job(id)) {
                r.attempts = blocked->attempts;
                blocked->queued = false;
            }
            r.errorString =
                tr("The venue has blocked requests for making too many; it accepts them again at %1.")
                    .arg(timeText(until));
            finish(id, r);
        });
}

void HttpClient::send(quint64 id) {
    Job* j = job(id);
    if (!j)
        return;
    j->queued = false;
    if (!m_breaker.allowRequest()) {
        refuseByBreaker(id);
        return;
    }

    ++j->attempts;
    j->timedOut = false;
    // The timeout covers the whole attempt, a token fetch included.
    j->timeout = m_scheduler.callAfter(j->request.timeoutMs, this, [this, id] { onTimeout(id); });
    HttpRequest wire = j->request; // a fresh copy per attempt: the authenticator adds its nonce/token
    if (!wire.auth) {
        transmit(id, std::move(wire));
        return;
    }
    j->authorizing = true;
    const int attempt = j->attempts;
    const std::shared_ptr<Authenticator> auth = wire.auth;
    QPointer<HttpClient> self(this);
    auth->authorize(std::move(wire),
                    [self, id, attempt](HttpRequest authorized, std::optional<QString> failure) {
                        if (!self)
                            return;
                        Job* current = self->job(id);
                        if (!current || !current->authorizing || current->attempts != attempt)
                            return; // timed out or cancelled meanwhile
                        current->authorizing = false;
                        if (failure) {
                            HttpResponse r;
                            r.error = HttpError::AuthFailed;
                            r.attempts = current->attempts;
                            r.errorString = *failure;
                            self->finish(id, r);
                            return;
                        }
                        self->transmit(id, std::move(authorized));
                    });
}

void HttpClient::transmit(quint64 id, HttpRequest wire) {
    Job* j = job(id);
    if (!j)
        return;
    QNetworkRequest req(wire.wireUrl());
    req.setHeader(QNetworkRequest::UserAgentHeader, m_options.userAgent);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    for (const auto& [name, value] : std::as_const(wire.headers)) {
        // Upbit limits requests carrying Origin to 1 per 10 s; a native client never needs one.
        if (name.compare("Origin", Qt::CaseInsensitive) == 0)
            continue;
        req.setRawHeader(name, value);
    }
    QByteArray body;
    if (wire.jsonBody) {
        body = *wire.jsonBody;
        req.setRawHeader("Content-Type", "application/json; charset=utf-8");
    }

    QNetworkAccessManager* nam = networkAccessManager();
    const QByteArray method = wire.method.toUpper();
    QNetworkReply* reply = nullptr;
    // A POST without a body (Binance: every parameter in the query) is an order too.
    if ((wire.jsonBody && (method == "POST" || !wire.isIdempotent())) ||
        (method == "POST" && !wire.isIdempotent())) {
        // At most once on the wire: a body that cannot be rewound (see OneShotBody), streamed as it is
        // (no buffering, which would make it rewindable again), over HTTP/1.1.
        req.setHeader(QNetworkRequest::ContentLengthHeader, body.size());
        if (!wire.jsonBody && !req.hasRawHeader("Content-Type")) // an empty form (Binance: all in the query)
            req.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
        req.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
        req.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        auto* device = new OneShotBody(body, this);
        reply = nam->sendCustomRequest(req, method, device);
        device->setParent(reply);
    } else if (method == "GET" && !wire.jsonBody)
        reply = nam->get(req);
    else if (method == "HEAD")
        reply = nam->head(req);
    else if (method == "POST")
        reply = nam->post(req, body);
    else if (method == "PUT")
        reply = nam->put(req, body);
    else if (method == "DELETE" && !wire.jsonBody)
        reply = nam->deleteResource(req);
    else
        reply = nam->sendCustomRequest(req, method, body);
    j->reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, id, reply] { onFinished(id, reply); });
}

void HttpClient::onTimeout(quint64 id) {
    Job* j = job(id);
    if (!j)
        return;
    if (j->authorizing) { // the authenticator never answered: nothing was sent
        j->authorizing = false;
        HttpResponse r;
        r.error = HttpError::Timeout;
        r.attempts = j->attempts;
        r.errorString = tr("The credentials for %1 could not be prepared within %n second(s).", nullptr,
                           (j->request.timeoutMs + 999) / 1000)
                            .arg(j->request.url.host());
        finish(id, r);
        return;
    }
    if (!j->reply)
        return;
    j->timedOut = true;
    j->reply->abort(); // emits finished(), handled as a timeout
}

void HttpClient::onFinished(quint64 id, QNetworkReply* reply) {
    Job* j = job(id);
    if (!j || j->reply.data() != reply)
        return;
    j->reply = nullptr;
    j->timeout.cancel();
    reply->deleteLater();

    HttpResponse r;
    r.attempts = j->attempts;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        r.headers.append({name, value});
    if (reply->isOpen())
        r.body = reply->readAll();
    const bool networkError = r.status == 0 && reply->error() != QNetworkReply::NoError;
    if (j->timedOut) {
        r.status = 0;
        r.headers.clear();
        r.body.clear();
        r.error = HttpError::Timeout;
        r.errorString =
            tr("%1 did not answer within %n second(s).", nullptr, (j->request.timeoutMs + 999) / 1000)
                .arg(j->request.url.host());
    } else if (r.status == 0) {
        r.error = HttpError::Network;
        r.errorString = tr("Could not reach %1: %2").arg(j->request.url.host(), reply->errorString());
    }

    if (m_options.limiter && !j->request.costs.isEmpty())
        m_options.limiter->onResponse(j->request.costs, r.status,
                                      m_options.usage ? m_options.usage(r) : QList<PoolUsage>(),
                                      r.header("Retry-After"));

    const FailureKind kind = classifyFailure(r.status, networkError, j->timedOut);
    if (kind == FailureKind::Network || kind == FailureKind::Timeout || kind == FailureKind::ServerError)
        m_breaker.recordFailure();
    else
        m_breaker.recordSuccess(); // any other HTTP answer shows the venue is up

    if (m_options.retry.shouldRetry(j->request.method, j->request.isIdempotent(), kind, j->attempts)) {
        j->last = r;
        // After a 429 the rate limiter already holds the group until the venue's next window.
        const qint64 delay =
            kind == FailureKind::RateLimited ? 0 : m_options.retry.delayMs(j->attempts, m_random);
        if (delay <= 0)
            attempt(id);
        else
            j->retry = m_scheduler.callAfter(delay, this, [this, id] { attempt(id); });
        return;
    }
    finish(id, std::move(r));
}

void HttpClient::releaseWatcher(Job& j) {
    // We may be inside the watcher's own signal: let it go later.
    if (j.watcher) {
        j.watcher->disconnect();
        j.watcher.release()->deleteLater();
    }
}

void HttpClient::onCancelled(quint64 id) {
    Job* j = job(id);
    if (!j)
        return;
    if (j->queued && m_options.limiter)
        m_options.limiter->cancel(j->ticket);
    j->retry.cancel();
    j->timeout.cancel();
    if (QNetworkReply* reply = j->reply) {
        j->reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
        reply->deleteLater();
        m_breaker.recordAbandoned();
    }
    auto node = m_jobs.extract(id);
    releaseWatcher(*node.mapped());
    node.mapped()->promise.finish(); // a cancelled future gets no result
}

void HttpClient::finish(quint64 id, HttpResponse response) {
    auto node = m_jobs.extract(id);
    if (node.empty())
        return;
    Job& j = *node.mapped();
    if (j.queued && m_options.limiter)
        m_options.limiter->cancel(j.ticket);
    j.retry.cancel();
    j.timeout.cancel();
    releaseWatcher(j); // no cancel notifications for a finished job
    j.promise.addResult(std::move(response));
    j.promise.finish();
}

void HttpClient::abortAll() {
    std::vector<quint64> ids;
    ids.reserve(m_jobs.size());
    for (const auto& [id, j] : m_jobs)
        ids.push_back(id);
    for (quint64 id : ids) {
        Job* j = job(id);
        if (!j)
            continue;
        if (QNetworkReply* reply = j->reply) {
            j->reply = nullptr;
            disconnect(reply, nullptr, this, nullptr);
            reply->abort();
            reply->deleteLater();
            m_breaker.recordAbandoned();
        }
        HttpResponse r;
        r.error = HttpError::Cancelled;
        r.attempts = j->attempts;
        r.errorString = tr("The request was cancelled.");
        finish(id, r);
    }
}

} // namespace hoga::net
