#pragma once
// User-written markdown (notes, summaries, idea descriptions) to HTML that is safe to put
// into a page: cmark-gfm in its safe mode drops raw HTML and dangerous URLs, then an
// allow-list pass keeps only http, https, mailto and same-site link targets.

#include <string>
#include <string_view>

namespace cocreate::core {

// `#` becomes <h`top_heading`> (deeper ones follow, at most h6): the text sits under the page's
// own headings: h2 for a text right under the page's h1 (a description), h3 for one inside an
// h2 section (a comment in the comments section).
std::string markdown_to_safe_html(std::string_view markdown, int top_heading = 2);

}  // namespace cocreate::core
