#pragma once
// Internal to `cocreate gen` (generator_projects.cpp): the plan of each generated project,
// made before any row is written. A plan says where the project ends up (phase and status),
// which gate reviews got it there and when; generator_project_plans.cpp makes the plans,
// generator_projects.cpp writes them.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "app/generator_model.hpp"
#include "projects/project.hpp"

namespace cocreate::app::gen {

// The share of projects on each generated framework: the benchmarks read the first.
inline constexpr std::array kFrameworkWeights = {9, 1};

enum class Move : int8_t { kGo, kKill, kHold, kPivot };

// One decided gate review: `to` is the phase after the decision (a hold or kill stays).
struct Step {
    Move move = Move::kGo;
    int8_t from = 0, to = 0;
    int64_t requested_ms = 0, decided_ms = 0;
};

// A span of time the project spent in one phase (a go or pivot ends it).
struct Stay {
    int8_t phase = 0;
    int64_t from_ms = 0, to_ms = 0;
};

struct Plan {
    size_t framework = 0;  // index into Company::frameworks
    int8_t phase = 0;      // where the project is now
    std::string_view status = "active";
    bool open_review = false;
    double weight = 0;  // its share of the reviews beyond the minimum
    int64_t extra = 0;  // decided reviews beyond the fewest its final state needs
    std::vector<Step> steps;
    int64_t created_ms = 0;
    int64_t end_ms = 0;             // now while active or on hold; else the last decision
    int64_t open_requested_ms = 0;  // when the open review was requested (open_review only)
    int64_t kpi_values = 0;         // how many to write
};

// Every project's plan, oldest first (ids then grow with creation time, as in a live
// system). Gate reviews and KPI values are shared out so that their totals are exactly
// co.counts.gate_reviews (or the fewest the final states need, if that is more) and
// co.counts.kpi_values. `f` gives the phases' order and limits; every generated framework
// has the same phases.
std::vector<Plan> plan_projects(Dice& dice, const Company& co, const projects::FrameworkVersion& f);

// The spans of time the project spent in each phase, in order; the last ends at end_ms.
std::vector<Stay> stays_of(const Plan& p);

}  // namespace cocreate::app::gen
