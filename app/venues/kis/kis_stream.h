#pragma once

#include "venues/core/venue_protocol.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QStringList>

#include <memory>
#include <optional>

namespace hoga::kis {

// AES-256-CBC with PKCS#7 padding over base64 text, as KIS encrypts fill notices (key: 32 bytes, iv: 16,
// both from the subscribe answer). nullopt when the text does not decrypt.
std::optional<QByteArray> decryptNotice(const QByteArray& base64, const QByteArray& key,
                                        const QByteArray& iv);

// One subscribe (tr_type 1) or release (2) frame: {"header":{approval_key, custtype, tr_type,
// content-type},"body":{"input":{tr_id, tr_key}}}.
QByteArray subscribeFrame(const QByteArray& approvalKey, const QString& trId, const QString& trKey,
                          bool subscribe = true);
inline constexpr int kMaxSubscriptions = 40; // per session; KIS allows one session per app key
// The frames for `subscribed` (market -> StreamChannel bits): trades H0STCNT0, book H0STASP0; at most
// `limit`, the rest left out and named in `leftOut` ("005930 order book") when given.
QList<QByteArray> subscribeFrames(const QByteArray& approvalKey, const QHash<QString, unsigned>& subscribed,
                                  int limit = kMaxSubscriptions, QStringList* leftOut = nullptr);
// Release (tr_type 2) frames for the TRs `before` had and `after` no longer has.
QList<QByteArray> releaseFrames(const QByteArray& approvalKey, const QHash<QString, unsigned>& before,
                                const QHash<QString, unsigned>& after);

// A data frame "E|TR_ID|NNN|f1^f2^..." split into its records (each a list of fields); encrypted payloads
// are decrypted with `key`/`iv` first.
struct DataFrame {
    bool encrypted = false;
    QString trId;
    QList<QStringList> records;
};
std::optional<DataFrame> splitDataFrame(QByteArrayView frame, const QByteArray& key = {},
                                        const QByteArray& iv = {});

// Decodes the KIS WebSocket: JSON control frames (subscribe answers with their key/iv, PINGPONG, errors)
// and the '|'/'^' data frames of trades, books and fill notices.
class StreamDecoder final : public VenueStreamDecoder {
public:
    // `approvalRefused` (optional) is set when the server refuses the approval key of a subscribe frame, so
    // the next connect asks for a new one.
    explicit StreamDecoder(std::shared_ptr<bool> approvalRefused = {})
        : m_approvalRefused(std::move(approvalRefused)) {}
    StreamEvent decode(QByteArrayView frame) override;
    StreamEvent next() override; // the frame's next record, oldest first
    const OrderBook& replaceBook(const QString& market, const OrderBook& book) override;
    void removeBook(const QString& market) override;

private:
    StreamEvent decodeRecord(const QString& trId, const QStringList& fields);
    StreamEvent decodeControl(QByteArrayView frame);
    StreamEvent decodeTrade(const QStringList& f);
    StreamEvent decodeBook(const QStringList& f);
    StreamEvent decodeNotice(const QStringList& f);

    std::shared_ptr<bool> m_approvalRefused;
    QHash<QString, std::pair<QByteArray, QByteArray>> m_keys; // tr_id -> key, iv
    QHash<QString, OrderBook> m_books;
    Trade m_trade;
    Ticker m_ticker;
    Order m_order;
    Fill m_fill;
    VenueError m_error;
    QString m_pendingTrId;        // the tr_id of the records still to decode
    QList<QStringList> m_pending; // records of the last frame after the one decode()/next() returned
};

} // namespace hoga::kis
