#pragma once
// The nouns of identity and access: users, sessions, API tokens, organisations, spaces,
// memberships and invitations. Plain values, no I/O.

#include <array>
#include <cstdint>
#include <string_view>
#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"

namespace cocreate::auth {

inline constexpr std::array<std::string_view, 4> kRoleNames = {"admin", "innovation_manager", "member",
                                                                        "external"};
inline constexpr std::array<std::string_view, 4> kCapabilities = {"executive", "facilitator",
                                                                           "listening_analyst", "sales"};
inline constexpr std::array<std::string_view, 4> kSpaceRoles = {"owner", "moderator", "member", "guest"};
inline constexpr std::array<std::string_view, 3> kSpaceKinds = {"community", "project_room",
                                                                         "challenge_area"};
inline constexpr std::array<std::string_view, 8> kOrganisationKinds = {
    "own", "customer", "partner", "supplier", "regulator", "ngo", "academia", "other"};
inline constexpr std::array<std::string_view, 2> kTokenScopes = {"read", "write"};

struct User {
    int64_t id = 0;
    std::string email;  // stored lower-case
    std::string display_name;
    std::string password_hash;
    Role role = Role::kMember;
    std::vector<std::string> capabilities;
    std::optional<int64_t> organisation_id;
    bool disabled = false;
    std::string created_at;
    std::string updated_at;
    std::string password_changed_at;
    std::optional<std::string> last_sign_in_at;
};

struct Session {
    int64_t id = 0;
    int64_t user_id = 0;
    std::string created_at;
    std::string last_seen_at;
    std::string expires_at;  // absolute limit
    std::string user_agent;
    std::string ip;
    std::optional<std::string> revoked_at;
};

struct ApiToken {
    int64_t id = 0;
    int64_t user_id = 0;
    std::string name;
    std::string prefix;  // first characters of the secret, shown so people can tell tokens apart
    std::vector<std::string> scopes;
    std::string created_at;
    std::optional<std::string> expires_at;
    std::optional<std::string> last_used_at;
    std::optional<std::string> revoked_at;
};

struct Organisation {
    int64_t id = 0;
    std::string name;
    std::string kind;
    std::optional<std::string> domain;
    std::string created_at;
};

struct Space {
    int64_t id = 0;
    std::string name;
    std::string description;
    std::string kind;
    bool external_allowed = false;
    bool experimental = false;
    bool archived = false;
    int64_t created_by = 0;
    std::string created_at;
    std::optional<std::string> my_role;  // the caller's space role, when a member
    int64_t member_count = 0;
};

struct Member {
    int64_t user_id = 0;
    std::string display_name;
    std::string email;
    Role role = Role::kMember;
    std::string space_role;
    std::string added_at;
};

struct Invitation {
    int64_t id = 0;
    int64_t space_id = 0;
    std::string space_name;
    std::string email;
    std::optional<std::string> display_name;
    std::string space_role;
    std::optional<int64_t> organisation_id;
    int64_t invited_by = 0;
    std::string invited_by_name;
    std::string created_at;
    std::string expires_at;
    std::optional<std::string> accepted_at;
    std::optional<std::string> revoked_at;

    // "pending", "accepted", "revoked" or "expired" as of `now` (RFC 3339 text).
    std::string status(const std::string& now) const {
        if (accepted_at) return "accepted";
        if (revoked_at) return "revoked";
        if (expires_at <= now) return "expired";
        return "pending";
    }
};

// Joins / splits the comma-separated lists stored in text columns.
std::string join_list(const std::vector<std::string>& items);
std::vector<std::string> split_list(const std::string& text);

}  // namespace cocreate::auth
