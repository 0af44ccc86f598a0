#include "db/database.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

namespace cocreate::db {

namespace {

bool starts_with(const std::string& s, std::string_view p) { return s.rfind(p, 0) == 0; }

// Process-wide SQLite settings, applied once before the first connection: memory
// statistics take a global lock on every allocation, which serializes all threads; and
// every connection is leased to one thread at a time (the pool guarantees it), so the
// per-call connection mutexes of the "serialized" mode only cost time (about a fifth of
// the instructions of reading a 50-row page).
void configure_sqlite_library() {
    static const bool done = [] {
        ::sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        ::sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)done;
}

void configure_sqlite(soci::session& s) {
    // synchronous=FULL: an acknowledged write survives power loss, not only a crash.
    s << "PRAGMA busy_timeout = 5000";
    s << "PRAGMA foreign_keys = ON";
    s << "PRAGMA synchronous = FULL";
    s << "PRAGMA temp_store = MEMORY";
    // Reads through a memory map, not a pread() copy per page: on a database larger than the
    // page cache (an enterprise company's ideas are ~2 GB) that was a tenth of a request's
    // time. Debian's SQLite caps the map at 2 GB; pages past it are read as before.
    s << "PRAGMA mmap_size = 2147418112";
}

}  // namespace

std::unique_ptr<Database> Database::open(const std::string& url, size_t pool_size) {
    std::unique_ptr<Database> db(new Database());
    db->url_ = url;
    if (pool_size < 1) pool_size = 1;
    try {
        if (starts_with(url, "sqlite:")) {
            db->engine_ = Engine::kSqlite;
            std::string path = url.substr(7);
            if (starts_with(path, "//")) path = path.substr(2);
            if (path.empty()) throw std::runtime_error("database: empty SQLite path");
            db->sqlite_path_ = path;
            configure_sqlite_library();
            // An in-memory database exists once per connection: use exactly one.
            const bool memory = path == ":memory:";
            const size_t readers = memory ? 0 : pool_size;
            const std::string connect = "db=\"" + path + "\" timeout=5";
            for (size_t i = 0; i < readers + 1; ++i) {
                auto s = std::make_unique<soci::session>(soci::sqlite3, connect);
                if (i == 0) *s << "PRAGMA journal_mode = WAL";
                configure_sqlite(*s);
                db->sessions_.push_back(std::move(s));
            }
            db->writer_ = db->sessions_.front().get();
            if (memory) {
                db->free_.push_back(db->writer_);  // readers share the writer (guarded by its mutex)
            } else {
                for (size_t i = 1; i < db->sessions_.size(); ++i) db->free_.push_back(db->sessions_[i].get());
            }
        } else if (starts_with(url, "postgresql:") || starts_with(url, "postgres:")) {
            db->engine_ = Engine::kPostgres;
            std::string conninfo = url;
            if (!starts_with(url, "postgresql://") && !starts_with(url, "postgres://"))
                conninfo = url.substr(url.find(':') + 1);
            for (size_t i = 0; i < pool_size; ++i) {
                auto s = std::make_unique<soci::session>(soci::postgresql, conninfo);
                *s << "SET client_min_messages = WARNING";
                *s << "SET TIME ZONE 'UTC'";
                db->free_.push_back(s.get());
                db->sessions_.push_back(std::move(s));
            }
        } else {
            throw std::runtime_error("database: unsupported URL (use sqlite:PATH or postgresql:CONNINFO)");
        }
    } catch (const soci::soci_error& e) {
        throw std::runtime_error(std::string("database: cannot open: ") + e.get_error_message());
    }
    for (const auto& s : db->sessions_) db->caches_.emplace(s.get(), std::make_unique<StatementCache>(*s));
    return db;
}

Database::~Database() = default;

Database::Lease::Lease(Database& db, soci::session* s, bool writer)
    : db_(db), session_(s), writer_(writer), statements_(db.cache_of(s)) {}

StatementCache* Database::cache_of(const soci::session* s) const {
    const auto it = caches_.find(s);
    return it == caches_.end() ? nullptr : it->second.get();
}
Database::Lease::~Lease() { db_.release(session_, writer_); }

Database::Lease Database::lease_reader() {
    const bool shared_writer = engine_ == Engine::kSqlite && sqlite_path_ == ":memory:";
    if (shared_writer) {
        writer_mutex_.lock();
        return Lease(*this, writer_, true);
    }
    std::unique_lock lock(mutex_);
    if (free_.empty()) {
        ++waits_;
        released_.wait(lock, [this] { return !free_.empty(); });
    }
    soci::session* s = free_.back();
    free_.pop_back();
    return Lease(*this, s, false);
}

Database::Lease Database::lease_writer() {
    if (engine_ == Engine::kSqlite) {
        writer_mutex_.lock();
        return Lease(*this, writer_, true);
    }
    return lease_reader();
}

void Database::release(soci::session* s, bool writer) {
    if (writer) {
        writer_mutex_.unlock();
        return;
    }
    {
        std::lock_guard lock(mutex_);
        free_.push_back(s);
    }
    released_.notify_one();
}

Database::Scope::Scope(soci::session& s, Engine engine, bool write) : s_(s) {
    s_ << ((engine == Engine::kSqlite && write) ? "BEGIN IMMEDIATE" : "BEGIN");
}

Database::Scope::~Scope() {
    if (!open_) return;
    try {
        s_ << "ROLLBACK";
    } catch (...) {
        // The connection is broken; the next user will see it fail and report it.
    }
}

void Database::Scope::commit() {
    s_ << "COMMIT";
    open_ = false;
}

bool Database::ping() {
    try {
        return read([](soci::session& s) {
            int one = 0;
            s << "SELECT 1", soci::into(one);
            return one == 1;
        });
    } catch (...) {
        return false;
    }
}

PoolStats Database::stats() const {
    std::lock_guard lock(mutex_);
    const size_t readers = sessions_.size() - (engine_ == Engine::kSqlite ? 1 : 0);
    const size_t pool = engine_ == Engine::kSqlite && sqlite_path_ == ":memory:" ? 1 : readers;
    return {sessions_.size(), pool - std::min(pool, free_.size()), waits_};
}

bool is_unique_violation(const std::exception& e) {
    const std::string what = e.what();
    return what.find("UNIQUE constraint failed") != std::string::npos ||
           what.find("duplicate key value") != std::string::npos;
}

}  // namespace cocreate::db
