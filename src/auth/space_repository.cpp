#include "auth/space_repository.hpp"

#include "db/query.hpp"

namespace cocreate::auth::space_repository {

namespace {

using db::from_boost;
using db::Query;
using db::to_boost;

struct OrganisationRow {
    long long id = 0;
    std::string name, kind, created_at;
    boost::optional<std::string> domain;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(domain));
        st.exchange(soci::into(created_at));
    }
    Organisation value() const { return {id, name, kind, from_boost(domain), created_at}; }
};

struct SpaceRow {
    long long id = 0, created_by = 0, member_count = 0;
    std::string name, description, kind, created_at;
    int external_allowed = 0, experimental = 0, archived = 0;
    boost::optional<std::string> my_role;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(description));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(external_allowed));
        st.exchange(soci::into(experimental));
        st.exchange(soci::into(archived));
        st.exchange(soci::into(created_by));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(my_role));
        st.exchange(soci::into(member_count));
    }
    Space value() const {
        return {id, name, description, kind, external_allowed != 0, experimental != 0, archived != 0, created_by,
                created_at, from_boost(my_role), member_count};
    }
};
// :viewer is bound first, for the caller's role column.
constexpr const char* kSpaceSelect =
    "SELECT s.id, s.name, s.description, s.kind, s.external_allowed, s.experimental, s.archived, s.created_by, "
    "s.created_at, (SELECT m.space_role FROM space_members m WHERE m.space_id = s.id AND m.user_id = :viewer), "
    "(SELECT COUNT(*) FROM space_members c WHERE c.space_id = s.id) FROM spaces s ";

struct MemberRow {
    long long user_id = 0;
    std::string display_name, email, role, space_role, added_at;
    void bind(soci::statement& st) {
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(display_name));
        st.exchange(soci::into(email));
        st.exchange(soci::into(role));
        st.exchange(soci::into(space_role));
        st.exchange(soci::into(added_at));
    }
    Member value() const {
        Member m{user_id, display_name, email, Role::kMember, space_role, added_at};
        parse_role(role, m.role);
        return m;
    }
};

}  // namespace

int64_t insert_organisation(soci::session& s, const Organisation& o, const std::string& now) {
    long long id = 0;
    const auto domain = to_boost(o.domain);
    s << "INSERT INTO organisations (name, kind, domain, created_at, updated_at) VALUES (:n, :k, :d, :c, :u) "
         "RETURNING id",
        soci::use(o.name), soci::use(o.kind), soci::use(domain), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

std::optional<Organisation> find_organisation(soci::session& s, int64_t id) {
    long long oid = id;
    auto rows = Query<OrganisationRow>(s).bind(oid).run(
        "SELECT id, name, kind, domain, created_at FROM organisations WHERE id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

bool organisation_name_taken(soci::session& s, const std::string& name, int64_t except_id) {
    long long n = 0;
    const long long except = except_id;
    s << "SELECT COUNT(*) FROM organisations WHERE lower(name) = lower(:n) AND id <> :id", soci::use(name),
        soci::use(except), soci::into(n);
    return n > 0;
}

std::vector<Organisation> list_organisations(soci::session& s, const std::optional<std::string>& q,
                                             const std::optional<std::string>& kind, std::optional<int64_t> after,
                                             int limit) {
    Query<OrganisationRow> query(s);
    std::string sql = "SELECT id, name, kind, domain, created_at FROM organisations WHERE 1 = 1";
    long long a = after.value_or(0);
    std::string like = q ? db::contains_pattern(*q) : "", k = kind.value_or("");
    int l = limit + 1;
    if (after) { sql += " AND id < :a"; query.bind(a); }
    if (q) { sql += " AND lower(name) LIKE lower(:q) ESCAPE '\\'"; query.bind(like); }
    if (kind) { sql += " AND kind = :k"; query.bind(k); }
    sql += " ORDER BY id DESC LIMIT :l";
    query.bind(l);
    return query.run(sql);
}

void update_organisation(soci::session& s, const Organisation& o, const std::string& now) {
    const auto domain = to_boost(o.domain);
    const long long id = o.id;
    s << "UPDATE organisations SET name = :n, kind = :k, domain = :d, updated_at = :u WHERE id = :id",
        soci::use(o.name), soci::use(o.kind), soci::use(domain), soci::use(now), soci::use(id);
}

int64_t insert_space(soci::session& s, const Space& sp, const std::string& now) {
    long long id = 0;
    const long long by = sp.created_by;
    const int ext = sp.external_allowed, exp = sp.experimental;
    s << "INSERT INTO spaces (name, description, kind, external_allowed, experimental, archived, created_by, "
         "created_at, updated_at) VALUES (:n, :d, :k, :x, :e, 0, :b, :c, :u) RETURNING id",
        soci::use(sp.name), soci::use(sp.description), soci::use(sp.kind), soci::use(ext), soci::use(exp),
        soci::use(by), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

std::optional<Space> find_space(soci::session& s, int64_t id, int64_t viewer_id) {
    long long viewer = viewer_id, sid = id;
    auto rows = Query<SpaceRow>(s).bind(viewer).bind(sid).run(std::string(kSpaceSelect) + "WHERE s.id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<Space> list_spaces(soci::session& s, const SpaceFilter& f) {
    Query<SpaceRow> query(s);
    long long viewer = f.viewer_id, viewer2 = f.viewer_id, a = f.after.value_or(0);
    std::string like = f.q ? db::contains_pattern(*f.q) : "", kind = f.kind.value_or("");
    int archived = f.archived.value_or(false) ? 1 : 0, l = f.limit + 1;
    query.bind(viewer);
    std::string sql = std::string(kSpaceSelect) + "WHERE 1 = 1";
    if (f.only_member_spaces) {
        sql += " AND EXISTS (SELECT 1 FROM space_members m2 WHERE m2.space_id = s.id AND m2.user_id = :viewer2)";
        query.bind(viewer2);
    }
    if (f.after) { sql += " AND s.id < :a"; query.bind(a); }
    if (f.q) { sql += " AND lower(s.name) LIKE lower(:q) ESCAPE '\\'"; query.bind(like); }
    if (f.kind) { sql += " AND s.kind = :k"; query.bind(kind); }
    if (f.archived) { sql += " AND s.archived = :ar"; query.bind(archived); }
    sql += " ORDER BY s.id DESC LIMIT :l";
    query.bind(l);
    return query.run(sql);
}

void update_space(soci::session& s, const Space& sp, const std::string& now) {
    const long long id = sp.id;
    const int ext = sp.external_allowed, exp = sp.experimental, ar = sp.archived;
    s << "UPDATE spaces SET name = :n, description = :d, external_allowed = :x, experimental = :e, archived = :a, "
         "updated_at = :u WHERE id = :id",
        soci::use(sp.name), soci::use(sp.description), soci::use(ext), soci::use(exp), soci::use(ar), soci::use(now),
        soci::use(id);
}

namespace {
struct RoleRow {
    std::string role;
    void bind(soci::statement& st) { st.exchange(soci::into(role)); }
    std::string value() const { return role; }
};
}  // namespace

// Read on nearly every request inside a space: a cached statement (db::Query), not one
// parsed each time.
std::optional<std::string> member_role(soci::session& s, int64_t space_id, int64_t user_id) {
    auto rows = db::Query<RoleRow>(s).bind(static_cast<long long>(space_id)).bind(static_cast<long long>(user_id))
                    .run("SELECT space_role FROM space_members WHERE space_id = :s AND user_id = :u");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<Member> list_members(soci::session& s, int64_t space_id, std::optional<int64_t> after, int limit) {
    long long sid = space_id, a = after.value_or(0);
    int l = limit + 1;
    Query<MemberRow> query(s);
    query.bind(sid);
    std::string sql =
        "SELECT u.id, u.display_name, u.email, u.role, m.space_role, m.added_at FROM space_members m "
        "JOIN users u ON u.id = m.user_id WHERE m.space_id = :s";
    if (after) { sql += " AND u.id > :a"; query.bind(a); }
    sql += " ORDER BY u.id LIMIT :l";
    query.bind(l);
    return query.run(sql);
}

void upsert_member(soci::session& s, int64_t space_id, int64_t user_id, const std::string& role,
                   const std::string& now) {
    const long long sid = space_id, uid = user_id;
    s << "INSERT INTO space_members (space_id, user_id, space_role, added_at) VALUES (:s, :u, :r, :a) "
         "ON CONFLICT (space_id, user_id) DO UPDATE SET space_role = excluded.space_role",
        soci::use(sid), soci::use(uid), soci::use(role), soci::use(now);
}

bool remove_member(soci::session& s, int64_t space_id, int64_t user_id) {
    const long long sid = space_id, uid = user_id;
    soci::statement st = (s.prepare << "DELETE FROM space_members WHERE space_id = :s AND user_id = :u",
                          soci::use(sid), soci::use(uid));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

int64_t count_owners(soci::session& s, int64_t space_id) {
    long long n = 0;
    const long long sid = space_id;
    s << "SELECT COUNT(*) FROM space_members WHERE space_id = :s AND space_role = 'owner'", soci::use(sid),
        soci::into(n);
    return n;
}

std::vector<int64_t> space_ids_of(soci::session& s, int64_t user_id) {
    const long long uid = user_id;
    long long id = 0;
    std::vector<int64_t> out;
    soci::statement st = (s.prepare << "SELECT space_id FROM space_members WHERE user_id = :u", soci::use(uid),
                          soci::into(id));
    if (st.execute(true)) {
        do out.push_back(id);
        while (st.fetch());
    }
    return out;
}

}  // namespace cocreate::auth::space_repository
