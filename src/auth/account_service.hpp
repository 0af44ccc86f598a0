#pragma once
// Accounts and sign-in: first-run setup, sign-in with throttling, sessions, password
// changes, personal API tokens, and resolving a request's credentials to a Principal.
// Thread-safe: holds only references to thread-safe collaborators.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "auth/identity.hpp"
#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "http/page.hpp"

namespace cocreate::auth {

struct SessionPolicy {
    std::chrono::seconds idle_timeout{30 * 60};
    std::chrono::seconds absolute_timeout{12 * 60 * 60};
};

struct ThrottlePolicy {
    int account_failures = 5;   // failures per account within the window before delays start
    int address_failures = 50;  // failures per client address within the window
    int invitation_failures = 20;  // unknown invitation links per client address
    std::chrono::seconds window{15 * 60};
    std::chrono::seconds max_delay{15 * 60};
};

struct ClientInfo {
    std::string ip;
    std::string user_agent;
};

struct SignedIn {
    User user;
    std::string session_token;  // the secret for the cookie; never stored
};

struct NewUser {
    std::string email;
    std::string display_name;
    std::string password;
    Role role = Role::kMember;
    std::vector<std::string> capabilities;
    std::optional<int64_t> organisation_id;
};

struct CreatedToken {
    ApiToken token;
    std::string secret;  // shown once
};

using http::make_page;
using http::Page;

class AccountService {
public:
    AccountService(db::Database& db, const core::Clock& clock, SessionPolicy sessions, ThrottlePolicy throttle);

    bool setup_needed();
    // Creates the first administrator and signs them in; kAlreadyExists once any user exists.
    core::Result<SignedIn> setup(const NewUser& admin, const ClientInfo& client);
    // kUnauthenticated "invalid_credentials" for a wrong password or unknown/disabled
    // account (same answer, same time); kResourceExhausted with retry_after when throttled.
    core::Result<SignedIn> sign_in(const std::string& email, const std::string& password, const ClientInfo& client);
    void sign_out(const Principal& p);

    // The principal for a session cookie value, or nullopt when unknown, revoked, expired or
    // idle too long, or the user is disabled.
    std::optional<Principal> authenticate_session(const std::string& token);
    // The principal for a bearer token ("cct_..."), or nullopt.
    std::optional<Principal> authenticate_token(const std::string& bearer);

    core::Result<User> me(const Principal& p);
    core::Result<User> update_display_name(const Principal& p, const std::string& name);
    // Verifies the current password, enforces the policy, revokes every other session.
    core::Status change_password(const Principal& p, const std::string& current, const std::string& next);

    Page<Session> sessions(const Principal& p, std::optional<int64_t> after, int limit);
    core::Status revoke_session(const Principal& p, int64_t session_id);

    Page<ApiToken> tokens(const Principal& p, std::optional<int64_t> after, int limit);
    core::Result<CreatedToken> create_token(const Principal& p, const std::string& name,
                                            const std::vector<std::string>& scopes,
                                            std::optional<int> expires_in_days);
    core::Status revoke_token(const Principal& p, int64_t token_id);

    // Checks a new user's fields and password policy (no database access).
    static core::Status validate_new_user(const NewUser& u);
    // Inserts a validated user whose password was hashed beforehand (hashing is slow and
    // must not run while holding the write transaction). kAlreadyExists on a taken e-mail.
    // No permission check: callers authorize. Appends "user.created".
    core::Result<User> insert_user(soci::session& s, const NewUser& u, const std::string& password_hash,
                                   std::optional<int64_t> actor);

    // Opens a session for `user` inside the caller's transaction; appends "user.signed_in".
    SignedIn open_session(soci::session& s, const User& user, const ClientInfo& client);

    // kResourceExhausted (with retry_after) while any of `keys` is blocked.
    core::Status check_throttle(soci::session& s, std::initializer_list<std::string> keys);
    // Counts a failure for `key`; from `threshold` failures within the window on, each
    // further failure doubles the time `key` stays blocked.
    void record_failure(soci::session& s, const std::string& key, int threshold);
    const ThrottlePolicy& throttle_policy() const { return throttle_; }

    const SessionPolicy& session_policy() const { return sessions_; }

private:
    std::string now() const;

    db::Database& db_;
    const core::Clock& clock_;
    SessionPolicy sessions_;
    ThrottlePolicy throttle_;
};

}  // namespace cocreate::auth
