#pragma once
// What internal staff learn about an idea beyond what its space sees (docs/api-ideas.md):
// stakeholders' recorded interest and reviewers' scores. Value types only; none of this ever
// reaches an external participant (they see only the interest aggregate).

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ideas/idea.hpp"

namespace cocreate::ideas {

// One interest record as the internal view shows it: the stakeholder's kind and who recorded it.
struct InterestRecord : Interest {
    std::string kind;                    // the stakeholder's kind (stakeholders::kKinds)
    std::optional<UserRef> recorded_by;  // nullopt when that user no longer exists
    std::string recorded_at;
};

// Criterion key (or "overall") → 1..5.
using Scores = std::map<std::string, int, std::less<>>;

// One reviewer's review of an idea; a reviewer has at most one per idea.
struct Review {
    int64_t idea_id = 0;
    UserRef reviewer;
    Scores scores;
    int score = 0;  // 0..100, from the challenge's current criteria (review_score)
    std::string note, reviewed_at;
};

struct ReviewSummary {
    std::optional<int> score;  // the mean of the reviews' scores, rounded; nullopt without reviews
    int64_t count = 0;
    std::vector<Review> reviews;  // newest first
};

// The internal-only members of an idea's page.
struct IdeaInternals {
    std::vector<InterestRecord> interest;  // the latest record per stakeholder, strongest first
    ReviewSummary review;
};

}  // namespace cocreate::ideas
