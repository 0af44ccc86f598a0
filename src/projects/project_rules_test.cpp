#include "projects/project_rules.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace cocreate::projects {
namespace {

using std::chrono::days;
using std::chrono::hours;

// The design's default template: Explore → Validate problem → Co-design → Pilot → Scale.
FrameworkVersion default_framework() {
    FrameworkVersion fw{.framework_id = 1, .version = 1};
    fw.phases = {
        {.key = "explore", .name = "Explore", .max_days = 30, .kpi_keys = {"interviews_held"}},
        {.key = "validate_problem",
         .name = "Validate problem",
         .exit_criteria = {{"problem_confirmed", "Three customers confirm the problem", true},
                           {"size_estimated", "Market size estimated", false}},
         .max_days = 45},
        {.key = "co_design", .name = "Co-design", .max_days = 60, .gatekeepers = {"legal"}},
        {.key = "pilot", .name = "Pilot", .max_days = 60},
        {.key = "scale", .name = "Scale", .max_days = 180},
    };
    fw.kpis = {
        {.key = "interviews_held", .name = "Interviews held", .kind = "learning", .target = 10},
        {.key = "assumptions_tested", .name = "Assumptions tested", .kind = "learning", .counts_from_phase = "explore"},
        {.key = "customers_engaged",
         .name = "Customers engaged",
         .kind = "engagement",
         .counts_from_phase = "validate_problem"},
        {.key = "interest_score", .name = "Interest score", .kind = "customer", .counts_from_phase = "co_design"},
        {.key = "pilot_on_time", .name = "Pilot on time", .kind = "delivery", .counts_from_phase = "pilot"},
        {.key = "churn",
         .name = "Churn",
         .unit = "%",
         .direction = "down",
         .kind = "outcome",
         .counts_from_phase = "scale"},
        {.key = "revenue", .name = "Revenue", .unit = "EUR", .kind = "financial", .counts_from_phase = "scale"},
    };
    return fw;
}

std::vector<std::string> fields(const core::Status& status) {
    std::vector<std::string> out;
    if (!status) {
        for (const auto& e : status.error().errors) out.push_back(e.field);
    }
    return out;
}

// ---- fit check --------------------------------------------------------------------------

TEST(FitCheck, AllFivesIsAGoodFitWithNothingToSay) {
    const auto fit = fit_check({5, 5, 5, 5, 5});
    EXPECT_EQ(fit.score, 100);
    EXPECT_EQ(fit.recommendation, "good_fit");
    EXPECT_FALSE(fit.flagged);
    EXPECT_TRUE(fit.reasons.empty());
}

TEST(FitCheck, AllOnesScoresZeroAndIsFlaggedWithEveryReason) {
    const auto fit = fit_check({1, 1, 1, 1, 1});
    EXPECT_EQ(fit.score, 0);
    EXPECT_EQ(fit.recommendation, "poor_fit");
    EXPECT_TRUE(fit.flagged);
    ASSERT_EQ(fit.reasons.size(), 5u);
    EXPECT_EQ(fit.reasons[0], "The problem is not yet clearly defined.");
    EXPECT_EQ(fit.reasons[3], "No customer has yet shown they are willing to take part.");
}

TEST(FitCheck, ThreeIsNotBelowThree) {
    const auto fit = fit_check({3, 3, 3, 3, 3});
    EXPECT_EQ(fit.score, 50);
    EXPECT_EQ(fit.recommendation, "sharpen_first");
    EXPECT_TRUE(fit.reasons.empty());
}

TEST(FitCheck, RecommendationThresholdsAreInclusive) {
    EXPECT_EQ(fit_recommendation(100), "good_fit");
    EXPECT_EQ(fit_recommendation(70), "good_fit");
    EXPECT_EQ(fit_recommendation(69), "sharpen_first");
    EXPECT_EQ(fit_recommendation(45), "sharpen_first");
    EXPECT_EQ(fit_recommendation(44), "poor_fit");
    EXPECT_EQ(fit_recommendation(0), "poor_fit");
}

TEST(FitCheck, AnswersJustAroundTheThresholds) {
    // Weighted points above all-ones: 12 + 8 + 6 + 3 + 2 = 31 of 44 → 70.45 → 70.
    const auto just_good = fit_check({5, 5, 4, 2, 3});
    EXPECT_EQ(just_good.score, 70);
    EXPECT_EQ(just_good.recommendation, "good_fit");
    EXPECT_EQ(just_good.reasons, std::vector<std::string>{"No customer has yet shown they are willing to take part."});
    // One point less (capacity 2): 30 of 44 → 68.18 → 68.
    const auto just_short = fit_check({5, 5, 4, 2, 2});
    EXPECT_EQ(just_short.score, 68);
    EXPECT_EQ(just_short.recommendation, "sharpen_first");
    EXPECT_EQ(just_short.reasons.size(), 2u);
    // 20 of 44 → 45.45 → 45: still worth sharpening.
    const auto just_sharpen = fit_check({3, 3, 3, 3, 1});
    EXPECT_EQ(just_sharpen.score, 45);
    EXPECT_EQ(just_sharpen.recommendation, "sharpen_first");
    EXPECT_FALSE(just_sharpen.flagged);
    // 19 of 44 → 43.18 → 43: poor, allowed and flagged.
    const auto just_poor = fit_check({3, 3, 2, 3, 2});
    EXPECT_EQ(just_poor.score, 43);
    EXPECT_EQ(just_poor.recommendation, "poor_fit");
    EXPECT_TRUE(just_poor.flagged);
}

TEST(FitCheck, AWellDefinedProblemAndAWillingCustomerWeighMost) {
    const auto problem_and_customer = fit_check({5, 1, 1, 5, 1});  // 24 of 44 → 54.5 → 55
    const auto the_rest = fit_check({1, 5, 5, 1, 5});              // 20 of 44 → 45.5 → 45
    EXPECT_EQ(problem_and_customer.score, 55);
    EXPECT_EQ(the_rest.score, 45);
}

TEST(FitCheck, OneReasonPerLowAnswerInQuestionOrder) {
    const auto fit = fit_check({2, 1, 3, 4, 2});
    EXPECT_EQ(fit.reasons,
              (std::vector<std::string>{"The problem is not yet clearly defined.", "The need is not near-term.",
                                        "The team has little capacity to take this on."}));
}

TEST(FitCheck, AnswersOutsideOneToFiveAreNamed) {
    EXPECT_TRUE(validate_fit_answers({1, 2, 3, 4, 5}));
    const auto refused = validate_fit_answers({0, 3, 3, 3, 6});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::kUnprocessable);
    EXPECT_EQ(fields(refused), (std::vector<std::string>{"fit.problem_defined", "fit.capacity_available"}));
    EXPECT_EQ(fit_check({0, 9, 5, 5, 5}).score, fit_check({1, 5, 5, 5, 5}).score);  // clamped
}

// ---- framework validation ---------------------------------------------------------------

TEST(Framework, TheDefaultTemplateIsValid) {
    EXPECT_TRUE(validate_framework(default_framework()));
}

TEST(Framework, TwoToTwelvePhases) {
    auto fw = default_framework();
    fw.kpis.clear();
    fw.phases.resize(2);
    fw.phases[0].kpi_keys.clear();
    EXPECT_TRUE(validate_framework(fw));
    fw.phases.resize(1);
    EXPECT_EQ(fields(validate_framework(fw)), std::vector<std::string>{"phases"});
    fw.phases.clear();
    for (int i = 0; i < 12; ++i) fw.phases.push_back({.key = "p" + std::to_string(i), .name = "P", .max_days = 10});
    EXPECT_TRUE(validate_framework(fw));
    fw.phases.push_back({.key = "p12", .name = "P", .max_days = 10});
    EXPECT_EQ(fields(validate_framework(fw)), std::vector<std::string>{"phases"});
}

TEST(Framework, PhaseKeysAreUnique) {
    auto fw = default_framework();
    fw.phases[2].key = "explore";
    const auto refused = validate_framework(fw);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::kUnprocessable);
    EXPECT_EQ(core::http_status(refused.error().code), 422);
    EXPECT_EQ(refused.error().field, "phases[2].key");
    // co_design is gone, so interest_score now names no phase: both problems are reported.
    EXPECT_EQ(fields(refused), (std::vector<std::string>{"phases[2].key", "kpis[3].counts_from_phase"}));
}

TEST(Framework, KpiKeysAreUnique) {
    auto fw = default_framework();
    fw.kpis[1].key = "interviews_held";
    EXPECT_EQ(fields(validate_framework(fw)), std::vector<std::string>{"kpis[1].key"});
}

TEST(Framework, CountsFromPhaseNamesAPhase) {
    auto fw = default_framework();
    fw.kpis[0].counts_from_phase = "discovery";
    const auto refused = validate_framework(fw);
    EXPECT_EQ(fields(refused), std::vector<std::string>{"kpis[0].counts_from_phase"});
    EXPECT_EQ(refused.error().detail, "kpis[0].counts_from_phase names no phase of this framework");
}

TEST(Framework, FinancialKpisMustSayWhenTheyCount) {
    auto fw = default_framework();
    fw.kpis[6].counts_from_phase.reset();
    EXPECT_EQ(fields(validate_framework(fw)), std::vector<std::string>{"kpis[6].counts_from_phase"});
    fw.kpis[6].kind = "outcome";  // other kinds count from the first phase when not told
    EXPECT_TRUE(validate_framework(fw));
}

TEST(Framework, ExitCriterionKeysAreUniqueWithinAPhase) {
    auto fw = default_framework();
    fw.phases[3].exit_criteria = {{"problem_confirmed", "Same key as in another phase: fine", false}};
    EXPECT_TRUE(validate_framework(fw));
    fw.phases[1].exit_criteria[1].key = "problem_confirmed";
    EXPECT_EQ(fields(validate_framework(fw)), std::vector<std::string>{"phases[1].exit_criteria[1].key"});
}

TEST(Framework, EveryProblemIsCollected) {
    auto fw = default_framework();
    fw.phases[0].key = "";
    fw.phases[1].name = " ";
    fw.phases[2].max_days = 0;
    fw.phases[3].kpi_keys = {"nps"};
    fw.kpis[2].direction = "sideways";
    fw.kpis[4].kind = "vanity";
    const auto refused = validate_framework(fw);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().detail, "phases[0].key is required");
    // The first phase lost its key, so counts_from_phase "explore" no longer names a phase.
    EXPECT_EQ(fields(refused), (std::vector<std::string>{"phases[0].key", "phases[1].name", "phases[2].max_days",
                                                         "phases[3].kpi_keys[0]", "kpis[1].counts_from_phase",
                                                         "kpis[2].direction", "kpis[4].kind"}));
}

// ---- which KPI values count -------------------------------------------------------------

TEST(KpiCounts, FromItsPhaseOnward) {
    const auto fw = default_framework();
    EXPECT_FALSE(kpi_counts(fw, "revenue", "pilot"));  // financial before its phase: kept, not counted
    EXPECT_TRUE(kpi_counts(fw, "revenue", "scale"));
    EXPECT_FALSE(kpi_counts(fw, "customers_engaged", "explore"));
    EXPECT_TRUE(kpi_counts(fw, "customers_engaged", "validate_problem"));
    EXPECT_TRUE(kpi_counts(fw, "customers_engaged", "scale"));
    EXPECT_TRUE(kpi_counts(fw, "assumptions_tested", "explore"));
}

TEST(KpiCounts, WithoutAStartPhaseFromTheFirst) {
    const auto fw = default_framework();
    EXPECT_TRUE(kpi_counts(fw, "interviews_held", "explore"));
    EXPECT_TRUE(kpi_counts(fw, "interviews_held", "scale"));
}

TEST(KpiCounts, UnknownKpiOrPhaseNeverCounts) {
    const auto fw = default_framework();
    EXPECT_FALSE(kpi_counts(fw, "nps", "scale"));
    EXPECT_FALSE(kpi_counts(fw, "revenue", "growth"));
}

// ---- gate decisions ---------------------------------------------------------------------

GateDecision decision(std::string from, std::string verb) {
    return {.from_phase = std::move(from), .decision = std::move(verb), .rationale = "The data says so."};
}

core::Error refusal(const core::Result<Transition>& result) {
    EXPECT_FALSE(result);
    return result ? core::Error{} : result.error();
}

TEST(GateReview, GoMovesToTheNextPhase) {
    const auto moved = apply_decision(default_framework(), {"explore", "active"}, decision("explore", "go"));
    ASSERT_TRUE(moved) << moved.error().detail;
    EXPECT_EQ(moved->phase_key, "validate_problem");
    EXPECT_EQ(moved->status, "active");
    EXPECT_TRUE(moved->phase_changed);
}

TEST(GateReview, GoFromTheLastPhaseCompletes) {
    const auto done = apply_decision(default_framework(), {"scale", "active"}, decision("scale", "go"));
    ASSERT_TRUE(done);
    EXPECT_EQ(done->phase_key, "scale");
    EXPECT_EQ(done->status, "completed");
    EXPECT_FALSE(done->phase_changed);
}

TEST(GateReview, GoNeedsEveryEvidenceCriterionMet) {
    auto d = decision("validate_problem", "go");
    d.criteria = {{"size_estimated", "Market size estimated", false}, {"problem_confirmed", "Three customers", false}};
    const auto e = refusal(apply_decision(default_framework(), {"validate_problem", "active"}, d));
    EXPECT_EQ(e.code, core::ErrorCode::kUnprocessable);
    EXPECT_EQ(e.field, "criteria[1]");
    EXPECT_EQ(e.detail, "\"Three customers confirm the problem\" must be met first");

    d.criteria[1].met = true;  // the open one needs no evidence: advice, not a gate
    const auto moved = apply_decision(default_framework(), {"validate_problem", "active"}, d);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->phase_key, "co_design");
}

TEST(GateReview, GoRefusesWhenAnEvidenceCriterionIsMissingFromTheReview) {
    auto d = decision("validate_problem", "go");
    d.criteria = {{"size_estimated", "Market size estimated", true}};
    EXPECT_EQ(refusal(apply_decision(default_framework(), {"validate_problem", "active"}, d)).field, "criteria");
}

TEST(GateReview, GoNeedsTheRequiredGatekeepersPresent) {
    auto d = decision("co_design", "go");
    d.gatekeeper_areas_present = {"finance"};
    const auto e = refusal(apply_decision(default_framework(), {"co_design", "active"}, d));
    EXPECT_EQ(e.field, "gatekeepers");
    EXPECT_EQ(e.detail, "a gatekeeper for legal must be present");

    d.gatekeeper_areas_present.push_back("legal");
    const auto moved = apply_decision(default_framework(), {"co_design", "active"}, d);
    ASSERT_TRUE(moved);
    EXPECT_EQ(moved->phase_key, "pilot");
}

TEST(GateReview, GoResumesAHeldProject) {
    const auto resumed = apply_decision(default_framework(), {"pilot", "on_hold"}, decision("pilot", "go"));
    ASSERT_TRUE(resumed);
    EXPECT_EQ(resumed->phase_key, "scale");
    EXPECT_EQ(resumed->status, "active");
}

TEST(GateReview, KillStopsAndKeepsTheLearnings) {
    auto d = decision("pilot", "kill");
    d.learnings = Learnings{"Sites will not share data.", "Ask about data in Explore."};
    const auto stopped = apply_decision(default_framework(), {"pilot", "active"}, d);
    ASSERT_TRUE(stopped);
    EXPECT_EQ(stopped->status, "stopped");
    EXPECT_EQ(stopped->phase_key, "pilot");
    EXPECT_FALSE(stopped->phase_changed);
    ASSERT_TRUE(stopped->learnings);
    EXPECT_EQ(stopped->learnings->learned, "Sites will not share data.");
}

TEST(GateReview, KillWithoutLearningsIsRefused) {
    auto d = decision("pilot", "kill");
    auto e = refusal(apply_decision(default_framework(), {"pilot", "active"}, d));
    EXPECT_EQ(e.code, core::ErrorCode::kUnprocessable);
    EXPECT_EQ(e.field, "learnings.learned");
    d.learnings = Learnings{"  \n", "Everything."};
    EXPECT_EQ(refusal(apply_decision(default_framework(), {"pilot", "active"}, d)).field, "learnings.learned");
    d.learnings = Learnings{"Something.", std::string(4001, 'x')};
    EXPECT_EQ(refusal(apply_decision(default_framework(), {"pilot", "active"}, d)).field, "learnings.do_differently");
}

TEST(GateReview, HoldWaitsInThePhase) {
    const auto held = apply_decision(default_framework(), {"co_design", "active"}, decision("co_design", "hold"));
    ASSERT_TRUE(held);
    EXPECT_EQ(held->phase_key, "co_design");
    EXPECT_EQ(held->status, "on_hold");
    EXPECT_FALSE(held->phase_changed);
}

TEST(GateReview, PivotReturnsToAnEarlierOrTheCurrentPhase) {
    auto d = decision("pilot", "pivot");
    d.pivot_to_phase = "validate_problem";
    d.new_hypothesis = "Hospitals, not clinics, feel this pain.";
    const auto back = apply_decision(default_framework(), {"pilot", "on_hold"}, d);
    ASSERT_TRUE(back);
    EXPECT_EQ(back->phase_key, "validate_problem");
    EXPECT_EQ(back->status, "active");
    EXPECT_TRUE(back->phase_changed);
    EXPECT_EQ(back->hypothesis, "Hospitals, not clinics, feel this pain.");

    d.pivot_to_phase = "pilot";  // restart the phase with a new hypothesis: its clock restarts too
    const auto again = apply_decision(default_framework(), {"pilot", "active"}, d);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->phase_key, "pilot");
    EXPECT_TRUE(again->phase_changed);
}

TEST(GateReview, PivotToALaterPhaseIsRefused) {
    auto d = decision("co_design", "pivot");
    d.pivot_to_phase = "scale";
    d.new_hypothesis = "Skip the pilot.";
    const auto e = refusal(apply_decision(default_framework(), {"co_design", "active"}, d));
    EXPECT_EQ(e.field, "pivot_to_phase");
    EXPECT_EQ(e.detail, "must be the current or an earlier phase");
    d.pivot_to_phase = "nowhere";
    EXPECT_EQ(refusal(apply_decision(default_framework(), {"co_design", "active"}, d)).field, "pivot_to_phase");
    d.pivot_to_phase.reset();
    EXPECT_EQ(refusal(apply_decision(default_framework(), {"co_design", "active"}, d)).field, "pivot_to_phase");
}

TEST(GateReview, PivotNeedsANewHypothesis) {
    auto d = decision("co_design", "pivot");
    d.pivot_to_phase = "explore";
    EXPECT_EQ(refusal(apply_decision(default_framework(), {"co_design", "active"}, d)).field, "new_hypothesis");
}

TEST(GateReview, RationaleIsAlwaysRequired) {
    for (const auto verb : kDecisions) {
        auto d = decision("scale", std::string(verb));
        d.rationale = " ";
        EXPECT_EQ(refusal(apply_decision(default_framework(), {"scale", "active"}, d)).field, "rationale") << verb;
    }
    auto d = decision("scale", "hold");
    d.rationale = std::string(4000, 'x');
    EXPECT_TRUE(apply_decision(default_framework(), {"scale", "active"}, d));
    d.rationale += "x";
    EXPECT_EQ(refusal(apply_decision(default_framework(), {"scale", "active"}, d)).field, "rationale");
    d.rationale.clear();
    for (int i = 0; i < 4000; ++i) d.rationale += "\xC3\xA9";  // 4,000 characters, 8,000 bytes
    EXPECT_TRUE(apply_decision(default_framework(), {"scale", "active"}, d));
}

TEST(GateReview, UnknownDecisionIsRefused) {
    EXPECT_EQ(refusal(apply_decision(default_framework(), {"scale", "active"}, decision("scale", "maybe"))).field,
              "decision");
}

TEST(GateReview, AReviewFromAnotherPhaseConflicts) {
    const auto e = refusal(apply_decision(default_framework(), {"pilot", "active"}, decision("co_design", "go")));
    EXPECT_EQ(e.code, core::ErrorCode::kConflict);
    EXPECT_EQ(core::http_status(e.code), 409);
}

TEST(GateReview, StoppedAndCompletedProjectsTakeNoDecisions) {
    for (const char* status : {"stopped", "completed"}) {
        const auto e = refusal(apply_decision(default_framework(), {"scale", status}, decision("scale", "pivot")));
        EXPECT_EQ(e.code, core::ErrorCode::kConflict) << status;
    }
}

TEST(GateReview, APhaseOutsideTheFrameworkConflicts) {
    const auto e = refusal(apply_decision(default_framework(), {"growth", "active"}, decision("growth", "go")));
    EXPECT_EQ(e.code, core::ErrorCode::kConflict);
}

// ---- funnel -----------------------------------------------------------------------------

// Four projects: 1 reaches Co-design; 2 is killed in Validate problem; 3 is held once, goes
// to Pilot and pivots back to Validate problem; 4 goes all the way and completes.
struct Cohort {
    std::vector<PhaseMove> history = {
        {1, "explore", "go", "validate_problem"},
        {1, "validate_problem", "go", "co_design"},
        {2, "explore", "go", "validate_problem"},
        {2, "validate_problem", "kill", "validate_problem"},
        {3, "explore", "hold", "explore"},
        {3, "explore", "go", "validate_problem"},
        {3, "validate_problem", "go", "co_design"},
        {3, "co_design", "go", "pilot"},
        {3, "pilot", "pivot", "validate_problem"},
        {4, "explore", "go", "validate_problem"},
        {4, "validate_problem", "go", "co_design"},
        {4, "co_design", "go", "pilot"},
        {4, "pilot", "go", "scale"},
        {4, "scale", "go", ""},
    };
    std::vector<ProjectPosition> projects = {{1, "co_design", "active"},
                                             {2, "validate_problem", "stopped"},
                                             {3, "validate_problem", "on_hold"},
                                             {4, "scale", "completed"}};
};

TEST(Funnel, CountsEachPhase) {
    const Cohort cohort;
    const auto rows = funnel(default_framework(), cohort.history, cohort.projects);
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].key, "explore");
    EXPECT_EQ(rows[1].name, "Validate problem");
    const std::vector<std::array<int, 7>> expected = {
        // entered advanced killed held pivoted_back completed current
        {4, 4, 0, 1, 0, 0, 0},  // explore
        {5, 3, 1, 0, 0, 0, 1},  // validate_problem (project 3 entered twice)
        {3, 2, 0, 0, 0, 0, 1},  // co_design
        {2, 1, 0, 0, 1, 0, 0},  // pilot
        {1, 0, 0, 0, 0, 1, 0},  // scale
    };
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        EXPECT_EQ((std::array<int, 7>{r.entered, r.advanced, r.killed, r.held, r.pivoted_back, r.completed, r.current}),
                  expected[i])
            << r.key;
    }
}

TEST(Funnel, EveryEntryLeavesOrStays) {
    const Cohort cohort;
    int current = 0;
    for (const auto& r : funnel(default_framework(), cohort.history, cohort.projects)) {
        EXPECT_EQ(r.entered, r.advanced + r.killed + r.pivoted_back + r.completed + r.current) << r.key;
        if (r.key != "scale") {
            EXPECT_EQ(r.completed, 0) << r.key;
        }
        current += r.current;
    }
    EXPECT_EQ(current, 2);  // projects 1 and 3; stopped and completed ones are not current
}

TEST(Funnel, LeavesOutWhatItCannotPlace) {
    Cohort cohort;
    cohort.history.push_back({9, "explore", "go", "validate_problem"});  // not in the cohort
    cohort.history.push_back({1, "discovery", "kill", "discovery"});     // phase of another version
    cohort.history.push_back({3, "pilot", "pivot", "ideation"});         // pivot target unknown
    cohort.projects.push_back({1, "co_design", "active"});               // listed twice
    const auto rows = funnel(default_framework(), cohort.history, cohort.projects);
    EXPECT_EQ(rows[0].entered, 4);
    EXPECT_EQ(rows[0].advanced, 4);
    EXPECT_EQ(rows[2].current, 1);
    EXPECT_EQ(rows[3].pivoted_back, 1);
    for (const auto& r : rows) EXPECT_EQ(r.killed, r.key == "validate_problem" ? 1 : 0) << r.key;
}

TEST(Funnel, AnEmptyCohortHasEmptyRows) {
    const auto rows = funnel(default_framework(), {}, {});
    ASSERT_EQ(rows.size(), 5u);
    for (const auto& r : rows) EXPECT_EQ(r.entered + r.current, 0);
    EXPECT_TRUE(funnel(FrameworkVersion{}, {}, {}).empty());
}

}  // namespace
}  // namespace cocreate::projects
