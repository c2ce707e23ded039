#pragma once

#include <QString>

namespace hoga {

struct Market;

// Market search as Korean traders type it: by code, ticker, English or Korean name (case-insensitive), and
// by the initial consonants (초성) of the Korean name, so "ㅂㅌ" finds 비트코인 and "ㅇㄷ" finds 이더리움.

// The initial consonant of a precomposed Hangul syllable (U+AC00..U+D7A3) as the compatibility jamo a
// keyboard types (U+3131..U+314E); any other character comes back unchanged.
QChar hangulInitialConsonant(QChar c);
// Every syllable of `text` replaced by its initial consonant ("비트코인" -> "ㅂㅌㅋㅇ").
QString hangulInitialConsonants(const QString& text);
// True for the compatibility consonants ㄱ..ㅎ (U+3131..U+314E) as typed.
bool isCompatibilityConsonant(QChar c);

// Whether `text` contains `query`, where a typed consonant in the query also matches any syllable starting
// with it ("비ㅌ" matches 비트코인). Case-insensitive; whitespace is ignored on both sides.
bool hangulAwareContains(const QString& text, const QString& query);

// Whether the market matches the search text (code, base, "BASE/QUOTE", English and Korean names).
bool marketMatchesSearch(const Market& market, const QString& query);

} // namespace hoga
