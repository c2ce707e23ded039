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
    auto read = [&](Slot& slot, bool isPrice, const JsonValue& v, Side side, size_t i) {
        const std::string_view text = v.raw();
        std::string& known = isPrice ? slot.priceText : slot.sizeText;
        if (known == text && slot.present)
            return;
        known.assign(text.data(), text.size());
        if (isPrice) {
            slot.price = toDecimal(v);
            samePrices = false;
        } else {
            slot.size = toDecimal(v);
            m_changed.emplace_back(side, i);
        }
    };
    size_t i = 0;
    for (JsonValue unit : units.elements()) {
        Slot& ask = entry.asks[i];
        Slot& bid = entry.bids[i];
        int seen = 0;
        for (const net::JsonMember& m : unit.members()) {
            // "ask_price", "ask_size", "bid_price", "bid_size"
            if (m.key.size() < 8 || !(m.value.isNumber() || m.value.isString()))
                continue;
            const bool isAsk = m.key[0] == 'a';
            const bool isPrice = m.key[4] == 'p';
            read(isAsk ? ask : bid, isPrice, m.value, isAsk ? Side::Sell : Side::Buy, i);
            seen |= (isAsk ? 1 : 2) << (isPrice ? 0 : 2);
        }
        const bool askPresent = (seen & 5) == 5;
        const bool bidPresent = (seen & 10) == 10;
        if (askPresent != ask.present || bidPresent != bid.present)
            samePrices = false;
        ask.present = askPresent;
        bid.present = bidPresent;
        ++i;
    }
    const qint64 timestamp = root["timestamp"].toInt64(0);
    if (samePrices) {
        // Same levels, some sizes changed: set those (a size of 0 removes its level).
        if (m_changed.empty() && !entry.asks.empty() && entry.asks.front().present)
            m_changed.emplace_back(Side::Sell, 0); // nothing changed: still take the frame's time
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
    for (size_t k = 0; k < n; ++k) {
        if (entry.asks[k].present)
            asks.append({entry.asks[k].price, entry.asks[k].size});
        if (entry.bids[k].present)
            bids.append({entry.bids[k].price, entry.bids[k].size});
    }
    entry.book.applySnapshot(std::move(bids), std::move(asks), timestamp);
    entry.slotsValid = true;
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
