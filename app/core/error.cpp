#include "error.h"

#include <QCoreApplication>

namespace hoga {

QString VenueError::kindName(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Auth:
        return QStringLiteral("auth");
    case ErrorKind::Permission:
        return QStringLiteral("permission");
    case ErrorKind::RateLimit:
        return QStringLiteral("rate_limit");
    case ErrorKind::InsufficientFunds:
        return QStringLiteral("insufficient_funds");
    case ErrorKind::InvalidOrder:
        return QStringLiteral("invalid_order");
    case ErrorKind::NotFound:
        return QStringLiteral("not_found");
    case ErrorKind::Venue:
        return QStringLiteral("venue");
    case ErrorKind::Network:
        return QStringLiteral("network");
    case ErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("venue");
}

QString VenueError::kindTitle(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::Auth:
        return QCoreApplication::translate("hoga::VenueError", "Authentication failed");
    case ErrorKind::Permission:
        return QCoreApplication::translate("hoga::VenueError", "Permission denied");
    case ErrorKind::RateLimit:
        return QCoreApplication::translate("hoga::VenueError", "Too many requests");
    case ErrorKind::InsufficientFunds:
        return QCoreApplication::translate("hoga::VenueError", "Insufficient funds");
    case ErrorKind::InvalidOrder:
        return QCoreApplication::translate("hoga::VenueError", "Invalid order");
    case ErrorKind::NotFound:
        return QCoreApplication::translate("hoga::VenueError", "Not found");
    case ErrorKind::Venue:
        return QCoreApplication::translate("hoga::VenueError", "Venue error");
    case ErrorKind::Network:
        return QCoreApplication::translate("hoga::VenueError", "Network error");
    case ErrorKind::Cancelled:
        return QCoreApplication::translate("hoga::VenueError", "Cancelled");
    }
    return {};
}

QString VenueError::userMessage() const {
    QString advice;
    switch (kind) {
    case ErrorKind::Auth:
        advice = QCoreApplication::translate("hoga::VenueError",
                                             "Check that the API key is valid and has not expired.");
        break;
    case ErrorKind::Permission:
        advice = QCoreApplication::translate(
            "hoga::VenueError", "The key lacks this permission or this IP address is not on its allowlist.");
        break;
    case ErrorKind::RateLimit:
        if (retryAfterMs > 0) {
            // Computed outside the translate() call: Qt 6.4's lupdate loops forever on nested parentheses
            // there.
            const int seconds = static_cast<int>((retryAfterMs + 999) / 1000);
            advice = QCoreApplication::translate("hoga::VenueError", "Try again in %n second(s).", nullptr,
                                                 seconds);
        } else {
            advice = QCoreApplication::translate("hoga::VenueError", "Wait a moment and try again.");
        }
        break;
    case ErrorKind::InsufficientFunds:
        advice = QCoreApplication::translate("hoga::VenueError", "The available balance is too low.");
        break;
    case ErrorKind::Network:
        advice = QCoreApplication::translate("hoga::VenueError", "Check the network connection.");
        break;
    default:
        break;
    }
    QStringList parts{kindTitle(kind) + QLatin1Char('.')};
    if (!detail.isEmpty())
        parts << detail;
    if (!venueMessage.isEmpty() || !venueCode.isEmpty()) {
        const QString code = venueCode.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(venueCode);
        parts << QCoreApplication::translate("hoga::VenueError", "The venue said: %1%2")
                     .arg(venueMessage.isEmpty() ? venueCode : venueMessage,
                          venueMessage.isEmpty() ? QString() : code);
    }
    if (!advice.isEmpty())
        parts << advice;
    return parts.join(QLatin1Char(' '));
}

} // namespace hoga
