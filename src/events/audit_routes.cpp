#include "events/audit_routes.hpp"

#include <boost/json.hpp>

#include "auth/permissions.hpp"
#include "events/event_log.hpp"
#include "http/query.hpp"
#include "http/response.hpp"

namespace cocreate::events {

namespace json = boost::json;

namespace {

json::value nullable_id(const std::optional<int64_t>& v) { return v ? json::value(*v) : json::value(nullptr); }

json::object event_json(const Event& e) {
    json::value actor = nullptr;
    if (e.actor_id) actor = json::object{{"id", *e.actor_id}, {"display_name", e.actor_name}};
    std::error_code ec;
    json::value payload = json::parse(e.payload, ec);
    if (ec || !payload.is_object()) payload = json::object{};
    return {{"id", e.id},
            {"at", e.at},
            {"actor", std::move(actor)},
            {"verb", e.verb},
            {"object_type", e.object_type},
            {"object_id", nullable_id(e.object_id)},
            {"space_id", nullable_id(e.space_id)},
            {"visibility", e.visibility},
            {"payload", std::move(payload)}};
}

http::Response handle_list_events(http::RequestContext& ctx, db::Database& db) {
    if (auto ok = auth::authorize(ctx.principal, auth::Action::kViewAuditTrail); !ok)
        return http::problem(ok.error(), ctx.request_id);
    http::QueryReader q(ctx.request, {"actor_id", "verb", "object_type", "space_id", "since", "until"});
    EventFilter f;
    f.actor_id = q.id("actor_id");
    f.verb = q.string("verb", 100);
    f.object_type = q.string("object_type", 100);
    f.space_id = q.id("space_id");
    f.since = q.time("since");
    f.until = q.time("until");
    const auto page = q.page();
    f.after = page.after;
    f.limit = page.limit;
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    auto rows = db.read([&](soci::session& s) { return list(s, f); });
    json::object out;
    out["next_cursor"] = nullptr;
    if (static_cast<int>(rows.size()) > f.limit) {
        rows.resize(f.limit);
        out["next_cursor"] = http::cursor_for(rows.back().id);
    }
    json::array items;
    for (const auto& e : rows) items.push_back(event_json(e));
    out["items"] = std::move(items);
    return http::json_response(out);
}

}  // namespace

void register_audit_routes(http::Router& router, db::Database& db) {
    router.add("GET", "/api/v1/events", [&db](http::RequestContext& c) { return handle_list_events(c, db); });
}

}  // namespace cocreate::events
