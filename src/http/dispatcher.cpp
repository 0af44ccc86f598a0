#include "http/dispatcher.hpp"

#include <spdlog/spdlog.h>

#include "core/log.hpp"
#include "http/response.hpp"

namespace cocreate::http {

Dispatcher::Dispatcher(const Router& router, Middleware middleware)
    : router_(router), middleware_(std::move(middleware)) {}

namespace {

bool has_body_method(std::string_view m) { return m == "POST" || m == "PUT" || m == "PATCH" || m == "DELETE"; }

bool is_json_type(std::string_view ct) {
    const auto semi = ct.find(';');
    auto base = ct.substr(0, semi);
    while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
    std::string lower(base);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "application/json" || lower == "application/merge-patch+json";
}

}  // namespace

Response Dispatcher::dispatch(const Request& req, const RouteMatch& m, const std::string& request_id) const {
    if (!m.route) {
        if (!m.allowed.empty()) {
            Response r = problem({core::ErrorCode::kMethodNotAllowed, "this path does not accept " + req.method},
                                 request_id);
            std::string allow;
            for (const auto& a : m.allowed) allow += (allow.empty() ? "" : ", ") + a;
            r.set_header("Allow", allow);
            return r;
        }
        if ((req.method == "GET" || req.method == "HEAD") && middleware_.fallback) {
            if (auto r = middleware_.fallback(req)) return *r;
        }
        return problem(core::Error::not_found("no such resource"), request_id);
    }
    RequestContext ctx{req, request_id, m.route->path_template, m.params, {}, {}};
    try {
        if (has_body_method(req.method) && !req.body.empty() && !m.route->options.raw_body &&
            !is_json_type(req.header("content-type"))) {
            return problem({core::ErrorCode::kUnsupportedMediaType, "send the body as application/json"},
                           request_id);
        }
        if (middleware_.before) {
            if (auto err = middleware_.before(ctx, *m.route)) {
                Response r = problem(*err, request_id);
                if (middleware_.after) middleware_.after(ctx, r);
                return r;
            }
        }
        Response r = m.route->handler(ctx);
        if (middleware_.after) middleware_.after(ctx, r);
        return r;
    } catch (const std::exception& e) {
        if (middleware_.map_exception) {
            if (auto mapped = middleware_.map_exception(e)) return problem(*mapped, request_id);
        }
        spdlog::error("\"msg\":\"handler failed\",\"request_id\":\"{}\",\"route\":\"{}\",\"error\":{}",
                      request_id, m.route->path_template, core::json_quote(e.what()));
    } catch (...) {
        spdlog::error("\"msg\":\"handler failed\",\"request_id\":\"{}\",\"route\":\"{}\"", request_id,
                      m.route->path_template);
    }
    return problem({core::ErrorCode::kInternal, ""}, request_id);
}

}  // namespace cocreate::http
