#include "projects/project_rules.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <numeric>
#include <set>
#include <unordered_set>
#include <utility>

namespace cocreate::projects {

using core::Error;
using core::FieldError;

namespace {

bool blank(std::string_view text) {
    return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

std::size_t code_points(std::string_view text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// "kpis[3]": how field errors name an item of a list.
std::string item(std::string_view list, std::size_t index) {
    return std::string(list) + "[" + std::to_string(index) + "]";
}

// Shortest text that reads back as the same number: 4 → "4", 4.5 → "4.5".
std::string number(double value) {
    char buf[32];
    const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
    return std::string(buf, end);
}

// One 422 listing every problem; the first one is the headline.
core::Status problems(std::vector<FieldError> errors) {
    if (errors.empty()) return {};
    Error e{core::ErrorCode::kUnprocessable, errors.front().field + " " + errors.front().detail, errors.front().field};
    e.errors = std::move(errors);
    return core::fail(std::move(e));
}

// A required free text of a decision: present, not blank, not too long.
core::Status required_text(std::string field, const std::optional<std::string>& text) {
    if (!text || blank(*text)) return core::fail(Error::unprocessable(std::move(field), "is required"));
    if (code_points(*text) > kMaxDecisionText)
        return core::fail(Error::unprocessable(std::move(field), "must be at most 4000 characters"));
    return {};
}

}  // namespace

// ---- intake fit check -------------------------------------------------------------------

std::string_view fit_recommendation(int score) {
    if (score >= 70) return "good_fit";
    if (score >= 45) return "sharpen_first";
    return "poor_fit";
}

namespace {

std::array<int, 5> fit_values(const FitAnswers& a) {
    return {a.problem_defined, a.near_term, a.customers_can_picture, a.customer_willing, a.capacity_available};
}

// Why a low answer matters, one sentence per question (kFitQuestions order).
constexpr std::array<std::string_view, 5> kFitReasons = {
    "The problem is not yet clearly defined.",
    "The need is not near-term.",
    "Customers cannot yet picture what we would build together.",
    "No customer has yet shown they are willing to take part.",
    "The team has little capacity to take this on.",
};

}  // namespace

FitCheck fit_check(const FitAnswers& answers) {
    FitCheck fit{.answers = answers};
    const auto values = fit_values(answers);
    int weighted = 0;  // sum of weight × (answer − 1): 0 when all answers are 1
    int weights = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int answer = std::clamp(values[i], 1, 5);
        weighted += kFitWeights[i] * (answer - 1);
        weights += kFitWeights[i];
        if (answer < 3) fit.reasons.emplace_back(kFitReasons[i]);
    }
    // (weighted mean − 1) / 4 × 100 = 25 × weighted / weights, rounded half up in integers
    // so that the same answers give the same score on every platform.
    fit.score = (50 * weighted + weights) / (2 * weights);
    fit.recommendation = fit_recommendation(fit.score);
    fit.flagged = fit.recommendation == "poor_fit";
    return fit;
}

core::Status validate_fit_answers(const FitAnswers& answers) {
    std::vector<FieldError> errors;
    const auto values = fit_values(answers);
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i] < 1 || values[i] > 5)
            errors.push_back({"fit." + std::string(kFitQuestions[i]), "must be 1 to 5"});
    return problems(std::move(errors));
}

// ---- framework --------------------------------------------------------------------------

namespace {

void check_exit_criteria(const Phase& phase, const std::string& at, std::vector<FieldError>& errors) {
    std::set<std::string_view> keys;
    for (std::size_t j = 0; j < phase.exit_criteria.size(); ++j) {
        const auto& criterion = phase.exit_criteria[j];
        const std::string field = at + "." + item("exit_criteria", j);
        if (blank(criterion.key))
            errors.push_back({field + ".key", "is required"});
        else if (!keys.insert(criterion.key).second)
            errors.push_back(
                {field + ".key", "repeats the exit criterion key \"" + criterion.key + "\" of this phase"});
        if (blank(criterion.text)) errors.push_back({field + ".text", "is required"});
    }
}

void check_phases(const FrameworkVersion& framework, std::vector<FieldError>& errors) {
    if (framework.phases.size() < 2 || framework.phases.size() > 12)
        errors.push_back({"phases", "must hold 2 to 12 phases"});
    std::set<std::string_view> keys;
    for (std::size_t i = 0; i < framework.phases.size(); ++i) {
        const auto& phase = framework.phases[i];
        const std::string at = item("phases", i);
        if (blank(phase.key))
            errors.push_back({at + ".key", "is required"});
        else if (!keys.insert(phase.key).second)
            errors.push_back({at + ".key", "repeats the phase key \"" + phase.key + "\""});
        if (blank(phase.name)) errors.push_back({at + ".name", "is required"});
        // Time in phase and the exit-criteria window are measured against max_days.
        if (phase.max_days < 1) errors.push_back({at + ".max_days", "must be at least 1"});
        check_exit_criteria(phase, at, errors);
        for (std::size_t j = 0; j < phase.kpi_keys.size(); ++j)
            if (!find_kpi(framework, phase.kpi_keys[j]))
                errors.push_back({at + "." + item("kpi_keys", j), "names no KPI of this framework"});
    }
}

void check_kpis(const FrameworkVersion& framework, std::vector<FieldError>& errors) {
    std::set<std::string_view> keys;
    for (std::size_t i = 0; i < framework.kpis.size(); ++i) {
        const auto& kpi = framework.kpis[i];
        const std::string at = item("kpis", i);
        if (blank(kpi.key))
            errors.push_back({at + ".key", "is required"});
        else if (!keys.insert(kpi.key).second)
            errors.push_back({at + ".key", "repeats the KPI key \"" + kpi.key + "\""});
        if (blank(kpi.name)) errors.push_back({at + ".name", "is required"});
        if (!is_one_of(kKpiDirections, kpi.direction)) errors.push_back({at + ".direction", "must be up or down"});
        if (!is_one_of(kKpiKinds, kpi.kind))
            errors.push_back({at + ".kind", "must be learning, engagement, customer, delivery, outcome or financial"});
        if (kpi.counts_from_phase) {
            if (!phase_index(framework, *kpi.counts_from_phase))
                errors.push_back({at + ".counts_from_phase", "names no phase of this framework"});
        } else if (kpi.kind == "financial") {
            // Money rarely flows in the early phases; counting it there would only show red.
            errors.push_back({at + ".counts_from_phase", "is required for a financial KPI"});
        }
    }
}

}  // namespace

core::Status validate_framework(const FrameworkVersion& framework) {
    std::vector<FieldError> errors;
    check_phases(framework, errors);
    check_kpis(framework, errors);
    return problems(std::move(errors));
}

void describe_phase(Project& project, const FrameworkVersion& framework) {
    project.criteria.clear();
    const auto* phase = find_phase(framework, project.phase.key);
    if (!phase) return;
    project.phase.name = phase->name;
    project.phase.max_days = phase->max_days;
    project.criteria.reserve(phase->exit_criteria.size());
    for (const auto& c : phase->exit_criteria) {
        CurrentCriterion out{c.key, c.text, c.evidence_required, false, std::nullopt};
        for (const auto& check : project.criteria_checks)
            if (check.phase_key == phase->key && check.criterion_key == c.key) {
                out.met = check.met;
                out.evidence_url = check.evidence_url;
            }
        project.criteria.push_back(std::move(out));
    }
}

core::Status check_migration(const FrameworkVersion& to, std::string_view phase_key) {
    if (find_phase(to, phase_key)) return {};
    return core::fail(core::Error::unprocessable(
        "version", "has no phase \"" + std::string(phase_key) + "\", where the project is now; pick a version that keeps it"));
}

bool kpi_counts(const FrameworkVersion& framework, std::string_view kpi_key, std::string_view phase_key) {
    const auto* kpi = find_kpi(framework, kpi_key);
    const auto recorded_in = phase_index(framework, phase_key);
    if (!kpi || !recorded_in) return false;
    if (!kpi->counts_from_phase) return true;
    // A published framework always names a real phase; if not, the value cannot be placed,
    // and leaving it out is safer than counting it.
    const auto counts_from = phase_index(framework, *kpi->counts_from_phase);
    return counts_from && *recorded_in >= *counts_from;
}

// ---- gate decisions ---------------------------------------------------------------------

namespace {

// go: the criteria that need evidence must be met and the phase's gatekeepers present.
core::Result<Transition> decide_go(const FrameworkVersion& framework, std::size_t current, const GateDecision& d) {
    const Phase& phase = framework.phases[current];
    // The review's criteria in their order, so "the first" is the one the decider saw first.
    for (std::size_t i = 0; i < d.criteria.size(); ++i) {
        const auto defined = std::find_if(phase.exit_criteria.begin(), phase.exit_criteria.end(),
                                          [&](const ExitCriterion& c) { return c.key == d.criteria[i].key; });
        if (defined != phase.exit_criteria.end() && defined->evidence_required && !d.criteria[i].met)
            return core::fail(Error::unprocessable(item("criteria", i), "\"" + defined->text + "\" must be met first"));
    }
    for (const auto& criterion : phase.exit_criteria) {
        const bool on_review = std::any_of(d.criteria.begin(), d.criteria.end(),
                                           [&](const ReviewCriterion& c) { return c.key == criterion.key; });
        if (criterion.evidence_required && !on_review)
            return core::fail(Error::unprocessable("criteria", "\"" + criterion.text + "\" is not on the review"));
    }
    for (const auto& area : phase.gatekeepers) {
        if (std::find(d.gatekeeper_areas_present.begin(), d.gatekeeper_areas_present.end(), area) ==
            d.gatekeeper_areas_present.end())
            return core::fail(Error::unprocessable("gatekeepers", "a gatekeeper for " + area + " must be present"));
    }
    // After the last phase there is nowhere to go: the project is done and stays there.
    if (current + 1 == framework.phases.size()) return Transition{.phase_key = phase.key, .status = "completed"};
    return Transition{.phase_key = framework.phases[current + 1].key, .status = "active", .phase_changed = true};
}

// kill: stopping is fine, stopping without writing down what we learned is not.
core::Result<Transition> decide_kill(const ProjectState& project, const GateDecision& d) {
    if (auto ok = required_text("learnings.learned", d.learnings ? std::optional(d.learnings->learned) : std::nullopt);
        !ok)
        return core::fail(std::move(ok.error()));
    if (code_points(d.learnings->do_differently) > kMaxDecisionText)
        return core::fail(Error::unprocessable("learnings.do_differently", "must be at most 4000 characters"));
    return Transition{.phase_key = project.phase_key, .status = "stopped", .learnings = d.learnings};
}

// pivot: back to the current or an earlier phase with a new hypothesis; never forward, since
// skipping ahead would bypass the gates in between.
core::Result<Transition> decide_pivot(const FrameworkVersion& framework, std::size_t current, const GateDecision& d) {
    if (!d.pivot_to_phase || blank(*d.pivot_to_phase))
        return core::fail(Error::unprocessable("pivot_to_phase", "is required"));
    const auto to = phase_index(framework, *d.pivot_to_phase);
    if (!to) return core::fail(Error::unprocessable("pivot_to_phase", "names no phase of this framework"));
    if (*to > current)
        return core::fail(Error::unprocessable("pivot_to_phase", "must be the current or an earlier phase"));
    if (auto ok = required_text("new_hypothesis", d.new_hypothesis); !ok) return core::fail(std::move(ok.error()));
    return Transition{.phase_key = framework.phases[*to].key,
                      .status = "active",
                      .phase_changed = true,
                      .hypothesis = d.new_hypothesis};
}

}  // namespace

core::Result<Transition> apply_decision(const FrameworkVersion& framework, const ProjectState& project,
                                        const GateDecision& decision) {
    // State first: a decision on a closed project or a stale review is wrong whatever it says.
    if (project.status == "stopped" || project.status == "completed")
        return core::fail(
            Error::conflict("the project is " + project.status + " and takes no more decisions", "project_closed"));
    if (decision.from_phase != project.phase_key)
        return core::fail(
            Error::conflict("the project has left the phase this review was requested in", "review_out_of_date"));
    const auto current = phase_index(framework, project.phase_key);
    if (!current) return core::fail(Error::conflict("the project's phase is not in its framework version"));
    if (!is_one_of(kDecisions, decision.decision))
        return core::fail(Error::unprocessable("decision", "must be go, kill, hold or pivot"));
    if (auto ok = required_text("rationale", decision.rationale); !ok) return core::fail(std::move(ok.error()));

    if (decision.decision == "go") return decide_go(framework, *current, decision);
    if (decision.decision == "kill") return decide_kill(project, decision);
    if (decision.decision == "pivot") return decide_pivot(framework, *current, decision);
    // hold: the project waits in its phase; its clock keeps running, which is the point.
    return Transition{.phase_key = project.phase_key, .status = "on_hold"};
}

// ---- health -----------------------------------------------------------------------------

int64_t days_between(core::TimePoint from, core::TimePoint to) {
    if (to <= from) return 0;
    return std::chrono::floor<std::chrono::days>(to - from).count();
}

namespace {

std::optional<Signal> time_in_phase(const HealthInputs& in) {
    if (in.phase_max_days <= 0) return std::nullopt;
    const int64_t days = days_between(in.phase_entered_at, in.now);
    if (days <= in.phase_max_days) return std::nullopt;  // exactly max_days is still on time
    // > 1.5 × max_days, in integers.
    const bool critical = 2 * days > 3 * static_cast<int64_t>(in.phase_max_days);
    return Signal{"time_in_phase", critical ? "critical" : "warning", static_cast<double>(days),
                  "In " + in.phase_name + " for " + std::to_string(days) + " days; the framework expects at most " +
                      std::to_string(in.phase_max_days) + "."};
}

std::optional<Signal> no_customer_contact(const HealthInputs& in) {
    // Never having met a customer counts from the project's start, so a new project is not
    // flagged on day one but one that has gone weeks without any contact is.
    const int64_t days = days_between(in.last_customer_contact.value_or(in.project_started_at), in.now);
    if (days <= 21) return std::nullopt;
    return Signal{"no_customer_contact", days > 45 ? "critical" : "warning", static_cast<double>(days),
                  "No customer contact in " + std::to_string(days) + " days."};
}

double mean_interest(const std::vector<int>& levels) {
    const int sum = std::accumulate(levels.begin(), levels.end(), 0,
                                    [](int total, int level) { return total + std::clamp(level, 0, 3); });
    return static_cast<double>(sum) / static_cast<double>(levels.size());
}

std::string_view interest_word(double mean) {
    return kInterestLevels[static_cast<std::size_t>(std::clamp(std::lround(mean), 0L, 3L))];
}

std::optional<Signal> interest_trend(const HealthInputs& in) {
    // A trend needs both windows; silence is no_customer_contact's business.
    if (in.interest_last_60_days.empty() || in.interest_previous_60_days.empty()) return std::nullopt;
    const double before = mean_interest(in.interest_previous_60_days);
    const double recent = mean_interest(in.interest_last_60_days);
    const double drop = before - recent;
    if (drop < 1.0 - 1e-9) return std::nullopt;  // tolerance: means of small integers are not always exact
    return Signal{"interest_trend", "warning", drop,
                  "Customer interest is falling: from " + std::string(interest_word(before)) + " to " +
                      std::string(interest_word(recent)) + "."};
}

std::optional<Signal> open_exit_criteria(const HealthInputs& in) {
    if (in.phase_max_days <= 0) return std::nullopt;
    const auto open = std::count(in.exit_criteria_met.begin(), in.exit_criteria_met.end(), false);
    if (open == 0) return std::nullopt;
    const int64_t days = days_between(in.phase_entered_at, in.now);
    const int64_t left = in.phase_max_days - days;
    // The last 20 % of max_days (days >= 0.8 × max_days). Past max_days, time_in_phase speaks.
    if (left < 0 || 5 * days < 4 * static_cast<int64_t>(in.phase_max_days)) return std::nullopt;
    const auto total = in.exit_criteria_met.size();
    return Signal{"open_exit_criteria", std::string(kOpenExitCriteriaSeverity), static_cast<double>(open),
                  std::to_string(open) + " of " + std::to_string(total) +
                      (total == 1 ? " exit criterion" : " exit criteria") + " still open with " + std::to_string(left) +
                      (left == 1 ? " day" : " days") + " left."};
}

std::string with_unit(double value, const std::string& unit) {
    return unit.empty() ? number(value) : number(value) + " " + unit;
}

std::optional<Signal> kpis_off_target(const HealthInputs& in) {
    std::string text;
    int off = 0;
    for (const auto& kpi : in.kpis) {
        if (!kpi.target) continue;
        const bool misses = kpi.direction == "down" ? kpi.value > *kpi.target : kpi.value < *kpi.target;
        if (!misses) continue;
        ++off;
        text += (text.empty() ? "" : " ") + kpi.name + ": " + with_unit(kpi.value, kpi.unit) + ", target " +
                with_unit(*kpi.target, kpi.unit) + ".";
    }
    if (off == 0) return std::nullopt;
    return Signal{"kpis_off_target", std::string(kKpisOffTargetSeverity), static_cast<double>(off), text};
}

std::optional<Signal> kill_criteria_met(const HealthInputs& in) {
    std::string listed;
    int met = 0;
    for (const auto& criterion : in.kill_criteria) {
        if (!criterion.met) continue;
        ++met;
        std::string_view text = criterion.text;
        while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.remove_suffix(1);
        listed += (listed.empty() ? "" : "; ") + std::string(text);
    }
    if (met == 0) return std::nullopt;
    return Signal{"kill_criteria_met", "critical", static_cast<double>(met),
                  (met == 1 ? "Kill criterion met: " : "Kill criteria met: ") + listed + "."};
}

int severity_rank(std::string_view severity) {
    return severity == "critical" ? 0 : severity == "warning" ? 1 : 2;
}

}  // namespace

Health compute_health(const HealthInputs& inputs) {
    Health health{.computed_at = core::format_time(inputs.now)};
    for (auto signal : {time_in_phase(inputs), no_customer_contact(inputs), interest_trend(inputs),
                        open_exit_criteria(inputs), kpis_off_target(inputs), kill_criteria_met(inputs)})
        if (signal) health.signals.push_back(std::move(*signal));
    if (!inputs.has_sponsor) health.signals.push_back({"no_sponsor", "warning", std::nullopt, "No executive sponsor."});
    // Critical first; otherwise the order of the design's table.
    std::stable_sort(health.signals.begin(), health.signals.end(), [](const Signal& a, const Signal& b) {
        return severity_rank(a.severity) < severity_rank(b.severity);
    });

    int score = 100;
    bool critical = false;
    for (const auto& signal : health.signals) {
        if (signal.severity == "critical") {
            score -= 35;
            critical = true;
        } else if (signal.severity == "warning") {
            score -= 15;
        }
    }
    health.score = std::max(score, 0);
    health.level = health.score < 50 ? "at_risk" : health.score < 80 ? "watch" : "healthy";
    health.ask_first = critical || health.score < 50;
    return health;
}

// ---- funnel -----------------------------------------------------------------------------

std::vector<FunnelRow> funnel_from_tallies(const FrameworkVersion& framework, const std::vector<MoveTally>& moves,
                                           const std::vector<PositionTally>& positions) {
    std::vector<FunnelRow> rows;
    for (const auto& phase : framework.phases) rows.push_back({.key = phase.key, .name = phase.name});
    if (rows.empty()) return rows;
    for (const auto& p : positions) {
        const int n = static_cast<int>(p.count);
        rows.front().entered += n;  // every project starts in the first phase
        const auto at = phase_index(framework, p.phase_key);
        if (at && (p.status == "active" || p.status == "on_hold")) rows[*at].current += n;
    }
    for (const auto& move : moves) {
        const auto from = phase_index(framework, move.from_phase);
        if (!from) continue;
        const int n = static_cast<int>(move.count);
        auto& row = rows[*from];
        if (move.decision == "go") {
            if (*from + 1 == rows.size()) {
                row.completed += n;
            } else {
                row.advanced += n;
                rows[*from + 1].entered += n;
            }
        } else if (move.decision == "kill") {
            row.killed += n;
        } else if (move.decision == "hold") {
            row.held += n;
        } else if (move.decision == "pivot") {
            const auto to = phase_index(framework, move.to_phase);
            if (!to) continue;
            row.pivoted_back += n;
            rows[*to].entered += n;
        }
    }
    return rows;
}

std::vector<FunnelRow> funnel(const FrameworkVersion& framework, const std::vector<PhaseMove>& history,
                              const std::vector<ProjectPosition>& projects) {
    std::unordered_set<int64_t> cohort;
    std::vector<PositionTally> positions;
    for (const auto& project : projects)
        if (cohort.insert(project.project_id).second) positions.push_back({project.phase_key, project.status, 1});
    std::vector<MoveTally> moves;
    for (const auto& move : history)
        if (cohort.contains(move.project_id)) moves.push_back({move.from_phase, move.decision, move.to_phase, 1});
    return funnel_from_tallies(framework, moves, positions);
}

}  // namespace cocreate::projects
