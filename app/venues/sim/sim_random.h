#pragma once

#include <QtGlobal>

#include <random>

namespace hoga::sim {

// Draws built only from integer bits, so a seed gives the same sequence with every standard library
// (std::normal_distribution and friends are implementation-defined).
class SimRandom {
public:
    explicit SimRandom(quint64 seed)
        : m_engine(seed) {}

    quint64 next() { return m_engine(); }
    // Uniform in [0, n); n > 0.
    quint64 below(quint64 n);
    // Uniform in [lo, hi], inclusive.
    qint64 between(qint64 lo, qint64 hi);
    bool chancePermille(int permille) { return below(1000) < quint64(permille); }
    // A standard normal draw in millionths (1'000'000 = one standard deviation).
    qint64 gaussianMicro();

private:
    std::mt19937_64 m_engine;
};

// Stateless randomness for data addressed by index (synthetic candle k): splitmix64's finaliser.
quint64 mix64(quint64 x);
quint64 mixKey(quint64 a, quint64 b);
// A standard normal draw in millionths derived from one key (Irwin-Hall sum of twelve uniforms).
qint64 gaussianMicroFromKey(quint64 key);
// A uniform draw in [0, n) derived from one key.
quint64 belowFromKey(quint64 key, quint64 n);

// Integer square root (floor).
quint64 isqrt(quint64 n);

// A draw correlated with `leader` by `rhoMicro` (millionths): rho * leader + sqrt(1 - rho^2) * own.
qint64 correlatedMicro(qint64 leader, qint64 own, qint64 rhoMicro);

} // namespace hoga::sim
