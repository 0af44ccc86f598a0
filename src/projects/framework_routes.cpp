// Routes: phase frameworks and their versions.
#include "auth/route_support.hpp"
#include "http/page.hpp"
#include "projects/project_input.hpp"
#include "projects/project_json.hpp"
#include "projects/routes.hpp"

namespace cocreate::projects {

using auth::with_body;
using http::RequestContext;
using http::Response;

namespace {

Response handle_list(RequestContext& ctx, FrameworkService& svc) {
    http::QueryReader q(ctx.request, {});
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page_text(ctx, svc.list(ctx.principal, page.after, page.limit),
                                   [](core::JsonWriter& w, const Framework& f) { write_framework(w, f); });
}

Response handle_create(RequestContext& ctx, FrameworkService& svc) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        NewFramework in;
        in.name = r.required_string("name", kTitleRule);
        in.description = r.optional_string("description", auth::kDescriptionRule).value_or("");
        if (const auto* t = r.peek("template"); t && t->is_object()) {
            r.optional_object("template", [&](core::ObjectReader& body) { in.first_version = read_version(body); });
        } else if (t && !t->is_null()) {
            // Not an object: the only word accepted is "default".
            auto word = r.optional_string("template", {.min = 1, .max = 20});
            if (word && *word != "default") r.add_error("template", "must be \"default\" or a version body {phases, kpis}");
        } else {
            r.accept("template");
        }
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(
            ctx, svc.create(ctx.principal, in),
            [](const auto& fv) { return framework_with_version_text(fv.first, fv.second); }, 201);
    });
}

Response handle_get(RequestContext& ctx, FrameworkService& svc) {
    COCREATE_ID_PARAM(id, "id", "framework");
    return http::respond_text(ctx, svc.get(ctx.principal, id),
                              [](const auto& fv) { return framework_with_version_text(fv.first, fv.second); });
}

Response handle_publish(RequestContext& ctx, FrameworkService& svc) {
    COCREATE_ID_PARAM(id, "id", "framework");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto v = read_version(r);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.publish(ctx.principal, id, std::move(v)),
                                  [](const FrameworkVersion& x) { return framework_version_text(x); }, 201);
    });
}

Response handle_version(RequestContext& ctx, FrameworkService& svc) {
    COCREATE_ID_PARAM(id, "id", "framework");
    const auto version = ctx.id_param("version");
    if (!version || *version > 1'000'000)
        return http::problem(core::Error::not_found("no such framework version"), ctx.request_id);
    return http::respond_text(ctx, svc.version(ctx.principal, id, static_cast<int>(*version)),
                              [](const FrameworkVersion& x) { return framework_version_text(x); });
}

}  // namespace

void register_framework_routes(http::Router& router, Services s) {
    auto* svc = &s.frameworks;
    router.add("GET", "/api/v1/frameworks", [svc](RequestContext& c) { return handle_list(c, *svc); });
    router.add("POST", "/api/v1/frameworks", [svc](RequestContext& c) { return handle_create(c, *svc); });
    router.add("GET", "/api/v1/frameworks/{id}", [svc](RequestContext& c) { return handle_get(c, *svc); });
    router.add("POST", "/api/v1/frameworks/{id}/versions", [svc](RequestContext& c) { return handle_publish(c, *svc); });
    router.add("GET", "/api/v1/frameworks/{id}/versions/{version}",
               [svc](RequestContext& c) { return handle_version(c, *svc); });
}

}  // namespace cocreate::projects
