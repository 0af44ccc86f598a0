#include "auth/directory_service.hpp"

#include <boost/json.hpp>

#include "auth/permissions.hpp"
#include "auth/secrets.hpp"
#include "auth/session_repository.hpp"
#include "auth/space_repository.hpp"
#include "auth/user_repository.hpp"
#include "events/event_log.hpp"

namespace cocreate::auth {

using core::Error;
using core::fail;
namespace users = user_repository;
namespace spaces = space_repository;

core::Status check_organisation_exists(soci::session& s, const std::optional<int64_t>& id, const char* field) {
    if (id && !spaces::find_organisation(s, *id)) return fail(Error::unprocessable(field, "no such organisation"));
    return {};
}

DirectoryService::DirectoryService(db::Database& db, const core::Clock& clock, AccountService& accounts)
    : db_(db), clock_(clock), accounts_(accounts) {}

core::Result<Page<User>> DirectoryService::list_users(const Principal& p, const UserQuery& q) {
    if (auto ok = authorize(p, Action::kManageUsers); !ok) return fail(ok.error());
    auto rows = db_.read([&](soci::session& s) {
        return users::list(s, {q.q, q.role, q.disabled, q.after, q.limit});
    });
    return make_page(std::move(rows), q.limit, [](const User& u) { return u.id; });
}

core::Result<User> DirectoryService::create_user(const Principal& p, const NewUser& u) {
    if (auto ok = authorize(p, Action::kManageUsers); !ok) return fail(ok.error());
    if (auto ok = AccountService::validate_new_user(u); !ok) return fail(ok.error());
    const std::string hash = hash_password(u.password);
    return db_.write([&](soci::session& s) -> core::Result<User> {
        if (auto ok = check_organisation_exists(s, u.organisation_id); !ok) return fail(ok.error());
        return accounts_.insert_user(s, u, hash, p.user_id);
    });
}

core::Result<User> DirectoryService::get_user(const Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kManageUsers); !ok) return fail(ok.error());
    auto user = db_.read([&](soci::session& s) { return users::find_by_id(s, id); });
    if (!user) return fail(Error::not_found("no such user"));
    return *user;
}

core::Result<User> DirectoryService::update_user(const Principal& p, int64_t id, const UserChanges& c) {
    if (auto ok = authorize(p, Action::kManageUsers); !ok) return fail(ok.error());
    if (id == p.user_id && ((c.disabled && *c.disabled) || (c.role && *c.role != Role::kAdmin)))
        return fail(Error::unprocessable(c.disabled ? "disabled" : "role",
                                         "you cannot disable or demote yourself; ask another administrator"));
    return db_.write([&](soci::session& s) -> core::Result<User> {
        auto user = users::find_by_id(s, id);
        if (!user) return fail(Error::not_found("no such user"));
        boost::json::array fields;
        if (c.display_name) { user->display_name = *c.display_name; fields.push_back("display_name"); }
        if (c.role) { user->role = *c.role; fields.push_back("role"); }
        if (c.capabilities) { user->capabilities = *c.capabilities; fields.push_back("capabilities"); }
        if (c.organisation_id) {
            if (auto ok = check_organisation_exists(s, *c.organisation_id); !ok) return fail(ok.error());
            user->organisation_id = *c.organisation_id;
            fields.push_back("organisation_id");
        }
        if (c.disabled) { user->disabled = *c.disabled; fields.push_back("disabled"); }
        if (user->role == Role::kExternal && !user->capabilities.empty())
            return fail(Error::unprocessable("capabilities", "are for internal users only"));
        user->updated_at = now();
        users::update_profile(s, *user);
        if (c.disabled && *c.disabled) {
            session_repository::revoke_sessions_except(s, id, 0, user->updated_at);
            session_repository::revoke_all_tokens(s, id, user->updated_at);
        }
        events::append(s, {p.user_id, c.disabled && *c.disabled ? "user.disabled" : "user.updated", "user", id,
                           std::nullopt, events::Visibility::kInternal, {{"fields", fields}}},
                       user->updated_at);
        return *user;
    });
}

core::Result<Page<Organisation>> DirectoryService::list_organisations(const Principal& p,
                                                                      const std::optional<std::string>& q,
                                                                      const std::optional<std::string>& kind,
                                                                      std::optional<int64_t> after, int limit) {
    if (auto ok = authorize(p, Action::kViewOrganisations); !ok) return fail(ok.error());
    auto rows = db_.read([&](soci::session& s) { return spaces::list_organisations(s, q, kind, after, limit); });
    return make_page(std::move(rows), limit, [](const Organisation& o) { return o.id; });
}

core::Result<Organisation> DirectoryService::create_organisation(const Principal& p, const Organisation& o) {
    if (auto ok = authorize(p, Action::kManageOrganisations); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Organisation> {
        if (spaces::organisation_name_taken(s, o.name, 0))
            return fail(Error::exists("name", "an organisation with this name exists"));
        Organisation created = o;
        created.created_at = now();
        created.id = spaces::insert_organisation(s, created, created.created_at);
        events::append(s, {p.user_id, "organisation.created", "organisation", created.id, std::nullopt,
                           events::Visibility::kInternal, {{"name", created.name}, {"kind", created.kind}}},
                       created.created_at);
        return created;
    });
}

core::Result<Organisation> DirectoryService::get_organisation(const Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kViewOrganisations); !ok) return fail(ok.error());
    auto o = db_.read([&](soci::session& s) { return spaces::find_organisation(s, id); });
    if (!o) return fail(Error::not_found("no such organisation"));
    return *o;
}

core::Result<Organisation> DirectoryService::update_organisation(const Principal& p, int64_t id,
                                                                 const OrganisationChanges& c) {
    if (auto ok = authorize(p, Action::kViewOrganisations); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Organisation> {
        auto o = spaces::find_organisation(s, id);
        if (!o) return fail(Error::not_found("no such organisation"));
        if (auto ok = authorize(p, Action::kManageOrganisations); !ok) return fail(ok.error());
        if (c.name) {
            if (spaces::organisation_name_taken(s, *c.name, id))
                return fail(Error::exists("name", "an organisation with this name exists"));
            o->name = *c.name;
        }
        if (c.kind) o->kind = *c.kind;
        if (c.domain) o->domain = *c.domain;
        const auto t = now();
        spaces::update_organisation(s, *o, t);
        events::append(s, {p.user_id, "organisation.updated", "organisation", id, std::nullopt,
                           events::Visibility::kInternal, {{"name", o->name}}},
                       t);
        return *o;
    });
}

}  // namespace cocreate::auth
