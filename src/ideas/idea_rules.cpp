#include "ideas/idea_rules.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace cocreate::ideas {

using core::Error;
using core::fail;

namespace {

struct NamedDate {
    const char* field;
    const std::string* text;
};

std::array<NamedDate, 5> named(const PhaseDates& d) {
    return {{{"phases.submission_opens", &d.submission_opens},
             {"phases.discussion_opens", &d.discussion_opens},
             {"phases.voting_opens", &d.voting_opens},
             {"phases.review_opens", &d.review_opens},
             {"phases.closes", &d.closes}}};
}

// The phases each activity is open in.
bool opens(Activity a, std::string_view phase) {
    switch (a) {
        case Activity::kSubmit: return phase == "submission" || phase == "discussion";
        case Activity::kComment:
        case Activity::kBuildOn: return phase == "submission" || phase == "discussion" || phase == "voting";
        case Activity::kVote: return phase == "voting";
        case Activity::kReview: return phase == "review";
    }
    return false;
}

const char* when_open(Activity a) {
    switch (a) {
        case Activity::kSubmit: return "ideas are submitted in the submission and discussion phases";
        case Activity::kComment: return "comments are open in the submission, discussion and voting phases";
        case Activity::kBuildOn: return "building on ideas is open in the submission, discussion and voting phases";
        case Activity::kVote: return "votes are cast in the voting phase";
        case Activity::kReview: return "reviews happen in the review phase";
    }
    return "";
}

std::vector<Award> to_each(const std::vector<Author>& authors, const char* reason, int points, const char* type,
                           int64_t object_id) {
    std::vector<Award> out;
    for (const auto& a : authors) out.push_back({a.id, reason, points, type, object_id, 0});
    return out;
}

// Whole lower-case words of `text` (letters only; everything else separates).
std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string w;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalpha(u) || c == '\'') {
            w.push_back(static_cast<char>(std::tolower(u)));
        } else if (!w.empty()) {
            out.push_back(std::move(w));
            w.clear();
        }
    }
    if (!w.empty()) out.push_back(std::move(w));
    return out;
}

// Stems: a word matches when it starts with one of these and adds at most a common ending.
// Words about people and their work, not about problems ("the wait is terrible" is fine).
constexpr std::array<std::string_view, 21> kHostile = {
    "stupid", "idiot", "idiotic", "dumb", "moron", "useless", "pathetic", "ridiculous", "garbage", "trash", "crap",
    "nonsense", "incompetent", "clueless", "worthless", "lame", "loser", "rubbish", "braindead", "ignorant", "fool"};
constexpr std::array<std::string_view, 6> kEndings = {"", "s", "es", "ed", "ity", "ly"};

bool hostile_word(std::string_view w) {
    for (auto stem : kHostile) {
        if (w.size() < stem.size() || w.substr(0, stem.size()) != stem) continue;
        const auto rest = w.substr(stem.size());
        if (std::find(kEndings.begin(), kEndings.end(), rest) != kEndings.end()) return true;
    }
    return false;
}

}  // namespace

std::string_view phase_on(const PhaseDates& dates, core::Date today) {
    const auto d = named(dates);
    // Index i of kPhases starts on date i - 1 (upcoming has no start).
    std::string_view phase = kPhases[0];
    for (size_t i = 0; i < d.size(); ++i) {
        const auto day = core::parse_date(*d[i].text);
        if (!day || today < *day) break;
        phase = kPhases[i + 1];
    }
    return phase;
}

core::Status validate_phase_dates(const PhaseDates& dates) {
    std::optional<core::Date> previous;
    for (const auto& [field, text] : named(dates)) {
        const auto day = core::parse_date(*text);
        if (!day) return fail(Error::unprocessable(field, "must be a date, e.g. 2026-01-31"));
        if (previous && *day <= *previous)
            return fail(Error::unprocessable(field, "must be after the date of the phase before"));
        previous = day;
    }
    return {};
}

core::Status allowed_in_phase(std::string_view phase, Activity activity, std::string_view field) {
    if (opens(activity, phase)) return {};
    return fail(Error::failed_precondition(std::string(field), "the challenge is in its " + std::string(phase) +
                                                                   " phase; " + when_open(activity)));
}

core::Status check_vote_budget(int64_t used, int per_person) {
    if (used < per_person) return {};
    return fail(Error::failed_precondition(
        "vote", "you have used all " + std::to_string(per_person) + " votes of this challenge; take one back first"));
}

std::vector<Award> awards_for_submission(int64_t idea_id, const std::vector<Author>& authors) {
    return to_each(authors, "idea_submitted", kPointsIdeaSubmitted, "idea", idea_id);
}

std::vector<Award> awards_for_helpful(int64_t comment_id, int64_t comment_author, int64_t marked_by) {
    if (comment_author == 0 || comment_author == marked_by) return {};
    return {{comment_author, "comment_helpful", kPointsCommentHelpful, "comment", comment_id, marked_by}};
}

std::vector<Award> awards_for_building_on(int64_t base_id, const std::vector<Author>& base_authors,
                                          const std::vector<Author>& builder_authors) {
    std::vector<Award> out;
    for (const auto& a : base_authors) {
        const bool own = std::any_of(builder_authors.begin(), builder_authors.end(),
                                     [&](const Author& b) { return b.id == a.id; });
        if (!own) out.push_back({a.id, "built_upon", kPointsBuiltUpon, "idea", base_id, 0});
    }
    return out;
}

std::vector<Award> awards_for_selection(int64_t idea_id, const std::vector<Author>& authors) {
    return to_each(authors, "idea_selected", kPointsIdeaSelected, "idea", idea_id);
}

std::vector<std::string> badges(const AwardCounts& counts) {
    auto count = [&](std::string_view reason) {
        const auto it = counts.find(reason);
        return it == counts.end() ? int64_t{0} : it->second;
    };
    std::vector<std::string> out;
    if (count("idea_submitted") >= 1) out.emplace_back("first_idea");
    if (count("comment_helpful") >= 5) out.emplace_back("helpful_5");
    if (count("built_upon") >= 3) out.emplace_back("bridge_builder");
    if (count("idea_selected") >= 1) out.emplace_back("selected");
    return out;
}

bool looks_hostile(std::string_view text) {
    for (const auto& w : words(text))
        if (hostile_word(w)) return true;
    return false;
}

int interest_points(std::string_view level) {
    for (size_t i = 0; i < kInterestLevels.size(); ++i)
        if (kInterestLevels[i] == level) return static_cast<int>(i) + 1;
    return 0;
}

std::string_view interest_aggregate(int64_t score) {
    if (score <= 0) return kInterestAggregates[0];
    return score <= 5 ? kInterestAggregates[1] : kInterestAggregates[2];
}

int review_score(const std::vector<Criterion>& criteria, const std::map<std::string, int, std::less<>>& scores) {
    double weight = 0, sum = 0;
    for (const auto& c : criteria) {
        weight += c.weight;
        const auto it = scores.find(c.key);
        if (it != scores.end()) sum += c.weight * (std::clamp(it->second, 1, 5) - 1) / 4.0;
    }
    if (weight <= 0) return 0;
    return static_cast<int>(std::lround(100.0 * sum / weight));
}

}  // namespace cocreate::ideas
