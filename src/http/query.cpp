#include "http/query.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "core/clock.hpp"

namespace cocreate::http {

namespace {
constexpr std::string_view kCursorPrefix = "c1.";

std::optional<int64_t> parse_positive(std::string_view s) {
    int64_t v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || v <= 0) return std::nullopt;
    return v;
}
}  // namespace

std::string cursor_for(int64_t id) { return std::string(kCursorPrefix) + std::to_string(id); }

std::optional<int64_t> parse_cursor(std::string_view cursor) {
    if (!cursor.starts_with(kCursorPrefix)) return std::nullopt;
    return parse_positive(cursor.substr(kCursorPrefix.size()));
}

// "k1.<hex of key>.<id>": hex keeps any key (names with dots, times) unambiguous.
std::string key_cursor_for(std::string_view key, int64_t id) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out = "k1.";
    for (unsigned char c : key) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out + "." + std::to_string(id);
}

std::optional<KeyCursor> parse_key_cursor(std::string_view cursor) {
    if (!cursor.starts_with("k1.")) return std::nullopt;
    cursor.remove_prefix(3);
    const auto dot = cursor.find('.');
    if (dot == std::string_view::npos || dot % 2 != 0 || dot > 1024) return std::nullopt;
    KeyCursor k;
    auto nibble = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    for (size_t i = 0; i < dot; i += 2) {
        const int hi = nibble(cursor[i]), lo = nibble(cursor[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        k.key += static_cast<char>(hi * 16 + lo);
    }
    auto id = parse_positive(cursor.substr(dot + 1));
    if (!id) return std::nullopt;
    k.id = *id;
    return k;
}

QueryReader::QueryReader(const Request& req, std::initializer_list<std::string_view> allowed)
    : req_(req), allowed_(allowed) {}

QueryReader::QueryReader(const Request& req, std::vector<std::string_view> allowed)
    : req_(req), allowed_(std::move(allowed)) {}

void QueryReader::error(std::string_view name, std::string detail) {
    if (!error_) error_ = core::Error::invalid(std::string(name), std::move(detail));
}

std::optional<std::string> QueryReader::string(std::string_view name, size_t max_length) {
    auto v = req_.query_param(name);
    if (!v) return std::nullopt;
    if (v->size() > max_length) {
        error(name, fmt::format("must be at most {} characters", max_length));
        return std::nullopt;
    }
    if (v->empty()) return std::nullopt;
    return v;
}

std::optional<std::string> QueryReader::enumeration(std::string_view name,
                                                    core::Choices values) {
    auto v = req_.query_param(name);
    if (!v) return std::nullopt;
    if (std::find(values.begin(), values.end(), *v) == values.end()) {
        error(name, fmt::format("must be one of: {}", fmt::join(values, ", ")));
        return std::nullopt;
    }
    return v;
}

std::optional<int64_t> QueryReader::id(std::string_view name) {
    auto v = req_.query_param(name);
    if (!v) return std::nullopt;
    auto n = parse_positive(*v);
    if (!n) error(name, "must be a positive integer");
    return n;
}

std::optional<bool> QueryReader::boolean(std::string_view name) {
    auto v = req_.query_param(name);
    if (!v) return std::nullopt;
    if (*v == "true") return true;
    if (*v == "false") return false;
    error(name, "must be true or false");
    return std::nullopt;
}

std::optional<std::string> QueryReader::time(std::string_view name) {
    auto v = req_.query_param(name);
    if (!v) return std::nullopt;
    auto t = core::parse_time(*v);
    if (!t) {
        error(name, "must be an RFC 3339 time, e.g. 2026-01-31T09:00:00Z");
        return std::nullopt;
    }
    return core::format_time(*t);
}

PageRequest QueryReader::page() {
    PageRequest p;
    if (auto after = req_.query_param("after")) {
        p.after = parse_cursor(*after);
        if (!p.after) error("after", "is not a cursor this server gave out");
    }
    if (auto limit = req_.query_param("limit")) {
        auto n = parse_positive(*limit);
        if (!n || *n > kMaxPageSize) error("limit", fmt::format("must be between 1 and {}", kMaxPageSize));
        else p.limit = static_cast<int>(*n);
    }
    return p;
}

KeyPageRequest QueryReader::key_page() {
    KeyPageRequest p;
    if (auto after = req_.query_param("after")) {
        p.after = parse_key_cursor(*after);
        if (!p.after) error("after", "is not a cursor this server gave out");
    }
    if (auto limit = req_.query_param("limit")) {
        auto n = parse_positive(*limit);
        if (!n || *n > kMaxPageSize) error("limit", fmt::format("must be between 1 and {}", kMaxPageSize));
        else p.limit = static_cast<int>(*n);
    }
    return p;
}

core::Status QueryReader::finish() {
    for (const auto& name : req_.query_names()) {
        if (name == "after" || name == "limit") continue;
        if (std::find(allowed_.begin(), allowed_.end(), name) == allowed_.end())
            error(name, "is not a known query parameter");
    }
    if (error_) return core::fail(*error_);
    return {};
}

}  // namespace cocreate::http
