// The WebSocket half of the KIS fake: subscribe frames, data frames, encrypted fill notices, PINGPONG.
#include "fake_kis_server.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <QWebSocket>
#include <QWebSocketServer>

#include <openssl/evp.h>

#include <memory>

namespace hoga::test {

namespace {

const QByteArray kPing = R"({"header":{"tr_id":"PINGPONG","datetime":"20240801103613"}})";

QString kstTime() {
    return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(9 * 3600)).toString(QStringLiteral("HHmmss"));
}

QByteArray control(const QString& trId, const QString& trKey, const char* rt, const char* code,
                   const QString& message, const QJsonObject& output = {}) {
    QJsonObject body{{QStringLiteral("rt_cd"), QLatin1String(rt)},
                     {QStringLiteral("msg_cd"), QLatin1String(code)},
                     {QStringLiteral("msg1"), message}};
    if (!output.isEmpty())
        body.insert(QStringLiteral("output"), output);
    const QJsonObject header{{QStringLiteral("tr_id"), trId},
                             {QStringLiteral("tr_key"), trKey},
                             {QStringLiteral("encrypt"), QStringLiteral("N")}};
    return QJsonDocument(QJsonObject{{QStringLiteral("header"), header}, {QStringLiteral("body"), body}})
        .toJson(QJsonDocument::Compact);
}

// AES-256-CBC with PKCS#7 padding, base64: what KIS does to notice payloads.
QByteArray encrypt(const QByteArray& plain, const QByteArray& key, const QByteArray& iv) {
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        EVP_CIPHER_CTX_free);
    QByteArray out(plain.size() + 32, Qt::Uninitialized);
    int n = 0;
    int tail = 0;
    EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr,
                       reinterpret_cast<const unsigned char*>(key.constData()),
                       reinterpret_cast<const unsigned char*>(iv.constData()));
    EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n,
                      reinterpret_cast<const unsigned char*>(plain.constData()), int(plain.size()));
    EVP_EncryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + n, &tail);
    out.resize(n + tail);
    return out.toBase64();
}

} // namespace

bool FakeKisServer::startStreams() {
    m_ws = new QWebSocketServer(QStringLiteral("fake-kis"), QWebSocketServer::NonSecureMode, this);
    connect(m_ws, &QWebSocketServer::newConnection, this, &FakeKisServer::onStreamConnection);
    return m_ws->listen(QHostAddress::LocalHost, 0);
}

QUrl FakeKisServer::wsUrl() const {
    QUrl u;
    u.setScheme(QStringLiteral("ws"));
    u.setHost(QStringLiteral("127.0.0.1"));
    u.setPort(m_ws ? m_ws->serverPort() : 0);
    u.setPath(QStringLiteral("/tryitout"));
    return u;
}

void FakeKisServer::onStreamConnection() {
    while (QWebSocket* socket = m_ws->nextPendingConnection()) {
        ++m_streamConnects;
        m_sockets.append(socket);
        connect(socket, &QWebSocket::textMessageReceived, this,
                [this, socket](const QString& text) { onStreamText(socket, text); });
        connect(socket, &QWebSocket::disconnected, this, [this, socket] {
            m_sockets.removeAll(socket);
            if (m_appKeySession == socket)
                m_appKeySession = nullptr;
            m_subscribed.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeKisServer::onStreamText(QWebSocket* socket, const QString& text) {
    const QByteArray raw = text.toUtf8();
    if (raw == kPing) {
        ++m_pongs;
        return;
    }
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(raw, &error).object();
    const QJsonObject header = root.value(QStringLiteral("header")).toObject();
    const QJsonObject input =
        root.value(QStringLiteral("body")).toObject().value(QStringLiteral("input")).toObject();
    if (error.error != QJsonParseError::NoError || header.isEmpty() || input.isEmpty()) {
        socket->sendTextMessage(
            QString::fromUtf8(control(QStringLiteral("(null)"), QString(), "9", "OPSP9999",
                                      QStringLiteral("JSON PARSING ERROR : invalid json format"))));
        return;
    }
    const QString trId = input.value(QStringLiteral("tr_id")).toString();
    const QString trKey = input.value(QStringLiteral("tr_key")).toString();
    const QString trType = header.value(QStringLiteral("tr_type")).toString();
    auto refuse = [&](const char* code, const QString& message) {
        ++m_refusedSubscriptions;
        socket->sendTextMessage(QString::fromUtf8(control(trId, trKey, "1", code, message)));
    };
    if (!m_approvalKeys.contains(header.value(QStringLiteral("approval_key")).toString())) {
        refuse("OPSP0011", QStringLiteral("invalid approval : NOT FOUND"));
        socket->close(); // and the session ends
        return;
    }
    // One session per app key (all approval keys here belong to the fake's one app key): a second
    // concurrent session gets KIS's answer and is closed.
    if (m_appKeySession && m_appKeySession != socket) {
        ++m_sessionsRefused;
        socket->sendTextMessage(QString::fromUtf8(control(
            QStringLiteral("(null)"), QString(), "9", "OPSP8996", QStringLiteral("ALREADY IN USE appkey"))));
        socket->close();
        return;
    }
    m_appKeySession = socket;
    if (header.value(QStringLiteral("custtype")).toString() != QLatin1String("P") ||
        header.value(QStringLiteral("content-type")).toString() != QLatin1String("utf-8") ||
        (trType != QLatin1String("1") && trType != QLatin1String("2")))
        return refuse("OPSP9998", QStringLiteral("invalid header"));
    const QString noticeTr = m_virtual ? QStringLiteral("H0STCNI9") : QStringLiteral("H0STCNI0");
    const bool notice = trId == noticeTr;
    if (trId != QLatin1String("H0STCNT0") && trId != QLatin1String("H0STASP0") && !notice)
        return refuse("OPSP0001", QStringLiteral("invalid tr_id"));
    if (notice && trKey != m_htsId)
        return refuse("OPSP0001", QStringLiteral("invalid tr_key"));
    QSet<QString>& subs = m_subscribed[socket];
    const QString id = trId + QLatin1Char('|') + trKey;
    if (trType == QLatin1String("2")) {
        subs.remove(id);
        socket->sendTextMessage(
            QString::fromUtf8(control(trId, trKey, "0", "OPSP0000", QStringLiteral("UNSUBSCRIBE SUCCESS"))));
        return;
    }
    if (subs.contains(id)) {
        socket->sendTextMessage(
            QString::fromUtf8(control(trId, trKey, "1", "OPSP0002", QStringLiteral("ALREADY IN SUBSCRIBE"))));
        return;
    }
    if (subs.size() >= 40)
        return refuse("OPSP0008", QStringLiteral("MAX SUBSCRIBE OVER"));
    subs.insert(id);
    const QJsonObject keys{{QStringLiteral("iv"), QString::fromLatin1(m_noticeIv)},
                           {QStringLiteral("key"), QString::fromLatin1(m_noticeKey)}};
    socket->sendTextMessage(
        QString::fromUtf8(control(trId, trKey, "0", "OPSP0000", QStringLiteral("SUBSCRIBE SUCCESS"), keys)));
}

QStringList FakeKisServer::subscriptions() const {
    QStringList out;
    for (const QSet<QString>& subs : m_subscribed)
        out += subs.values();
    out.sort();
    return out;
}

void FakeKisServer::sendToSubscribers(const QString& trId, const QString& trKey, const QByteArray& frame) {
    const QString id = trId + QLatin1Char('|') + trKey;
    for (QWebSocket* socket : std::as_const(m_sockets))
        if (m_subscribed.value(socket).contains(id))
            socket->sendTextMessage(QString::fromUtf8(frame));
}

void FakeKisServer::pushTrade(const QString& code, qint64 price, qint64 qty, bool sellerInitiated) {
    m_tradeVolume += qty;
    QStringList f(46, QStringLiteral("0"));
    f[0] = code;
    f[1] = kstTime();
    f[2] = QString::number(price);
    const qint64 change = -150; // the REST price answer's day too
    f[3] = QStringLiteral("5");
    f[4] = QString::number(change);
    f[5] = QStringLiteral("-0.23");
    f[7] = QString::number(price - change);
    f[8] = QString::number(price - change + 100);
    f[9] = QString::number(price - 100);
    f[12] = QString::number(qty);
    f[13] = QString::number(m_tradeVolume);
    f[14] = QString::number(m_tradeVolume * price);
    f[21] = sellerInitiated ? QStringLiteral("5") : QStringLiteral("1");
    sendToSubscribers(QStringLiteral("H0STCNT0"), code,
                      "0|H0STCNT0|001|" + f.join(QLatin1Char('^')).toUtf8());
}

void FakeKisServer::pushBook(const QString& code) {
    const qint64 p = m_prices.value(code, 10000);
    const qint64 tick = p >= 50000 ? 100 : 10;
    QStringList f(59, QStringLiteral("0"));
    f[0] = code;
    f[1] = kstTime();
    for (int i = 0; i < 10; ++i) {
        f[3 + i] = QString::number(p + tick * (i + 1));
        f[13 + i] = QString::number(p - tick * i);
        f[23 + i] = QString::number(100 + i);
        f[33 + i] = QString::number(200 + i);
    }
    sendToSubscribers(QStringLiteral("H0STASP0"), code,
                      "0|H0STASP0|001|" + f.join(QLatin1Char('^')).toUtf8());
}

void FakeKisServer::pushNotice(const QString& orderId, const QString& code, bool buy, qint64 orderQty,
                               qint64 filledQty, qint64 fillPrice) {
    // The 26 fields of KIS's domestic fill notice (CUST_ID ... ODER_PRC).
    QStringList f(26, QString());
    f[0] = m_htsId;
    f[1] = m_cano + m_product;
    f[2] = orderId;
    f[4] = buy ? QStringLiteral("02") : QStringLiteral("01");
    f[5] = QStringLiteral("0");
    f[6] = QStringLiteral("00");
    f[7] = QStringLiteral("0");
    f[8] = code;
    f[9] = QString::number(filledQty);
    f[10] = QString::number(fillPrice);
    f[11] = kstTime();
    f[12] = QStringLiteral("N");
    f[13] = filledQty > 0 ? QStringLiteral("2") : QStringLiteral("1");
    f[14] = QStringLiteral("Y");
    f[15] = QStringLiteral("06590");
    f[16] = QString::number(orderQty);
    f[17] = QStringLiteral("hoga");
    f[24] = QStringLiteral("삼성전자");
    f[25] = QString::number(fillPrice);
    const QString tr = m_virtual ? QStringLiteral("H0STCNI9") : QStringLiteral("H0STCNI0");
    sendToSubscribers(tr, m_htsId,
                      "1|" + tr.toLatin1() + "|001|" +
                          encrypt(f.join(QLatin1Char('^')).toUtf8(), m_noticeKey, m_noticeIv));
}

void FakeKisServer::trade(const QString& code) {
    const qint64 price = m_prices.value(code);
    QList<Print>& prints = m_prints[code];
    // Distinct seconds keep the listed trades apart (KIS names a trade by its time).
    const QString time = QStringLiteral("09%1").arg(prints.size() % 3600 / 60 * 100 + prints.size() % 60, 4,
                                                    10, QLatin1Char('0'));
    prints.append({time, price, 1 + prints.size() % 5});
    pushTrade(code, price, prints.last().qty, prints.size() % 2 == 0);
    for (Order& o : m_orders)
        if (o.code == code && m_pendingFills.removeAll(o.id) > 0)
            fill(o, price);
}

void FakeKisServer::sendPing() {
    for (QWebSocket* socket : std::as_const(m_sockets))
        socket->sendTextMessage(QString::fromUtf8(kPing));
}

void FakeKisServer::dropStreams() {
    const QList<QWebSocket*> sockets = m_sockets;
    for (QWebSocket* socket : sockets)
        socket->abort();
}

} // namespace hoga::test
