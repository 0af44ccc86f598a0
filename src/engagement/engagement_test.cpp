#include "engagement/engagement.hpp"

#include <gtest/gtest.h>

namespace cocreate::engagement {
namespace {

core::Date day(const char* text) { return *core::parse_date(text); }
std::string due(std::string_view interval, const char* start, std::optional<const char*> contact,
                std::optional<int> every = std::nullopt) {
    return core::format_date(next_due(interval, every, day(start),
                                      contact ? std::optional<core::Date>(day(*contact)) : std::nullopt));
}

TEST(Cadence, WithoutContactTheStartIsDue) { EXPECT_EQ(due("weekly", "2026-11-23", std::nullopt), "2026-11-23"); }

TEST(Cadence, TheIntervalRunsFromTheLastContact) {
    EXPECT_EQ(due("weekly", "2026-01-01", "2026-11-20"), "2026-11-27");
    EXPECT_EQ(due("biweekly", "2026-01-01", "2026-11-20"), "2026-12-04");
    EXPECT_EQ(due("custom", "2026-01-01", "2026-11-20", 3), "2026-11-23");
}

TEST(Cadence, MonthsAreCalendarMonths) {
    EXPECT_EQ(due("monthly", "2026-01-01", "2026-01-31"), "2026-02-28");
    EXPECT_EQ(due("quarterly", "2026-01-01", "2026-11-30"), "2027-02-28");
    EXPECT_EQ(due("monthly", "2028-01-01", "2028-01-31"), "2028-02-29");
}

TEST(Cadence, AStartInTheFutureWins) { EXPECT_EQ(due("weekly", "2027-01-10", "2026-11-20"), "2027-01-10"); }

TEST(FollowUp, OverdueOnlyWhenOpenAndPastItsDay) {
    EXPECT_TRUE(is_overdue("open", day("2026-11-22"), day("2026-11-23")));
    EXPECT_FALSE(is_overdue("open", day("2026-11-23"), day("2026-11-23")));  // due today is not late yet
    EXPECT_FALSE(is_overdue("done", day("2026-11-01"), day("2026-11-23")));
    EXPECT_FALSE(is_overdue("cancelled", day("2026-11-01"), day("2026-11-23")));
}

TEST(Capacity, LoadAgainstHours) {
    const Load load{6.0, 2.5};
    EXPECT_DOUBLE_EQ(load.total(), 8.5);
    EXPECT_FALSE(over_capacity(load, 10));
    EXPECT_TRUE(over_capacity(load, 8));
    EXPECT_FALSE(over_capacity(Load{4, 4}, 8));  // exactly full is not over
    EXPECT_DOUBLE_EQ(*utilisation(load, 10), 0.85);
    EXPECT_FALSE(utilisation(load, 0));
    EXPECT_TRUE(over_capacity(Load{0, 0.5}, 0));  // no hours given, any load is over
}

}  // namespace
}  // namespace cocreate::engagement
