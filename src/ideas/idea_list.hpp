#pragma once
// A page of an idea list rendered once and shared by everyone who sees the same page: the
// JSON of every item with a gap where the caller's own `my_vote` goes. The lists of a busy
// challenge are read far more often than its ideas change, and the items (authors, counts,
// excerpts) cost most of a request to gather and write; filling the gaps costs one query for
// the caller's votes and a copy. See IdeaService::list_json for when a page is reused.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "http/page.hpp"

namespace cocreate::ideas {

struct IdeaView;  // idea_service.hpp

struct RenderedIdeaList {
    std::vector<int64_t> ids;        // the page's ideas, in order
    std::vector<std::string> parts;  // ids.size() + 1 pieces: item i's my_vote goes after parts[i]

    // The page's JSON with `my_vote` true for the ideas in `voted`.
    std::string render(const std::vector<int64_t>& voted) const;
};

// `page` as written by write_idea_summary, with each item's my_vote (false in `page`, as
// IdeaService::list_page gives it) left as a gap.
RenderedIdeaList render_idea_list(const http::Page<IdeaView>& page);

// Who sees the same rendered page: the same list position, by the same kind of caller.
struct IdeaListKey {
    int64_t challenge_id = 0;
    std::optional<int64_t> space_id;  // as asked (another space than the challenge's lists nothing)
    std::string sort;
    std::optional<std::string> after_key;
    std::optional<int64_t> after_id;
    int limit = 0;
    bool internal = false;   // internal fields written
    bool moderator = false;  // hidden ideas listed
    auto operator<=>(const IdeaListKey&) const = default;
};

}  // namespace cocreate::ideas
