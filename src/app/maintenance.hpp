#pragma once
// Operator commands that work on the database directly: demo data, backup and restore.

#include <filesystem>
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

// Uploaded files (idea attachments) are stored by SHA-256 and never change, so copying the
// files `to` lacks is a complete copy: the backup puts them in FILE.attachments next to the
// database copy, the restore puts them back. Files half-written by an upload (".tmp-…") are
// left out; new folders and files are private (0700, 0600). Returns how many were copied.
size_t copy_attachment_files(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace cocreate::app
