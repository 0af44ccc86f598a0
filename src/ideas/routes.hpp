#pragma once
// Route registration for ideas and challenges (docs/api-ideas.md has the table).

#include "http/router.hpp"
#include "ideas/challenge_service.hpp"
#include "ideas/attachment_service.hpp"
#include "ideas/comment_service.hpp"
#include "ideas/idea_service.hpp"
#include "ideas/insight_service.hpp"

namespace cocreate::ideas {

struct Services {
    ChallengeService& challenges;
    IdeaService& ideas;
    CommentService& discussion;
    IdeaInsightService& insight;
    AttachmentService& attachments;
};

// /api/v1/challenges…
void register_challenge_routes(http::Router& router, Services services);
// /api/v1/ideas… (the idea, votes, build-on links, co-authors, similar ideas)
void register_idea_routes(http::Router& router, Services services);
// comments, helpful marks, reports, moderation, merge, points
void register_discussion_routes(http::Router& router, Services services);
// interest records, reviews, promotion into a project; attachments
void register_insight_routes(http::Router& router, Services services);

}  // namespace cocreate::ideas
