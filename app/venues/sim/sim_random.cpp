#include "sim_random.h"

#include <bit>

namespace hoga::sim {

namespace {

__extension__ typedef unsigned __int128 UInt128;

constexpr int kUniformBits = 20;
constexpr qint64 kUniformSpan = qint64(1) << kUniformBits;

// Twelve 20-bit uniforms summed: mean 6 * 2^20, standard deviation exactly 2^20.
qint64 irwinHallMicro(const quint64 words[4]) {
    qint64 sum = 0;
    for (int w = 0; w < 4; ++w)
        for (int part = 0; part < 3; ++part)
            sum += qint64((words[w] >> (part * kUniformBits)) & quint64(kUniformSpan - 1));
    const qint64 centred = sum - 6 * kUniformSpan;
    return centred * 1'000'000 / kUniformSpan;
}

} // namespace

quint64 SimRandom::below(quint64 n) {
    return quint64((UInt128(next()) * n) >> 64);
}

qint64 SimRandom::between(qint64 lo, qint64 hi) {
    if (hi <= lo)
        return lo;
    return lo + qint64(below(quint64(hi - lo) + 1));
}

qint64 SimRandom::gaussianMicro() {
    const quint64 words[4] = {next(), next(), next(), next()};
    return irwinHallMicro(words);
}

quint64 mix64(quint64 x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

quint64 mixKey(quint64 a, quint64 b) {
    return mix64(a ^ mix64(b + 0x632be59bd9b4e019ULL));
}

qint64 gaussianMicroFromKey(quint64 key) {
    const quint64 words[4] = {mix64(key), mix64(key + 1), mix64(key + 2), mix64(key + 3)};
    return irwinHallMicro(words);
}

quint64 belowFromKey(quint64 key, quint64 n) {
    return quint64((UInt128(mix64(key ^ 0x5851f42d4c957f2dULL)) * n) >> 64);
}

quint64 isqrt(quint64 n) {
    if (n < 2)
        return n;
    // Newton's method from a power-of-two overestimate; converges monotonically downward.
    quint64 x = quint64(1) << ((std::bit_width(n) + 1) / 2);
    quint64 y = (x + n / x) / 2;
    while (y < x) {
        x = y;
        y = (x + n / x) / 2;
    }
    return x;
}

qint64 correlatedMicro(qint64 leader, qint64 own, qint64 rhoMicro) {
    const qint64 complement = qint64(isqrt(quint64(1'000'000'000'000LL - rhoMicro * rhoMicro)));
    return (rhoMicro * leader + complement * own) / 1'000'000;
}

} // namespace hoga::sim
