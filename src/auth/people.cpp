#include "auth/people.hpp"

#include "db/query.hpp"

namespace cocreate::auth::people {

namespace {
struct NameRow {
    std::string name;
    void bind(soci::statement& st) { st.exchange(soci::into(name)); }
    std::string value() const { return name; }
};
struct CountRow {
    long long n = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(n)); }
    long long value() const { return n; }
};
}  // namespace

std::optional<std::string> internal_user_name(soci::session& s, int64_t user_id) {
    auto rows = db::Query<NameRow>(s).bind(static_cast<long long>(user_id))
                    .run("SELECT display_name FROM users WHERE id = :id AND disabled = 0 AND role <> 'external'");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

bool space_exists(soci::session& s, int64_t space_id) {
    return db::Query<CountRow>(s).bind(static_cast<long long>(space_id))
               .run("SELECT COUNT(*) FROM spaces WHERE id = :id")
               .front() > 0;
}

}  // namespace cocreate::auth::people
