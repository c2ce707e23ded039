#include "decimal.h"

#include <limits>

#include <QHashFunctions>

#include <array>
#include <charconv>
#include <cstdlib>
#include <string>

namespace hoga {

namespace {

__extension__ typedef unsigned __int128 U128;

constexpr Int128 kInt128Max = Int128(~U128(0) >> 1);
constexpr U128 kMaxMagnitude = U128(kInt128Max); // the symmetric range keeps negation overflow-free
constexpr int kMaxPow10 = 38;                    // 10^38 < 2^128 / 2 < 10^39

constexpr std::array<U128, kMaxPow10 + 1> makePow10() {
    std::array<U128, kMaxPow10 + 1> table{};
    U128 p = 1;
    for (int i = 0; i <= kMaxPow10; ++i) {
        table[size_t(i)] = p;
        p *= 10;
    }
    return table;
}
constexpr std::array<U128, kMaxPow10 + 1> kPow10 = makePow10();

[[noreturn]] void overflow(const char* what) {
    throw DecimalError(std::string("decimal overflow in ") + what);
}

U128 magnitudeOf(Int128 m) {
    return m < 0 ? U128(0) - U128(m) : U128(m);
}

Int128 signedFrom(bool negative, U128 magnitude, const char* what) {
    if (magnitude > kMaxMagnitude)
        overflow(what);
    const Int128 m = Int128(magnitude);
    return negative ? -m : m;
}

// Unsigned 256-bit integer (little-endian 64-bit words): wide enough for any product of two mantissas or
// any mantissa scaled by 10^38, so intermediate results never wrap before the final range check.
struct U256 {
    std::array<uint64_t, 4> w{};

    static U256 from(U128 v) {
        U256 r;
        r.w[0] = uint64_t(v);
        r.w[1] = uint64_t(v >> 64);
        return r;
    }
    bool fitsU128() const { return w[2] == 0 && w[3] == 0; }
    U128 low128() const { return (U128(w[1]) << 64) | w[0]; }
    bool isZero() const { return (w[0] | w[1] | w[2] | w[3]) == 0; }

    static U256 mul(U128 a, U128 b) {
        const uint64_t a0 = uint64_t(a), a1 = uint64_t(a >> 64);
        const uint64_t b0 = uint64_t(b), b1 = uint64_t(b >> 64);
        const std::array<uint64_t, 2> av{a0, a1};
        const std::array<uint64_t, 2> bv{b0, b1};
        U256 r;
        for (size_t i = 0; i < 2; ++i) {
            uint64_t carry = 0;
            for (size_t j = 0; j < 2; ++j) {
                const U128 t = U128(av[i]) * bv[j] + r.w[i + j] + carry;
                r.w[i + j] = uint64_t(t);
                carry = uint64_t(t >> 64);
            }
            r.w[i + 2] = carry;
        }
        return r;
    }

    static int compare(const U256& a, const U256& b) {
        for (int i = 3; i >= 0; --i) {
            if (a.w[size_t(i)] != b.w[size_t(i)])
                return a.w[size_t(i)] < b.w[size_t(i)] ? -1 : 1;
        }
        return 0;
    }

    // Returns false on carry out of 256 bits.
    static bool add(const U256& a, const U256& b, U256& out) {
        uint64_t carry = 0;
        for (size_t i = 0; i < 4; ++i) {
            const U128 t = U128(a.w[i]) + b.w[i] + carry;
            out.w[i] = uint64_t(t);
            carry = uint64_t(t >> 64);
        }
        return carry == 0;
    }

    // a - b, requires a >= b.
    static U256 sub(const U256& a, const U256& b) {
        U256 r;
        uint64_t borrow = 0;
        for (size_t i = 0; i < 4; ++i) {
            const uint64_t bi = b.w[i];
            const uint64_t d = a.w[i] - bi - borrow;
            borrow = (a.w[i] < bi || (a.w[i] - bi) < borrow) ? 1 : 0;
            r.w[i] = d;
        }
        return r;
    }

    // Divides in place by a small divisor, returns the remainder.
    uint64_t divSmall(uint64_t d) {
        U128 rem = 0;
        for (int i = 3; i >= 0; --i) {
            const U128 cur = (rem << 64) | w[size_t(i)];
            w[size_t(i)] = uint64_t(cur / d);
            rem = cur % d;
        }
        return uint64_t(rem);
    }

    // this = this * m + add; returns false if the result needs more than 256 bits.
    bool mulAddSmall(uint64_t m, uint64_t add) {
        uint64_t carry = add;
        for (size_t i = 0; i < 4; ++i) {
            const U128 t = U128(w[i]) * m + carry;
            w[i] = uint64_t(t);
            carry = uint64_t(t >> 64);
        }
        return carry == 0;
    }

    int bitLength() const {
        for (int i = 3; i >= 0; --i) {
            if (w[size_t(i)] != 0)
                return i * 64 + 64 - __builtin_clzll(w[size_t(i)]);
        }
        return 0;
    }
    bool bit(int n) const { return (w[size_t(n / 64)] >> (n % 64)) & 1U; }
    void setBit(int n) { w[size_t(n / 64)] |= uint64_t(1) << (n % 64); }
    void shiftLeft1() {
        for (int i = 3; i > 0; --i)
            w[size_t(i)] = (w[size_t(i)] << 1) | (w[size_t(i - 1)] >> 63);
        w[0] <<= 1;
    }

    // Schoolbook binary long division; callers keep it off hot paths (fast U128 path first).
    static void divMod(const U256& n, const U256& d, U256& q, U256& r) {
        q = U256{};
        r = U256{};
        if (n.fitsU128() && d.fitsU128()) {
            q = from(n.low128() / d.low128());
            r = from(n.low128() % d.low128());
            return;
        }
        for (int i = n.bitLength() - 1; i >= 0; --i) {
            r.shiftLeft1();
            if (n.bit(i))
                r.w[0] |= 1;
            if (compare(r, d) >= 0) {
                r = sub(r, d);
                q.setBit(i);
            }
        }
    }
};

// Whether a truncated magnitude quotient must be bumped by one unit, given what was cut off:
// cmpHalf compares the discarded remainder with half a unit (-1, 0, 1), inexact says it was not zero.
bool shouldIncrement(Rounding mode, bool negative, bool quotientOdd, int cmpHalf, bool inexact) {
    if (!inexact)
        return false;
    switch (mode) {
    case Rounding::Down:
        return false;
    case Rounding::Up:
        return true;
    case Rounding::Floor:
        return negative;
    case Rounding::Ceiling:
        return !negative;
    case Rounding::HalfUp:
        return cmpHalf >= 0;
    case Rounding::HalfDown:
        return cmpHalf > 0;
    case Rounding::HalfEven:
        return cmpHalf > 0 || (cmpHalf == 0 && quotientOdd);
    }
    return false;
}

// magnitude / 10^k rounded (k >= 0).
U128 roundDivPow10(U128 magnitude, int k, bool negative, Rounding mode) {
    if (k <= 0)
        return magnitude;
    if (k > kMaxPow10) // 10^k / 2 exceeds any 128-bit magnitude
        return shouldIncrement(mode, negative, false, -1, magnitude != 0) ? 1 : 0;
    const U128 p = kPow10[size_t(k)];
    const U128 q = magnitude / p;
    const U128 r = magnitude % p;
    const U128 twice = r * 2; // r < 10^38, so 2r < 2^128
    const int cmp = twice < p ? -1 : (twice == p ? 0 : 1);
    return q + (shouldIncrement(mode, negative, q & 1U, cmp, r != 0) ? 1 : 0);
}

// Same for a 256-bit magnitude: divide by 10^(k-1) tracking a sticky "non-zero" bit, then by 10 to see
// the first discarded digit.
U256 roundDivPow10(U256 magnitude, int k, bool negative, Rounding mode) {
    if (k <= 0)
        return magnitude;
    bool sticky = false;
    int remaining = k - 1;
    while (remaining > 0) {
        const int chunk = remaining > 19 ? 19 : remaining;
        sticky |= magnitude.divSmall(uint64_t(kPow10[size_t(chunk)])) != 0;
        remaining -= chunk;
    }
    const uint64_t digit = magnitude.divSmall(10);
    const int cmp = digit > 5 ? 1 : (digit < 5 ? -1 : (sticky ? 1 : 0));
    if (shouldIncrement(mode, negative, magnitude.w[0] & 1U, cmp, digit != 0 || sticky)) {
        U256 one = U256::from(1);
        if (!U256::add(magnitude, one, magnitude))
            overflow("rounding");
    }
    return magnitude;
}

// Strips trailing fraction zeros of a 256-bit magnitude; nullopt if it is still out of range.
std::optional<Decimal> tryNormalised(bool negative, U256 magnitude, int scale) {
    if (magnitude.isZero())
        return Decimal();
    while (scale > 0) {
        U256 t = magnitude;
        if (t.divSmall(10) != 0)
            break;
        magnitude = t;
        --scale;
    }
    if (!magnitude.fitsU128() || magnitude.low128() > kMaxMagnitude || scale > Decimal::kMaxScale)
        return std::nullopt;
    const Int128 m = Int128(magnitude.low128());
    return Decimal::fromMantissa(negative ? -m : m, scale);
}

Decimal makeNormalised(bool negative, const U256& magnitude, int scale, const char* what) {
    const auto d = tryNormalised(negative, magnitude, scale);
    if (!d)
        overflow(what);
    return *d;
}

// Magnitude of `d` expressed at `scale` (>= d.scale()), exact in 256 bits.
U256 alignedMagnitude(const Decimal& d, int scale) {
    return U256::mul(magnitudeOf(d.mantissa()), kPow10[size_t(scale - d.scale())]);
}

std::string magnitudeDigits(U128 magnitude) {
    if (magnitude == 0)
        return "0";
    std::string digits;
    while (magnitude != 0) {
        digits.push_back(char('0' + int(magnitude % 10)));
        magnitude /= 10;
    }
    return std::string(digits.rbegin(), digits.rend());
}

// Shared by parse() and parseRounded(): `round` false fails on excess fraction digits.
std::optional<Decimal> parseImpl(std::string_view text, bool round, Rounding mode) {
    size_t i = 0;
    const size_t n = text.size();
    bool negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    std::string digits; // integer and fraction digits, without leading zeros
    long long fractionDigits = 0;
    bool sawDigit = false;
    for (; i < n && text[i] >= '0' && text[i] <= '9'; ++i) {
        sawDigit = true;
        if (!digits.empty() || text[i] != '0')
            digits.push_back(text[i]);
    }
    if (i < n && text[i] == '.') {
        ++i;
        for (; i < n && text[i] >= '0' && text[i] <= '9'; ++i) {
            sawDigit = true;
            ++fractionDigits;
            if (!digits.empty() || text[i] != '0')
                digits.push_back(text[i]);
        }
    }
    if (!sawDigit)
        return std::nullopt;
    long long exponent = 0;
    if (i < n && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        bool expNegative = false;
        if (i < n && (text[i] == '+' || text[i] == '-')) {
            expNegative = text[i] == '-';
            ++i;
        }
        bool sawExpDigit = false;
        for (; i < n && text[i] >= '0' && text[i] <= '9'; ++i) {
            sawExpDigit = true;
            if (exponent < 1'000'000'000) // saturate: any such exponent is out of range anyway
                exponent = exponent * 10 + (text[i] - '0');
        }
        if (!sawExpDigit)
            return std::nullopt;
        if (expNegative)
            exponent = -exponent;
    }
    if (i != n)
        return std::nullopt;

    // value = digits * 10^-scale; drop trailing zeros first so "1.000...0" never overflows.
    long long scale = fractionDigits - exponent;
    while (!digits.empty() && digits.back() == '0') {
        digits.pop_back();
        --scale;
    }
    if (digits.empty())
        return Decimal();

    // Digits beyond kMaxScale are cut off (and rounded, or rejected).
    long long keep = static_cast<long long>(digits.size());
    int firstDropped = 0;
    bool sticky = false;
    if (scale > Decimal::kMaxScale) {
        if (!round)
            return std::nullopt;
        keep -= scale - Decimal::kMaxScale;
        if (keep >= 0) {
            if (keep < static_cast<long long>(digits.size()))
                firstDropped = digits[size_t(keep)] - '0';
            for (size_t k = size_t(keep) + 1; k < digits.size(); ++k)
                sticky |= digits[k] != '0';
        } else {
            sticky = true; // only zeros before the first significant digit were kept
            keep = 0;
        }
        scale = Decimal::kMaxScale;
    }
    // Kept digits: at most 39 integer digits can fit, plus kMaxScale fraction digits.
    if (keep > kMaxPow10 + 1 + Decimal::kMaxScale)
        return std::nullopt;
    U256 magnitude;
    for (long long k = 0; k < keep; ++k)
        magnitude.mulAddSmall(10, uint64_t(digits[size_t(k)] - '0')); // < 10^57: no overflow
    const int cmp = firstDropped > 5 ? 1 : (firstDropped < 5 ? -1 : (sticky ? 1 : 0));
    if (shouldIncrement(mode, negative, magnitude.w[0] & 1U, cmp, firstDropped != 0 || sticky))
        magnitude.mulAddSmall(1, 1);
    if (scale < 0) {
        if (-scale > kMaxPow10 || !magnitude.fitsU128())
            return std::nullopt;
        magnitude = U256::mul(magnitude.low128(), kPow10[size_t(-scale)]);
        scale = 0;
    }
    return tryNormalised(negative, magnitude, int(scale));
}

} // namespace

Decimal Decimal::fromMantissa(Int128 mantissa, int scale) {
    if (mantissa == 0)
        return Decimal();
    if (mantissa < -kInt128Max)
        overflow("fromMantissa");
    if (scale < 0) {
        if (-scale > kMaxPow10 ||
            __builtin_mul_overflow(mantissa, Int128(kPow10[size_t(-scale)]), &mantissa) ||
            mantissa < -kInt128Max)
            overflow("fromMantissa");
        scale = 0;
    }
    if (mantissa >= std::numeric_limits<long long>::min() &&
        mantissa <= std::numeric_limits<long long>::max()) {
        // Fast path: nearly every price and quantity fits in 64 bits, where % is a single instruction.
        long long small = static_cast<long long>(mantissa);
        while (scale > 0 && small % 10 == 0) {
            small /= 10;
            --scale;
        }
        mantissa = small;
    } else {
        while (scale > 0 && mantissa % 10 == 0) {
            mantissa /= 10;
            --scale;
        }
    }
    if (scale > kMaxScale)
        throw DecimalError("decimal scale " + std::to_string(scale) + " is out of range");
    Decimal d;
    d.m_mantissa = mantissa;
    d.m_scale = scale;
    return d;
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
    return parseImpl(text, false, Rounding::HalfEven);
}

std::optional<Decimal> Decimal::parse(const QString& text) {
    const QByteArray utf8 = text.toUtf8();
    return parseImpl(std::string_view(utf8.constData(), size_t(utf8.size())), false, Rounding::HalfEven);
}

std::optional<Decimal> Decimal::parseRounded(std::string_view text, Rounding mode) {
    return parseImpl(text, true, mode);
}

Decimal Decimal::fromString(std::string_view text) {
    const auto d = parse(text);
    if (!d)
        throw DecimalError("malformed decimal text: \"" + std::string(text) + "\"");
    return *d;
}

std::string Decimal::toStdString() const {
    std::string digits = magnitudeDigits(magnitudeOf(m_mantissa));
    if (m_scale > 0) {
        if (digits.size() <= size_t(m_scale))
            digits.insert(0, size_t(m_scale) + 1 - digits.size(), '0');
        digits.insert(digits.size() - size_t(m_scale), 1, '.');
    }
    if (m_mantissa < 0)
        digits.insert(0, 1, '-');
    return digits;
}

QString Decimal::toString() const {
    return QString::fromStdString(toStdString());
}

QString Decimal::toFixed(int decimals, Rounding mode) const {
    if (decimals < 0)
        decimals = 0;
    const Decimal r = round(decimals < kMaxScale ? decimals : kMaxScale, mode);
    std::string text = r.toStdString();
    if (decimals > 0) {
        if (r.m_scale == 0)
            text.push_back('.');
        text.append(size_t(decimals - r.m_scale), '0');
    }
    return QString::fromStdString(text);
}

double Decimal::toDouble() const {
    // Clinger's fast path: a mantissa below 2^53 and 10^scale (scale <= 22) are both exact doubles, and one
    // IEEE division rounds correctly, so this equals strtod of the text without formatting or parsing it.
    constexpr Int128 kExactLimit = Int128(1) << 53;
    if (m_mantissa > -kExactLimit && m_mantissa < kExactLimit) {
        static constexpr std::array<double, kMaxScale + 1> kExactPow10 = {
            1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8, 1e9,
            1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};
        const double m = double(static_cast<long long>(m_mantissa));
        return m_scale == 0 ? m : m / kExactPow10[size_t(m_scale)];
    }
    // Otherwise "<digits>e-<scale>" (the exact value) goes through from_chars from a stack buffer: correctly
    // rounded like strtod, without allocating or a locale.
    std::array<char, 48> text{}; // sign, at most 39 digits, "e-18"
    char* const end = text.data() + text.size();
    char* p = end;
    *--p = char('0' + m_scale % 10);
    if (m_scale >= 10)
        *--p = char('0' + m_scale / 10);
    *--p = '-';
    *--p = 'e';
    U128 magnitude = magnitudeOf(m_mantissa);
    while (magnitude > std::numeric_limits<uint64_t>::max()) {
        *--p = char('0' + int(magnitude % 10));
        magnitude /= 10;
    }
    for (uint64_t small = uint64_t(magnitude); small != 0; small /= 10)
        *--p = char('0' + int(small % 10));
    if (m_mantissa < 0)
        *--p = '-';
    double value = 0;
    (void)std::from_chars(p, end, value);
    return value;
}

long long Decimal::toInt64(Rounding mode) const {
    const Decimal r = round(0, mode);
    if (r.m_mantissa > Int128(INT64_MAX) || r.m_mantissa < Int128(INT64_MIN))
        overflow("toInt64");
    return static_cast<long long>(r.m_mantissa);
}

Decimal Decimal::operator-() const {
    Decimal d = *this;
    d.m_mantissa = -m_mantissa; // the mantissa range is symmetric
    return d;
}

Decimal Decimal::abs() const {
    return m_mantissa < 0 ? -*this : *this;
}

Decimal Decimal::operator+(const Decimal& o) const {
    const int scale = m_scale > o.m_scale ? m_scale : o.m_scale;
    // Fast path: align in 128 bits.
    Int128 a = m_mantissa;
    Int128 b = o.m_mantissa;
    Int128 sum = 0;
    if (!__builtin_mul_overflow(a, Int128(kPow10[size_t(scale - m_scale)]), &a) &&
        !__builtin_mul_overflow(b, Int128(kPow10[size_t(scale - o.m_scale)]), &b) &&
        !__builtin_add_overflow(a, b, &sum) && sum >= -kInt128Max)
        return fromMantissa(sum, scale);
    // Slow path: an operand only overflows once aligned; the sum may still fit.
    const U256 ma = alignedMagnitude(*this, scale);
    const U256 mb = alignedMagnitude(o, scale);
    const bool na = m_mantissa < 0;
    const bool nb = o.m_mantissa < 0;
    if (na == nb) {
        U256 total;
        if (!U256::add(ma, mb, total))
            overflow("addition");
        return makeNormalised(na, total, scale, "addition");
    }
    const int cmp = U256::compare(ma, mb);
    if (cmp == 0)
        return Decimal();
    return cmp > 0 ? makeNormalised(na, U256::sub(ma, mb), scale, "addition")
                   : makeNormalised(nb, U256::sub(mb, ma), scale, "addition");
}

Decimal Decimal::operator-(const Decimal& o) const {
    return *this + (-o);
}

Decimal Decimal::operator*(const Decimal& o) const {
    const int scale = m_scale + o.m_scale;
    Int128 product = 0;
    if (scale <= kMaxScale && !__builtin_mul_overflow(m_mantissa, o.m_mantissa, &product) &&
        product >= -kInt128Max)
        return fromMantissa(product, scale);
    return multiply(o, kMaxScale, Rounding::HalfEven);
}

Decimal Decimal::multiply(const Decimal& o, int scale, Rounding mode) const {
    const bool negative = (m_mantissa < 0) != (o.m_mantissa < 0);
    U256 product = U256::mul(magnitudeOf(m_mantissa), magnitudeOf(o.m_mantissa));
    const int exact = m_scale + o.m_scale;
    if (scale >= exact)
        return makeNormalised(negative, product, exact, "multiplication");
    product = roundDivPow10(product, exact - scale, negative, mode);
    if (scale >= 0)
        return makeNormalised(negative, product, scale, "multiplication");
    if (!product.fitsU128())
        overflow("multiplication");
    return fromMantissa(signedFrom(negative, product.low128(), "multiplication"), scale);
}

Decimal Decimal::divide(const Decimal& o, int scale, Rounding mode) const {
    if (o.m_mantissa == 0)
        throw DecimalError("division by zero");
    if (scale > kMaxScale)
        scale = kMaxScale; // more digits could not be represented anyway
    if (scale < -kMaxPow10)
        scale = -kMaxPow10;
    const bool negative = (m_mantissa < 0) != (o.m_mantissa < 0);
    // q = round(|a| * 10^(scale + sb - sa) / |b|): scale whichever side keeps the exponent non-negative.
    const int e = scale + o.m_scale - m_scale;
    U256 numerator = U256::from(magnitudeOf(m_mantissa));
    U256 denominator = U256::from(magnitudeOf(o.m_mantissa));
    if (e >= 0)
        numerator = U256::mul(magnitudeOf(m_mantissa), kPow10[size_t(e)]);
    else if (-e <= kMaxPow10)
        denominator = U256::mul(magnitudeOf(o.m_mantissa), kPow10[size_t(-e)]);
    else
        return shouldIncrement(mode, negative, false, -1, m_mantissa != 0)
                   ? fromMantissa(negative ? -1 : 1, scale)
                   : Decimal();
    U256 q;
    U256 r;
    U256::divMod(numerator, denominator, q, r);
    U256 twice;
    if (!U256::add(r, r, twice))
        overflow("division");
    const int c = U256::compare(twice, denominator);
    const int cmp = c < 0 ? -1 : (c == 0 ? 0 : 1);
    if (shouldIncrement(mode, negative, q.w[0] & 1U, cmp, !r.isZero())) {
        if (!U256::add(q, U256::from(1), q))
            overflow("division");
    }
    if (scale >= 0)
        return makeNormalised(negative, q, scale, "division"); // trailing zeros may bring it into range
    if (!q.fitsU128())
        overflow("division");
    return fromMantissa(signedFrom(negative, q.low128(), "division"), scale);
}

Decimal Decimal::round(int scale, Rounding mode) const {
    if (scale >= m_scale)
        return *this;
    const bool negative = m_mantissa < 0;
    const U128 q = roundDivPow10(magnitudeOf(m_mantissa), m_scale - scale, negative, mode);
    if (q == 0)
        return Decimal();
    return fromMantissa(signedFrom(negative, q, "rounding"), scale); // throws if 10^-scale does not fit
}

Decimal Decimal::roundToStep(const Decimal& step, Rounding mode) const {
    if (!step.isPositive())
        throw DecimalError("rounding step must be positive");
    // Work on the remainder at a common scale: the number of steps itself may exceed 128 bits.
    const int scale = m_scale > step.m_scale ? m_scale : step.m_scale;
    const U256 value = alignedMagnitude(*this, scale);
    const U256 unit = alignedMagnitude(step, scale);
    U256 q;
    U256 r;
    U256::divMod(value, unit, q, r);
    if (r.isZero())
        return *this;
    U256 twice;
    U256::add(r, r, twice); // r < unit < 2^247: no carry
    const int c = U256::compare(twice, unit);
    const bool negative = m_mantissa < 0;
    U256 result = U256::sub(value, r);
    if (shouldIncrement(mode, negative, q.w[0] & 1U, c < 0 ? -1 : (c == 0 ? 0 : 1), true))
        U256::add(result, unit, result); // < 2^248: no carry
    return makeNormalised(negative, result, scale, "rounding to step");
}

bool Decimal::isMultipleOf(const Decimal& step) const {
    if (step.isZero())
        return isZero();
    const int scale = m_scale > step.m_scale ? m_scale : step.m_scale;
    U256 q;
    U256 r;
    U256::divMod(alignedMagnitude(*this, scale), alignedMagnitude(step, scale), q, r);
    return r.isZero();
}

std::strong_ordering Decimal::operator<=>(const Decimal& o) const {
    if (m_scale == o.m_scale)
        return m_mantissa <=> o.m_mantissa;
    const int sa = signum();
    const int sb = o.signum();
    if (sa != sb)
        return sa <=> sb;
    const int scale = m_scale > o.m_scale ? m_scale : o.m_scale;
    Int128 a = 0;
    Int128 b = 0;
    if (!__builtin_mul_overflow(m_mantissa, Int128(kPow10[size_t(scale - m_scale)]), &a) &&
        !__builtin_mul_overflow(o.m_mantissa, Int128(kPow10[size_t(scale - o.m_scale)]), &b))
        return a <=> b;
    // Aligning overflows 128 bits: compare exactly in 256.
    const int c = U256::compare(alignedMagnitude(*this, scale), alignedMagnitude(o, scale));
    const int signedCmp = sa < 0 ? -c : c;
    return signedCmp <=> 0;
}

size_t qHash(const Decimal& d, size_t seed) noexcept {
    const auto bits = static_cast<U128>(d.mantissa());
    return qHashMulti(seed, quint64(bits), quint64(bits >> 64), d.scale());
}

} // namespace hoga
