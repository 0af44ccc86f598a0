#pragma once
// SQL for reports and for merging duplicate ideas. Runs on the caller's session, inside the
// caller's transaction; no permission checks.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "ideas/comment_service.hpp"

namespace cocreate::ideas::moderation_repository {

int64_t insert_report(soci::session& s, const Report& r, int64_t by);
// Whether the person has an open report on the object (one at a time).
bool has_open_report(soci::session& s, const std::string& object_type, int64_t object_id, int64_t reporter_id);
// Oldest first (a queue), limit + 1; only the spaces in `space_ids` unless `all_spaces`.
std::vector<Report> list_reports(soci::session& s, const std::optional<std::string>& status, bool all_spaces,
                                 const std::vector<int64_t>& space_ids, std::optional<int64_t> after, int limit);
// Resolves the open reports of one object with what the moderator did.
void resolve_reports(soci::session& s, const std::string& object_type, int64_t object_id, const std::string& resolution,
                     int64_t by, const std::string& now);
// The spaces where `user_id` is owner or moderator.
std::vector<int64_t> moderated_spaces(soci::session& s, int64_t user_id);

// Moves votes (one per person), comments, interest, build-on links and co-authors of
// `duplicate` to `into`, and recounts `into`'s votes, comments and interest.
void merge_ideas(soci::session& s, int64_t duplicate, int64_t into);

}  // namespace cocreate::ideas::moderation_repository
