#pragma once
// Operator commands that work on the database directly: demo data, backup and restore.

#include <string>

#include "app/app.hpp"

namespace cocreate::app {

inline constexpr const char* kDemoPassword = "demo-cocreate-2026";

// Loads a coherent demo company (internal users, a customer organisation with external
// contacts, spaces). Idempotent: does nothing when the demo administrator exists.
// Returns a human-readable summary with the logins.
std::string load_demo(App& app);

// SQLite: online backup API into `file`. PostgreSQL: pg_dump custom format.
void backup_database(db::Database& db, const std::string& file);
// SQLite: copies `file` over the database through the backup API. PostgreSQL: pg_restore.
void restore_database(db::Database& db, const std::string& file);

}  // namespace cocreate::app
