#pragma once
// SQL for users. Every function takes the caller's session (and so its transaction).
// Database errors throw soci::soci_error.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "auth/identity.hpp"

namespace cocreate::auth::user_repository {

struct ListFilter {
    std::optional<std::string> q;  // matches e-mail or name
    std::optional<std::string> role;
    std::optional<bool> disabled;
    std::optional<int64_t> after;  // id cursor (newest first)
    int limit = 50;
};

int64_t count(soci::session& s);
int64_t insert(soci::session& s, const User& u);
std::optional<User> find_by_id(soci::session& s, int64_t id);
std::optional<User> find_by_email(soci::session& s, const std::string& lower_email);
// Up to limit + 1 users (the extra one tells there is a next page).
std::vector<User> list(soci::session& s, const ListFilter& f);
void update_profile(soci::session& s, const User& u);  // name, role, capabilities, organisation, disabled
void update_password(soci::session& s, int64_t id, const std::string& hash, const std::string& now);
void touch_sign_in(soci::session& s, int64_t id, const std::string& now);
// Display names by id, for briefs in lists.
std::string display_name_of(soci::session& s, int64_t id);

}  // namespace cocreate::auth::user_repository
