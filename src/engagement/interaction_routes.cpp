// Routes: interactions and the stakeholder timeline.
#include <boost/json.hpp>

#include "auth/route_support.hpp"
#include "engagement/engagement_json.hpp"
#include "engagement/routes.hpp"
#include "http/page.hpp"
#include "stakeholders/stakeholder_input.hpp"
#include "stakeholders/stakeholder_json.hpp"

namespace cocreate::engagement {

namespace json = boost::json;
using auth::with_body;
using http::RequestContext;
using http::Response;

namespace {

constexpr core::StringRule kTitle{.min = 1, .max = 200};
constexpr core::StringRule kMarkdown{.min = 0, .max = 20000, .trim = false, .single_line = false};
constexpr core::StringRule kOutcome{.min = 0, .max = 2000, .trim = true, .single_line = false};

InteractionInput read_interaction(core::ObjectReader& r, bool creating) {
    InteractionInput in;
    if (creating) {
        in.title = r.required_string("title", kTitle);
        in.type = r.required_enum("type", kInteractionTypes);
    } else {
        in.title = r.optional_string("title", kTitle);
        if (in.title && in.title->empty()) r.add_error("title", "must not be empty");
        in.type = r.optional_enum("type", kInteractionTypes);
    }
    in.mode = r.optional_enum("mode", kModes);
    in.status = r.optional_enum("status", kInteractionStatuses);
    auto at = creating ? std::optional<std::string>(r.required_string("occurred_at", {.min = 1, .max = 40}))
                       : r.optional_string("occurred_at", {.min = 1, .max = 40});
    if (at && !at->empty()) {
        if (auto t = core::parse_time(*at)) in.occurred_at = core::format_time(*t);
        else r.add_error("occurred_at", "must be an RFC 3339 time, e.g. 2026-01-31T09:00:00Z");
    }
    if (auto d = r.optional_int("duration_minutes", 0, 1440)) in.duration_minutes = static_cast<int>(*d);
    in.summary = r.optional_string("summary", kMarkdown);
    in.outcome = r.optional_string("outcome", kOutcome);
    in.participant_ids = r.optional_id_array("participant_ids", 20);
    std::vector<InteractionStakeholder> parties;
    const bool given = r.optional_objects("stakeholders", 50, [&](core::ObjectReader& item, size_t) {
        InteractionStakeholder st;
        st.stakeholder_id = item.required_int("stakeholder_id", 1, INT64_MAX);
        st.interest = item.nullable_enum("interest", kInterests).value_or(std::nullopt);
        st.interest_topic = item.nullable_string("interest_topic", {.min = 0, .max = 200}).value_or(std::nullopt).value_or("");
        if (auto v = item.nullable_int("valence", -2, 2)) st.valence = v->has_value() ? std::optional<int>(static_cast<int>(**v)) : std::nullopt;
        if (auto v = item.nullable_int("intensity", 0, 3)) st.intensity = v->has_value() ? std::optional<int>(static_cast<int>(**v)) : std::nullopt;
        if (st.valence.has_value() != st.intensity.has_value())
            item.add_error(st.valence ? "intensity" : "valence", "is required with " + std::string(st.valence ? "valence" : "intensity"));
        for (const auto& other : parties)
            if (other.stakeholder_id == st.stakeholder_id) item.add_error("stakeholder_id", "appears more than once");
        parties.push_back(std::move(st));
    });
    if (given) {
        if (parties.empty()) r.add_error("stakeholders", "must name at least one stakeholder");
        in.stakeholders = std::move(parties);
    } else if (creating) {
        r.add_error("stakeholders", "is required");
    }
    return in;
}

Response handle_list(RequestContext& ctx, InteractionService& svc) {
    http::QueryReader q(ctx.request, {"stakeholder_id", "participant_id", "type", "status", "from", "to"});
    InteractionFilter f;
    f.stakeholder_id = q.id("stakeholder_id");
    std::optional<core::Error> problem;
    f.participant_id = stakeholders::user_param(ctx.request, "participant_id", ctx.principal.user_id, problem);
    f.type = q.enumeration("type", kInteractionTypes);
    f.status = q.enumeration("status", kInteractionStatuses);
    f.from = q.time("from");
    f.to = q.time("to");
    http::apply_key_page(q.key_page(), f);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    if (problem) return http::problem(*problem, ctx.request_id);
    return http::respond_page(ctx, svc.list(ctx.principal, f),
                              [](const Interaction& x, auto sp) { return interaction_json(x, sp); });
}

Response handle_create(RequestContext& ctx, InteractionService& svc) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_interaction(r, true);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, svc.create(ctx.principal, in), [](const Interaction& x) { return interaction_json(x); },
                             201);
    });
}

Response handle_get(RequestContext& ctx, InteractionService& svc) {
    COCREATE_ID_PARAM(id, "id", "interaction");
    return http::respond(ctx, svc.get(ctx.principal, id), [](const Interaction& x) { return interaction_json(x); });
}

Response handle_update(RequestContext& ctx, InteractionService& svc) {
    COCREATE_ID_PARAM(id, "id", "interaction");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_interaction(r, false);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, svc.update(ctx.principal, id, in), [](const Interaction& x) { return interaction_json(x); });
    });
}

Response handle_delete(RequestContext& ctx, InteractionService& svc) {
    COCREATE_ID_PARAM(id, "id", "interaction");
    return http::respond(ctx, svc.remove(ctx.principal, id));
}

// The timeline cursor's key is "<time>|<rank>".
std::optional<stakeholders::TimelineCursor> timeline_cursor(const http::KeyCursor& k) {
    const auto bar = k.key.rfind('|');
    if (bar == std::string::npos || bar + 2 != k.key.size()) return std::nullopt;
    const char rank = k.key.back();
    if (rank < '0' || rank > '9' || !core::parse_time(k.key.substr(0, bar))) return std::nullopt;
    return stakeholders::TimelineCursor{k.key.substr(0, bar), rank - '0', k.id};
}

Response handle_timeline(RequestContext& ctx, InteractionService& svc) {
    COCREATE_ID_PARAM(id, "id", "stakeholder");
    http::QueryReader q(ctx.request, {});
    const auto page = q.key_page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    std::optional<stakeholders::TimelineCursor> before;
    if (page.after) {
        before = timeline_cursor(*page.after);
        if (!before)
            return http::problem(core::Error::invalid("after", "is not a cursor this server gave out"), ctx.request_id);
    }
    return http::respond_page_text(ctx, svc.timeline(ctx.principal, id, before, page.limit),
                                   [](core::JsonWriter& w, const stakeholders::TimelineEntry& e) {
                                       stakeholders::write_timeline_entry(w, e);
                                   });
}

}  // namespace

void register_interaction_routes(http::Router& router, Services s) {
    auto* svc = &s.interactions;
    router.add("GET", "/api/v1/interactions", [svc](RequestContext& c) { return handle_list(c, *svc); });
    router.add("POST", "/api/v1/interactions", [svc](RequestContext& c) { return handle_create(c, *svc); });
    router.add("GET", "/api/v1/interactions/{id}", [svc](RequestContext& c) { return handle_get(c, *svc); });
    router.add("PATCH", "/api/v1/interactions/{id}", [svc](RequestContext& c) { return handle_update(c, *svc); });
    router.add("DELETE", "/api/v1/interactions/{id}", [svc](RequestContext& c) { return handle_delete(c, *svc); });
    router.add("GET", "/api/v1/stakeholders/{id}/timeline", [svc](RequestContext& c) { return handle_timeline(c, *svc); });
}

}  // namespace cocreate::engagement
