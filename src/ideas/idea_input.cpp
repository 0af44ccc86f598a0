#include "ideas/idea_input.hpp"

#include <algorithm>
#include <cctype>

#include "projects/project_input.hpp"

namespace cocreate::ideas {

namespace {

constexpr core::StringRule kGoalRule{.min = 1, .max = 300};
constexpr core::StringRule kTagRule{.min = 1, .max = 40};
constexpr core::StringRule kCommentRule{.min = 1, .max = 10000, .trim = true, .single_line = false};
constexpr core::StringRule kDateRule{.min = 10, .max = 10};

PhaseDates read_dates(core::ObjectReader& r) {
    PhaseDates d;
    r.optional_object("phases", [&](core::ObjectReader& p) {
        d.submission_opens = p.required_string("submission_opens", kDateRule);
        d.discussion_opens = p.required_string("discussion_opens", kDateRule);
        d.voting_opens = p.required_string("voting_opens", kDateRule);
        d.review_opens = p.required_string("review_opens", kDateRule);
        d.closes = p.required_string("closes", kDateRule);
    });
    return d;
}

std::vector<Criterion> read_criteria(core::ObjectReader& r, bool& given) {
    std::vector<Criterion> out;
    given = r.optional_objects("criteria", 10, [&](core::ObjectReader& item, size_t) {
        Criterion c;
        c.key = projects::required_key(item, "key");
        c.text = item.required_string("text", {.min = 1, .max = 500});
        c.weight = static_cast<int>(item.optional_int("weight", 1, 5).value_or(1));
        for (const auto& other : out)
            if (!c.key.empty() && other.key == c.key) item.add_error("key", "appears more than once");
        out.push_back(std::move(c));
    });
    return out;
}

std::string lower_ascii(std::string text) {
    for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// An array of strings in which no item repeats (compared lower-cased when `lower`, and then
// returned lower-cased): a repeat is refused, naming `key`, rather than silently dropped.
std::optional<std::vector<std::string>> read_unique_strings(core::ObjectReader& r, std::string_view key,
                                                            core::StringRule rule, size_t max, bool lower = false) {
    // The reader drops repeats; the raw array tells whether the client sent any.
    const auto* raw = r.peek(key);
    auto items = r.optional_string_array(key, rule, max);
    if (!items) return items;
    if (lower)
        for (auto& item : *items) item = lower_ascii(std::move(item));
    std::vector<std::string> seen;
    if (raw && raw->is_array())
        for (const auto& v : raw->get_array()) {
            if (!v.is_string()) continue;
            std::string text(v.get_string());
            if (lower) text = lower_ascii(std::move(text));
            if (std::find(seen.begin(), seen.end(), text) != seen.end()) {
                r.add_error(std::string(key), "lists \"" + text + "\" more than once");
                return items;
            }
            seen.push_back(std::move(text));
        }
    std::vector<std::string> unique;
    for (auto& item : *items)
        if (std::find(unique.begin(), unique.end(), item) == unique.end()) unique.push_back(std::move(item));
    return unique;
}

}  // namespace

ChallengeInput read_challenge(core::ObjectReader& r, bool creating) {
    ChallengeInput in;
    if (creating) {
        in.space_id = r.required_int("space_id", 1, INT64_MAX);
        in.title = r.required_string("title", kIdeaTitleRule);
        in.problem = r.required_string("problem", kMarkdownRule);
        if (!r.has("phases")) r.add_error("phases", "is required");
        in.protocol = r.optional_string("protocol", {.min = 0, .max = 20000, .trim = true, .single_line = false});
    } else {
        in.version = r.required_int("version", 1, INT64_MAX);
        in.title = r.optional_string("title", kIdeaTitleRule);
        in.problem = r.optional_string("problem", kMarkdownRule);
    }
    in.goals = read_unique_strings(r, "goals", kGoalRule, 10);
    in.audience = r.optional_enum("audience", kAudiences);
    in.sponsor_id = r.nullable_int("sponsor_id", 1, INT64_MAX);
    if (r.has("phases")) in.phases = read_dates(r);
    if (auto v = r.optional_int("votes_per_person", 1, 20)) in.votes_per_person = static_cast<int>(*v);
    in.leaderboard = r.optional_bool("leaderboard");
    bool given = false;
    auto criteria = read_criteria(r, given);
    if (given) in.criteria = std::move(criteria);
    if (r.has("fit")) {
        if (r.is_null("fit")) {
            r.accept("fit");
            in.fit = std::optional<projects::FitAnswers>{};
        } else {
            in.fit = std::optional<projects::FitAnswers>(projects::read_fit(r, "fit"));
        }
    }
    return in;
}

IdeaInput read_idea(core::ObjectReader& r, bool creating) {
    IdeaInput in;
    if (creating) {
        in.space_id = r.optional_int("space_id", 1, INT64_MAX);
        in.challenge_id = r.optional_int("challenge_id", 1, INT64_MAX);
        if (!in.space_id && !in.challenge_id && !r.has("space_id") && !r.has("challenge_id"))
            r.add_error("challenge_id", "or space_id is required");
        in.title = r.required_string("title", kIdeaTitleRule);
        in.description = r.required_string("description", kMarkdownRule);
    } else {
        in.version = r.required_int("version", 1, INT64_MAX);
        in.title = r.optional_string("title", kIdeaTitleRule);
        in.description = r.optional_string("description", kMarkdownRule);
    }
    in.tags = read_unique_strings(r, "tags", kTagRule, 10, true);
    return in;
}

CommentInput read_comment(core::ObjectReader& r) {
    CommentInput in;
    in.body = r.required_string("body", kCommentRule);
    in.parent_id = r.optional_int("parent_id", 1, INT64_MAX);
    in.mention_ids = r.optional_id_array("mention_ids", 20).value_or(std::vector<int64_t>{});
    in.confirm_tone = r.optional_bool("confirm_tone").value_or(false);
    return in;
}

Moderation read_moderation(core::ObjectReader& r, bool idea) {
    Moderation m;
    m.action = r.required_enum("action", kModerationActions);
    m.note = r.required_string("note", kShortNoteRule);
    if (idea) {
        m.title = r.optional_string("title", kIdeaTitleRule);
        m.description = r.optional_string("description", kMarkdownRule);
        if (m.action != "edit" && (m.title || m.description))
            r.add_error(m.title ? "title" : "description", "is only for an edit");
        if (m.action == "edit" && !m.title && !m.description && !r.has("title") && !r.has("description"))
            r.add_error("description", "or title is required to edit");
    } else {
        m.body = r.optional_string("body", kCommentRule);
        if (m.action != "edit" && m.body) r.add_error("body", "is only for an edit");
        if (m.action == "edit" && !m.body && !r.has("body")) r.add_error("body", "is required to edit");
    }
    return m;
}

}  // namespace cocreate::ideas

namespace cocreate::ideas {

InterestInput read_interest(core::ObjectReader& r) {
    InterestInput in;
    in.stakeholder_id = r.required_int("stakeholder_id", 1, INT64_MAX);
    in.level = r.required_enum("level", kInterestLevels);
    in.noted_on = r.optional_string("noted_on", kDateRule);
    in.interaction_id = r.optional_int("interaction_id", 1, INT64_MAX);
    return in;
}

ReviewInput read_review(core::ObjectReader& r) {
    ReviewInput in;
    if (const auto* scores = r.peek("scores"); !scores) {
        r.add_error("scores", "is required", core::ErrorCode::kInvalidArgument);
    } else if (!scores->is_object()) {
        r.add_error("scores", "must be an object of criterion key to 1..5", core::ErrorCode::kInvalidArgument);
    } else if (scores->get_object().size() > 10) {
        r.add_error("scores", "rates at most 10 criteria", core::ErrorCode::kInvalidArgument);
    } else {
        for (const auto& [key, value] : scores->get_object()) {
            const std::string field = "scores." + std::string(key);
            if (!value.is_int64()) {
                r.add_error(field, "must be a whole number from 1 to 5", core::ErrorCode::kInvalidArgument);
                continue;
            }
            // The range and the keys are the service's: it knows the challenge's criteria.
            const auto n = value.get_int64();
            in.scores.emplace(std::string(key), n < -1000 || n > 1000 ? -1 : static_cast<int>(n));
        }
    }
    r.accept("scores");
    in.note = r.optional_string("note", kLongNoteRule).value_or("");
    return in;
}

PromoteInput read_promote(core::ObjectReader& r) {
    PromoteInput in;
    in.framework_id = r.required_int("framework_id", 1, INT64_MAX);
    in.fit = projects::read_fit(r, "fit");
    in.hypothesis = r.required_string("hypothesis", projects::kStatementRule);
    in.title = r.optional_string("title", projects::kTitleRule);
    in.problem_statement = r.optional_string("problem_statement", projects::kStatementRule);
    return in;
}

}  // namespace cocreate::ideas
