#pragma once
// Prepared statements kept per connection, so a query that runs on every request is parsed
// (SQLite) or planned and round-tripped (PostgreSQL) once per connection, not per request.
//
// SOCI sessions carry no user data, so the cache of the connection a thread currently holds
// is found through the lease: Database::Lease registers it for the calling thread while the
// lease lives. A query on a session without a registered cache simply runs uncached.

#include <soci/soci.h>

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

    explicit StatementCache(soci::session& s) : session_(s) {}
    StatementCache(const StatementCache&) = delete;
    StatementCache& operator=(const StatementCache&) = delete;

    Entry* find(const std::string& key) {
        const auto it = entries_.find(key);
        return it == entries_.end() ? nullptr : it->second.get();
    }
    Entry* put(const std::string& key, std::unique_ptr<Entry> e) { return (entries_[key] = std::move(e)).get(); }
    void erase(const std::string& key) { entries_.erase(key); }
    size_t size() const { return entries_.size(); }

    // The cache registered for `s` by a lease this thread holds, or nullptr.
    static StatementCache* current(const soci::session& s);

private:
    friend class CacheRegistration;
    soci::session& session_;
    std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
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
