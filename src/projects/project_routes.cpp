// Routes: projects (list, intake, read, edit), migration to another framework version and
// sharing a summary with a space. External participants reach only the shared summaries.
#include "auth/route_support.hpp"
#include "http/page.hpp"
#include "projects/project_input.hpp"
#include "projects/project_json.hpp"
#include "projects/routes.hpp"
#include "stakeholders/stakeholder_input.hpp"

namespace cocreate::projects {

using auth::with_body;
using http::RequestContext;
using http::Response;

namespace {

Response handle_list(RequestContext& ctx, ProjectService& svc) {
    http::QueryReader q(ctx.request, {"q", "status", "phase", "lead_id", "framework_id", "ask_first"});
    project_repository::ProjectFilter f;
    f.q = q.string("q");
    f.status = q.enumeration("status", kStatuses);
    std::optional<core::Error> problem;
    f.phase = q.string("phase", 60);
    if (f.phase && !is_project_key(*f.phase)) problem = core::Error::invalid("phase", "must be a phase key, e.g. validate_problem");
    f.lead_id = stakeholders::user_param(ctx.request, "lead_id", ctx.principal.user_id, problem);
    f.framework_id = q.id("framework_id");
    f.ask_first = q.boolean("ask_first");
    http::apply_key_page(q.key_page(), f);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    if (problem) return http::problem(*problem, ctx.request_id);
    if (!ctx.principal.internal()) {
        // Filters on what the shared summary does not show would leak it, one answer at a time.
        for (const char* internal_only : {"status", "lead_id", "framework_id", "ask_first"})
            if (ctx.request.query_param(internal_only))
                return http::problem(core::Error::invalid(internal_only, "is not a filter of shared projects"),
                                     ctx.request_id);
    }
    if (!ctx.principal.internal())
        return http::respond_page_text(ctx, svc.list_shared(ctx.principal, f),
                                       [](core::JsonWriter& w, const SharedSummary& x) { write_shared_summary(w, x); });
    return http::respond_page_text(ctx, svc.list(ctx.principal, f),
                                   [](core::JsonWriter& w, const Project& x) { write_project(w, x); });
}

Response handle_create(RequestContext& ctx, ProjectService& svc) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_new_project(r);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.create(ctx.principal, in), project_text, 201);
    });
}

Response handle_get(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    if (!ctx.principal.internal()) return http::respond_text(ctx, svc.get_shared(ctx.principal, id), shared_summary_text);
    return http::respond_text(ctx, svc.get(ctx.principal, id), project_text);
}

Response handle_update(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_project_changes(r);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.update(ctx.principal, id, in), project_text);
    });
}

Response handle_migrate(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto version = r.required_int("version", 1, 1'000'000);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.migrate(ctx.principal, id, static_cast<int>(version)), project_text);
    });
}

Response handle_share(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto space = r.required_int("space_id", 1, INT64_MAX);
        const auto summary = r.required_string("summary", kSummaryRule);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.share(ctx.principal, id, space, summary), project_text);
    });
}

Response handle_unshare(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    return http::respond(ctx, svc.unshare(ctx.principal, id));
}

}  // namespace

void register_project_routes(http::Router& router, Services s) {
    auto* svc = &s.projects;
    router.add("GET", "/api/v1/projects", [svc](RequestContext& c) { return handle_list(c, *svc); });
    router.add("POST", "/api/v1/projects", [svc](RequestContext& c) { return handle_create(c, *svc); });
    router.add("GET", "/api/v1/projects/{id}", [svc](RequestContext& c) { return handle_get(c, *svc); });
    router.add("PATCH", "/api/v1/projects/{id}", [svc](RequestContext& c) { return handle_update(c, *svc); });
    router.add("POST", "/api/v1/projects/{id}/migrate", [svc](RequestContext& c) { return handle_migrate(c, *svc); });
    router.add("PUT", "/api/v1/projects/{id}/share", [svc](RequestContext& c) { return handle_share(c, *svc); });
    router.add("DELETE", "/api/v1/projects/{id}/share", [svc](RequestContext& c) { return handle_unshare(c, *svc); });
}

}  // namespace cocreate::projects
