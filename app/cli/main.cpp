// hoga-cli: Hoga's headless command line for scripts and servers (see CommandLine::usageText()).

#include "cli/cli_main.h"

int main(int argc, char** argv) {
    return hoga::cli::cliMain(argc, argv);
}
