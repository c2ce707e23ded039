#include "fake_kis_server.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrlQuery>

namespace hoga::test {

namespace {

const QString kPrefix = QStringLiteral("/uapi/domestic-stock/v1");
constexpr const char* kBranch = "06590";

QDateTime kstNow() {
    return QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(9 * 3600));
}

QHash<QString, QString> queryOf(const LoopbackRequest& r) {
    QHash<QString, QString> out;
    const QUrlQuery q(QString::fromUtf8(r.query()));
    for (const auto& [k, v] : q.queryItems(QUrl::FullyDecoded))
        out.insert(k, v);
    return out;
}

QString num(qint64 v) {
    return QString::number(v);
}

} // namespace

FakeKisServer::FakeKisServer(bool isVirtual, QObject* parent)
    : QObject(parent)
    , m_virtual(isVirtual)
    , m_perSecond(isVirtual ? 2 : 20) {
    m_prices.insert(QStringLiteral("005930"), 65800);
    m_prices.insert(QStringLiteral("000660"), 180000);
    m_http.setHandler([this](const LoopbackRequest& r) { return handle(r); });
}

bool FakeKisServer::start() {
    return m_http.listen() && startStreams();
}

QUrl FakeKisServer::restUrl() const {
    QUrl u = m_http.url();
    u.setPath(QString());
    return u;
}

void FakeKisServer::setHolding(const QString& code, qint64 qty, const QString& avgPrice) {
    m_holdings.insert(code, {qty, avgPrice});
}

QList<LoopbackRequest> FakeKisServer::requestsTo(const QByteArray& path) const {
    QList<LoopbackRequest> out;
    for (const LoopbackRequest& r : m_http.requests())
        if (r.path().endsWith(path))
            out.append(r);
    return out;
}

LoopbackResponse FakeKisServer::ok(QJsonObject body, const QByteArray& trCont) {
    body.insert(QStringLiteral("rt_cd"), QStringLiteral("0"));
    body.insert(QStringLiteral("msg_cd"), QStringLiteral("MCA00000"));
    body.insert(QStringLiteral("msg1"), QStringLiteral("정상처리 되었습니다."));
    return LoopbackResponse::json(200, QJsonDocument(body).toJson(QJsonDocument::Compact),
                                  {qMakePair(QByteArray("tr_cont"), trCont)});
}

LoopbackResponse FakeKisServer::fail(int status, const char* code, const QString& message) {
    QJsonObject body{{QStringLiteral("rt_cd"), QStringLiteral("1")},
                     {QStringLiteral("msg_cd"), QString::fromLatin1(code)},
                     {QStringLiteral("msg1"), message}};
    return LoopbackResponse::json(status, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

QString FakeKisServer::expectedTrId(const QString& realTrId) const {
    if (!m_virtual || realTrId.startsWith(QLatin1String("FHK")))
        return realTrId; // quotation TRs are the same on both servers
    return QLatin1Char('V') + realTrId.mid(1);
}

bool FakeKisServer::overRate() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    while (!m_recent.isEmpty() && m_recent.first() <= now - 1000)
        m_recent.removeFirst();
    if (m_recent.size() >= m_perSecond)
        return true;
    m_recent.append(now);
    return false;
}

LoopbackResponse FakeKisServer::token(const LoopbackRequest& r, bool approval) {
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    const QString secretField = approval ? QStringLiteral("secretkey") : QStringLiteral("appsecret");
    if (body.value(QStringLiteral("grant_type")).toString() != QLatin1String("client_credentials") ||
        body.value(QStringLiteral("appkey")).toString() != m_appKey ||
        body.value(secretField).toString() != m_appSecret) {
        const QJsonObject e{
            {QStringLiteral("error_code"), QStringLiteral("EGW00103")},
            {QStringLiteral("error_description"), QStringLiteral("유효하지 않은 AppKey입니다.")}};
        return LoopbackResponse::json(403, QJsonDocument(e).toJson(QJsonDocument::Compact));
    }
    if (approval) {
        const QString key = QStringLiteral("fake-approval-key-%1").arg(++m_approvalsIssued);
        m_approvalKeys.insert(key);
        const QJsonObject a{{QStringLiteral("approval_key"), key}};
        return LoopbackResponse::json(200, QJsonDocument(a).toJson(QJsonDocument::Compact));
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (m_tokenThrottleMs > 0 && m_lastTokenAtMs >= 0 && now - m_lastTokenAtMs < m_tokenThrottleMs) {
        const QJsonObject e{{QStringLiteral("error_code"), QStringLiteral("EGW00133")},
                            {QStringLiteral("error_description"),
                             QStringLiteral("접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)")}};
        return LoopbackResponse::json(403, QJsonDocument(e).toJson(QJsonDocument::Compact));
    }
    m_lastTokenAtMs = now;
    ++m_tokensIssued;
    m_token = QStringLiteral("fake-token-%1").arg(m_tokensIssued);
    const QDateTime expires = kstNow().addSecs(86400);
    const QJsonObject t{{QStringLiteral("access_token"), m_token},
                        {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                        {QStringLiteral("expires_in"), 86400},
                        {QStringLiteral("access_token_token_expired"),
                         expires.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))}};
    return LoopbackResponse::json(200, QJsonDocument(t).toJson(QJsonDocument::Compact));
}

std::optional<LoopbackResponse> FakeKisServer::checkHeaders(const LoopbackRequest& r,
                                                            const QString& realTrId) {
    if (m_expireNext) {
        m_expireNext = false;
        m_token.clear();
        return fail(500, "EGW00123", QStringLiteral("기간이 만료된 token 입니다."));
    }
    if (m_token.isEmpty() || r.header("authorization") != "Bearer " + m_token.toUtf8()) {
        const QJsonObject e{
            {QStringLiteral("error_code"), QStringLiteral("EGW00121")},
            {QStringLiteral("error_description"), QStringLiteral("유효하지 않은 token 입니다.")}};
        return LoopbackResponse::json(403, QJsonDocument(e).toJson(QJsonDocument::Compact));
    }
    if (r.header("appkey") != m_appKey.toUtf8() || r.header("appsecret") != m_appSecret.toUtf8())
        return fail(500, "EGW00105", QStringLiteral("유효하지 않은 AppSecret입니다."));
    if (r.header("custtype") != "P")
        return fail(500, "EGW00204", QStringLiteral("고객타입(custtype)이 유효하지 않습니다."));
    if (r.header("tr_id") != expectedTrId(realTrId).toLatin1())
        return fail(500, "EGW00205", QStringLiteral("tr_id가 유효하지 않습니다."));
    if (overRate()) {
        ++m_rateLimited;
        return fail(500, "EGW00201", QStringLiteral("초당 거래건수를 초과하였습니다."));
    }
    return std::nullopt;
}

LoopbackResponse FakeKisServer::handle(const LoopbackRequest& r) {
    const QString path = QString::fromUtf8(r.path());
    if (path == QLatin1String("/oauth2/tokenP") && r.method == "POST")
        return token(r, false);
    if (path == QLatin1String("/oauth2/Approval") && r.method == "POST")
        return token(r, true);
    if (!path.startsWith(kPrefix))
        return fail(404, "EGW00002", QStringLiteral("존재하지 않는 서비스입니다."));
    const QString tail = path.mid(kPrefix.size());
    const QHash<QString, QString> q = queryOf(r);
    auto guarded = [&](const char* tr, auto&& answer) -> LoopbackResponse {
        if (auto refused = checkHeaders(r, QString::fromLatin1(tr)))
            return *refused;
        return answer();
    };
    if (tail == QLatin1String("/quotations/inquire-price"))
        return guarded("FHKST01010100", [&] { return price(q); });
    if (tail == QLatin1String("/quotations/inquire-asking-price-exp-ccn"))
        return guarded("FHKST01010200", [&] { return askingPrice(q); });
    if (tail == QLatin1String("/quotations/inquire-daily-itemchartprice"))
        return guarded("FHKST03010100", [&] { return dailyChart(q); });
    if (tail == QLatin1String("/quotations/inquire-time-itemchartprice"))
        return guarded("FHKST03010200", [&] { return minuteChart(q); });
    if (tail == QLatin1String("/quotations/inquire-ccnl"))
        return guarded("FHKST01010300", [&] { return conclusions(q); });
    if (tail == QLatin1String("/trading/inquire-balance"))
        return guarded("TTTC8434R", [&] { return balance(r, q); });
    if (tail == QLatin1String("/trading/order-cash") && r.method == "POST") {
        const char* tr = r.header("tr_id").endsWith("0011U") ? "TTTC0011U" : "TTTC0012U";
        return guarded(tr, [&] { return orderCash(r); });
    }
    if (tail == QLatin1String("/trading/order-rvsecncl") && r.method == "POST")
        return guarded("TTTC0013U", [&] { return cancel(r); });
    if (tail == QLatin1String("/trading/inquire-daily-ccld"))
        return guarded("TTTC0081R", [&] { return dailyOrders(r, q); });
    if (tail == QLatin1String("/trading/inquire-psbl-rvsecncl")) {
        if (m_virtual)
            return fail(500, "OPSQ0002", QStringLiteral("모의투자에서는 해당업무가 제공되지 않습니다."));
        return guarded("TTTC0084R", [&] { return cancellable(r, q); });
    }
    return fail(404, "EGW00002", QStringLiteral("존재하지 않는 서비스입니다."));
}

LoopbackResponse FakeKisServer::price(const QHash<QString, QString>& q) {
    const QString code = q.value(QStringLiteral("FID_INPUT_ISCD"));
    if (q.value(QStringLiteral("FID_COND_MRKT_DIV_CODE")) != QLatin1String("J") || !m_prices.contains(code))
        return fail(200, "MCA05918", QStringLiteral("종목코드 오류입니다."));
    const qint64 p = m_prices.value(code);
    const qint64 prev = p + 150;
    const QJsonObject out{{QStringLiteral("stck_shrn_iscd"), code},
                          {QStringLiteral("stck_prpr"), num(p)},
                          {QStringLiteral("prdy_vrss"), num(p - prev)},
                          {QStringLiteral("prdy_vrss_sign"), QStringLiteral("5")},
                          {QStringLiteral("prdy_ctrt"), QStringLiteral("-0.23")},
                          {QStringLiteral("stck_oprc"), num(prev)},
                          {QStringLiteral("stck_hgpr"), num(prev + tickFor(p))},
                          {QStringLiteral("stck_lwpr"), num(p - tickFor(p))},
                          {QStringLiteral("acml_vol"), QStringLiteral("1943202")},
                          {QStringLiteral("acml_tr_pbmn"), QStringLiteral("127737129950")},
                          {QStringLiteral("stck_mxpr"), num(prev * 13 / 10)},
                          {QStringLiteral("stck_llam"), num(prev * 7 / 10)},
                          {QStringLiteral("aspr_unit"), num(tickFor(p))}};
    return ok({{QStringLiteral("output"), out}});
}

LoopbackResponse FakeKisServer::conclusions(const QHash<QString, QString>& q) {
    const QString code = q.value(QStringLiteral("FID_INPUT_ISCD"));
    if (!m_prices.contains(code))
        return fail(200, "MCA05918", QStringLiteral("종목코드 오류입니다."));
    QJsonArray rows;
    const QList<Print>& prints = m_prints[code];
    for (auto it = prints.crbegin(); it != prints.crend() && rows.size() < 30; ++it) // newest first
        rows.append(QJsonObject{{QStringLiteral("stck_cntg_hour"), it->time},
                                {QStringLiteral("stck_prpr"), num(it->price)},
                                {QStringLiteral("prdy_vrss"), QStringLiteral("0")},
                                {QStringLiteral("prdy_vrss_sign"), QStringLiteral("3")},
                                {QStringLiteral("cntg_vol"), num(it->qty)},
                                {QStringLiteral("tday_rltv"), QStringLiteral("100.00")},
                                {QStringLiteral("prdy_ctrt"), QStringLiteral("0.00")}});
    return ok({{QStringLiteral("output"), rows}});
}

LoopbackResponse FakeKisServer::askingPrice(const QHash<QString, QString>& q) {
    const QString code = q.value(QStringLiteral("FID_INPUT_ISCD"));
    if (!m_prices.contains(code))
        return fail(200, "MCA05918", QStringLiteral("종목코드 오류입니다."));
    const qint64 p = m_prices.value(code);
    const qint64 tick = tickFor(p);
    QJsonObject out{{QStringLiteral("aspr_acpt_hour"), kstNow().toString(QStringLiteral("HHmmss"))}};
    for (int i = 1; i <= 10; ++i) {
        out.insert(QStringLiteral("askp%1").arg(i), num(p + i * tick));
        out.insert(QStringLiteral("bidp%1").arg(i), num(p - (i - 1) * tick));
        out.insert(QStringLiteral("askp_rsqn%1").arg(i), num(100 * i));
        out.insert(QStringLiteral("bidp_rsqn%1").arg(i), num(110 * i));
    }
    return ok({{QStringLiteral("output1"), out}, {QStringLiteral("output2"), QJsonObject()}});
}

LoopbackResponse FakeKisServer::dailyChart(const QHash<QString, QString>& q) {
    const QString code = q.value(QStringLiteral("FID_INPUT_ISCD"));
    if (!m_prices.contains(code))
        return fail(200, "MCA05918", QStringLiteral("종목코드 오류입니다."));
    const QDate end =
        QDate::fromString(q.value(QStringLiteral("FID_INPUT_DATE_2")), QStringLiteral("yyyyMMdd"));
    const QDate start =
        QDate::fromString(q.value(QStringLiteral("FID_INPUT_DATE_1")), QStringLiteral("yyyyMMdd"));
    const QString period = q.value(QStringLiteral("FID_PERIOD_DIV_CODE"));
    if (!end.isValid() || !start.isValid() ||
        !QStringList{QStringLiteral("D"), QStringLiteral("W"), QStringLiteral("M")}.contains(period))
        return fail(500, "IGW00007", QStringLiteral("MCA 전문바디 구성 중 오류가 발생하였습니다."));
    // History: m_days bars back from today (weekdays for D, Mondays for W, the 1st for M).
    const QDate today = kstNow().date();
    QList<QDate> dates;
    for (QDate d = today; dates.size() < m_days; d = d.addDays(-1)) {
        if (period == QLatin1String("D") && d.dayOfWeek() <= 5)
            dates.append(d);
        else if (period == QLatin1String("W") && d.dayOfWeek() == 1)
            dates.append(d);
        else if (period == QLatin1String("M") && d.day() == 1)
            dates.append(d);
        if (d.year() < 1990)
            break;
    }
    QJsonArray rows;
    const qint64 p = m_prices.value(code);
    for (int i = 0; i < dates.size() && rows.size() < 100; ++i) {
        if (dates[i] > end || dates[i] < start)
            continue;
        const qint64 close = p - (i % 7) * tickFor(p);
        rows.append(
            QJsonObject{{QStringLiteral("stck_bsop_date"), dates[i].toString(QStringLiteral("yyyyMMdd"))},
                        {QStringLiteral("stck_clpr"), num(close)},
                        {QStringLiteral("stck_oprc"), num(close - tickFor(p))},
                        {QStringLiteral("stck_hgpr"), num(close + tickFor(p))},
                        {QStringLiteral("stck_lwpr"), num(close - 2 * tickFor(p))},
                        {QStringLiteral("acml_vol"), num(1000 + i)},
                        {QStringLiteral("acml_tr_pbmn"), num((1000 + i) * close)}});
    }
    return ok({{QStringLiteral("output1"), QJsonObject{{QStringLiteral("stck_shrn_iscd"), code}}},
               {QStringLiteral("output2"), rows}});
}

LoopbackResponse FakeKisServer::minuteChart(const QHash<QString, QString>& q) {
    const QString code = q.value(QStringLiteral("FID_INPUT_ISCD"));
    if (!m_prices.contains(code))
        return fail(200, "MCA05918", QStringLiteral("종목코드 오류입니다."));
    QTime at = QTime::fromString(q.value(QStringLiteral("FID_INPUT_HOUR_1")), QStringLiteral("HHmmss"));
    if (!at.isValid())
        return fail(500, "IGW00007", QStringLiteral("MCA 전문바디 구성 중 오류가 발생하였습니다."));
    // Today's minutes of the regular session, 30 at most, newest first, ending at the given time.
    if (at > QTime(15, 30))
        at = QTime(15, 30);
    QJsonArray rows;
    const qint64 p = m_prices.value(code);
    const QString date = kstNow().date().toString(QStringLiteral("yyyyMMdd"));
    for (QTime t(at.hour(), at.minute()); t >= QTime(9, 0) && rows.size() < 30; t = t.addSecs(-60)) {
        rows.append(QJsonObject{{QStringLiteral("stck_bsop_date"), date},
                                {QStringLiteral("stck_cntg_hour"), t.toString(QStringLiteral("HHmmss"))},
                                {QStringLiteral("stck_prpr"), num(p)},
                                {QStringLiteral("stck_oprc"), num(p)},
                                {QStringLiteral("stck_hgpr"), num(p + tickFor(p))},
                                {QStringLiteral("stck_lwpr"), num(p - tickFor(p))},
                                {QStringLiteral("cntg_vol"), QStringLiteral("10")},
                                {QStringLiteral("acml_tr_pbmn"), num(10 * p)}});
        if (t == QTime(0, 0))
            break;
    }
    return ok({{QStringLiteral("output1"), QJsonObject()}, {QStringLiteral("output2"), rows}});
}

LoopbackResponse FakeKisServer::balance(const LoopbackRequest& r, const QHash<QString, QString>& q) {
    if (q.value(QStringLiteral("CANO")) != m_cano || q.value(QStringLiteral("ACNT_PRDT_CD")) != m_product)
        return fail(500, "OPSQ2000", QStringLiteral("ERROR : INPUT INVALID_CHECK_ACNO"));
    for (const char* key : {"AFHR_FLPR_YN", "INQR_DVSN", "UNPR_DVSN", "FUND_STTL_ICLD_YN",
                            "FNCG_AMT_AUTO_RDPT_YN", "PRCS_DVSN"})
        if (!q.contains(QLatin1String(key)))
            return fail(500, "OPSQ2001",
                        QStringLiteral("ERROR : INPUT_FIELD_NAME %1").arg(QLatin1String(key)));
    const int offset = r.header("tr_cont") == "N" ? q.value(QStringLiteral("CTX_AREA_NK100")).toInt() : 0;
    QJsonArray rows;
    const QStringList codes = m_holdings.keys();
    for (int i = offset; i < codes.size() && rows.size() < m_balancePage; ++i) {
        const Holding& h = m_holdings[codes[i]];
        qint64 onOrder = 0;
        for (const Order& o : m_orders)
            if (!o.buy && o.code == codes[i])
                onOrder += o.rest();
        rows.append(QJsonObject{{QStringLiteral("pdno"), codes[i]},
                                {QStringLiteral("prdt_name"), codes[i]},
                                {QStringLiteral("hldg_qty"), num(h.qty)},
                                {QStringLiteral("ord_psbl_qty"), num(h.qty - onOrder)},
                                {QStringLiteral("pchs_avg_pric"), h.avg},
                                {QStringLiteral("prpr"), num(m_prices.value(codes[i]))}});
    }
    const int next = offset + int(rows.size());
    const bool more = next < codes.size();
    qint64 reserved = 0;
    for (const Order& o : m_orders)
        if (o.buy)
            reserved += o.rest() * o.price;
    const QJsonArray summary{QJsonObject{{QStringLiteral("dnca_tot_amt"), num(m_cash)},
                                         {QStringLiteral("prvs_rcdl_excc_amt"), num(m_cash - reserved)},
                                         {QStringLiteral("tot_evlu_amt"), num(m_cash)}}};
    return ok({{QStringLiteral("output1"), rows},
               {QStringLiteral("output2"), summary},
               {QStringLiteral("ctx_area_fk100"), QString()},
               {QStringLiteral("ctx_area_nk100"), more ? num(next) : QString()}},
              more ? "M" : "D");
}

LoopbackResponse FakeKisServer::orderCash(const LoopbackRequest& r) {
    const QJsonDocument doc = QJsonDocument::fromJson(r.body);
    if (!doc.isObject())
        return fail(500, "IGW00007", QStringLiteral("MCA 전문바디 구성 중 오류가 발생하였습니다."));
    const QJsonObject body = doc.object();
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != it.key().toUpper() || !it.value().isString())
            return fail(500, "IGW00007", QStringLiteral("MCA 전문바디 구성 중 오류가 발생하였습니다."));
    auto field = [&](const char* k) {
        return body.value(QLatin1String(k)).toString();
    };
    if (field("CANO") != m_cano || field("ACNT_PRDT_CD") != m_product)
        return fail(200, "OPSQ2000", QStringLiteral("ERROR : INPUT INVALID_CHECK_ACNO"));
    const QString code = field("PDNO");
    if (!m_prices.contains(code))
        return fail(200, "APBK0656", QStringLiteral("해당종목정보가 없습니다."));
    bool okQty = false;
    const qint64 qty = field("ORD_QTY").toLongLong(&okQty);
    bool okPrice = false;
    const qint64 unitPrice = field("ORD_UNPR").toLongLong(&okPrice);
    const QString division = field("ORD_DVSN");
    if (!okQty || qty <= 0 || !okPrice)
        return fail(200, "APBK0919", QStringLiteral("주문수량을 확인하여 주십시오."));
    const bool market = division == QLatin1String("01");
    // Closing-price orders (05 pre-market, 06 post-market) trade at the close: KIS asks for ORD_UNPR "0"
    // like a market order's.
    const bool atClose = isClosingPriceDivision(division);
    if ((market || atClose) && unitPrice != 0)
        return fail(200, "APBK1680", QStringLiteral("시장가 주문은 주문단가를 0으로 입력하세요."));
    if (!market && !atClose && division != QLatin1String("00") && division != QLatin1String("07"))
        return fail(200, "APBK0918", QStringLiteral("주문구분을 확인하세요."));
    const qint64 last = m_prices.value(code);
    if (!market && !atClose && (unitPrice <= 0 || unitPrice % tickFor(unitPrice) != 0))
        return fail(200, "APBK0506", QStringLiteral("호가단위가 잘못되었습니다."));
    // The single-price session takes prices within 10 % of the close (here the current price).
    if (division == QLatin1String("07") && (unitPrice * 10 > last * 11 || unitPrice * 10 < last * 9))
        return fail(200, "APBK0507", QStringLiteral("시간외단일가 주문가격 범위를 벗어났습니다."));
    const bool buy = r.header("tr_id").endsWith("0012U");
    const qint64 reservePrice = market || atClose ? last : unitPrice;
    if (buy) {
        qint64 reserved = 0;
        for (const Order& o : m_orders)
            if (o.buy)
                reserved += o.rest() * (o.price > 0 ? o.price : m_prices.value(o.code));
        if (qty * reservePrice > m_cash - reserved)
            return fail(200, "APBK0952", QStringLiteral("주문가능금액을 초과 했습니다."));
    } else if (m_holdings.value(code).qty < qty) {
        return fail(200, "APBK0400", QStringLiteral("주문 가능한 수량을 초과하였습니다."));
    }
    Order o;
    o.id = QStringLiteral("%1").arg(m_nextOrder++, 10, 10, QLatin1Char('0'));
    o.code = code;
    o.buy = buy;
    o.division = division;
    o.qty = qty;
    o.price = market ? 0 : unitPrice;
    o.time = kstNow().toString(QStringLiteral("HHmmss"));
    // After-hours orders wait for their session's match (matchAfterHours).
    const bool crosses =
        !isAfterHoursDivision(division) && (market || (buy ? unitPrice >= last : unitPrice <= last));
    m_orders.append(o);
    pushNotice(o.id, code, buy, qty, 0, 0); // accepted
    if (crosses) {
        if (m_deferFills)
            m_pendingFills.append(o.id);
        else
            fill(m_orders.last(), last);
    }
    return ok({{QStringLiteral("output"),
                QJsonObject{{QStringLiteral("KRX_FWDG_ORD_ORGNO"), QString::fromLatin1(kBranch)},
                            {QStringLiteral("ODNO"), o.id},
                            {QStringLiteral("ORD_TMD"), o.time}}}});
}

bool FakeKisServer::isClosingPriceDivision(const QString& division) {
    return division == QLatin1String("05") || division == QLatin1String("06");
}

bool FakeKisServer::isAfterHoursDivision(const QString& division) {
    return isClosingPriceDivision(division) || division == QLatin1String("07");
}

int FakeKisServer::matchAfterHours(const QString& code) {
    const qint64 close = m_prices.value(code);
    int filled = 0;
    for (Order& o : m_orders) {
        if (o.code != code || o.rest() <= 0 || !isAfterHoursDivision(o.division))
            continue;
        if (o.division == QLatin1String("07") && (o.buy ? o.price < close : o.price > close))
            continue;
        fill(o, close);
        ++filled;
    }
    return filled;
}

void FakeKisServer::fill(Order& o, qint64 price) {
    const qint64 qty = o.rest();
    if (qty <= 0)
        return;
    o.filled += qty;
    o.filledPrice = price;
    Holding& h = m_holdings[o.code];
    if (o.buy) {
        m_cash -= qty * price;
        h.qty += qty;
        h.avg = num(price);
    } else {
        m_cash += qty * price;
        h.qty -= qty;
    }
    pushNotice(o.id, o.code, o.buy, o.qty, qty, price);
}

LoopbackResponse FakeKisServer::cancel(const LoopbackRequest& r) {
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    for (auto it = body.begin(); it != body.end(); ++it)
        if (it.key() != it.key().toUpper() || !it.value().isString())
            return fail(500, "IGW00007", QStringLiteral("MCA 전문바디 구성 중 오류가 발생하였습니다."));
    auto field = [&](const char* k) {
        return body.value(QLatin1String(k)).toString();
    };
    if (field("CANO") != m_cano || field("ACNT_PRDT_CD") != m_product)
        return fail(200, "OPSQ2000", QStringLiteral("ERROR : INPUT INVALID_CHECK_ACNO"));
    if (field("KRX_FWDG_ORD_ORGNO") != QLatin1String(kBranch))
        return fail(200, "APBK0344", QStringLiteral("원주문번호를 확인하세요."));
    if (field("RVSE_CNCL_DVSN_CD") == QLatin1String("01"))
        return modify(body);
    if (field("RVSE_CNCL_DVSN_CD") != QLatin1String("02"))
        return fail(200, "APBK0344", QStringLiteral("원주문번호를 확인하세요."));
    for (Order& o : m_orders) {
        if (o.id != field("ORGN_ODNO"))
            continue;
        const qint64 rest = o.rest();
        if (rest <= 0)
            return fail(200, "APBK0914", QStringLiteral("정정/취소할 수량이 없습니다."));
        o.cancelled += rest;
        Order c;
        c.id = QStringLiteral("%1").arg(m_nextOrder++, 10, 10, QLatin1Char('0'));
        c.code = o.code;
        c.buy = o.buy;
        c.qty = rest;
        c.time = kstNow().toString(QStringLiteral("HHmmss"));
        c.division = QStringLiteral("cancel:") + o.id;
        m_orders.append(c);
        return ok({{QStringLiteral("output"),
                    QJsonObject{{QStringLiteral("KRX_FWDG_ORD_ORGNO"), QString::fromLatin1(kBranch)},
                                {QStringLiteral("ODNO"), c.id},
                                {QStringLiteral("ORD_TMD"), c.time}}}});
    }
    return fail(200, "APBK0344", QStringLiteral("원주문번호를 확인하세요."));
}

LoopbackResponse FakeKisServer::modify(const QJsonObject& body) {
    auto field = [&](const char* k) {
        return body.value(QLatin1String(k)).toString();
    };
    static const char* const keys[] = {"ORD_DVSN", "ORD_QTY", "ORD_UNPR", "QTY_ALL_ORD_YN",
                                       "EXCG_ID_DVSN_CD"};
    for (const char* k : keys)
        if (!body.contains(QLatin1String(k)))
            return fail(500, "OPSQ2001", QStringLiteral("ERROR : INPUT_FIELD_NAME %1").arg(QLatin1String(k)));
    const QString all = field("QTY_ALL_ORD_YN");
    if (all != QLatin1String("Y") && all != QLatin1String("N"))
        return fail(200, "APBK0919", QStringLiteral("주문수량을 확인하여 주십시오."));
    bool okPrice = false;
    const qint64 price = field("ORD_UNPR").toLongLong(&okPrice);
    for (qsizetype i = 0; i < m_orders.size(); ++i) {
        if (m_orders[i].id != field("ORGN_ODNO") || m_orders[i].isCancelRow())
            continue;
        // A modified order keeps its session: 00 for the regular one, the original's 05/06/07 after hours.
        const QString division =
            isAfterHoursDivision(m_orders[i].division) ? m_orders[i].division : QStringLiteral("00");
        if (field("ORD_DVSN") != division)
            return fail(200, "APBK0918", QStringLiteral("주문구분을 확인하세요."));
        const bool atClose = isClosingPriceDivision(division);
        if (!okPrice || (atClose ? price != 0 : price <= 0 || price % tickFor(price) != 0))
            return fail(200, "APBK0506", QStringLiteral("호가단위가 잘못되었습니다."));
        const qint64 rest = m_orders[i].rest();
        if (rest <= 0)
            return fail(200, "APBK0914", QStringLiteral("정정/취소할 수량이 없습니다."));
        bool okQty = false;
        const qint64 asked = field("ORD_QTY").toLongLong(&okQty);
        const qint64 qty = all == QLatin1String("Y") ? rest : asked;
        if (all == QLatin1String("N") && (!okQty || asked <= 0 || asked > rest))
            return fail(200, "APBK0919", QStringLiteral("주문수량을 확인하여 주십시오."));
        m_orders[i].moved += qty;
        Order n;
        n.id = QStringLiteral("%1").arg(m_nextOrder++, 10, 10, QLatin1Char('0'));
        n.code = m_orders[i].code;
        n.buy = m_orders[i].buy;
        n.division = division;
        n.qty = qty;
        n.price = price;
        n.origin = m_orders[i].id;
        n.time = kstNow().toString(QStringLiteral("HHmmss"));
        m_orders.append(n);
        pushNotice(n.id, n.code, n.buy, n.qty, 0, 0); // accepted
        const qint64 last = m_prices.value(n.code);
        if (!isAfterHoursDivision(division) && (n.buy ? price >= last : price <= last)) {
            if (m_deferFills)
                m_pendingFills.append(n.id);
            else
                fill(m_orders.last(), last);
        }
        ++m_modifies;
        return ok({{QStringLiteral("output"),
                    QJsonObject{{QStringLiteral("KRX_FWDG_ORD_ORGNO"), QString::fromLatin1(kBranch)},
                                {QStringLiteral("ODNO"), n.id},
                                {QStringLiteral("ORD_TMD"), n.time}}}});
    }
    return fail(200, "APBK0344", QStringLiteral("원주문번호를 확인하세요."));
}

QJsonObject FakeKisServer::orderRow(const Order& o) const {
    const bool isCancel = o.division.startsWith(QLatin1String("cancel:"));
    return {{QStringLiteral("ord_dt"), kstNow().date().toString(QStringLiteral("yyyyMMdd"))},
            {QStringLiteral("ord_gno_brno"), QString::fromLatin1(kBranch)},
            {QStringLiteral("odno"), o.id},
            {QStringLiteral("orgn_odno"), isCancel ? o.division.mid(7) : o.origin},
            {QStringLiteral("sll_buy_dvsn_cd"), o.buy ? QStringLiteral("02") : QStringLiteral("01")},
            {QStringLiteral("pdno"), o.code},
            {QStringLiteral("ord_qty"), num(o.qty)},
            {QStringLiteral("ord_unpr"), num(o.price)},
            {QStringLiteral("ord_tmd"), o.time},
            {QStringLiteral("tot_ccld_qty"), num(o.filled)},
            {QStringLiteral("avg_prvs"), num(o.filledPrice)},
            {QStringLiteral("cncl_yn"), isCancel ? QStringLiteral("Y") : QStringLiteral("N")},
            {QStringLiteral("tot_ccld_amt"), num(o.filled * o.filledPrice)},
            {QStringLiteral("rmn_qty"), num(isCancel ? 0 : o.rest())},
            {QStringLiteral("rjct_qty"), QStringLiteral("0")},
            {QStringLiteral("cnc_cfrm_qty"), num(o.cancelled)},
            {QStringLiteral("ord_dvsn_cd"), isCancel ? QStringLiteral("00") : o.division}};
}

LoopbackResponse FakeKisServer::page(const LoopbackRequest& r, const QHash<QString, QString>& q,
                                     const QJsonArray& rows, const char* rowsKey, QJsonObject extra) {
    const bool next = r.header("tr_cont") == "N";
    const QString context = q.value(QStringLiteral("CTX_AREA_NK100"));
    if (next && context.isEmpty())
        return fail(500, "OPSQ2001", QStringLiteral("ERROR : INPUT_FIELD_NAME CTX_AREA_NK100"));
    const int offset = next ? context.toInt() : 0;
    QJsonArray out;
    for (int i = offset; i < rows.size() && out.size() < m_orderPage; ++i)
        out.append(rows.at(i));
    const int end = offset + int(out.size());
    const bool more = end < rows.size();
    extra.insert(QLatin1String(rowsKey), out);
    extra.insert(QStringLiteral("ctx_area_fk100"), more ? QStringLiteral("FK%1").arg(end) : QString());
    extra.insert(QStringLiteral("ctx_area_nk100"), more ? num(end) : QString());
    return ok(extra, more ? (next ? "M" : "F") : "D");
}

LoopbackResponse FakeKisServer::dailyOrders(const LoopbackRequest& r, const QHash<QString, QString>& q) {
    if (q.value(QStringLiteral("CANO")) != m_cano || q.value(QStringLiteral("ACNT_PRDT_CD")) != m_product)
        return fail(500, "OPSQ2000", QStringLiteral("ERROR : INPUT INVALID_CHECK_ACNO"));
    const QString filter = q.value(QStringLiteral("CCLD_DVSN"));
    const QString code = q.value(QStringLiteral("PDNO"));
    const QString id = q.value(QStringLiteral("ODNO"));
    QJsonArray rows;
    for (auto it = m_orders.crbegin(); it != m_orders.crend(); ++it) { // newest first (INQR_DVSN 00)
        const Order& o = *it;
        if ((!code.isEmpty() && o.code != code) || (!id.isEmpty() && o.id != id))
            continue;
        const qint64 rest = o.rest();
        if (filter == QLatin1String("01") && o.filled == 0)
            continue;
        if (filter == QLatin1String("02") && (rest <= 0 || o.division.startsWith(QLatin1String("cancel:"))))
            continue;
        rows.append(orderRow(o));
    }
    return page(
        r, q, rows, "output1",
        {{QStringLiteral("output2"), QJsonObject{{QStringLiteral("tot_ord_qty"), num(rows.size())}}}});
}

LoopbackResponse FakeKisServer::cancellable(const LoopbackRequest& r, const QHash<QString, QString>& q) {
    if (q.value(QStringLiteral("CANO")) != m_cano || q.value(QStringLiteral("ACNT_PRDT_CD")) != m_product)
        return fail(500, "OPSQ2000", QStringLiteral("ERROR : INPUT INVALID_CHECK_ACNO"));
    QJsonArray rows;
    for (const Order& o : m_orders) {
        const qint64 rest = o.rest();
        if (rest <= 0 || o.division.startsWith(QLatin1String("cancel:")))
            continue;
        QJsonObject row = orderRow(o);
        row.remove(QStringLiteral("ord_dt"));
        row.remove(QStringLiteral("cnc_cfrm_qty"));
        row.insert(QStringLiteral("psbl_qty"), num(rest));
        rows.append(row);
    }
    return page(r, q, rows, "output");
}

// The KRX tick of a price, written out here on purpose rather than taken from the app's table: the fake
// states the venue's rules independently of the code it checks.
qint64 FakeKisServer::tickFor(qint64 price) {
    if (price < 2000)
        return 1;
    if (price < 5000)
        return 5;
    if (price < 20000)
        return 10;
    if (price < 50000)
        return 50;
    if (price < 200000)
        return 100;
    if (price < 500000)
        return 500;
    return 1000;
}

} // namespace hoga::test
