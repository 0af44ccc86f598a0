#include "core/json_writer.hpp"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace cocreate::core {
namespace {

TEST(JsonWriter, WritesNestedValuesWithCommas) {
    std::string out;
    JsonWriter w(out);
    w.begin_object()
        .field("id", int64_t{7})
        .field("name", "Acme \"Ltd\"\n")
        .key("tags").begin_array().string("a").string("b").end_array()
        .key("owner").null()
        .key("empty").begin_array().end_array()
        .key("inner").begin_object().field("ok", true).end_object()
        .key("ratio").number(0.5)
        .end_object();
    EXPECT_EQ(out, R"({"id":7,"name":"Acme \"Ltd\"\n","tags":["a","b"],"owner":null,"empty":[],"inner":{"ok":true},"ratio":0.5})");
    EXPECT_NO_THROW(boost::json::parse(out));
}

TEST(JsonWriter, EscapesEveryControlCharacterAndKeepsUtf8) {
    std::string text = "é ✓ \\ ";
    for (char c = 1; c < 0x20; ++c) text += c;
    std::string out;
    JsonWriter(out).string(text);
    const auto back = boost::json::parse(out);
    EXPECT_EQ(back.as_string(), text);
}

TEST(JsonWriter, ArraysOfObjects) {
    std::string out;
    JsonWriter w(out);
    w.begin_array();
    for (int i = 0; i < 3; ++i) w.begin_object().field("i", i).end_object();
    w.end_array();
    EXPECT_EQ(out, R"([{"i":0},{"i":1},{"i":2}])");
}

}  // namespace
}  // namespace cocreate::core
