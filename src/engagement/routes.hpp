#pragma once
// Route registration for the engagement log (see README.md for the table).

#include "engagement/follow_up_service.hpp"
#include "engagement/interaction_service.hpp"
#include "engagement/relationship_service.hpp"
#include "http/router.hpp"

namespace cocreate::engagement {

struct Services {
    InteractionService& interactions;
    FollowUpService& follow_ups;
    RelationshipService& relationships;
};

void register_interaction_routes(http::Router& router, Services services);
void register_follow_up_routes(http::Router& router, Services services);

}  // namespace cocreate::engagement
