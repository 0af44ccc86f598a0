#pragma once
// User-written markdown (notes, summaries, idea descriptions) to HTML that is safe to put
// into a page: cmark-gfm in its safe mode drops raw HTML and dangerous URLs, then an
// allow-list pass keeps only http, https, mailto and same-site link targets.

#include <string>
#include <string_view>

namespace cocreate::core {

std::string markdown_to_safe_html(std::string_view markdown);

}  // namespace cocreate::core
