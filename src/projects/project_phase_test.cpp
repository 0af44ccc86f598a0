#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "projects/project_rules.hpp"

namespace cocreate::projects {
namespace {

// Three phases; the second has two exit criteria, one of them needing evidence.
FrameworkVersion version_one() {
    FrameworkVersion fw{.framework_id = 1, .version = 1};
    fw.phases = {
        {.key = "explore",
         .name = "Explore",
         .exit_criteria = {{"interviews", "Five interviews held", false}},
         .max_days = 30},
        {.key = "validate",
         .name = "Validate problem",
         .exit_criteria = {{"confirmed", "Three customers confirm the problem", true},
                           {"sized", "Market size estimated", false}},
         .max_days = 45},
        {.key = "pilot", .name = "Pilot", .max_days = 60},
    };
    return fw;
}

// Version 2: "validate" renamed, longer, with one criterion dropped and one added; "pilot"
// gone, "scale" new.
FrameworkVersion version_two() {
    FrameworkVersion fw{.framework_id = 1, .version = 2};
    fw.phases = {
        {.key = "explore", .name = "Explore", .max_days = 20},
        {.key = "validate",
         .name = "Validate the problem",
         .exit_criteria = {{"sized", "Market size estimated and checked", true},
                           {"budget", "A budget owner named", false}},
         .max_days = 50},
        {.key = "scale", .name = "Scale", .max_days = 180},
    };
    return fw;
}

Project in_phase(std::string key, std::vector<CriterionCheck> checks = {}) {
    Project p;
    p.phase.key = std::move(key);
    p.phase.entered_at = "2026-03-01T09:00:00.000Z";
    p.criteria_checks = std::move(checks);
    return p;
}

// ---- describe_phase ---------------------------------------------------------------------

TEST(DescribePhase, FillsNameMaxDaysAndTheCriteriaOfTheCurrentPhaseInOrder) {
    auto p = in_phase("validate");
    describe_phase(p, version_one());
    EXPECT_EQ(p.phase.key, "validate");
    EXPECT_EQ(p.phase.name, "Validate problem");
    EXPECT_EQ(p.phase.max_days, 45);
    EXPECT_EQ(p.phase.entered_at, "2026-03-01T09:00:00.000Z") << "entered_at is the project's, not the framework's";
    ASSERT_EQ(p.criteria.size(), 2u);
    EXPECT_EQ(p.criteria[0].key, "confirmed");
    EXPECT_EQ(p.criteria[0].text, "Three customers confirm the problem");
    EXPECT_TRUE(p.criteria[0].evidence_required);
    EXPECT_EQ(p.criteria[1].key, "sized");
    EXPECT_FALSE(p.criteria[1].evidence_required);
    for (const auto& c : p.criteria) {
        EXPECT_FALSE(c.met) << c.key << ": nothing is checked yet";
        EXPECT_FALSE(c.evidence_url) << c.key;
    }
}

TEST(DescribePhase, AppliesOnlyTheChecksOfTheCurrentPhase) {
    // "sized" checked in this phase; "interviews" checked back in explore; a check in explore
    // under the key "confirmed" (same key, another phase) must not leak into validate.
    auto p = in_phase("validate", {{"explore", "interviews", true, "https://evidence.example/notes"},
                                   {"explore", "confirmed", true, "https://evidence.example/old"},
                                   {"validate", "sized", true, "https://evidence.example/size"}});
    describe_phase(p, version_one());
    ASSERT_EQ(p.criteria.size(), 2u);
    EXPECT_FALSE(p.criteria[0].met) << "a check of another phase counted";
    EXPECT_FALSE(p.criteria[0].evidence_url);
    EXPECT_TRUE(p.criteria[1].met);
    EXPECT_EQ(p.criteria[1].evidence_url, "https://evidence.example/size");
    EXPECT_EQ(p.criteria_checks.size(), 3u) << "describing is read-only on the checks";
}

TEST(DescribePhase, AnUncheckedCriterionKeepsItsEvidence) {
    auto p = in_phase("validate", {{"validate", "confirmed", false, "https://evidence.example/draft"}});
    describe_phase(p, version_one());
    EXPECT_FALSE(p.criteria[0].met);
    EXPECT_EQ(p.criteria[0].evidence_url, "https://evidence.example/draft");
}

TEST(DescribePhase, ReplacesWhatAnEarlierDescriptionFilledIn) {
    auto p = in_phase("validate", {{"validate", "sized", true, std::nullopt}});
    describe_phase(p, version_one());
    describe_phase(p, version_one());
    EXPECT_EQ(p.criteria.size(), 2u) << "describing twice duplicated the criteria";
    // After a migration the same project is described by the new version: its criteria, name
    // and max_days; checks of criteria the version dropped are ignored.
    p.criteria_checks.push_back({"validate", "confirmed", true, std::nullopt});
    describe_phase(p, version_two());
    EXPECT_EQ(p.phase.name, "Validate the problem");
    EXPECT_EQ(p.phase.max_days, 50);
    ASSERT_EQ(p.criteria.size(), 2u);
    EXPECT_EQ(p.criteria[0].key, "sized");
    EXPECT_EQ(p.criteria[0].text, "Market size estimated and checked");
    EXPECT_TRUE(p.criteria[0].evidence_required);
    EXPECT_TRUE(p.criteria[0].met) << "a check of a kept criterion is kept";
    EXPECT_EQ(p.criteria[1].key, "budget");
    EXPECT_FALSE(p.criteria[1].met);
}

TEST(DescribePhase, APhaseWithoutCriteriaHasNone) {
    auto p = in_phase("pilot");
    describe_phase(p, version_one());
    EXPECT_EQ(p.phase.name, "Pilot");
    EXPECT_EQ(p.phase.max_days, 60);
    EXPECT_TRUE(p.criteria.empty());
}

TEST(DescribePhase, APhaseMissingFromTheVersionLeavesNameEmptyAndNoCriteria) {
    auto p = in_phase("validate", {{"validate", "sized", true, std::nullopt}});
    describe_phase(p, version_one());
    ASSERT_EQ(p.criteria.size(), 2u);
    auto gone = in_phase("pilot", {{"pilot", "anything", true, std::nullopt}});
    describe_phase(gone, version_two());
    EXPECT_EQ(gone.phase.key, "pilot");
    EXPECT_EQ(gone.phase.name, "");
    EXPECT_TRUE(gone.criteria.empty());
    // Criteria filled in from an earlier version do not survive a version without the phase.
    p.phase.key = "pilot";
    p.phase.name = "";
    describe_phase(p, version_two());
    EXPECT_TRUE(p.criteria.empty());
    EXPECT_EQ(p.phase.name, "");
}

// ---- check_migration --------------------------------------------------------------------

TEST(CheckMigration, AllowsAVersionThatKeepsThePhaseKeyWhereverItSits) {
    EXPECT_TRUE(check_migration(version_two(), "explore"));
    EXPECT_TRUE(check_migration(version_two(), "validate")) << "renamed and longer, same key";
    EXPECT_TRUE(check_migration(version_one(), "pilot"));
    auto reordered = version_two();
    std::swap(reordered.phases[0], reordered.phases[2]);
    EXPECT_TRUE(check_migration(reordered, "explore"));
}

TEST(CheckMigration, RefusesAVersionWithoutThePhaseNamingVersion) {
    const auto st = check_migration(version_two(), "pilot");
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, core::ErrorCode::kUnprocessable);
    EXPECT_EQ(st.error().field, "version");
    ASSERT_EQ(st.error().errors.size(), 1u);
    EXPECT_EQ(st.error().errors[0].field, "version");
    EXPECT_NE(st.error().detail.find("\"pilot\""), std::string::npos) << st.error().detail;
    // Matched by key only: a phase of the same name under another key does not count.
    auto renamed = version_one();
    renamed.phases[2].key = "pilot_run";
    EXPECT_FALSE(check_migration(renamed, "pilot"));
    EXPECT_FALSE(check_migration(FrameworkVersion{}, "explore"));
    EXPECT_FALSE(check_migration(version_one(), "")) << "an empty key names no phase";
}

}  // namespace
}  // namespace cocreate::projects
