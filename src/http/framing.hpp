#pragma once
// Request framing rules (RFC 9112 §6): ambiguous messages, the raw material of request
// smuggling, are refused before any routing. Works on a simplified view of the header
// so it can be unit-tested without Beast.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cocreate::http {

struct HeaderView {
    int version = 11;  // 10 or 11
    std::string_view method;
    std::string_view target;
    std::vector<std::pair<std::string_view, std::string_view>> fields;  // as received, in order
};

// nullopt when the header is acceptable; otherwise why it is refused (for the client).
std::optional<std::string> check_framing(const HeaderView& h);

}  // namespace cocreate::http
