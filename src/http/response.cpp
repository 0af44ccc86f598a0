#include "http/response.hpp"

#include <boost/json.hpp>

#include <string>

namespace cocreate::http {

namespace json = boost::json;

Response json_response(const json::value& body, int status) {
    Response r;
    r.status = status;
    r.content_type = "application/json";
    r.body = json::serialize(body);
    return r;
}

Response json_response(const json::object& body, int status) {
    Response r;
    r.status = status;
    r.content_type = "application/json";
    r.body = json::serialize(body);
    return r;
}

Response json_text_response(std::string body, int status) {
    Response r;
    r.status = status;
    r.content_type = "application/json";
    r.body = std::move(body);
    return r;
}

Response no_content() {
    Response r;
    r.status = 204;
    return r;
}

namespace {

const char* title_of(core::ErrorCode code) {
    using core::ErrorCode;
    switch (code) {
        case ErrorCode::kInvalidArgument: return "Bad request";
        case ErrorCode::kUnprocessable: return "Invalid value";
        case ErrorCode::kUnauthenticated: return "Not signed in";
        case ErrorCode::kPermissionDenied: return "Not allowed";
        case ErrorCode::kNotFound: return "Not found";
        case ErrorCode::kMethodNotAllowed: return "Method not allowed";
        case ErrorCode::kAlreadyExists: return "Already exists";
        case ErrorCode::kConflict: return "Conflict";
        case ErrorCode::kFailedPrecondition: return "Precondition failed";
        case ErrorCode::kPayloadTooLarge: return "Request too large";
        case ErrorCode::kUnsupportedMediaType: return "Unsupported media type";
        case ErrorCode::kResourceExhausted: return "Too many requests";
        case ErrorCode::kInternal: return "Internal error";
        case ErrorCode::kUnavailable: return "Unavailable";
    }
    return "Error";
}

}  // namespace

Response problem(const core::Error& e, std::string_view request_id) {
    const std::string code = e.reason.empty() ? core::code_name(e.code) : e.reason;
    json::object body;
    body["type"] = "https://cocreate.dev/problems/" + code;
    body["title"] = title_of(e.code);
    body["status"] = core::http_status(e.code);
    body["code"] = code;
    // A 5xx never carries internal text, whatever the caller put in detail.
    body["detail"] = e.code == core::ErrorCode::kInternal ? "something went wrong on our side; quote the request id"
                                                          : e.detail;
    if (!e.field.empty()) body["field"] = e.field;
    if (!e.errors.empty()) {
        json::array errors;
        for (const auto& fe : e.errors) errors.push_back(json::object{{"field", fe.field}, {"detail", fe.detail}});
        body["errors"] = std::move(errors);
    }
    if (!e.cause.empty()) body["reason"] = e.cause;
    if (!request_id.empty()) body["request_id"] = request_id;
    Response r;
    r.status = core::http_status(e.code);
    r.content_type = "application/problem+json";
    r.body = json::serialize(body);
    if (e.code == core::ErrorCode::kResourceExhausted && e.retry_after_s > 0)
        r.set_header("Retry-After", std::to_string(e.retry_after_s));
    return r;
}

void add_security_headers(Response& r) {
    // A handler that serves a file sets stricter values of its own; those stay.
    auto set_default = [&r](std::string_view name, std::string_view value) {
        for (const auto& [n, v] : r.headers)
            if (n == name) return;
        r.set_header(std::string(name), std::string(value));
    };
    set_default("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                "base-uri 'none'; form-action 'self'");
    set_default("X-Content-Type-Options", "nosniff");
    set_default("X-Frame-Options", "DENY");
    set_default("Referrer-Policy", "same-origin");
    set_default("Cross-Origin-Opener-Policy", "same-origin");
    set_default("Cross-Origin-Resource-Policy", "same-origin");
    set_default("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
}

}  // namespace cocreate::http
