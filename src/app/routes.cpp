// The one route table: every module registers its routes here, in navigation order.
#include "app/app.hpp"
#include "app/system_routes.hpp"
#include "auth/routes.hpp"
#include "engagement/routes.hpp"
#include "projects/routes.hpp"
#include "events/audit_routes.hpp"
#include "ideas/routes.hpp"
#include "stakeholders/routes.hpp"

namespace cocreate::app {

void register_routes(http::Router& router, App& app) {
    register_system_routes(router, app);
    const auth::Services identity{app.accounts(), app.directory(), app.spaces()};
    auth::register_account_routes(router, identity);
    auth::register_directory_routes(router, identity);
    auth::register_space_routes(router, identity);
    stakeholders::register_stakeholder_routes(router, app.stakeholders(), app.stakeholder_imports());
    const engagement::Services engagement{app.interactions(), app.follow_ups(), app.relationships()};
    engagement::register_interaction_routes(router, engagement);
    engagement::register_follow_up_routes(router, engagement);
    const projects::Services projects{app.frameworks(), app.projects(), app.clock()};
    projects::register_framework_routes(router, projects);
    projects::register_project_routes(router, projects);
    projects::register_review_routes(router, projects);
    const ideas::Services ideas{app.challenges(), app.ideas(), app.discussion(), app.idea_insight(), app.attachments()};
    ideas::register_challenge_routes(router, ideas);
    ideas::register_idea_routes(router, ideas);
    ideas::register_discussion_routes(router, ideas);
    ideas::register_insight_routes(router, ideas);
    events::register_audit_routes(router, app.database());
}

}  // namespace cocreate::app
