#include "auth/principal.hpp"

#include <string_view>

namespace cocreate::auth {

const char* role_name(Role r) noexcept {
    switch (r) {
        case Role::kAdmin: return "admin";
        case Role::kInnovationManager: return "innovation_manager";
        case Role::kMember: return "member";
        case Role::kExternal: return "external";
    }
    return "external";
}

bool parse_role(std::string_view s, Role& out) noexcept {
    if (s == "admin") out = Role::kAdmin;
    else if (s == "innovation_manager") out = Role::kInnovationManager;
    else if (s == "member") out = Role::kMember;
    else if (s == "external") out = Role::kExternal;
    else return false;
    return true;
}

}  // namespace cocreate::auth
