#include "decimal_format.h"

namespace hoga {

namespace {

// Inserts the locale's group separator into the integer digits of canonical decimal text.
QString localize(const QString& plain, const QLocale& locale) {
    const bool negative = plain.startsWith(QLatin1Char('-'));
    const QString body = negative ? plain.mid(1) : plain;
    const qsizetype dot = body.indexOf(QLatin1Char('.'));
    const QString integer = dot < 0 ? body : body.left(dot);
    const QString fraction = dot < 0 ? QString() : body.mid(dot + 1);

    QString grouped;
    const QString group = locale.groupSeparator();
    for (qsizetype i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0)
            grouped += group;
        grouped += integer.at(i);
    }
    QString out = negative ? locale.negativeSign() + grouped : grouped;
    if (!fraction.isEmpty())
        out += locale.decimalPoint() + fraction;
    return out;
}

} // namespace

QString formatDecimal(const Decimal& value, int decimals, const QLocale& locale) {
    return localize(value.toFixed(decimals), locale);
}

QString formatDecimalTrimmed(const Decimal& value, int maxDecimals, int minDecimals, const QLocale& locale) {
    QString fixed = value.toFixed(maxDecimals);
    if (fixed.contains(QLatin1Char('.'))) {
        const qsizetype dot = fixed.indexOf(QLatin1Char('.'));
        qsizetype end = fixed.size();
        while (end > dot + 1 + minDecimals && fixed.at(end - 1) == QLatin1Char('0'))
            --end;
        if (end == dot + 1)
            end = dot;
        fixed.truncate(end);
    }
    return localize(fixed, locale);
}

QString formatAmount(const Decimal& value, const QString& currency, const QLocale& locale) {
    if (currency == QLatin1String("KRW"))
        return formatDecimal(value, 0, locale);
    if (currency == QLatin1String("USDT") || currency == QLatin1String("USD"))
        return formatDecimal(value, 2, locale);
    return formatDecimalTrimmed(value, 8, 0, locale);
}

QString formatPercent(const Decimal& fraction, const QLocale& locale) {
    const Decimal pct = fraction * Decimal(100);
    const QString text = formatDecimal(pct.abs(), 2, locale);
    const QString sign =
        pct.isPositive() ? locale.positiveSign() : (pct.isNegative() ? locale.negativeSign() : QString());
    return sign + text + locale.percent();
}

QString formatCompact(const Decimal& value, const QLocale& locale) {
    struct Unit {
        Decimal size;
        const char* suffix;
    };
    static const Unit western[] = {{Decimal::fromString("1000000000000"), "T"},
                                   {Decimal::fromString("1000000000"), "B"},
                                   {Decimal::fromString("1000000"), "M"}};
    // Korean groups by 10^4: 조 (10^12), 억 (10^8).
    static const Unit korean[] = {{Decimal::fromString("1000000000000"), "조"},
                                  {Decimal::fromString("100000000"), "억"}};
    const bool isKorean = locale.language() == QLocale::Korean;
    const Decimal magnitude = value.abs();
    auto pick = [&](const auto& units) -> QString {
        for (const Unit& u : units) {
            if (magnitude >= u.size) {
                const Decimal scaled = value.divide(u.size, 4, Rounding::HalfEven);
                const Decimal scaledAbs = scaled.abs();
                const int decimals = scaledAbs >= Decimal(100) ? 0 : (scaledAbs >= Decimal(10) ? 1 : 2);
                return formatDecimal(scaled, decimals, locale) + QString::fromUtf8(u.suffix);
            }
        }
        return {};
    };
    const QString compact = isKorean ? pick(korean) : pick(western);
    return compact.isEmpty() ? formatDecimalTrimmed(value, 2, 0, locale) : compact;
}

std::optional<Decimal> parseDecimalInput(const QString& text, const QLocale& locale) {
    QString s = text.trimmed();
    if (s.isEmpty())
        return std::nullopt;
    const QString group = locale.groupSeparator();
    const QString point = locale.decimalPoint();
    if (!group.isEmpty() && group != point)
        s.remove(group);
    s.remove(QLatin1Char(' '));
    s.remove(QChar(0x00a0)); // no-break space used as a group separator by some locales
    if (point != QLatin1String("."))
        s.replace(point, QLatin1String("."));
    if (s.contains(QLatin1Char('e'), Qt::CaseInsensitive))
        return std::nullopt; // exponents are for machines, not for a trader's ticket
    return Decimal::parse(s);
}

} // namespace hoga
