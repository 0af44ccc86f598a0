#pragma once
// The API shapes of ideas and challenges (api/openapi.yaml), written straight into text.
// Internal-only fields (a challenge's fit, an idea's interest records, review and interest
// score, who moderated, a comment's hostile flag) are written only when the view says the
// caller is internal; external participants get the shared views and nothing more.

#include <string>
#include <vector>

#include "core/json_writer.hpp"
#include "ideas/challenge_service.hpp"
#include "ideas/comment_service.hpp"
#include "ideas/idea_repository.hpp"
#include "ideas/idea_service.hpp"
#include "ideas/insight.hpp"

namespace cocreate::ideas {

// A challenge as `internal` (or not) sees it; `phase` is today's, `my_votes_used` the caller's.
void write_challenge(core::JsonWriter& w, const Challenge& c, std::string_view phase, int64_t my_votes_used,
                     bool internal);
void write_protocol_version(core::JsonWriter& w, const ProtocolVersion& v);

// The whole idea (GET, writes).
void write_idea(core::JsonWriter& w, const IdeaView& v);
std::string idea_text(const IdeaView& v);
// A list row: an excerpt instead of the description, no links or attachments.
void write_idea_summary(core::JsonWriter& w, const IdeaView& v);
void write_attachment(core::JsonWriter& w, const Attachment& a);
std::string attachment_text(const Attachment& a);
// Internal-only shapes: interest records and reviews.
void write_interest_record(core::JsonWriter& w, const InterestRecord& r);
std::string interest_record_text(const InterestRecord& r);
void write_review(core::JsonWriter& w, const Review& r);
std::string review_text(const Review& r);
void write_similar(core::JsonWriter& w, const idea_repository::Similar& x);

void write_comment(core::JsonWriter& w, const CommentView& v);
std::string comment_text(const CommentView& v);
void write_report(core::JsonWriter& w, const Report& r);
std::string points_text(const Points& p);
std::string leaderboard_text(int64_t challenge_id, bool enabled, const std::vector<comment_repository::LeaderRow>& rows,
                             const std::vector<std::vector<std::string>>& badges);

}  // namespace cocreate::ideas
