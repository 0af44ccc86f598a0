#include "stakeholders/stakeholder.hpp"

#include <gtest/gtest.h>

namespace cocreate::stakeholders {
namespace {

TEST(Ladder, RanksFollowTheOrderOfEngagement) {
    EXPECT_EQ(level_rank("unaware"), 0);
    EXPECT_EQ(level_rank("co_creating"), 4);
    EXPECT_EQ(level_rank("advocate"), 5);
    EXPECT_EQ(level_rank("fan"), -1);
    for (size_t i = 1; i < kLevels.size(); ++i) EXPECT_LT(level_rank(kLevels[i - 1]), level_rank(kLevels[i]));
}

TEST(Ladder, DirectionOfAChange) {
    EXPECT_EQ(level_direction("aware", "engaged"), "up");
    EXPECT_EQ(level_direction("advocate", "interested"), "down");
    EXPECT_EQ(level_direction("engaged", "engaged"), "same");
}

TEST(Emotion, IndifferenceIsNotAnger) {
    EXPECT_EQ(emotion_state(-2, 3), "negative");   // angry: intense and negative
    EXPECT_EQ(emotion_state(-2, 0), "indifferent");  // no intensity: indifferent whatever the words
    EXPECT_EQ(emotion_state(0, 0), "indifferent");
    EXPECT_EQ(emotion_state(2, 0), "indifferent");
    EXPECT_EQ(emotion_state(0, 2), "neutral");
    EXPECT_EQ(emotion_state(1, 1), "positive");
    EXPECT_TRUE(is_indifferent(0));
    EXPECT_FALSE(is_indifferent(1));
}

}  // namespace
}  // namespace cocreate::stakeholders
