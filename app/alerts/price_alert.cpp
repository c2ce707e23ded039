#include "price_alert.h"

#include <QCoreApplication>

namespace hoga {

QString priceAlertKindName(PriceAlertKind kind) {
    switch (kind) {
    case PriceAlertKind::Above:
        return QStringLiteral("above");
    case PriceAlertKind::Below:
        return QStringLiteral("below");
    case PriceAlertKind::PercentMove:
        return QStringLiteral("percent_move");
    }
    return {};
}

std::optional<PriceAlertKind> parsePriceAlertKind(const QString& name) {
    for (PriceAlertKind k : {PriceAlertKind::Above, PriceAlertKind::Below, PriceAlertKind::PercentMove})
        if (priceAlertKindName(k) == name)
            return k;
    return std::nullopt;
}

QString priceAlertStateName(PriceAlertState state) {
    return state == PriceAlertState::Armed ? QStringLiteral("armed") : QStringLiteral("fired");
}

std::optional<PriceAlertState> parsePriceAlertState(const QString& name) {
    if (name == QLatin1String("armed"))
        return PriceAlertState::Armed;
    if (name == QLatin1String("fired"))
        return PriceAlertState::Fired;
    return std::nullopt;
}

bool PriceAlert::splitMarketKey(const QString& key, QString* venue, QString* market) {
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == key.size() - 1)
        return false;
    const QString v = key.left(colon).trimmed();
    const QString m = key.mid(colon + 1).trimmed();
    if (v.isEmpty() || m.isEmpty() || m.contains(QLatin1Char(':')))
        return false;
    if (venue)
        *venue = v;
    if (market)
        *market = m;
    return true;
}

namespace {

QString windowText(qint64 windowMs) {
    const int minutes = int(windowMs / 60'000);
    const int seconds = int(windowMs / 1000);
    if (minutes > 0 && windowMs % 60'000 == 0)
        return QCoreApplication::translate("hoga::PriceAlert", "%n min", nullptr, minutes);
    return QCoreApplication::translate("hoga::PriceAlert", "%n s", nullptr, seconds);
}

} // namespace

QString describePriceAlertCondition(const PriceAlert& alert) {
    return describePriceAlertCondition(alert, alert.threshold.toString());
}

QString describePriceAlertCondition(const PriceAlert& alert, const QString& thresholdText) {
    switch (alert.kind) {
    case PriceAlertKind::Above:
        return QCoreApplication::translate("hoga::PriceAlert", "Above %1").arg(thresholdText);
    case PriceAlertKind::Below:
        return QCoreApplication::translate("hoga::PriceAlert", "Below %1").arg(thresholdText);
    case PriceAlertKind::PercentMove:
        return QCoreApplication::translate("hoga::PriceAlert", "Moves %1 % within %2")
            .arg(thresholdText, windowText(alert.windowMs));
    }
    return {};
}

QString describePriceAlertFired(const PriceAlert& alert) {
    const QString price = alert.firedPrice ? alert.firedPrice->toString() : QStringLiteral("?");
    return QCoreApplication::translate("hoga::PriceAlert", "%1 on %2 at %3 (alert: %4)")
        .arg(alert.market, alert.venue, price, describePriceAlertCondition(alert));
}

QString priceAlertError(const PriceAlert& alert) {
    if (alert.venue.isEmpty() || alert.market.isEmpty())
        return QCoreApplication::translate("hoga::PriceAlert", "Choose a market.");
    if (!alert.threshold.isPositive())
        return alert.kind == PriceAlertKind::PercentMove
                   ? QCoreApplication::translate("hoga::PriceAlert", "The percentage must be above zero.")
                   : QCoreApplication::translate("hoga::PriceAlert", "The price must be above zero.");
    if (alert.kind == PriceAlertKind::PercentMove) {
        if (alert.threshold > Decimal(1000))
            return QCoreApplication::translate("hoga::PriceAlert", "The percentage may be at most 1000.");
        if (alert.windowMs < 1000 || alert.windowMs > 7 * 24 * 3'600'000LL)
            return QCoreApplication::translate("hoga::PriceAlert",
                                               "The window must be between 1 second and 7 days.");
    }
    return {};
}

} // namespace hoga
