#pragma once
// SQL for stakeholder interest in ideas and internal reviews, and the stakeholder and
// interaction lookups that check a record. Runs on the caller's session, inside the caller's
// transaction; no permission checks. Reads join stakeholder and user names for display.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "ideas/insight.hpp"

namespace cocreate::ideas::insight_repository {

struct StakeholderBrief {
    int64_t id = 0;
    std::string name, kind;
};
// The stakeholder, or nullopt.
std::optional<StakeholderBrief> find_stakeholder(soci::session& s, int64_t id);
// When interaction `interaction_id` involves stakeholder `stakeholder_id`: its occurred_at
// (RFC 3339, UTC); nullopt when there is no such interaction or it does not involve them.
std::optional<std::string> interaction_time(soci::session& s, int64_t interaction_id, int64_t stakeholder_id);

// Appends a record (the history is kept; the latest per stakeholder counts) and returns its id.
int64_t insert_interest(soci::session& s, int64_t idea_id, const Interest& x, int64_t by, const std::string& now);
std::optional<InterestRecord> find_interest(soci::session& s, int64_t id);
// Every record of the idea, newest `noted_on` first (then newest id), limit + 1 rows, after the
// row (`after_noted_on`, `after_id`) when both are given.
std::vector<InterestRecord> interest_of(soci::session& s, int64_t idea_id,
                                        const std::optional<std::string>& after_noted_on,
                                        std::optional<int64_t> after_id, int limit);
// The latest record per stakeholder (latest `noted_on`, then the one recorded last), newest first.
std::vector<InterestRecord> latest_interest(soci::session& s, int64_t idea_id);
// Stores the idea's denormalised interest score (what sort=-interest orders by).
void set_interest_score(soci::session& s, int64_t idea_id, int64_t score);

// Writes the reviewer's review of the idea, replacing an earlier one. Concurrent first
// reviews by the same person end as one row (last writer wins), never as an error.
void upsert_review(soci::session& s, int64_t idea_id, int64_t reviewer_id, const Scores& scores,
                   const std::string& note, const std::string& now);
bool has_review(soci::session& s, int64_t idea_id, int64_t reviewer_id);
// The review with `score` left 0 (it depends on the challenge's criteria), or nullopt.
std::optional<Review> find_review(soci::session& s, int64_t idea_id, int64_t reviewer_id);
// Newest first (then highest reviewer id), `score` left 0; limit + 1 rows after the row
// (`after_reviewed_at`, `after_reviewer`) when both are given.
std::vector<Review> reviews_of(soci::session& s, int64_t idea_id, const std::optional<std::string>& after_reviewed_at,
                               std::optional<int64_t> after_reviewer, int limit);
// Every review of the idea in the same order: one per internal reviewer, so few.
std::vector<Review> all_reviews(soci::session& s, int64_t idea_id);

}  // namespace cocreate::ideas::insight_repository
