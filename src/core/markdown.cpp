#include "core/markdown.hpp"

#include <cmark-gfm.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <vector>

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

// Adjusts the parsed document before it is written:
// - headings start at `top_heading` (# → h2 by default): the page around the text has its own
//   h1 and sections, and an outline without jumps is what screen readers navigate by;
// - a link or image whose target is not allowed becomes its text, not an empty link that
//   reloads the page when clicked.
void adjust(cmark_node* document, int top_heading) {
    std::vector<cmark_node*> headings, unwrap;
    cmark_iter* it = cmark_iter_new(document);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* node = cmark_iter_get_node(it);
        const auto type = cmark_node_get_type(node);
        if (type == CMARK_NODE_HEADING) headings.push_back(node);
        if (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) {
            const char* url = cmark_node_get_url(node);
            if (!url || !*url || !allowed_target(url)) unwrap.push_back(node);
        }
    }
    cmark_iter_free(it);
    const int shift = std::clamp(top_heading, 1, 6) - 1;
    for (auto* h : headings) cmark_node_set_heading_level(h, std::min(cmark_node_get_heading_level(h) + shift, 6));
    for (auto* node : unwrap) {
        while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
        cmark_node_free(node);  // unlinks it first
    }
}

}  // namespace

std::string markdown_to_safe_html(std::string_view markdown, int top_heading) {
    if (markdown.empty()) return {};
    std::unique_ptr<cmark_node, decltype(&cmark_node_free)> document(
        cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_NOBREAKS), &cmark_node_free);
    if (!document) return {};
    adjust(document.get(), top_heading);
    std::unique_ptr<char, decltype(&std::free)> html(
        cmark_render_html(document.get(), CMARK_OPT_DEFAULT | CMARK_OPT_NOBREAKS, nullptr), &std::free);
    // cmark's safe mode drops raw HTML and dangerous targets already; the filter is a second
    // line should an allowed-looking target slip through the adjustment.
    return filter_targets(html ? std::string(html.get()) : std::string{});
}

}  // namespace cocreate::core
