#pragma once
// The database: SQLite (default) or PostgreSQL behind SOCI, with a connection pool and
// transactions that commit only when the work succeeded.
//
// SQLite: one writer connection guarded by a mutex (writes are serialized anyway, and
// BEGIN IMMEDIATE on a single writer never hits SQLITE_BUSY upgrades) plus a pool of
// reader connections (WAL lets them read while the writer writes).
// PostgreSQL: one pool; reads and writes both lease a connection.
//
// All calls block: run them on the blocking pool, never on a network thread.

#include <soci/soci.h>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "db/statement_cache.hpp"

namespace cocreate::db {

enum class Engine { kSqlite, kPostgres };

struct PoolStats {
    size_t size = 0;
    size_t in_use = 0;
    uint64_t waits = 0;  // leases that had to wait for a free connection
};

class Database {
public:
    // Opens `url`: "sqlite:PATH" (PATH may be ":memory:"), "postgresql:CONNINFO" or a
    // "postgresql://" URI. Throws std::runtime_error with a client-free message on failure.
    static std::unique_ptr<Database> open(const std::string& url, size_t pool_size);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Engine engine() const { return engine_; }
    const std::string& url() const { return url_; }
    // The SQLite file path, or empty for PostgreSQL.
    const std::string& sqlite_path() const { return sqlite_path_; }

    // A leased connection, returned to the pool on destruction.
    // A leased connection, returned to the pool on destruction. While it lives, the
    // connection's prepared statements are available to db::Query on this thread.
    class Lease {
    public:
        Lease(Database& db, soci::session* s, bool writer);
        ~Lease();
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        soci::session& operator*() const { return *session_; }
        soci::session* operator->() const { return session_; }

    private:
        Database& db_;
        soci::session* session_;
        bool writer_;
        CacheRegistration statements_;
    };

    Lease lease_reader();
    Lease lease_writer();

    // Runs fn(session) on a reader connection and returns what fn returns. No explicit
    // transaction: each statement reads a consistent snapshot of committed data, and
    // skipping BEGIN/COMMIT saves two statements (two round trips on PostgreSQL) per read.
    // Reads that need several statements to agree use write() or their own transaction.
    template <typename F>
    auto read(F&& fn) -> std::invoke_result_t<F, soci::session&> {
        Lease lease = lease_reader();
        return fn(*lease);
    }

    // Runs fn(session) in a write transaction. fn returns a Result/Status (anything with
    // has_value()): the transaction commits only when it holds a value; an error result or
    // an exception rolls everything back.
    template <typename F>
    auto write(F&& fn) -> std::invoke_result_t<F, soci::session&> {
        Lease lease = lease_writer();
        Scope scope(*lease, engine_, true);
        auto result = fn(*lease);
        if (result.has_value()) scope.commit();
        return result;
    }

    // True when a trivial query succeeds.
    bool ping();
    PoolStats stats() const;

private:
    // RAII transaction: BEGIN (IMMEDIATE for SQLite writes) on construction, ROLLBACK on
    // destruction unless committed.
    class Scope {
    public:
        Scope(soci::session& s, Engine engine, bool write);
        ~Scope();
        void commit();

    private:
        soci::session& s_;
        bool open_ = true;
    };

    Database() = default;
    void release(soci::session* s, bool writer);
    StatementCache* cache_of(const soci::session* s) const;

    Engine engine_ = Engine::kSqlite;
    std::string url_;
    std::string sqlite_path_;
    std::vector<std::unique_ptr<soci::session>> sessions_;
    std::vector<soci::session*> free_;
    // Declared after sessions_ so that cached statements are finalised before their connection.
    std::unordered_map<const soci::session*, std::unique_ptr<StatementCache>> caches_;
    soci::session* writer_ = nullptr;  // SQLite only
    std::mutex writer_mutex_;
    mutable std::mutex mutex_;
    std::condition_variable released_;
    uint64_t waits_ = 0;
};

// True when `e` reports a unique-constraint violation (on either engine).
bool is_unique_violation(const std::exception& e);

}  // namespace cocreate::db
