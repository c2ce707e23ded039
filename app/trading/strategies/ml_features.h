#pragma once

#include "core/candle.h"
#include "trading/indicators/rsi.h"

#include <QStringList>
#include <QVector>

#include <array>
#include <limits>
#include <optional>

namespace hoga {

// The ML signal's features of the latest closed candle, computed from that candle and earlier ones only:
// returns over 1, 3, 5 and 10 candles, the volatility of the last 10 one-candle returns, the gap to the
// 20-candle average, Wilder's RSI(14) centred on 0, and the volume against its 20-candle average (log).
// Candles must arrive in time order: one that does not start after the previous one is refused, so nothing
// can slip in from the future or twice.
class MlFeatures {
public:
    static constexpr int kCount = 8;
    static constexpr int kHistory = 21;    // closes kept: the current one and 20 before it
    static constexpr int kRatioScale = 12; // decimals of the exact ratios before they become doubles
    using Vector = std::array<double, kCount>;

    static QStringList names();

    // False (and ignored) when the candle does not start after the previous one.
    bool add(const Candle& candle);
    // Empty until kHistory candles were added.
    std::optional<Vector> current() const;
    qint64 lastOpenMs() const { return m_lastOpenMs; }

private:
    // Exact prices and volumes (oldest first, at most kHistory); only the features, ratios without units, are
    // doubles.
    QVector<Decimal> m_closes;
    QVector<Decimal> m_volumes;
    Rsi m_rsi{14};
    qint64 m_lastOpenMs = std::numeric_limits<qint64>::min();
};

} // namespace hoga
