#pragma once

#include "cli_error.h"
#include "core/candle.h"
#include "core/order.h"
#include "venues/connector.h"

#include <QStringList>
#include <QUrl>

#include <optional>
#include <variant>

namespace hoga::cli {

enum class CliCommand {
    Help,
    Markets,
    Ticker,
    OrderBook,
    Candles,
    Trades,
    Balances,
    OpenOrders,
    OrderCreate,
    OrderGet,
    OrderCancel,
    OrderModify,
    Stream,
    // Profile and key management (no venue connection, except keys test).
    ProfileCreate,
    ProfileList,
    ProfileDelete,
    KeysSet,
    KeysList,
    KeysTest,
    KeysRemove,
};

// A parsed, checked hoga-cli command line.
struct CliArgs {
    static constexpr int kDefaultTimeoutMs = 15'000;
    static constexpr int kDefaultCandleCount = 200;
    static constexpr int kDefaultTradeCount = 100;

    CliCommand command = CliCommand::Help;

    // Global options.
    std::optional<QString> profile;
    QString venue; // "upbit", "bithumb", "sim"
    QUrl restUrl;
    QUrl wsUrl;
    QUrl privateWsUrl; // explicit, or derived from wsUrl (see CommandLine::derivedPrivateWsUrl)
    int timeoutMs = kDefaultTimeoutMs;
    QString simStatePath;    // sim only; empty = the default location
    bool verbose = false;    // notices (such as the key store fallback) as JSON lines on stderr
    bool kisVirtual = false; // kis: the virtual (모의투자) server and account
    QString kisAccount;      // kis: CANO-ACNT_PRDT_CD; empty = HOGA_KIS_ACCOUNT or the stored keys' account

    // profile create / delete: the profile's name; profile create: --paper-only.
    QString profileName;
    bool paperOnly = false;

    // Command operands.
    QStringList markets; // ticker/stream: one or more; orderbook/candles/trades/order create: one; orders
                         // open: zero or one
    int depth = 0;       // orderbook/stream orderbook: levels per side, 0 = everything the venue sends
    CandleInterval interval = CandleInterval::M1;
    int count = 0;      // candles/trades (defaults above), stream (required)
    qint64 toMs = 0;    // candles: exclusive end, 0 = now
    qint64 fromMs = 0;  // candles: inclusive start (the first --count from there), 0 = the last --count
    OrderRequest order; // order create (clientId empty = generate one)
    OrderRef ref;       // order get / cancel: exactly one of id and clientId; modify: the id
    OrderModification modification; // order modify: the new price, optionally the shares that move
    StreamChannel channel = TickerChannel;

    QString market() const { return markets.value(0); }
    // Commands that need API keys (on venues that have them).
    bool isPrivate() const;
    // Commands that change the account (order create / cancel).
    bool changesOrders() const;
    // profile ... and keys ... (everything but keys test works without a venue connection).
    bool managesProfiles() const;
};

// Parses hoga-cli's arguments (without the program name):
//
//   hoga-cli [--profile NAME] --venue upbit|bithumb|sim [--rest-url URL] [--ws-url URL]
//            [--private-ws-url URL] [--timeout-ms MS] [--sim-state FILE] [--verbose] COMMAND ...
//   hoga-cli profile create NAME [--paper-only] | profile list | profile delete NAME
//   hoga-cli --profile NAME keys set|test|remove --venue upbit|bithumb | keys list
//
// Secrets are never taken from the arguments: keys come from standard input, passwords from the terminal
// or HOGA_PROFILE_PASSWORD.
//
// Options take their value as the next argument or after '=' ("--count 5", "--count=5") and may appear
// anywhere after the program name. Anything wrong is a usage error naming the problem.
class CommandLine {
public:
    static std::variant<CliArgs, CliError> parse(const QStringList& arguments);
    // The --help text.
    static QString usageText();
    // Where a venue's private stream is when only the public one was given: Upbit <ws>/private; Bithumb's
    // private stream lives at /websocket/v2/private beside /websocket/v1 (otherwise <ws>/private too).
    static QUrl derivedPrivateWsUrl(const QString& venue, const QUrl& wsUrl);
    // "2024-05-01T09:00:00Z", "2024-05-01T18:00:00+09:00" (or +0900), "2024-05-01T09:00:00.250" (no offset:
    // UTC), "2024-05-01" (midnight UTC). Empty for anything else: out-of-range fields (hour 25, February 30),
    // missing parts or anything after the time.
    static std::optional<qint64> parseIsoTimeMs(const QString& text);
    static QStringList venues(); // "upbit", "bithumb", "sim"
};

} // namespace hoga::cli
