#pragma once
// Reading pieces of engagement requests shared by its route files.

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/json_input.hpp"
#include "http/query.hpp"
#include "http/request.hpp"

namespace cocreate::engagement {

// A "YYYY-MM-DD" body field; records the problem on `r` when it is not a real day.
inline std::optional<std::string> optional_date(core::ObjectReader& r, std::string_view key) {
    auto text = r.optional_string(key, {.min = 1, .max = 10});
    if (!text) return std::nullopt;
    if (!core::parse_date(*text)) {
        r.add_error(std::string(key), "must be a date, e.g. 2026-01-31");
        return std::nullopt;
    }
    return text;
}

// Like optional_date, with JSON null accepted (engaged optional holding nullopt).
inline std::optional<std::optional<std::string>> nullable_date(core::ObjectReader& r, std::string_view key) {
    auto text = r.nullable_string(key, {.min = 1, .max = 10});
    if (!text || !*text) return text;
    if (!core::parse_date(**text)) {
        r.add_error(std::string(key), "must be a date, e.g. 2026-01-31");
        return std::nullopt;
    }
    return text;
}

// A "YYYY-MM-DD" query parameter.
inline std::optional<std::string> date_param(const http::Request& req, std::string_view name,
                                             std::optional<core::Error>& problem) {
    auto v = req.query_param(name);
    if (!v) return std::nullopt;
    if (!core::parse_date(*v)) {
        if (!problem) problem = core::Error::invalid(std::string(name), "must be a date, e.g. 2026-01-31");
        return std::nullopt;
    }
    return v;
}

}  // namespace cocreate::engagement
