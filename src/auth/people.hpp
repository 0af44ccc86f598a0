#pragma once
// Lookups other modules make inside their own transactions (checking that an owner is an
// active internal user, that a space exists) without reading identity tables themselves.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

namespace cocreate::auth::people {

// The display name of an active (not disabled) internal user; nullopt otherwise.
std::optional<std::string> internal_user_name(soci::session& s, int64_t user_id);
// True when the space exists (archived or not).
bool space_exists(soci::session& s, int64_t space_id);

}  // namespace cocreate::auth::people
