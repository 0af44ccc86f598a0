#pragma once
// Ideas and challenges' nouns (docs/api-ideas.md): challenges with dated phases and a
// versioned protocol, ideas with authors, build-on links, votes, comments, stakeholder
// interest and internal reviews, and the points that reward collaboration. Value types only;
// the rules over them live in idea_rules.hpp. Times and dates are wire text.

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "projects/project.hpp"

namespace cocreate::ideas {

inline constexpr std::array<std::string_view, 3> kAudiences = {"internal", "external", "both"};
// In time order; `upcoming` before submission opens.
inline constexpr std::array<std::string_view, 6> kPhases = {"upcoming", "submission", "discussion",
                                                            "voting",   "review",     "closed"};
inline constexpr std::array<std::string_view, 6> kStatuses = {"new",        "under_review", "selected",
                                                              "in_project", "parked",       "declined"};
inline constexpr std::array<std::string_view, 3> kInterestLevels = {"curious", "interested", "committed"};
inline constexpr std::array<std::string_view, 3> kInterestAggregates = {"none", "some", "strong"};
inline constexpr std::array<std::string_view, 3> kSorts = {"-votes", "-interest", "-created"};
inline constexpr std::array<std::string_view, 2> kReportTypes = {"idea", "comment"};
inline constexpr std::array<std::string_view, 3> kModerationActions = {"hide", "restore", "edit"};
inline constexpr std::array<std::string_view, 5> kPointsReasons = {"idea_submitted", "comment_helpful", "built_upon",
                                                                 "idea_selected", "homework_done"};

struct UserRef {
    int64_t id = 0;
    std::string display_name;
};

// The dates that open each phase; each strictly after the one before.
struct PhaseDates {
    std::string submission_opens, discussion_opens, voting_opens, review_opens, closes;  // YYYY-MM-DD
};

struct Criterion {
    std::string key, text;
    int weight = 1;  // 1..5
};

struct ProtocolVersion {
    int version = 0;
    std::string text, note, changed_at;
    std::optional<UserRef> changed_by;
};

struct Challenge {
    int64_t id = 0, space_id = 0;
    std::string title, problem;
    std::vector<std::string> goals;
    std::string audience = "both";  // kAudiences
    std::optional<UserRef> sponsor;
    PhaseDates phases;
    int votes_per_person = 5;
    bool leaderboard = true;
    std::vector<Criterion> criteria;
    std::optional<projects::FitAnswers> fit;  // the intake answers, internal only once scored
    ProtocolVersion protocol;                 // the current one
    int64_t idea_count = 0, version = 0;
    std::string created_at, updated_at;
};

struct Author {
    int64_t id = 0;
    std::string display_name;
    std::string role = "author";  // author | co_author
};

struct IdeaRef {
    int64_t id = 0;
    std::string title;
};

struct Interest {
    int64_t id = 0, stakeholder_id = 0;
    std::string stakeholder_name, level, noted_on, source;  // kInterestLevels; manual | interaction
    std::optional<int64_t> interaction_id;
};

struct Idea {
    int64_t id = 0, space_id = 0;
    std::optional<int64_t> challenge_id;
    std::string title, description;
    std::vector<std::string> tags;
    std::vector<Author> authors;
    std::string status = "new";  // kStatuses
    std::optional<std::string> decline_reason;
    std::optional<int64_t> project_id, merged_into;
    bool hidden = false;
    std::optional<std::string> moderation_note;
    std::optional<UserRef> moderated_by;  // internal only
    std::vector<IdeaRef> builds_on, built_on_by;
    int64_t vote_count = 0, comment_count = 0, interest_score = 0;
    int64_t version = 0;
    std::string created_at, updated_at;
};

struct Comment {
    int64_t id = 0, idea_id = 0;
    std::optional<int64_t> parent_id;
    std::string body;
    std::optional<UserRef> author;
    std::vector<UserRef> mentions;
    int64_t helpful_count = 0;
    bool hostile = false;  // internal only
    bool hidden = false;
    std::optional<std::string> moderation_note, edited_at;
    std::optional<UserRef> moderated_by;  // internal only
    std::string created_at;
};

// One award in the points ledger.
struct Award {
    int64_t user_id = 0;
    std::string reason;  // see kPoints
    int points = 0;
    std::string object_type;
    int64_t object_id = 0;
    int64_t from_user_id = 0;  // who caused it, where one person may cause it once (helpful marks)
};

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& vocabulary, std::string_view word) {
    return std::find(vocabulary.begin(), vocabulary.end(), word) != vocabulary.end();
}

}  // namespace cocreate::ideas
