#pragma once
// The request and response types every handler sees. Beast stays inside http/server.cpp;
// handlers are plain functions from RequestContext to Response, testable without sockets.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/principal.hpp"

namespace cocreate::http {

struct Request {
    std::string method;  // upper case, e.g. "GET"
    std::string target;  // as received, e.g. "/api/v1/spaces?limit=5"
    std::string path;    // percent-decoded path without the query
    std::string query;   // raw query string without '?'
    std::map<std::string, std::string> headers;  // lower-case names; repeated headers joined by ", "
    std::string body;
    std::string client_ip;

    // The header's value, or empty when absent.
    std::string_view header(std::string_view lower_name) const;
    // The first value of query parameter `name`, percent-decoded; nullopt when absent.
    std::optional<std::string> query_param(std::string_view name) const;
    // Every query parameter name, decoded (used to reject unknown parameters).
    std::vector<std::string> query_names() const;
};

struct Response {
    int status = 200;
    std::string content_type;  // empty for 204
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;

    void set_header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

// Per-request state built by the router and middleware.
struct RequestContext {
    const Request& request;
    std::string request_id;
    std::string route;  // the matched template, e.g. "/api/v1/spaces/{id}"
    std::map<std::string, std::string, std::less<>> params;
    auth::Principal principal;
    std::string new_session_cookie;     // set by sign-in; the response hook writes the cookie
    bool clear_session_cookie = false;  // set by sign-out

    // The path parameter `name` as a positive 64-bit id, nullopt when it is not one.
    std::optional<int64_t> id_param(std::string_view name) const;
};

// Percent-decodes `s` ('+' kept as is); nullopt on malformed escapes or decoded NUL.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space = false);

}  // namespace cocreate::http
