#pragma once

#include "core/decimal.h"

#include <QMetaType>
#include <QString>

#include <optional>

namespace hoga {

enum class PriceAlertKind {
    Above,       // the last price is at or above the threshold (a price)
    Below,       // the last price is at or below the threshold (a price)
    PercentMove, // the price moved by at least threshold percent, up or down, within windowMs
};

enum class PriceAlertState { Armed, Fired };

QString priceAlertKindName(PriceAlertKind kind); // "above", "below", "percent_move" (stored, stable)
std::optional<PriceAlertKind> parsePriceAlertKind(const QString& name);
QString priceAlertStateName(PriceAlertState state); // "armed", "fired" (stored, stable)
std::optional<PriceAlertState> parsePriceAlertState(const QString& name);

// One price alert on one market. It fires once; it fires again only after an explicit re-arm.
struct PriceAlert {
    qint64 id = 0; // assigned by the book (the database row id when persisted)
    QString venue;
    QString market;
    PriceAlertKind kind = PriceAlertKind::Above;
    Decimal threshold;   // a price (Above, Below) or a percentage (PercentMove, e.g. 5 = 5 %)
    qint64 windowMs = 0; // PercentMove only
    PriceAlertState state = PriceAlertState::Armed;
    qint64 createdMs = 0;
    qint64 armedMs = 0; // a PercentMove alert only looks at prices seen since it was (re-)armed
    qint64 firedMs = 0;
    std::optional<Decimal> firedPrice;

    // "venue:market", the key alerts and tickers are matched on.
    QString marketKey() const { return marketKeyOf(venue, market); }
    static QString marketKeyOf(const QString& venue, const QString& market) {
        return venue + QLatin1Char(':') + market;
    }
    // Splits "venue:market" (the market part may not be empty); false if malformed.
    static bool splitMarketKey(const QString& key, QString* venue, QString* market);

    bool isArmed() const { return state == PriceAlertState::Armed; }
};

// Translated one-line description of the condition, e.g. "Above 50000000" or "Moves 5 % within 10 min".
QString describePriceAlertCondition(const PriceAlert& alert);
// The same with the threshold written as `thresholdText` (the desktop groups digits: "Above 50,000,000").
QString describePriceAlertCondition(const PriceAlert& alert, const QString& thresholdText);
// Translated sentence for a fired alert, e.g. "KRW-BTC on upbit rose to 50100000 (alert: above 50000000)".
QString describePriceAlertFired(const PriceAlert& alert);
// Translated reason a new alert is invalid, empty when it is valid.
QString priceAlertError(const PriceAlert& alert);

} // namespace hoga

Q_DECLARE_METATYPE(hoga::PriceAlert)
