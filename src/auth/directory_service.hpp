#pragma once
// Administration of people and organisations: users (create, edit, disable) and the
// organisations they belong to. Every call authorizes first. Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "auth/account_service.hpp"
#include "auth/identity.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace cocreate::auth {

struct UserChanges {
    std::optional<std::string> display_name;
    std::optional<Role> role;
    std::optional<std::vector<std::string>> capabilities;
    std::optional<std::optional<int64_t>> organisation_id;  // engaged null: detach
    std::optional<bool> disabled;
};

struct OrganisationChanges {
    std::optional<std::string> name;
    std::optional<std::string> kind;
    std::optional<std::optional<std::string>> domain;
};

struct UserQuery {
    std::optional<std::string> q;
    std::optional<std::string> role;
    std::optional<bool> disabled;
    std::optional<int64_t> after;
    int limit = 50;
};

class DirectoryService {
public:
    DirectoryService(db::Database& db, const core::Clock& clock, AccountService& accounts);

    core::Result<Page<User>> list_users(const Principal& p, const UserQuery& q);
    core::Result<User> create_user(const Principal& p, const NewUser& u);
    core::Result<User> get_user(const Principal& p, int64_t id);
    // Disabling revokes the user's sessions and tokens in the same transaction.
    core::Result<User> update_user(const Principal& p, int64_t id, const UserChanges& c);

    core::Result<Page<Organisation>> list_organisations(const Principal& p, const std::optional<std::string>& q,
                                                        const std::optional<std::string>& kind,
                                                        std::optional<int64_t> after, int limit);
    core::Result<Organisation> create_organisation(const Principal& p, const Organisation& o);
    core::Result<Organisation> get_organisation(const Principal& p, int64_t id);
    core::Result<Organisation> update_organisation(const Principal& p, int64_t id, const OrganisationChanges& c);

private:
    std::string now() const { return core::format_time(clock_.now()); }
    db::Database& db_;
    const core::Clock& clock_;
    AccountService& accounts_;
};

// kUnprocessable naming `field` when `organisation_id` does not exist.
core::Status check_organisation_exists(soci::session& s, const std::optional<int64_t>& organisation_id,
                                       const char* field = "organisation_id");

}  // namespace cocreate::auth
