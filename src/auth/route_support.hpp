#pragma once
// Shared pieces of the identity module's handlers.

#include "core/json_input.hpp"
#include "http/response.hpp"

namespace cocreate::auth {

inline constexpr core::StringRule kNameRule{.min = 1, .max = 200};
inline constexpr core::StringRule kEmailRule{.min = 3, .max = 254};
inline constexpr core::StringRule kDescriptionRule{.min = 0, .max = 4000, .trim = true, .single_line = false};

// Parses the JSON object body and hands a reader to `f`; answers the parse problem otherwise.
template <typename F>
http::Response with_body(http::RequestContext& ctx, F&& f) {
    auto obj = core::parse_json_object(ctx.request.body);
    if (!obj) return http::problem(obj.error(), ctx.request_id);
    core::ObjectReader r(*obj);
    return f(r);
}

// The {id} path parameter, or a 404 problem (a non-numeric id names nothing).
#define COCREATE_ID_PARAM(var, name, what)                                                     \
    const auto var##_opt = ctx.id_param(name);                                                 \
    if (!var##_opt) return http::problem(core::Error::not_found("no such " what), ctx.request_id); \
    const int64_t var = *var##_opt

}  // namespace cocreate::auth
