#include "http/router.hpp"

#include <gtest/gtest.h>

namespace cocreate::http {
namespace {

Response named(std::string name) {
    Response r;
    r.body = std::move(name);
    return r;
}

class RouterTest : public ::testing::Test {
protected:
    void SetUp() override {
        router.add("GET", "/api/v1/spaces", [](RequestContext&) { return named("list"); });
        router.add("POST", "/api/v1/spaces", [](RequestContext&) { return named("create"); });
        router.add("GET", "/api/v1/spaces/{id}", [](RequestContext&) { return named("get"); });
        router.add("PUT", "/api/v1/spaces/{id}/members/{user_id}", [](RequestContext&) { return named("put"); });
    }
    Router router;
};

TEST_F(RouterTest, MatchesLiteralAndTemplatedPaths) {
    auto m = router.match("GET", "/api/v1/spaces/42");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.route->path_template, "/api/v1/spaces/{id}");
    EXPECT_EQ(m.params.at("id"), "42");
    m = router.match("PUT", "/api/v1/spaces/1/members/7");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.params.at("user_id"), "7");
}

TEST_F(RouterTest, ReportsAllowedMethodsForOtherMethods) {
    auto m = router.match("DELETE", "/api/v1/spaces");
    EXPECT_FALSE(m.route);
    EXPECT_EQ(m.allowed, (std::vector<std::string>{"GET", "POST", "HEAD"}));
}

TEST_F(RouterTest, HeadMatchesGet) { EXPECT_TRUE(router.match("HEAD", "/api/v1/spaces").route); }

TEST_F(RouterTest, UnknownPathsMatchNothing) {
    auto m = router.match("GET", "/api/v1/space");
    EXPECT_FALSE(m.route);
    EXPECT_TRUE(m.allowed.empty());
    EXPECT_FALSE(router.match("GET", "/api/v1/spaces/").route);
    EXPECT_FALSE(router.match("GET", "/api/v1/spaces/1/extra").route);
}

TEST_F(RouterTest, RefusesDuplicateRoutes) {
    EXPECT_THROW(router.add("GET", "/api/v1/spaces", [](RequestContext&) { return Response{}; }), std::logic_error);
}

}  // namespace
}  // namespace cocreate::http
