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
    const double close = candle.close.toDouble();
    m_closes.append(close);
    m_volumes.append(candle.volume.toDouble());
    if (m_closes.size() > kHistory) {
        m_closes.removeFirst();
        m_volumes.removeFirst();
    }
    m_rsi.update(close);
    return true;
}

std::optional<MlFeatures::Vector> MlFeatures::current() const {
    if (m_closes.size() < kHistory || !m_rsi.ready())
        return std::nullopt;
    const qsizetype last = m_closes.size() - 1;
    auto back = [&](int n) {
        return m_closes[last - n];
    };
    auto ret = [&](int n) {
        return back(n) > 0 ? back(0) / back(n) - 1 : 0.0;
    };
    // One-candle returns of the last 10 candles.
    std::array<double, 10> r{};
    double mean = 0;
    for (int i = 0; i < 10; ++i) {
        const double now = back(i);
        const double before = back(i + 1);
        r[size_t(i)] = before > 0 ? now / before - 1 : 0.0;
        mean += r[size_t(i)];
    }
    mean /= 10;
    double variance = 0;
    for (double x : r)
        variance += (x - mean) * (x - mean);
    const double volatility = std::sqrt(variance / 9);
    double sma = 0;
    double volumeMean = 0;
    for (int i = 0; i < 20; ++i) {
        sma += back(i);
        volumeMean += m_volumes[last - i];
    }
    sma /= 20;
    volumeMean /= 20;
    constexpr double kTiny = 1e-12;
    return Vector{ret(1),
                  ret(3),
                  ret(5),
                  ret(10),
                  volatility,
                  sma > 0 ? back(0) / sma - 1 : 0.0,
                  m_rsi.value() / 100.0 - 0.5,
                  std::log((m_volumes[last] + kTiny) / (volumeMean + kTiny))};
}

} // namespace hoga
