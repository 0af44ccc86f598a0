#include "ideas/insight_service.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "auth/people.hpp"
#include "auth/permissions.hpp"
#include "core/markdown.hpp"
#include "events/event_log.hpp"
#include "ideas/idea_repository.hpp"
#include "ideas/idea_rules.hpp"
#include "ideas/insight_repository.hpp"

namespace cocreate::ideas {

using auth::Action;
using auth::authorize;
using core::Error;
using core::fail;
namespace repo = insight_repository;

namespace {

constexpr size_t kMaxNote = 4000;
constexpr size_t kMaxTitle = 200;
constexpr size_t kMaxStatement = 4000;

// Interest and reviews are staff business: the events stay internal.
events::NewEvent staff_event(const auth::Principal& p, std::string verb, int64_t idea_id, boost::json::object payload) {
    return {p.user_id,         std::move(verb), "idea", idea_id, std::nullopt, events::Visibility::kInternal,
            std::move(payload)};
}

// Collects field errors so that one answer names every bad field.
class Problems {
public:
    void add(std::string field, std::string detail) { e_.errors.push_back({std::move(field), std::move(detail)}); }
    bool empty() const { return e_.errors.empty(); }
    Error error() && {
        e_.field = e_.errors.front().field;
        e_.detail = e_.field + " " + e_.errors.front().detail;
        return std::move(e_);
    }

private:
    Error e_{core::ErrorCode::kUnprocessable};
};

size_t code_points(std::string_view text) {
    return static_cast<size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    return std::string(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// At most `max` code points of `text`, never splitting one.
std::string cut(std::string_view text, size_t max) {
    size_t seen = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (seen++ == max) return std::string(text.substr(0, i));
    }
    return std::string(text);
}

void append_utf8(std::string& out, unsigned long c) {
    if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = 0xFFFD;
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// Whether `tag` ("</p>", "<li>") ends a paragraph-like block or starts a list item.
bool ends_block(std::string_view tag) {
    for (std::string_view name :
         {"</p", "</h1", "</h2", "</h3", "</h4", "</h5", "</h6", "</blockquote", "</pre", "<hr"})
        if (tag.substr(0, name.size()) == name) return true;
    return false;
}

// The text a reader sees in `markdown`: rendered by the same safe renderer as the page, then
// tags dropped and entities decoded, so markdown syntax never leaks into a project's problem
// statement. Paragraphs stay apart by a blank line, list items start with "- ".
std::string plain_text(std::string_view markdown) {
    const std::string html = core::markdown_to_safe_html(markdown);
    std::string text;
    for (size_t i = 0; i < html.size(); ++i) {
        if (html[i] == '<') {
            const auto end = html.find('>', i);
            if (end == std::string::npos) break;
            const std::string_view tag = std::string_view(html).substr(i, end - i + 1);
            if (ends_block(tag))
                text += '\n';
            else if (tag.substr(0, 4) == "<li>")
                text += "- ";
            i = end;
        } else if (html[i] == '&') {
            const auto end = html.find(';', i);
            const std::string_view entity =
                end == std::string::npos ? "" : std::string_view(html).substr(i + 1, end - i - 1);
            if (entity == "amp")
                text += '&';
            else if (entity == "lt")
                text += '<';
            else if (entity == "gt")
                text += '>';
            else if (entity == "quot")
                text += '"';
            else if (entity.size() > 1 && entity[0] == '#') {
                const bool hex = entity[1] == 'x' || entity[1] == 'X';
                append_utf8(text,
                            std::strtoul(std::string(entity.substr(hex ? 2 : 1)).c_str(), nullptr, hex ? 16 : 10));
            } else {
                text += '&';
                continue;
            }
            i = end;
        } else {
            text += html[i];
        }
    }
    std::string out;
    int newlines = 0;
    for (char c : text) {
        newlines = c == '\n' ? newlines + 1 : 0;
        if (newlines <= 2) out += c;
    }
    return trimmed(out);
}

// What an idea is reviewed on: its challenge's criteria, or a single `overall` score when it
// stands alone or the challenge names none.
std::vector<Criterion> criteria_for(const std::optional<Challenge>& c) {
    if (c && !c->criteria.empty()) return c->criteria;
    return {{"overall", "Overall", 1}};
}

// Strongest first; records of equal strength keep their order (newest first).
void strongest_first(std::vector<InterestRecord>& records) {
    std::stable_sort(records.begin(), records.end(), [](const InterestRecord& a, const InterestRecord& b) {
        return interest_points(a.level) > interest_points(b.level);
    });
}

int64_t score_of(const std::vector<InterestRecord>& latest) {
    int64_t sum = 0;
    for (const auto& r : latest) sum += interest_points(r.level);
    return sum;
}

// A project stakeholder's role from the stakeholder's kind (docs/api-ideas.md, Promote).
std::string project_role(std::string_view kind) {
    if (kind == "customer" || kind == "prospect") return "customer";
    if (kind == "partner" || kind == "supplier") return std::string(kind);
    if (kind == "internal_gatekeeper") return "gatekeeper";
    return "other";
}

core::Status check_review(const ReviewInput& in, const std::vector<Criterion>& criteria, bool overall_only) {
    Problems problems;
    if (in.scores.empty())
        problems.add("scores", overall_only ? "must rate overall from 1 to 5" : "must rate at least one criterion");
    for (const auto& [key, value] : in.scores) {
        const bool known =
            std::any_of(criteria.begin(), criteria.end(), [&](const Criterion& c) { return c.key == key; });
        if (!known)
            problems.add("scores." + key,
                         overall_only ? "is not rated here: an idea without challenge criteria is rated on overall"
                                      : "is not a criterion of the challenge");
        else if (value < 1 || value > 5)
            problems.add("scores." + key, "must be between 1 and 5");
    }
    if (code_points(in.note) > kMaxNote) problems.add("note", "must be at most 4000 characters");
    if (problems.empty()) return {};
    return fail(std::move(problems).error());
}

template <typename T, typename KeyOf>
http::Page<T> key_page(std::vector<T> rows, int limit, KeyOf key_of) {
    http::Page<T> page;
    if (static_cast<int>(rows.size()) > limit) {
        rows.resize(static_cast<size_t>(limit));
        const auto [key, id] = key_of(rows.back());
        page.next_cursor = http::key_cursor_for(key, id);
    }
    page.items = std::move(rows);
    return page;
}

Error merged(const Idea& x, std::string_view what) {
    return Error::conflict("this idea was merged into idea " + std::to_string(*x.merged_into) + "; " +
                           std::string(what) + " there");
}

}  // namespace

IdeaInsightService::IdeaInsightService(db::Database& db, const core::Clock& clock, IdeaService& ideas,
                                       projects::ProjectService& projects)
    : db_(db), clock_(clock), ideas_(ideas), projects_(projects) {}

core::Result<std::pair<Idea, IdeaAccess>> IdeaInsightService::internal_idea(soci::session& s, const auth::Principal& p,
                                                                            int64_t idea_id) const {
    auto found = ideas_.visible(s, p, idea_id);
    if (!found) return fail(found.error());
    // The same answer as for an idea that does not exist: externals must not learn of these.
    if (!authorize(p, Action::kUseIdeaInternals, found->second.target)) return fail(Error::not_found("no such idea"));
    return found;
}

core::Result<http::Page<InterestRecord>> IdeaInsightService::interest(const auth::Principal& p, int64_t idea_id,
                                                                      const http::KeyPageRequest& page) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    return db_.read([&](soci::session& s) -> core::Result<http::Page<InterestRecord>> {
        if (auto found = internal_idea(s, p, idea_id); !found) return fail(found.error());
        std::optional<std::string> key;
        std::optional<int64_t> after;
        if (page.after) {
            key = page.after->key;
            after = page.after->id;
        }
        return key_page(repo::interest_of(s, idea_id, key, after, page.limit), page.limit, [](const InterestRecord& r) {
            return std::pair{r.noted_on, r.id};
        });
    });
}

core::Result<InterestRecord> IdeaInsightService::record_interest(const auth::Principal& p, int64_t idea_id,
                                                                 const InterestInput& in) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    return db_.write([&](soci::session& s) -> core::Result<InterestRecord> {
        auto found = internal_idea(s, p, idea_id);
        if (!found) return fail(found.error());
        const auto& idea = found->first;
        if (idea.merged_into) return fail(merged(idea, "record interest"));
        Problems problems;
        if (!is_one_of(kInterestLevels, in.level))
            problems.add("level", "must be one of curious, interested, committed");
        const auto stakeholder = repo::find_stakeholder(s, in.stakeholder_id);
        if (!stakeholder) problems.add("stakeholder_id", "names no stakeholder");
        const auto today = core::date_of(clock_.now());
        std::optional<core::Date> day;
        if (in.interaction_id && stakeholder) {
            const auto occurred = repo::interaction_time(s, *in.interaction_id, in.stakeholder_id);
            const auto at = occurred ? core::parse_time(*occurred) : std::nullopt;
            if (!at)
                problems.add("interaction_id", "names no interaction with this stakeholder");
            else
                day = core::date_of(*at);
            if (day && *day > today && !in.noted_on)
                problems.add("interaction_id", "has not taken place yet: give noted_on to record interest before it");
        }
        if (in.noted_on) {
            day = core::parse_date(*in.noted_on);
            if (!day)
                problems.add("noted_on", "must be a date (YYYY-MM-DD)");
            else if (*day > today)
                problems.add("noted_on", "must not be in the future");
        }
        if (!problems.empty()) return fail(std::move(problems).error());
        Interest x;
        x.stakeholder_id = in.stakeholder_id;
        x.level = in.level;
        x.noted_on = core::format_date(day.value_or(today));
        x.source = in.interaction_id ? "interaction" : "manual";
        x.interaction_id = in.interaction_id;
        const auto t = core::format_time(clock_.now());
        const auto id = repo::insert_interest(s, idea.id, x, p.user_id, t);
        repo::set_interest_score(s, idea.id, score_of(repo::latest_interest(s, idea.id)));
        events::append(s,
                       staff_event(p, "idea.interest_recorded", idea.id,
                                   {{"interest_id", id}, {"stakeholder_id", x.stakeholder_id}, {"level", x.level}}),
                       t);
        return *repo::find_interest(s, id);
    });
}

core::Result<http::Page<Review>> IdeaInsightService::reviews(const auth::Principal& p, int64_t idea_id,
                                                             const http::KeyPageRequest& page) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    return db_.read([&](soci::session& s) -> core::Result<http::Page<Review>> {
        auto found = internal_idea(s, p, idea_id);
        if (!found) return fail(found.error());
        const auto criteria = criteria_for(found->second.challenge);
        std::optional<std::string> key;
        std::optional<int64_t> after;
        if (page.after) {
            key = page.after->key;
            after = page.after->id;
        }
        auto rows = repo::reviews_of(s, idea_id, key, after, page.limit);
        for (auto& r : rows) r.score = review_score(criteria, r.scores);
        return key_page(std::move(rows), page.limit, [](const Review& r) {
            return std::pair{r.reviewed_at, r.reviewer.id};
        });
    });
}

core::Result<ReviewOutcome> IdeaInsightService::review(const auth::Principal& p, int64_t idea_id,
                                                       const ReviewInput& in) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    return db_.write([&](soci::session& s) -> core::Result<ReviewOutcome> {
        auto found = internal_idea(s, p, idea_id);
        if (!found) return fail(found.error());
        const auto& [idea, access] = *found;
        if (idea.merged_into) return fail(merged(idea, "review it"));
        if (access.challenge)
            if (auto ok = allowed_in_phase(ideas_.phase_of(*access.challenge), Activity::kReview, "phase"); !ok)
                return fail(ok.error());
        const auto criteria = criteria_for(access.challenge);
        if (auto ok = check_review(in, criteria, !access.challenge || access.challenge->criteria.empty()); !ok)
            return fail(ok.error());
        const bool replaced = repo::has_review(s, idea.id, p.user_id);
        const auto t = core::format_time(clock_.now());
        repo::upsert_review(s, idea.id, p.user_id, in.scores, in.note, t);
        auto r = *repo::find_review(s, idea.id, p.user_id);
        r.score = review_score(criteria, r.scores);
        events::append(
            s, staff_event(p, replaced ? "idea.review_replaced" : "idea.reviewed", idea.id, {{"score", r.score}}), t);
        return ReviewOutcome{std::move(r), replaced};
    });
}

core::Result<Promotion> IdeaInsightService::promote(const auth::Principal& p, int64_t idea_id, const PromoteInput& in) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    return db_.write([&](soci::session& s) -> core::Result<Promotion> {
        auto found = ideas_.visible(s, p, idea_id);
        if (!found) return fail(found.error());
        const auto& [idea, access] = *found;
        if (auto ok = authorize(p, Action::kPromoteIdea, access.target); !ok) return fail(ok.error());
        if (idea.merged_into) return fail(merged(idea, "promote"));
        if (idea.status == "in_project") return fail(Error::conflict("the idea is in a project already"));

        projects::NewProject n;
        Problems problems;
        n.title = trimmed(in.title.value_or(idea.title));
        if (n.title.empty())
            problems.add("title", "must not be empty");
        else if (code_points(n.title) > kMaxTitle)
            problems.add("title", "must be at most 200 characters");
        if (in.problem_statement) {
            n.problem_statement = trimmed(*in.problem_statement);
            if (n.problem_statement.empty())
                problems.add("problem_statement", "must not be empty");
            else if (code_points(n.problem_statement) > kMaxStatement)
                problems.add("problem_statement", "must be at most 4000 characters");
        } else {
            n.problem_statement = trimmed(cut(plain_text(idea.description), kMaxStatement));
            if (n.problem_statement.empty())
                problems.add("problem_statement", "is required: the idea has no description to start from");
        }
        n.hypothesis = trimmed(in.hypothesis);
        if (n.hypothesis.empty())
            problems.add("hypothesis", "must not be empty");
        else if (code_points(n.hypothesis) > kMaxStatement)
            problems.add("hypothesis", "must be at most 4000 characters");
        if (!problems.empty()) return fail(std::move(problems).error());

        n.framework_id = in.framework_id;
        n.fit = in.fit;
        // The caller leads; the idea's authors who are staff carry it on (externals cannot be
        // on a project team).
        for (const auto& a : idea.authors)
            if (a.id != p.user_id)
                if (auto name = auth::people::internal_user_name(s, a.id))
                    n.team.push_back({a.id, *name, "idea author"});
        auto interested = repo::latest_interest(s, idea.id);
        strongest_first(interested);
        for (const auto& r : interested)
            n.stakeholders.push_back({r.stakeholder_id, r.stakeholder_name, r.kind, project_role(r.kind),
                                      "Interest in the idea: " + r.level});
        n.idea_ids = {idea.id};
        auto project = projects_.create_in(s, p, n);
        if (!project) return fail(project.error());

        // The project's intake linked the idea (its project_id); read it back for the version.
        auto x = *idea_repository::find_idea(s, idea.id);
        x.status = "in_project";
        x.project_id = project->id;
        const auto t = core::format_time(clock_.now());
        if (!idea_repository::update_idea(s, x, t))
            return fail(Error::conflict("the idea changed meanwhile; try again"));
        // The space sees the idea move on; which project it became stays internal until shared.
        const bool staff_only = access.challenge && access.challenge->audience == "internal";
        events::append(s,
                       {p.user_id,
                        "idea.promoted",
                        "idea",
                        idea.id,
                        idea.space_id,
                        staff_only ? events::Visibility::kInternal : events::Visibility::kSpace,
                        {{"status", "in_project"}}},
                       t);
        events::append(s,
                       {p.user_id,
                        "project.created_from_idea",
                        "project",
                        project->id,
                        std::nullopt,
                        events::Visibility::kInternal,
                        {{"idea_id", idea.id}}},
                       t);
        return Promotion{std::move(*project), ideas_.view(s, p, *idea_repository::find_idea(s, idea.id), access)};
    });
}

IdeaInternals idea_internals(soci::session& s, const Idea& x, const std::optional<Challenge>& challenge) {
    IdeaInternals out;
    out.interest = repo::latest_interest(s, x.id);
    strongest_first(out.interest);
    const auto criteria = criteria_for(challenge);
    out.review.reviews = repo::all_reviews(s, x.id);
    double sum = 0;
    for (auto& r : out.review.reviews) {
        r.score = review_score(criteria, r.scores);
        sum += r.score;
    }
    out.review.count = static_cast<int64_t>(out.review.reviews.size());
    if (out.review.count > 0)
        out.review.score = static_cast<int>(std::lround(sum / static_cast<double>(out.review.count)));
    return out;
}

}  // namespace cocreate::ideas
