#pragma once
// Numbered, forward-only schema migrations. Each file NNNN_name.sql is applied in its own
// transaction and recorded in schema_migrations. A database newer than the binary is refused.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/embedded_file.hpp"
#include "db/database.hpp"

namespace cocreate::db {

struct Migration {
    int version = 0;
    std::string name;
    std::string_view sql;
};

struct MigrationStatus {
    int current = 0;  // highest applied version (0 for an empty database)
    int latest = 0;   // highest version this binary knows
};

// The migrations embedded in the binary for `engine`, ordered by version.
std::vector<Migration> embedded_migrations(Engine engine);
// The migrations among `files` under folder `dir` ("sqlite" or "postgres"), ordered by version.
std::vector<Migration> migrations_from(std::span<const core::EmbeddedFile> files, std::string_view dir);

// Splits a migration script into statements at top-level semicolons (outside quotes and
// comments). Migrations must not use triggers or dollar-quoted bodies.
std::vector<std::string> split_statements(std::string_view script);

class Migrator {
public:
    Migrator(Database& db, std::vector<Migration> migrations);
    MigrationStatus status();
    // Applies every migration above the current version, up to `to` (0 = latest).
    // Returns the versions applied. Throws std::runtime_error when the database is newer
    // than this binary or `to` is below the current version.
    std::vector<int> migrate(int to = 0);

private:
    void ensure_table();
    Database& db_;
    std::vector<Migration> migrations_;
};

}  // namespace cocreate::db
