#include "auth/permissions.hpp"

#include <gtest/gtest.h>

namespace cocreate::auth {
namespace {

Principal as(Role role, int64_t id = 7) {
    Principal p;
    p.user_id = id;
    p.role = role;
    return p;
}

core::ErrorCode code(const core::Status& s) { return s ? core::ErrorCode::kInternal : s.error().code; }

TEST(Permissions, AnonymousIsUnauthenticated) {
    EXPECT_EQ(code(authorize(Principal{}, Action::kViewSpace)), core::ErrorCode::kUnauthenticated);
}

TEST(Permissions, AdministrationIsForAdministrators) {
    EXPECT_TRUE(can(as(Role::kAdmin), Action::kManageUsers));
    EXPECT_EQ(code(authorize(as(Role::kMember), Action::kManageUsers)), core::ErrorCode::kPermissionDenied);
    // External participants must not learn that administration exists.
    EXPECT_EQ(code(authorize(as(Role::kExternal), Action::kManageUsers)), core::ErrorCode::kNotFound);
    EXPECT_EQ(code(authorize(as(Role::kExternal), Action::kViewAuditTrail)), core::ErrorCode::kNotFound);
}

TEST(Permissions, ExternalsSeeOnlyTheirSpaces) {
    EXPECT_EQ(code(authorize(as(Role::kExternal), Action::kViewSpace, {})), core::ErrorCode::kNotFound);
    EXPECT_TRUE(can(as(Role::kExternal), Action::kViewSpace, {"member"}));
    EXPECT_TRUE(can(as(Role::kMember), Action::kViewSpace, {}));
    EXPECT_FALSE(sees_all_spaces(as(Role::kExternal)));
}

TEST(Permissions, SpaceOwnersManageTheirSpaceOnly) {
    EXPECT_TRUE(can(as(Role::kMember), Action::kManageSpace, {"owner"}));
    EXPECT_EQ(code(authorize(as(Role::kMember), Action::kManageSpace, {"member"})), core::ErrorCode::kPermissionDenied);
    EXPECT_TRUE(can(as(Role::kAdmin), Action::kManageSpace, {}));
    // An external owner role (never granted by invitation, but defensively) does not manage.
    EXPECT_EQ(code(authorize(as(Role::kExternal), Action::kManageMembers, {"owner"})), core::ErrorCode::kPermissionDenied);
}

TEST(Permissions, InvitationsAreManagedByManagersAndTheInviter) {
    EXPECT_TRUE(can(as(Role::kInnovationManager), Action::kManageInvitation, {std::nullopt, 99}));
    EXPECT_TRUE(can(as(Role::kMember, 99), Action::kManageInvitation, {std::nullopt, 99}));
    EXPECT_FALSE(can(as(Role::kMember, 5), Action::kManageInvitation, {std::nullopt, 99}));
    EXPECT_EQ(code(authorize(as(Role::kExternal), Action::kManageInvitation, {std::nullopt, 7})), core::ErrorCode::kNotFound);
}

TEST(Permissions, ExternalsSeeOnlySharedStakeholdersAndNoEngagement) {
    const auto ext = as(Role::kExternal);
    EXPECT_EQ(code(authorize(ext, Action::kViewStakeholder, {})), core::ErrorCode::kNotFound);
    EXPECT_TRUE(can(ext, Action::kViewStakeholder, {"shared"}));
    for (auto a : {Action::kUseStakeholderRegistry, Action::kUseEngagement, Action::kImportStakeholders,
                   Action::kManageStakeholder, Action::kDeleteInteraction, Action::kSetCapacity})
        EXPECT_EQ(code(authorize(ext, a, {std::nullopt, ext.user_id})), core::ErrorCode::kNotFound);
    EXPECT_TRUE(can(as(Role::kMember), Action::kUseEngagement));
    EXPECT_TRUE(can(as(Role::kMember), Action::kViewStakeholder));
}

TEST(Permissions, OwnersAndManagersManageStakeholders) {
    EXPECT_TRUE(can(as(Role::kMember, 7), Action::kManageStakeholder, {std::nullopt, 7}));
    EXPECT_EQ(code(authorize(as(Role::kMember, 7), Action::kManageStakeholder, {std::nullopt, 8})),
              core::ErrorCode::kPermissionDenied);
    EXPECT_TRUE(can(as(Role::kInnovationManager), Action::kManageStakeholder, {std::nullopt, 8}));
    EXPECT_EQ(code(authorize(as(Role::kMember), Action::kImportStakeholders)), core::ErrorCode::kPermissionDenied);
    EXPECT_TRUE(can(as(Role::kAdmin), Action::kImportStakeholders));
    EXPECT_TRUE(can(as(Role::kMember, 7), Action::kSetCapacity, {std::nullopt, 7}));
    EXPECT_EQ(code(authorize(as(Role::kMember, 7), Action::kSetCapacity, {std::nullopt, 9})),
              core::ErrorCode::kPermissionDenied);
}

TEST(Permissions, ProjectsAreInternalExceptSharedSummaries) {
    const auto ext = as(Role::kExternal);
    EXPECT_EQ(code(authorize(ext, Action::kViewProjectSummary, {})), core::ErrorCode::kNotFound);
    EXPECT_TRUE(can(ext, Action::kViewProjectSummary, {"member"}));
    // Even a (mistakenly) named external member gets nothing beyond the summary.
    for (auto a : {Action::kUseProjects, Action::kWorkOnProject, Action::kDecideGateReview, Action::kManageProject,
                   Action::kManageFrameworks})
        EXPECT_EQ(code(authorize(ext, a, {"member", ext.user_id, true})), core::ErrorCode::kNotFound);
    EXPECT_TRUE(can(as(Role::kMember), Action::kUseProjects));
    EXPECT_TRUE(can(as(Role::kMember), Action::kViewProjectSummary));
}

TEST(Permissions, TheProjectTeamWorksOnItsProject) {
    const Target team{std::nullopt, 0, true};
    EXPECT_TRUE(can(as(Role::kMember), Action::kWorkOnProject, team));
    EXPECT_EQ(code(authorize(as(Role::kMember), Action::kWorkOnProject, {})), core::ErrorCode::kPermissionDenied);
    EXPECT_TRUE(can(as(Role::kInnovationManager), Action::kWorkOnProject, {}));
    EXPECT_TRUE(can(as(Role::kMember), Action::kDecideGateReview, team));
    EXPECT_EQ(code(authorize(as(Role::kMember), Action::kDecideGateReview, {})), core::ErrorCode::kPermissionDenied);
    // Migrating and sharing: the lead, not the whole team.
    EXPECT_TRUE(can(as(Role::kMember, 7), Action::kManageProject, {std::nullopt, 7}));
    EXPECT_EQ(code(authorize(as(Role::kMember, 7), Action::kManageProject, {std::nullopt, 8, true})),
              core::ErrorCode::kPermissionDenied);
    EXPECT_TRUE(can(as(Role::kAdmin, 7), Action::kManageProject, {std::nullopt, 8}));
    EXPECT_EQ(code(authorize(as(Role::kMember), Action::kManageFrameworks)), core::ErrorCode::kPermissionDenied);
}

TEST(Permissions, IdeasFollowTheSpace) {
    const auto ext = as(Role::kExternal);
    EXPECT_EQ(code(authorize(ext, Action::kViewIdeas, {})), core::ErrorCode::kNotFound);
    EXPECT_TRUE(can(ext, Action::kViewIdeas, {"guest"}));
    EXPECT_TRUE(can(ext, Action::kContributeIdeas, {"member"}));
    EXPECT_EQ(code(authorize(ext, Action::kContributeIdeas, {"guest"})), core::ErrorCode::kPermissionDenied);
    EXPECT_EQ(code(authorize(ext, Action::kContributeIdeas, {})), core::ErrorCode::kNotFound);
    // Moderation and internals stay with internal staff, whatever the external's space role.
    EXPECT_EQ(code(authorize(ext, Action::kModerateIdeas, {"moderator"})), core::ErrorCode::kPermissionDenied);
    EXPECT_EQ(code(authorize(ext, Action::kUseIdeaInternals, {"owner"})), core::ErrorCode::kNotFound);
    EXPECT_TRUE(can(as(Role::kMember), Action::kModerateIdeas, {"moderator"}));
    EXPECT_EQ(code(authorize(as(Role::kMember), Action::kManageChallenge, {"moderator"})), core::ErrorCode::kPermissionDenied);
    EXPECT_TRUE(can(as(Role::kMember), Action::kManageChallenge, {"owner"}));
    EXPECT_TRUE(can(as(Role::kInnovationManager), Action::kModerateIdeas, {}));
    EXPECT_EQ(code(authorize(as(Role::kMember), Action::kPromoteIdea)), core::ErrorCode::kPermissionDenied);
    EXPECT_TRUE(can(as(Role::kMember), Action::kUseIdeaInternals));
}

}  // namespace
}  // namespace cocreate::auth
