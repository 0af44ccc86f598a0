#include "core/json_input.hpp"

#include <gtest/gtest.h>

namespace cocreate::core {
namespace {

constexpr std::array<std::string_view, 2> kColours = {"red", "blue"};

boost::json::object parse(std::string_view text) { return parse_json_object(text).value(); }

TEST(ParseJsonObject, RefusesWhatIsNotAnObject) {
    EXPECT_EQ(parse_json_object("").error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(parse_json_object("[1]").error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(parse_json_object("{\"a\":").error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(parse_json_object("{\"a\":\"\xff\"}").error().code, ErrorCode::kInvalidArgument);
    EXPECT_TRUE(parse_json_object("{\"a\":1}").has_value());
    EXPECT_EQ(parse_json_object(R"({"a":1,"b":{"a":2},"a":3})").error().field, "a");
    EXPECT_TRUE(parse_json_object(R"({"a":{"a":1},"b":[{"a":1},{"a":2}]})").has_value());
}

TEST(ObjectReader, ReadsValidFields) {
    auto obj = parse(R"({"name":"  Ada  ","colour":"red","n":5,"flag":true})");
    ObjectReader r(obj);
    EXPECT_EQ(r.required_string("name"), "Ada");
    EXPECT_EQ(r.required_enum("colour", kColours), "red");
    EXPECT_EQ(r.optional_int("n", 1, 10), 5);
    EXPECT_EQ(r.optional_bool("flag"), true);
    EXPECT_TRUE(r.finish().has_value());
}

TEST(ObjectReader, NamesUnknownFields) {
    auto obj = parse(R"({"name":"Ada","nmae":"typo"})");
    ObjectReader r(obj);
    r.required_string("name");
    auto st = r.finish();
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().field, "nmae");
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
}

TEST(ObjectReader, NamesWrongTypesSizesAndEnums) {
    auto obj = parse(R"({"name":42,"colour":"green","n":11,"title":"abcdef"})");
    ObjectReader r(obj);
    r.required_string("name");
    r.required_enum("colour", kColours);
    r.optional_int("n", 1, 10);
    r.optional_string("title", {.max = 5});
    auto st = r.finish();
    ASSERT_FALSE(st);
    ASSERT_EQ(st.error().errors.size(), 4u);
    EXPECT_EQ(st.error().errors[0].field, "name");
    EXPECT_EQ(st.error().errors[1].field, "colour");
    EXPECT_EQ(st.error().errors[2].field, "n");
    EXPECT_EQ(st.error().errors[3].field, "title");
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);  // a wrong type is a malformed request
}

TEST(ObjectReader, CountsCodePointsNotBytes) {
    auto obj = parse(R"({"name":"ÄÖÜäöü"})");
    ObjectReader r(obj);
    EXPECT_EQ(r.optional_string("name", {.max = 6}), "ÄÖÜäöü");
    EXPECT_TRUE(r.finish());
}

TEST(ObjectReader, RefusesControlCharactersInSingleLineText) {
    auto obj = parse(R"({"name":"a\u0000b","text":"line\nline"})");
    ObjectReader r(obj);
    r.optional_string("name");
    EXPECT_EQ(r.optional_string("text", {.max = 100, .single_line = false}), "line\nline");
    auto st = r.finish();
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().field, "name");
}

TEST(ObjectReader, DistinguishesNullFromAbsent) {
    auto obj = parse(R"({"a":null})");
    ObjectReader r(obj);
    auto a = r.nullable_int("a", 1, 10);
    auto b = r.nullable_int("b", 1, 10);
    ASSERT_TRUE(a.has_value());
    EXPECT_FALSE(a->has_value());
    EXPECT_FALSE(b.has_value());
}

TEST(Email, AcceptsOrdinaryAddressesOnly) {
    EXPECT_TRUE(looks_like_email("ada@example.com"));
    EXPECT_FALSE(looks_like_email("ada@example"));
    EXPECT_FALSE(looks_like_email("ada example@example.com"));
    EXPECT_FALSE(looks_like_email("@example.com"));
    EXPECT_FALSE(looks_like_email("a@b@example.com"));
}

}  // namespace
}  // namespace cocreate::core
