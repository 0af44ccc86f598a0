#pragma once
// Comments on ideas (threads, mentions, helpful marks) and moderation: reports, hiding,
// editing with a visible note, restoring, and merging duplicate ideas. A comment whose tone
// looks hostile is refused once with a constructive-feedback prompt; sent again with
// confirm_tone it is posted and flagged for moderators (internal only). Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/page.hpp"
#include "ideas/idea.hpp"
#include "ideas/idea_service.hpp"

namespace cocreate::ideas {

struct CommentInput {
    std::string body;
    std::optional<int64_t> parent_id;
    std::vector<int64_t> mention_ids;
    bool confirm_tone = false;
};

struct CommentView {
    Comment comment;
    bool marked_helpful = false;  // by the caller
    bool internal = false;        // the caller is staff: `hostile` may be written
    bool moderator = false;
};

struct Report {
    int64_t id = 0;
    std::string object_type;
    int64_t object_id = 0, idea_id = 0, space_id = 0;
    std::string excerpt;  // the idea's title or the comment's first words
    std::string reason, status, created_at;
    std::optional<UserRef> reporter, resolved_by;
    std::optional<std::string> resolution, resolved_at;
};

struct Moderation {
    std::string action;  // kModerationActions
    std::string note;
    // edit: the new text (a comment's body; an idea's title and/or description)
    std::optional<std::string> body, title, description;
};

struct Points {
    int64_t total = 0;
    AwardCounts counts;
    std::vector<std::string> badges;
};

class CommentService {
public:
    CommentService(db::Database& db, const core::Clock& clock, IdeaService& ideas);

    core::Result<http::Page<CommentView>> list(const auth::Principal& p, int64_t idea_id, std::optional<int64_t> after,
                                               int limit);
    core::Result<CommentView> create(const auth::Principal& p, int64_t idea_id, const CommentInput& in);
    core::Result<CommentView> mark_helpful(const auth::Principal& p, int64_t comment_id, bool helpful);

    core::Result<Report> report(const auth::Principal& p, const std::string& object_type, int64_t object_id,
                                const std::string& reason);
    // Open reports of the spaces the caller moderates (all for managers), newest first.
    core::Result<http::Page<Report>> reports(const auth::Principal& p, const std::optional<std::string>& status,
                                             std::optional<int64_t> after, int limit);
    core::Result<IdeaView> moderate_idea(const auth::Principal& p, int64_t idea_id, const Moderation& m);
    core::Result<CommentView> moderate_comment(const auth::Principal& p, int64_t comment_id, const Moderation& m);
    // Merges `duplicate` into `into`: votes (one per person), comments, interest, build-on
    // links and co-authors move over; the duplicate is hidden from lists and points to `into`.
    core::Result<IdeaView> merge(const auth::Principal& p, int64_t duplicate, int64_t into);

    core::Result<Points> points(const auth::Principal& p);
    // The badges a person has earned (for the leaderboard).
    std::vector<std::string> badges_of(int64_t user_id);

private:
    db::Database& db_;
    const core::Clock& clock_;
    IdeaService& ideas_;
};

}  // namespace cocreate::ideas
