#pragma once

#include "core/decimal.h"

#include <QLocale>
#include <QString>

#include <optional>

namespace hoga {

// Locale-aware text for exact decimals: thousands separators and the locale's decimal point, never via
// double. `decimals` fraction digits exactly (rounded half-even).
QString formatDecimal(const Decimal& value, int decimals, const QLocale& locale = QLocale());
// Like formatDecimal but drops trailing fraction zeros (keeps at least `minDecimals`).
QString formatDecimalTrimmed(const Decimal& value, int maxDecimals, int minDecimals = 0,
                             const QLocale& locale = QLocale());
// Amounts in a currency: KRW without decimals, USDT with 2, coins with up to 8 (trimmed).
QString formatAmount(const Decimal& value, const QString& currency, const QLocale& locale = QLocale());
// A signed fraction as a percentage with 2 decimals and an explicit sign: 0.01234 -> "+1.23%".
QString formatPercent(const Decimal& fraction, const QLocale& locale = QLocale());
// Large amounts shortened for dense columns: "1.23B", "456.7M" (Korean: "1,234억", "5.6조"); values below
// a million are shown in full.
QString formatCompact(const Decimal& value, const QLocale& locale = QLocale());
// Reads a number the user typed: accepts the locale's group separators and decimal point (and plain
// "1234.5"), ignores surrounding spaces. nullopt for anything else.
std::optional<Decimal> parseDecimalInput(const QString& text, const QLocale& locale = QLocale());

} // namespace hoga
