#include "stream_budget.h"

#include <QSet>

namespace hoga {

QStringList chooseStreamedMarkets(const QStringList& listed, const QStringList& wanted, int limit) {
    if (limit <= 0)
        return listed;
    const QSet<QString> known(listed.cbegin(), listed.cend());
    QStringList chosen;
    QSet<QString> taken;
    auto take = [&](const QString& code) {
        if (chosen.size() < limit && known.contains(code) && !taken.contains(code)) {
            chosen << code;
            taken.insert(code);
        }
    };
    for (const QString& code : wanted)
        take(code); // markets the venue does not list (yet) are left out: nothing to subscribe
    for (const QString& code : listed)
        take(code);
    return chosen;
}

} // namespace hoga
