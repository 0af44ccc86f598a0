#pragma once
// SQL for comments, their mentions and helpful marks, and the points ledger. Runs on the
// caller's session, inside the caller's transaction; no permission checks.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "ideas/idea.hpp"
#include "ideas/idea_rules.hpp"

namespace cocreate::ideas::comment_repository {

int64_t insert_comment(soci::session& s, const Comment& c, const std::string& now);
void insert_mentions(soci::session& s, int64_t comment_id, const std::vector<int64_t>& user_ids);
std::optional<Comment> find_comment(soci::session& s, int64_t id);
// Oldest first (threads read top-down), limit + 1; hidden ones only for moderators.
std::vector<Comment> comments_of(soci::session& s, int64_t idea_id, bool include_hidden, std::optional<int64_t> after,
                                 int limit);
// The comments among `ids` that `user_id` marked helpful.
std::vector<int64_t> marked_helpful(soci::session& s, const std::vector<int64_t>& ids, int64_t user_id);
// add_helpful answers false when already marked; both keep helpful_count in step.
bool add_helpful(soci::session& s, int64_t comment_id, int64_t user_id, const std::string& now);
bool remove_helpful(soci::session& s, int64_t comment_id, int64_t user_id);
void set_moderation(soci::session& s, int64_t comment_id, bool hidden, const std::optional<std::string>& note,
                    const std::optional<std::string>& body, int64_t by, const std::string& now);

// Points: award ignores an award already given (same reason, object, person and cause).
void award(soci::session& s, const Award& a, std::optional<int64_t> challenge_id, const std::string& now);
// Takes back awards for an object (hidden content loses its points).
void revoke(soci::session& s, const std::string& reason, const std::string& object_type, int64_t object_id,
            std::optional<int64_t> from_user_id = std::nullopt);
// Takes back one award (same reason, object and person).
void revoke_for(soci::session& s, const Award& a);
int64_t points_of(soci::session& s, int64_t user_id);
AwardCounts award_counts(soci::session& s, int64_t user_id);
struct LeaderRow {
    int64_t user_id = 0;
    std::string display_name;
    int64_t points = 0;
};
std::vector<LeaderRow> leaderboard(soci::session& s, int64_t challenge_id, int limit);

}  // namespace cocreate::ideas::comment_repository
