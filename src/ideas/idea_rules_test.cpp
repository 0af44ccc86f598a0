#include "ideas/idea_rules.hpp"

#include <gtest/gtest.h>

namespace cocreate::ideas {
namespace {

core::Date day(const char* text) { return *core::parse_date(text); }

const PhaseDates kDates{"2026-03-01", "2026-03-15", "2026-04-01", "2026-04-15", "2026-05-01"};

TEST(ChallengePhases, FollowTheDates) {
    EXPECT_EQ(phase_on(kDates, day("2026-02-28")), "upcoming");
    EXPECT_EQ(phase_on(kDates, day("2026-03-01")), "submission");
    EXPECT_EQ(phase_on(kDates, day("2026-03-14")), "submission");
    EXPECT_EQ(phase_on(kDates, day("2026-03-15")), "discussion");
    EXPECT_EQ(phase_on(kDates, day("2026-04-01")), "voting");
    EXPECT_EQ(phase_on(kDates, day("2026-04-20")), "review");
    EXPECT_EQ(phase_on(kDates, day("2026-05-01")), "closed");
    EXPECT_EQ(phase_on(kDates, day("2030-01-01")), "closed");
}

TEST(ChallengePhases, DatesMustIncrease) {
    EXPECT_TRUE(validate_phase_dates(kDates));
    auto same = kDates;
    same.voting_opens = same.discussion_opens;
    auto e = validate_phase_dates(same);
    ASSERT_FALSE(e);
    EXPECT_EQ(e.error().field, "phases.voting_opens");
    auto bad = kDates;
    bad.closes = "2026-02-30";
    EXPECT_EQ(validate_phase_dates(bad).error().field, "phases.closes");
}

TEST(ChallengePhases, EachActivityHasItsPhases) {
    EXPECT_TRUE(allowed_in_phase("submission", Activity::kSubmit));
    EXPECT_TRUE(allowed_in_phase("discussion", Activity::kSubmit));
    EXPECT_FALSE(allowed_in_phase("voting", Activity::kSubmit));
    EXPECT_TRUE(allowed_in_phase("voting", Activity::kComment));
    EXPECT_FALSE(allowed_in_phase("review", Activity::kComment));
    EXPECT_TRUE(allowed_in_phase("voting", Activity::kVote));
    EXPECT_FALSE(allowed_in_phase("discussion", Activity::kVote));
    EXPECT_TRUE(allowed_in_phase("review", Activity::kReview));
    const auto closed = allowed_in_phase("closed", Activity::kBuildOn, "builds_on");
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().reason, "failed_precondition");
    EXPECT_EQ(closed.error().field, "builds_on");
    EXPECT_FALSE(allowed_in_phase("upcoming", Activity::kSubmit));
}

TEST(Votes, BudgetPerPerson) {
    EXPECT_TRUE(check_vote_budget(0, 1));
    EXPECT_FALSE(check_vote_budget(1, 1));
    EXPECT_TRUE(check_vote_budget(4, 5));
    EXPECT_EQ(check_vote_budget(5, 5).error().field, "vote");
}

TEST(Points, RewardCollaborationNotPopularity) {
    const std::vector<Author> ann{{1, "Ann", "author"}, {2, "Bo", "co_author"}};
    const auto submitted = awards_for_submission(10, ann);
    ASSERT_EQ(submitted.size(), 2u);
    EXPECT_EQ(submitted[1].user_id, 2);
    EXPECT_EQ(submitted[0].points, kPointsIdeaSubmitted);
    // Helpful marks: to the comment's author, never for marking your own.
    EXPECT_TRUE(awards_for_helpful(5, 7, 7).empty());
    const auto helpful = awards_for_helpful(5, 7, 8);
    ASSERT_EQ(helpful.size(), 1u);
    EXPECT_EQ(helpful[0].from_user_id, 8);
    // Building on: the base idea's authors, except those who wrote the new one too.
    const auto built = awards_for_building_on(10, ann, {{2, "Bo", "author"}});
    ASSERT_EQ(built.size(), 1u);
    EXPECT_EQ(built[0].user_id, 1);
    EXPECT_EQ(built[0].points, kPointsBuiltUpon);
    EXPECT_TRUE(awards_for_building_on(10, ann, ann).empty());
    EXPECT_EQ(awards_for_selection(10, ann)[0].reason, "idea_selected");
}

TEST(Points, Badges) {
    EXPECT_TRUE(badges({}).empty());
    EXPECT_EQ(badges({{"idea_submitted", 1}}), (std::vector<std::string>{"first_idea"}));
    EXPECT_EQ(badges({{"comment_helpful", 4}}), (std::vector<std::string>{}));
    EXPECT_EQ(badges({{"idea_submitted", 3}, {"comment_helpful", 5}, {"built_upon", 3}, {"idea_selected", 1}}),
              (std::vector<std::string>{"first_idea", "helpful_5", "bridge_builder", "selected"}));
}

TEST(Tone, HostileWordsAskTheWriterToReconsider) {
    EXPECT_TRUE(looks_hostile("This is a STUPID idea."));
    EXPECT_TRUE(looks_hostile("what idiots wrote this"));
    EXPECT_TRUE(looks_hostile("utterly useless"));
    EXPECT_FALSE(looks_hostile("The waiting at the gate is terrible; could sensors help?"));
    EXPECT_FALSE(looks_hostile("Let's build on this: dumbbell-shaped depots?"));  // a whole word only
    EXPECT_FALSE(looks_hostile(""));
}

TEST(Interest, ScoreAndWhatExternalsSee) {
    EXPECT_EQ(interest_points("curious"), 1);
    EXPECT_EQ(interest_points("committed"), 3);
    EXPECT_EQ(interest_points("none"), 0);
    EXPECT_EQ(interest_aggregate(0), "none");
    EXPECT_EQ(interest_aggregate(5), "some");
    EXPECT_EQ(interest_aggregate(6), "strong");
}

TEST(Reviews, WeightedScore) {
    const std::vector<Criterion> c{{"impact", "Impact", 3}, {"effort", "Effort", 1}};
    EXPECT_EQ(review_score(c, {{"impact", 5}, {"effort", 5}}), 100);
    EXPECT_EQ(review_score(c, {{"impact", 1}, {"effort", 1}}), 0);
    EXPECT_EQ(review_score(c, {{"impact", 5}, {"effort", 1}}), 75);
    EXPECT_EQ(review_score(c, {{"impact", 3}}), 38);  // 3 × 0.5 / 4, a missing score keeps its weight
    EXPECT_EQ(review_score({}, {{"impact", 5}}), 0);
}

}  // namespace
}  // namespace cocreate::ideas
