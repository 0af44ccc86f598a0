#pragma once
// What runs around every routed request: identity (session cookie or API token), CSRF
// defence, access rules, and the session cookie on the way out.

#include "auth/account_service.hpp"
#include "http/dispatcher.hpp"

namespace cocreate::app {

inline constexpr std::string_view kSessionCookie = "__Host-cocreate";

// The middleware for the API. `absolute_timeout_s` sets the cookie's Max-Age.
http::Middleware make_middleware(auth::AccountService& accounts, int absolute_timeout_s);

// The value of cookie `name` in a Cookie header, or empty.
std::string cookie_value(std::string_view header, std::string_view name);
// nullopt when a state-changing request passes the CSRF checks; otherwise the error.
std::optional<core::Error> csrf_problem(const http::Request& req);

}  // namespace cocreate::app
