#pragma once

#include "support/loopback_http_server.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QUrl>

class QWebSocket;
class QWebSocketServer;

namespace hoga::test {

// A strict loopback fake of the KIS Open API (domestic stocks) on 127.0.0.1, real or virtual flavour. It
// checks what the real servers check and answers in their shapes: the token and approval endpoints (one
// token per minute, EGW00133 otherwise), the headers of every call (Bearer token, appkey, appsecret,
// custtype P, the tr_id of the path for this account type: V... on virtual), upper-case string-valued order
// bodies, the account number, paging with tr_cont, per-second limits (EGW00201) and rt_cd/msg_cd/msg1 errors.
class FakeKisServer : public QObject {
    Q_OBJECT
public:
    struct Order {
        QString id;
        QString code;
        bool buy = true;
        QString division; // ORD_DVSN
        qint64 qty = 0;
        qint64 price = 0;
        qint64 filled = 0;
        qint64 filledPrice = 0;
        qint64 cancelled = 0;
        qint64 moved = 0; // moved to modify orders (정정)
        QString origin;   // a modify order: the order it came from (orgn_odno)
        QString time;     // HHMMSS
        bool isCancelRow() const { return division.startsWith(QLatin1String("cancel:")); }
        qint64 rest() const { return isCancelRow() ? 0 : qty - filled - cancelled - moved; }
    };

    explicit FakeKisServer(bool isVirtual, QObject* parent = nullptr);
    // The KRX tick at `price` (KOSPI and KOSDAQ, since 2023-01-25).
    static qint64 tickFor(qint64 price);
    // ORD_DVSN 05 and 06: KRX's closing-price sessions (no price of the order's own); 07: single price.
    static bool isClosingPriceDivision(const QString& division);
    static bool isAfterHoursDivision(const QString& division);
    bool start();

    QUrl restUrl() const;
    void setKeys(const QString& appKey, const QString& appSecret) {
        m_appKey = appKey;
        m_appSecret = appSecret;
    }
    void setAccount(const QString& cano, const QString& product) {
        m_cano = cano;
        m_product = product;
    }
    void setCash(qint64 krw) { m_cash = krw; }
    void setHolding(const QString& code, qint64 qty, const QString& avgPrice);
    void setPrice(const QString& code, qint64 price) { m_prices.insert(code, price); }
    qint64 price(const QString& code) const { return m_prices.value(code); }
    // 0 turns the token throttle off (several hoga-cli processes in a row, each asking for a token).
    void setTokenThrottleMs(qint64 ms) { m_tokenThrottleMs = ms; }
    void setRequestsPerSecond(int n) { m_perSecond = n; }
    // The next private call is answered EGW00123 (the token expired) and the token is dropped.
    void expireToken() { m_expireNext = true; }
    // Holdings per balance page (paging with tr_cont / CTX_AREA_*).
    void setBalancePageSize(int n) { m_balancePage = n; }
    void setDailyCandles(int days) { m_days = days; }
    // Orders per page of the day's orders and of the cancellable orders (tr_cont paging as above).
    void setOrderPageSize(int n) { m_orderPage = n; }

    int tokensIssued() const { return m_tokensIssued; }
    int approvalKeysIssued() const { return m_approvalsIssued; }

    // ---- The WebSocket (ws://127.0.0.1:<port>/tryitout): subscribe frames checked (approval key issued
    // here, custtype P, tr_type 1/2, the notice TR of this flavour with the HTS id as tr_key, at most 40
    // per session), trades, books and AES-256-CBC encrypted fill notices pushed on demand.
    QUrl wsUrl() const;
    void setHtsId(const QString& id) { m_htsId = id; }
    // "H0STCNT0|005930" for every live subscription of every open session.
    QStringList subscriptions() const;
    int streamSessions() const { return int(m_sockets.size()); } // open now
    int streamConnects() const { return m_streamConnects; }      // ever
    // Sessions refused because another one already used the app key (KIS: one session per app key).
    int sessionsRefused() const { return m_sessionsRefused; }
    int refusedSubscriptions() const { return m_refusedSubscriptions; }
    int pongs() const { return m_pongs; } // PINGPONG frames echoed back
    void pushTrade(const QString& code, qint64 price, qint64 qty, bool sellerInitiated);
    void pushBook(const QString& code);
    // A notice for `order`: an acknowledgement (filledQty 0) or a fill of filledQty at fillPrice.
    void pushNotice(const QString& orderId, const QString& code, bool buy, qint64 orderQty, qint64 filledQty,
                    qint64 fillPrice);
    void sendPing();
    // Marketable orders fill at the next trade() of their stock instead of at once (as a matching engine
    // behind the order gateway would); their fill notices go out then.
    void setDeferredFills(bool on) { m_deferFills = on; }
    // One trade at the current price: listed by inquire-ccnl and pushed to H0STCNT0 subscribers.
    void trade(const QString& code);
    // The after-hours match of `code` at its current price, taken as the close: resting closing-price
    // orders (ORD_DVSN 05/06) fill at it, single-price orders (07) fill at it where their limit reaches it.
    // Returns the orders filled.
    int matchAfterHours(const QString& code);
    void dropStreams(); // closes every session (the client reconnects)
    // Approval keys issued so far stop working (a refused key closes the session).
    void forgetApprovalKeys() { m_approvalKeys.clear(); }
    int rateLimited() const { return m_rateLimited; }
    int modifies() const { return m_modifies; } // modify (정정) requests taken
    const QList<Order>& orders() const { return m_orders; }
    QList<LoopbackRequest> requestsTo(const QByteArray& path) const;
    LoopbackHttpServer& http() { return m_http; }

private:
    LoopbackResponse handle(const LoopbackRequest& request);
    std::optional<LoopbackResponse> checkHeaders(const LoopbackRequest& request, const QString& realTrId);
    QString expectedTrId(const QString& realTrId) const;
    LoopbackResponse token(const LoopbackRequest& request, bool approval);
    LoopbackResponse price(const QHash<QString, QString>& q);
    LoopbackResponse askingPrice(const QHash<QString, QString>& q);
    LoopbackResponse dailyChart(const QHash<QString, QString>& q);
    LoopbackResponse minuteChart(const QHash<QString, QString>& q);
    LoopbackResponse conclusions(const QHash<QString, QString>& q);
    LoopbackResponse balance(const LoopbackRequest& request, const QHash<QString, QString>& q);
    LoopbackResponse orderCash(const LoopbackRequest& request);
    LoopbackResponse cancel(const LoopbackRequest& request);
    // RVSE_CNCL_DVSN_CD 01: what remains (QTY_ALL_ORD_YN Y) or ORD_QTY of it moves to a new order at
    // ORD_UNPR with a new ODNO; the original keeps the rest.
    LoopbackResponse modify(const QJsonObject& body);
    LoopbackResponse dailyOrders(const LoopbackRequest& request, const QHash<QString, QString>& q);
    LoopbackResponse cancellable(const LoopbackRequest& request, const QHash<QString, QString>& q);
    // One page of `rows` from the request's CTX_AREA_NK100 (with tr_cont N), the answer's tr_cont and keys.
    LoopbackResponse page(const LoopbackRequest& request, const QHash<QString, QString>& q,
                          const QJsonArray& rows, const char* rowsKey, QJsonObject extra = {});
    QJsonObject orderRow(const Order& o) const;
    void fill(Order& o, qint64 price); // the rest of `o` at `price`, with its notice
    bool overRate();

    static LoopbackResponse ok(QJsonObject body, const QByteArray& trCont = "D");
    static LoopbackResponse fail(int status, const char* code, const QString& message);

    bool startStreams();
    void onStreamConnection();
    void onStreamText(QWebSocket* socket, const QString& text);
    void sendToSubscribers(const QString& trId, const QString& trKey, const QByteArray& frame);

    LoopbackHttpServer m_http;
    QWebSocketServer* m_ws = nullptr;
    QList<QWebSocket*> m_sockets;
    QHash<QWebSocket*, QSet<QString>> m_subscribed; // "TR|KEY"
    QSet<QString> m_approvalKeys;
    int m_approvalsIssued = 0;
    int m_streamConnects = 0;
    int m_sessionsRefused = 0;
    QWebSocket* m_appKeySession = nullptr; // the session that first used the (one) app key, while open
    int m_refusedSubscriptions = 0;
    int m_pongs = 0;
    qint64 m_tradeVolume = 0;
    bool m_deferFills = false;
    QStringList m_pendingFills; // order ids
    struct Print {
        QString time; // HHMMSS
        qint64 price = 0;
        qint64 qty = 0;
    };
    QHash<QString, QList<Print>> m_prints; // by code, oldest first
    QString m_htsId = QStringLiteral("hoga-hts");
    QByteArray m_noticeKey = "iuheqrmvfxoceaxeyqgjwesozgizmmgx";
    QByteArray m_noticeIv = "d59d91fcf9fd0044";
    bool m_virtual;
    QString m_appKey = QStringLiteral("fake-app-key");
    QString m_appSecret = QStringLiteral("fake-app-secret");
    QString m_cano = QStringLiteral("12345678");
    QString m_product = QStringLiteral("01");
    QString m_token;
    qint64 m_lastTokenAtMs = -1;
    qint64 m_tokenThrottleMs = 60'000;
    int m_tokensIssued = 0;
    bool m_expireNext = false;
    int m_perSecond;
    QList<qint64> m_recent;
    int m_rateLimited = 0;
    int m_modifies = 0;
    qint64 m_cash = 10'000'000;
    struct Holding {
        qint64 qty = 0;
        QString avg;
    };
    QMap<QString, Holding> m_holdings;
    QHash<QString, qint64> m_prices;
    QList<Order> m_orders;
    int m_nextOrder = 1;
    int m_balancePage = 50;
    int m_orderPage = 100;
    int m_days = 250;
};

} // namespace hoga::test
