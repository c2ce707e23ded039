#include "market_search.h"

#include "core/market.h"

namespace hoga {

namespace {

constexpr char16_t kFirstSyllable = 0xAC00;
constexpr char16_t kLastSyllable = 0xD7A3;
constexpr int kSyllablesPerInitial = 21 * 28; // medial vowels x finals (incl. none)

// The 19 initial consonants of the Unicode syllable order, as compatibility jamo.
constexpr char16_t kInitials[19] = {0x3131, 0x3132, 0x3134, 0x3137, 0x3138, 0x3139, 0x3141,
                                    0x3142, 0x3143, 0x3145, 0x3146, 0x3147, 0x3148, 0x3149,
                                    0x314A, 0x314B, 0x314C, 0x314D, 0x314E};

QString normalized(const QString& text) {
    QString out;
    out.reserve(text.size());
    for (QChar c : text)
        if (!c.isSpace())
            out.append(c);
    return out.toCaseFolded();
}

bool charMatches(QChar textChar, QChar queryChar) {
    if (textChar == queryChar)
        return true;
    return isCompatibilityConsonant(queryChar) && hangulInitialConsonant(textChar) == queryChar;
}

} // namespace

QChar hangulInitialConsonant(QChar c) {
    const char16_t u = c.unicode();
    if (u < kFirstSyllable || u > kLastSyllable)
        return c;
    return QChar(kInitials[(u - kFirstSyllable) / kSyllablesPerInitial]);
}

QString hangulInitialConsonants(const QString& text) {
    QString out = text;
    for (QChar& c : out)
        c = hangulInitialConsonant(c);
    return out;
}

bool isCompatibilityConsonant(QChar c) {
    return c.unicode() >= 0x3131 && c.unicode() <= 0x314E;
}

bool hangulAwareContains(const QString& text, const QString& query) {
    const QString t = normalized(text);
    const QString q = normalized(query);
    if (q.isEmpty())
        return true;
    for (qsizetype start = 0; start + q.size() <= t.size(); ++start) {
        qsizetype i = 0;
        while (i < q.size() && charMatches(t[start + i], q[i]))
            ++i;
        if (i == q.size())
            return true;
    }
    return false;
}

bool marketMatchesSearch(const Market& m, const QString& query) {
    if (query.trimmed().isEmpty())
        return true;
    for (const QString& field :
         {m.code, m.base, m.displayName, m.localName, QStringLiteral("%1/%2").arg(m.base, m.quote)}) {
        if (hangulAwareContains(field, query))
            return true;
    }
    return false;
}

} // namespace hoga
