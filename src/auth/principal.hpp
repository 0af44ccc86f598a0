#pragma once
// Who is calling: resolved once per request from the session cookie or an API token,
// then passed to every permission check. A value type; copying is cheap.

#include <cstdint>
#include <string>
#include <vector>

namespace cocreate::auth {

enum class Role { kAdmin, kInnovationManager, kMember, kExternal };

const char* role_name(Role r) noexcept;
// Parses "admin", "innovation_manager", "member", "external"; false when unknown.
bool parse_role(std::string_view s, Role& out) noexcept;

struct Principal {
    int64_t user_id = 0;  // 0: anonymous
    std::string display_name;
    std::string email;
    Role role = Role::kExternal;
    std::vector<std::string> capabilities;
    int64_t session_id = 0;  // the session used, 0 when a token or nobody
    int64_t token_id = 0;    // the API token used, 0 otherwise
    bool token_can_write = true;

    bool signed_in() const { return user_id != 0; }
    bool internal() const { return signed_in() && role != Role::kExternal; }
    bool is_admin() const { return signed_in() && role == Role::kAdmin; }
    bool manages_innovation() const {
        return signed_in() && (role == Role::kAdmin || role == Role::kInnovationManager);
    }
};

}  // namespace cocreate::auth
