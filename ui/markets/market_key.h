#pragma once

#include <QString>

namespace hoga {

// Where a window runs more than one venue, a market is named by its venue and its code together
// ("upbit:KRW-BTC"): the same code trades on several venues. With one venue the key is the plain code, so
// single-venue settings and watchlists stay as they were.
inline QString marketKey(const QString& venue, const QString& code) {
    return venue.isEmpty() ? code : venue + QLatin1Char(':') + code;
}

// The venue of a key, empty for a plain code.
inline QString venueOfKey(const QString& key) {
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    return colon < 0 ? QString() : key.left(colon);
}

// The venue's own market code of a key.
inline QString codeOfKey(const QString& key) {
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    return colon < 0 ? key : key.mid(colon + 1);
}

} // namespace hoga
