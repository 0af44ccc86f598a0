#include "auth/session_repository.hpp"

#include "db/query.hpp"

namespace cocreate::auth::session_repository {

namespace {

using db::from_boost;
using db::to_boost;

struct SessionRow {
    long long id = 0, user_id = 0;
    std::string created_at, last_seen_at, expires_at, user_agent, ip;
    boost::optional<std::string> revoked_at;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(last_seen_at));
        st.exchange(soci::into(expires_at));
        st.exchange(soci::into(user_agent));
        st.exchange(soci::into(ip));
        st.exchange(soci::into(revoked_at));
    }
    Session value() const {
        return {id, user_id, created_at, last_seen_at, expires_at, user_agent, ip, from_boost(revoked_at)};
    }
};
constexpr const char* kSessionColumns =
    "SELECT id, user_id, created_at, last_seen_at, expires_at, user_agent, ip, revoked_at FROM sessions ";

struct SessionUserRow {
    SessionRow session;
    std::string email, display_name, role, capabilities;
    int disabled = 0;
    void bind(soci::statement& st) {
        session.bind(st);
        st.exchange(soci::into(email));
        st.exchange(soci::into(display_name));
        st.exchange(soci::into(role));
        st.exchange(soci::into(capabilities));
        st.exchange(soci::into(disabled));
    }
    std::pair<Session, User> value() const {
        User u;
        u.id = session.user_id;
        u.email = email;
        u.display_name = display_name;
        parse_role(role, u.role);
        u.capabilities = split_list(capabilities);
        u.disabled = disabled != 0;
        return {session.value(), std::move(u)};
    }
};

struct TokenRow {
    long long id = 0, user_id = 0;
    std::string name, prefix, scopes, created_at;
    boost::optional<std::string> expires_at, last_used_at, revoked_at;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(prefix));
        st.exchange(soci::into(scopes));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(expires_at));
        st.exchange(soci::into(last_used_at));
        st.exchange(soci::into(revoked_at));
    }
    ApiToken value() const {
        return {id,         user_id, name, prefix, split_list(scopes), created_at, from_boost(expires_at),
                from_boost(last_used_at), from_boost(revoked_at)};
    }
};
constexpr const char* kTokenColumns =
    "SELECT id, user_id, name, prefix, scopes, created_at, expires_at, last_used_at, revoked_at FROM api_tokens ";

template <typename RowT, typename... Uses>
auto collect(soci::session& s, const std::string& sql, Uses&... uses) {
    db::Query<RowT> q(s);
    (q.bind(uses), ...);
    return q.run(sql);
}

}  // namespace

int64_t insert_session(soci::session& s, const Session& x, const std::string& token_hash) {
    long long id = 0;
    const long long uid = x.user_id;
    s << "INSERT INTO sessions (user_id, token_hash, created_at, last_seen_at, expires_at, user_agent, ip) "
         "VALUES (:u, :h, :c, :l, :e, :ua, :ip) RETURNING id",
        soci::use(uid), soci::use(token_hash), soci::use(x.created_at), soci::use(x.last_seen_at),
        soci::use(x.expires_at), soci::use(x.user_agent), soci::use(x.ip), soci::into(id);
    return id;
}

std::optional<Session> find_live_session(soci::session& s, const std::string& token_hash) {
    std::string h = token_hash;
    auto rows = collect<SessionRow>(s, std::string(kSessionColumns) + "WHERE token_hash = :h AND revoked_at IS NULL", h);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<std::pair<Session, User>> find_live_session_and_user(soci::session& s, const std::string& token_hash) {
    std::string h = token_hash;
    auto rows = collect<SessionUserRow>(
        s,
        "SELECT s.id, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.user_agent, s.ip, s.revoked_at, "
        "u.email, u.display_name, u.role, u.capabilities, u.disabled FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token_hash = :h AND s.revoked_at IS NULL",
        h);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

void touch_session(soci::session& s, int64_t id, const std::string& now) {
    const long long sid = id;
    s << "UPDATE sessions SET last_seen_at = :now WHERE id = :id", soci::use(now), soci::use(sid);
}

std::vector<Session> list_live_sessions(soci::session& s, int64_t user_id, const std::string& now,
                                        std::optional<int64_t> after, int limit) {
    long long uid = user_id, a = after.value_or(INT64_MAX);
    std::string n = now;
    int l = limit + 1;
    return collect<SessionRow>(s,
                   std::string(kSessionColumns) +
                       "WHERE user_id = :u AND revoked_at IS NULL AND expires_at > :now AND id < :a "
                       "ORDER BY id DESC LIMIT :l",
                   uid, n, a, l);
}

bool revoke_session(soci::session& s, int64_t user_id, int64_t session_id, const std::string& now) {
    const long long uid = user_id, sid = session_id;
    soci::statement st = (s.prepare << "UPDATE sessions SET revoked_at = :now WHERE id = :id AND user_id = :u AND "
                                       "revoked_at IS NULL",
                          soci::use(now), soci::use(sid), soci::use(uid));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

int revoke_sessions_except(soci::session& s, int64_t user_id, int64_t keep, const std::string& now) {
    const long long uid = user_id, k = keep;
    soci::statement st = (s.prepare << "UPDATE sessions SET revoked_at = :now WHERE user_id = :u AND id <> :k AND "
                                       "revoked_at IS NULL",
                          soci::use(now), soci::use(uid), soci::use(k));
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
}

int64_t insert_token(soci::session& s, const ApiToken& t, const std::string& token_hash) {
    long long id = 0;
    const long long uid = t.user_id;
    const std::string scopes = join_list(t.scopes);
    const auto expires = to_boost(t.expires_at);
    s << "INSERT INTO api_tokens (user_id, name, prefix, token_hash, scopes, created_at, expires_at) "
         "VALUES (:u, :n, :p, :h, :s, :c, :e) RETURNING id",
        soci::use(uid), soci::use(t.name), soci::use(t.prefix), soci::use(token_hash), soci::use(scopes),
        soci::use(t.created_at), soci::use(expires), soci::into(id);
    return id;
}

std::optional<ApiToken> find_live_token(soci::session& s, const std::string& token_hash) {
    std::string h = token_hash;
    auto rows = collect<TokenRow>(s, std::string(kTokenColumns) + "WHERE token_hash = :h AND revoked_at IS NULL", h);
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<ApiToken> list_live_tokens(soci::session& s, int64_t user_id, std::optional<int64_t> after, int limit) {
    long long uid = user_id, a = after.value_or(INT64_MAX);
    int l = limit + 1;
    return collect<TokenRow>(s,
                   std::string(kTokenColumns) +
                       "WHERE user_id = :u AND revoked_at IS NULL AND id < :a ORDER BY id DESC LIMIT :l",
                   uid, a, l);
}

bool revoke_token(soci::session& s, int64_t user_id, int64_t token_id, const std::string& now) {
    const long long uid = user_id, tid = token_id;
    soci::statement st = (s.prepare << "UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND user_id = :u AND "
                                       "revoked_at IS NULL",
                          soci::use(now), soci::use(tid), soci::use(uid));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

int revoke_all_tokens(soci::session& s, int64_t user_id, const std::string& now) {
    const long long uid = user_id;
    soci::statement st = (s.prepare << "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL",
                          soci::use(now), soci::use(uid));
    st.execute(true);
    return static_cast<int>(st.get_affected_rows());
}

void touch_token(soci::session& s, int64_t id, const std::string& now) {
    const long long tid = id;
    s << "UPDATE api_tokens SET last_used_at = :now WHERE id = :id", soci::use(now), soci::use(tid);
}

std::optional<ThrottleState> find_throttle(soci::session& s, const std::string& key) {
    ThrottleState st;
    boost::optional<std::string> blocked;
    soci::indicator ind = soci::i_null;
    s << "SELECT failures, window_started_at, blocked_until FROM sign_in_throttle WHERE throttle_key = :k",
        soci::use(key), soci::into(st.failures, ind), soci::into(st.window_started_at), soci::into(blocked);
    if (!s.got_data()) return std::nullopt;
    st.blocked_until = from_boost(blocked);
    return st;
}

void save_throttle(soci::session& s, const std::string& key, const ThrottleState& st) {
    const auto blocked = to_boost(st.blocked_until);
    s << "INSERT INTO sign_in_throttle (throttle_key, failures, window_started_at, blocked_until) "
         "VALUES (:k, :f, :w, :b) ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, "
         "window_started_at = excluded.window_started_at, blocked_until = excluded.blocked_until",
        soci::use(key), soci::use(st.failures), soci::use(st.window_started_at), soci::use(blocked);
}

void clear_throttle(soci::session& s, const std::string& key) {
    s << "DELETE FROM sign_in_throttle WHERE throttle_key = :k", soci::use(key);
}

}  // namespace cocreate::auth::session_repository
