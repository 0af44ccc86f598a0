#include "db/statement_cache.hpp"

namespace cocreate::db {

namespace {
// The cache of the lease the calling thread holds (see the header for why).
thread_local StatementCache* tls_current = nullptr;
}  // namespace

StatementCache* StatementCache::current(const soci::session& s) {
    return tls_current && &tls_current->session_ == &s ? tls_current : nullptr;
}

CacheRegistration::CacheRegistration(StatementCache* cache) : previous_(tls_current) { tls_current = cache; }
CacheRegistration::~CacheRegistration() { tls_current = previous_; }

}  // namespace cocreate::db
