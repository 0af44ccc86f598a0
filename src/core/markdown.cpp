#include "core/markdown.hpp"

#include <cmark-gfm.h>

#include <cstdlib>
#include <memory>

namespace cocreate::core {

namespace {

bool allowed_target(std::string_view url) {
    auto starts = [&](std::string_view p) {
        if (url.size() < p.size()) return false;
        for (size_t i = 0; i < p.size(); ++i)
            if (std::tolower(static_cast<unsigned char>(url[i])) != p[i]) return false;
        return true;
    };
    if (url.empty()) return true;
    if (starts("http://") || starts("https://") || starts("mailto:")) return true;
    // Same-site paths and fragments, but not protocol-relative "//host".
    return (url[0] == '/' && !(url.size() > 1 && url[1] == '/')) || url[0] == '#';
}

// cmark writes attributes as name="value" with the value HTML-escaped, so quotes never
// appear inside a value; blank every href/src whose target is not allowed.
std::string filter_targets(std::string html) {
    for (std::string_view attr : {" href=\"", " src=\""}) {
        size_t pos = 0;
        while ((pos = html.find(attr, pos)) != std::string::npos) {
            const size_t start = pos + attr.size();
            const size_t end = html.find('"', start);
            if (end == std::string::npos) break;
            if (!allowed_target(std::string_view(html).substr(start, end - start))) html.erase(start, end - start);
            pos = start;
        }
    }
    return html;
}

}  // namespace

std::string markdown_to_safe_html(std::string_view markdown) {
    if (markdown.empty()) return {};
    std::unique_ptr<char, decltype(&std::free)> html(
        cmark_markdown_to_html(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_NOBREAKS), &std::free);
    return filter_targets(html ? std::string(html.get()) : std::string{});
}

}  // namespace cocreate::core
