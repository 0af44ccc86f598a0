#pragma once
// Co-innovation projects' nouns: a versioned phase framework, projects that move through it
// only by gate reviews, phase-aware KPI values, fail-fast health signals, the intake fit
// check and the funnel. Value types only; no I/O. The rules over them live in
// project_rules.hpp. Times and dates are wire text (RFC 3339 / "YYYY-MM-DD"), as in the
// other modules' entities; the rules take core::TimePoint.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocreate::projects {

inline constexpr std::array<std::string_view, 4> kStatuses = {"active", "on_hold", "stopped", "completed"};
inline constexpr std::array<std::string_view, 2> kReviewStatuses = {"requested", "decided"};
inline constexpr std::array<std::string_view, 4> kDecisions = {"go", "kill", "hold", "pivot"};
inline constexpr std::array<std::string_view, 6> kKpiKinds = {"learning", "engagement", "customer",
                                                              "delivery", "outcome",    "financial"};
inline constexpr std::array<std::string_view, 2> kKpiDirections = {"up", "down"};
inline constexpr std::array<std::string_view, 3> kSeverities = {"info", "warning", "critical"};
inline constexpr std::array<std::string_view, 5> kStakeholderRoles = {"customer", "partner", "supplier", "gatekeeper",
                                                                      "other"};
inline constexpr std::array<std::string_view, 3> kHealthLevels = {"healthy", "watch", "at_risk"};
inline constexpr std::array<std::string_view, 3> kFitRecommendations = {"good_fit", "sharpen_first", "poor_fit"};
// The intake questions, in the order of FitAnswers and kFitWeights.
inline constexpr std::array<std::string_view, 5> kFitQuestions = {
    "problem_defined", "near_term", "customers_can_picture", "customer_willing", "capacity_available"};
// A well-defined problem and a willing customer matter most.
inline constexpr std::array<int, 5> kFitWeights = {3, 2, 2, 3, 1};
// Customer interest as engagement records it (none 0 … committed 3); the health trend reads
// these steps. Same words as engagement::kInterests, kept here so projects' pure rules do not
// link the engagement module.
inline constexpr std::array<std::string_view, 4> kInterestLevels = {"none", "curious", "interested", "committed"};
// A phase may recommend this besides the interaction types.
inline constexpr std::string_view kMultiStakeholder = "multi_stakeholder";

struct UserRef {
    int64_t id = 0;
    std::string display_name;
};

// ---- framework --------------------------------------------------------------------------

struct ExitCriterion {
    std::string key, text;
    bool evidence_required = false;  // a `go` needs it met; the others are advice
};

struct Phase {
    std::string key, name;
    std::string guidelines, guidelines_html;       // markdown, and its rendering
    std::vector<std::string> recommended_formats;  // interaction types or kMultiStakeholder
    std::string expected_level;                    // a step of the stakeholder ladder
    std::vector<ExitCriterion> exit_criteria;
    int max_days = 0;
    std::vector<std::string> kpi_keys;
    std::vector<std::string> gatekeepers;  // gatekeeper areas a `go` out of this phase needs present
};

struct KpiDefinition {
    std::string key, name, unit;
    std::string direction = "up";  // kKpiDirections: whether higher or lower is better
    std::string kind;              // kKpiKinds
    // Values recorded before this phase are kept but do not count; absent = from the first
    // phase. Financial KPIs must name it.
    std::optional<std::string> counts_from_phase;
    std::optional<double> target;
};

struct FrameworkVersionRef {
    int version = 0;
    std::string published_at;
};

struct Framework {
    int64_t id = 0;
    std::string name, description;
    int current_version = 0;
    std::vector<FrameworkVersionRef> versions;
    std::string created_at;
};

// Immutable once published. Phase order is the order of `phases`.
struct FrameworkVersion {
    int64_t framework_id = 0;
    int version = 0;
    std::vector<Phase> phases;
    std::vector<KpiDefinition> kpis;
    std::string published_at;
    std::optional<UserRef> published_by;
};

// ---- intake fit check -------------------------------------------------------------------

// Answers 1..5 to the intake questions (kFitQuestions).
struct FitAnswers {
    int problem_defined = 3;
    int near_term = 3;
    int customers_can_picture = 3;
    int customer_willing = 3;
    int capacity_available = 3;
};

struct FitCheck {
    FitAnswers answers;
    int score = 0;                     // 0..100
    std::string recommendation;        // kFitRecommendations
    bool flagged = false;              // a poor fit is allowed, and flagged
    std::vector<std::string> reasons;  // one sentence per answer below 3
};

// ---- health -----------------------------------------------------------------------------

struct Signal {
    std::string key;
    std::string severity;         // kSeverities
    std::optional<double> value;  // the measured number (days, count, drop); none for yes/no signals
    std::string text;             // one sentence for people
};

struct Health {
    int score = 100;                // 0..100
    std::string level = "healthy";  // kHealthLevels
    bool ask_first = false;         // "is this really going somewhere?"
    std::string computed_at;
    std::vector<Signal> signals;  // critical first
};

// ---- projects ---------------------------------------------------------------------------

struct TeamMember {
    int64_t user_id = 0;
    std::string display_name;
    std::string role;
};

struct ProjectStakeholder {
    int64_t stakeholder_id = 0;
    std::string name, kind;
    std::string role;  // kStakeholderRoles
    std::string commitment;
};

struct KillCriterion {
    std::string key, text;
    bool met = false;
};

struct Budget {
    double amount = 0;
    std::string currency;
};

struct Learnings {
    std::string learned, do_differently;
};

struct Share {
    int64_t space_id = 0;
    std::string summary, shared_at;
};

struct ProjectFramework {
    int64_t id = 0;
    std::string name;
    int version = 0;
};

struct ProjectPhase {
    std::string key, name;
    std::string entered_at;
    int max_days = 0;
};

// A check of one exit criterion of one phase (the project's own, kept across phases).
struct CriterionCheck {
    std::string phase_key, criterion_key;
    bool met = false;
    std::optional<std::string> evidence_url;
};

// An exit criterion of the project's current phase with how far it is checked: what the
// project page shows (derived from the framework version and the checks, never stored).
struct CurrentCriterion {
    std::string key, text;
    bool evidence_required = false;
    bool met = false;
    std::optional<std::string> evidence_url;
};

// What external participants see of a project shared with one of their spaces.
struct SharedSummary {
    int64_t id = 0;
    std::string title, phase_key, phase_name, summary, shared_at;
};

struct Project {
    int64_t id = 0;
    std::string title, problem_statement, hypothesis;
    UserRef lead;
    std::vector<TeamMember> team;
    std::optional<UserRef> sponsor;
    ProjectFramework framework;
    ProjectPhase phase;
    std::string status = "active";  // kStatuses
    std::vector<KillCriterion> kill_criteria;
    std::vector<CriterionCheck> criteria_checks;
    std::vector<CurrentCriterion> criteria;  // derived: see describe_phase
    std::optional<Budget> budget;
    std::optional<double> effort_days;
    std::vector<ProjectStakeholder> stakeholders;
    std::vector<int64_t> need_ids, interaction_ids, idea_ids;
    FitCheck fit;
    Health health;
    std::optional<Share> share;
    std::optional<Learnings> learnings;
    int64_t version = 0;
    std::string created_at, updated_at;
};

// ---- gate reviews and KPI values --------------------------------------------------------

struct ReviewCriterion {
    std::string key, text;
    bool met = false;
    std::optional<std::string> evidence_url;
};

struct ReviewKpiValue {
    std::string kpi_key;
    double value = 0;
};

struct GateReview {
    int64_t id = 0;
    int64_t project_id = 0;
    std::string from_phase;
    std::string status = "requested";  // kReviewStatuses
    UserRef requested_by;
    std::string requested_at;
    std::vector<ReviewCriterion> criteria;
    std::vector<ReviewKpiValue> kpi_values;
    std::vector<UserRef> decision_makers;
    std::vector<std::string> gatekeepers_required;  // areas
    std::vector<int64_t> gatekeepers_present;       // stakeholder ids
    std::optional<std::string> decision;            // kDecisions, none while requested
    std::string rationale;
    std::optional<std::string> pivot_to_phase, new_hypothesis;
    std::optional<Learnings> learnings;
    std::optional<UserRef> decided_by;
    std::optional<std::string> decided_at;
};

struct KpiValue {
    int64_t id = 0;
    std::string kpi_key;
    double value = 0;
    std::string recorded_on;
    std::string note;
    std::string phase_key;  // the project's phase when recorded
    bool counts = true;     // false before the KPI's counts_from_phase: kept, shown greyed
};

// ---- look-ups --------------------------------------------------------------------------

// Whether `word` belongs to `vocabulary` (one of the k* arrays above).
template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& vocabulary, std::string_view word) {
    return std::find(vocabulary.begin(), vocabulary.end(), word) != vocabulary.end();
}
// The position of the phase with `key` in `framework` (0 = first), or nullopt.
std::optional<std::size_t> phase_index(const FrameworkVersion& framework, std::string_view key);
// The phase with `key`, or nullptr; the pointer lives as long as `framework`.
const Phase* find_phase(const FrameworkVersion& framework, std::string_view key);
// The KPI definition with `key`, or nullptr; the pointer lives as long as `framework`.
const KpiDefinition* find_kpi(const FrameworkVersion& framework, std::string_view key);

// ---- funnel -----------------------------------------------------------------------------

// One phase of the funnel. Every project that entered a phase either left it (advanced,
// killed, pivoted back, completed) or is still there: entered = advanced + killed +
// pivoted_back + completed + current. `held` counts hold decisions (the project stays).
struct FunnelRow {
    std::string key, name;
    int entered = 0;
    int advanced = 0;
    int killed = 0;
    int held = 0;
    int pivoted_back = 0;
    int completed = 0;
    int current = 0;
};

}  // namespace cocreate::projects
