// hoga-cli-extras: the real hoga-cli (same cliMain()), except that "upbit" keys have the extra fields of
// test::accountSchema() (account number, account type, HTS id), as venues to come will. Lets the end-to-end
// suites drive extra credential fields through the command line before any shipped venue has them.

#include "cli/cli_main.h"
#include "support/test_credential_schema.h"

int main(int argc, char** argv) {
    return hoga::cli::cliMain(argc, argv, hoga::test::schemasWithAccount(QStringLiteral("upbit")));
}
