#include "ideas/similar_index.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <cmath>
#include <unordered_map>

namespace cocreate::ideas {

namespace {

// Words that say nothing about an idea; dropped from texts and queries alike.
constexpr std::string_view kStopWords[] = {
    "a",     "about", "after", "all",   "also",  "am",    "an",    "and",   "any",   "are",   "as",    "at",
    "be",    "been",  "being", "but",   "by",    "can",   "could", "did",   "do",    "does",  "for",   "from",
    "had",   "has",   "have",  "he",    "her",   "him",   "his",   "how",   "if",    "in",    "into",  "is",
    "it",    "its",   "just",  "me",    "more",  "most",  "my",    "no",    "not",   "of",    "on",    "once",
    "only",  "or",    "other", "our",   "ours",  "out",   "over",  "per",   "she",   "should", "so",   "some",
    "such",  "than",  "that",  "the",   "their", "them",  "then",  "there", "these", "they",  "this",  "those",
    "to",    "too",   "under", "until", "up",    "us",    "very",  "via",   "was",   "we",    "were",  "what",
    "when",  "where", "which", "while", "who",   "why",   "will",  "with",  "would", "you",   "your",  "yours",
};

bool is_stop_word(std::string_view w) {
    return std::find(std::begin(kStopWords), std::end(kStopWords), w) != std::end(kStopWords);
}

bool is_word_byte(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

// Calls `f(word, ends_text)` for every run of word bytes, lower-cased.
template <typename F>
void for_each_word(std::string_view text, F&& f) {
    std::string w;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (is_word_byte(c)) {
            w.push_back(static_cast<char>(c < 0x80 ? std::tolower(c) : c));
            continue;
        }
        if (!w.empty()) f(w, false);
        w.clear();
    }
    if (!w.empty()) f(w, true);
}

bool keep(const std::string& w) { return w.size() >= 2 && !is_stop_word(w); }

// BM25's usual constants: how fast repeated words stop adding, how much length counts.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
constexpr size_t kMaxQueryWords = 12;
constexpr size_t kMaxPrefixTerms = 64;  // a short prefix matches many words; the first are enough

}  // namespace

std::vector<std::string> similar_words(std::string_view text) {
    std::vector<std::string> out;
    for_each_word(text, [&](const std::string& w, bool) {
        if (keep(w)) out.push_back(w);
    });
    return out;
}

TypedText read_typed(std::string_view text) {
    TypedText t;
    for_each_word(text, [&](const std::string& w, bool ends_text) {
        if (ends_text) {
            // A prefix may be a stop word so far ("th" of "thermal") but not a single letter.
            if (w.size() >= 2) t.prefix = w;
            return;
        }
        if (keep(w) && t.words.size() < kMaxQueryWords &&
            std::find(t.words.begin(), t.words.end(), w) == t.words.end())
            t.words.push_back(w);
    });
    return t;
}

std::string snippet_of(std::string_view description, size_t max_bytes) {
    std::string flat;
    flat.reserve(std::min(description.size(), max_bytes + 8));
    for (char c : description) {
        const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
        if (space) {
            if (!flat.empty() && flat.back() != ' ') flat.push_back(' ');
        } else {
            flat.push_back(c);
        }
        if (flat.size() > max_bytes + 1) break;
    }
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();
    if (flat.size() <= max_bytes) return flat;
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(flat[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    const auto space = flat.rfind(' ', cut);
    if (space != std::string::npos && space > max_bytes / 2) cut = space;
    flat.resize(cut);
    while (!flat.empty() && flat.back() == ' ') flat.pop_back();
    return flat + "…";
}

void SimilarIndex::add(SimilarDoc doc, std::string_view title, std::string_view description) {
    const auto id = static_cast<uint32_t>(docs_.size());
    std::unordered_map<std::string, uint32_t> counts;
    uint32_t length = 0;
    for (const auto& w : similar_words(title)) { counts[w] += 2; length += 2; }
    for (const auto& w : similar_words(description)) { counts[w] += 1; length += 1; }
    for (auto& [term, n] : counts) postings_[term].push_back({id, n});
    docs_.push_back(std::move(doc));
    lengths_.push_back(length);
    total_length_ += length;
}

void SimilarIndex::add_term(const std::vector<Posting>& postings, std::vector<double>& scores) const {
    const double n = static_cast<double>(docs_.size());
    const double df = static_cast<double>(postings.size());
    const double idf = std::log(1.0 + (n - df + 0.5) / (df + 0.5));
    const double average = total_length_ > 0 ? static_cast<double>(total_length_) / n : 1.0;
    for (const auto& p : postings) {
        const double tf = p.weight;
        const double norm = kK1 * (1.0 - kB + kB * lengths_[p.doc] / average);
        scores[p.doc] += idf * tf * (kK1 + 1.0) / (tf + norm);
    }
}

std::vector<SimilarIndex::Hit> SimilarIndex::search(const TypedText& typed, size_t limit,
                                                    const std::function<bool(const SimilarDoc&)>& allowed) const {
    if (docs_.empty() || limit == 0) return {};
    std::vector<double> scores(docs_.size(), 0.0);
    for (const auto& w : typed.words)
        if (auto it = postings_.find(w); it != postings_.end()) add_term(it->second, scores);
    if (typed.prefix && std::find(typed.words.begin(), typed.words.end(), *typed.prefix) == typed.words.end()) {
        // The word being typed: every word it may become counts, each document by its best.
        std::vector<double> best(docs_.size(), 0.0), one(docs_.size(), 0.0);
        size_t terms = 0;
        for (auto it = postings_.lower_bound(*typed.prefix);
             it != postings_.end() && it->first.starts_with(*typed.prefix) && terms < kMaxPrefixTerms; ++it, ++terms) {
            if (is_stop_word(it->first)) continue;
            for (const auto& p : it->second) one[p.doc] = 0.0;
            add_term(it->second, one);
            for (const auto& p : it->second) best[p.doc] = std::max(best[p.doc], one[p.doc]);
        }
        for (size_t i = 0; i < scores.size(); ++i) scores[i] += best[i];
    }
    std::vector<Hit> hits;
    for (size_t i = 0; i < docs_.size(); ++i)
        if (scores[i] > 0 && (!allowed || allowed(docs_[i]))) hits.push_back({&docs_[i], scores[i]});
    auto better = [](const Hit& a, const Hit& b) {
        return a.score != b.score ? a.score > b.score : a.doc->id > b.doc->id;
    };
    const auto keep_n = std::min(limit, hits.size());
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(keep_n), hits.end(), better);
    hits.resize(keep_n);
    return hits;
}

}  // namespace cocreate::ideas
