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
    // Recomputes and stores the health of every project (admin and innovation managers).
    core::Result<HealthRecompute> recompute_all(const auth::Principal& p);

private:
    // Gathers the health inputs of `project` and stores its health.
    Health refresh_health(soci::session& s, Project& project) const;

    db::Database& db_;
    const core::Clock& clock_;
    stakeholders::StakeholderService& stakeholders_;
};

}  // namespace cocreate::projects
