// Routes: follow-ups, cadences, expectations, the attention list and capacity.
#include <boost/json.hpp>

#include <charconv>

#include "auth/route_support.hpp"
#include "engagement/engagement_json.hpp"
#include "engagement/route_support.hpp"
#include "engagement/routes.hpp"
#include "http/page.hpp"
#include "stakeholders/stakeholder_input.hpp"

namespace cocreate::engagement {

namespace json = boost::json;
using auth::with_body;
using http::RequestContext;
using http::Response;
using stakeholders::user_param;

namespace {

constexpr core::StringRule kTitle{.min = 1, .max = 200};
constexpr core::StringRule kDetail{.min = 0, .max = 4000, .trim = true, .single_line = false};

// ---- follow-ups ----------------------------------------------------------------------------

FollowUpInput read_follow_up(core::ObjectReader& r, bool creating) {
    FollowUpInput in;
    in.title = creating ? std::optional<std::string>(r.required_string("title", kTitle)) : r.optional_string("title", kTitle);
    if (!creating && in.title && in.title->empty()) r.add_error("title", "must not be empty");
    in.detail = r.optional_string("detail", kDetail);
    in.due_on = optional_date(r, "due_on");
    if (creating && !in.due_on && r.ok()) r.add_error("due_on", "is required");
    in.status = r.optional_enum("status", kFollowUpStatuses);
    in.owner_id = r.optional_int("owner_id", 1, INT64_MAX);
    if (auto e = r.optional_int("effort_minutes", 0, 2400)) in.effort_minutes = static_cast<int>(*e);
    in.stakeholder_id = r.nullable_int("stakeholder_id", 1, INT64_MAX);
    in.interaction_id = r.nullable_int("interaction_id", 1, INT64_MAX);
    return in;
}

Response list_follow_ups(RequestContext& ctx, FollowUpService& svc) {
    http::QueryReader q(ctx.request, {"owner_id", "status", "stakeholder_id", "overdue", "due_before"});
    FollowUpFilter f;
    std::optional<core::Error> problem;
    f.owner_id = user_param(ctx.request, "owner_id", ctx.principal.user_id, problem);
    f.status = q.enumeration("status", kFollowUpStatuses);
    f.stakeholder_id = q.id("stakeholder_id");
    f.overdue_only = q.boolean("overdue").value_or(false);
    f.due_before = date_param(ctx.request, "due_before", problem);
    http::apply_key_page(q.key_page(), f);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    if (problem) return http::problem(*problem, ctx.request_id);
    const auto today = core::format_date(svc.today());
    return http::respond_page(ctx, svc.list(ctx.principal, f),
                              [&](const FollowUp& x, auto sp) { return follow_up_json(x, today, sp); });
}

Response write_follow_up(RequestContext& ctx, FollowUpService& svc, std::optional<int64_t> id) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_follow_up(r, !id);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        const auto today = core::format_date(svc.today());
        auto shape = [&](const FollowUp& f) { return follow_up_json(f, today); };
        if (id) return http::respond(ctx, svc.update(ctx.principal, *id, in), shape);
        return http::respond(ctx, svc.create(ctx.principal, in), shape, 201);
    });
}

// ---- cadences ------------------------------------------------------------------------------

CadenceInput read_cadence(core::ObjectReader& r, bool creating) {
    CadenceInput in;
    if (creating) {
        in.stakeholder_id = r.required_int("stakeholder_id", 1, INT64_MAX);
        in.label = r.required_string("label", {.min = 1, .max = 100});
        in.interval = r.required_enum("interval", kIntervals);
    } else {
        in.label = r.optional_string("label", {.min = 1, .max = 100});
        in.interval = r.optional_enum("interval", kIntervals);
    }
    if (auto e = r.nullable_int("every_days", 1, 365))
        in.every_days = e->has_value() ? std::optional<int>(static_cast<int>(**e)) : std::nullopt;
    in.format = r.optional_enum("format", kInteractionTypes);
    in.starts_on = optional_date(r, "starts_on");
    in.owner_id = r.optional_int("owner_id", 1, INT64_MAX);
    in.paused = r.optional_bool("paused");
    return in;
}

Response list_cadences(RequestContext& ctx, RelationshipService& svc) {
    http::QueryReader q(ctx.request, {"stakeholder_id", "owner_id", "overdue"});
    CadenceFilter f;
    std::optional<core::Error> problem;
    f.stakeholder_id = q.id("stakeholder_id");
    f.owner_id = user_param(ctx.request, "owner_id", ctx.principal.user_id, problem);
    f.overdue_only = q.boolean("overdue").value_or(false);
    http::apply_key_page(q.key_page(), f);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    if (problem) return http::problem(*problem, ctx.request_id);
    const auto today = core::format_date(svc.today());
    return http::respond_page(ctx, svc.cadences(ctx.principal, f),
                              [&](const Cadence& c, auto sp) { return cadence_json(c, today, sp); });
}

Response write_cadence(RequestContext& ctx, RelationshipService& svc, std::optional<int64_t> id) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_cadence(r, !id);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        const auto today = core::format_date(svc.today());
        auto shape = [&](const Cadence& c) { return cadence_json(c, today); };
        if (id) return http::respond(ctx, svc.update_cadence(ctx.principal, *id, in), shape);
        return http::respond(ctx, svc.create_cadence(ctx.principal, in), shape, 201);
    });
}

// ---- expectations --------------------------------------------------------------------------

ExpectationInput read_expectation(core::ObjectReader& r, bool creating) {
    ExpectationInput in;
    if (creating) {
        in.stakeholder_id = r.required_int("stakeholder_id", 1, INT64_MAX);
        in.direction = r.required_enum("direction", kDirections);
        in.description = r.required_string("description", {.min = 1, .max = 2000, .single_line = false});
    } else {
        in.direction = r.optional_enum("direction", kDirections);
        in.description = r.optional_string("description", {.min = 1, .max = 2000, .single_line = false});
    }
    in.due_on = nullable_date(r, "due_on");
    in.status = r.optional_enum("status", kExpectationStatuses);
    in.owner_id = r.nullable_int("owner_id", 1, INT64_MAX);
    return in;
}

Response list_expectations(RequestContext& ctx, RelationshipService& svc) {
    http::QueryReader q(ctx.request, {"stakeholder_id", "status"});
    const auto stakeholder_id = q.id("stakeholder_id");
    const auto status = q.enumeration("status", kExpectationStatuses);
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page(ctx, svc.expectations(ctx.principal, stakeholder_id, status, page.after, page.limit),
                              [](const Expectation& e, auto sp) { return expectation_json(e, sp); });
}

Response write_expectation(RequestContext& ctx, RelationshipService& svc, std::optional<int64_t> id) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_expectation(r, !id);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        auto shape = [](const Expectation& e) { return expectation_json(e); };
        if (id) return http::respond(ctx, svc.update_expectation(ctx.principal, *id, in), shape);
        return http::respond(ctx, svc.create_expectation(ctx.principal, in), shape, 201);
    });
}

// ---- attention and capacity ----------------------------------------------------------------

Response attention(RequestContext& ctx, FollowUpService& svc) {
    http::QueryReader q(ctx.request, {"scope", "quiet_days", "limit"});
    const auto scope = q.enumeration("scope", kScopes).value_or("mine");
    int quiet_days = 30, limit = 20;
    auto number = [&](const char* name, int min, int max, int& out) -> std::optional<core::Error> {
        const auto v = ctx.request.query_param(name);
        if (!v) return std::nullopt;
        int n = 0;
        const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
        if (ec != std::errc{} || p != v->data() + v->size() || n < min || n > max)
            return core::Error::invalid(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
        out = n;
        return std::nullopt;
    };
    if (auto e = number("quiet_days", 1, 365, quiet_days)) return http::problem(*e, ctx.request_id);
    if (auto e = number("limit", 1, 200, limit)) return http::problem(*e, ctx.request_id);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    const auto today = core::format_date(svc.today());
    return http::respond_text(ctx, svc.attention(ctx.principal, scope == "mine", quiet_days, limit),
                              [&](const Attention& a) { return attention_text(a, today); });
}

Response capacity(RequestContext& ctx, RelationshipService& svc) {
    http::QueryReader q(ctx.request, {"team"});
    const auto team = q.string("team", 100);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond(ctx, svc.capacity(ctx.principal, team), [](const Capacity& c) { return capacity_json(c); });
}

Response put_capacity(RequestContext& ctx, RelationshipService& svc) {
    COCREATE_ID_PARAM(user_id, "user_id", "user");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto hours = static_cast<int>(r.required_int("hours_per_week", 0, 60));
        const auto team = r.nullable_string("team", {.min = 0, .max = 100}).value_or(std::nullopt).value_or("");
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, svc.put_capacity(ctx.principal, user_id, hours, team),
                             [](const CapacityPerson& c) { return capacity_person_json(c); });
    });
}

}  // namespace

void register_follow_up_routes(http::Router& router, Services s) {
    auto* f = &s.follow_ups;
    auto* r = &s.relationships;
    router.add("GET", "/api/v1/follow-ups", [f](RequestContext& c) { return list_follow_ups(c, *f); });
    router.add("POST", "/api/v1/follow-ups", [f](RequestContext& c) { return write_follow_up(c, *f, std::nullopt); });
    router.add("GET", "/api/v1/follow-ups/{id}", [f](RequestContext& ctx) {
        COCREATE_ID_PARAM(id, "id", "follow-up");
        const auto today = core::format_date(f->today());
        return http::respond(ctx, f->get(ctx.principal, id), [&](const FollowUp& x) { return follow_up_json(x, today); });
    });
    router.add("PATCH", "/api/v1/follow-ups/{id}", [f](RequestContext& ctx) {
        COCREATE_ID_PARAM(id, "id", "follow-up");
        return write_follow_up(ctx, *f, id);
    });
    router.add("DELETE", "/api/v1/follow-ups/{id}", [f](RequestContext& ctx) {
        COCREATE_ID_PARAM(id, "id", "follow-up");
        return http::respond(ctx, f->remove(ctx.principal, id));
    });
    router.add("GET", "/api/v1/cadences", [r](RequestContext& c) { return list_cadences(c, *r); });
    router.add("POST", "/api/v1/cadences", [r](RequestContext& c) { return write_cadence(c, *r, std::nullopt); });
    router.add("PATCH", "/api/v1/cadences/{id}", [r](RequestContext& ctx) {
        COCREATE_ID_PARAM(id, "id", "cadence");
        return write_cadence(ctx, *r, id);
    });
    router.add("DELETE", "/api/v1/cadences/{id}", [r](RequestContext& ctx) {
        COCREATE_ID_PARAM(id, "id", "cadence");
        return http::respond(ctx, r->delete_cadence(ctx.principal, id));
    });
    router.add("GET", "/api/v1/expectations", [r](RequestContext& c) { return list_expectations(c, *r); });
    router.add("POST", "/api/v1/expectations", [r](RequestContext& c) { return write_expectation(c, *r, std::nullopt); });
    router.add("PATCH", "/api/v1/expectations/{id}", [r](RequestContext& ctx) {
        COCREATE_ID_PARAM(id, "id", "expectation");
        return write_expectation(ctx, *r, id);
    });
    router.add("DELETE", "/api/v1/expectations/{id}", [r](RequestContext& ctx) {
        COCREATE_ID_PARAM(id, "id", "expectation");
        return http::respond(ctx, r->delete_expectation(ctx.principal, id));
    });
    router.add("GET", "/api/v1/engagement/attention", [f](RequestContext& c) { return attention(c, *f); });
    router.add("GET", "/api/v1/capacity", [r](RequestContext& c) { return capacity(c, *r); });
    router.add("PUT", "/api/v1/capacity/{user_id}", [r](RequestContext& c) { return put_capacity(c, *r); });
}

}  // namespace cocreate::engagement
