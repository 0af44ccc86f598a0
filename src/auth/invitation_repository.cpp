#include "auth/invitation_repository.hpp"

#include "db/query.hpp"

namespace cocreate::auth::invitation_repository {

namespace {

struct Row {
    long long id = 0, space_id = 0, invited_by = 0;
    std::string space_name, email, space_role, invited_by_name, created_at, expires_at;
    boost::optional<std::string> display_name, accepted_at, revoked_at;
    boost::optional<long long> organisation_id;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(space_id));
        st.exchange(soci::into(space_name));
        st.exchange(soci::into(email));
        st.exchange(soci::into(display_name));
        st.exchange(soci::into(space_role));
        st.exchange(soci::into(organisation_id));
        st.exchange(soci::into(invited_by));
        st.exchange(soci::into(invited_by_name));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(expires_at));
        st.exchange(soci::into(accepted_at));
        st.exchange(soci::into(revoked_at));
    }
    Invitation value() const {
        return {id,         space_id,   space_name, email, db::from_boost(display_name), space_role,
                db::from_boost_id(organisation_id), invited_by, invited_by_name, created_at, expires_at,
                db::from_boost(accepted_at), db::from_boost(revoked_at)};
    }
};

constexpr const char* kSelect =
    "SELECT i.id, i.space_id, s.name, i.email, i.display_name, i.space_role, i.organisation_id, i.invited_by, "
    "u.display_name, i.created_at, i.expires_at, i.accepted_at, i.revoked_at FROM invitations i "
    "JOIN spaces s ON s.id = i.space_id JOIN users u ON u.id = i.invited_by ";

}  // namespace

int64_t insert(soci::session& s, const Invitation& inv, const std::string& token_hash) {
    long long id = 0;
    const long long sid = inv.space_id, by = inv.invited_by;
    const auto name = db::to_boost(inv.display_name);
    const auto org = db::to_boost_id(inv.organisation_id);
    s << "INSERT INTO invitations (space_id, email, display_name, space_role, organisation_id, token_hash, "
         "invited_by, created_at, expires_at) VALUES (:s, :e, :n, :r, :o, :h, :b, :c, :x) RETURNING id",
        soci::use(sid), soci::use(inv.email), soci::use(name), soci::use(inv.space_role), soci::use(org),
        soci::use(token_hash), soci::use(by), soci::use(inv.created_at), soci::use(inv.expires_at), soci::into(id);
    return id;
}

std::optional<Invitation> find_by_id(soci::session& s, int64_t id) {
    long long iid = id;
    auto rows = db::Query<Row>(s).bind(iid).run(std::string(kSelect) + "WHERE i.id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<Invitation> find_by_token(soci::session& s, const std::string& token_hash) {
    std::string h = token_hash;
    auto rows = db::Query<Row>(s).bind(h).run(std::string(kSelect) + "WHERE i.token_hash = :h");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<Invitation> list(soci::session& s, const ListFilter& f) {
    db::Query<Row> q(s);
    std::string sql = std::string(kSelect) + "WHERE 1 = 1";
    long long sid = f.space_id.value_or(0), a = f.after.value_or(0);
    std::string now = f.now;
    int l = f.limit + 1;
    if (f.space_id) { sql += " AND i.space_id = :s"; q.bind(sid); }
    if (f.after) { sql += " AND i.id < :a"; q.bind(a); }
    if (f.status == "pending") { sql += " AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > :now"; q.bind(now); }
    if (f.status == "accepted") sql += " AND i.accepted_at IS NOT NULL";
    if (f.status == "revoked") sql += " AND i.accepted_at IS NULL AND i.revoked_at IS NOT NULL";
    if (f.status == "expired") { sql += " AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at <= :now"; q.bind(now); }
    sql += " ORDER BY i.id DESC LIMIT :l";
    q.bind(l);
    return q.run(sql);
}

bool has_pending(soci::session& s, int64_t space_id, const std::string& email, const std::string& now) {
    long long n = 0;
    const long long sid = space_id;
    s << "SELECT COUNT(*) FROM invitations WHERE space_id = :s AND email = :e AND accepted_at IS NULL AND "
         "revoked_at IS NULL AND expires_at > :now",
        soci::use(sid), soci::use(email), soci::use(now), soci::into(n);
    return n > 0;
}

void revoke(soci::session& s, int64_t id, const std::string& now) {
    const long long iid = id;
    s << "UPDATE invitations SET revoked_at = :now WHERE id = :id", soci::use(now), soci::use(iid);
}

void replace_token(soci::session& s, int64_t id, const std::string& token_hash, const std::string& expires_at) {
    const long long iid = id;
    s << "UPDATE invitations SET token_hash = :h, expires_at = :x WHERE id = :id", soci::use(token_hash),
        soci::use(expires_at), soci::use(iid);
}

void mark_accepted(soci::session& s, int64_t id, int64_t user_id, const std::string& now) {
    const long long iid = id, uid = user_id;
    s << "UPDATE invitations SET accepted_at = :now, accepted_user_id = :u WHERE id = :id", soci::use(now),
        soci::use(uid), soci::use(iid);
}

}  // namespace cocreate::auth::invitation_repository
