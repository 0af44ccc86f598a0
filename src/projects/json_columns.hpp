#pragma once
// Reading the JSON text columns of the projects tables. They hold only what this module
// wrote, so anything unreadable reads as empty rather than failing the request.

#include <boost/json.hpp>

#include <string>
#include <string_view>

namespace cocreate::projects::json_columns {

inline boost::json::value parse(const std::string& text) {
    std::error_code ec;
    auto v = boost::json::parse(text, ec);
    return ec ? boost::json::value() : v;
}
inline std::string str(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string{};
}
inline bool flag(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_bool() && v->get_bool();
}
inline int number(const boost::json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_int64() ? static_cast<int>(v->get_int64()) : 0;
}

}  // namespace cocreate::projects::json_columns
