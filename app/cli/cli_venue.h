#pragma once

#include "cli_error.h"
#include "venues/connector.h"
#include "venues/connector_host.h"

#include <memory>
#include <optional>
#include <variant>

namespace hoga::cli {

struct CliArgs;
class CredentialSource;

// The venue one run talks to: a connector running in its own thread (ConnectorHost).
class CliVenue {
public:
    virtual ~CliVenue() = default;
    virtual Connector* connector() const = 0;
    // Why the account's last change may not have been kept (the simulated venue's journal failed), if so.
    virtual std::optional<VenueError> accountProblem() const { return std::nullopt; }
};

// A connector that needs nothing else (Upbit, Bithumb, test doubles).
class HostedVenue final : public CliVenue {
public:
    explicit HostedVenue(std::unique_ptr<Connector> connector);
    Connector* connector() const override { return m_host.connector(); }

private:
    ConnectorHost m_host;
};

// Opens the venue named in `args` with keys from `credentials` ("sim": a SimVenue replaying its journal).
std::variant<std::unique_ptr<CliVenue>, CliError> openVenue(const CliArgs& args,
                                                            CredentialSource& credentials);

} // namespace hoga::cli
