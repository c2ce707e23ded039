#pragma once

#include "authenticator.h"
#include "circuit_breaker.h"
#include "rate_limiter.h"
#include "retry_policy.h"
#include "scheduler.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace hoga::net {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// One REST call. The query is kept as an ordered list because venues hash it in send order (JWT
// query_hash); it is percent-encoded only on the wire (every byte outside A-Z a-z 0-9 - . _ ~, so ':' '+'
// ',' '[' ']' and spaces too).
struct HttpRequest {
    QByteArray method = "GET";
    QUrl url; // scheme, host and path, without a query
    QList<std::pair<QString, QString>> query;
    std::optional<QByteArray> jsonBody; // sent as Content-Type: application/json; charset=utf-8
    HeaderList headers;                 // an "Origin" header is never sent
    RateCosts costs;                    // rate-limit pools this request spends from; empty = not limited
    Lane lane = Lane::Normal;           // Priority for orders and cancels
    std::optional<bool> idempotent;     // unset: true for GET and HEAD only. POST is never retried anyway.
    int timeoutMs = 10'000;             // per attempt, from sending to the complete response
    // Private requests: called before every attempt (retries too) on a fresh copy of this request, so each
    // attempt gets a new nonce/JWT/token. Null for public requests.
    std::shared_ptr<Authenticator> auth;

    bool isIdempotent() const;
    // "a=1&b=x%3Ay" as sent.
    QByteArray encodedQuery() const;
    // "a=1&b=x:y": the unescaped key=value form in send order (what Upbit/Bithumb hash for query_hash).
    QByteArray unencodedQuery() const;
    QUrl wireUrl() const;
    // Replaces a header of the same name (case-insensitive) or adds it.
    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(QByteArrayView name) const;
};

enum class HttpError {
    None,        // a response arrived (check status)
    Network,     // no response: connection refused/reset, DNS, TLS, ...
    Timeout,     // no complete response within timeoutMs
    Cancelled,   // the future was cancelled or the client destroyed
    CircuitOpen, // refused locally: the venue kept failing; retryAtMs says when a probe is allowed
    Blocked,     // refused locally: the venue blocked us (HTTP 418); retryAtMs says until when
    AuthFailed,  // not sent: the authenticator could not prepare it (errorString says why)
};

struct HttpResponse {
    int status = 0; // 0 when no HTTP response arrived
    HeaderList headers;
    QByteArray body;
    HttpError error = HttpError::None;
    QString errorString;  // translated description when error != None
    int attempts = 0;     // attempts sent to the network
    qint64 retryAtMs = 0; // CircuitOpen/Blocked: epoch ms when trying again makes sense

    bool isSuccess() const { return error == HttpError::None && status >= 200 && status < 300; }
    // First header of that name, case-insensitive; empty if absent.
    QByteArray header(QByteArrayView name) const;
};

struct HttpClientOptions {
    std::shared_ptr<RateLimiter> limiter; // usually RateLimiterRegistry::instance().limiter(...); may be null
    RetryPolicy retry;
    CircuitBreakerConfig breaker;
    Scheduler* scheduler = nullptr; // null = QtScheduler::system()
    Random* random = nullptr;       // null = Random::system()
    QByteArray userAgent = "Hoga/0.1";
    // Reads the venue's usage headers (Upbit Remaining-Req, Binance X-MBX-USED-WEIGHT-1M ...) into pool
    // counts for the limiter. Null: none.
    std::function<QList<PoolUsage>(const HttpResponse&)> usage;
};

// Asynchronous HTTP for a connector, on a QNetworkAccessManager in the client's thread (create the client
// in, or move it to, the connector's thread). Each request goes through the rate limiter, the circuit
// breaker and the retry policy, has a per-attempt timeout, and is signed afresh for every attempt.
//
// A non-idempotent request (an order) reaches the venue at most once: neither the retry policy nor the
// transport underneath sends it again (QNetworkAccessManager would re-send a request by itself when a
// kept-alive connection closes before the response starts); such a loss ends as HttpError::Network.
//
// request() may be called from any thread; the work and the future's completion happen in the client's
// thread. Cancelling the future aborts the request (queued, waiting to retry or in flight). The future
// always gets exactly one HttpResponse unless cancelled; HTTP error statuses are responses, not errors.
class HttpClient : public QObject {
    Q_OBJECT
public:
    explicit HttpClient(HttpClientOptions options = {}, QObject* parent = nullptr);
    ~HttpClient() override;

    QFuture<HttpResponse> request(HttpRequest request);
    // Ends every pending request with HttpError::Cancelled.
    void abortAll();

    CircuitBreaker& circuitBreaker() { return m_breaker; }
    const std::shared_ptr<RateLimiter>& limiter() const { return m_options.limiter; }
    int pendingCount() const { return int(m_jobs.size()); }
    QNetworkAccessManager* networkAccessManager();

private:
    struct Job;
    void start(const std::shared_ptr<Job>& job);
    void attempt(quint64 id);
    void send(quint64 id);
    void transmit(quint64 id, HttpRequest wire);
    void onFinished(quint64 id, QNetworkReply* reply);
    void refuseByBreaker(quint64 id);
    static void releaseWatcher(Job& j);
    void onTimeout(quint64 id);
    void onCancelled(quint64 id);
    void finish(quint64 id, HttpResponse response);
    Job* job(quint64 id);

    HttpClientOptions m_options;
    Scheduler& m_scheduler;
    Random& m_random;
    CircuitBreaker m_breaker;
    QPointer<QNetworkAccessManager> m_nam;
    std::unordered_map<quint64, std::shared_ptr<Job>> m_jobs;
    quint64 m_nextId = 1;
};

} // namespace hoga::net

Q_DECLARE_METATYPE(hoga::net::HttpResponse)
