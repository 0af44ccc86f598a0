#pragma once
// The rules of ideas and challenges (docs/api-ideas.md) as pure functions: which phase a
// challenge is in on a day and what that phase allows, the vote budget, the points that
// reward collaboration (never votes received), badges, the hostile-tone check, customer
// interest as a score and the aggregate externals see, and review scores. No I/O, no clock
// of their own; thread-safe.

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "ideas/idea.hpp"

namespace cocreate::ideas {

// ---- phases ----------------------------------------------------------------------------

// The phase on `today`: upcoming before submission opens, closed from `closes` on. Dates
// that do not parse count as far in the future (validate them first).
std::string_view phase_on(const PhaseDates& dates, core::Date today);

// 422 naming the first date that is missing, not a date, or not after the one before
// ("phases.voting_opens"); ok otherwise.
core::Status validate_phase_dates(const PhaseDates& dates);

// What participants do, and the phases that allow it.
enum class Activity { kSubmit, kComment, kBuildOn, kVote, kReview };

// Ok when `phase` allows `activity`; otherwise 422 `failed_precondition` naming `field`, with
// a sentence that says when it is possible.
core::Status allowed_in_phase(std::string_view phase, Activity activity, std::string_view field = "phase");

// Ok while `used` votes (in this challenge) leave room for one more; 422
// `failed_precondition` naming "vote" otherwise.
core::Status check_vote_budget(int64_t used, int per_person);

// ---- points and badges -----------------------------------------------------------------

inline constexpr int kPointsIdeaSubmitted = 5;
inline constexpr int kPointsCommentHelpful = 3;
inline constexpr int kPointsBuiltUpon = 8;
inline constexpr int kPointsIdeaSelected = 15;
inline constexpr int kPointsHomeworkDone = 5;

// Each author of a new idea.
std::vector<Award> awards_for_submission(int64_t idea_id, const std::vector<Author>& authors);
// The comment's author, once per person who marks it helpful; none for marking your own.
std::vector<Award> awards_for_helpful(int64_t comment_id, int64_t comment_author, int64_t marked_by);
// Authors of `base` when `builder_authors` build on it; none for those who also wrote the
// new idea (building on your own idea earns nothing).
std::vector<Award> awards_for_building_on(int64_t base_id, const std::vector<Author>& base_authors,
                                          const std::vector<Author>& builder_authors);
// Each author when the idea is selected.
std::vector<Award> awards_for_selection(int64_t idea_id, const std::vector<Author>& authors);

// How many awards of each reason a person has: the input of badges.
using AwardCounts = std::map<std::string, int64_t, std::less<>>;
// Badge keys earned, in a fixed order: first_idea (an idea submitted), helpful_5 (five helpful
// marks), bridge_builder (three times built upon), selected (an idea selected).
std::vector<std::string> badges(const AwardCounts& counts);

// ---- tone, interest and reviews ---------------------------------------------------------

// Whether `text` uses words of the hostility lexicon (whole words, any case, a few common
// stems). Deliberately simple: it only asks the writer to reconsider, it blocks nothing.
bool looks_hostile(std::string_view text);

// Points per interest level: curious 1, interested 2, committed 3; unknown 0.
int interest_points(std::string_view level);
// What externals see of an idea's interest score: none (0), some (1..5), strong (6+).
std::string_view interest_aggregate(int64_t score);

// A review's score 0..100: the weighted mean of 1..5 scores per criterion key (missing keys
// score nothing but keep their weight), scaled so all 1s give 0 and all 5s give 100.
int review_score(const std::vector<Criterion>& criteria, const std::map<std::string, int, std::less<>>& scores);

}  // namespace cocreate::ideas
