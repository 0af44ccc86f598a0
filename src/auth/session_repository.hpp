#pragma once
// SQL for sign-in sessions, personal API tokens and the sign-in throttle.
// Tokens are looked up by their SHA-256 hash; the secret itself is never stored.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "auth/identity.hpp"

namespace cocreate::auth::session_repository {

int64_t insert_session(soci::session& s, const Session& session, const std::string& token_hash);
// The live (not revoked) session with this token hash.
std::optional<Session> find_live_session(soci::session& s, const std::string& token_hash);
// The live session with this token hash together with its user, in one query (this runs
// on every signed-in request). The user carries the fields a Principal needs.
std::optional<std::pair<Session, User>> find_live_session_and_user(soci::session& s, const std::string& token_hash);
void touch_session(soci::session& s, int64_t id, const std::string& now);
// Live sessions of a user, newest first, up to limit + 1 after the cursor.
std::vector<Session> list_live_sessions(soci::session& s, int64_t user_id, const std::string& now,
                                        std::optional<int64_t> after, int limit);
// Revokes one session of `user_id`; false when there was no such live session.
bool revoke_session(soci::session& s, int64_t user_id, int64_t session_id, const std::string& now);
// Revokes every live session of `user_id` except `keep` (0 keeps none). Returns how many.
int revoke_sessions_except(soci::session& s, int64_t user_id, int64_t keep, const std::string& now);

int64_t insert_token(soci::session& s, const ApiToken& t, const std::string& token_hash);
std::optional<ApiToken> find_live_token(soci::session& s, const std::string& token_hash);
std::vector<ApiToken> list_live_tokens(soci::session& s, int64_t user_id, std::optional<int64_t> after, int limit);
bool revoke_token(soci::session& s, int64_t user_id, int64_t token_id, const std::string& now);
int revoke_all_tokens(soci::session& s, int64_t user_id, const std::string& now);
void touch_token(soci::session& s, int64_t id, const std::string& now);

struct ThrottleState {
    int failures = 0;
    std::string window_started_at;
    std::optional<std::string> blocked_until;
};
std::optional<ThrottleState> find_throttle(soci::session& s, const std::string& key);
void save_throttle(soci::session& s, const std::string& key, const ThrottleState& st);
void clear_throttle(soci::session& s, const std::string& key);

}  // namespace cocreate::auth::session_repository
