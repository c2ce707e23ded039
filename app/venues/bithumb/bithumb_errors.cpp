#include "bithumb_errors.h"

#include <QCoreApplication>

namespace hoga::bithumb {

using upbit::ErrorRule;

namespace {

constexpr const char* kCtx = "hoga::BithumbErrors";
constexpr ErrorRule kBithumbRules[] = {
    {"NotAllowIP", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "This computer's IP address is not on the API key's allowlist. Add it on Bithumb's "
                       "website.")},
    {"expired_jwt", ErrorKind::Auth, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "The venue considered the request's token expired. Check that this computer's clock "
                       "is correct.")},
    {"blocked_member_id", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The venue has blocked this account from using the API.")},
    {"bank_account_required", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The venue requires a linked bank account for this request.")},
    {"two_factor_auth_required", ErrorKind::Permission, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "The venue requires two-factor authentication to be set up for this request.")},
    {"cross_trading", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "The order would trade against one of your own resting orders.")},
    {"under_price_limit_bid", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The buy price is outside the market's allowed price range.")},
    {"under_price_limit_ask", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The sell price is outside the market's allowed price range.")},
    {"invalid_price", ErrorKind::InvalidOrder, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "The price is not valid for this market (check the price step at that price).")},
    {"order_not_ready", ErrorKind::Venue, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors",
                       "The venue is still processing the order. Try again in a moment.")},
    {"withdraw_insufficient_balance", ErrorKind::InsufficientFunds, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The balance is too low for this withdrawal.")},
    {"deposit_not_found", ErrorKind::NotFound, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The venue has no such deposit.")},
    {"withdraw_not_found", ErrorKind::NotFound, kCtx,
     QT_TRANSLATE_NOOP("hoga::BithumbErrors", "The venue has no such withdrawal.")},
};

} // namespace

std::span<const ErrorRule> errorRules() {
    return kBithumbRules;
}

} // namespace hoga::bithumb
