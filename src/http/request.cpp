#include "http/request.hpp"

#include <charconv>

namespace cocreate::http {

std::string_view Request::header(std::string_view lower_name) const {
    const auto it = headers.find(std::string(lower_name));
    return it == headers.end() ? std::string_view{} : std::string_view(it->second);
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

template <typename F>
void for_each_param(std::string_view query, F&& f) {
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto part = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (part.empty()) continue;
        const auto eq = part.find('=');
        if (f(part.substr(0, eq), eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1))) return;
    }
}

}  // namespace

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%') {
            if (i + 2 >= s.size()) return std::nullopt;
            const int hi = hex_value(s[i + 1]);
            const int lo = hex_value(s[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            const char c = static_cast<char>(hi * 16 + lo);
            if (c == '\0') return std::nullopt;
            out += c;
            i += 2;
        } else if (plus_is_space && s[i] == '+') {
            out += ' ';
        } else {
            out += s[i];
        }
    }
    return out;
}

std::optional<std::string> Request::query_param(std::string_view name) const {
    std::optional<std::string> found;
    for_each_param(query, [&](std::string_view k, std::string_view v) {
        auto key = percent_decode(k, true);
        if (key && *key == name) {
            found = percent_decode(v, true).value_or(std::string{});
            return true;
        }
        return false;
    });
    return found;
}

std::vector<std::string> Request::query_names() const {
    std::vector<std::string> names;
    for_each_param(query, [&](std::string_view k, std::string_view) {
        names.push_back(percent_decode(k, true).value_or(std::string(k)));
        return false;
    });
    return names;
}

std::optional<int64_t> RequestContext::id_param(std::string_view name) const {
    const auto it = params.find(name);
    if (it == params.end()) return std::nullopt;
    int64_t v = 0;
    const auto& s = it->second;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size() || v <= 0) return std::nullopt;
    return v;
}

}  // namespace cocreate::http
