#include "upbit_stream_decoder.h"

namespace hoga::upbit {

StreamDecoder::StreamDecoder(QString venue)
    : m_venue(std::move(venue)) {}

StreamDecoder::Entry& StreamDecoder::entryFor(std::string_view code) {
    auto it = m_entries.find(code);
    if (it == m_entries.end()) {
        auto entry = std::make_unique<Entry>();
        entry->code = QString::fromUtf8(code.data(), qsizetype(code.size()));
        entry->book.setMarket(m_venue, entry->code);
        it = m_entries.emplace(std::string(code), std::move(entry)).first;
    }
    return *it->second;
}

const OrderBook& StreamDecoder::bookFor(const QString& market) {
    const QByteArray code = market.toUtf8();
    return entryFor(std::string_view(code.constData(), size_t(code.size()))).book;
}

const OrderBook& StreamDecoder::replaceBook(const QString& market, const OrderBook& book) {
    const QByteArray code = market.toUtf8();
    Entry& entry = entryFor(std::string_view(code.constData(), size_t(code.size())));
    entry.book.applySnapshot(book.bids(), book.asks(), book.timestampMs(), book.sequence());
    entry.slotsValid = false; // the next frame rebuilds the book
    return entry.book;
}

namespace {

enum Field { AskPrice, BidPrice, AskSize, BidSize, FieldCount };

// The unit members the REST parser reads, by exact name.
int fieldOf(std::string_view key) {
    if (key.size() == 9) {
        if (key == "ask_price")
            return AskPrice;
        if (key == "bid_price")
            return BidPrice;
    } else if (key.size() == 8) {
        if (key == "ask_size")
            return AskSize;
        if (key == "bid_size")
            return BidSize;
    }
    return -1;
}

// True if two present slots of one side share a price: their sizes cannot be applied as deltas (the
// snapshot keeps the last of equal prices, a delta would set whichever changed).
bool hasRepeatedPrice(const std::vector<const Decimal*>& prices) {
    // Venues send each side best-first: strictly ordered prices (either way) settle it in one pass.
    bool rising = true;
    bool falling = true;
    for (size_t k = 1; k < prices.size() && (rising || falling); ++k) {
        rising = rising && *prices[k - 1] < *prices[k];
        falling = falling && *prices[k] < *prices[k - 1];
    }
    if (rising || falling)
        return false;
    for (size_t a = 0; a < prices.size(); ++a)
        for (size_t b = a + 1; b < prices.size(); ++b)
            if (*prices[a] == *prices[b])
                return true;
    return false;
}

} // namespace

// Builds exactly the book parseOrderBookInto() builds from the same frame: a level per unit whose first
// "ask_price" / "bid_price" member is a number or a string, its size from the first "ask_size" /
// "bid_size" (zero when absent or not a number, so the level is dropped).
bool StreamDecoder::decodeBook(const JsonValue& root, Entry& entry) {
    const JsonValue units = root["orderbook_units"];
    if (!units.isArray())
        return false;
    const size_t n = size_t(units.size());
    bool samePrices = entry.slotsValid && entry.asks.size() == n;
    if (entry.asks.size() != n) {
        entry.asks.resize(n);
        entry.bids.resize(n);
    }
    m_changed.clear();
    // The cached text and value always go together, so an unchanged text needs no conversion.
    auto readPrice = [&](Slot& slot, const JsonValue& v) {
        const bool present = v.isNumber() || v.isString();
        if (present != slot.present) {
            slot.present = present;
            samePrices = false;
        }
        if (!present)
            return; // absent this frame: nothing of an earlier frame's price may come back
        const std::string_view text = v.raw();
        if (slot.priceText == text)
            return;
        slot.priceText.assign(text.data(), text.size());
        slot.price = toDecimal(v);
        samePrices = false;
    };
    auto readSize = [&](Slot& slot, const JsonValue& v, Side side, size_t i) {
        if (!slot.present)
            return;
        const std::string_view text = v.raw(); // empty for absent or non-numeric members: size zero
        if (slot.sizeText == text)
            return;
        slot.sizeText.assign(text.data(), text.size());
        slot.size = toDecimal(v);
        m_changed.emplace_back(side, i);
    };
    size_t i = 0;
    for (JsonValue unit : units.elements()) {
        // The first member of each name wins, as with JsonValue::operator[] in the REST parser.
        JsonValue fields[FieldCount];
        unsigned found = 0;
        for (const net::JsonMember& m : unit.members()) {
            const int f = fieldOf(m.key);
            if (f < 0 || (found & (1u << f)))
                continue;
            found |= 1u << f;
            fields[f] = m.value;
            if (found == (1u << FieldCount) - 1)
                break;
        }
        readPrice(entry.asks[i], fields[AskPrice]);
        readSize(entry.asks[i], fields[AskSize], Side::Sell, i);
        readPrice(entry.bids[i], fields[BidPrice]);
        readSize(entry.bids[i], fields[BidSize], Side::Buy, i);
        ++i;
    }
    const qint64 timestamp = root["timestamp"].toInt64(0);
    if (samePrices && entry.uniquePrices && m_changed.empty()) {
        // Nothing changed: still take the frame's time (re-applying any level), or rebuild an empty book.
        for (size_t k = 0; k < n && m_changed.empty(); ++k) {
            if (entry.asks[k].present)
                m_changed.emplace_back(Side::Sell, k);
            else if (entry.bids[k].present)
                m_changed.emplace_back(Side::Buy, k);
        }
        samePrices = !m_changed.empty();
    }
    if (samePrices && entry.uniquePrices) {
        // Same levels, some sizes changed: set those (a size of 0 removes its level).
        for (const auto& [side, index] : m_changed) {
            const Slot& slot = side == Side::Sell ? entry.asks[index] : entry.bids[index];
            entry.book.applyDelta(side, slot.price, slot.size, timestamp);
        }
        return true;
    }
    QVector<BookLevel> bids;
    QVector<BookLevel> asks;
    bids.reserve(qsizetype(n));
    asks.reserve(qsizetype(n));
    m_askPrices.clear();
    m_bidPrices.clear();
    for (size_t k = 0; k < n; ++k) {
        if (entry.asks[k].present) {
            asks.append({entry.asks[k].price, entry.asks[k].size});
            m_askPrices.push_back(&entry.asks[k].price);
        }
        if (entry.bids[k].present) {
            bids.append({entry.bids[k].price, entry.bids[k].size});
            m_bidPrices.push_back(&entry.bids[k].price);
        }
    }
    entry.book.applySnapshot(std::move(bids), std::move(asks), timestamp);
    entry.slotsValid = true;
    entry.uniquePrices = !hasRepeatedPrice(m_askPrices) && !hasRepeatedPrice(m_bidPrices);
    return true;
}

bool StreamDecoder::hasBook(const QString& market) const {
    const QByteArray code = market.toUtf8();
    return m_entries.find(std::string_view(code.constData(), size_t(code.size()))) != m_entries.end();
}

void StreamDecoder::removeBook(const QString& market) {
    const QByteArray code = market.toUtf8();
    const auto it = m_entries.find(std::string_view(code.constData(), size_t(code.size())));
    if (it == m_entries.end())
        return;
    if (m_lastBook == &it->second->book)
        m_lastBook = nullptr;
    m_entries.erase(it);
}

StreamDecoder::Kind StreamDecoder::decode(QByteArrayView frame) {
    if (!m_doc.parse(std::string_view(frame.data(), size_t(frame.size()))))
        return Kind::Invalid;
    const JsonValue root = m_doc.root();
    if (!root.isObject())
        return Kind::Other;
    const std::string_view type = root["type"].raw();
    if (type == "orderbook") {
        Entry& entry = entryFor(root["code"].raw());
        if (!decodeBook(root, entry))
            return Kind::Invalid;
        m_lastBook = &entry.book;
        return Kind::OrderBook;
    }
    if (type == "ticker") {
        m_ticker = parseTicker(root, m_venue);
        return Kind::Ticker;
    }
    if (type == "trade") {
        m_trade = parseTrade(root, m_venue);
        return Kind::Trade;
    }
    if (type == "myOrder") {
        m_myOrder = parseMyOrder(root, m_venue);
        return m_myOrder.valid ? Kind::MyOrder : Kind::Invalid;
    }
    if (type == "myAsset") {
        m_assets = parseMyAsset(root, m_venue);
        return Kind::MyAsset;
    }
    if (const auto error = parseErrorBody(root)) {
        m_error = *error;
        return Kind::Error;
    }
    return Kind::Other;
}

} // namespace hoga::upbit
