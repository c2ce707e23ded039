#pragma once

#include "core/decimal.h"

#include <QVector>

namespace hoga {

class ProfileDatabase;

// One sample of the whole portfolio's value.
struct PortfolioValuePoint {
    qint64 atMs = 0; // wall clock
    Decimal totalKrw;
    Decimal totalUsdt; // 0 when no KRW-USDT rate was known
    bool operator==(const PortfolioValuePoint&) const = default;
};

// The profile's history of total portfolio value, in its database (table portfolio_history), bounded to the
// newest `maxPoints` samples. The table is created on first use rather than by a schema migration: it is a
// history that may be dropped, and older Hoga versions simply ignore it. Use it on the thread that opened
// the database.
class PortfolioHistory {
public:
    // A week of one sample a minute.
    static constexpr int kDefaultMaxPoints = 7 * 24 * 60;

    explicit PortfolioHistory(ProfileDatabase* database, int maxPoints = kDefaultMaxPoints);

    // Stores a sample (replacing one at the same millisecond) and drops the oldest beyond the bound.
    bool append(const PortfolioValuePoint& point);
    // Oldest first.
    QVector<PortfolioValuePoint> points() const;
    int maxPoints() const { return m_maxPoints; }

private:
    bool ensureTable() const;

    ProfileDatabase* m_database;
    int m_maxPoints;
};

} // namespace hoga
