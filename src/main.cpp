// cocreate: one binary. Parse the command line and hand over to app/.
#include <sodium.h>

#include <cstdio>

#include "app/cli.hpp"

int main(int argc, char** argv) {
    if (sodium_init() < 0) {
        std::fputs("cocreate: libsodium failed to initialise\n", stderr);
        return 1;
    }
    return cocreate::app::run_cli(argc, argv);
}
