#pragma once
// Spaces (communities, project rooms, challenge areas), their members, and invitations
// that bring external participants into exactly one space. Every call authorizes first;
// spaces the caller may not see answer 404. Thread-safe.

#include <optional>
#include <string>

#include "auth/account_service.hpp"
#include "auth/identity.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"

namespace cocreate::auth {

struct SpaceQuery {
    std::optional<std::string> q;
    std::optional<std::string> kind;
    std::optional<bool> archived;
    std::optional<int64_t> after;
    int limit = 50;
};

struct SpaceChanges {
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<bool> external_allowed;
    std::optional<bool> experimental;
    std::optional<bool> archived;
};

struct NewInvitation {
    std::string email;
    std::optional<std::string> display_name;
    std::string space_role = "member";
    std::optional<int64_t> organisation_id;
    int expires_in_days = 14;
};

struct IssuedInvitation {
    Invitation invitation;
    std::string token;  // shown once, inside the accept link
};

struct AcceptedInvitation {
    SignedIn signed_in;
    int64_t space_id = 0;
};

class SpaceService {
public:
    SpaceService(db::Database& db, const core::Clock& clock, AccountService& accounts);

    Page<Space> list(const Principal& p, const SpaceQuery& q);
    // The spaces `p` belongs to, whatever their role ("my spaces"), newest first.
    Page<Space> memberships(const Principal& p, int limit);
    core::Result<Space> create(const Principal& p, const Space& space);
    core::Result<Space> get(const Principal& p, int64_t id);
    core::Result<Space> update(const Principal& p, int64_t id, const SpaceChanges& c);

    core::Result<Page<Member>> members(const Principal& p, int64_t space_id, std::optional<int64_t> after, int limit);
    core::Result<Member> put_member(const Principal& p, int64_t space_id, int64_t user_id, const std::string& role);
    core::Status remove_member(const Principal& p, int64_t space_id, int64_t user_id);

    core::Result<Page<Invitation>> invitations(const Principal& p, std::optional<int64_t> space_id,
                                               std::optional<std::string> status, std::optional<int64_t> after,
                                               int limit);
    core::Result<IssuedInvitation> invite(const Principal& p, int64_t space_id, const NewInvitation& inv);
    core::Result<Invitation> revoke_invitation(const Principal& p, int64_t id);
    // Issues a new secret (the old link stops working) and a fresh expiry.
    core::Result<IssuedInvitation> resend_invitation(const Principal& p, int64_t id);
    // The pending invitation for `token`; kNotFound when unknown, used, revoked or expired.
    // Unknown links from one address are throttled like failed sign-ins.
    core::Result<Invitation> lookup(const std::string& token, const ClientInfo& client);
    // Creates the external participant's account in the invited space and signs them in.
    core::Result<AcceptedInvitation> accept(const std::string& token, const std::string& display_name,
                                            const std::string& password, const ClientInfo& client);

    std::string now() const { return core::format_time(clock_.now()); }

private:
    // The space as `p` sees it, or the error to answer with.
    core::Result<Space> visible_space(soci::session& s, const Principal& p, int64_t id);
    // The invitation if `p` may revoke or resend it, or the error to answer with.
    core::Result<Invitation> managed_invitation(soci::session& s, const Principal& p, int64_t id);

    db::Database& db_;
    const core::Clock& clock_;
    AccountService& accounts_;
};

}  // namespace cocreate::auth
