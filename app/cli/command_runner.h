#pragma once

#include "cli_args.h"
#include "cli_error.h"
#include "record_writer.h"

#include <optional>

namespace hoga::cli {

class CliVenue;

// Runs one parsed command against a venue and prints its records. Every request waits on the calling
// thread's event loop for at most the run's timeout; the connector's own thread is never blocked.
class CommandRunner {
public:
    // `journalDatabase`: the order journal that `order create` and `order cancel` go through.
    CommandRunner(CliVenue& venue, RecordWriter& out, QString journalDatabase);

    // The error to report, or nothing when the command succeeded.
    std::optional<CliError> run(const CliArgs& args);

private:
    std::optional<CliError> markets();
    std::optional<CliError> tickers();
    std::optional<CliError> orderBook();
    std::optional<CliError> candles();
    std::optional<CliError> trades();
    std::optional<CliError> balances();
    std::optional<CliError> openOrders();
    std::optional<CliError> createOrder();
    std::optional<CliError> fetchOrder();
    std::optional<CliError> cancelOrder();
    std::optional<CliError> modifyOrder();
    std::optional<CliError> stream();

    // The local pre-check of `order create`: the market's rules, the balances and the book. `reference`:
    // the best opposite price a market order was valued at.
    std::optional<CliError> validateOrder(const OrderRequest& request, QVector<Balance> balances,
                                          std::optional<Decimal>& reference);
    // A NotFound error unless every market in `codes` is listed by the venue.
    std::optional<CliError> requireMarkets(const QStringList& codes);
    QString venueId() const;

    CliVenue& m_venue;
    RecordWriter& m_out;
    QString m_journalDatabase;
    CliArgs m_args;
};

} // namespace hoga::cli
