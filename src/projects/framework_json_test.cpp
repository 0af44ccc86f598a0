#include "projects/framework_json.hpp"

#include <gtest/gtest.h>

#include "projects/framework_template.hpp"
#include "projects/project_rules.hpp"

namespace cocreate::projects {
namespace {

TEST(DefaultFramework, IsValidAndCountsRevenueOnlyFromScale) {
    const auto v = default_framework();
    EXPECT_TRUE(validate_framework(v)) << validate_framework(v).error().detail;
    ASSERT_EQ(v.phases.size(), 5u);
    EXPECT_EQ(v.phases.front().key, "explore");
    EXPECT_EQ(v.phases.back().key, "scale");
    EXPECT_FALSE(kpi_counts(v, "revenue", "pilot"));
    EXPECT_TRUE(kpi_counts(v, "revenue", "scale"));
    EXPECT_TRUE(kpi_counts(v, "interviews_held", "explore"));
}

TEST(FrameworkJson, TheStoredBodyReadsBackTheSame) {
    const auto v = default_framework();
    const auto back = parse_version_body(boost::json::serialize(version_body_json(v)));
    ASSERT_EQ(back.phases.size(), v.phases.size());
    ASSERT_EQ(back.kpis.size(), v.kpis.size());
    for (size_t i = 0; i < v.phases.size(); ++i) {
        EXPECT_EQ(back.phases[i].key, v.phases[i].key);
        EXPECT_EQ(back.phases[i].guidelines, v.phases[i].guidelines);
        EXPECT_EQ(back.phases[i].recommended_formats, v.phases[i].recommended_formats);
        EXPECT_EQ(back.phases[i].max_days, v.phases[i].max_days);
        EXPECT_EQ(back.phases[i].kpi_keys, v.phases[i].kpi_keys);
        EXPECT_EQ(back.phases[i].gatekeepers, v.phases[i].gatekeepers);
        ASSERT_EQ(back.phases[i].exit_criteria.size(), v.phases[i].exit_criteria.size());
        for (size_t c = 0; c < v.phases[i].exit_criteria.size(); ++c)
            EXPECT_EQ(back.phases[i].exit_criteria[c].evidence_required, v.phases[i].exit_criteria[c].evidence_required);
    }
    for (size_t i = 0; i < v.kpis.size(); ++i) {
        EXPECT_EQ(back.kpis[i].key, v.kpis[i].key);
        EXPECT_EQ(back.kpis[i].counts_from_phase, v.kpis[i].counts_from_phase);
        EXPECT_EQ(back.kpis[i].target, v.kpis[i].target);
        EXPECT_EQ(back.kpis[i].direction, v.kpis[i].direction);
    }
    EXPECT_NE(back.phases[0].guidelines_html.find("<strong>cheap and remote</strong>"), std::string::npos);
}

TEST(FrameworkJson, UnreadableBodiesGiveAnEmptyVersion) {
    EXPECT_TRUE(parse_version_body("not json").phases.empty());
    EXPECT_TRUE(parse_version_body("[1,2]").kpis.empty());
}

}  // namespace
}  // namespace cocreate::projects
