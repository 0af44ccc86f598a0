#pragma once
// Projects: proposed through the intake fit check, read by internal staff, with KPI values
// recorded against the phase they belong to and health recomputed from the data. Gate
// reviews (the only way to change phase) come next, per docs/design/projects.md.
// Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/page.hpp"
#include "projects/project.hpp"
#include "projects/project_repository.hpp"
#include "stakeholders/stakeholder_service.hpp"

namespace cocreate::projects {

struct NewProject {
    std::string title, problem_statement, hypothesis;
    int64_t framework_id = 0;
    std::optional<int64_t> sponsor_id;
    std::vector<TeamMember> team;                  // user_id and role
    std::vector<ProjectStakeholder> stakeholders;  // stakeholder_id, role, commitment
    std::vector<std::string> kill_criteria;        // "we stop if …"
    std::optional<Budget> budget;
    std::optional<double> effort_days;
    FitAnswers fit;
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

struct BoardColumn {
    Phase phase;
    std::vector<Project> cards;  // ask-first and least healthy first, at most 50
    int64_t total = 0;
};
struct Board {
    FrameworkVersion version;
    std::vector<BoardColumn> columns;
};

struct HealthRecompute {
    int64_t projects = 0;
    double seconds = 0;
};

class ProjectService {
public:
    ProjectService(db::Database& db, const core::Clock& clock, stakeholders::StakeholderService& stakeholders);

    core::Result<Project> create(const auth::Principal& p, const NewProject& in);
    core::Result<Project> get(const auth::Principal& p, int64_t id);
    core::Result<http::Page<Project>> list(const auth::Principal& p, const project_repository::ProjectFilter& f);
    // Records a KPI value in the project's current phase; `counts` follows the framework.
    core::Result<KpiValue> record_kpi(const auth::Principal& p, int64_t id, const NewKpiValue& in);
    core::Result<std::pair<Project, FrameworkVersion>> get_with_framework(const auth::Principal& p, int64_t id);
    core::Result<http::Page<KpiValue>> kpi_values(const auth::Principal& p, int64_t id,
                                                  const std::optional<std::string>& kpi_key,
                                                  std::optional<int64_t> after, int limit);
    // Marks an exit criterion of the current phase met or not, with optional evidence.
    core::Result<Project> set_criterion(const auth::Principal& p, int64_t id, const std::string& key, bool met,
                                        const std::optional<std::string>& evidence_url);
    core::Result<Project> set_kill_criterion(const auth::Principal& p, int64_t id, const std::string& key, bool met);

    // One open review per project: a second request answers 409.
    core::Result<GateReview> request_review(const auth::Principal& p, int64_t id, const ReviewRequest& in);
    // The only way a project changes phase. A decided review answers 409.
    core::Result<std::pair<GateReview, Project>> decide(const auth::Principal& p, int64_t review_id,
                                                        const DecisionInput& in);
    core::Result<http::Page<GateReview>> reviews(const auth::Principal& p, int64_t id, std::optional<int64_t> after,
                                                 int limit);
    // Open reviews; with a decision maker, only theirs ("waiting for my decision").
    core::Result<http::Page<GateReview>> open_reviews(const auth::Principal& p, std::optional<int64_t> decision_maker,
                                                      std::optional<int64_t> after, int limit);

    core::Result<Board> board(const auth::Principal& p, int64_t framework_id);
    core::Result<std::vector<FunnelRow>> funnel(const auth::Principal& p, int64_t framework_id,
                                                const std::optional<std::string>& since);

    // Recomputes and stores the health of every project (admin and innovation managers).
    core::Result<HealthRecompute> recompute_all(const auth::Principal& p);

private:
    // The lead, team, sponsor and innovation managers work on a project; others are refused.
    core::Status may_work_on(soci::session& s, const auth::Principal& p, int64_t id) const;
    // Gathers the health inputs of `project` and stores its health.
    Health refresh_health(soci::session& s, Project& project) const;

    db::Database& db_;
    const core::Clock& clock_;
    stakeholders::StakeholderService& stakeholders_;
};

}  // namespace cocreate::projects
