#pragma once

#include "core/candle.h"
#include "core/order.h"

#include <QList>
#include <QMetaType>

namespace hoga {

// What a venue offers, so the UI, the validator and hoga-cli ask instead of knowing venue names.
struct VenueCapabilities {
    // Order types and, per type, the time-in-force values the venue accepts. GoodTillCancel on a limit
    // order is the default everywhere; a Best order needs IOC or FOK where the venue has it.
    QList<OrderType> orderTypes{OrderType::Limit, OrderType::Market};
    QList<TimeInForce> limitTimeInForce{TimeInForce::GoodTillCancel};
    QList<TimeInForce> bestTimeInForce; // empty: no Best orders
    bool marketBuyByTotal = true;       // a market buy is given by the amount to spend
    bool marketBuyByQty = false;        // ... or by the quantity to buy
    bool marketSellByQty = true;
    // The sessions orders can be placed for: Regular everywhere, the KRX after-hours sessions where the
    // venue routes them (KIS).
    QList<OrderSession> orderSessions{OrderSession::Regular};

    QList<CandleInterval> candleIntervals;
    int maxCandlesPerRequest = 200; // the connector pages beyond this
    int maxTradesPerRequest = 500;
    int maxOrderBookDepth = 30;

    bool tickerStream = true;
    bool tradeStream = true;
    bool orderBookStream = true;
    bool accountStream = true;
    // Markets that can stream at once (ticker, trades and book each); 0: no limit. The window streams the
    // markets on screen and refreshes the others' prices by REST.
    int maxStreamedMarkets = 0;
    // Own fills come from a list of the account's trades; false: from the trades of each executed order.
    bool ownTradesList = false;
    // Orders can be looked up by our client id; false: by scanning the venue's list of the day's orders.
    bool lookupByClientId = true;
    // Open limit orders can be modified in place (Connector::modifyOrder); false: cancel and place anew.
    bool modifyOrders = false;
    bool simulated = false;

    // Every order shape any venue accepts: what the validator assumes when it is not told the venue's.
    static VenueCapabilities anyVenue() {
        VenueCapabilities c;
        c.orderTypes = {OrderType::Limit, OrderType::Market, OrderType::Best};
        c.limitTimeInForce = {TimeInForce::GoodTillCancel, TimeInForce::ImmediateOrCancel,
                              TimeInForce::FillOrKill, TimeInForce::PostOnly};
        c.bestTimeInForce = {TimeInForce::ImmediateOrCancel, TimeInForce::FillOrKill};
        c.marketBuyByQty = true;
        c.orderSessions = {OrderSession::Regular, OrderSession::PreMarketClose, OrderSession::PostMarketClose,
                           OrderSession::AfterHoursSingle};
        return c;
    }

    bool supports(OrderType type) const { return orderTypes.contains(type); }
    // Whether `tif` is allowed on an order of `type` (GTC on a limit order always is).
    bool allows(OrderType type, TimeInForce tif) const;
    bool hasInterval(CandleInterval interval) const { return candleIntervals.contains(interval); }
};

inline bool VenueCapabilities::allows(OrderType type, TimeInForce tif) const {
    switch (type) {
    case OrderType::Limit:
        return tif == TimeInForce::GoodTillCancel || limitTimeInForce.contains(tif);
    case OrderType::Best:
        return bestTimeInForce.contains(tif);
    case OrderType::Market:
        return tif == TimeInForce::GoodTillCancel;
    }
    return false;
}

} // namespace hoga

Q_DECLARE_METATYPE(hoga::VenueCapabilities)
