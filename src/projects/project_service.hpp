#pragma once
// Projects: proposed through the intake fit check, read by internal staff (external
// participants see only summaries shared with their spaces), changed by their team, moved
// between phases only by gate reviews, with KPI values recorded against the phase they
// belong to and health recomputed from the data (docs/api-projects.md). Every change appends
// an event. Thread-safe.

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/page.hpp"
#include "projects/project.hpp"
#include "projects/project_repository.hpp"
#include "projects/version_cache.hpp"
#include "stakeholders/stakeholder_service.hpp"

namespace cocreate::projects {

struct NewProject {
    std::string title, problem_statement, hypothesis;
    int64_t framework_id = 0;
    std::optional<int64_t> sponsor_id;
    std::vector<TeamMember> team;                  // user_id and role
    std::vector<ProjectStakeholder> stakeholders;  // stakeholder_id, role, commitment
    std::vector<KillCriterion> kill_criteria;      // key and text ("we stop if …"); met starts false
    std::optional<Budget> budget;
    std::optional<double> effort_days;
    std::vector<int64_t> need_ids, idea_ids;
    FitAnswers fit;
};

// A PATCH: absent members keep what is stored; an engaged inner nullopt clears.
struct ProjectChanges {
    int64_t version = 0;  // the version last read; another one answers 409
    std::optional<std::string> title, problem_statement, hypothesis;
    std::optional<int64_t> lead_id;
    std::optional<FitAnswers> fit;  // only while in the first phase
    std::optional<std::vector<TeamMember>> team;
    std::optional<std::optional<int64_t>> sponsor_id;
    std::optional<std::vector<KillCriterion>> kill_criteria;  // a kept key keeps its `met`
    std::optional<std::optional<Budget>> budget;
    std::optional<std::optional<double>> effort_days;
    std::optional<std::vector<ProjectStakeholder>> stakeholders;
    std::optional<std::vector<int64_t>> need_ids, idea_ids;
};

struct NewKpiValue {
    std::string kpi_key;
    double value = 0;
    std::optional<std::string> recorded_on;  // default: today
    std::string note;
};

struct ReviewRequest {
    std::vector<int64_t> decision_maker_ids;   // internal users who may decide
    std::vector<int64_t> gatekeepers_present;  // stakeholder ids (internal gatekeepers)
};

struct DecisionInput {
    std::string decision;  // kDecisions
    std::string rationale;
    std::optional<std::vector<int64_t>> gatekeepers_present;
    std::optional<std::string> pivot_to_phase, new_hypothesis;
    std::optional<Learnings> learnings;
};

struct ReviewFilter {
    std::optional<std::string> status;          // kReviewStatuses
    std::optional<int64_t> decision_maker_id;  // reviews naming this user
    std::optional<int64_t> after;
    int limit = 50;
};

struct BoardColumn {
    Phase phase;
    std::vector<Project> cards;  // ask-first and least healthy first, at most 50
    int64_t total = 0;
};
struct Board {
    ProjectFramework framework;  // the current version
    FrameworkVersion version;
    std::vector<BoardColumn> columns;
};

struct Funnel {
    ProjectFramework framework;  // the current version, whose phases the rows follow
    std::optional<std::string> since;
    std::vector<FunnelRow> phases;
};

struct HealthRecompute {
    int64_t projects = 0;
    double seconds = 0;
};

class ProjectService {
public:
    ProjectService(db::Database& db, const core::Clock& clock, stakeholders::StakeholderService& stakeholders);

    core::Result<Project> create(const auth::Principal& p, const NewProject& in);
    // The same inside the caller's write transaction (promoting an idea creates the project
    // and marks the idea in one); the caller commits or rolls back.
    core::Result<Project> create_in(soci::session& s, const auth::Principal& p, const NewProject& in);
    core::Result<Project> get(const auth::Principal& p, int64_t id);
    core::Result<http::Page<Project>> list(const auth::Principal& p, const project_repository::ProjectFilter& f);
    // What an external participant sees: projects shared with a space they belong to.
    core::Result<SharedSummary> get_shared(const auth::Principal& p, int64_t id);
    core::Result<http::Page<SharedSummary>> list_shared(const auth::Principal& p,
                                                        const project_repository::ProjectFilter& f);
    core::Result<Project> update(const auth::Principal& p, int64_t id, const ProjectChanges& in);
    // Moves the project to another published version of its framework (phases match by key).
    core::Result<Project> migrate(const auth::Principal& p, int64_t id, int version);
    // Shares {title, phase, summary} with one space (replacing an earlier share), or stops.
    core::Result<Project> share(const auth::Principal& p, int64_t id, int64_t space_id, const std::string& summary);
    core::Status unshare(const auth::Principal& p, int64_t id);
    // Records a KPI value in the project's current phase; `counts` follows the framework.
    core::Result<KpiValue> record_kpi(const auth::Principal& p, int64_t id, const NewKpiValue& in);
    core::Result<std::pair<Project, FrameworkVersion>> get_with_framework(const auth::Principal& p, int64_t id);
    core::Result<http::Page<KpiValue>> kpi_values(const auth::Principal& p, int64_t id,
                                                  const project_repository::KpiFilter& f);
    // Marks an exit criterion of the current phase met or not; `evidence_url` replaces the
    // evidence link when engaged (inner nullopt clears it) and keeps it otherwise.
    core::Result<Project> set_criterion(const auth::Principal& p, int64_t id, const std::string& key, bool met,
                                        const std::optional<std::optional<std::string>>& evidence_url);
    core::Result<Project> set_kill_criterion(const auth::Principal& p, int64_t id, const std::string& key, bool met);

    // One open review per project: a second request answers 409.
    core::Result<GateReview> request_review(const auth::Principal& p, int64_t id, const ReviewRequest& in);
    // The only way a project changes phase. A decided review answers 409.
    core::Result<std::pair<GateReview, Project>> decide(const auth::Principal& p, int64_t review_id,
                                                        const DecisionInput& in);
    core::Result<http::Page<GateReview>> reviews(const auth::Principal& p, int64_t id, std::optional<int64_t> after,
                                                 int limit);
    // Reviews across projects, newest first; with a decision maker and status=requested:
    // "waiting for my decision".
    core::Result<http::Page<GateReview>> all_reviews(const auth::Principal& p, const ReviewFilter& f);

    // Active and on-hold projects by phase, or only those with `status`.
    core::Result<Board> board(const auth::Principal& p, int64_t framework_id, const std::optional<std::string>& status);
    // The same board shared, not copied: the same pointer comes back while the cached board
    // is current, so a caller may keep what it derived from it (the route keeps the JSON).
    core::Result<std::shared_ptr<const Board>> shared_board(const auth::Principal& p, int64_t framework_id,
                                                            const std::optional<std::string>& status);
    // Projects created on or after `since` ("YYYY-MM-DD"; all when nullopt).
    core::Result<Funnel> funnel(const auth::Principal& p, int64_t framework_id, const std::optional<std::string>& since);

    // Recomputes and stores the health of every project (admin and innovation managers).
    core::Result<HealthRecompute> recompute_all(const auth::Principal& p);
    // The same without a caller: the periodic sweep (time passing changes "time in phase"
    // and "no customer contact").
    HealthRecompute sweep_health();

private:
    // The lead, team, sponsor and innovation managers work on a project; others are refused.
    core::Status may_work_on(soci::session& s, const auth::Principal& p, int64_t id) const;
    // Gathers the health inputs of `project` and stores its health.
    Health refresh_health(soci::session& s, Project& project) const;
    // The project as the API shows it (current phase described), or nullopt.
    std::optional<Project> load(soci::session& s, int64_t id) const;
    std::shared_ptr<const FrameworkVersion> version_of(soci::session& s, const Project& x) const;
    // Checks the people, stakeholders and needs named by a create or update and resolves
    // their names into `x`; a 422 listing every bad reference otherwise.
    core::Status resolve_references(soci::session& s, Project& x, const std::optional<std::vector<TeamMember>>& team,
                                    const std::optional<std::optional<int64_t>>& sponsor_id,
                                    const std::optional<std::vector<ProjectStakeholder>>& parties,
                                    const std::optional<std::vector<int64_t>>& need_ids,
                                    const std::optional<std::vector<int64_t>>& idea_ids) const;

    // The board and the funnel are read far more often than projects change: answers are
    // kept until any project's health is refreshed here (every project write does that), and
    // at most kPortfolioCacheTtl, which bounds how stale a node gets when another node wrote.
    template <typename T>
    struct Cached {
        uint64_t generation = 0;
        std::chrono::steady_clock::time_point at;
        std::shared_ptr<const T> value;
    };
    static constexpr std::chrono::seconds kPortfolioCacheTtl{10};
    template <typename T, typename Key>
    std::shared_ptr<const T> cached(std::map<Key, Cached<T>>& cache, const Key& key) const;
    // A write transaction after which the cached board and funnel are stale. The generation
    // moves after the commit, so a read that raced the write cannot cache the old state as new.
    template <typename F>
    auto write_portfolio(F&& f) {
        auto result = db_.write(std::forward<F>(f));
        generation_.fetch_add(1, std::memory_order_relaxed);
        return result;
    }

    db::Database& db_;
    const core::Clock& clock_;
    stakeholders::StakeholderService& stakeholders_;
    mutable VersionCache versions_;
    mutable std::atomic<uint64_t> generation_{0};
    mutable std::mutex cache_mutex_;
    std::map<std::pair<int64_t, std::string>, Cached<Board>> boards_;
    std::map<std::pair<int64_t, std::string>, Cached<Funnel>> funnels_;
};

}  // namespace cocreate::projects
