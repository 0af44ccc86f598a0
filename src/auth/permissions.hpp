#pragma once
// The one place that decides who may do what. Every route and every list query asks here.
// Answers: allowed; not found (the caller may not even know the object exists, so hidden
// objects answer 404); or permission denied (the caller can see it but may not act).

#include <cstdint>
#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "core/error.hpp"

namespace cocreate::auth {

enum class Action {
    kManageUsers,          // list, create, edit users (administration)
    kViewOrganisations,
    kManageOrganisations,
    kCreateSpace,
    kViewSpace,            // target: the space
    kManageSpace,          // edit, archive (target: the space)
    kManageMembers,        // add, change, remove members (target: the space)
    kInviteToSpace,        // target: the space
    kListAllInvitations,
    kManageInvitation,     // revoke, resend (target: the caller's role in its space; owner = inviter)
    kViewAuditTrail,
    kManageOwnTokens,
    // Stakeholders and engagement.
    kViewStakeholder,      // target.space_role: set when the stakeholder is shared with a space of the caller's
    kUseStakeholderRegistry,  // the internal registry: write, map, timeline, needs, all fields
    kManageStakeholder,    // delete, change owner (target.owner_id: the stakeholder's owner)
    kImportStakeholders,
    kUseEngagement,        // interactions, follow-ups, cadences, expectations, capacity (read)
    kDeleteInteraction,    // target.owner_id: who logged it
    kSetCapacity,          // target.owner_id: whose capacity
    // Projects.
    kUseProjects,          // read projects, frameworks, the portfolio; propose a project
    kViewProjectSummary,   // target.space_role: set when the project is shared with a space of the caller's
    kWorkOnProject,        // edit, check criteria, record KPIs, request reviews (target.member: lead, team or sponsor)
    kDecideGateReview,     // target.member: a named decision maker of the review
    kManageProject,        // migrate, share (target.owner_id: the project's lead)
    kManageFrameworks,     // create frameworks, publish versions, recompute all health
    // Ideas and challenges. target.space_role: the caller's role in the space, left empty for
    // an external caller when the challenge's audience is internal (they must not see it).
    kViewIdeas,            // read challenges, ideas, comments
    kContributeIdeas,      // submit, comment, vote, build on, report (not guests)
    kModerateIdeas,        // hide, edit, restore, merge, status, reports (space owners and moderators)
    kManageChallenge,      // create and change challenges, amend the protocol (space owners)
    kUseIdeaInternals,     // stakeholder interest, reviewers' scores and notes
    kPromoteIdea,          // turn an idea into a project
};

// What the decision needs to know about the object acted on.
struct Target {
    std::optional<std::string> space_role;  // the caller's role in the space, if a member
    int64_t owner_id = 0;                   // the creator / inviter, where it matters
    bool member = false;                    // the caller takes part (project team, named decision maker)
};

// Allowed, or the error to answer with (kNotFound or kPermissionDenied).
core::Status authorize(const Principal& p, Action action, const Target& target = {});
// Shorthand for checks that only need a yes/no.
inline bool can(const Principal& p, Action action, const Target& target = {}) {
    return authorize(p, action, target).has_value();
}
// True when the caller sees every space (list queries then skip the membership filter).
bool sees_all_spaces(const Principal& p);

}  // namespace cocreate::auth
