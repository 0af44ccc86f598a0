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
// Two numbers per space that move in the same transaction as the change they count, so a
// cache built at one of them is exact until it moves, on every node (0 at first):
// - the text version: any idea inserted or updated (title, description, visibility, scope);
//   the similar-ideas index;
// - the list version: that too, and votes, comments, interest and authors; the idea lists.
int64_t text_version(soci::session& s, int64_t space_id);
int64_t list_version(soci::session& s, int64_t space_id);
void bump_versions(soci::session& s, int64_t space_id);             // both
void bump_list_version_of(soci::session& s, int64_t idea_id);       // the list version of the idea's space
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
// The ideas of the challenge `user_id` voted for (at most the vote budget: one index range).
std::vector<int64_t> voted_in_challenge(soci::session& s, int64_t challenge_id, int64_t user_id);
std::vector<IdeaRef> project_refs(soci::session& s, const std::vector<int64_t>& project_ids);
// Whether project `project_id` shares its summary with space `space_id`.
bool project_shared_with(soci::session& s, int64_t project_id, int64_t space_id);
// Per idea: how many stakeholders recorded interest in it.
std::vector<std::pair<int64_t, int64_t>> interest_counts(soci::session& s, const std::vector<int64_t>& ids);

bool add_link(soci::session& s, int64_t idea_id, int64_t builds_on_id, int64_t by, const std::string& now);
bool remove_link(soci::session& s, int64_t idea_id, int64_t builds_on_id);

}  // namespace cocreate::ideas::idea_repository
