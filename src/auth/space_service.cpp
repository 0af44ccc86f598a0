#include "auth/space_service.hpp"

#include <boost/json.hpp>

#include "auth/directory_service.hpp"
#include "auth/invitation_repository.hpp"
#include "auth/permissions.hpp"
#include "auth/secrets.hpp"
#include "auth/space_repository.hpp"
#include "auth/user_repository.hpp"
#include "core/json_input.hpp"
#include "events/event_log.hpp"

namespace cocreate::auth {

using core::Error;
using core::fail;
namespace spaces = space_repository;
namespace invitations_repo = invitation_repository;

SpaceService::SpaceService(db::Database& db, const core::Clock& clock, AccountService& accounts)
    : db_(db), clock_(clock), accounts_(accounts) {}

core::Result<Space> SpaceService::visible_space(soci::session& s, const Principal& p, int64_t id) {
    auto space = spaces::find_space(s, id, p.user_id);
    if (!space) return fail(Error::not_found("no such space"));
    if (auto ok = authorize(p, Action::kViewSpace, {space->my_role}); !ok) return fail(ok.error());
    return *space;
}

Page<Space> SpaceService::list(const Principal& p, const SpaceQuery& q) {
    auto rows = db_.read([&](soci::session& s) {
        return spaces::list_spaces(s, {p.user_id, !sees_all_spaces(p), q.q, q.kind, q.archived, q.after, q.limit});
    });
    return make_page(std::move(rows), q.limit, [](const Space& x) { return x.id; });
}

Page<Space> SpaceService::memberships(const Principal& p, int limit) {
    auto rows = db_.read([&](soci::session& s) {
        return spaces::list_spaces(s, {.viewer_id = p.user_id, .only_member_spaces = true, .limit = limit});
    });
    return make_page(std::move(rows), limit, [](const Space& x) { return x.id; });
}

core::Result<Space> SpaceService::create(const Principal& p, const Space& space) {
    if (auto ok = authorize(p, Action::kCreateSpace); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Space> {
        const auto t = now();
        Space created = space;
        created.created_by = p.user_id;
        created.id = spaces::insert_space(s, created, t);
        spaces::upsert_member(s, created.id, p.user_id, "owner", t);
        events::append(s, {p.user_id, "space.created", "space", created.id, created.id, events::Visibility::kSpace,
                           {{"name", created.name}, {"kind", created.kind}}},
                       t);
        return *spaces::find_space(s, created.id, p.user_id);
    });
}

core::Result<Space> SpaceService::get(const Principal& p, int64_t id) {
    return db_.read([&](soci::session& s) { return visible_space(s, p, id); });
}

core::Result<Space> SpaceService::update(const Principal& p, int64_t id, const SpaceChanges& c) {
    return db_.write([&](soci::session& s) -> core::Result<Space> {
        auto space = visible_space(s, p, id);
        if (!space) return space;
        if (auto ok = authorize(p, Action::kManageSpace, {space->my_role}); !ok) return fail(ok.error());
        boost::json::array fields;
        if (c.name) { space->name = *c.name; fields.push_back("name"); }
        if (c.description) { space->description = *c.description; fields.push_back("description"); }
        if (c.external_allowed) { space->external_allowed = *c.external_allowed; fields.push_back("external_allowed"); }
        if (c.experimental) { space->experimental = *c.experimental; fields.push_back("experimental"); }
        if (c.archived) { space->archived = *c.archived; fields.push_back("archived"); }
        const auto t = now();
        spaces::update_space(s, *space, t);
        events::append(s, {p.user_id, c.archived && *c.archived ? "space.archived" : "space.updated", "space", id, id,
                           events::Visibility::kSpace, {{"fields", fields}}},
                       t);
        return *spaces::find_space(s, id, p.user_id);
    });
}

core::Result<Page<Member>> SpaceService::members(const Principal& p, int64_t space_id, std::optional<int64_t> after,
                                                 int limit) {
    return db_.read([&](soci::session& s) -> core::Result<Page<Member>> {
        if (auto space = visible_space(s, p, space_id); !space) return fail(space.error());
        auto rows = spaces::list_members(s, space_id, after, limit);
        return make_page(std::move(rows), limit, [](const Member& m) { return m.user_id; });
    });
}

core::Result<Member> SpaceService::put_member(const Principal& p, int64_t space_id, int64_t user_id,
                                              const std::string& role) {
    return db_.write([&](soci::session& s) -> core::Result<Member> {
        auto space = visible_space(s, p, space_id);
        if (!space) return fail(space.error());
        if (auto ok = authorize(p, Action::kManageMembers, {space->my_role}); !ok) return fail(ok.error());
        auto user = user_repository::find_by_id(s, user_id);
        if (!user) return fail(Error::not_found("no such user"));
        if (user->role == Role::kExternal && !spaces::member_role(s, space_id, user_id))
            return fail(Error{core::ErrorCode::kUnprocessable, "external participants join a space by invitation",
                              "user_id", "failed_precondition"});
        const auto previous = spaces::member_role(s, space_id, user_id);
        if (previous == "owner" && role != "owner" && spaces::count_owners(s, space_id) <= 1)
            return fail(Error::unprocessable("space_role", "a space needs at least one owner"));
        const auto t = now();
        spaces::upsert_member(s, space_id, user_id, role, t);
        events::append(s, {p.user_id, previous ? "member.role_changed" : "member.added", "user", user_id, space_id,
                           events::Visibility::kSpace, {{"space_role", role}}},
                       t);
        for (auto& m : spaces::list_members(s, space_id, user_id - 1, 1))
            if (m.user_id == user_id) return m;
        return fail(Error::not_found());
    });
}

core::Status SpaceService::remove_member(const Principal& p, int64_t space_id, int64_t user_id) {
    return db_.write([&](soci::session& s) -> core::Status {
        auto space = visible_space(s, p, space_id);
        if (!space) return fail(space.error());
        if (auto ok = authorize(p, Action::kManageMembers, {space->my_role}); !ok) return fail(ok.error());
        const auto previous = spaces::member_role(s, space_id, user_id);
        if (!previous) return fail(Error::not_found("not a member of this space"));
        if (*previous == "owner" && spaces::count_owners(s, space_id) <= 1)
            return fail(Error::unprocessable("user_id", "a space needs at least one owner"));
        spaces::remove_member(s, space_id, user_id);
        events::append(s, {p.user_id, "member.removed", "user", user_id, space_id, events::Visibility::kSpace, {}},
                       now());
        return {};
    });
}

}  // namespace cocreate::auth
