// `cocreate gen`, projects: the plans (see generator_project_plan.hpp). Every history is one
// the rules allow (projects::apply_decision): a project changes phase only by a decided
// review, is stopped only by a kill, completed only by a go out of the last phase, on hold
// only after a hold, and has at most one open review.

#include <algorithm>
#include <cmath>
#include <numeric>

#include "app/generator_project_plan.hpp"

namespace cocreate::app::gen {

namespace {

using projects::FrameworkVersion;

// Shares `total` out in proportion to `weights` (largest remainder, ties to the lower
// index), so the parts add up to exactly `total`.
std::vector<int64_t> share_out(int64_t total, const std::vector<double>& weights) {
    std::vector<int64_t> parts(weights.size(), 0);
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (weights.empty() || sum <= 0) return parts;
    std::vector<std::pair<double, size_t>> rest;
    rest.reserve(weights.size());
    int64_t given = 0;
    for (size_t i = 0; i < weights.size(); ++i) {
        const double exact = static_cast<double>(total) * weights[i] / sum;
        parts[i] = static_cast<int64_t>(exact);
        given += parts[i];
        rest.emplace_back(exact - static_cast<double>(parts[i]), i);
    }
    std::sort(rest.begin(), rest.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (size_t k = 0; given < total; ++k, ++given) ++parts[rest[k % rest.size()].second];
    return parts;
}

// An index in [0, n) drawn with weight weight(i).
template <typename F>
int8_t weighted_phase(Dice& dice, int n, F weight) {
    int total = 0;
    for (int i = 0; i < n; ++i) total += weight(i);
    int64_t roll = dice.between(0, total - 1);
    for (int i = 0; i < n; ++i)
        if ((roll -= weight(i)) < 0) return static_cast<int8_t>(i);
    return static_cast<int8_t>(n - 1);
}

// Where a project ends up: most are active, and most of those in the early phases (many
// start, few get far); kills happen mostly early too.
Plan final_state(Dice& dice, int phases) {
    static constexpr std::array<Weighted, 4> kFinal = {
        {{"active", 62}, {"on_hold", 10}, {"stopped", 20}, {"completed", 8}}};
    Plan p;
    p.framework = static_cast<size_t>(weighted_phase(dice, std::ssize(kFrameworkWeights),
                                                     [](int i) { return kFrameworkWeights[static_cast<size_t>(i)]; }));
    const std::string_view status = dice.weighted(kFinal);
    p.status = *std::find(projects::kStatuses.begin(), projects::kStatuses.end(), status);
    if (status == "completed")
        p.phase = static_cast<int8_t>(phases - 1);
    else if (status == "stopped")
        p.phase = weighted_phase(dice, phases, [&](int i) { return (phases - i) * (phases - i); });
    else
        p.phase = weighted_phase(dice, phases, [&](int i) { return phases - i + 1; });
    p.open_review = (status == "active" || status == "on_hold") && dice.chance(0.1);
    // Projects that got further have had more reviews on the way.
    p.weight = (status == "completed" ? phases + 1 : p.phase + 1) * (0.5 + dice.unit());
    return p;
}

// The fewest decided reviews that reach the plan's final state: a go out of every phase
// passed, plus the hold, kill or final go that set the status.
int64_t fewest_reviews(const Plan& p) {
    return p.phase + (p.status == "active" ? 0 : 1);
}

// The decisions, in order. The extra reviews are detours inside a phase: a hold (then the
// project goes on), a pivot that restarts the phase, or a pivot back to an earlier phase
// and the gos to return. An active project's last review in its phase must let it in, so
// its detours there end with a pivot or a go.
void walk(Dice& dice, Plan& p) {
    auto step = [&](Move m, int from, int to) {
        p.steps.push_back({m, static_cast<int8_t>(from), static_cast<int8_t>(to)});
    };
    std::vector<int64_t> per_phase(static_cast<size_t>(p.phase) + 1, 0);
    for (int64_t u = 0; u < p.extra; ++u) ++per_phase[static_cast<size_t>(dice.between(0, p.phase))];
    const bool active = p.status == "active";
    for (int j = 0; j <= p.phase; ++j) {
        for (int64_t left = per_phase[static_cast<size_t>(j)]; left > 0;) {
            const bool must_enter = active && j == p.phase;
            const double roll = dice.unit();
            if (must_enter && left == 1) {
                step(Move::kPivot, j, j);
                left = 0;
            } else if (j > 0 && left >= 2 && roll < 0.45) {
                const int back = static_cast<int>(dice.between(1, std::min<int64_t>(j, left - 1)));
                step(Move::kPivot, j, j - back);
                for (int m = j - back; m < j; ++m) step(Move::kGo, m, m + 1);
                left -= 1 + back;
            } else if (roll < 0.8) {
                step(Move::kHold, j, j);
                --left;
            } else {
                step(Move::kPivot, j, j);
                --left;
            }
        }
        if (j < p.phase) step(Move::kGo, j, j + 1);
    }
    if (p.status == "on_hold") step(Move::kHold, p.phase, p.phase);
    if (p.status == "stopped") step(Move::kKill, p.phase, p.phase);
    if (p.status == "completed") step(Move::kGo, p.phase, p.phase);
}

// Days an active project has been in its phase now: mostly within the framework's limit,
// some over it, a few far over (the board's at-risk cards).
double days_in_phase(Dice& dice, int max_days) {
    const double u = dice.unit();
    const double x = u < 0.6    ? 0.8 * dice.unit()
                     : u < 0.75 ? 0.8 + 0.2 * dice.unit()
                     : u < 0.9  ? 1.0 + 0.5 * dice.unit()
                                : 1.5 + dice.unit();
    return x * max_days;
}

// Puts the plan's decisions in time, ending now (active, on hold) or some time ago (stopped,
// completed), all within the three years of generated history. Decisions fall on working
// hours, each requested a few days before it was decided and after the decision before it.
void lay_out_in_time(Dice& dice, Plan& p, const FrameworkVersion& f, int64_t now_ms) {
    std::vector<double> at;  // days after creation
    double t = 0;
    for (const auto& s : p.steps) {
        const double max_days = f.phases[static_cast<size_t>(s.from)].max_days;
        t += s.move == Move::kHold ? static_cast<double>(dice.between(7, 45))
                                   : std::max(3.0, max_days * (0.4 + 0.7 * dice.unit()));
        at.push_back(t);
    }
    double tail = 0;
    if (p.status == "active")
        tail = days_in_phase(dice, f.phases[static_cast<size_t>(p.phase)].max_days);
    else if (p.status == "on_hold")
        tail = static_cast<double>(dice.between(3, 60));
    else
        tail = static_cast<double>(dice.between(1, 700));
    const double room = 3.0 * 365 - 7;
    const double scale = t + tail > room ? room / (t + tail) : 1.0;
    const auto ms_of = [&](double days) { return static_cast<int64_t>(std::llround(days * scale * kDayMs)); };
    const int64_t start = now_ms - ms_of(t + tail);
    p.created_ms = std::min(business_time(dice, start), now_ms - kDayMs);
    int64_t previous = p.created_ms;
    for (size_t i = 0; i < p.steps.size(); ++i) {
        auto& s = p.steps[i];
        s.decided_ms = std::max(business_time(dice, start + ms_of(at[i])), previous + 2 * kHourMs);
        s.requested_ms = s.decided_ms - dice.between(1, 7) * kDayMs - dice.between(0, 8) * kHourMs;
        if (s.requested_ms <= previous) s.requested_ms = previous + (s.decided_ms - previous) / 2;
        previous = s.decided_ms;
    }
    // Working hours and the spacing above can push the last decision past now: move all back.
    const int64_t latest = now_ms - 2 * kHourMs;
    if (previous > latest) {
        const int64_t shift = previous - latest;
        p.created_ms -= shift;
        for (auto& s : p.steps) s.decided_ms -= shift, s.requested_ms -= shift;
        previous = latest;
    }
    const bool open = p.status == "active" || p.status == "on_hold";
    p.end_ms = open ? now_ms : previous;
    if (p.open_review) {
        const int64_t wanted = now_ms - dice.between(1, 14) * kDayMs - dice.between(0, 8) * kHourMs;
        p.open_requested_ms = wanted > previous ? wanted : previous + (now_ms - previous) / 2;
    }
}

}  // namespace

std::vector<Stay> stays_of(const Plan& p) {
    std::vector<Stay> out{{0, p.created_ms, p.end_ms}};
    for (const auto& s : p.steps) {
        const bool enters = s.move == Move::kPivot || (s.move == Move::kGo && s.to != s.from);
        const bool ends = s.move == Move::kKill || (s.move == Move::kGo && s.to == s.from);
        if (enters || ends) out.back().to_ms = s.decided_ms;
        if (enters) out.push_back({s.to, s.decided_ms, p.end_ms});
    }
    return out;
}

std::vector<Plan> plan_projects(Dice& dice, const Company& co, const FrameworkVersion& f) {
    const int phases = static_cast<int>(f.phases.size());
    std::vector<Plan> plans;
    plans.reserve(static_cast<size_t>(co.counts.projects));
    int64_t fewest = 0;
    for (int64_t i = 0; i < co.counts.projects; ++i) {
        plans.push_back(final_state(dice, phases));
        fewest += fewest_reviews(plans.back()) + (plans.back().open_review ? 1 : 0);
    }
    std::vector<double> weights;
    for (const auto& p : plans) weights.push_back(p.weight);
    const auto extra = share_out(std::max<int64_t>(0, co.counts.gate_reviews - fewest), weights);
    for (size_t i = 0; i < plans.size(); ++i) {
        plans[i].extra = extra[i];
        walk(dice, plans[i]);
        lay_out_in_time(dice, plans[i], f, co.now_ms);
    }
    // KPI values in proportion to how long each project has run.
    weights.clear();
    for (const auto& p : plans)
        weights.push_back((static_cast<double>(p.end_ms - p.created_ms) / kDayMs + 10) * (0.5 + dice.unit()));
    const auto values = share_out(co.counts.kpi_values, weights);
    for (size_t i = 0; i < plans.size(); ++i) plans[i].kpi_values = values[i];
    // Ids grow with creation time, as they would in a live system.
    std::stable_sort(plans.begin(), plans.end(),
                     [](const Plan& a, const Plan& b) { return a.created_ms < b.created_ms; });
    return plans;
}

}  // namespace cocreate::app::gen
