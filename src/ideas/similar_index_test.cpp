#include "ideas/similar_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>

namespace cocreate::ideas {
namespace {

std::vector<int64_t> ids_of(const std::vector<SimilarIndex::Hit>& hits) {
    std::vector<int64_t> out;
    for (const auto& h : hits) out.push_back(h.doc->id);
    return out;
}

SimilarIndex sample() {
    SimilarIndex index;
    index.add({1, 10, "Hydrogen storage tanks", ""}, "Hydrogen storage tanks",
              "Hydrogen storage next to the plant: storage tanks for hydrogen.");
    index.add({2, 10, "Plant idea", ""}, "Plant idea", "Maybe hydrogen for the boilers.");
    index.add({3, 11, "Solar roof", ""}, "Solar roof", "Panels on the warehouse roof.");
    index.add({4, std::nullopt, "Storage of pallets", ""}, "Storage of pallets", "Stack pallets higher in the storage hall.");
    index.add({5, 10, "Thermal storage", ""}, "Thermal storage", "Store heat from the ovens.");
    return index;
}

TEST(SimilarWords, LowerCasesSplitsAndDropsCommonWords) {
    EXPECT_EQ(similar_words("The CO2 of our Trucks, and the e-Bikes!"), (std::vector<std::string>{"co2", "trucks", "bikes"}));
    // Bytes of UTF-8 sequences are letters: a word with an accent stays one word.
    EXPECT_EQ(similar_words("Küche café"), (std::vector<std::string>{"k\xc3\xbc" "che", "caf\xc3\xa9"}));
    // Query syntax of any engine is just punctuation here.
    EXPECT_EQ(similar_words("\"a\"* OR b) NEAR(x y) -- ' ;"), (std::vector<std::string>{"near"}));
}

TEST(ReadTyped, TheLastWordIsAPrefixUnlessTheTextEndsBetweenWords) {
    auto t = read_typed("Hydrogen stor");
    EXPECT_EQ(t.words, (std::vector<std::string>{"hydrogen"}));
    EXPECT_EQ(t.prefix, "stor");
    t = read_typed("Hydrogen storage ");
    EXPECT_EQ(t.words, (std::vector<std::string>{"hydrogen", "storage"}));
    EXPECT_FALSE(t.prefix);
    // A repeated word counts once; a one-letter prefix is no prefix.
    t = read_typed("storage, storage and s");
    EXPECT_EQ(t.words, (std::vector<std::string>{"storage"}));
    EXPECT_FALSE(t.prefix);
}

TEST(SnippetOf, OneLineCutAtAWordWithAnEllipsis) {
    EXPECT_EQ(snippet_of("Short\n\ntext  here "), "Short text here");
    EXPECT_EQ(snippet_of("alpha beta gamma delta", 12), "alpha beta…");
    // Never inside a UTF-8 sequence, even without a space to cut at.
    const std::string umlauts = "\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc\xc3\xbc";
    const auto cut = snippet_of(umlauts, 5);
    EXPECT_EQ(cut, "\xc3\xbc\xc3\xbc…");
}

TEST(SimilarIndex, RanksByRelevanceAndNeedsASharedWord) {
    const auto index = sample();
    const auto hits = index.search(read_typed("hydrogen storage "), 5);
    ASSERT_FALSE(hits.empty());
    EXPECT_EQ(hits.front().doc->id, 1);  // both words, several times, in the title too
    const auto got = ids_of(hits);
    EXPECT_EQ(std::count(got.begin(), got.end(), 3), 0) << "the solar roof shares no word";
    EXPECT_EQ(got.size(), 4u);
    for (size_t i = 1; i < hits.size(); ++i) EXPECT_GE(hits[i - 1].score, hits[i].score);
}

TEST(SimilarIndex, ThePrefixMatchesTheWordsItMayBecome) {
    const auto index = sample();
    // "stor" is "storage" or "store": idea 5 has both and counts once, by the better.
    const auto got = ids_of(index.search(read_typed("thermal stor"), 5));
    ASSERT_FALSE(got.empty());
    EXPECT_EQ(got.front(), 5);
    EXPECT_EQ(ids_of(index.search(read_typed("xyz"), 5)), std::vector<int64_t>{});
}

TEST(SimilarIndex, FiltersAndLimits) {
    const auto index = sample();
    auto not_challenge_10 = [](const SimilarDoc& d) { return d.challenge_id != 10; };
    EXPECT_EQ(ids_of(index.search(read_typed("hydrogen storage "), 5, not_challenge_10)), (std::vector<int64_t>{4}));
    EXPECT_EQ(index.search(read_typed("storage "), 2).size(), 2u);
    EXPECT_TRUE(SimilarIndex{}.search(read_typed("storage "), 5).empty());
}

TEST(SimilarIndex, TiesGoToTheNewestIdea) {
    SimilarIndex index;
    for (int64_t id : {7, 9, 8}) index.add({id, std::nullopt, "Same", ""}, "Pallet pool", "Pallet pool");
    EXPECT_EQ(ids_of(index.search(read_typed("pallet pool "), 5)), (std::vector<int64_t>{9, 8, 7}));
}

TEST(VersionedCache, RebuildsWhenTheVersionMovesAndDropsTheLeastRecentlyUsed) {
    SimilarIndexCache cache(2);
    int builds = 0;
    auto build = [&] {
        ++builds;
        return sample();
    };
    const SimilarScope a{1, 10}, b{1, std::nullopt}, c{2, std::nullopt};
    auto first = cache.get(a, 1, build);
    EXPECT_EQ(cache.get(a, 1, build), first);
    EXPECT_EQ(builds, 1);
    EXPECT_NE(cache.get(a, 2, build), first);  // the space's ideas changed
    EXPECT_EQ(builds, 2);
    cache.get(b, 2, build);
    cache.get(a, 2, build);  // a is now the most recently used
    cache.get(c, 1, build);  // evicts b
    EXPECT_EQ(builds, 4);
    cache.get(a, 2, build);
    EXPECT_EQ(builds, 4);
    cache.get(b, 2, build);
    EXPECT_EQ(builds, 5);
}

TEST(VersionedCache, AValueLivesAtMostMaxAge) {
    core::VersionedCache<int, int> cache(4, std::chrono::milliseconds(30));
    int builds = 0;
    auto build = [&] { return ++builds; };
    EXPECT_EQ(*cache.get(1, 7, build), 1);
    EXPECT_EQ(*cache.get(1, 7, build), 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    EXPECT_EQ(*cache.get(1, 7, build), 2);  // same version, but too old
}

TEST(VersionedCache, IsSafeToShareBetweenThreads) {
    SimilarIndexCache cache(4);
    std::vector<std::thread> threads;
    std::atomic<int> found{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 200; ++i) {
                auto index = cache.get({t % 3, std::nullopt}, i / 50, [] { return sample(); });
                if (!index->search(read_typed("storage "), 1).empty()) ++found;
            }
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(found.load(), 800);
}

}  // namespace
}  // namespace cocreate::ideas
