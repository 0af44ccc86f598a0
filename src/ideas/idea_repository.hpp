#pragma once
// SQL for ideas, their authors, build-on links and votes, and what similar-idea suggestions read. Runs on
// the caller's session, inside the caller's transaction; no permission checks.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "db/database.hpp"
#include "ideas/idea.hpp"

namespace cocreate::ideas::idea_repository {

int64_t insert_idea(soci::session& s, const Idea& x, int64_t by, const std::string& now);
// Writes the editable columns (title, description, tags, status, decline reason, project,
// merged_into, hidden, moderation note) and bumps the version; false when the stored version
// is no longer `x.version`.
bool update_idea(soci::session& s, const Idea& x, const std::string& now);
void replace_authors(soci::session& s, int64_t id, const std::vector<Author>& authors);
// The idea with authors and build-on links, or nullopt.
std::optional<Idea> find_idea(soci::session& s, int64_t id);

struct IdeaFilter {
    std::optional<int64_t> space_id, challenge_id;
    std::optional<std::string> status, tag, q;
    std::string sort = "-created";  // kSorts
    bool include_hidden = false;    // moderators
    // Only ideas in spaces `member_of` belongs to, outside challenges for internal audiences.
    std::optional<int64_t> member_of;
    std::optional<std::string> after_key;  // the sort key of the last row, as text
    std::optional<int64_t> after_id;
    int limit = 50;
};
// limit + 1 rows, with authors (not links).
std::vector<Idea> list_ideas(soci::session& s, const IdeaFilter& f);
// The sort key of `x` under `sort`, as the cursor text.
std::string sort_key(const Idea& x, const std::string& sort);

struct Similar {
    int64_t id = 0;
    std::string title, snippet;
    double score = 0;  // higher is more similar
};
// The version of the space's ideas as similar-idea suggestions see them: it moves with every
// idea inserted or updated in the space (bump_search_version, in the same transaction), so an
// index built at one version is exact until the number moves, on every node. 0 at first.
int64_t search_version(soci::session& s, int64_t space_id);
void bump_search_version(soci::session& s, int64_t space_id);
// The visible, unmerged ideas of the space (or of one challenge) with their text: what the
// similar-ideas index is built from.
struct SearchableIdea {
    int64_t id = 0;
    std::optional<int64_t> challenge_id;
    std::string title, description;
};
std::vector<SearchableIdea> searchable_ideas(soci::session& s, int64_t space_id, std::optional<int64_t> challenge_id);
// The space's challenges whose audience is internal (hidden from external participants).
std::vector<int64_t> internal_challenges(soci::session& s, int64_t space_id);

// Votes. add_vote answers false when the person had already voted for the idea.
bool add_vote(soci::session& s, int64_t idea_id, int64_t user_id, std::optional<int64_t> challenge_id,
              const std::string& now);
bool remove_vote(soci::session& s, int64_t idea_id, int64_t user_id);
bool has_voted(soci::session& s, int64_t idea_id, int64_t user_id);
int64_t votes_used(soci::session& s, int64_t user_id, int64_t challenge_id);
void add_to_counts(soci::session& s, int64_t idea_id, int votes, int comments, int interest);

// For a page of ideas: those among `ids` that `user_id` voted for; the titles of projects
// by id; the number of interest records per idea.
std::vector<int64_t> voted_among(soci::session& s, const std::vector<int64_t>& ids, int64_t user_id);
std::vector<IdeaRef> project_refs(soci::session& s, const std::vector<int64_t>& project_ids);
// Whether project `project_id` shares its summary with space `space_id`.
bool project_shared_with(soci::session& s, int64_t project_id, int64_t space_id);
// Per idea: how many stakeholders recorded interest in it.
std::vector<std::pair<int64_t, int64_t>> interest_counts(soci::session& s, const std::vector<int64_t>& ids);

bool add_link(soci::session& s, int64_t idea_id, int64_t builds_on_id, int64_t by, const std::string& now);
bool remove_link(soci::session& s, int64_t idea_id, int64_t builds_on_id);

}  // namespace cocreate::ideas::idea_repository
