#pragma once
// SQL for projects, their team and stakeholders, gate reviews and KPI values. Runs on the
// caller's session, inside the caller's transaction; no permission checks. Reads join user
// and stakeholder names for display, and the engagement log for health inputs (read only).

#include <soci/boost-optional.h>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "projects/project.hpp"
#include "projects/project_rules.hpp"

namespace cocreate::projects::project_repository {

int64_t insert_project(soci::session& s, const Project& p, int64_t by, const std::string& now);
// Writes every column of `p` and bumps the version; false when the stored version is no
// longer `p.version`.
bool update_project(soci::session& s, const Project& p, const std::string& now);
void replace_team(soci::session& s, int64_t id, const std::vector<TeamMember>& team);
void replace_stakeholders(soci::session& s, int64_t id, const std::vector<ProjectStakeholder>& list);
void store_health(soci::session& s, int64_t id, const Health& h);

std::optional<Project> find_project(soci::session& s, int64_t id);
struct ProjectFilter {
    std::optional<std::string> status;
    std::optional<int64_t> framework_id;
    std::optional<int64_t> after;
    int limit = 50;
};
std::vector<Project> list_projects(soci::session& s, const ProjectFilter& f);
std::vector<int64_t> all_project_ids(soci::session& s);
// Whether `user_id` leads, sponsors or is on the team of project `id`.
bool works_on(soci::session& s, int64_t id, int64_t user_id);

int64_t insert_kpi_value(soci::session& s, int64_t project_id, const KpiValue& v, int64_t by, const std::string& now);
std::vector<KpiValue> kpi_values(soci::session& s, int64_t project_id, const std::optional<std::string>& kpi_key,
                                 std::optional<int64_t> after, int limit);
// The latest counting value of each KPI of the project.
std::vector<KpiValue> latest_counting_values(soci::session& s, int64_t project_id);

// Gate reviews. insert_review fails with a database error when the project already has an
// open review (unique index); mark_decided answers false when the review was no longer open.
int64_t insert_review(soci::session& s, const GateReview& r, const std::string& now);
bool mark_decided(soci::session& s, const GateReview& r, const std::string& to_phase, const std::string& now);
std::optional<GateReview> find_review(soci::session& s, int64_t id);
bool has_open_review(soci::session& s, int64_t project_id);
std::vector<GateReview> reviews_of(soci::session& s, int64_t project_id, std::optional<int64_t> after, int limit);
// Open reviews `user_id` is a decision maker of (all open ones when nullopt), newest first.
std::vector<GateReview> open_reviews(soci::session& s, std::optional<int64_t> user_id, std::optional<int64_t> after,
                                     int limit);

// The board: the active and on-hold projects of one phase, ask-first and least healthy
// first, limit + 1; and how many there are.
std::vector<Project> board_column(soci::session& s, int64_t framework_id, const std::string& phase_key, int limit);
int64_t count_in_phase(soci::session& s, int64_t framework_id, const std::string& phase_key);
// Decided reviews of a framework's projects as (from, decision, to) with how many of each,
// and the projects by (phase, status) with how many: the funnel's inputs.
std::vector<MoveTally> move_counts(soci::session& s, int64_t framework_id, const std::optional<std::string>& since);
std::vector<PositionTally> position_counts(soci::session& s, int64_t framework_id, const std::optional<std::string>& since);

// Health inputs from the engagement log: the latest held interaction with a customer
// stakeholder of the project, and interest steps stated by them in [from, to).
std::optional<std::string> last_customer_contact(soci::session& s, int64_t project_id);
std::vector<int> customer_interest(soci::session& s, int64_t project_id, const std::string& from,
                                   const std::string& to);

}  // namespace cocreate::projects::project_repository
