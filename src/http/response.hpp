#pragma once
// Building responses, and the one place where an Error becomes HTTP (RFC 9457 problem+json).

#include <boost/json/storage_ptr.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <type_traits>

#include "core/error.hpp"
#include "http/request.hpp"

namespace cocreate::http {

// 200 (or `status`) with a JSON body.
Response json_response(const boost::json::value& body, int status = 200);
// The same for an object, serialized in place (a value parameter would deep-copy it).
Response json_response(const boost::json::object& body, int status = 200);
// 200 (or `status`) with JSON text the caller wrote (core::JsonWriter).
Response json_text_response(std::string body, int status = 200);
// 204 No Content.
Response no_content();
// The problem+json response for `e`. `request_id` is echoed so a person can quote it.
Response problem(const core::Error& e, std::string_view request_id = {});

// The JSON of a successful result (through `to_json`), or its problem.
template <typename T, typename F>
Response respond(const RequestContext& ctx, const core::Result<T>& r, F&& to_json, int status = 200) {
    if (!r) return problem(r.error(), ctx.request_id);
    // Shape functions may take the storage to build in (see http/page.hpp); here the default.
    if constexpr (std::is_invocable_v<F&, const T&>) return json_response(to_json(*r), status);
    else return json_response(to_json(*r, boost::json::storage_ptr{}), status);
}
// The JSON text of a successful result (through `to_text`), or its problem.
template <typename T, typename F>
Response respond_text(const RequestContext& ctx, const core::Result<T>& r, F&& to_text, int status = 200) {
    if (!r) return problem(r.error(), ctx.request_id);
    return json_text_response(to_text(*r), status);
}
// 204 for success, or the problem.
inline Response respond(const RequestContext& ctx, const core::Status& s) {
    return s ? no_content() : problem(s.error(), ctx.request_id);
}

// Security headers every response carries, API and static files alike.
void add_security_headers(Response& r);

}  // namespace cocreate::http
