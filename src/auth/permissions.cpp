#include "auth/permissions.hpp"

namespace cocreate::auth {

namespace {

core::Status hidden() { return core::fail(core::Error::not_found()); }
core::Status denied() { return core::fail(core::Error::denied()); }

// Internal staff who lack the role are told so (403); external participants must not
// learn that internal things exist at all (404).
core::Status refuse(const Principal& p) { return p.internal() ? denied() : hidden(); }

bool is_space_owner(const Target& t) { return t.space_role && *t.space_role == "owner"; }

}  // namespace

bool sees_all_spaces(const Principal& p) { return p.internal(); }

core::Status authorize(const Principal& p, Action action, const Target& t) {
    if (!p.signed_in()) return core::fail(core::Error::unauthenticated());
    switch (action) {
        case Action::kManageUsers:
        case Action::kViewAuditTrail:
            return p.is_admin() ? core::Status{} : refuse(p);
        case Action::kViewOrganisations:
            return p.internal() ? core::Status{} : hidden();
        case Action::kManageOrganisations:
        case Action::kCreateSpace:
        case Action::kListAllInvitations:
            return p.manages_innovation() ? core::Status{} : refuse(p);
        case Action::kViewSpace:
            return (p.internal() || t.space_role) ? core::Status{} : hidden();
        case Action::kManageSpace:
        case Action::kManageMembers:
            if (!p.internal() && !t.space_role) return hidden();
            return (p.is_admin() || (p.internal() && is_space_owner(t))) ? core::Status{} : denied();
        case Action::kInviteToSpace:
            if (!p.internal() && !t.space_role) return hidden();
            return (p.manages_innovation() || (p.internal() && is_space_owner(t))) ? core::Status{} : denied();
        case Action::kManageInvitation:
            if (!p.internal()) return hidden();
            if (p.manages_innovation() || t.owner_id == p.user_id) return {};
            // A space owner sees the space's invitations, so refusing is not hiding.
            return is_space_owner(t) ? denied() : hidden();
        case Action::kManageOwnTokens:
        case Action::kUseStakeholderRegistry:
        case Action::kUseEngagement:
        case Action::kUseProjects:
            return p.internal() ? core::Status{} : hidden();
        case Action::kViewStakeholder:
        case Action::kViewProjectSummary:
            return (p.internal() || t.space_role) ? core::Status{} : hidden();
        case Action::kManageStakeholder:
        case Action::kDeleteInteraction:
        case Action::kSetCapacity:
            if (!p.internal()) return hidden();
            return (p.manages_innovation() || t.owner_id == p.user_id) ? core::Status{} : denied();
        case Action::kWorkOnProject:
        case Action::kDecideGateReview:
            if (!p.internal()) return hidden();
            return (p.manages_innovation() || t.member) ? core::Status{} : denied();
        case Action::kManageProject:
            if (!p.internal()) return hidden();
            return (p.manages_innovation() || t.owner_id == p.user_id) ? core::Status{} : denied();
        case Action::kViewIdeas:
            return (p.internal() || t.space_role) ? core::Status{} : hidden();
        case Action::kContributeIdeas:
            if (!p.internal() && !t.space_role) return hidden();
            return (p.internal() || *t.space_role != "guest") ? core::Status{} : denied();
        case Action::kModerateIdeas:
        case Action::kManageChallenge: {
            if (!p.internal()) return t.space_role ? denied() : hidden();
            const bool moderator = t.space_role && (*t.space_role == "owner" ||
                                                    (action == Action::kModerateIdeas && *t.space_role == "moderator"));
            return (p.manages_innovation() || moderator) ? core::Status{} : denied();
        }
        case Action::kUseIdeaInternals:
            return p.internal() ? core::Status{} : hidden();
        case Action::kPromoteIdea:
        case Action::kImportStakeholders:
        case Action::kManageFrameworks:
            return p.manages_innovation() ? core::Status{} : refuse(p);
    }
    return hidden();
}

}  // namespace cocreate::auth
