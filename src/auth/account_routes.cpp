// Routes: first-run setup, sign-in/out, and the signed-in person's own account.
#include <boost/json.hpp>

#include "auth/identity_json.hpp"
#include "auth/permissions.hpp"
#include "auth/route_support.hpp"
#include "auth/routes.hpp"
#include "core/json_input.hpp"
#include "http/query.hpp"
#include "http/response.hpp"

namespace cocreate::auth {

namespace json = boost::json;
using http::Access;
using http::RequestContext;
using http::Response;

core::Status expect_empty_body(const http::Request& req) {
    if (req.body.empty()) return {};
    auto obj = core::parse_json_object(req.body);
    if (!obj) return core::fail(obj.error());
    core::ObjectReader r(*obj);
    return r.finish();
}

ClientInfo client_of(const http::Request& req) { return {req.client_ip, std::string(req.header("user-agent"))}; }

namespace {

constexpr core::StringRule kName = kNameRule;
constexpr core::StringRule kEmail = kEmailRule;
constexpr core::StringRule kPassword{.min = 1, .max = 256, .trim = false, .single_line = false};

Response signed_in_response(RequestContext& ctx, const SignedIn& s, int status) {
    ctx.new_session_cookie = s.session_token;
    return http::json_response(json::object{{"user", user_json(s.user)}}, status);
}

Response handle_get_setup(RequestContext&, AccountService& accounts) {
    return http::json_response(json::object{{"needed", accounts.setup_needed()}});
}

Response handle_post_setup(RequestContext& ctx, AccountService& accounts) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        NewUser u;
        u.email = r.required_string("email", kEmail);
        u.display_name = r.required_string("display_name", kName);
        u.password = r.required_string("password", kPassword);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        auto result = accounts.setup(u, client_of(ctx.request));
        if (!result) return http::problem(result.error(), ctx.request_id);
        return signed_in_response(ctx, *result, 201);
    });
}

Response handle_sign_in(RequestContext& ctx, AccountService& accounts) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto email = r.required_string("email", {.min = 1, .max = 254});
        const auto password = r.required_string("password", kPassword);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        auto result = accounts.sign_in(email, password, client_of(ctx.request));
        if (!result) return http::problem(result.error(), ctx.request_id);
        return signed_in_response(ctx, *result, 200);
    });
}

Response handle_sign_out(RequestContext& ctx, AccountService& accounts) {
    if (auto ok = expect_empty_body(ctx.request); !ok) return http::problem(ok.error(), ctx.request_id);
    accounts.sign_out(ctx.principal);
    ctx.clear_session_cookie = true;
    return http::no_content();
}

Response handle_get_me(RequestContext& ctx, AccountService& accounts, SpaceService& spaces) {
    auto me = accounts.me(ctx.principal);
    if (!me) return http::problem(me.error(), ctx.request_id);
    auto mine = spaces.memberships(ctx.principal, http::kMaxPageSize);
    json::array list;
    for (const auto& s : mine.items) list.push_back(space_json(s));
    return http::json_response(json::object{{"user", user_json(*me)}, {"spaces", std::move(list)}});
}

Response handle_patch_me(RequestContext& ctx, AccountService& accounts) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto name = r.required_string("display_name", kName);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, accounts.update_display_name(ctx.principal, name),
                             [](const User& u) { return json::object{{"user", user_json(u)}}; });
    });
}

Response handle_change_password(RequestContext& ctx, AccountService& accounts) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto current = r.required_string("current_password", kPassword);
        const auto next = r.required_string("new_password", kPassword);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, accounts.change_password(ctx.principal, current, next));
    });
}

Response handle_list_sessions(RequestContext& ctx, AccountService& accounts) {
    http::QueryReader q(ctx.request, {});
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    const auto current = ctx.principal.session_id;
    return http::page_response(accounts.sessions(ctx.principal, page.after, page.limit),
                               [&](const Session& s, auto sp) { return session_json(s, current, sp); });
}

Response handle_revoke_session(RequestContext& ctx, AccountService& accounts) {
    const auto id = ctx.id_param("id");
    if (!id) return http::problem(core::Error::not_found("no such session"), ctx.request_id);
    return http::respond(ctx, accounts.revoke_session(ctx.principal, *id));
}

Response handle_list_tokens(RequestContext& ctx, AccountService& accounts) {
    if (auto ok = authorize(ctx.principal, Action::kManageOwnTokens); !ok) return http::problem(ok.error(), ctx.request_id);
    http::QueryReader q(ctx.request, {});
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::page_response(accounts.tokens(ctx.principal, page.after, page.limit), token_json);
}

Response handle_create_token(RequestContext& ctx, AccountService& accounts) {
    if (auto ok = authorize(ctx.principal, Action::kManageOwnTokens); !ok) return http::problem(ok.error(), ctx.request_id);
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto name = r.required_string("name", kName);
        auto scopes = r.optional_enum_array("scopes", kTokenScopes, 2);
        const auto days = r.optional_int("expires_in_days", 1, 365);
        if (!scopes && r.ok()) r.add_error("scopes", "is required");
        else if (scopes && scopes->empty()) r.add_error("scopes", "must name at least one scope");
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        auto created = accounts.create_token(ctx.principal, name, *scopes,
                                             days ? std::optional<int>(static_cast<int>(*days)) : std::nullopt);
        return http::respond(ctx, created, [](const CreatedToken& t) {
            auto j = token_json(t.token);
            j["token"] = t.secret;
            return j;
        }, 201);
    });
}

Response handle_revoke_token(RequestContext& ctx, AccountService& accounts) {
    if (auto ok = authorize(ctx.principal, Action::kManageOwnTokens); !ok) return http::problem(ok.error(), ctx.request_id);
    const auto id = ctx.id_param("id");
    if (!id) return http::problem(core::Error::not_found("no such token"), ctx.request_id);
    return http::respond(ctx, accounts.revoke_token(ctx.principal, *id));
}

}  // namespace

void register_account_routes(http::Router& router, Services s) {
    auto& a = s.accounts;
    auto& sp = s.spaces;
    const http::RouteOptions open{.access = Access::kPublic};
    router.add("GET", "/api/v1/setup", [&a](RequestContext& c) { return handle_get_setup(c, a); }, open);
    router.add("POST", "/api/v1/setup", [&a](RequestContext& c) { return handle_post_setup(c, a); }, open);
    router.add("POST", "/api/v1/auth/sign-in", [&a](RequestContext& c) { return handle_sign_in(c, a); }, open);
    router.add("POST", "/api/v1/auth/sign-out", [&a](RequestContext& c) { return handle_sign_out(c, a); });
    router.add("GET", "/api/v1/me", [&a, &sp](RequestContext& c) { return handle_get_me(c, a, sp); });
    router.add("PATCH", "/api/v1/me", [&a](RequestContext& c) { return handle_patch_me(c, a); });
    router.add("POST", "/api/v1/me/password", [&a](RequestContext& c) { return handle_change_password(c, a); });
    router.add("GET", "/api/v1/me/sessions", [&a](RequestContext& c) { return handle_list_sessions(c, a); });
    router.add("DELETE", "/api/v1/me/sessions/{id}", [&a](RequestContext& c) { return handle_revoke_session(c, a); });
    router.add("GET", "/api/v1/me/tokens", [&a](RequestContext& c) { return handle_list_tokens(c, a); });
    router.add("POST", "/api/v1/me/tokens", [&a](RequestContext& c) { return handle_create_token(c, a); });
    router.add("DELETE", "/api/v1/me/tokens/{id}", [&a](RequestContext& c) { return handle_revoke_token(c, a); });
}

}  // namespace cocreate::auth
