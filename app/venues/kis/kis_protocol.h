#pragma once

#include "kis_auth.h"

#include "venues/core/venue_protocol.h"

#include <QHash>

namespace hoga {

// Which KIS server and account a connector uses: real or virtual (모의투자) trading, each with its own app
// keys, account and endpoints.
struct KisAccount {
    bool isVirtual = false;
    QString cano;        // 8-digit account number
    QString productCode; // 2-digit ACNT_PRDT_CD
    // "12345678-01" or "1234567801"; empty or malformed leaves the account unset.
    static KisAccount parse(const QString& number, const QString& accountType);
    bool isValid() const { return cano.size() == 8 && productCode.size() == 2; }
};

// Korea Investment & Securities Open API, domestic stocks, as a protocol bundle: quotations
// (inquire-price, 10-level asking prices, daily/weekly/monthly and today's minute charts), the cash account
// (balance, cash orders, cancel, the day's orders) and the KIS WebSocket (trades, book, fill notices).
// tr_ids are chosen by account type (real T/J/C..., virtual V...); quotation TRs are the same on both.
class KisProtocol final : public VenueProtocol {
public:
    explicit KisProtocol(KisAccount account = {}, VenueEndpoints endpoints = {});

    static VenueEndpoints realEndpoints();
    static VenueEndpoints virtualEndpoints();
    static CredentialSchema schema();
    static net::RateLimitConfig limits(bool isVirtual);
    // The profile secret the access token of the real or the virtual server is cached under.
    static QString tokenCacheKey(bool isVirtual);

    const KisAccount& account() const { return m_account; }
    // Orders outside the regular session are refused before sending (on by default).
    void setEnforceSessionHours(bool on) { m_enforceHours = on; }
    // The token cache new authenticators use over the credentials' own (tests); by default the credentials'
    // tokenCache, else kis::defaultTokenCache().
    void setTokenCache(std::shared_ptr<TokenCache> cache) { m_tokenCache = std::move(cache); }

    QString venueId() const override { return QStringLiteral("kis"); }
    QString displayName() const override;
    VenueCapabilities capabilities() const override;
    VenueEndpoints defaultEndpoints() const override;
    CredentialSchema credentialSchema() const override { return schema(); }
    net::RateLimitConfig rateLimits() const override { return limits(m_account.isVirtual); }
    net::KeepAlive keepAlive() const override;
    std::shared_ptr<net::Authenticator> makeAuthenticator(const Credentials& credentials,
                                                          const Clock& clock) const override;

    VenueError errorOf(const net::HttpResponse& response, qint64 nowMs) const override;
    bool mayHaveTakenOrder(const net::HttpResponse& failed) const override;
    bool isFailedAnswer(const net::HttpResponse& response) const override;
    bool isExpiredToken(const net::HttpResponse& response) const override;
    std::optional<QVector<Market>> builtInMarkets() const override;
    std::optional<Market> unlistedMarket(const QString& code) const override;
    std::optional<VenueError> refuseOrder(const OrderRequest& request, qint64 nowMs) const override;

    ApiCall marketsCall() const override;
    Result<QVector<Market>> parseMarkets(const net::JsonValue& root) const override;
    TradingRules rulesFor(const Market& market) const override;
    void notePrice(const QString& market, const Decimal& last) override;

    ApiCall tickersCall(const QStringList& markets) const override;
    int tickersPerCall() const override { return 1; } // inquire-price has no list form
    Result<QVector<Ticker>> parseTickers(const net::JsonValue& root) const override;
    ApiCall orderBookCall(const QString& market, int depth) const override;
    Result<OrderBook> parseOrderBook(const net::JsonValue& root, const QString& market) const override;
    ApiCall candlesCall(const CandleQuery& query, qint64 toMs, int count) const override;
    Result<QVector<Candle>> parseCandles(const net::JsonValue& root, const CandleQuery& query) const override;
    ApiCall tradesCall(const QString& market, int count) const override;
    Result<QVector<Trade>> parseTrades(const net::JsonValue& root) const override;

    ApiCall balancesCall() const override;
    Result<QVector<Balance>> parseBalances(const net::JsonValue& root) const override;
    ApiCall createOrderCall(const OrderRequest& request) const override;
    Result<Order> parseCreatedOrder(const net::JsonValue& root) const override;
    ApiCall orderCall(const OrderRef& ref) const override;
    Result<Order> parseOrder(const net::JsonValue& root) const override;
    QVector<Fill> parseOrderFills(const net::JsonValue& root, const Order& order) const override;
    ApiCall openOrdersCall(const QString& market) const override;
    ApiCall closedOrdersCall(const QString& market, int limit) const override;
    Result<QVector<Order>> parseOrders(const net::JsonValue& root) const override;
    ApiCall cancelCall(const OrderRef& ref) const override;
    bool readsOrderBeforeCancel(const OrderRef& ref) const override;
    // 정정: a limit price on the KRX tick, whole shares no more than what remains, in session hours.
    std::optional<VenueError> refuseModification(const Order& original,
                                                 const OrderModification& change) const override;
    ApiCall modifyCall(const Order& original, const OrderModification& change) const override;
    std::variant<Order, OrderRef> parseCancel(const net::JsonValue& root,
                                              const OrderRef& asked) const override;

    // tr_cont paging: an answer with header tr_cont F or M has more; the next call repeats the request with
    // tr_cont N and the answer's ctx_area_fk100 / ctx_area_nk100.
    std::optional<ApiCall> nextPageCall(const ApiCall& previous, const net::HttpResponse& response,
                                        const net::JsonValue& root) const override;

    QList<QByteArray> publicSubscriptions(const QHash<QString, unsigned>& subscribed) const override;
    QList<QByteArray> privateSubscriptions() const override;
    // KIS refuses a second WebSocket session on the same app key (OPSP8996 "ALREADY IN USE appkey"): the
    // fill notice rides the market session and takes one of its kis::kMaxSubscriptions slots.
    bool accountSharesMarketStream() const override { return true; }
    QList<QByteArray> sharedSubscriptions(const QHash<QString, unsigned>& subscribed, bool account,
                                          QStringList* leftOut) const override;
    std::unique_ptr<VenueStreamDecoder> makeStreamDecoder() const override;
    bool preparesStreams() const override { return true; }
    // Obtains the approval key (cached like the token) before every connect.
    void prepareStreams(net::Authenticator* auth,
                        std::function<void(std::optional<QString> failure)> done) override;
    QList<QByteArray> publicReleases(const QHash<QString, unsigned>& before,
                                     const QHash<QString, unsigned>& after) const override;

    // The HTS id fill notices are subscribed with (credential field "hts_id"); without it there are none.
    void setHtsId(const QString& id) { m_htsId = id; }
    // The fill-notice TR of this account type: H0STCNI0 real, H0STCNI9 virtual.
    QString noticeTrId() const;

    // The WebSocket approval key (POST /oauth2/Approval), put in every subscribe frame.
    void setApprovalKey(const QByteArray& key) { m_approvalKey = key; }

    // The tr_id of a trading TR for this account type: a real id (TTTC0012U) as is, on virtual servers with
    // its first letter replaced by V (VTTC0012U).
    QString trId(const char* realId) const;

private:
    ApiCall get(const QString& path, const QByteArray& trId, QList<std::pair<QString, QString>> query) const;
    ApiCall post(const QString& path, const QString& trId,
                 const QList<std::pair<QString, QString>>& body) const;
    ApiCall dailyOrdersCall(const QString& market, const QString& orderId, const char* filledFilter) const;

    KisAccount m_account;
    VenueEndpoints m_endpoints;
    bool m_enforceHours = true;
    std::shared_ptr<TokenCache> m_tokenCache;
    QHash<QString, Decimal> m_lastPrices;
    // The order branch (KRX_FWDG_ORD_ORGNO) of orders seen, by order number: a cancel must name it.
    mutable QHash<QString, QString> m_orderBranches;
    QByteArray m_approvalKey;
    // Taken from the credentials when the authenticator is made (the factory builds the bundle before).
    mutable QString m_htsId;
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
    // Set by the stream decoders when the server refuses the approval key (KIS answers "invalid approval").
    std::shared_ptr<bool> m_approvalRefused = std::make_shared<bool>(false);
};

} // namespace hoga
