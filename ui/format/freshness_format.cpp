#include "freshness_format.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace hoga {

QString formatElapsed(qint64 ms) {
    const qint64 seconds = std::max<qint64>(0, ms) / 1000;
    const QLocale locale;
    if (seconds < 120)
        return QCoreApplication::translate("hoga::FreshnessFormat", "%1 s").arg(locale.toString(seconds));
    if (seconds < 2 * 3600)
        return QCoreApplication::translate("hoga::FreshnessFormat", "%1 min")
            .arg(locale.toString(seconds / 60));
    if (seconds < 2 * 86400)
        return QCoreApplication::translate("hoga::FreshnessFormat", "%1 h")
            .arg(locale.toString(seconds / 3600));
    return QCoreApplication::translate("hoga::FreshnessFormat", "%1 d").arg(locale.toString(seconds / 86400));
}

QString staleText(qint64 lastMs, qint64 nowMs) {
    if (lastMs <= 0)
        return QCoreApplication::translate("hoga::FreshnessFormat", "Stale · no update yet");
    return QCoreApplication::translate("hoga::FreshnessFormat", "Stale · last update %1 ago")
        .arg(formatElapsed(nowMs - lastMs));
}

} // namespace hoga
