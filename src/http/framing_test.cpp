#include "http/framing.hpp"

#include <gtest/gtest.h>

namespace cocreate::http {
namespace {

HeaderView with(std::vector<std::pair<std::string_view, std::string_view>> fields, int version = 11,
                std::string_view target = "/x") {
    return {version, "POST", target, std::move(fields)};
}

TEST(Framing, AcceptsOrdinaryRequests) {
    EXPECT_FALSE(check_framing(with({{"Host", "a"}, {"Content-Length", "5"}})));
    EXPECT_FALSE(check_framing(with({{"Host", "a"}, {"Transfer-Encoding", "chunked"}})));
    EXPECT_FALSE(check_framing(with({{"Host", "a"}, {"Content-Length", "5"}, {"Content-Length", "5"}})));
    EXPECT_FALSE(check_framing(with({}, 10)));
}

TEST(Framing, RefusesAmbiguousBodies) {
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"Content-Length", "5"}, {"Transfer-Encoding", "chunked"}})));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"Transfer-Encoding", "gzip"}})));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"Transfer-Encoding", "chunked, gzip"}})));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}})));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"Transfer-Encoding", "chunked"}}, 10)));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"Content-Length", "5"}, {"Content-Length", "6"}})));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"Content-Length", "1,2"}})));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"Content-Length", "-1"}})));
}

TEST(Framing, RefusesMissingOrRepeatedHost) {
    EXPECT_TRUE(check_framing(with({})));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"Host", "b"}})));
    EXPECT_TRUE(check_framing(with({{"Host", "a b"}})));
    EXPECT_TRUE(check_framing(with({{"Host", "evil.com/path"}})));
    EXPECT_FALSE(check_framing(with({{"Host", "127.0.0.1:8080"}})));
    EXPECT_FALSE(check_framing(with({{"Host", "[::1]:8080"}})));
}

TEST(Framing, RefusesOddTargetsAndHeaders) {
    EXPECT_TRUE(check_framing(with({{"Host", "a"}}, 11, "http://evil/x")));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}}, 11, "*")));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"Bad Name", "x"}})));
    EXPECT_TRUE(check_framing(with({{"Host", "a"}, {"X", std::string_view("a\0b", 3)}})));
}

}  // namespace
}  // namespace cocreate::http
