#include "auth/account_service.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "auth/secrets.hpp"
#include "auth/session_repository.hpp"
#include "auth/user_repository.hpp"
#include "core/json_input.hpp"
#include "events/event_log.hpp"

namespace cocreate::auth {

namespace repo = session_repository;
namespace users = user_repository;
using core::Error;
using core::fail;

namespace {

constexpr std::string_view kTokenPrefix = "cct_";

Principal principal_of(const User& u) {
    Principal p;
    p.user_id = u.id;
    p.display_name = u.display_name;
    p.email = u.email;
    p.role = u.role;
    p.capabilities = u.capabilities;
    return p;
}

std::string plus(core::TimePoint t, std::chrono::seconds d) { return core::format_time(t + d); }

Error invalid_credentials() {
    return Error{core::ErrorCode::kUnauthenticated, "E-mail or password is wrong", {}, "invalid_credentials"};
}

}  // namespace

AccountService::AccountService(db::Database& db, const core::Clock& clock, SessionPolicy sessions,
                               ThrottlePolicy throttle)
    : db_(db), clock_(clock), sessions_(sessions), throttle_(throttle) {}

std::string AccountService::now() const { return core::format_time(clock_.now()); }

bool AccountService::setup_needed() {
    return db_.read([](soci::session& s) { return users::count(s) == 0; });
}

core::Status AccountService::validate_new_user(const NewUser& u) {
    std::vector<core::FieldError> errors;
    if (!core::looks_like_email(u.email)) errors.push_back({"email", "is not an e-mail address"});
    if (auto why = password_problem(u.password, u.email, u.display_name)) errors.push_back({"password", *why});
    if (u.role == Role::kExternal && !u.capabilities.empty())
        errors.push_back({"capabilities", "are for internal users only"});
    if (errors.empty()) return {};
    Error e = Error::unprocessable(errors.front().field, errors.front().detail);
    e.errors = std::move(errors);
    return fail(std::move(e));
}

core::Result<User> AccountService::insert_user(soci::session& s, const NewUser& u, const std::string& hash,
                                               std::optional<int64_t> actor) {
    const std::string email = core::ascii_lower(u.email);
    if (users::find_by_email(s, email)) return fail(Error::exists("email", "an account with this e-mail exists"));
    User user;
    user.email = email;
    user.display_name = u.display_name;
    user.password_hash = hash;
    user.role = u.role;
    user.capabilities = u.capabilities;
    user.organisation_id = u.organisation_id;
    user.created_at = user.updated_at = user.password_changed_at = now();
    user.id = users::insert(s, user);
    events::append(s,
                   {actor.value_or(user.id), "user.created", "user", user.id, std::nullopt,
                    events::Visibility::kInternal,
                    {{"email", user.email}, {"role", role_name(user.role)}}},
                   user.created_at);
    return user;
}

core::Result<SignedIn> AccountService::setup(const NewUser& admin, const ClientInfo& client) {
    if (auto ok = validate_new_user(admin); !ok) return fail(ok.error());
    const std::string hash = hash_password(admin.password);
    return db_.write([&](soci::session& s) -> core::Result<SignedIn> {
        if (users::count(s) > 0)
            return fail(Error{core::ErrorCode::kAlreadyExists, "cocreate is already set up; sign in instead"});
        NewUser first = admin;
        first.role = Role::kAdmin;
        auto user = insert_user(s, first, hash, std::nullopt);
        if (!user) return fail(user.error());
        return open_session(s, *user, client);
    });
}

SignedIn AccountService::open_session(soci::session& s, const User& user, const ClientInfo& client) {
    const auto t = clock_.now();
    Session session;
    session.user_id = user.id;
    session.created_at = session.last_seen_at = core::format_time(t);
    session.expires_at = plus(t, sessions_.absolute_timeout);
    session.user_agent = client.user_agent.substr(0, 300);
    session.ip = client.ip;
    SignedIn out{user, new_token()};
    out.user.last_sign_in_at = session.created_at;
    session.id = repo::insert_session(s, session, hash_token(out.session_token));
    users::touch_sign_in(s, user.id, session.created_at);
    events::append(s, {user.id, "user.signed_in", "user", user.id, std::nullopt, events::Visibility::kInternal,
                       {{"session_id", session.id}, {"ip", client.ip}}},
                   session.created_at);
    return out;
}

core::Status AccountService::check_throttle(soci::session& s, std::initializer_list<std::string> keys) {
    const std::string current = now();
    int retry = 0;
    for (const auto& key : keys) {
        auto st = repo::find_throttle(s, key);
        if (st && st->blocked_until && *st->blocked_until > current) {
            const auto until = core::parse_time(*st->blocked_until).value_or(clock_.now());
            const auto secs = std::chrono::ceil<std::chrono::seconds>(until - clock_.now()).count();
            retry = std::max<int>(retry, static_cast<int>(std::max<long long>(1, secs)));
        }
    }
    if (retry == 0) return {};
    Error e{core::ErrorCode::kResourceExhausted, "too many failed attempts; try again later"};
    e.retry_after_s = retry;
    return fail(std::move(e));
}

void AccountService::record_failure(soci::session& s, const std::string& key, int threshold) {
    const auto t = clock_.now();
    auto st = repo::find_throttle(s, key).value_or(repo::ThrottleState{0, core::format_time(t), std::nullopt});
    const auto started = core::parse_time(st.window_started_at).value_or(t);
    if (t - started > throttle_.window) st = {0, core::format_time(t), std::nullopt};
    ++st.failures;
    if (st.failures >= threshold) {
        // Each failure past the threshold doubles the wait: 1 s, 2 s, 4 s ... up to max_delay.
        const int over = std::min(st.failures - threshold, 20);
        const auto delay = std::min<std::chrono::seconds>(std::chrono::seconds(1LL << over), throttle_.max_delay);
        st.blocked_until = plus(t, delay);
    }
    repo::save_throttle(s, key, st);
}

core::Result<SignedIn> AccountService::sign_in(const std::string& email_in, const std::string& password,
                                               const ClientInfo& client) {
    const std::string email = core::ascii_lower(email_in);
    // Look up without holding the write lock: password verification takes ~150 ms.
    auto lookup = db_.read([&](soci::session& s) -> core::Result<std::optional<User>> {
        if (auto ok = check_throttle(s, {"account:" + email, "address:" + client.ip}); !ok) return fail(ok.error());
        return users::find_by_email(s, email);
    });
    if (!lookup) return fail(lookup.error());
    const auto& user = *lookup;
    const bool match = verify_password(user ? user->password_hash : dummy_password_hash(), password);
    const bool ok = match && user && !user->disabled;
    auto result = db_.write([&](soci::session& s) -> core::Result<SignedIn> {
        if (ok) {
            repo::clear_throttle(s, "account:" + email);
            return open_session(s, *user, client);
        }
        record_failure(s, "account:" + email, throttle_.account_failures);
        record_failure(s, "address:" + client.ip, throttle_.address_failures);
        events::append(s, {std::nullopt, "user.sign_in_failed", "user", user ? std::optional<int64_t>(user->id) : std::nullopt,
                           std::nullopt, events::Visibility::kInternal, {{"email", email}, {"ip", client.ip}}},
                       now());
        return SignedIn{};
    });
    if (!result) return fail(result.error());
    if (!ok) return fail(invalid_credentials());
    return result;
}

void AccountService::sign_out(const Principal& p) {
    if (!p.session_id) return;
    db_.write([&](soci::session& s) -> core::Status {
        const auto t = now();
        repo::revoke_session(s, p.user_id, p.session_id, t);
        events::append(s, {p.user_id, "user.signed_out", "user", p.user_id, std::nullopt, events::Visibility::kInternal,
                           {{"session_id", p.session_id}}},
                       t);
        return {};
    });
}

std::optional<Principal> AccountService::authenticate_session(const std::string& token) {
    if (token.size() != 43) return std::nullopt;
    const auto t = clock_.now();
    const std::string current = core::format_time(t);
    struct Found {
        Session session;
        User user;
    };
    auto found = db_.read([&](soci::session& s) -> std::optional<Found> {
        auto pair = repo::find_live_session_and_user(s, hash_token(token));
        if (!pair) return std::nullopt;
        auto& [session, user] = *pair;
        if (session.expires_at <= current || user.disabled) return std::nullopt;
        if (plus(core::parse_time(session.last_seen_at).value_or(t), sessions_.idle_timeout) <= current)
            return std::nullopt;
        return Found{std::move(session), std::move(user)};
    });
    if (!found) return std::nullopt;
    // Refresh last_seen sparingly: once a minute is precise enough for idle expiry and
    // keeps reads from turning into writes.
    const auto refresh = std::min<std::chrono::seconds>(std::chrono::seconds(60), sessions_.idle_timeout / 4);
    if (plus(core::parse_time(found->session.last_seen_at).value_or(t), refresh) <= current) {
        db_.write([&](soci::session& s) -> core::Status {
            repo::touch_session(s, found->session.id, current);
            return {};
        });
    }
    Principal p = principal_of(found->user);
    p.session_id = found->session.id;
    return p;
}

std::optional<Principal> AccountService::authenticate_token(const std::string& bearer) {
    if (!bearer.starts_with(kTokenPrefix)) return std::nullopt;
    const std::string secret = bearer.substr(kTokenPrefix.size());
    const std::string current = now();
    struct Found {
        ApiToken token;
        User user;
    };
    auto found = db_.read([&](soci::session& s) -> std::optional<Found> {
        auto token = repo::find_live_token(s, hash_token(secret));
        if (!token || (token->expires_at && *token->expires_at <= current)) return std::nullopt;
        auto user = users::find_by_id(s, token->user_id);
        if (!user || user->disabled || user->role == Role::kExternal) return std::nullopt;
        return Found{*token, *user};
    });
    if (!found) return std::nullopt;
    if (!found->token.last_used_at || found->token.last_used_at->substr(0, 16) != current.substr(0, 16)) {
        db_.write([&](soci::session& s) -> core::Status {
            repo::touch_token(s, found->token.id, current);
            return {};
        });
    }
    Principal p = principal_of(found->user);
    p.token_id = found->token.id;
    const auto& scopes = found->token.scopes;
    p.token_can_write = std::find(scopes.begin(), scopes.end(), "write") != scopes.end();
    return p;
}

core::Result<User> AccountService::me(const Principal& p) {
    auto user = db_.read([&](soci::session& s) { return users::find_by_id(s, p.user_id); });
    if (!user) return fail(Error::unauthenticated());
    return *user;
}

core::Result<User> AccountService::update_display_name(const Principal& p, const std::string& name) {
    return db_.write([&](soci::session& s) -> core::Result<User> {
        auto user = users::find_by_id(s, p.user_id);
        if (!user) return fail(Error::unauthenticated());
        user->display_name = name;
        user->updated_at = now();
        users::update_profile(s, *user);
        events::append(s, {p.user_id, "user.updated", "user", p.user_id, std::nullopt, events::Visibility::kInternal,
                           {{"fields", boost::json::array{"display_name"}}}},
                       user->updated_at);
        return *user;
    });
}

core::Status AccountService::change_password(const Principal& p, const std::string& current,
                                             const std::string& next) {
    auto user = me(p);
    if (!user) return fail(user.error());
    if (!verify_password(user->password_hash, current))
        return fail(Error::unprocessable("current_password", "is not your current password"));
    if (auto why = password_problem(next, user->email, user->display_name))
        return fail(Error::unprocessable("new_password", *why));
    if (current == next) return fail(Error::unprocessable("new_password", "must differ from the current password"));
    const std::string hash = hash_password(next);
    return db_.write([&](soci::session& s) -> core::Status {
        const auto t = now();
        users::update_password(s, p.user_id, hash, t);
        const int revoked = repo::revoke_sessions_except(s, p.user_id, p.session_id, t);
        events::append(s, {p.user_id, "user.password_changed", "user", p.user_id, std::nullopt,
                           events::Visibility::kInternal, {{"sessions_revoked", revoked}}},
                       t);
        return {};
    });
}

Page<Session> AccountService::sessions(const Principal& p, std::optional<int64_t> after, int limit) {
    auto rows = db_.read([&](soci::session& s) { return repo::list_live_sessions(s, p.user_id, now(), after, limit); });
    // Idle sessions are dead even if not yet revoked.
    const auto t = clock_.now();
    std::erase_if(rows, [&](const Session& x) {
        return core::parse_time(x.last_seen_at).value_or(t) + sessions_.idle_timeout <= t;
    });
    return make_page(std::move(rows), limit, [](const Session& x) { return x.id; });
}

core::Status AccountService::revoke_session(const Principal& p, int64_t session_id) {
    return db_.write([&](soci::session& s) -> core::Status {
        const auto t = now();
        if (!repo::revoke_session(s, p.user_id, session_id, t)) return fail(Error::not_found("no such session"));
        events::append(s, {p.user_id, "session.revoked", "session", session_id, std::nullopt,
                           events::Visibility::kInternal, {}},
                       t);
        return {};
    });
}

Page<ApiToken> AccountService::tokens(const Principal& p, std::optional<int64_t> after, int limit) {
    auto rows = db_.read([&](soci::session& s) { return repo::list_live_tokens(s, p.user_id, after, limit); });
    return make_page(std::move(rows), limit, [](const ApiToken& x) { return x.id; });
}

core::Result<CreatedToken> AccountService::create_token(const Principal& p, const std::string& name,
                                                        const std::vector<std::string>& scopes,
                                                        std::optional<int> expires_in_days) {
    return db_.write([&](soci::session& s) -> core::Result<CreatedToken> {
        const auto t = clock_.now();
        CreatedToken out;
        const std::string secret = new_token();
        out.secret = std::string(kTokenPrefix) + secret;
        out.token.user_id = p.user_id;
        out.token.name = name;
        out.token.prefix = out.secret.substr(0, 8);
        out.token.scopes = scopes;
        out.token.created_at = core::format_time(t);
        if (expires_in_days) out.token.expires_at = plus(t, std::chrono::days(*expires_in_days));
        out.token.id = repo::insert_token(s, out.token, hash_token(secret));
        events::append(s, {p.user_id, "token.created", "api_token", out.token.id, std::nullopt,
                           events::Visibility::kInternal, {{"name", name}}},
                       out.token.created_at);
        return out;
    });
}

core::Status AccountService::revoke_token(const Principal& p, int64_t token_id) {
    return db_.write([&](soci::session& s) -> core::Status {
        const auto t = now();
        if (!repo::revoke_token(s, p.user_id, token_id, t)) return fail(Error::not_found("no such token"));
        events::append(s, {p.user_id, "token.revoked", "api_token", token_id, std::nullopt,
                           events::Visibility::kInternal, {}},
                       t);
        return {};
    });
}

}  // namespace cocreate::auth
