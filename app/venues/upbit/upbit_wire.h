#pragma once

#include "upbit_errors.h"
#include "upbit_parse.h"
#include "upbit_stream_decoder.h"

#include "venues/core/venue_protocol.h"

#include <QHash>
#include <QList>

#include <span>

// Building blocks for the API shape Upbit and Bithumb API 2.0 share: their bundles (UpbitProtocol,
// BithumbProtocol) are written with these, each passing its own field names and pools.
namespace hoga::upbit {

using Query = QList<std::pair<QString, QString>>;

// A REST call to `path` (resolved against the venue's REST base by the connector core).
ApiCall call(const QByteArray& method, const QString& path, Query query, const QString& pool, bool isPrivate);

// The JSON body of an order: limit (price + volume), market buy by total (`price` = amount, type
// "price"), market sell (volume, type "market"), best orders (type "best"); time_in_force only when not
// GTC; the client id under `clientIdField`.
QByteArray orderBody(const OrderRequest& request, const char* orderTypeField, const char* clientIdField);

// The public subscription request: one ticket, one entry per stream type with its codes (sorted), order
// books grouped by `level` (0 = none), `format` DEFAULT.
QByteArray publicSubscription(const QByteArray& ticket, const QHash<QString, unsigned>& subscribed,
                              const QHash<QString, Decimal>& levels, bool camelCaseFlags);
QByteArray privateSubscription(const QByteArray& ticket);

// Parsers of whole answers.
Result<QVector<Market>> parseMarketList(const net::JsonValue& root, const QString& venue);
Result<QVector<Ticker>> parseTickerList(const net::JsonValue& root, const QString& venue);
Result<OrderBook> parseOrderBookOf(const net::JsonValue& root, const QString& venue, const QString& market);
Result<QVector<Trade>> parseTradeList(const net::JsonValue& root, const QString& venue);
Result<QVector<Balance>> parseBalanceList(const net::JsonValue& root, const QString& venue);
Result<QVector<Order>> parseOrderList(const net::JsonValue& root, const QString& venue);
Result<Order> parseOrderObject(const net::JsonValue& root, const QString& venue);
VenueError malformedAnswer(const QString& what);

// The REST path of an interval's candles ("/v1/candles/minutes/5").
QString candlePath(CandleInterval interval);

// Default tick bands of a quote currency (KRW: the venue's table).
QVector<PriceBand> defaultBands(const QString& quote);
// The band holding `price` gets `tick` (the venue's tick there).
void applyTickAt(QVector<PriceBand>& bands, const Decimal& price, const Decimal& tick);

// The Upbit-shaped WebSocket frames as StreamEvents (StreamDecoder keeps the whole books).
class StreamAdapter final : public VenueStreamDecoder {
public:
    StreamAdapter(QString venue, std::span<const ErrorRule> rules);
    StreamEvent decode(QByteArrayView frame) override;
    const OrderBook& replaceBook(const QString& market, const OrderBook& book) override;
    void removeBook(const QString& market) override { m_decoder.removeBook(market); }
    StreamDecoder& decoder() { return m_decoder; }

private:
    StreamDecoder m_decoder;
    std::span<const ErrorRule> m_rules;
};

// The JWT signer as the HTTP client's authenticator.
class JwtAuthenticator final : public net::SigningAuthenticator {
public:
    explicit JwtAuthenticator(std::shared_ptr<const class JwtSigner> signer);
    void sign(net::HttpRequest& request) const override;
    void authorizeHandshake(QNetworkRequest& request) const override;

private:
    std::shared_ptr<const JwtSigner> m_signer;
};

} // namespace hoga::upbit
