// SpaceService: the invitation half (issuing, revoking, resending, accepting).
#include <boost/json.hpp>

#include "auth/directory_service.hpp"
#include "auth/invitation_repository.hpp"
#include "auth/permissions.hpp"
#include "auth/secrets.hpp"
#include "auth/space_repository.hpp"
#include "auth/space_service.hpp"
#include "auth/user_repository.hpp"
#include "core/json_input.hpp"
#include "events/event_log.hpp"

namespace cocreate::auth {

using core::Error;
using core::fail;
namespace spaces = space_repository;
namespace repo = invitation_repository;

core::Result<Page<Invitation>> SpaceService::invitations(const Principal& p, std::optional<int64_t> space_id,
                                                         std::optional<std::string> status,
                                                         std::optional<int64_t> after, int limit) {
    return db_.read([&](soci::session& s) -> core::Result<Page<Invitation>> {
        if (space_id) {
            auto space = visible_space(s, p, *space_id);
            if (!space) return fail(space.error());
            if (auto ok = authorize(p, Action::kInviteToSpace, {space->my_role}); !ok) return fail(ok.error());
        } else if (auto ok = authorize(p, Action::kListAllInvitations); !ok) {
            return fail(ok.error());
        }
        auto rows = repo::list(s, {space_id, status, now(), after, limit});
        return make_page(std::move(rows), limit, [](const Invitation& i) { return i.id; });
    });
}

core::Result<IssuedInvitation> SpaceService::invite(const Principal& p, int64_t space_id, const NewInvitation& inv) {
    if (!core::looks_like_email(inv.email)) return fail(Error::unprocessable("email", "is not an e-mail address"));
    const std::string email = core::ascii_lower(inv.email);
    return db_.write([&](soci::session& s) -> core::Result<IssuedInvitation> {
        auto space = visible_space(s, p, space_id);
        if (!space) return fail(space.error());
        if (auto ok = authorize(p, Action::kInviteToSpace, {space->my_role}); !ok) return fail(ok.error());
        if (!space->external_allowed)
            return fail(Error::unprocessable("space_id", "this space does not admit external participants"));
        if (space->archived) return fail(Error::unprocessable("space_id", "this space is archived"));
        if (auto ok = check_organisation_exists(s, inv.organisation_id); !ok) return fail(ok.error());
        if (user_repository::find_by_email(s, email))
            return fail(Error::exists("email", "this person already has an account; add them as a member"));
        const auto t = clock_.now();
        if (repo::has_pending(s, space_id, email, core::format_time(t)))
            return fail(Error::exists("email", "a pending invitation for this e-mail exists; resend it instead"));
        IssuedInvitation out;
        out.token = new_token();
        Invitation& i = out.invitation;
        i.space_id = space_id;
        i.space_name = space->name;
        i.email = email;
        i.display_name = inv.display_name;
        i.space_role = inv.space_role;
        i.organisation_id = inv.organisation_id;
        i.invited_by = p.user_id;
        i.invited_by_name = p.display_name;
        i.created_at = core::format_time(t);
        i.expires_at = core::format_time(t + std::chrono::days(inv.expires_in_days));
        i.id = repo::insert(s, i, hash_token(out.token));
        events::append(s, {p.user_id, "invitation.created", "invitation", i.id, space_id,
                           events::Visibility::kInternal, {{"email", email}, {"space_role", i.space_role}}},
                       i.created_at);
        return out;
    });
}

core::Result<Invitation> SpaceService::managed_invitation(soci::session& s, const Principal& p, int64_t id) {
    auto inv = repo::find_by_id(s, id);
    if (!inv) return fail(Error::not_found("no such invitation"));
    const Target target{spaces::member_role(s, inv->space_id, p.user_id), inv->invited_by};
    if (auto ok = authorize(p, Action::kManageInvitation, target); !ok) return fail(ok.error());
    return *inv;
}

core::Result<Invitation> SpaceService::revoke_invitation(const Principal& p, int64_t id) {
    return db_.write([&](soci::session& s) -> core::Result<Invitation> {
        auto inv = managed_invitation(s, p, id);
        if (!inv) return fail(inv.error());
        const auto t = now();
        if (inv->status(t) != "pending")
            return fail(Error{core::ErrorCode::kUnprocessable, "only a pending invitation can be revoked", {},
                              "failed_precondition"});
        repo::revoke(s, id, t);
        events::append(s, {p.user_id, "invitation.revoked", "invitation", id, inv->space_id,
                           events::Visibility::kInternal, {{"email", inv->email}}},
                       t);
        return *repo::find_by_id(s, id);
    });
}

core::Result<IssuedInvitation> SpaceService::resend_invitation(const Principal& p, int64_t id) {
    return db_.write([&](soci::session& s) -> core::Result<IssuedInvitation> {
        auto inv = managed_invitation(s, p, id);
        if (!inv) return fail(inv.error());
        const auto t = clock_.now();
        const auto status = inv->status(core::format_time(t));
        if (status != "pending" && status != "expired")
            return fail(Error{core::ErrorCode::kUnprocessable, "only a pending or expired invitation can be resent", {},
                              "failed_precondition"});
        IssuedInvitation out;
        out.token = new_token();
        const auto expires = core::format_time(t + std::chrono::days(14));
        repo::replace_token(s, id, hash_token(out.token), expires);
        events::append(s, {p.user_id, "invitation.resent", "invitation", id, inv->space_id,
                           events::Visibility::kInternal, {{"email", inv->email}}},
                       core::format_time(t));
        out.invitation = *repo::find_by_id(s, id);
        return out;
    });
}

core::Result<Invitation> SpaceService::lookup(const std::string& token, const ClientInfo& client) {
    const std::string key = "invitation:" + client.ip;
    auto inv = db_.read([&](soci::session& s) -> core::Result<std::optional<Invitation>> {
        if (auto ok = accounts_.check_throttle(s, {key}); !ok) return fail(ok.error());
        return repo::find_by_token(s, hash_token(token));
    });
    if (!inv) return fail(inv.error());
    if (!*inv || (*inv)->status(now()) != "pending") {
        db_.write([&](soci::session& s) -> core::Status {
            accounts_.record_failure(s, key, accounts_.throttle_policy().invitation_failures);
            return {};
        });
        return fail(Error::not_found("this invitation link is not valid"));
    }
    return **inv;
}

core::Result<AcceptedInvitation> SpaceService::accept(const std::string& token, const std::string& display_name,
                                                      const std::string& password, const ClientInfo& client) {
    auto pending = lookup(token, client);
    if (!pending) return fail(pending.error());
    NewUser user{pending->email, display_name, password, Role::kExternal, {}, pending->organisation_id};
    if (auto ok = AccountService::validate_new_user(user); !ok) return fail(ok.error());
    const std::string hash = hash_password(password);
    auto signed_in = db_.write([&](soci::session& s) -> core::Result<SignedIn> {
        // Re-read inside the transaction: the link is single-use even under a race.
        auto inv = repo::find_by_token(s, hash_token(token));
        const auto t = now();
        if (!inv || inv->status(t) != "pending") return fail(Error::not_found("this invitation link is not valid"));
        auto u = accounts_.insert_user(s, user, hash, std::nullopt);
        if (!u) return fail(u.error());
        repo::mark_accepted(s, inv->id, u->id, t);
        spaces::upsert_member(s, inv->space_id, u->id, inv->space_role, t);
        events::append(s, {u->id, "invitation.accepted", "invitation", inv->id, inv->space_id,
                           events::Visibility::kInternal, {{"email", inv->email}}},
                       t);
        events::append(s, {u->id, "member.joined", "user", u->id, inv->space_id, events::Visibility::kSpace,
                           {{"space_role", inv->space_role}}},
                       t);
        return accounts_.open_session(s, *u, client);
    });
    if (!signed_in) return fail(signed_in.error());
    return AcceptedInvitation{*signed_in, pending->space_id};
}

}  // namespace cocreate::auth
