#include "http/dispatcher.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace cocreate::http {
namespace {

Request make(std::string method, std::string path, std::string body = {}, std::string content_type = {}) {
    Request r;
    r.method = std::move(method);
    r.path = std::move(path);
    r.body = std::move(body);
    if (!content_type.empty()) r.headers["content-type"] = content_type;
    return r;
}

class DispatcherTest : public ::testing::Test {
protected:
    void SetUp() override {
        router.add("POST", "/things", [](RequestContext&) {
            Response r;
            r.status = 201;
            return r;
        });
        router.add("GET", "/boom", [](RequestContext&) -> Response { throw std::runtime_error("SELECT secret FROM t"); });
        router.add("GET", "/private", [](RequestContext&) { return Response{}; });
        middleware.before = [](RequestContext& ctx, const Route&) -> std::optional<core::Error> {
            if (ctx.route == "/private") return core::Error::unauthenticated();
            return std::nullopt;
        };
    }
    Response run(const Request& req) {
        Dispatcher d(router, middleware);
        return d.dispatch(req, d.match(req), "rid");
    }
    Router router;
    Middleware middleware;
};

TEST_F(DispatcherTest, UnknownRouteIsProblem404) {
    auto r = run(make("GET", "/nothing"));
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.content_type, "application/problem+json");
    EXPECT_NE(r.body.find("\"request_id\":\"rid\""), std::string::npos);
}

TEST_F(DispatcherTest, WrongMethodIs405WithAllow) {
    auto r = run(make("DELETE", "/things"));
    EXPECT_EQ(r.status, 405);
    ASSERT_EQ(r.headers.size(), 1u);
    EXPECT_EQ(r.headers[0].first, "Allow");
    EXPECT_EQ(r.headers[0].second, "POST");
}

TEST_F(DispatcherTest, NonJsonBodyIs415) {
    EXPECT_EQ(run(make("POST", "/things", "a=b", "application/x-www-form-urlencoded")).status, 415);
    EXPECT_EQ(run(make("POST", "/things", "{}", "application/json; charset=utf-8")).status, 201);
}

TEST_F(DispatcherTest, ExceptionsBecome500WithoutInternalText) {
    auto r = run(make("GET", "/boom"));
    EXPECT_EQ(r.status, 500);
    EXPECT_EQ(r.body.find("SELECT"), std::string::npos);
}

TEST_F(DispatcherTest, MiddlewareCanStopARequest) { EXPECT_EQ(run(make("GET", "/private")).status, 401); }

}  // namespace
}  // namespace cocreate::http
