#pragma once
// Prepared statements kept per connection, so a query that runs on every request is parsed
// (SQLite) or planned and round-tripped (PostgreSQL) once per connection, not per request.
//
// SOCI sessions carry no user data, so the cache of the connection a thread currently holds
// is found through the lease: Database::Lease registers it for the calling thread while the
// lease lives. A query on a session without a registered cache simply runs uncached.

#include <soci/soci.h>

#include <algorithm>
#include <list>
#include <memory>
#include <string>
#include <unordered_map>

namespace cocreate::db {

class StatementCache {
public:
    // A cached statement with whatever it binds; owned by the cache.
    struct Entry {
        virtual ~Entry() = default;
    };

    // Queries whose text carries an id list (`IN (1,2,3)`) differ on every page, so the cache
    // is bounded: beyond `capacity` the least recently used statement is finalized. The
    // application's fixed queries (~200) stay well within it.
    static constexpr size_t kDefaultCapacity = 512;

    explicit StatementCache(soci::session& s, size_t capacity = kDefaultCapacity) : session_(s), capacity_(capacity) {}
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    Entry* find(const std::string& key) {
        const auto it = entries_.find(key);
        if (it == entries_.end()) return nullptr;
        recency_.splice(recency_.begin(), recency_, it->second.used);
        return it->second.entry.get();
    }
    // Keeps `e` under `key` as the most recently used; never drops `e` itself.
    Entry* put(const std::string& key, std::unique_ptr<Entry> e) {
        erase(key);
        recency_.push_front(key);
        auto* kept = (entries_[key] = Slot{std::move(e), recency_.begin()}).entry.get();
        while (entries_.size() > std::max<size_t>(capacity_, 1)) {
            entries_.erase(recency_.back());
            recency_.pop_back();
        }
        return kept;
    }
    void erase(const std::string& key) {
        const auto it = entries_.find(key);
        if (it == entries_.end()) return;
        recency_.erase(it->second.used);
        entries_.erase(it);
    }
    size_t size() const { return entries_.size(); }

    // The cache registered for `s` by a lease this thread holds, or nullptr.
    static StatementCache* current(const soci::session& s);

private:
    friend class CacheRegistration;
    struct Slot {
        std::unique_ptr<Entry> entry;
        std::list<std::string>::iterator used;
    };
    soci::session& session_;
    size_t capacity_;
    std::unordered_map<std::string, Slot> entries_;
    std::list<std::string> recency_;  // most recently used first
};

// RAII: makes `cache` the calling thread's current cache for its session (nests).
class CacheRegistration {
public:
    explicit CacheRegistration(StatementCache* cache);
    ~CacheRegistration();
    CacheRegistration(const CacheRegistration&) = delete;
    CacheRegistration& operator=(const CacheRegistration&) = delete;

private:
    StatementCache* previous_;
};

}  // namespace cocreate::db
