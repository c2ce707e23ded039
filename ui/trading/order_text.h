#pragma once

#include "core/order.h"
#include "storage/order_journal.h"

#include <QString>

namespace hoga {

// Translated words for orders, as the tables and the ticket show them.
QString sideText(Side side);           // "Buy", "Sell"
QString orderTypeText(OrderType type); // "Limit", "Market", "Best price"
// The type with a KRX after-hours session where there is one: "Limit · Post-market close".
QString orderKindText(const Order& order);
QString orderStateText(OrderState state); // "Open", "Partially filled", "Cancelled", ...
// Where the engine's journal says an order stands: "Sent", "Cancelling", "Never sent", ...
QString journalStateText(JournalState state);
// Local date and time of a venue timestamp for the tables: "11-21 14:03:22" (today: "14:03:22").
QString tableTime(qint64 timestampMs);

} // namespace hoga
