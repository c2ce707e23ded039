#pragma once

#include <QMetaType>
#include <QString>

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace hoga {

// 128-bit signed integer; __extension__ keeps -Wpedantic quiet about the GCC/Clang builtin type.
__extension__ typedef __int128 Int128;

// Thrown when a result does not fit (never wraps silently) or on division by zero.
class DecimalError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Rounding {
    Down,     // toward zero (truncate)
    Up,       // away from zero
    Floor,    // toward negative infinity
    Ceiling,  // toward positive infinity
    HalfUp,   // nearest, ties away from zero
    HalfDown, // nearest, ties toward zero
    HalfEven, // nearest, ties to the even neighbour (banker's)
};

// An exact decimal number: value = mantissa / 10^scale, with a 128-bit mantissa and 0 <= scale <= kMaxScale.
// Used for every price, quantity, amount, fee and PnL. Values are kept normalised (no trailing zeros in the
// fraction), so equal values have equal representations and canonical text.
class Decimal {
public:
    static constexpr int kMaxScale = 18;

    constexpr Decimal() = default;
    Decimal(int value) : m_mantissa(value) {}                    // NOLINT: implicit on purpose
    Decimal(long long value) : m_mantissa(value) {}              // NOLINT
    Decimal(long value) : m_mantissa(value) {}                   // NOLINT
    Decimal(unsigned value) : m_mantissa(value) {}               // NOLINT
    Decimal(unsigned long long value) : m_mantissa(value) {}     // NOLINT
    Decimal(unsigned long value) : m_mantissa(value) {}          // NOLINT
    static Decimal fromMantissa(Int128 mantissa, int scale); // normalises; throws if scale out of range

    // Parses plain ("-12.5", "0.00000001", "+3", ".5", "5.") and exponent ("1.2e-5", "9.101E-05") text as
    // sent by venues or found in JSON number tokens. Surrounding whitespace is not accepted. Returns
    // nullopt for malformed text or when the value needs more than kMaxScale fraction digits or 128 bits.
    static std::optional<Decimal> parse(std::string_view text);
    static std::optional<Decimal> parse(const QString& text);
    // Like parse() but rounds extra fraction digits instead of failing.
    static std::optional<Decimal> parseRounded(std::string_view text, Rounding mode = Rounding::HalfEven);
    // For literals in code and tests: throws DecimalError on malformed text.
    static Decimal fromString(std::string_view text);

    Int128 mantissa() const { return m_mantissa; }
    int scale() const { return m_scale; }
    bool isZero() const { return m_mantissa == 0; }
    bool isNegative() const { return m_mantissa < 0; }
    bool isPositive() const { return m_mantissa > 0; }
    int signum() const { return m_mantissa > 0 ? 1 : (m_mantissa < 0 ? -1 : 0); }

    // Canonical text: no exponent, no trailing fraction zeros, no "+", "-0" never appears ("45000000", "0.5").
    QString toString() const;
    std::string toStdString() const;
    // Exactly `decimals` fraction digits, rounded with `mode` (for display and for venues wanting fixed text).
    QString toFixed(int decimals, Rounding mode = Rounding::HalfEven) const;
    // For plotting and sorting keys only; never feed the result back into a money computation.
    double toDouble() const;
    // Integer part after rounding; throws if it does not fit in 64 bits.
    long long toInt64(Rounding mode = Rounding::Down) const;

    Decimal operator-() const;
    Decimal abs() const;

    Decimal operator+(const Decimal& o) const;
    Decimal operator-(const Decimal& o) const;
    // Exact product; if it needs more than kMaxScale fraction digits it is rounded HalfEven to kMaxScale.
    Decimal operator*(const Decimal& o) const;
    Decimal& operator+=(const Decimal& o) { return *this = *this + o; }
    Decimal& operator-=(const Decimal& o) { return *this = *this - o; }
    Decimal& operator*=(const Decimal& o) { return *this = *this * o; }

    // Product rounded to `scale` fraction digits.
    Decimal multiply(const Decimal& o, int scale, Rounding mode) const;
    // Quotient rounded to `scale` fraction digits. Throws DecimalError on division by zero.
    Decimal divide(const Decimal& o, int scale, Rounding mode) const;

    // Rounded to `scale` fraction digits (scale may be 0; negative scales round to tens, hundreds, ...).
    Decimal round(int scale, Rounding mode) const;
    // Rounded to a multiple of `step` (a price tick or quantity step, > 0).
    Decimal roundToStep(const Decimal& step, Rounding mode) const;
    bool isMultipleOf(const Decimal& step) const;

    std::strong_ordering operator<=>(const Decimal& o) const;
    bool operator==(const Decimal& o) const { return m_mantissa == o.m_mantissa && m_scale == o.m_scale; }

    static Decimal min(const Decimal& a, const Decimal& b) { return a < b ? a : b; }
    static Decimal max(const Decimal& a, const Decimal& b) { return a < b ? b : a; }

private:
    Int128 m_mantissa = 0;
    int m_scale = 0;
};

size_t qHash(const Decimal& d, size_t seed = 0) noexcept;

} // namespace hoga

Q_DECLARE_METATYPE(hoga::Decimal)
