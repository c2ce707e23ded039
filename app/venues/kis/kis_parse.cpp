#include "kis_parse.h"

#include "kis_tables.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTimeZone>

namespace hoga::kis {

using net::JsonValue;

namespace {

VenueError malformed(const QString& what) {
    VenueError e;
    e.kind = ErrorKind::Network;
    e.detail =
        QCoreApplication::translate("hoga::KisParse", "The venue's answer could not be read: %1").arg(what);
    return e;
}

Side sideOf(const QString& code) {
    return code == QLatin1String("01") ? Side::Sell : Side::Buy; // sll_buy_dvsn_cd: 01 sell, 02 buy
}

// ORD_DVSN back to our order type, time in force and session.
struct OrderKind {
    OrderType type = OrderType::Limit;
    TimeInForce timeInForce = TimeInForce::GoodTillCancel;
    OrderSession session = OrderSession::Regular;
};

OrderKind kindOf(const QString& code) {
    switch (code.toInt()) {
    case 1:
        return {OrderType::Market, TimeInForce::GoodTillCancel};
    case 3:
        return {OrderType::Best, TimeInForce::GoodTillCancel};
    case 5:
        return {OrderType::Limit, TimeInForce::GoodTillCancel, OrderSession::PreMarketClose};
    case 6:
        return {OrderType::Limit, TimeInForce::GoodTillCancel, OrderSession::PostMarketClose};
    case 7:
        return {OrderType::Limit, TimeInForce::GoodTillCancel, OrderSession::AfterHoursSingle};
    case 11:
        return {OrderType::Limit, TimeInForce::ImmediateOrCancel};
    case 12:
        return {OrderType::Limit, TimeInForce::FillOrKill};
    case 13:
        return {OrderType::Market, TimeInForce::ImmediateOrCancel};
    case 14:
        return {OrderType::Market, TimeInForce::FillOrKill};
    case 15:
        return {OrderType::Best, TimeInForce::ImmediateOrCancel};
    case 16:
        return {OrderType::Best, TimeInForce::FillOrKill};
    default:
        return {};
    }
}

} // namespace

Decimal decimalOf(const JsonValue& v) {
    const QString text = v.toString().trimmed();
    if (text.isEmpty())
        return {};
    return Decimal::parse(text).value_or(Decimal());
}

qint64 kstMs(const QString& date, const QString& time) {
    const QDate d = QDate::fromString(date, QStringLiteral("yyyyMMdd"));
    if (!d.isValid())
        return 0;
    QTime t(0, 0);
    if (time.size() >= 6)
        t = QTime::fromString(time.left(6), QStringLiteral("HHmmss"));
    return QDateTime(d, t.isValid() ? t : QTime(0, 0), QTimeZone(kKstOffsetSeconds)).toMSecsSinceEpoch();
}

QString kstDate(qint64 epochMs) {
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone(kKstOffsetSeconds))
        .toString(QStringLiteral("yyyyMMdd"));
}

QString kstTime(qint64 epochMs) {
    return QDateTime::fromMSecsSinceEpoch(epochMs, QTimeZone(kKstOffsetSeconds))
        .toString(QStringLiteral("HHmmss"));
}

Result<Ticker> parsePrice(const JsonValue& root) {
    const JsonValue o = root["output"];
    if (!o.isObject())
        return malformed(QCoreApplication::translate("hoga::KisParse", "no price in the answer"));
    Ticker t;
    t.venue = QStringLiteral("kis");
    t.market = o["stck_shrn_iscd"].toString();
    t.last = decimalOf(o["stck_prpr"]);
    t.open = decimalOf(o["stck_oprc"]);
    t.high = decimalOf(o["stck_hgpr"]);
    t.low = decimalOf(o["stck_lwpr"]);
    t.change = decimalOf(o["prdy_vrss"]);
    t.prevClose = t.last - t.change;
    // prdy_ctrt is a percentage with two decimals: divided by 100 exactly (a shift of the scale).
    t.changeRate = decimalOf(o["prdy_ctrt"]).divide(Decimal(100), 6, Rounding::HalfEven);
    t.volume24h = decimalOf(o["acml_vol"]);
    t.quoteVolume24h = decimalOf(o["acml_tr_pbmn"]);
    t.timestampMs = QDateTime::currentMSecsSinceEpoch(); // the answer carries no time: it is current
    return t;
}

Result<OrderBook> parseAskingPrice(const JsonValue& root, const QString& market) {
    const JsonValue o = root["output1"];
    if (!o.isObject())
        return malformed(QCoreApplication::translate("hoga::KisParse", "no asking prices in the answer"));
    QVector<BookLevel> bids;
    QVector<BookLevel> asks;
    for (int i = 1; i <= 10; ++i) {
        const std::string n = std::to_string(i);
        const BookLevel ask{decimalOf(o["askp" + n]), decimalOf(o["askp_rsqn" + n])};
        const BookLevel bid{decimalOf(o["bidp" + n]), decimalOf(o["bidp_rsqn" + n])};
        if (ask.price.isPositive())
            asks.append(ask);
        if (bid.price.isPositive())
            bids.append(bid);
    }
    OrderBook book(QStringLiteral("kis"), market);
    const qint64 ts = kstMs(kstDate(QDateTime::currentMSecsSinceEpoch()), o["aspr_acpt_hour"].toString());
    book.applySnapshot(bids, asks, ts);
    return book;
}

Result<QVector<Candle>> parseChart(const JsonValue& root, bool minutes) {
    const JsonValue rows = root["output2"];
    QVector<Candle> out;
    if (rows.isUndefined() || rows.isNull())
        return out;
    if (!rows.isArray())
        return malformed(QCoreApplication::translate("hoga::KisParse", "the chart is not a list"));
    for (JsonValue r : rows.elements()) {
        const QString date = r["stck_bsop_date"].toString();
        if (date.isEmpty())
            continue; // KIS pads short answers with empty rows
        Candle c;
        c.openTimeMs = minutes ? kstMs(date, r["stck_cntg_hour"].toString()) : kstMs(date);
        c.open = decimalOf(r["stck_oprc"]);
        c.high = decimalOf(r["stck_hgpr"]);
        c.low = decimalOf(r["stck_lwpr"]);
        c.close = decimalOf(minutes ? r["stck_prpr"] : r["stck_clpr"]);
        c.volume = decimalOf(minutes ? r["cntg_vol"] : r["acml_vol"]);
        c.quoteVolume = decimalOf(r["acml_tr_pbmn"]);
        if (c.openTimeMs > 0)
            out.append(c);
    }
    return out;
}

Result<QVector<Trade>> parseConclusions(const JsonValue& root, const QString& market) {
    const JsonValue rows = root["output"];
    if (!rows.isArray())
        return malformed(QCoreApplication::translate("hoga::KisParse", "the trade list is not a list"));
    QVector<Trade> out;
    const QString today = kstDate(QDateTime::currentMSecsSinceEpoch());
    for (JsonValue r : rows.elements()) {
        Trade t;
        t.venue = QStringLiteral("kis");
        t.market = market;
        t.price = decimalOf(r["stck_prpr"]);
        t.qty = decimalOf(r["cntg_vol"]);
        t.timestampMs = kstMs(today, r["stck_cntg_hour"].toString());
        t.id = r["stck_cntg_hour"].toString() + QLatin1Char('-') + QString::number(out.size());
        out.append(t);
    }
    return out;
}

Result<QVector<Balance>> parseBalance(const JsonValue& root) {
    const JsonValue holdings = root["output1"];
    const JsonValue summary = root["output2"];
    if (!holdings.isArray() || !summary.isArray())
        return malformed(QCoreApplication::translate("hoga::KisParse", "no balance in the answer"));
    QVector<Balance> out;
    Balance krw;
    krw.venue = QStringLiteral("kis");
    krw.currency = QStringLiteral("KRW");
    if (summary.size() > 0) {
        // Free: the cash after settlement (D+2) that orders can use. Locked: what the deposit holds beyond
        // it (open buy orders, unsettled buys), so free + locked is the deposit (dnca_tot_amt).
        krw.free = decimalOf(summary.at(0)["prvs_rcdl_excc_amt"]);
        const Decimal deposit = decimalOf(summary.at(0)["dnca_tot_amt"]);
        if (deposit > krw.free)
            krw.locked = deposit - krw.free;
    }
    out.append(krw);
    for (JsonValue h : holdings.elements()) {
        const Decimal held = decimalOf(h["hldg_qty"]);
        if (!held.isPositive())
            continue;
        Balance b;
        b.venue = QStringLiteral("kis");
        b.currency = h["pdno"].toString();
        b.free = decimalOf(h["ord_psbl_qty"]);
        b.locked = held - b.free;
        b.avgBuyPrice = decimalOf(h["pchs_avg_pric"]);
        b.avgBuyCurrency = QStringLiteral("KRW");
        out.append(b);
    }
    return out;
}

Order parseOrderRow(const JsonValue& r) {
    Order o;
    o.venue = QStringLiteral("kis");
    o.id = r["odno"].toString();
    o.market = r["pdno"].toString();
    o.side = sideOf(r["sll_buy_dvsn_cd"].toString());
    const OrderKind kind = kindOf(r["ord_dvsn_cd"].toString());
    o.type = kind.type;
    o.timeInForce = kind.timeInForce;
    o.session = kind.session;
    o.qty = decimalOf(r["ord_qty"]);
    // A closing-price order's ord_unpr is "0" until it trades (the exchange sets the price).
    o.price = kind.type == OrderType::Limit ? decimalOf(r["ord_unpr"]) : Decimal();
    o.filledQty = decimalOf(r["tot_ccld_qty"]);
    const Decimal avg = decimalOf(r["avg_prvs"]);
    o.filledQuote = r.contains("tot_ccld_amt") ? decimalOf(r["tot_ccld_amt"]) : avg * o.filledQty;
    QString date = r["ord_dt"].toString();
    if (date.isEmpty())
        date = kstDate(QDateTime::currentMSecsSinceEpoch()); // psbl-rvsecncl lists today's orders only
    o.createdAtMs = kstMs(date, r["ord_tmd"].toString());
    o.updatedAtMs = o.createdAtMs;
    const Decimal cancelled = decimalOf(r["cnc_cfrm_qty"]);
    const Decimal rejected = decimalOf(r["rjct_qty"]);
    const bool cancellable = r.contains("psbl_qty");
    if (o.qty.isPositive() && o.filledQty >= o.qty)
        o.state = OrderState::Filled;
    else if (!cancellable && cancelled.isPositive())
        o.state = OrderState::Cancelled;
    else if (!cancellable && rejected.isPositive())
        o.state = o.filledQty.isPositive() ? OrderState::Cancelled : OrderState::Rejected;
    else if (!cancellable && r.contains("rmn_qty") && !decimalOf(r["rmn_qty"]).isPositive())
        o.state = OrderState::Cancelled; // nothing left and not all filled: the rest moved to a modify
    else if (o.filledQty.isPositive())
        o.state = OrderState::PartiallyFilled;
    else
        o.state = OrderState::Open;
    return o;
}

QVector<Order> parseOrderRows(const JsonValue& root) {
    JsonValue rows = root["output1"];
    if (!rows.isArray())
        rows = root["output"];
    QVector<Order> out;
    if (!rows.isArray())
        return out;
    for (JsonValue r : rows.elements()) {
        if (r["odno"].toString().isEmpty())
            continue;
        const QString origin = r["orgn_odno"].toString().trimmed();
        const bool isCancel = r["cncl_yn"].toString() == QLatin1String("Y") ||
                              r["rvse_cncl_dvsn_name"].toString().contains(QStringLiteral("취소"));
        if (!origin.isEmpty() && origin.toLongLong() != 0 && isCancel)
            continue; // the cancel request itself, not an order (a modify's row is the new order)
        out.append(parseOrderRow(r));
    }
    return out;
}

} // namespace hoga::kis
