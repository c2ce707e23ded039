#include "kis_stream.h"

#include "kis_parse.h"

#include <QCoreApplication>
#include <QDateTime>

#include <openssl/evp.h>

#include <memory>

namespace hoga::kis {

namespace {

Decimal dec(const QStringList& f, int i) {
    return i < f.size() ? Decimal::parse(f.at(i)).value_or(Decimal()) : Decimal();
}

qint64 todayAt(const QString& hhmmss) {
    return kstMs(kstDate(QDateTime::currentMSecsSinceEpoch()), hhmmss);
}

} // namespace

std::optional<QByteArray> decryptNotice(const QByteArray& base64, const QByteArray& key,
                                        const QByteArray& iv) {
    if (key.size() != 32 || iv.size() != 16)
        return std::nullopt;
    const auto decoded =
        QByteArray::fromBase64Encoding(base64.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.isEmpty())
        return std::nullopt;
    const QByteArray& in = decoded.decoded;
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        EVP_CIPHER_CTX_free);
    if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr,
                                   reinterpret_cast<const unsigned char*>(key.constData()),
                                   reinterpret_cast<const unsigned char*>(iv.constData())) != 1)
        return std::nullopt;
    QByteArray out(in.size() + 16, Qt::Uninitialized);
    int n = 0;
    int tail = 0;
    if (EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n,
                          reinterpret_cast<const unsigned char*>(in.constData()), int(in.size())) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + n, &tail) != 1)
        return std::nullopt; // wrong key or padding
    out.resize(n + tail);
    return out;
}

QByteArray subscribeFrame(const QByteArray& approvalKey, const QString& trId, const QString& trKey,
                          bool subscribe) {
    net::JsonWriter w;
    w.beginObject();
    w.key("header").beginObject();
    w.key("approval_key").value(std::string_view(approvalKey.constData(), size_t(approvalKey.size())));
    w.key("custtype").value("P");
    w.key("tr_type").value(subscribe ? "1" : "2");
    w.key("content-type").value("utf-8");
    w.endObject();
    w.key("body").beginObject().key("input").beginObject();
    w.key("tr_id").value(trId);
    w.key("tr_key").value(trKey);
    w.endObject().endObject();
    w.endObject();
    return w.data();
}

QList<QByteArray> subscribeFrames(const QByteArray& approvalKey, const QHash<QString, unsigned>& subscribed,
                                  int limit, QStringList* leftOut) {
    QStringList markets = subscribed.keys();
    markets.sort(); // stable order: the same markets keep their slots across reconnects
    QList<QByteArray> frames;
    for (const QString& market : markets) {
        const unsigned channels = subscribed.value(market);
        if (channels & (TradeChannel | TickerChannel)) {
            if (frames.size() < limit)
                frames.append(subscribeFrame(approvalKey, QStringLiteral("H0STCNT0"), market));
            else if (leftOut)
                leftOut->append(QCoreApplication::translate("hoga::KisConnector", "%1 trades").arg(market));
        }
        if (channels & OrderBookChannel) {
            if (frames.size() < limit)
                frames.append(subscribeFrame(approvalKey, QStringLiteral("H0STASP0"), market));
            else if (leftOut)
                leftOut->append(
                    QCoreApplication::translate("hoga::KisConnector", "%1 order book").arg(market));
        }
    }
    return frames;
}

QList<QByteArray> releaseFrames(const QByteArray& approvalKey, const QHash<QString, unsigned>& before,
                                const QHash<QString, unsigned>& after) {
    QList<QByteArray> frames;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const unsigned had = it.value();
        const unsigned has = after.value(it.key());
        if ((had & (TradeChannel | TickerChannel)) && !(has & (TradeChannel | TickerChannel)))
            frames.append(subscribeFrame(approvalKey, QStringLiteral("H0STCNT0"), it.key(), false));
        if ((had & OrderBookChannel) && !(has & OrderBookChannel))
            frames.append(subscribeFrame(approvalKey, QStringLiteral("H0STASP0"), it.key(), false));
    }
    return frames;
}

std::optional<DataFrame> splitDataFrame(QByteArrayView frame, const QByteArray& key, const QByteArray& iv) {
    if (frame.size() < 4 || (frame.at(0) != '0' && frame.at(0) != '1') || frame.at(1) != '|')
        return std::nullopt;
    const QByteArray text = frame.toByteArray();
    const qsizetype a = text.indexOf('|', 2);
    const qsizetype b = a < 0 ? -1 : text.indexOf('|', a + 1);
    if (b < 0)
        return std::nullopt;
    DataFrame out;
    out.encrypted = text.at(0) == '1';
    out.trId = QString::fromLatin1(text.mid(2, a - 2));
    const int count = std::max(1, text.mid(a + 1, b - a - 1).toInt());
    QByteArray payload = text.mid(b + 1);
    if (out.encrypted) {
        const auto plain = decryptNotice(payload, key, iv);
        if (!plain)
            return std::nullopt;
        payload = *plain;
    }
    const QStringList fields = QString::fromUtf8(payload).split(QLatin1Char('^'));
    const qsizetype per = fields.size() / count;
    for (int i = 0; i < count && per > 0; ++i)
        out.records.append(fields.mid(i * per, per));
    return out;
}

StreamEvent StreamDecoder::decode(QByteArrayView frame) {
    m_pending.clear();
    if (!frame.isEmpty() && frame.at(0) == '{')
        return decodeControl(frame);
    std::optional<DataFrame> data;
    if (!frame.isEmpty() && frame.at(0) == '1') {
        // Encrypted: find the tr_id first to pick its key.
        const QByteArray text = frame.toByteArray();
        const QString trId = QString::fromLatin1(text).section(QLatin1Char('|'), 1, 1);
        const auto keys = m_keys.value(trId);
        data = splitDataFrame(frame, keys.first, keys.second);
    } else {
        data = splitDataFrame(frame);
    }
    if (!data || data->records.isEmpty())
        return {};
    // Several records in one frame (a burst of trades, several fills): each is an event, oldest first.
    m_pendingTrId = data->trId;
    m_pending = data->records;
    return next();
}

StreamEvent StreamDecoder::next() {
    while (!m_pending.isEmpty()) {
        const QStringList fields = m_pending.takeFirst();
        const StreamEvent e = decodeRecord(m_pendingTrId, fields);
        if (e.kind != StreamEvent::Kind::None)
            return e;
    }
    return {};
}

StreamEvent StreamDecoder::decodeRecord(const QString& trId, const QStringList& f) {
    if (trId == QLatin1String("H0STCNT0"))
        return decodeTrade(f);
    if (trId == QLatin1String("H0STASP0"))
        return decodeBook(f);
    if (trId == QLatin1String("H0STCNI0") || trId == QLatin1String("H0STCNI9"))
        return decodeNotice(f);
    return {};
}

StreamEvent StreamDecoder::decodeControl(QByteArrayView frame) {
    net::JsonDocument doc;
    if (!doc.parse(std::string_view(frame.data(), size_t(frame.size()))))
        return {};
    const net::JsonValue root = doc.root();
    const QString trId = root["header"]["tr_id"].toString();
    if (trId == QLatin1String("PINGPONG"))
        return {};
    const net::JsonValue body = root["body"];
    const net::JsonValue output = body["output"];
    if (output.isObject() && output.contains("key"))
        m_keys.insert(trId, {output["key"].toString().toLatin1(), output["iv"].toString().toLatin1()});
    const QString rt = body["rt_cd"].toString();
    if (rt.isEmpty() || rt == QLatin1String("0"))
        return {};
    // Subscribing again after a change (the whole set is sent) or releasing twice is harmless.
    const QString message = body["msg1"].toString();
    if (message.startsWith(QLatin1String("ALREADY IN SUBSCRIBE")) ||
        message.startsWith(QLatin1String("UNSUB")))
        return {};
    if (m_approvalRefused && message.contains(QLatin1String("invalid approval"), Qt::CaseInsensitive))
        *m_approvalRefused = true;
    StreamEvent e;
    e.kind = StreamEvent::Kind::Error;
    e.error.kind = ErrorKind::Venue;
    e.error.venueCode = body["msg_cd"].toString();
    e.error.venueMessage = body["msg1"].toString();
    if (e.error.venueCode == QLatin1String("OPSP8996")) // "ALREADY IN USE appkey"
        e.error.detail = QCoreApplication::translate(
            "hoga::KisConnector",
            "Another program holds the live connection of this app key; KIS allows one per key.");
    return e;
}

StreamEvent StreamDecoder::decodeTrade(const QStringList& f) {
    if (f.size() < 22)
        return {};
    m_trade = Trade();
    m_trade.venue = QStringLiteral("kis");
    m_trade.market = f.at(0);
    m_trade.price = dec(f, 2);
    m_trade.qty = dec(f, 12);
    m_trade.side = f.at(21) == QLatin1String("5") ? Side::Sell : Side::Buy; // CCLD_DVSN: 1 buy, 5 sell
    m_trade.timestampMs = todayAt(f.at(1));
    m_trade.id = f.at(1) + QLatin1Char('-') + f.at(13); // time and cumulative volume: unique per trade
    // The frame carries the day's ticker too: 4 PRDY_VRSS (signed), 5 PRDY_CTRT (%), 7-9 open, high, low,
    // 13 ACML_VOL, 14 ACML_TR_PBMN.
    m_ticker = Ticker();
    m_ticker.venue = m_trade.venue;
    m_ticker.market = m_trade.market;
    m_ticker.last = m_trade.price;
    m_ticker.change = dec(f, 4);
    m_ticker.prevClose = m_ticker.last - m_ticker.change;
    m_ticker.changeRate = dec(f, 5).divide(Decimal(100), 6, Rounding::HalfEven);
    m_ticker.open = dec(f, 7);
    m_ticker.high = dec(f, 8);
    m_ticker.low = dec(f, 9);
    m_ticker.volume24h = dec(f, 13);
    m_ticker.quoteVolume24h = dec(f, 14);
    m_ticker.timestampMs = m_trade.timestampMs;
    StreamEvent e;
    e.kind = StreamEvent::Kind::Trade;
    e.trade = &m_trade;
    e.ticker = &m_ticker;
    return e;
}

StreamEvent StreamDecoder::decodeBook(const QStringList& f) {
    if (f.size() < 43)
        return {};
    QVector<BookLevel> asks;
    QVector<BookLevel> bids;
    for (int i = 0; i < 10; ++i) {
        asks.append({dec(f, 3 + i), dec(f, 23 + i)});
        bids.append({dec(f, 13 + i), dec(f, 33 + i)});
    }
    OrderBook& book = m_books[f.at(0)];
    book.setMarket(QStringLiteral("kis"), f.at(0));
    book.applySnapshot(bids, asks, todayAt(f.at(1)));
    StreamEvent e;
    e.kind = StreamEvent::Kind::Book;
    e.book = &book;
    return e;
}

StreamEvent StreamDecoder::decodeNotice(const QStringList& f) {
    // H0STCNI0/9 (decrypted): 2 ODER_NO, 4 SELN_BYOV_CLS (01 sell, 02 buy), 8 code, 9 CNTG_QTY,
    // 10 CNTG_UNPR, 11 time, 12 RFUS_YN, 13 CNTG_YN (2 fill, 1 acknowledgement), 16 ODER_QTY.
    if (f.size() < 17)
        return {};
    m_order = Order();
    m_order.venue = QStringLiteral("kis");
    m_order.id = f.at(2);
    m_order.market = f.at(8);
    m_order.side = f.at(4) == QLatin1String("01") ? Side::Sell : Side::Buy;
    m_order.qty = dec(f, 16);
    m_order.updatedAtMs = todayAt(f.at(11));
    StreamEvent e;
    e.kind = StreamEvent::Kind::Order;
    e.order = &m_order;
    if (f.at(12) == QLatin1String("Y")) {
        m_order.state = OrderState::Rejected;
        return e;
    }
    m_order.state = OrderState::Open;
    if (f.at(13) == QLatin1String("2")) {
        m_fill = Fill();
        m_fill.venue = QStringLiteral("kis");
        m_fill.orderId = m_order.id;
        m_fill.market = m_order.market;
        m_fill.side = m_order.side;
        m_fill.price = dec(f, 10);
        m_fill.qty = dec(f, 9);
        m_fill.tradeId = m_order.id + QLatin1Char('-') + f.at(11) + QLatin1Char('-') + f.at(9);
        m_fill.feeCurrency = QStringLiteral("KRW");
        m_fill.timestampMs = m_order.updatedAtMs;
        e.fill = &m_fill;
    }
    return e;
}

const OrderBook& StreamDecoder::replaceBook(const QString& market, const OrderBook& book) {
    return m_books[market] = book;
}

void StreamDecoder::removeBook(const QString& market) {
    m_books.remove(market);
}

} // namespace hoga::kis
