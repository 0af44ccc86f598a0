#pragma once
// The rules of co-innovation projects (docs/design/projects.md), as pure functions over the
// nouns of project.hpp: the intake fit check, framework validation, which KPI values count,
// gate decisions, health signals and the funnel. No I/O, no clock of their own ("now" is an
// argument); every function is thread-safe and keeps no state.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "projects/project.hpp"

namespace cocreate::projects {

// ---- intake fit check -------------------------------------------------------------------

// The recommendation for a fit score: >= 70 good_fit, 45..69 sharpen_first, < 45 poor_fit.
std::string_view fit_recommendation(int score);

// Scores the intake answers: the weighted mean (kFitWeights) of the 1..5 answers, scaled so
// that all 1s give 0 and all 5s give 100, rounded. The recommendation follows the rounded score
// (the number people see); a poor fit is flagged, not refused. Every answer below 3 adds one
// sentence to `reasons`, in question order. Answers outside 1..5 are clamped (validate them
// first with validate_fit_answers).
FitCheck fit_check(const FitAnswers& answers);

// 422 naming each answer outside 1..5 ("fit.near_term"); ok otherwise.
core::Status validate_fit_answers(const FitAnswers& answers);

// ---- framework --------------------------------------------------------------------------

// Checks a framework version before it is published: 2..12 phases with non-empty, unique keys
// and names and max_days >= 1; exit criterion keys non-empty and unique within their phase;
// a phase's kpi_keys name KPIs; KPI keys non-empty and unique; direction and kind from their
// vocabularies; counts_from_phase names a phase, and financial KPIs must give it. On failure a
// 422 kUnprocessable whose `errors` lists every problem, named like "phases[2].key",
// "phases[0].exit_criteria[1].key", "kpis[0].counts_from_phase".
core::Status validate_framework(const FrameworkVersion& framework);

// Whether a value of `kpi_key` recorded while the project was in `phase_key` counts (for
// health and the portfolio): the phase is at or after the KPI's counts_from_phase. False for
// an unknown KPI or phase; a KPI without counts_from_phase counts from the first phase.
bool kpi_counts(const FrameworkVersion& framework, std::string_view kpi_key, std::string_view phase_key);

// Fills what the project shows of its current phase from its framework version: the phase
// name and max_days, and `criteria` (the phase's exit criteria with the project's checks).
// A phase missing from the version (never for projects written by the service) leaves the
// name empty and no criteria.
void describe_phase(Project& project, const FrameworkVersion& framework);

// Whether a project in `phase_key` of `from` can move to version `to`: the phase key exists
// in `to`. Checks of criteria that `to` no longer has in that phase are dropped by the
// caller's next write (describe_phase ignores them). 422 "version" otherwise.
core::Status check_migration(const FrameworkVersion& to, std::string_view phase_key);

// ---- gate decisions ---------------------------------------------------------------------

// Where a project stands when a review is decided.
struct ProjectState {
    std::string phase_key;
    std::string status = "active";  // kStatuses
};

// A decision on an open gate review, with what the review recorded.
struct GateDecision {
    std::string from_phase;                             // the phase the review was requested in
    std::string decision;                               // kDecisions
    std::string rationale;                              // 1..4,000 characters, always required
    std::vector<ReviewCriterion> criteria;              // the review's exit criteria with `met`
    std::vector<std::string> gatekeeper_areas_present;  // areas of the gatekeepers present
    std::optional<std::string> pivot_to_phase;          // pivot: the current or an earlier phase
    std::optional<std::string> new_hypothesis;          // pivot: required
    std::optional<Learnings> learnings;                 // kill: `learned` required
};

// What a decision does to the project.
struct Transition {
    std::string phase_key;  // the phase after the decision
    std::string status;     // kStatuses
    // True when the project enters a phase (a go to the next phase, or any pivot, including
    // one that restarts the current phase): phase.entered_at resets to the decision time.
    bool phase_changed = false;
    std::optional<std::string> hypothesis;  // pivot: replaces the project's hypothesis
    std::optional<Learnings> learnings;     // kill: stored on the project
};

// Longest rationale, hypothesis or learning text, in characters (UTF-8 code points).
inline constexpr std::size_t kMaxDecisionText = 4000;

// Applies a gate decision. go: next phase, active (or completed, staying in the last phase);
// refused with 422 naming "criteria[i]" for the first criterion of the current phase with
// evidence_required that is not met, or "gatekeepers" for the first required gatekeeper area
// of the current phase not present. kill: stopped; needs learnings ("learnings.learned").
// hold: on_hold in the same phase (a later go resumes). pivot: active in "pivot_to_phase",
// the current or an earlier phase, with "new_hypothesis". "rationale" is always required;
// "decision" must be one of kDecisions. 409 kConflict when the project is stopped or
// completed, when the review's from_phase is not the project's phase, or when that phase is
// not in the framework version.
core::Result<Transition> apply_decision(const FrameworkVersion& framework, const ProjectState& project,
                                        const GateDecision& decision);

// ---- health -----------------------------------------------------------------------------

// The latest counting value of one KPI, with its definition's target.
struct KpiReading {
    std::string name, unit;
    double value = 0;
    std::optional<double> target;  // none: never off target
    std::string direction = "up";  // kKpiDirections
};

// Everything the health signals read, gathered by the caller.
struct HealthInputs {
    core::TimePoint now;
    core::TimePoint project_started_at;  // stands in for the last contact when there was none
    std::string phase_name;
    core::TimePoint phase_entered_at;
    int phase_max_days = 0;               // <= 0: no time limit, no time-based phase signals
    std::vector<bool> exit_criteria_met;  // one flag per exit criterion of the current phase
    // The last held interaction with a customer stakeholder of the project, if any.
    std::optional<core::TimePoint> last_customer_contact;
    // Customer interest steps (0 none … 3 committed) stated in the last 60 days and in the 60
    // days before them.
    std::vector<int> interest_last_60_days, interest_previous_60_days;
    std::vector<KpiReading> kpis;  // counting KPIs only, latest value each
    std::vector<KillCriterion> kill_criteria;
    bool has_sponsor = false;
};

// Severity of each signal. The design fixes time_in_phase, no_customer_contact,
// interest_trend, kill_criteria_met and no_sponsor; open_exit_criteria (a deadline close
// with work open) is a warning, kpis_off_target is info: early in a phase most KPIs are
// below target, and a warning there would put nearly every project on "watch".
inline constexpr std::string_view kOpenExitCriteriaSeverity = "warning";
inline constexpr std::string_view kKpisOffTargetSeverity = "info";

// Computes health from the inputs: the fail-fast signals of the design (time_in_phase,
// no_customer_contact, interest_trend, open_exit_criteria, kpis_off_target,
// kill_criteria_met, no_sponsor), sorted critical first and otherwise in that order; score =
// 100 - 15 per warning - 35 per critical (floor 0); level at_risk below 50, watch below 80;
// ask_first when any signal is critical or the score is below 50.
Health compute_health(const HealthInputs& inputs);

// Whole days from `from` to `to` (rounded down; 0 when `to` is earlier).
int64_t days_between(core::TimePoint from, core::TimePoint to);

// ---- funnel -----------------------------------------------------------------------------

// One decided gate review in a project's history.
struct PhaseMove {
    int64_t project_id = 0;
    std::string from_phase;
    std::string decision;  // kDecisions
    std::string to_phase;  // go: the next phase (ignored from the last one); hold: from_phase
};

// Where a project is now.
struct ProjectPosition {
    int64_t project_id = 0;
    std::string phase_key;
    std::string status = "active";  // kStatuses
};

// The funnel of a cohort of projects over the framework's phases, in phase order. Every
// project in `projects` entered the first phase; each move then counts where it happened:
// go → advanced (completed from the last phase) and entered in the next; kill → killed;
// hold → held; pivot → pivoted_back here and entered in its target. `current` counts active
// and on-hold projects in each phase. Moves and projects naming phases outside the framework
// are left out. Counts are events, so a project that pivots back enters a phase again.
std::vector<FunnelRow> funnel(const FrameworkVersion& framework, const std::vector<PhaseMove>& history,
                              const std::vector<ProjectPosition>& projects);

// The same funnel from counts (what a GROUP BY gives): how many decided moves of each kind,
// and how many projects sit in each phase and status. The cohort is whatever was counted.
struct MoveTally {
    std::string from_phase, decision, to_phase;
    int64_t count = 0;
};
struct PositionTally {
    std::string phase_key, status;
    int64_t count = 0;
};
std::vector<FunnelRow> funnel_from_tallies(const FrameworkVersion& framework, const std::vector<MoveTally>& moves,
                                           const std::vector<PositionTally>& positions);

}  // namespace cocreate::projects
