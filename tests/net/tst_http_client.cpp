#include "support/loopback_http_server.h"
#include "venues/net/http_client.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <thread>

using namespace hoga;
using namespace hoga::net;
using hoga::test::LoopbackHttpServer;
using hoga::test::LoopbackResponse;

namespace {

constexpr qint64 kStart = 1'700'000'000'000;

RateLimitConfig limiterConfig() {
    RateLimitConfig c;
    c.venue = QStringLiteral("loopback");
    c.groups = {{QStringLiteral("orderbook"), 10, 1000, 0},
                {QStringLiteral("candle"), 10, 1000, 0},
                {QStringLiteral("order"), 8, 1000, 0}};
    c.jitterMs = 100;
    return c;
}

// A signature scheme made of a lambda (each attempt gets its own header).
class LambdaSigner final : public SigningAuthenticator {
public:
    explicit LambdaSigner(std::function<void(HttpRequest&)> sign)
        : m_sign(std::move(sign)) {}
    void sign(HttpRequest& request) const override { m_sign(request); }

private:
    std::function<void(HttpRequest&)> m_sign;
};

// Upbit's usage header, read the way its bundle does.
QList<PoolUsage> remainingReqUsage(const HttpResponse& r) {
    const auto rr = parseRemainingReq(r.header("Remaining-Req"));
    if (!rr)
        return {};
    return {{rr->group, -1, rr->perSecond}};
}

} // namespace

class TestHttpClient : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void getSuccessAndWireFormat();
    void headersAndUnencodedQuery();
    void retriesOn503ThenSucceedsWithFreshSignature();
    void postIsNeverRetried();
    void orderReachesTheVenueAtMostOnceOnAKeptAliveConnection();
    void asynchronousAuthenticatorIsWaitedFor();
    void failingAuthenticatorSendsNothing();
    void networkErrorsAreRetriedForGet();
    void timeoutAbortsTheAttempt();
    void timeoutThenRetrySucceeds();
    void tooManyRequestsWaitsForTheLimiter();
    void remainingReqHeaderReachesTheLimiter();
    void teapotBlocksFurtherRequests();
    void circuitOpensAfterRepeatedFailures();
    void cancelAbortsInFlightAndQueued();
    void requestFromAnotherThread();
    void destroyingTheClientEndsRequests();
    void realTimersRetryAndTimeout();
    void clientInAWorkerThread();

private:
    std::unique_ptr<LoopbackHttpServer> m_server;
    std::unique_ptr<ManualScheduler> m_scheduler;
    std::unique_ptr<Random> m_random;

    HttpClientOptions options(std::shared_ptr<RateLimiter> limiter = {}) {
        HttpClientOptions o;
        o.scheduler = m_scheduler.get();
        o.random = m_random.get();
        o.limiter = std::move(limiter);
        o.retry.maxAttempts = 3;
        o.retry.baseDelayMs = 100;
        o.retry.maxDelayMs = 400;
        o.breaker = {5, 10'000};
        o.usage = remainingReqUsage;
        return o;
    }
    std::shared_ptr<RateLimiter> makeLimiter() {
        return std::make_shared<RateLimiter>(limiterConfig(), *m_scheduler, *m_random);
    }
    HttpRequest get(const QString& path, const QString& group = {}) {
        HttpRequest r;
        r.url = m_server->url(path);
        if (!group.isEmpty())
            r.costs = {{group, 1}};
        return r;
    }
    // True once the earliest scheduled call is due within `ms` from now (a retry, not the 10 s timeout).
    bool callDueWithin(qint64 ms) const {
        const qint64 next = m_scheduler->nextDueMs();
        return next >= 0 && next <= m_scheduler->nowMs() + ms;
    }
};

void TestHttpClient::init() {
    m_server = std::make_unique<LoopbackHttpServer>();
    QVERIFY(m_server->listen());
    m_scheduler = std::make_unique<ManualScheduler>(kStart);
    m_random = std::make_unique<Random>(11);
}

void TestHttpClient::cleanup() {
    m_server.reset();
}

void TestHttpClient::getSuccessAndWireFormat() {
    HttpClient client(options());
    m_server->enqueue(
        LoopbackResponse::json(200, R"({"ok":true})", {{"Remaining-Req", "group=market; min=1800; sec=9"}}));
    HttpRequest r = get(QStringLiteral("/v1/candles/minutes/1"));
    r.query = {{"market", "KRW-BTC"},
               {"to", "2024-01-01T00:00:00+09:00"},
               {"states[]", "wait"},
               {"q", QStringLiteral("a b,c/é~_.-")}};
    r.headers = {{"Accept", "application/json"}, {"Origin", "https://example.invalid"}};
    QFuture<HttpResponse> f = client.request(r);
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    const HttpResponse resp = f.result();
    QCOMPARE(resp.error, HttpError::None);
    QVERIFY(resp.isSuccess());
    QCOMPARE(resp.status, 200);
    QCOMPARE(resp.body, QByteArray(R"({"ok":true})"));
    QCOMPARE(resp.header("remaining-req"), QByteArray("group=market; min=1800; sec=9"));
    QCOMPARE(resp.attempts, 1);

    QCOMPARE(m_server->requestCount(), 1);
    const auto& seen = m_server->requests()[0];
    QCOMPARE(seen.method, QByteArray("GET"));
    // ':' '+' ',' '[' ']' ' ' '/' and non-ASCII are percent-encoded; unreserved characters are not.
    QCOMPARE(seen.target,
             QByteArray("/v1/candles/minutes/1?market=KRW-BTC&to=2024-01-01T00%3A00%3A00%2B09%3A00"
                        "&states%5B%5D=wait&q=a%20b%2Cc%2F%C3%A9~_.-"));
    QVERIFY(!seen.hasHeader("Origin"));
    QCOMPARE(seen.header("Accept"), QByteArray("application/json"));
    QCOMPARE(seen.header("User-Agent"), QByteArray("Hoga/0.1"));
    QCOMPARE(client.pendingCount(), 0);
}

void TestHttpClient::headersAndUnencodedQuery() {
    HttpRequest r;
    r.query = {{"market", "KRW-BTC"}, {"states[]", "wait"}, {"states[]", "watch"}, {"to", "10:00+09:00"}};
    QCOMPARE(r.unencodedQuery(), QByteArray("market=KRW-BTC&states[]=wait&states[]=watch&to=10:00+09:00"));
    QCOMPARE(r.encodedQuery(),
             QByteArray("market=KRW-BTC&states%5B%5D=wait&states%5B%5D=watch&to=10%3A00%2B09%3A00"));
    r.setHeader("Authorization", "Bearer a");
    r.setHeader("authorization", "Bearer b");
    QCOMPARE(r.headers.size(), 1);
    QCOMPARE(r.header("AUTHORIZATION"), QByteArray("Bearer b"));
    QVERIFY(r.isIdempotent());
    r.method = "POST";
    QVERIFY(!r.isIdempotent());
    r.method = "DELETE";
    QVERIFY(!r.isIdempotent());
    r.idempotent = true;
    QVERIFY(r.isIdempotent());
    HttpRequest empty;
    empty.url = QUrl(QStringLiteral("https://api.example.invalid/v1/accounts"));
    QCOMPARE(empty.wireUrl().toString(), QStringLiteral("https://api.example.invalid/v1/accounts"));
    QVERIFY(empty.unencodedQuery().isEmpty());
}

void TestHttpClient::retriesOn503ThenSucceedsWithFreshSignature() {
    HttpClient client(options());
    m_server->enqueue(LoopbackResponse::json(503, R"({"error":"busy"})"));
    m_server->enqueue(LoopbackResponse::json(503, R"({"error":"busy"})"));
    m_server->enqueue(LoopbackResponse::json(200, R"([1,2,3])"));
    int signCalls = 0;
    HttpRequest r = get(QStringLiteral("/v1/ticker"));
    r.query = {{"markets", "KRW-BTC"}};
    r.auth = std::make_shared<LambdaSigner>([&signCalls](HttpRequest& attempt) {
        ++signCalls;
        attempt.setHeader("Authorization", "Bearer token-" + QByteArray::number(signCalls));
    });
    QFuture<HttpResponse> f = client.request(r);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(callDueWithin(100), 5000); // first retry: full jitter up to 100 ms
    m_scheduler->advanceMs(100);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(callDueWithin(200), 5000); // second retry: up to 200 ms
    m_scheduler->advanceMs(200);
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    const HttpResponse resp = f.result();
    QCOMPARE(resp.status, 200);
    QCOMPARE(resp.body, QByteArray("[1,2,3]"));
    QCOMPARE(resp.attempts, 3);
    QCOMPARE(signCalls, 3);
    QCOMPARE(m_server->requestCount(), 3);
    // Every attempt carried its own token, and the query was identical each time.
    QCOMPARE(m_server->requests()[0].header("Authorization"), QByteArray("Bearer token-1"));
    QCOMPARE(m_server->requests()[1].header("Authorization"), QByteArray("Bearer token-2"));
    QCOMPARE(m_server->requests()[2].header("Authorization"), QByteArray("Bearer token-3"));
    QCOMPARE(m_server->requests()[2].target, QByteArray("/v1/ticker?markets=KRW-BTC"));
    QCOMPARE(client.circuitBreaker().state(), CircuitBreaker::State::Closed);

    // When all attempts fail, the last response comes back.
    m_server->enqueue(LoopbackResponse::json(502, "a"));
    m_server->enqueue(LoopbackResponse::json(502, "b"));
    m_server->enqueue(LoopbackResponse::json(504, "c"));
    QFuture<HttpResponse> g = client.request(get(QStringLiteral("/v1/ticker")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 4, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(callDueWithin(100), 5000);
    m_scheduler->advanceMs(100);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 5, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(callDueWithin(200), 5000);
    m_scheduler->advanceMs(200);
    QTRY_VERIFY_WITH_TIMEOUT(g.isFinished(), 5000);
    QCOMPARE(g.result().status, 504);
    QCOMPARE(g.result().body, QByteArray("c"));
    QCOMPARE(g.result().attempts, 3);
    QCOMPARE(g.result().error, HttpError::None);
}

// The venue reads the order on a connection kept alive from an earlier request, then closes it without
// answering. QNetworkAccessManager re-sends a request in that situation by itself (it does for the GET
// below); an order must not be: exactly one copy arrives and the answer is a network error, so the caller
// looks the order up instead.
void TestHttpClient::orderReachesTheVenueAtMostOnceOnAKeptAliveConnection() {
    HttpClient client(options());
    m_server->setHandler([](const hoga::test::LoopbackRequest& r) {
        if (r.method == "POST" || r.path() == "/drop")
            return LoopbackResponse::close();
        return LoopbackResponse::json(200, "{}");
    });
    QFuture<HttpResponse> warm = client.request(get(QStringLiteral("/v1/ticker")));
    QTRY_VERIFY_WITH_TIMEOUT(warm.isFinished(), 5000);
    QCOMPARE(warm.result().status, 200);

    HttpRequest order = get(QStringLiteral("/v1/orders"));
    order.method = "POST";
    order.idempotent = false;
    order.jsonBody = QByteArray(R"({"market":"KRW-BTC","identifier":"once-1"})");
    // Qt tries to rewind the body for its own re-send, and cannot: that warning is the proof it tried.
    QTest::ignoreMessage(QtWarningMsg,
                         "QIODevice::seek (QIODevice): Cannot call seek on a sequential device");
    QFuture<HttpResponse> f = client.request(order);
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().error, HttpError::Network);
    QCOMPARE(f.result().attempts, 1);
    m_scheduler->advanceMs(60'000);
    QCoreApplication::processEvents();
    int posts = 0;
    for (const auto& r : m_server->requests())
        if (r.method == "POST") {
            ++posts;
            QCOMPARE(r.body, QByteArray(R"({"market":"KRW-BTC","identifier":"once-1"})"));
        }
    QCOMPARE(posts, 1);

    // The same loss for a GET: the transport re-sends it (harmless for a read), which proves the case
    // above really was one where Qt would have sent the order again.
    QFuture<HttpResponse> g = client.request(get(QStringLiteral("/drop")));
    auto drops = [this] {
        int n = 0;
        for (const auto& r : m_server->requests())
            n += r.path() == "/drop" ? 1 : 0;
        return n;
    };
    QTRY_VERIFY_WITH_TIMEOUT(drops() >= 2, 5000);
    g.cancel();
    m_server->setHandler({});
}

namespace {
// Hands out a token only when the test says so, like a token endpoint that takes its time.
class SlowTokenAuthenticator final : public Authenticator {
public:
    void authorize(HttpRequest request, Done done) override {
        pending.append({std::move(request), std::move(done)});
    }
    void grant(const QByteArray& token) {
        auto waiting = std::move(pending);
        pending.clear();
        for (auto& [request, done] : waiting) {
            request.setHeader("Authorization", "Bearer " + token);
            done(std::move(request), std::nullopt);
        }
    }
    void refuse(const QString& why) {
        auto waiting = std::move(pending);
        pending.clear();
        for (auto& [request, done] : waiting)
            done(std::move(request), why);
    }
    QList<std::pair<HttpRequest, Done>> pending;
};
} // namespace

void TestHttpClient::asynchronousAuthenticatorIsWaitedFor() {
    HttpClient client(options());
    auto auth = std::make_shared<SlowTokenAuthenticator>();
    HttpRequest r = get(QStringLiteral("/v1/accounts"));
    r.auth = auth;
    QFuture<HttpResponse> f = client.request(r);
    QTRY_COMPARE_WITH_TIMEOUT(auth->pending.size(), 1, 5000);
    QCoreApplication::processEvents();
    QCOMPARE(m_server->requestCount(), 0); // nothing goes out before the token
    auth->grant("tok-1");
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().status, 200);
    QCOMPARE(m_server->requests().first().header("Authorization"), QByteArray("Bearer tok-1"));

    // A token that never comes: the attempt times out, nothing was sent.
    HttpRequest slow = get(QStringLiteral("/v1/accounts"));
    slow.auth = auth;
    slow.timeoutMs = 2000;
    QFuture<HttpResponse> g = client.request(slow);
    QTRY_COMPARE_WITH_TIMEOUT(auth->pending.size(), 1, 5000);
    m_scheduler->advanceMs(2000);
    QTRY_VERIFY_WITH_TIMEOUT(g.isFinished(), 5000);
    QCOMPARE(g.result().error, HttpError::Timeout);
    auth->grant("late"); // too late: ignored
    QCoreApplication::processEvents();
    QCOMPARE(m_server->requestCount(), 1);
}

void TestHttpClient::failingAuthenticatorSendsNothing() {
    HttpClient client(options());
    auto auth = std::make_shared<SlowTokenAuthenticator>();
    HttpRequest r = get(QStringLiteral("/v1/accounts"));
    r.auth = auth;
    QFuture<HttpResponse> f = client.request(r);
    QTRY_COMPARE_WITH_TIMEOUT(auth->pending.size(), 1, 5000);
    auth->refuse(QStringLiteral("The token could not be obtained."));
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().error, HttpError::AuthFailed);
    QCOMPARE(f.result().errorString, QStringLiteral("The token could not be obtained."));
    QCOMPARE(m_server->requestCount(), 0);
}

void TestHttpClient::postIsNeverRetried() {
    HttpClient client(options());
    m_server->enqueue(LoopbackResponse::json(503, R"({"error":"busy"})"));
    HttpRequest r = get(QStringLiteral("/v1/orders"));
    r.method = "POST";
    r.idempotent = true; // even if the caller claims so
    r.jsonBody = QByteArray(R"({"market":"KRW-BTC","price":"45000000"})");
    QFuture<HttpResponse> f = client.request(r);
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().status, 503);
    QCOMPARE(f.result().attempts, 1);
    m_scheduler->advanceMs(60'000);
    QCoreApplication::processEvents();
    QCOMPARE(m_server->requestCount(), 1);
    const auto& seen = m_server->requests()[0];
    QCOMPARE(seen.method, QByteArray("POST"));
    QCOMPARE(seen.body, QByteArray(R"({"market":"KRW-BTC","price":"45000000"})"));
    QCOMPARE(seen.header("Content-Type"), QByteArray("application/json; charset=utf-8"));

    // Network failures are not retried for POST either, by us or by the transport underneath.
    m_server->setHandler([](const hoga::test::LoopbackRequest&) { return LoopbackResponse::close(); });
    QFuture<HttpResponse> g = client.request(r);
    QTRY_VERIFY_WITH_TIMEOUT(g.isFinished(), 5000);
    QCOMPARE(g.result().error, HttpError::Network);
    QCOMPARE(g.result().status, 0);
    QCOMPARE(g.result().attempts, 1);
    QVERIFY(!g.result().errorString.isEmpty());
    const int seenAfterFailure = m_server->requestCount();
    m_scheduler->advanceMs(60'000);
    QCoreApplication::processEvents();
    QCOMPARE(m_server->requestCount(), seenAfterFailure);
    m_server->setHandler({});

    // DELETE retries only when the caller marks it idempotent.
    m_server->enqueue(LoopbackResponse::json(500, "x"));
    HttpRequest d = get(QStringLiteral("/v1/order"));
    d.method = "DELETE";
    QFuture<HttpResponse> h = client.request(d);
    QTRY_VERIFY_WITH_TIMEOUT(h.isFinished(), 5000);
    QCOMPARE(h.result().attempts, 1);
    QCOMPARE(m_server->requests().last().method, QByteArray("DELETE"));
}

void TestHttpClient::networkErrorsAreRetriedForGet() {
    HttpClient client(options());
    bool down = true;
    m_server->setHandler([&down](const hoga::test::LoopbackRequest&) {
        return down ? LoopbackResponse::close() : LoopbackResponse::json(200, "ok");
    });
    QFuture<HttpResponse> f = client.request(get(QStringLiteral("/v1/market/all")));
    QTRY_VERIFY_WITH_TIMEOUT(callDueWithin(100), 5000); // the first attempt failed; a retry is scheduled
    QVERIFY(!f.isFinished());
    m_scheduler->advanceMs(100);
    QTRY_VERIFY_WITH_TIMEOUT(callDueWithin(200), 5000); // the second too
    down = false;
    m_scheduler->advanceMs(200);
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().status, 200);
    QCOMPARE(f.result().attempts, 3);
    QCOMPARE(client.circuitBreaker().consecutiveFailures(), 0);
}

void TestHttpClient::timeoutAbortsTheAttempt() {
    HttpClientOptions o = options();
    o.retry = RetryPolicy::never();
    HttpClient client(o);
    m_server->enqueue(LoopbackResponse::hold());
    HttpRequest r = get(QStringLiteral("/slow"));
    r.timeoutMs = 2000;
    QFuture<HttpResponse> f = client.request(r);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 5000);
    QCOMPARE(m_scheduler->nextDueMs(), kStart + 2000);
    m_scheduler->advanceMs(1999);
    QCoreApplication::processEvents();
    QVERIFY(!f.isFinished());
    m_scheduler->advanceMs(1);
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().error, HttpError::Timeout);
    QCOMPARE(f.result().status, 0);
    QVERIFY(f.result().errorString.contains(QLatin1String("127.0.0.1")));
    QCOMPARE(client.circuitBreaker().consecutiveFailures(), 1);
    // A late answer to the abandoned attempt changes nothing.
    m_server->respondToHeld(LoopbackResponse::json(200, "late"));
    QCoreApplication::processEvents();
    QCOMPARE(f.result().error, HttpError::Timeout);
}

void TestHttpClient::timeoutThenRetrySucceeds() {
    HttpClient client(options());
    m_server->enqueue(LoopbackResponse::hold());
    m_server->enqueue(LoopbackResponse::json(200, "second"));
    HttpRequest r = get(QStringLiteral("/slow"));
    r.timeoutMs = 3000;
    QFuture<HttpResponse> f = client.request(r);
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 5000);
    m_scheduler->advanceMs(3000);
    QTRY_VERIFY_WITH_TIMEOUT(callDueWithin(100), 5000);
    m_scheduler->advanceMs(100);
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().body, QByteArray("second"));
    QCOMPARE(f.result().attempts, 2);
}

void TestHttpClient::tooManyRequestsWaitsForTheLimiter() {
    auto limiter = makeLimiter();
    HttpClient client(options(limiter));
    m_scheduler->advanceMs(300); // mid-second
    m_server->enqueue(LoopbackResponse::json(429, R"({"error":{"name":"too_many_requests"}})",
                                             {{"Remaining-Req", "group=candle; min=0; sec=0"}}));
    m_server->enqueue(LoopbackResponse::json(200, "candles"));
    m_server->enqueue(LoopbackResponse::json(200, "other"));
    QFuture<HttpResponse> f =
        client.request(get(QStringLiteral("/v1/candles/days"), QStringLiteral("candle")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 5000);
    // The client fed the 429 to the limiter and queued its retry there: nothing goes out this second.
    QTRY_COMPARE_WITH_TIMEOUT(limiter->queuedCount(QStringLiteral("candle")), 1, 5000);
    QFuture<HttpResponse> g =
        client.request(get(QStringLiteral("/v1/candles/weeks"), QStringLiteral("candle")));
    QTRY_COMPARE_WITH_TIMEOUT(limiter->queuedCount(QStringLiteral("candle")), 2, 5000);
    const qint64 wake = m_scheduler->nextDueMs();
    QVERIFY2(wake >= kStart + 1000 && wake <= kStart + 1100, qPrintable(QString::number(wake - kStart)));
    m_scheduler->advanceMs(wake - m_scheduler->nowMs() - 1);
    QCoreApplication::processEvents();
    QCOMPARE(m_server->requestCount(), 1);
    m_scheduler->advanceMs(1);
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished() && g.isFinished(), 5000);
    QCOMPARE(f.result().status, 200);
    QCOMPARE(f.result().attempts, 2);
    QCOMPARE(f.result().body, QByteArray("candles")); // the retry went first (FIFO)
    QCOMPARE(g.result().body, QByteArray("other"));
    QCOMPARE(m_server->requestCount(), 3);
}

void TestHttpClient::remainingReqHeaderReachesTheLimiter() {
    auto limiter = makeLimiter();
    HttpClient client(options(limiter));
    m_server->enqueue(
        LoopbackResponse::json(200, "a", {{"Remaining-Req", "group=orderbook; min=1800; sec=0"}}));
    m_server->enqueue(
        LoopbackResponse::json(200, "b", {{"Remaining-Req", "group=orderbook; min=1800; sec=9"}}));
    QFuture<HttpResponse> f =
        client.request(get(QStringLiteral("/v1/orderbook"), QStringLiteral("orderbook")));
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(limiter->usedInWindow(QStringLiteral("orderbook")), 1);
    // The venue said none are left this second: the next request waits for the next second.
    QFuture<HttpResponse> g =
        client.request(get(QStringLiteral("/v1/orderbook"), QStringLiteral("orderbook")));
    QCOMPARE(limiter->queuedCount(QStringLiteral("orderbook")), 1);
    m_scheduler->advanceMs(999);
    QCoreApplication::processEvents();
    QCOMPARE(m_server->requestCount(), 1);
    m_scheduler->advanceMs(1);
    QTRY_VERIFY_WITH_TIMEOUT(g.isFinished(), 5000);
    QCOMPARE(g.result().body, QByteArray("b"));
}

void TestHttpClient::teapotBlocksFurtherRequests() {
    auto limiter = makeLimiter();
    HttpClient client(options(limiter));
    QSignalSpy blocked(limiter.get(), &RateLimiter::blockedUntilChanged);
    m_server->enqueue(
        LoopbackResponse::json(418, R"({"error":{"name":"blocked"}})", {{"Retry-After", "600"}}));
    QFuture<HttpResponse> f = client.request(get(QStringLiteral("/v1/ticker"), QStringLiteral("orderbook")));
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().status, 418); // the venue's answer reaches the connector (not retried)
    QCOMPARE(f.result().attempts, 1);
    QCOMPARE(blocked.size(), 1);
    QCOMPARE(blocked[0][0].toLongLong(), kStart + 600'000);
    // Further requests, even orders, fail at once with the block's end instead of hanging.
    HttpRequest order = get(QStringLiteral("/v1/orders"), QStringLiteral("order"));
    order.method = "POST";
    order.lane = Lane::Priority;
    order.jsonBody = QByteArray("{}");
    QFuture<HttpResponse> g = client.request(order);
    QTRY_VERIFY_WITH_TIMEOUT(g.isFinished(), 5000);
    QCOMPARE(g.result().error, HttpError::Blocked);
    QCOMPARE(g.result().retryAtMs, kStart + 600'000);
    QVERIFY(!g.result().errorString.isEmpty());
    QCOMPARE(m_server->requestCount(), 1);
}

void TestHttpClient::circuitOpensAfterRepeatedFailures() {
    HttpClientOptions o = options();
    o.retry = RetryPolicy::never();
    o.breaker = {2, 5'000};
    HttpClient client(o);
    m_server->setHandler([](const hoga::test::LoopbackRequest&) { return LoopbackResponse::close(); });
    QFuture<HttpResponse> first = client.request(get(QStringLiteral("/v1/ticker")));
    QTRY_VERIFY_WITH_TIMEOUT(first.isFinished(), 5000);
    QCOMPARE(first.result().error, HttpError::Network);
    QCOMPARE(client.circuitBreaker().state(), CircuitBreaker::State::Closed);
    m_server->setHandler(
        [](const hoga::test::LoopbackRequest&) { return LoopbackResponse::json(500, "down"); });
    QFuture<HttpResponse> second = client.request(get(QStringLiteral("/v1/ticker")));
    QTRY_VERIFY_WITH_TIMEOUT(second.isFinished(), 5000);
    QCOMPARE(second.result().status, 500);
    QCOMPARE(client.circuitBreaker().state(), CircuitBreaker::State::Open);
    m_server->setHandler({});
    const int seen = m_server->requestCount();
    QFuture<HttpResponse> refused = client.request(get(QStringLiteral("/v1/ticker")));
    QTRY_VERIFY_WITH_TIMEOUT(refused.isFinished(), 5000);
    QCOMPARE(refused.result().error, HttpError::CircuitOpen);
    QCOMPARE(refused.result().retryAtMs, kStart + 5'000);
    QCOMPARE(refused.result().attempts, 0);
    QCOMPARE(m_server->requestCount(), seen);

    // After the cool-down one probe goes out; its success closes the breaker.
    m_scheduler->advanceMs(5'000);
    m_server->enqueue(LoopbackResponse::hold());
    QFuture<HttpResponse> probe = client.request(get(QStringLiteral("/v1/ticker")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), seen + 1, 5000);
    QFuture<HttpResponse> duringProbe = client.request(get(QStringLiteral("/v1/ticker")));
    QTRY_VERIFY_WITH_TIMEOUT(duringProbe.isFinished(), 5000);
    QCOMPARE(duringProbe.result().error, HttpError::CircuitOpen);
    m_server->respondToHeld(LoopbackResponse::json(200, "up"));
    QTRY_VERIFY_WITH_TIMEOUT(probe.isFinished(), 5000);
    QCOMPARE(probe.result().status, 200);
    QCOMPARE(client.circuitBreaker().state(), CircuitBreaker::State::Closed);
    QFuture<HttpResponse> after = client.request(get(QStringLiteral("/v1/ticker")));
    QTRY_VERIFY_WITH_TIMEOUT(after.isFinished(), 5000);
    QCOMPARE(after.result().status, 200);
}

void TestHttpClient::cancelAbortsInFlightAndQueued() {
    auto limiter = makeLimiter();
    HttpClient client(options(limiter));
    m_server->enqueue(LoopbackResponse::hold());
    QFuture<HttpResponse> f = client.request(get(QStringLiteral("/slow")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 5000);
    f.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(client.pendingCount(), 0, 5000);
    QVERIFY(f.isCanceled());
    QVERIFY(f.isFinished());

    // Cancelled while waiting for a rate-limit token: it leaves the queue and is never sent.
    limiter->onResponse({{QStringLiteral("orderbook"), 1}}, 200, {{QStringLiteral("orderbook"), -1, 0}});
    QFuture<HttpResponse> g =
        client.request(get(QStringLiteral("/v1/orderbook"), QStringLiteral("orderbook")));
    QCOMPARE(limiter->queuedCount(QStringLiteral("orderbook")), 1);
    g.cancel();
    QTRY_COMPARE_WITH_TIMEOUT(limiter->queuedCount(QStringLiteral("orderbook")), 0, 5000);
    m_scheduler->advanceMs(2000);
    QCoreApplication::processEvents();
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(client.pendingCount(), 0);
}

void TestHttpClient::requestFromAnotherThread() {
    HttpClient client(options());
    m_server->enqueue(LoopbackResponse::json(200, "from afar"));
    QFuture<HttpResponse> f;
    const HttpRequest r = get(QStringLiteral("/v1/ticker"));
    std::thread other([&] { f = client.request(r); });
    other.join();
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().body, QByteArray("from afar"));
}

void TestHttpClient::destroyingTheClientEndsRequests() {
    auto client = std::make_unique<HttpClient>(options());
    m_server->enqueue(LoopbackResponse::hold());
    QFuture<HttpResponse> f = client->request(get(QStringLiteral("/slow")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server->requestCount(), 1, 5000);
    client.reset();
    QVERIFY(f.isFinished());
    QCOMPARE(f.result().error, HttpError::Cancelled);
}

void TestHttpClient::realTimersRetryAndTimeout() {
    // The production scheduler (Qt timers on the system clock) with short delays.
    HttpClientOptions o;
    o.random = m_random.get();
    o.retry.maxAttempts = 2;
    o.retry.baseDelayMs = 5;
    o.retry.maxDelayMs = 5;
    HttpClient client(o);
    m_server->enqueue(LoopbackResponse::json(503, "busy"));
    m_server->enqueue(LoopbackResponse::json(200, "fine"));
    QFuture<HttpResponse> f = client.request(get(QStringLiteral("/v1/ticker")));
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().body, QByteArray("fine"));
    QCOMPARE(f.result().attempts, 2);

    m_server->enqueue(LoopbackResponse::hold());
    m_server->enqueue(LoopbackResponse::hold());
    HttpRequest slow = get(QStringLiteral("/slow"));
    slow.timeoutMs = 50;
    QFuture<HttpResponse> g = client.request(slow);
    QTRY_VERIFY_WITH_TIMEOUT(g.isFinished(), 5000);
    QCOMPARE(g.result().error, HttpError::Timeout);
    QCOMPARE(g.result().attempts, 2);
}

void TestHttpClient::clientInAWorkerThread() {
    // As in a connector: the client lives in the connector's thread, callers are elsewhere.
    QThread worker;
    worker.start();
    HttpClientOptions o;
    o.random = m_random.get();
    auto* client = new HttpClient(o);
    client->moveToThread(&worker);
    m_server->enqueue(LoopbackResponse::json(200, "threaded"));
    QFuture<HttpResponse> f = client->request(get(QStringLiteral("/v1/ticker")));
    QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 5000);
    QCOMPARE(f.result().body, QByteArray("threaded"));
    std::atomic<QThread*> continuedIn{nullptr};
    m_server->enqueue(LoopbackResponse::json(200, "again"));
    QFuture<void> done =
        client->request(get(QStringLiteral("/v1/ticker"))).then(client, [&](const HttpResponse&) {
            continuedIn.store(QThread::currentThread());
        });
    QTRY_VERIFY_WITH_TIMEOUT(done.isFinished(), 5000);
    QCOMPARE(continuedIn.load(), &worker); // the future completes in the client's thread
    QMetaObject::invokeMethod(client, &QObject::deleteLater);
    worker.quit();
    QVERIFY(worker.wait(5000));
}

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_http_client.moc"
