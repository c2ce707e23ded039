#include "ml_features.h"

#include <cmath>

namespace hoga {

QStringList MlFeatures::names() {
    return {QStringLiteral("return_1"),  QStringLiteral("return_3"),       QStringLiteral("return_5"),
            QStringLiteral("return_10"), QStringLiteral("volatility_10"),  QStringLiteral("sma_20_gap"),
            QStringLiteral("rsi_14"),    QStringLiteral("volume_ratio_20")};
}

bool MlFeatures::add(const Candle& candle) {
    if (candle.openTimeMs <= m_lastOpenMs)
        return false;
    m_lastOpenMs = candle.openTimeMs;
    m_closes.append(candle.close);
    m_volumes.append(candle.volume);
    if (m_closes.size() > kHistory) {
        m_closes.removeFirst();
        m_volumes.removeFirst();
    }
    m_rsi.update(candle.close.toDouble()); // indicators work in double
    return true;
}

std::optional<MlFeatures::Vector> MlFeatures::current() const {
    if (m_closes.size() < kHistory || !m_rsi.ready())
        return std::nullopt;
    const qsizetype last = m_closes.size() - 1;
    auto back = [&](int n) -> const Decimal& {
        return m_closes[last - n];
    };
    // a / b - 1 as a unitless double (0 when b is not positive).
    auto change = [](const Decimal& a, const Decimal& b) {
        return b.isPositive() ? a.divide(b, kRatioScale, Rounding::HalfEven).toDouble() - 1 : 0.0;
    };
    // One-candle returns of the last 10 candles.
    std::array<double, 10> r{};
    double mean = 0;
    for (int i = 0; i < 10; ++i) {
        r[size_t(i)] = change(back(i), back(i + 1));
        mean += r[size_t(i)];
    }
    mean /= 10;
    double variance = 0;
    for (double x : r)
        variance += (x - mean) * (x - mean);
    const double volatility = std::sqrt(variance / 9);
    Decimal closeSum;
    Decimal volumeSum;
    for (int i = 0; i < 20; ++i) {
        closeSum += back(i);
        volumeSum += m_volumes[last - i];
    }
    // Against the 20-candle averages: x / (sum / 20) = 20 x / sum, kept exact until the unitless log.
    const Decimal volumeRatio =
        volumeSum.isPositive()
            ? (m_volumes[last] * Decimal(20)).divide(volumeSum, kRatioScale, Rounding::HalfEven)
            : Decimal();
    constexpr double kTiny = 1e-12;
    return Vector{change(back(0), back(1)),
                  change(back(0), back(3)),
                  change(back(0), back(5)),
                  change(back(0), back(10)),
                  volatility,
                  change(back(0) * Decimal(20), closeSum),
                  m_rsi.value() / 100.0 - 0.5,
                  volumeSum.isPositive() ? std::log(volumeRatio.toDouble() + kTiny) : 0.0};
}

} // namespace hoga
