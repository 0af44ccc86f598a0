#pragma once
#include "http/router.hpp"
#include "db/database.hpp"

namespace cocreate::events {

// GET /api/v1/events: the audit trail, for administrators.
void register_audit_routes(http::Router& router, db::Database& db);

}  // namespace cocreate::events
