#include "auth/user_repository.hpp"

#include <soci/boost-optional.h>

#include "db/query.hpp"

namespace cocreate::auth::user_repository {

namespace {

constexpr const char* kColumns =
    "id, email, display_name, password_hash, role, capabilities, organisation_id, disabled, created_at, "
    "updated_at, password_changed_at, last_sign_in_at";

// One row's worth of bound outputs, so selects of one or many users share the mapping.
struct Row {
    long long id = 0;
    std::string email, display_name, password_hash, role, capabilities;
    boost::optional<long long> organisation_id;
    int disabled = 0;
    std::string created_at, updated_at, password_changed_at;
    boost::optional<std::string> last_sign_in_at;

    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(email));
        st.exchange(soci::into(display_name));
        st.exchange(soci::into(password_hash));
        st.exchange(soci::into(role));
        st.exchange(soci::into(capabilities));
        st.exchange(soci::into(organisation_id));
        st.exchange(soci::into(disabled));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
        st.exchange(soci::into(password_changed_at));
        st.exchange(soci::into(last_sign_in_at));
    }
    User value() const {
        User u;
        u.id = id;
        u.email = email;
        u.display_name = display_name;
        u.password_hash = password_hash;
        parse_role(role, u.role);
        u.capabilities = split_list(capabilities);
        if (organisation_id) u.organisation_id = *organisation_id;
        u.disabled = disabled != 0;
        u.created_at = created_at;
        u.updated_at = updated_at;
        u.password_changed_at = password_changed_at;
        if (last_sign_in_at) u.last_sign_in_at = *last_sign_in_at;
        return u;
    }
};

std::optional<User> find_one(soci::session& s, const std::string& where, const auto& key) {
    auto rows = db::Query<Row>(s).bind(key).run(std::string("SELECT ") + kColumns + " FROM users WHERE " + where);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

boost::optional<long long> opt(const std::optional<int64_t>& v) {
    return v ? boost::optional<long long>(*v) : boost::none;
}

}  // namespace

int64_t count(soci::session& s) {
    long long n = 0;
    s << "SELECT COUNT(*) FROM users", soci::into(n);
    return n;
}

int64_t insert(soci::session& s, const User& u) {
    long long id = 0;
    const std::string role = role_name(u.role);
    const std::string caps = join_list(u.capabilities);
    const auto org = opt(u.organisation_id);
    const int disabled = u.disabled ? 1 : 0;
    s << "INSERT INTO users (email, display_name, password_hash, role, capabilities, organisation_id, disabled, "
         "created_at, updated_at, password_changed_at) VALUES (:email, :name, :hash, :role, :caps, :org, :disabled, "
         ":created, :updated, :changed) RETURNING id",
        soci::use(u.email), soci::use(u.display_name), soci::use(u.password_hash), soci::use(role), soci::use(caps),
        soci::use(org), soci::use(disabled), soci::use(u.created_at), soci::use(u.updated_at),
        soci::use(u.password_changed_at), soci::into(id);
    return id;
}

std::optional<User> find_by_id(soci::session& s, int64_t id) {
    return find_one(s, "id = :id", static_cast<long long>(id));
}

std::optional<User> find_by_email(soci::session& s, const std::string& lower_email) {
    return find_one(s, "email = :email", lower_email);
}

std::vector<User> list(soci::session& s, const ListFilter& f) {
    db::Query<Row> q(s);
    std::string sql = std::string("SELECT ") + kColumns + " FROM users WHERE 1 = 1";
    if (f.after) { sql += " AND id < :after"; q.bind(static_cast<long long>(*f.after)); }
    if (f.q) {
        const std::string pattern = db::contains_pattern(*f.q);
        sql += " AND (lower(email) LIKE lower(:q) ESCAPE '\\' OR lower(display_name) LIKE lower(:q2) ESCAPE '\\')";
        q.bind(pattern).bind(pattern);
    }
    if (f.role) { sql += " AND role = :role"; q.bind(*f.role); }
    if (f.disabled) { sql += " AND disabled = :disabled"; q.bind(*f.disabled ? 1 : 0); }
    sql += " ORDER BY id DESC LIMIT :limit";
    q.bind(f.limit + 1);
    return q.run(sql);
}

void update_profile(soci::session& s, const User& u) {
    const std::string role = role_name(u.role);
    const std::string caps = join_list(u.capabilities);
    const auto org = opt(u.organisation_id);
    const int disabled = u.disabled ? 1 : 0;
    const long long id = u.id;
    s << "UPDATE users SET display_name = :name, role = :role, capabilities = :caps, organisation_id = :org, "
         "disabled = :disabled, updated_at = :updated WHERE id = :id",
        soci::use(u.display_name), soci::use(role), soci::use(caps), soci::use(org), soci::use(disabled),
        soci::use(u.updated_at), soci::use(id);
}

void update_password(soci::session& s, int64_t id, const std::string& hash, const std::string& now) {
    const long long uid = id;
    s << "UPDATE users SET password_hash = :hash, password_changed_at = :now, updated_at = :now2 WHERE id = :id",
        soci::use(hash), soci::use(now), soci::use(now), soci::use(uid);
}

void touch_sign_in(soci::session& s, int64_t id, const std::string& now) {
    const long long uid = id;
    s << "UPDATE users SET last_sign_in_at = :now WHERE id = :id", soci::use(now), soci::use(uid);
}

std::string display_name_of(soci::session& s, int64_t id) {
    std::string name;
    const long long uid = id;
    soci::indicator ind = soci::i_null;
    s << "SELECT display_name FROM users WHERE id = :id", soci::use(uid), soci::into(name, ind);
    return ind == soci::i_ok ? name : std::string{};
}

}  // namespace cocreate::auth::user_repository
