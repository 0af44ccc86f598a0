#pragma once
// Duplicate suggestions while someone types: an inverted index of one scope's ideas (a
// challenge's, or a whole space's), kept in memory and ranked with BM25.
//
// Why not the database's full-text search: suggestions are asked for on every pause in typing,
// always within one challenge or space, and the typed words are the common words of that
// challenge. A full-text engine scores every idea of the whole table that shares a word and
// then filters by scope (on 200,000 ideas, ~100 ms a request); this index holds only the
// scope's ideas, so a request scores a few hundred postings. It is rebuilt from the database
// when the space's ideas change (see SimilarIndexCache), which makes it the same on SQLite and
// PostgreSQL and exact on every node.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/versioned_cache.hpp"

namespace cocreate::ideas {

// What a suggestion shows of an idea.
struct SimilarDoc {
    int64_t id = 0;
    std::optional<int64_t> challenge_id;
    std::string title, snippet;
};

// The words of a text as the index sees them: runs of letters and digits (bytes of UTF-8
// sequences count as letters), ASCII lower-cased, at least two bytes, common English words
// dropped. User text never becomes syntax of any kind.
std::vector<std::string> similar_words(std::string_view text);

// What someone has typed so far: the finished words, and the word being typed (when the text
// does not end with a space or punctuation), matched as a prefix.
struct TypedText {
    std::vector<std::string> words;
    std::optional<std::string> prefix;
};
TypedText read_typed(std::string_view text);

// The first `max_bytes` of a description on one line, cut at a word (and never inside a UTF-8
// sequence), with "…" when something was cut.
std::string snippet_of(std::string_view description, size_t max_bytes = 160);

class SimilarIndex {
public:
    void add(SimilarDoc doc, std::string_view title, std::string_view description);

    struct Hit {
        const SimilarDoc* doc = nullptr;
        double score = 0;  // BM25, unbounded above
    };
    // The `limit` best-scoring documents that `allowed` accepts, best first (ties: newest id
    // first). A document must share at least one word with the text.
    std::vector<Hit> search(const TypedText& typed, size_t limit,
                            const std::function<bool(const SimilarDoc&)>& allowed = {}) const;

    size_t size() const { return docs_.size(); }

private:
    struct Posting {
        uint32_t doc;
        uint32_t weight;  // occurrences, a title's counted twice
    };
    // Adds one term's BM25 contribution to each of its documents' scores.
    void add_term(const std::vector<Posting>& postings, std::vector<double>& scores) const;

    std::vector<SimilarDoc> docs_;
    std::vector<uint32_t> lengths_;  // words per document, title counted twice
    uint64_t total_length_ = 0;
    std::map<std::string, std::vector<Posting>, std::less<>> postings_;  // ordered: prefixes are ranges
};

// The indexes of the scopes last asked for, each valid for one version of its space's ideas
// (idea_repository::text_version); at most 32 scopes per node.
struct SimilarScope {
    int64_t space_id = 0;
    std::optional<int64_t> challenge_id;  // nullopt: the whole space
    auto operator<=>(const SimilarScope&) const = default;
};
using SimilarIndexCache = core::VersionedCache<SimilarScope, SimilarIndex>;

}  // namespace cocreate::ideas
