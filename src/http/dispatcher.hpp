#pragma once
// Turns one parsed Request into one Response: route lookup result → middleware (identity,
// CSRF) → handler, with every failure mapped through problem(). Pure request → response:
// tests call it without sockets. Thread-safe: holds only const state.

#include <exception>
#include <functional>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "http/router.hpp"

namespace cocreate::http {

struct Middleware {
    // Runs before the handler: resolves the principal, enforces access and CSRF.
    // An Error stops the request.
    std::function<std::optional<core::Error>(RequestContext&, const Route&)> before;
    // Runs on every routed response (e.g. to set or clear the session cookie).
    std::function<void(const RequestContext&, Response&)> after;
    // Maps an infrastructure exception to a client error when it has a client meaning
    // (a unique-constraint race → 409); nullopt means 500.
    std::function<std::optional<core::Error>(const std::exception&)> map_exception;
    // Answers GET/HEAD for paths no route has (the web app); null: 404.
    std::function<std::optional<Response>(const Request&)> fallback;
};

class Dispatcher {
public:
    Dispatcher(const Router& router, Middleware middleware);

    RouteMatch match(const Request& req) const { return router_.match(req.method, req.path); }
    // Handles `req`, already matched to `m`. Never throws.
    Response dispatch(const Request& req, const RouteMatch& m, const std::string& request_id) const;
    const Router& router() const { return router_; }

private:
    const Router& router_;
    Middleware middleware_;
};

}  // namespace cocreate::http
