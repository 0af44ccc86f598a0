#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace cocreate::core {
namespace {

TEST(Csv, ParsesQuotesCommasAndLineBreaks) {
    auto r = parse_csv("\xEF\xBB\xBFname,notes\r\n\"Acme, Inc.\",\"said \"\"hi\"\"\nthen left\"\r\n\nBob,\n", 100);
    ASSERT_TRUE(r) << r.error().detail;
    ASSERT_EQ(r->size(), 3u);
    EXPECT_EQ((*r)[0].fields, (std::vector<std::string>{"name", "notes"}));
    EXPECT_EQ((*r)[1].line, 2u);
    EXPECT_EQ((*r)[1].fields, (std::vector<std::string>{"Acme, Inc.", "said \"hi\"\nthen left"}));
    EXPECT_EQ((*r)[2].line, 5u);
    EXPECT_EQ((*r)[2].fields, (std::vector<std::string>{"Bob", ""}));
}

TEST(Csv, RefusesMalformedRecordsWithTheirLine) {
    auto unterminated = parse_csv("a,b\n\"open,c\n", 10);
    ASSERT_FALSE(unterminated);
    EXPECT_NE(unterminated.error().detail.find("line 2"), std::string::npos);
    EXPECT_FALSE(parse_csv("a,\"b\"x\n", 10));
    EXPECT_FALSE(parse_csv("a,b\"c\n", 10));
    EXPECT_FALSE(parse_csv("a\nb\nc\n", 2));
}

TEST(Csv, WritesFieldsSpreadsheetsCannotMisread) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"x\""), "\"say \"\"x\"\"\"");
    EXPECT_EQ(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    EXPECT_EQ(csv_field("-1"), "'-1");
    EXPECT_EQ(csv_line({"a", "b c"}), "a,b c\r\n");
}

TEST(Csv, RoundTrips) {
    const std::vector<std::string> fields{"x,y", "multi\nline", "q\"uote", ""};
    auto r = parse_csv(csv_line(fields), 10);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->size(), 1u);
    EXPECT_EQ((*r)[0].fields, fields);
}

}  // namespace
}  // namespace cocreate::core
