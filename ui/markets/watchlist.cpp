#include "watchlist.h"

namespace hoga {

Watchlist::Watchlist(QObject* parent)
    : QObject(parent) {}

void Watchlist::setCodes(const QStringList& codes) {
    QStringList clean;
    for (const QString& code : codes)
        if (!code.isEmpty() && !clean.contains(code))
            clean.append(code);
    if (clean == m_codes)
        return;
    m_codes = clean;
    emit changed();
}

void Watchlist::add(const QString& code) {
    if (code.isEmpty() || m_codes.contains(code))
        return;
    m_codes.append(code);
    emit changed();
}

void Watchlist::remove(const QString& code) {
    if (m_codes.removeAll(code) > 0)
        emit changed();
}

void Watchlist::toggle(const QString& code) {
    if (contains(code))
        remove(code);
    else
        add(code);
}

} // namespace hoga
