// The fail-fast health signals (compute_health): thresholds, texts, score and levels.
#include "projects/project_rules.hpp"

#include <gtest/gtest.h>

#include <chrono>

namespace cocreate::projects {
namespace {

using std::chrono::days;
using std::chrono::hours;

// ---- health -----------------------------------------------------------------------------

const core::TimePoint kNow = *core::parse_time("2026-11-23T12:00:00.000Z");

// A project with nothing to worry about: in Pilot (max 60 days) for 10 days, a customer met
// yesterday, a sponsor.
HealthInputs calm() {
    return {.now = kNow,
            .project_started_at = kNow - days{200},
            .phase_name = "Pilot",
            .phase_entered_at = kNow - days{10},
            .phase_max_days = 60,
            .last_customer_contact = kNow - days{1},
            .has_sponsor = true};
}

std::vector<std::string> keys(const Health& health) {
    std::vector<std::string> out;
    for (const auto& s : health.signals) out.push_back(s.key);
    return out;
}

TEST(Health, ACalmProjectIsHealthy) {
    const auto health = compute_health(calm());
    EXPECT_TRUE(health.signals.empty());
    EXPECT_EQ(health.score, 100);
    EXPECT_EQ(health.level, "healthy");
    EXPECT_FALSE(health.ask_first);
    EXPECT_EQ(health.computed_at, "2026-11-23T12:00:00.000Z");
}

TEST(Health, TimeInPhase) {
    auto in = calm();
    in.phase_entered_at = kNow - days{60} - hours{23};  // exactly max_days (whole days) is not over
    EXPECT_TRUE(compute_health(in).signals.empty());
    in.phase_entered_at = kNow - days{61};
    auto health = compute_health(in);
    ASSERT_EQ(keys(health), std::vector<std::string>{"time_in_phase"});
    EXPECT_EQ(health.signals[0].severity, "warning");
    EXPECT_EQ(health.signals[0].value, 61);
    in.phase_entered_at = kNow - days{90};  // 1.5 × max_days is still a warning
    EXPECT_EQ(compute_health(in).signals[0].severity, "warning");
    in.phase_entered_at = kNow - days{96};
    health = compute_health(in);
    EXPECT_EQ(health.signals[0].severity, "critical");
    EXPECT_EQ(health.signals[0].text, "In Pilot for 96 days; the framework expects at most 60.");
}

TEST(Health, NoCustomerContact) {
    auto in = calm();
    in.last_customer_contact = kNow - days{21};
    EXPECT_TRUE(compute_health(in).signals.empty());
    in.last_customer_contact = kNow - days{22};
    auto health = compute_health(in);
    ASSERT_EQ(keys(health), std::vector<std::string>{"no_customer_contact"});
    EXPECT_EQ(health.signals[0].severity, "warning");
    EXPECT_EQ(health.signals[0].text, "No customer contact in 22 days.");
    in.last_customer_contact = kNow - days{34};
    EXPECT_EQ(compute_health(in).signals[0].text, "No customer contact in 34 days.");
    in.last_customer_contact = kNow - days{45};
    EXPECT_EQ(compute_health(in).signals[0].severity, "warning");
    in.last_customer_contact = kNow - days{46};
    EXPECT_EQ(compute_health(in).signals[0].severity, "critical");
}

TEST(Health, NeverAnyContactCountsFromTheStart) {
    auto in = calm();
    in.last_customer_contact.reset();
    in.project_started_at = kNow - days{5};
    EXPECT_TRUE(compute_health(in).signals.empty());
    in.project_started_at = kNow - days{30};
    EXPECT_EQ(compute_health(in).signals.at(0).text, "No customer contact in 30 days.");
}

TEST(Health, FallingCustomerInterest) {
    auto in = calm();
    in.interest_previous_60_days = {2, 2, 3, 1};  // mean 2: interested
    in.interest_last_60_days = {1, 1};            // mean 1: curious
    const auto health = compute_health(in);
    ASSERT_EQ(keys(health), std::vector<std::string>{"interest_trend"});
    EXPECT_EQ(health.signals[0].severity, "warning");
    EXPECT_EQ(health.signals[0].value, 1.0);
    EXPECT_EQ(health.signals[0].text, "Customer interest is falling: from interested to curious.");

    in.interest_last_60_days = {1, 2};  // a drop of 0.5 is noise
    EXPECT_TRUE(compute_health(in).signals.empty());
    in.interest_last_60_days = {3};  // rising
    EXPECT_TRUE(compute_health(in).signals.empty());
    in.interest_last_60_days.clear();  // nothing to compare with
    EXPECT_TRUE(compute_health(in).signals.empty());
}

TEST(Health, OpenExitCriteriaNearTheEndOfThePhase) {
    auto in = calm();
    in.exit_criteria_met = {true, false, false, false};
    in.phase_entered_at = kNow - days{47};  // before the last 20 % of 60 days
    EXPECT_TRUE(compute_health(in).signals.empty());
    in.phase_entered_at = kNow - days{48};
    EXPECT_EQ(keys(compute_health(in)), std::vector<std::string>{"open_exit_criteria"});
    in.phase_entered_at = kNow - days{51};
    const auto health = compute_health(in);
    EXPECT_EQ(health.signals.at(0).severity, "warning");
    EXPECT_EQ(health.signals.at(0).value, 3);
    EXPECT_EQ(health.signals.at(0).text, "3 of 4 exit criteria still open with 9 days left.");
    in.exit_criteria_met = {true, true, true, true};
    EXPECT_TRUE(compute_health(in).signals.empty());
    in.exit_criteria_met = {false};
    in.phase_entered_at = kNow - days{59};
    EXPECT_EQ(compute_health(in).signals.at(0).text, "1 of 1 exit criterion still open with 1 day left.");
    in.phase_entered_at = kNow - days{61};  // past max_days: time_in_phase speaks instead
    EXPECT_EQ(keys(compute_health(in)), std::vector<std::string>{"time_in_phase"});
}

TEST(Health, KpisOffTargetInTheirDirection) {
    auto in = calm();
    in.kpis = {{.name = "Interviews held", .value = 4, .target = 10},
               {.name = "Churn", .unit = "%", .value = 7.5, .target = 5, .direction = "down"},
               {.name = "Customers engaged", .value = 5, .target = 5},  // on target
               {.name = "Revenue", .unit = "EUR", .value = 0},          // no target
               {.name = "Complaints", .value = 1, .target = 3, .direction = "down"}};
    const auto health = compute_health(in);
    ASSERT_EQ(keys(health), std::vector<std::string>{"kpis_off_target"});
    EXPECT_EQ(health.signals[0].severity, "info");
    EXPECT_EQ(health.signals[0].value, 2);
    EXPECT_EQ(health.signals[0].text, "Interviews held: 4, target 10. Churn: 7.5 %, target 5 %.");
    EXPECT_EQ(health.score, 100);  // info does not cost points
}

TEST(Health, AMetKillCriterionIsCritical) {
    auto in = calm();
    in.kill_criteria = {{"site", "no pilot site by March", true}, {"budget", "budget overrun above 20 %", false}};
    auto health = compute_health(in);
    ASSERT_EQ(keys(health), std::vector<std::string>{"kill_criteria_met"});
    EXPECT_EQ(health.signals[0].severity, "critical");
    EXPECT_EQ(health.signals[0].text, "Kill criterion met: no pilot site by March.");
    EXPECT_EQ(health.score, 65);
    EXPECT_EQ(health.level, "watch");
    EXPECT_TRUE(health.ask_first);  // any critical signal asks first, whatever the score

    in.kill_criteria[1].met = true;
    in.kill_criteria[0].text = "No pilot site by March.";
    health = compute_health(in);
    EXPECT_EQ(health.signals[0].text, "Kill criteria met: No pilot site by March; budget overrun above 20 %.");
    EXPECT_EQ(health.score, 65);  // one signal, however many criteria
}

TEST(Health, NoSponsor) {
    auto in = calm();
    in.has_sponsor = false;
    const auto health = compute_health(in);
    ASSERT_EQ(keys(health), std::vector<std::string>{"no_sponsor"});
    EXPECT_EQ(health.signals[0].severity, "warning");
    EXPECT_FALSE(health.signals[0].value);
    EXPECT_EQ(health.signals[0].text, "No executive sponsor.");
    EXPECT_EQ(health.score, 85);
    EXPECT_EQ(health.level, "healthy");
}

TEST(Health, ScoreLevelsAndAskFirst) {
    auto in = calm();
    in.has_sponsor = false;                      // warning
    in.last_customer_contact = kNow - days{30};  // warning
    auto health = compute_health(in);
    EXPECT_EQ(health.score, 70);
    EXPECT_EQ(health.level, "watch");
    EXPECT_FALSE(health.ask_first);

    in.phase_entered_at = kNow - days{70};  // warning
    health = compute_health(in);
    EXPECT_EQ(health.score, 55);
    EXPECT_EQ(health.level, "watch");
    EXPECT_FALSE(health.ask_first);

    in.interest_previous_60_days = {3};  // warning
    in.interest_last_60_days = {1};
    health = compute_health(in);
    EXPECT_EQ(health.score, 40);
    EXPECT_EQ(health.level, "at_risk");
    EXPECT_TRUE(health.ask_first);  // no critical signal, but below 50
}

TEST(Health, FiftyIsWatchNotAtRisk) {
    auto in = calm();
    in.has_sponsor = false;                      // warning
    in.last_customer_contact = kNow - days{50};  // critical
    const auto health = compute_health(in);
    EXPECT_EQ(health.score, 50);
    EXPECT_EQ(health.level, "watch");
    EXPECT_TRUE(health.ask_first);
}

TEST(Health, ScoreStopsAtZeroAndCriticalComesFirst) {
    auto in = calm();
    in.has_sponsor = false;
    in.kpis = {{.name = "Interviews held", .value = 1, .target = 10}};
    in.interest_previous_60_days = {3};
    in.interest_last_60_days = {0};
    in.phase_entered_at = kNow - days{100};
    in.last_customer_contact = kNow - days{80};
    in.kill_criteria = {{"k", "no budget", true}};
    const auto health = compute_health(in);
    EXPECT_EQ(keys(health), (std::vector<std::string>{"time_in_phase", "no_customer_contact", "kill_criteria_met",
                                                      "interest_trend", "no_sponsor", "kpis_off_target"}));
    EXPECT_EQ(health.signals[2].severity, "critical");
    EXPECT_EQ(health.signals[3].severity, "warning");
    EXPECT_EQ(health.signals[5].severity, "info");
    EXPECT_EQ(health.score, 0);
    EXPECT_EQ(health.level, "at_risk");
    EXPECT_TRUE(health.ask_first);
}

TEST(Health, DaysAreWholeAndNeverNegative) {
    EXPECT_EQ(days_between(kNow - days{3} - hours{23}, kNow), 3);
    EXPECT_EQ(days_between(kNow + hours{5}, kNow), 0);
}

}  // namespace
}  // namespace cocreate::projects
