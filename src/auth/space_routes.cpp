// Routes: spaces, members and invitations.
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
constexpr core::StringRule kToken{.min = 1, .max = 256};
constexpr std::array<std::string_view, 4> kStatuses = {"pending", "accepted", "revoked", "expired"};

json::object issued_json(const IssuedInvitation& i, const std::string& now) {
    auto j = invitation_json(i.invitation, now);
    j["token"] = i.token;
    j["accept_url"] = "/invite/" + i.token;
    return j;
}

Response handle_list_spaces(RequestContext& ctx, SpaceService& spaces) {
    http::QueryReader q(ctx.request, {"q", "kind", "archived"});
    SpaceQuery sq{q.string("q"), q.enumeration("kind", kSpaceKinds), q.boolean("archived")};
    const auto page = q.page();
    sq.after = page.after;
    sq.limit = page.limit;
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::page_response(spaces.list(ctx.principal, sq), space_json);
}

Response handle_create_space(RequestContext& ctx, SpaceService& spaces) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        Space s;
        s.name = r.required_string("name", kNameRule);
        s.description = r.optional_string("description", kDescriptionRule).value_or("");
        s.kind = r.required_enum("kind", kSpaceKinds);
        s.external_allowed = r.optional_bool("external_allowed").value_or(false);
        s.experimental = r.optional_bool("experimental").value_or(false);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, spaces.create(ctx.principal, s), space_json, 201);
    });
}

Response handle_get_space(RequestContext& ctx, SpaceService& spaces) {
    COCREATE_ID_PARAM(id, "id", "space");
    return http::respond(ctx, spaces.get(ctx.principal, id), space_json);
}

Response handle_update_space(RequestContext& ctx, SpaceService& spaces) {
    COCREATE_ID_PARAM(id, "id", "space");
    return with_body(ctx, [&](core::ObjectReader& r) {
        SpaceChanges c;
        c.name = r.optional_string("name", kNameRule);
        c.description = r.optional_string("description", kDescriptionRule);
        c.external_allowed = r.optional_bool("external_allowed");
        c.experimental = r.optional_bool("experimental");
        c.archived = r.optional_bool("archived");
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, spaces.update(ctx.principal, id, c), space_json);
    });
}

Response handle_list_members(RequestContext& ctx, SpaceService& spaces) {
    COCREATE_ID_PARAM(id, "id", "space");
    http::QueryReader q(ctx.request, {});
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    const bool internal = ctx.principal.internal();
    return http::respond_page(ctx, spaces.members(ctx.principal, id, page.after, page.limit),
                              [&](const Member& m, auto sp) { return member_json(m, internal, sp); });
}

Response handle_put_member(RequestContext& ctx, SpaceService& spaces) {
    COCREATE_ID_PARAM(id, "id", "space");
    COCREATE_ID_PARAM(user_id, "user_id", "user");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto role = r.required_enum("space_role", kSpaceRoles);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, spaces.put_member(ctx.principal, id, user_id, role),
                             [](const Member& m) { return member_json(m, true); });
    });
}

Response handle_remove_member(RequestContext& ctx, SpaceService& spaces) {
    COCREATE_ID_PARAM(id, "id", "space");
    COCREATE_ID_PARAM(user_id, "user_id", "user");
    return http::respond(ctx, spaces.remove_member(ctx.principal, id, user_id));
}

Response list_invitations(RequestContext& ctx, SpaceService& spaces, std::optional<int64_t> space_id) {
    http::QueryReader q(ctx.request, {"status"});
    const auto status = q.enumeration("status", kStatuses);
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    const auto now = spaces.now();
    return http::respond_page(ctx, spaces.invitations(ctx.principal, space_id, status, page.after, page.limit),
                              [&](const Invitation& i, auto sp) { return invitation_json(i, now, sp); });
}

Response handle_list_space_invitations(RequestContext& ctx, SpaceService& spaces) {
    COCREATE_ID_PARAM(id, "id", "space");
    return list_invitations(ctx, spaces, id);
}

Response handle_create_invitation(RequestContext& ctx, SpaceService& spaces) {
    COCREATE_ID_PARAM(id, "id", "space");
    return with_body(ctx, [&](core::ObjectReader& r) {
        NewInvitation inv;
        inv.email = r.required_string("email", kEmailRule);
        if (auto n = r.nullable_string("display_name", kNameRule)) inv.display_name = *n;
        inv.space_role = r.optional_enum("space_role", kSpaceRoles).value_or("member");
        if (auto org = r.nullable_int("organisation_id", 1, INT64_MAX)) inv.organisation_id = *org;
        inv.expires_in_days = static_cast<int>(r.optional_int("expires_in_days", 1, 30).value_or(14));
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        const auto now = spaces.now();
        return http::respond(ctx, spaces.invite(ctx.principal, id, inv),
                             [&](const IssuedInvitation& i) { return issued_json(i, now); }, 201);
    });
}

Response handle_revoke_invitation(RequestContext& ctx, SpaceService& spaces) {
    COCREATE_ID_PARAM(id, "id", "invitation");
    if (auto ok = expect_empty_body(ctx.request); !ok) return http::problem(ok.error(), ctx.request_id);
    const auto now = spaces.now();
    return http::respond(ctx, spaces.revoke_invitation(ctx.principal, id),
                         [&](const Invitation& i) { return invitation_json(i, now); });
}

Response handle_resend_invitation(RequestContext& ctx, SpaceService& spaces) {
    COCREATE_ID_PARAM(id, "id", "invitation");
    if (auto ok = expect_empty_body(ctx.request); !ok) return http::problem(ok.error(), ctx.request_id);
    const auto now = spaces.now();
    return http::respond(ctx, spaces.resend_invitation(ctx.principal, id),
                         [&](const IssuedInvitation& i) { return issued_json(i, now); });
}

Response handle_lookup_invitation(RequestContext& ctx, SpaceService& spaces) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto token = r.required_string("token", kToken);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, spaces.lookup(token, client_of(ctx.request)), [](const Invitation& i) {
            json::object j{{"email", i.email}, {"space_name", i.space_name}, {"expires_at", i.expires_at}};
            j["display_name"] = i.display_name ? json::value(*i.display_name) : json::value(nullptr);
            return j;
        });
    });
}

Response handle_accept_invitation(RequestContext& ctx, SpaceService& spaces) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto token = r.required_string("token", kToken);
        const auto name = r.required_string("display_name", kNameRule);
        const auto password = r.required_string("password", kPassword);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        auto accepted = spaces.accept(token, name, password, client_of(ctx.request));
        if (!accepted) return http::problem(accepted.error(), ctx.request_id);
        ctx.new_session_cookie = accepted->signed_in.session_token;
        return http::json_response(
            json::object{{"user", user_json(accepted->signed_in.user)}, {"space_id", accepted->space_id}}, 201);
    });
}

}  // namespace

void register_space_routes(http::Router& router, Services s) {
    auto& sp = s.spaces;
    const http::RouteOptions open{.access = http::Access::kPublic};
    router.add("GET", "/api/v1/spaces", [&sp](RequestContext& c) { return handle_list_spaces(c, sp); });
    router.add("POST", "/api/v1/spaces", [&sp](RequestContext& c) { return handle_create_space(c, sp); });
    router.add("GET", "/api/v1/spaces/{id}", [&sp](RequestContext& c) { return handle_get_space(c, sp); });
    router.add("PATCH", "/api/v1/spaces/{id}", [&sp](RequestContext& c) { return handle_update_space(c, sp); });
    router.add("GET", "/api/v1/spaces/{id}/members", [&sp](RequestContext& c) { return handle_list_members(c, sp); });
    router.add("PUT", "/api/v1/spaces/{id}/members/{user_id}", [&sp](RequestContext& c) { return handle_put_member(c, sp); });
    router.add("DELETE", "/api/v1/spaces/{id}/members/{user_id}", [&sp](RequestContext& c) { return handle_remove_member(c, sp); });
    router.add("GET", "/api/v1/spaces/{id}/invitations", [&sp](RequestContext& c) { return handle_list_space_invitations(c, sp); });
    router.add("POST", "/api/v1/spaces/{id}/invitations", [&sp](RequestContext& c) { return handle_create_invitation(c, sp); });
    router.add("GET", "/api/v1/invitations", [&sp](RequestContext& c) { return list_invitations(c, sp, std::nullopt); });
    router.add("POST", "/api/v1/invitations/{id}/revoke", [&sp](RequestContext& c) { return handle_revoke_invitation(c, sp); });
    router.add("POST", "/api/v1/invitations/{id}/resend", [&sp](RequestContext& c) { return handle_resend_invitation(c, sp); });
    router.add("POST", "/api/v1/invitations/lookup", [&sp](RequestContext& c) { return handle_lookup_invitation(c, sp); }, open);
    router.add("POST", "/api/v1/invitations/accept", [&sp](RequestContext& c) { return handle_accept_invitation(c, sp); }, open);
}

}  // namespace cocreate::auth
