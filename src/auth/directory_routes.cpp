// Routes: administration of users and organisations.
#include <boost/json.hpp>

#include "auth/identity_json.hpp"
#include "auth/route_support.hpp"
#include "auth/routes.hpp"
#include "http/query.hpp"

namespace cocreate::auth {

namespace json = boost::json;
using http::RequestContext;
using http::Response;

namespace {

constexpr core::StringRule kPassword{.min = 1, .max = 256, .trim = false, .single_line = false};
constexpr core::StringRule kDomain{.min = 1, .max = 253};

std::optional<Role> role_of(const std::optional<std::string>& s) {
    Role r;
    if (s && parse_role(*s, r)) return r;
    return std::nullopt;
}

Response handle_list_users(RequestContext& ctx, DirectoryService& dir) {
    http::QueryReader q(ctx.request, {"q", "role", "disabled"});
    UserQuery uq{q.string("q"), q.enumeration("role", kRoleNames), q.boolean("disabled")};
    const auto page = q.page();
    uq.after = page.after;
    uq.limit = page.limit;
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page(ctx, dir.list_users(ctx.principal, uq), user_json);
}

Response handle_create_user(RequestContext& ctx, DirectoryService& dir) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        NewUser u;
        u.email = r.required_string("email", kEmailRule);
        u.display_name = r.required_string("display_name", kNameRule);
        u.password = r.required_string("password", kPassword);
        u.role = role_of(r.required_enum("role", kRoleNames)).value_or(Role::kMember);
        u.capabilities = r.optional_enum_array("capabilities", kCapabilities, 4).value_or(std::vector<std::string>{});
        if (auto org = r.nullable_int("organisation_id", 1, INT64_MAX)) u.organisation_id = *org;
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, dir.create_user(ctx.principal, u), user_json, 201);
    });
}

Response handle_get_user(RequestContext& ctx, DirectoryService& dir) {
    COCREATE_ID_PARAM(id, "id", "user");
    return http::respond(ctx, dir.get_user(ctx.principal, id), user_json);
}

Response handle_update_user(RequestContext& ctx, DirectoryService& dir) {
    COCREATE_ID_PARAM(id, "id", "user");
    return with_body(ctx, [&](core::ObjectReader& r) {
        UserChanges c;
        c.display_name = r.optional_string("display_name", kNameRule);
        c.role = role_of(r.optional_enum("role", kRoleNames));
        c.capabilities = r.optional_enum_array("capabilities", kCapabilities, 4);
        c.organisation_id = r.nullable_int("organisation_id", 1, INT64_MAX);
        c.disabled = r.optional_bool("disabled");
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, dir.update_user(ctx.principal, id, c), user_json);
    });
}

Response handle_list_organisations(RequestContext& ctx, DirectoryService& dir) {
    http::QueryReader q(ctx.request, {"q", "kind"});
    const auto text = q.string("q");
    const auto kind = q.enumeration("kind", kOrganisationKinds);
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page(ctx, dir.list_organisations(ctx.principal, text, kind, page.after, page.limit),
                              organisation_json);
}

Response handle_create_organisation(RequestContext& ctx, DirectoryService& dir) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        Organisation o;
        o.name = r.required_string("name", kNameRule);
        o.kind = r.required_enum("kind", kOrganisationKinds);
        if (auto d = r.nullable_string("domain", kDomain)) o.domain = *d;
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, dir.create_organisation(ctx.principal, o), organisation_json, 201);
    });
}

Response handle_get_organisation(RequestContext& ctx, DirectoryService& dir) {
    COCREATE_ID_PARAM(id, "id", "organisation");
    return http::respond(ctx, dir.get_organisation(ctx.principal, id), organisation_json);
}

Response handle_update_organisation(RequestContext& ctx, DirectoryService& dir) {
    COCREATE_ID_PARAM(id, "id", "organisation");
    return with_body(ctx, [&](core::ObjectReader& r) {
        OrganisationChanges c;
        c.name = r.optional_string("name", kNameRule);
        c.kind = r.optional_enum("kind", kOrganisationKinds);
        c.domain = r.nullable_string("domain", kDomain);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, dir.update_organisation(ctx.principal, id, c), organisation_json);
    });
}

}  // namespace

void register_directory_routes(http::Router& router, Services s) {
    auto& d = s.directory;
    router.add("GET", "/api/v1/users", [&d](RequestContext& c) { return handle_list_users(c, d); });
    router.add("POST", "/api/v1/users", [&d](RequestContext& c) { return handle_create_user(c, d); });
    router.add("GET", "/api/v1/users/{id}", [&d](RequestContext& c) { return handle_get_user(c, d); });
    router.add("PATCH", "/api/v1/users/{id}", [&d](RequestContext& c) { return handle_update_user(c, d); });
    router.add("GET", "/api/v1/organisations", [&d](RequestContext& c) { return handle_list_organisations(c, d); });
    router.add("POST", "/api/v1/organisations", [&d](RequestContext& c) { return handle_create_organisation(c, d); });
    router.add("GET", "/api/v1/organisations/{id}", [&d](RequestContext& c) { return handle_get_organisation(c, d); });
    router.add("PATCH", "/api/v1/organisations/{id}", [&d](RequestContext& c) { return handle_update_organisation(c, d); });
}

}  // namespace cocreate::auth
