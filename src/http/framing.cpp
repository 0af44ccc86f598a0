#include "http/framing.hpp"

#include <algorithm>
#include <cctype>

namespace cocreate::http {

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool is_tchar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// reg-name / IP-literal characters with an optional port (RFC 3986 §3.2.2).
bool valid_host(std::string_view h) {
    if (h.empty()) return true;  // HTTP/1.1 allows an empty Host only with an empty authority
    return std::all_of(h.begin(), h.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) ||
               std::string_view("-._~!$&'()*+,;=%:[]").find(c) != std::string_view::npos;
    });
}

bool all_digits(std::string_view s) {
    return !s.empty() && s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<std::string> check_framing(const HeaderView& h) {
    if (h.method.empty() || !std::all_of(h.method.begin(), h.method.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return "invalid method";
    // Only origin-form targets: this server is never a proxy.
    if (h.target.empty() || h.target.front() != '/') return "the request target must be an absolute path";
    if (std::any_of(h.target.begin(), h.target.end(), [](char c) {
            return static_cast<unsigned char>(c) <= 0x20 || static_cast<unsigned char>(c) == 0x7f;
        }))
        return "invalid characters in the request target";

    int hosts = 0, content_lengths = 0, transfer_encodings = 0;
    std::string_view content_length;
    std::string te_joined;
    for (const auto& [name, raw_value] : h.fields) {
        if (name.empty() || !std::all_of(name.begin(), name.end(), is_tchar)) return "invalid header name";
        for (char c : raw_value) {
            const auto u = static_cast<unsigned char>(c);
            if (u == 0 || u == '\r' || u == '\n' || (u < 0x20 && u != '\t') || u == 0x7f)
                return "invalid characters in a header value";
        }
        const auto value = trim(raw_value);
        if (iequals(name, "host")) {
            ++hosts;
            if (!valid_host(value)) return "invalid Host header";
        } else if (iequals(name, "content-length")) {
            ++content_lengths;
            if (!all_digits(value)) return "invalid Content-Length";
            if (content_lengths > 1 && value != content_length) return "conflicting Content-Length headers";
            content_length = value;
        } else if (iequals(name, "transfer-encoding")) {
            ++transfer_encodings;
            if (!te_joined.empty()) te_joined += ",";
            te_joined += value;
        }
    }
    if (h.version == 11 && hosts != 1) return hosts == 0 ? "HTTP/1.1 requires a Host header" : "more than one Host header";
    if (h.version == 10 && hosts > 1) return "more than one Host header";
    if (transfer_encodings > 0) {
        if (content_lengths > 0) return "both Content-Length and Transfer-Encoding";
        if (h.version == 10) return "Transfer-Encoding is not allowed in HTTP/1.0";
        // The only coding accepted is exactly "chunked": anything else (gzip, chunked
        // twice, oddly spelled) is a framing the server cannot be sure it shares with
        // every proxy in front of it.
        if (!iequals(trim(te_joined), "chunked")) return "unsupported Transfer-Encoding (only chunked)";
    }
    return std::nullopt;
}

}  // namespace cocreate::http
