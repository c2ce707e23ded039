#pragma once

#include "upbit_parse.h"

#include "core/orderbook.h"
#include "venues/net/json_value.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hoga::upbit {

// Decodes the WebSocket frames of Upbit and Bithumb (DEFAULT format, public and private) and keeps one order
// book per market, replaced by every orderbook frame (they carry the whole requested depth). One JsonDocument
// is reused for every frame and market codes are looked up without allocating, so the hot path (orderbook
// frames) does no more than parse, convert the numbers and apply the levels.
class StreamDecoder {
public:
    enum class Kind { Invalid, Ticker, Trade, OrderBook, MyOrder, MyAsset, Error, Other };

    explicit StreamDecoder(QString venue);

    // Decodes one frame; the result is in the accessor of its kind until the next call.
    Kind decode(QByteArrayView frame);

    const Ticker& ticker() const { return m_ticker; }
    const Trade& trade() const { return m_trade; }
    // The book the last orderbook frame updated (valid until the book is removed).
    const OrderBook& book() const { return *m_lastBook; }
    const MyOrderEvent& myOrder() const { return m_myOrder; }
    const QVector<Balance>& assets() const { return m_assets; }
    const ErrorBody& error() const { return m_error; }

    // Replaces a market's book with a REST snapshot (after a reconnect); returns the stored book.
    const OrderBook& replaceBook(const QString& market, const OrderBook& book);
    // The stored book of a market (created empty if absent).
    const OrderBook& bookFor(const QString& market);
    bool hasBook(const QString& market) const;
    void removeBook(const QString& market);

private:
    // The text and value of one price or size of the last frame, by unit index: a frame that repeats most
    // of the previous one (the usual case) costs a string compare per number, not a decimal conversion,
    // and changed sizes at unchanged prices are applied as deltas instead of rebuilding the book.
    struct Slot {
        std::string priceText;
        std::string sizeText;
        Decimal price;
        Decimal size;
        bool present = false; // this frame's unit has a price for this side (as the REST parser reads it)
    };
    struct Entry {
        QString code;
        OrderBook book;
        std::vector<Slot> asks;
        std::vector<Slot> bids;
        bool slotsValid = false;   // the book was built from these slots
        bool uniquePrices = false; // and no two of one side share a price (sizes can go in as deltas)
    };
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
    };
    Entry& entryFor(std::string_view code);
    bool decodeBook(const JsonValue& root, Entry& entry);

    QString m_venue;
    net::JsonDocument m_doc;
    std::unordered_map<std::string, std::unique_ptr<Entry>, Hash, std::equal_to<>> m_entries;
    const OrderBook* m_lastBook = nullptr;
    Ticker m_ticker;
    Trade m_trade;
    MyOrderEvent m_myOrder;
    QVector<Balance> m_assets;
    ErrorBody m_error;
    std::vector<std::pair<Side, size_t>> m_changed; // scratch: slots whose size changed
    std::vector<const Decimal*> m_askPrices;        // scratch: prices of a rebuilt book, per side
    std::vector<const Decimal*> m_bidPrices;
};

} // namespace hoga::upbit
