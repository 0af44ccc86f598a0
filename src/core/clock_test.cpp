#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace cocreate::core {
namespace {

TEST(Time, FormatsAndParsesRoundTrip) {
    const auto t = parse_time("2026-11-23T12:34:56.789Z");
    ASSERT_TRUE(t);
    EXPECT_EQ(format_time(*t), "2026-11-23T12:34:56.789Z");
}

TEST(Time, NormalisesOffsetsToUtc) {
    EXPECT_EQ(format_time(*parse_time("2026-11-23T13:00:00+01:00")), "2026-11-23T12:00:00.000Z");
    EXPECT_EQ(format_time(*parse_time("2026-01-01T00:30:00-01:00")), "2026-01-01T01:30:00.000Z");
}

TEST(Time, RefusesInvalidText) {
    for (const char* bad : {"", "2026-11-23", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-11-23T24:00:00Z",
                            "2026-11-23T12:00:00", "2026-11-23T12:00:00.Z", "2026-11-23T12:00:00Zjunk"})
        EXPECT_FALSE(parse_time(bad)) << bad;
}

TEST(Time, FormattedTimesSortInTimeOrder) {
    const auto a = format_time(*parse_time("2026-09-01T00:00:00Z"));
    const auto b = format_time(*parse_time("2026-10-01T00:00:00Z"));
    EXPECT_LT(a, b);
}

}  // namespace
}  // namespace cocreate::core

namespace {
cocreate::core::Date day(const char* text) { return *cocreate::core::parse_date(text); }
}  // namespace

TEST(Dates, ParseOnlyRealDays) {
    using cocreate::core::parse_date;
    EXPECT_TRUE(parse_date("2028-02-29"));
    EXPECT_FALSE(parse_date("2026-02-29"));
    EXPECT_FALSE(parse_date("2026-13-01"));
    EXPECT_FALSE(parse_date("2026-1-01"));
    EXPECT_FALSE(parse_date("2026-01-01T00:00:00Z"));
    EXPECT_FALSE(parse_date(""));
    EXPECT_EQ(cocreate::core::format_date(day("2026-03-09")), "2026-03-09");
}

TEST(Dates, AddMonthsClampsToTheLastDay) {
    using cocreate::core::add_months;
    using cocreate::core::format_date;
    EXPECT_EQ(format_date(add_months(day("2026-01-31"), 1)), "2026-02-28");
    EXPECT_EQ(format_date(add_months(day("2028-01-31"), 1)), "2028-02-29");
    EXPECT_EQ(format_date(add_months(day("2026-11-30"), 3)), "2027-02-28");
    EXPECT_EQ(format_date(add_months(day("2026-05-15"), 1)), "2026-06-15");
}

TEST(Dates, DateOfATime) {
    const auto t = *cocreate::core::parse_time("2026-11-23T23:59:59.999Z");
    EXPECT_EQ(cocreate::core::format_date(cocreate::core::date_of(t)), "2026-11-23");
}
