#pragma once
// For tests only: a fresh, empty database per test. SQLite: in memory. PostgreSQL (when
// COCREATE_TEST_POSTGRESQL names a server): a new schema of its own, so tests running in
// parallel against one server never see each other's tables.

#include <sodium.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "db/database.hpp"

namespace cocreate::db {

// nullptr when `engine` is "postgresql" and no server is configured (the caller skips).
inline std::unique_ptr<Database> open_test_database(const std::string& engine, size_t pool = 2) {
    if (engine == "sqlite") return Database::open("sqlite::memory:", 1);
    const char* url = std::getenv("COCREATE_TEST_POSTGRESQL");
    if (!url || !*url) return nullptr;
    unsigned char raw[6];
    randombytes_buf(raw, sizeof raw);
    char hex[13];
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    const std::string schema = std::string("test_") + hex;
    {
        auto admin = Database::open(url, 1);
        auto lease = admin->lease_writer();
        *lease << "CREATE SCHEMA " + schema;
    }
    return Database::open(std::string(url) + " options='-csearch_path=" + schema + "'", pool);
}

}  // namespace cocreate::db
