#pragma once
// SQL for projects, their team and stakeholders, gate reviews and KPI values. Runs on the
// caller's session, inside the caller's transaction; no permission checks. Reads join user
// and stakeholder names for display, and the engagement log for health inputs (read only).
// The ideas a project came from are linked by the ideas' `project_id` column.

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
// Sorted by title, then id; the cursor is (title, id) of the last row.
struct ProjectFilter {
    std::optional<std::string> q;  // words in the title, problem statement or hypothesis
    std::optional<std::string> status, phase;
    std::optional<int64_t> lead_id, framework_id;
    std::optional<bool> ask_first;
    std::optional<std::string> after_key;
    std::optional<int64_t> after_id;
    int limit = 50;
};
// limit + 1 rows, each whole (team, stakeholders, needs, ideas, recent interactions).
std::vector<Project> list_projects(soci::session& s, const ProjectFilter& f);
// The same, only projects shared with a space `user_id` belongs to; `q` then searches only
// the title and the shared summary (the caller refuses the other internal filters).
std::vector<Project> list_shared(soci::session& s, int64_t user_id, const ProjectFilter& f);
// Whether project `id` is shared with a space `user_id` belongs to.
bool shared_with(soci::session& s, int64_t id, int64_t user_id);
void replace_needs(soci::session& s, int64_t id, const std::vector<int64_t>& need_ids);
bool need_exists(soci::session& s, int64_t need_id);
// Links the listed ideas to project `id` (an idea's `project_id`) and unlinks the project's
// other ideas. The caller checks the ids with idea_exists first.
void replace_ideas(soci::session& s, int64_t id, const std::vector<int64_t>& idea_ids);
bool idea_exists(soci::session& s, int64_t idea_id);
std::vector<int64_t> all_project_ids(soci::session& s);
// Up to `limit` projects with ids above `after`, in id order, without team, stakeholders or
// the derived lists (what health needs): the sweep walks them in batches.
std::vector<Project> projects_after(soci::session& s, int64_t after, int limit);
// Whether `user_id` leads, sponsors or is on the team of project `id`.
bool works_on(soci::session& s, int64_t id, int64_t user_id);

int64_t insert_kpi_value(soci::session& s, int64_t project_id, const KpiValue& v, int64_t by, const std::string& now);
// Newest recorded_on first (then newest id); the cursor is (recorded_on, id) of the last row.
struct KpiFilter {
    std::optional<std::string> kpi_key;
    std::optional<std::string> after_key;
    std::optional<int64_t> after_id;
    int limit = 50;
};
std::vector<KpiValue> kpi_values(soci::session& s, int64_t project_id, const KpiFilter& f);
// The latest counting value of each KPI of the project.
std::vector<KpiValue> latest_counting_values(soci::session& s, int64_t project_id);

// Gate reviews. insert_review fails with a database error when the project already has an
// open review (unique index); mark_decided answers false when the review was no longer open.
int64_t insert_review(soci::session& s, const GateReview& r, const std::string& now);
bool mark_decided(soci::session& s, const GateReview& r, const std::string& to_phase, const std::string& now);
std::optional<GateReview> find_review(soci::session& s, int64_t id);
// Takes the review's row lock while it is still requested (on PostgreSQL a racing decider
// waits here until the first commits, then finds it decided); false when it is not open.
bool lock_open_review(soci::session& s, int64_t id);
bool has_open_review(soci::session& s, int64_t project_id);
std::vector<GateReview> reviews_of(soci::session& s, int64_t project_id, std::optional<int64_t> after, int limit);
// Reviews with `status` (any when nullopt) naming `user_id` as a decision maker (anyone's
// when nullopt), newest first, limit + 1.
std::vector<GateReview> find_reviews(soci::session& s, const std::optional<std::string>& status,
                                     std::optional<int64_t> user_id, std::optional<int64_t> after, int limit);

// The board: the projects of one phase with `status` (active and on hold when nullopt),
// ask-first and least healthy first, limit + 1, without team or stakeholders; and how many
// there are.
std::vector<Project> board_column(soci::session& s, int64_t framework_id, const std::string& phase_key,
                                  const std::optional<std::string>& status, int limit);
int64_t count_in_phase(soci::session& s, int64_t framework_id, const std::string& phase_key,
                       const std::optional<std::string>& status);
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
