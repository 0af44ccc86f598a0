#pragma once
// What internal staff do with an idea beyond the space's discussion: record stakeholders'
// interest ("customer X is interested"), review it against the challenge's criteria, and
// promote it into a project. Interest records and reviews are internal-only: an external
// participant gets 404 for every one of these, exactly as for an idea they cannot see.
// Every write appends an event in the same transaction. Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/page.hpp"
#include "http/query.hpp"
#include "ideas/idea_service.hpp"
#include "ideas/insight.hpp"
#include "projects/project_service.hpp"

namespace cocreate::ideas {

struct InterestInput {
    int64_t stakeholder_id = 0;
    std::string level;  // kInterestLevels
    std::optional<std::string>
        noted_on;  // YYYY-MM-DD, not in the future; default the interaction's day, else today (UTC)
    std::optional<int64_t> interaction_id;  // an interaction involving the stakeholder: source becomes "interaction"
};

struct ReviewInput {
    Scores scores;     // criterion key → 1..5; "overall" when the idea has no challenge criteria
    std::string note;  // at most 4,000 characters
};

// A review as written, and whether it replaced the reviewer's earlier one (200) or is their
// first (201).
struct ReviewOutcome {
    Review review;
    bool replaced = false;
};

struct PromoteInput {
    int64_t framework_id = 0;
    projects::FitAnswers fit;
    std::string hypothesis;                        // 1..4,000 characters
    std::optional<std::string> title;              // default the idea's title; 1..200 characters
    std::optional<std::string> problem_statement;  // default the idea's description as plain text, cut at 4,000
};

struct Promotion {
    projects::Project project;  // the route answers {id, title}
    IdeaView idea;              // now in_project, with project_id set
};

// For the idea's internal view, inside the caller's transaction: the latest interest per
// stakeholder (strongest first) and the review summary scored by the challenge's current
// criteria. The caller has checked that the reader may use the idea's internals.
IdeaInternals idea_internals(soci::session& s, const Idea& x, const std::optional<Challenge>& challenge);

class IdeaInsightService {
public:
    // Keeps references to all four; they must outlive the service.
    IdeaInsightService(db::Database& db, const core::Clock& clock, IdeaService& ideas,
                       projects::ProjectService& projects);

    // Every interest record of the idea, newest `noted_on` first; the cursor is (noted_on, id).
    // 401 signed out; 404 when the caller cannot see the idea or is external.
    core::Result<http::Page<InterestRecord>> interest(const auth::Principal& p, int64_t idea_id,
                                                      const http::KeyPageRequest& page);
    // Records a stakeholder's interest and brings the idea's interest_score in step (the sum of
    // each stakeholder's latest level). 404 as above; 409 when the idea was merged; 422 naming
    // `level`, `stakeholder_id`, `interaction_id` (unknown, or not involving the stakeholder) or
    // `noted_on` (not a date, or in the future).
    core::Result<InterestRecord> record_interest(const auth::Principal& p, int64_t idea_id, const InterestInput& in);

    // The idea's reviews, newest first, each scored by the challenge's current criteria; the
    // cursor is (reviewed_at, reviewer id). 401 / 404 as for interest.
    core::Result<http::Page<Review>> reviews(const auth::Principal& p, int64_t idea_id,
                                             const http::KeyPageRequest& page);
    // Writes the caller's review, replacing their earlier one. 404 as above; 409 when merged;
    // 422 `failed_precondition` naming `phase` outside the challenge's review phase (a
    // stand-alone idea any time); 422 naming `scores` (empty), `scores.<key>` (not a criterion,
    // or outside 1..5) or `note` (too long), every bad field listed.
    core::Result<ReviewOutcome> review(const auth::Principal& p, int64_t idea_id, const ReviewInput& in);

    // Creates a project from the idea through the projects intake (the caller leads, the idea's
    // internal authors form the team as "idea author", stakeholders with recorded interest come
    // along with a role from their kind, idea_ids names the idea) and sets the idea in_project,
    // all in one transaction. 404 when the caller cannot see the idea or is external; 403 for
    // internal users who are not admins or innovation managers; 409 when the idea is in a
    // project already or was merged; 422 naming `title`, `problem_statement`, `hypothesis`,
    // `framework_id` or `fit.<answer>`.
    core::Result<Promotion> promote(const auth::Principal& p, int64_t idea_id, const PromoteInput& in);

private:
    // The idea and the caller's access when they may use its internals; otherwise the 404
    // (or 401) that hides it.
    core::Result<std::pair<Idea, IdeaAccess>> internal_idea(soci::session& s, const auth::Principal& p,
                                                            int64_t idea_id) const;

    db::Database& db_;
    const core::Clock& clock_;
    IdeaService& ideas_;
    projects::ProjectService& projects_;
};

}  // namespace cocreate::ideas
