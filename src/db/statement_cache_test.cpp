#include "db/statement_cache.hpp"

#include <gtest/gtest.h>

namespace cocreate::db {
namespace {

struct Counted : StatementCache::Entry {
    explicit Counted(int& alive) : alive_(alive) { ++alive_; }
    ~Counted() override { --alive_; }
    int& alive_;
};

// Id lists make every page's query text new: the cache must not grow with them.
TEST(StatementCache, KeepsAtMostItsCapacityDroppingTheLeastRecentlyUsed) {
    soci::session s;  // never connected: the cache only keeps what it is given
    StatementCache cache(s, 3);
    int alive = 0;
    for (int i = 0; i < 3; ++i) cache.put("q" + std::to_string(i), std::make_unique<Counted>(alive));
    EXPECT_NE(cache.find("q0"), nullptr);  // q0 is now the most recently used
    cache.put("q3", std::make_unique<Counted>(alive));
    EXPECT_EQ(cache.size(), 3u);
    EXPECT_EQ(alive, 3) << "the dropped statement is finalized";
    EXPECT_EQ(cache.find("q1"), nullptr);
    EXPECT_NE(cache.find("q0"), nullptr);
    EXPECT_NE(cache.find("q3"), nullptr);
    for (int i = 0; i < 1000; ++i) cache.put("page " + std::to_string(i), std::make_unique<Counted>(alive));
    EXPECT_EQ(cache.size(), 3u);
    EXPECT_EQ(alive, 3);
    cache.erase("page 999");
    EXPECT_EQ(cache.size(), 2u);
    // Putting a key again replaces its statement.
    auto* first = cache.put("again", std::make_unique<Counted>(alive));
    auto* second = cache.put("again", std::make_unique<Counted>(alive));
    EXPECT_NE(first, second);
    EXPECT_EQ(cache.find("again"), second);
    EXPECT_EQ(alive, 3);
}

}  // namespace
}  // namespace cocreate::db
