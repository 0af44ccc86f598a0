#include "app/middleware.hpp"

#include "db/database.hpp"

namespace cocreate::app {

namespace {

bool changes_state(std::string_view method) { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }

core::Error csrf(std::string detail) {
    return {core::ErrorCode::kPermissionDenied, std::move(detail), {}, "csrf_failed"};
}

std::string_view host_of_origin(std::string_view origin) {
    const auto scheme = origin.find("://");
    return scheme == std::string_view::npos ? std::string_view{} : origin.substr(scheme + 3);
}

}  // namespace

std::string cookie_value(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        const auto semi = header.find(';');
        auto part = header.substr(0, semi);
        header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        if (part.size() > name.size() && part.starts_with(name) && part[name.size()] == '=')
            return std::string(part.substr(name.size() + 1));
    }
    return {};
}

std::optional<core::Error> csrf_problem(const http::Request& req) {
    // A custom header cannot be sent cross-site without a CORS preflight, which this
    // server never grants; Origin and Sec-Fetch-Site catch what browsers tell us anyway.
    if (req.header("x-cocreate-csrf") != "1") return csrf("missing the X-Cocreate-Csrf header");
    const auto site = req.header("sec-fetch-site");
    if (!site.empty() && site != "same-origin" && site != "none") return csrf("cross-site request refused");
    const auto origin = req.header("origin");
    if (!origin.empty() && host_of_origin(origin) != req.header("host")) return csrf("cross-origin request refused");
    return std::nullopt;
}

http::Middleware make_middleware(auth::AccountService& accounts, int absolute_timeout_s) {
    http::Middleware m;
    m.before = [&accounts](http::RequestContext& ctx, const http::Route& route) -> std::optional<core::Error> {
        const auto& req = ctx.request;
        const auto authorization = req.header("authorization");
        const bool bearer = authorization.starts_with("Bearer ");
        if (bearer) {
            auto p = accounts.authenticate_token(std::string(authorization.substr(7)));
            if (!p) return core::Error::unauthenticated("the API token is not valid");
            if (!p->token_can_write && changes_state(req.method))
                return core::Error::denied("this API token may only read");
            ctx.principal = std::move(*p);
            return std::nullopt;
        }
        if (changes_state(req.method)) {
            if (auto e = csrf_problem(req)) return e;
        }
        // Public routes never look at the caller: no session lookup for them.
        if (route.options.access == http::Access::kPublic) return std::nullopt;
        const auto token = cookie_value(req.header("cookie"), kSessionCookie);
        if (!token.empty()) {
            if (auto p = accounts.authenticate_session(token)) ctx.principal = std::move(*p);
            else ctx.clear_session_cookie = true;
        }
        if (!ctx.principal.signed_in()) return core::Error::unauthenticated();
        return std::nullopt;
    };
    m.after = [absolute_timeout_s](const http::RequestContext& ctx, http::Response& r) {
        const std::string attributes = "; Path=/; Secure; HttpOnly; SameSite=Lax";
        if (!ctx.new_session_cookie.empty()) {
            r.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + ctx.new_session_cookie + attributes +
                                           "; Max-Age=" + std::to_string(absolute_timeout_s));
        } else if (ctx.clear_session_cookie) {
            r.set_header("Set-Cookie", std::string(kSessionCookie) + "=" + attributes + "; Max-Age=0");
        }
    };
    m.map_exception = [](const std::exception& e) -> std::optional<core::Error> {
        if (db::is_unique_violation(e))
            return core::Error{core::ErrorCode::kAlreadyExists, "this already exists (a concurrent request made it)"};
        return std::nullopt;
    };
    return m;
}

}  // namespace cocreate::app
