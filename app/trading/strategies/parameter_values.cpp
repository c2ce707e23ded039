#include "parameter_values.h"

#include <QRegularExpression>

namespace hoga {

std::optional<qint64> durationMsFromText(const QString& text) {
    static const QRegularExpression pattern(QStringLiteral("^([0-9]{1,9})([smhd])$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const qint64 count = match.captured(1).toLongLong();
    if (count <= 0)
        return std::nullopt;
    const QChar unit = match.captured(2).at(0);
    const qint64 unitMs = unit == u's'   ? 1000
                          : unit == u'm' ? 60 * 1000
                          : unit == u'h' ? 60 * 60 * 1000
                                         : 24 * 60 * 60 * 1000;
    return count * unitMs;
}

Decimal ParameterValues::decimal(const QString& key) const {
    return Decimal::parse(m_params.value(key)).value_or(Decimal());
}

int ParameterValues::integer(const QString& key) const {
    return m_params.value(key).toInt();
}

CandleInterval ParameterValues::interval(const QString& key) const {
    return intervalFromName(m_params.value(key)).value_or(CandleInterval::M1);
}

qint64 ParameterValues::durationMs(const QString& key) const {
    return durationMsFromText(m_params.value(key)).value_or(0);
}

VenueError invalidParameters(const QString& reason) {
    return VenueError{ErrorKind::InvalidOrder, {}, {}, reason, 0};
}

} // namespace hoga
