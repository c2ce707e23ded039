#include "decimal_format.h"

namespace hoga {

namespace {

// Inserts the locale's group separator into the integer digits of canonical decimal text.
QString localize(const QString& plain, const QLocale& locale)
{
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

QString formatDecimal(const Decimal& value, int decimals, const QLocale& locale)
{
    return localize(value.toFixed(decimals), locale);
}

QString formatDecimalTrimmed(const Decimal& value, int maxDecimals, int minDecimals, const QLocale& locale)
{
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

QString formatAmount(const Decimal& value, const QString& currency, const QLocale& locale)
{
    if (currency == QLatin1String("KRW"))
        return formatDecimal(value, 0, locale);
    if (currency == QLatin1String("USDT") || currency == QLatin1String("USD"))
        return formatDecimal(value, 2, locale);
    return formatDecimalTrimmed(value, 8, 0, locale);
}

QString formatPercent(const Decimal& fraction, const QLocale& locale)
{
    const Decimal pct = fraction * Decimal(100);
    const QString text = formatDecimal(pct.abs(), 2, locale);
    const QString sign = pct.isPositive() ? locale.positiveSign() : (pct.isNegative() ? locale.negativeSign() : QString());
    return sign + text + locale.percent();
}

} // namespace hoga
