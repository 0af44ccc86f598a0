#include "ideas/ideas_json.hpp"

#include "core/markdown.hpp"
#include "ideas/idea_rules.hpp"
#include "projects/project_rules.hpp"

namespace cocreate::ideas {

using core::JsonWriter;

namespace {

constexpr size_t kExcerptBytes = 280;
// Comments are listed in the idea page's h2 comments section: their headings start at h3.
constexpr int kCommentTopHeading = 3;

void write_authors(JsonWriter& w, const std::vector<Author>& authors) {
    w.key("authors").begin_array();
    for (const auto& a : authors)
        w.begin_object().field("id", a.id).field("display_name", a.display_name).field("role", a.role).end_object();
    w.end_array();
}
void write_refs(JsonWriter& w, std::string_view key, const std::vector<IdeaRef>& refs) {
    w.key(key).begin_array();
    for (const auto& r : refs) w.begin_object().field("id", r.id).field("title", r.title).end_object();
    w.end_array();
}
void write_project(JsonWriter& w, const std::optional<IdeaRef>& project) {
    w.key("project");
    if (project) w.begin_object().field("id", project->id).field("title", project->title).end_object();
    else w.null();
}

// The first words of a markdown text, cut at a character boundary: a list shows no more.
std::string excerpt(const std::string& text) {
    if (text.size() <= kExcerptBytes) return text;
    size_t end = kExcerptBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + "…";
}


}  // namespace

void write_protocol_version(JsonWriter& w, const ProtocolVersion& v) {
    w.begin_object()
        .field("version", v.version)
        .field("text", v.text)
        .field("text_html", core::markdown_to_safe_html(v.text))
        .field("changed_at", v.changed_at)
        .key("changed_by");
    core::write_person_or_null(w, v.changed_by);
    w.field("note", v.note).end_object();
}

void write_challenge(JsonWriter& w, const Challenge& c, std::string_view phase, int64_t my_votes_used, bool internal) {
    w.begin_object()
        .field("id", c.id)
        .field("space_id", c.space_id)
        .field("title", c.title)
        .field("problem", c.problem)
        .field("problem_html", core::markdown_to_safe_html(c.problem));
    w.strings("goals", c.goals);
    w.field("audience", c.audience).key("sponsor");
    core::write_person_or_null(w, c.sponsor);
    w.key("phases")
        .begin_object()
        .field("submission_opens", c.phases.submission_opens)
        .field("discussion_opens", c.phases.discussion_opens)
        .field("voting_opens", c.phases.voting_opens)
        .field("review_opens", c.phases.review_opens)
        .field("closes", c.phases.closes)
        .end_object()
        .field("phase", phase)
        .field("votes_per_person", c.votes_per_person)
        .field("my_votes_used", my_votes_used)
        .field("leaderboard", c.leaderboard)
        .key("criteria")
        .begin_array();
    for (const auto& k : c.criteria) w.begin_object().field("key", k.key).field("text", k.text).field("weight", k.weight).end_object();
    w.end_array().key("protocol");
    write_protocol_version(w, c.protocol);
    w.field("idea_count", c.idea_count).field("version", c.version).field("created_at", c.created_at).field("updated_at", c.updated_at);
    if (internal) {
        w.key("fit");
        if (c.fit) {
            const auto f = projects::fit_check(*c.fit);
            w.begin_object()
                .key("answers")
                .begin_object()
                .field("problem_defined", f.answers.problem_defined)
                .field("near_term", f.answers.near_term)
                .field("customers_can_picture", f.answers.customers_can_picture)
                .field("customer_willing", f.answers.customer_willing)
                .field("capacity_available", f.answers.capacity_available)
                .end_object()
                .field("score", f.score)
                .field("recommendation", f.recommendation)
                .field("flagged", f.flagged);
            w.strings("reasons", f.reasons);
            w.end_object();
        } else {
            w.null();
        }
    }
    w.end_object();
}

void write_idea(JsonWriter& w, const IdeaView& v) {
    const auto& x = v.idea;
    w.begin_object().field("id", x.id).field("space_id", x.space_id).key("challenge_id");
    w.id_or_null(x.challenge_id);
    w.field("title", x.title)
        .field("description", x.description)
        .field("description_html", core::markdown_to_safe_html(x.description));
    w.strings("tags", x.tags);
    write_authors(w, x.authors);
    w.field("status", x.status).field("decline_reason", x.decline_reason);
    write_refs(w, "builds_on", x.builds_on);
    write_refs(w, "built_on_by", x.built_on_by);
    w.key("attachments").begin_array();
    for (const auto& a : v.attachments) write_attachment(w, a);
    w.end_array();
    w.field("vote_count", x.vote_count)
        .field("my_vote", v.my_vote)
        .field("comment_count", x.comment_count)
        .field("interest_level", interest_aggregate(x.interest_score))
        .field("hidden", x.hidden)
        .field("moderation_note", x.moderation_note)
        .key("merged_into");
    w.id_or_null(x.merged_into);
    write_project(w, v.project);
    w.field("version", x.version).field("created_at", x.created_at).field("updated_at", x.updated_at);
    if (v.internal) {
        w.field("interest_score", x.interest_score);
        w.key("interest").begin_array();
        for (const auto& r : v.internals.interest) write_interest_record(w, r);
        w.end_array().key("review").begin_object().key("score");
        if (v.internals.review.score) w.number(static_cast<int64_t>(*v.internals.review.score));
        else w.null();
        w.field("count", v.internals.review.count).key("reviews").begin_array();
        for (const auto& r : v.internals.review.reviews) write_review(w, r);
        w.end_array().end_object();
        w.key("moderated_by");
        core::write_person_or_null(w, x.moderated_by);
    }
    w.end_object();
}

void write_attachment(JsonWriter& w, const Attachment& a) {
    w.begin_object()
        .field("id", a.id)
        .field("filename", a.filename)
        .field("content_type", a.content_type)
        .field("size", a.size)
        .field("url", "/api/v1/attachments/" + std::to_string(a.id))
        .field("created_at", a.created_at)
        .end_object();
}

std::string attachment_text(const Attachment& a) {
    return core::json_text([&](JsonWriter& w) { write_attachment(w, a); });
}

void write_interest_record(JsonWriter& w, const InterestRecord& r) {
    w.begin_object()
        .field("id", r.id)
        .field("stakeholder_id", r.stakeholder_id)
        .field("name", r.stakeholder_name)
        .field("kind", r.kind)
        .field("level", r.level)
        .field("noted_on", r.noted_on)
        .field("source", r.source)
        .key("interaction_id");
    w.id_or_null(r.interaction_id);
    w.key("recorded_by");
    core::write_person_or_null(w, r.recorded_by);
    w.field("recorded_at", r.recorded_at).end_object();
}

std::string interest_record_text(const InterestRecord& r) {
    return core::json_text([&](JsonWriter& w) { write_interest_record(w, r); });
}

void write_review(JsonWriter& w, const Review& r) {
    w.begin_object().field("idea_id", r.idea_id).key("reviewer");
    if (r.reviewer.id != 0) core::write_person(w, r.reviewer);
    else w.null();
    w.key("scores").begin_object();
    for (const auto& [key, score] : r.scores) w.field(key, score);
    w.end_object().field("score", r.score).field("note", r.note).field("reviewed_at", r.reviewed_at).end_object();
}

std::string review_text(const Review& r) {
    return core::json_text([&](JsonWriter& w) { write_review(w, r); });
}

std::string idea_text(const IdeaView& v) {
    return core::json_text([&](JsonWriter& w) { write_idea(w, v); });
}

void write_idea_summary(JsonWriter& w, const IdeaView& v) {
    const auto& x = v.idea;
    w.begin_object().field("id", x.id).field("space_id", x.space_id).key("challenge_id");
    w.id_or_null(x.challenge_id);
    w.field("title", x.title).field("excerpt", excerpt(x.description));
    w.strings("tags", x.tags);
    write_authors(w, x.authors);
    w.field("status", x.status)
        .field("vote_count", x.vote_count)
        .field("my_vote", v.my_vote)
        .field("comment_count", x.comment_count)
        .field("interest_level", interest_aggregate(x.interest_score))
        .field("hidden", x.hidden);
    write_project(w, v.project);
    w.field("created_at", x.created_at).field("updated_at", x.updated_at);
    if (v.internal) w.field("interest_score", x.interest_score).field("interest_count", v.interest_count);
    w.end_object();
}

void write_similar(JsonWriter& w, const idea_repository::Similar& x) {
    w.begin_object().field("id", x.id).field("title", x.title).field("snippet", x.snippet).key("score").number(x.score).end_object();
}

void write_comment(JsonWriter& w, const CommentView& v) {
    const auto& c = v.comment;
    w.begin_object().field("id", c.id).field("idea_id", c.idea_id).key("parent_id");
    w.id_or_null(c.parent_id);
    w.field("body", c.body).field("body_html", core::markdown_to_safe_html(c.body, kCommentTopHeading)).key("author");
    core::write_person_or_null(w, c.author);
    w.key("mentions").begin_array();
    for (const auto& m : c.mentions) core::write_person(w, m);
    w.end_array()
        .field("helpful_count", c.helpful_count)
        .field("marked_helpful", v.marked_helpful)
        .field("hidden", c.hidden)
        .field("moderation_note", c.moderation_note)
        .field("edited_at", c.edited_at)
        .field("created_at", c.created_at);
    if (v.internal) {
        w.field("hostile", c.hostile).key("moderated_by");
        core::write_person_or_null(w, c.moderated_by);
    }
    w.end_object();
}

std::string comment_text(const CommentView& v) {
    return core::json_text([&](JsonWriter& w) { write_comment(w, v); });
}

void write_report(JsonWriter& w, const Report& r) {
    w.begin_object()
        .field("id", r.id)
        .field("object_type", r.object_type)
        .field("object_id", r.object_id)
        .field("idea_id", r.idea_id)
        .field("space_id", r.space_id)
        .field("excerpt", excerpt(r.excerpt).substr(0, 200))
        .field("reason", r.reason)
        .field("status", r.status)
        .key("reported_by");
    core::write_person_or_null(w, r.reporter);
    w.field("created_at", r.created_at).field("resolution", r.resolution).key("resolved_by");
    core::write_person_or_null(w, r.resolved_by);
    w.field("resolved_at", r.resolved_at).end_object();
}

std::string points_text(const Points& p) {
    return core::json_text([&](JsonWriter& w) {
        w.begin_object().field("total", p.total).key("by_reason").begin_array();
        for (const auto reason : kPointsReasons) {
            const auto found = p.counts.find(reason);
            if (found == p.counts.end()) continue;
            const int64_t count = found->second;
            const int each = reason == "idea_submitted"    ? kPointsIdeaSubmitted
                             : reason == "comment_helpful" ? kPointsCommentHelpful
                             : reason == "built_upon"      ? kPointsBuiltUpon
                             : reason == "idea_selected"   ? kPointsIdeaSelected
                                                           : kPointsHomeworkDone;
            w.begin_object().field("reason", reason).field("count", count).field("points", count * each).end_object();
        }
        w.end_array();
        w.strings("badges", p.badges);
        w.end_object();
    });
}

std::string leaderboard_text(int64_t challenge_id, bool enabled, const std::vector<comment_repository::LeaderRow>& rows,
                             const std::vector<std::vector<std::string>>& badges) {
    return core::json_text([&](JsonWriter& w) {
        w.begin_object().field("challenge_id", challenge_id).field("enabled", enabled).key("items").begin_array();
        int64_t rank = 0;
        for (size_t i = 0; i < rows.size(); ++i) {
            // Equal points share a rank; the next rank skips as many places (1, 2, 2, 4).
            if (i == 0 || rows[i].points != rows[i - 1].points) rank = static_cast<int64_t>(i + 1);
            w.begin_object().field("rank", rank).key("user");
            core::write_person(w, UserRef{rows[i].user_id, rows[i].display_name});
            w.field("points", rows[i].points);
            w.strings("badges", i < badges.size() ? badges[i] : std::vector<std::string>{});
            w.end_object();
        }
        w.end_array().end_object();
    });
}

}  // namespace cocreate::ideas
