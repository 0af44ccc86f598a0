#pragma once
// The `cocreate` command line: serve, migrate, user, demo, backup, restore, version.

namespace cocreate::app {

// Parses argv and runs the chosen command. Returns the process exit code.
int run_cli(int argc, char** argv);

}  // namespace cocreate::app
