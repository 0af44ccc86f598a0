// Mutation tests: thousands of corrupted request bodies and query strings must each end in
// a value or a clean Error, never a crash or an exception. A fixed seed keeps runs repeatable.
#include <gtest/gtest.h>

#include <random>

#include "core/json_input.hpp"
#include "http/query.hpp"
#include "http/request.hpp"

namespace cocreate {
namespace {

std::string mutate(std::string s, std::mt19937& rng) {
    std::uniform_int_distribution<int> op(0, 3), byte(0, 255);
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < edits; ++i) {
        const size_t pos = s.empty() ? 0 : rng() % s.size();
        switch (op(rng)) {
            case 0: if (!s.empty()) s[pos] = static_cast<char>(byte(rng)); break;
            case 1: s.insert(pos, 1, static_cast<char>(byte(rng))); break;
            case 2: if (!s.empty()) s.erase(pos, 1 + rng() % 3); break;
            case 3: s.insert(pos, s.substr(0, rng() % (s.size() + 1))); break;
        }
    }
    return s;
}

constexpr std::array<std::string_view, 3> kKinds = {"community", "project_room", "challenge_area"};

TEST(Robustness, CorruptedBodiesNeverCrashTheReader) {
    std::mt19937 rng(20261123);
    const std::vector<std::string> seeds = {
        R"({"name":"Lab","kind":"community","external_allowed":true,"n":5})",
        R"({"email":"a@b.cc","password":"correct horse","display_name":"Ä Ö","tags":["a","b"]})",
        R"({"a":{"b":[1,2,{"c":null}]},"d":-1.5e10,"e":"\u00e9\ud83d\ude00"})",
    };
    int accepted = 0;
    for (int i = 0; i < 20000; ++i) {
        const auto body = mutate(seeds[i % seeds.size()], rng);
        auto obj = core::parse_json_object(body);
        if (!obj) {
            EXPECT_FALSE(obj.error().detail.empty());
            continue;
        }
        core::ObjectReader r(*obj);
        r.optional_string("name");
        r.optional_enum("kind", kKinds);
        r.optional_bool("external_allowed");
        r.optional_int("n", 1, 10);
        r.nullable_string("email");
        if (r.finish()) ++accepted;
    }
    EXPECT_GT(accepted, 0);  // some mutations stay valid: the reader was really exercised
}

TEST(Robustness, CorruptedQueriesNeverCrashTheQueryReader) {
    std::mt19937 rng(7);
    const std::string seed = "q=lab%20x&kind=community&limit=20&after=c1.42&since=2026-01-01T00:00:00Z";
    for (int i = 0; i < 20000; ++i) {
        http::Request req;
        req.query = mutate(seed, rng);
        http::QueryReader q(req, {"q", "kind", "since"});
        q.string("q");
        q.enumeration("kind", kKinds);
        q.time("since");
        q.page();
        (void)q.finish();
        (void)http::percent_decode(req.query);
    }
}

}  // namespace
}  // namespace cocreate
