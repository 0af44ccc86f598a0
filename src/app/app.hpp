#pragma once
// The composition root: opens the database, applies migrations, builds the services and
// the one route table, and runs the server. Everything is created here once and passed
// down through constructors; nothing is global.

#include <memory>

#include "app/config.hpp"
#include "auth/account_service.hpp"
#include "auth/directory_service.hpp"
#include "auth/space_service.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "engagement/follow_up_service.hpp"
#include "engagement/interaction_service.hpp"
#include "engagement/relationship_service.hpp"
#include "http/dispatcher.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "ideas/attachment_service.hpp"
#include "ideas/challenge_service.hpp"
#include "ideas/comment_service.hpp"
#include "ideas/idea_service.hpp"
#include "ideas/insight_service.hpp"
#include "projects/framework_service.hpp"
#include "projects/project_service.hpp"
#include "stakeholders/stakeholder_import.hpp"
#include "stakeholders/stakeholder_service.hpp"

namespace cocreate::app {

class App {
public:
    // Opens the database and migrates it to the latest schema. Throws std::runtime_error.
    explicit App(Config config);
    ~App();

    // Serves until SIGINT/SIGTERM. Returns the process exit code.
    int serve();

    db::Database& database() { return *db_; }
    auth::AccountService& accounts() { return accounts_; }
    auth::DirectoryService& directory() { return directory_; }
    auth::SpaceService& spaces() { return spaces_; }
    stakeholders::StakeholderService& stakeholders() { return stakeholders_; }
    stakeholders::StakeholderImport& stakeholder_imports() { return stakeholder_imports_; }
    engagement::InteractionService& interactions() { return interactions_; }
    engagement::FollowUpService& follow_ups() { return follow_ups_; }
    engagement::RelationshipService& relationships() { return relationships_; }
    projects::FrameworkService& frameworks() { return frameworks_; }
    projects::ProjectService& projects() { return projects_; }
    ideas::ChallengeService& challenges() { return challenges_; }
    ideas::IdeaService& ideas() { return ideas_; }
    ideas::CommentService& discussion() { return discussion_; }
    ideas::IdeaInsightService& idea_insight() { return idea_insight_; }
    ideas::AttachmentService& attachments() { return attachments_; }
    const http::Dispatcher& dispatcher() const { return *dispatcher_; }
    const core::Clock& clock() const { return *clock_; }
    // Valid once the route table is built (during serve and afterwards).
    http::Metrics& metrics() { return *metrics_; }

private:
    Config config_;
    std::unique_ptr<core::Clock> clock_;
    std::unique_ptr<db::Database> db_;
    auth::AccountService accounts_;
    auth::DirectoryService directory_;
    auth::SpaceService spaces_;
    stakeholders::StakeholderService stakeholders_;
    stakeholders::StakeholderImport stakeholder_imports_;
    engagement::InteractionService interactions_;
    engagement::FollowUpService follow_ups_;
    engagement::RelationshipService relationships_;
    projects::FrameworkService frameworks_;
    projects::ProjectService projects_;
    ideas::ChallengeService challenges_;
    ideas::IdeaService ideas_;
    ideas::CommentService discussion_;
    ideas::IdeaInsightService idea_insight_;
    ideas::AttachmentStore attachment_store_;
    ideas::AttachmentService attachments_;
    http::Router router_;
    std::unique_ptr<http::Metrics> metrics_;
    std::unique_ptr<http::StaticFiles> static_files_;
    std::unique_ptr<http::Dispatcher> dispatcher_;
};

// Handler threads for `config`: as configured, or a default suited to the database engine.
unsigned blocking_threads(const Config& config);
// Opens the database named in `config` with a pool sized for the server.
std::unique_ptr<db::Database> open_database(const Config& config);
// Registers every route of every module (src/app/routes.cpp: the one table).
void register_routes(http::Router& router, App& app);

}  // namespace cocreate::app
