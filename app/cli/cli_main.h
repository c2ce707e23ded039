#pragma once

#include "venues/venue_factory.h"

namespace hoga::cli {

// All of hoga-cli's main(): quiet Qt messages, log masking, the application object, and CliApp on the
// standard streams. `schemas` says which fields a venue's keys have: credentialSchema() in hoga-cli; the
// end-to-end suites build a copy of hoga-cli that adds fields no shipped venue has yet.
int cliMain(int argc, char** argv, CredentialSchemaLookup schemas = credentialSchema);

} // namespace hoga::cli
