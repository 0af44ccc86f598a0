#include "app/system_routes.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "app/app.hpp"
#include "app/contract.hpp"
#include "http/response.hpp"

namespace cocreate::app {

namespace {

bool is_loopback(std::string_view ip) { return ip.starts_with("127.") || ip == "::1" || ip.starts_with("::ffff:127."); }

}  // namespace

void register_system_routes(http::Router& router, App& app) {
    const http::RouteOptions cheap{.access = http::Access::kPublic, .blocking = false};
    const http::RouteOptions open{.access = http::Access::kPublic};
    // Liveness: answered on the network thread, touches nothing.
    router.add("GET", "/healthz", [](http::RequestContext&) {
        static const boost::json::object ok{{"status", "ok"}};
        return http::json_response(ok);
    }, cheap);
    router.add("GET", "/readyz", [&app](http::RequestContext& ctx) {
        if (!app.database().ping())
            return http::problem({core::ErrorCode::kUnavailable, "the database is not reachable"}, ctx.request_id);
        return http::json_response(boost::json::object{{"status", "ready"}});
    }, open);
    router.add("GET", "/metrics", [&app](http::RequestContext& ctx) {
        // Operational detail is for the machine's own scraper, not the internet.
        if (!is_loopback(ctx.request.client_ip)) return http::problem(core::Error::not_found(), ctx.request_id);
        http::Response r;
        r.content_type = "text/plain; version=0.0.4; charset=utf-8";
        r.body = app.metrics().render();
        return r;
    }, cheap);
    router.add("GET", "/api/v1/openapi.yaml", [](http::RequestContext&) {
        http::Response r;
        r.content_type = "application/yaml";
        r.body = std::string(openapi_contract());
        return r;
    }, cheap);
}

}  // namespace cocreate::app
