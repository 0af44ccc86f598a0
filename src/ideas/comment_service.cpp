#include "ideas/comment_service.hpp"

#include <algorithm>

#include "auth/permissions.hpp"
#include "events/event_log.hpp"
#include "ideas/challenge_repository.hpp"
#include "ideas/comment_repository.hpp"
#include "ideas/idea_repository.hpp"
#include "ideas/idea_rules.hpp"
#include "ideas/insight_repository.hpp"
#include "ideas/moderation_repository.hpp"

namespace cocreate::ideas {

using auth::Action;
using auth::authorize;
using core::Error;
using core::fail;
namespace repo = comment_repository;

namespace {

// What a moderation action does to the reports about the object.
std::string resolution_of(const std::string& action) {
    if (action == "hide") return "hidden";
    if (action == "edit") return "edited";
    return "restored";
}

// Events about an idea's discussion: the space sees them unless the challenge is for staff.
events::NewEvent space_event(const auth::Principal& p, std::string verb, std::string type, int64_t id, const Idea& x,
                             const IdeaAccess& a, boost::json::object payload) {
    const bool internal = a.challenge && a.challenge->audience == "internal";
    return {p.user_id, std::move(verb), std::move(type), id, x.space_id,
            internal ? events::Visibility::kInternal : events::Visibility::kSpace, std::move(payload)};
}
// Moderation is staff business: the note is shown on the content, the event stays internal.
events::NewEvent staff_event(const auth::Principal& p, std::string verb, std::string type, int64_t id,
                             boost::json::object payload) {
    return {p.user_id, std::move(verb), std::move(type), id, std::nullopt, events::Visibility::kInternal,
            std::move(payload)};
}

}  // namespace

CommentService::CommentService(db::Database& db, const core::Clock& clock, IdeaService& ideas)
    : db_(db), clock_(clock), ideas_(ideas) {}

core::Result<http::Page<CommentView>> CommentService::list(const auth::Principal& p, int64_t idea_id,
                                                           std::optional<int64_t> after, int limit) {
    return db_.read([&](soci::session& s) -> core::Result<http::Page<CommentView>> {
        auto found = ideas_.visible(s, p, idea_id);
        if (!found) return fail(found.error());
        const bool moderator = authorize(p, Action::kModerateIdeas, found->second.target).has_value();
        auto rows = repo::comments_of(s, idea_id, moderator, after, limit);
        auto page = http::make_page(std::move(rows), limit, [](const Comment& c) { return c.id; });
        std::vector<int64_t> ids;
        for (const auto& c : page.items) ids.push_back(c.id);
        const auto mine = repo::marked_helpful(s, ids, p.user_id);
        http::Page<CommentView> out;
        out.next_after = page.next_after;
        for (auto& c : page.items) {
            const bool marked = std::find(mine.begin(), mine.end(), c.id) != mine.end();
            out.items.push_back({std::move(c), marked, p.internal(), moderator});
        }
        return out;
    });
}

core::Result<CommentView> CommentService::create(const auth::Principal& p, int64_t idea_id, const CommentInput& in) {
    return db_.write([&](soci::session& s) -> core::Result<CommentView> {
        auto found = ideas_.visible(s, p, idea_id);
        if (!found) return fail(found.error());
        auto& [idea, access] = *found;
        if (auto ok = authorize(p, Action::kContributeIdeas, access.target); !ok) return fail(ok.error());
        if (idea.merged_into) return fail(merged_conflict(idea));
        if (access.challenge)
            if (auto ok = allowed_in_phase(ideas_.phase_of(*access.challenge), Activity::kComment); !ok)
                return fail(ok.error());
        if (in.parent_id) {
            auto parent = repo::find_comment(s, *in.parent_id);
            if (!parent || parent->idea_id != idea_id) return fail(Error::unprocessable("parent_id", "is not a comment of this idea"));
        }
        // Mentions name people who can see the idea: anyone else is refused, so that a mention
        // never tells an outsider about the idea (and the author learns it did not reach them).
        std::vector<int64_t> mentions;
        for (size_t i = 0; i < in.mention_ids.size(); ++i) {
            const auto id = in.mention_ids[i];
            auth::Principal them;
            them.user_id = id;
            std::string role;
            const long long uid = id;
            s << "SELECT role FROM users WHERE id = :id AND disabled = 0", soci::use(uid), soci::into(role);
            if (!role.empty()) auth::parse_role(role, them.role);
            if (role.empty() ||
                !authorize(them, Action::kViewIdeas,
                           challenge_target(s, them, idea.space_id, access.challenge ? access.challenge->audience : "both")))
                return fail(Error::unprocessable("mention_ids[" + std::to_string(i) + "]",
                                                 "names no one who can see this idea"));
            mentions.push_back(id);
        }
        const bool hostile = looks_hostile(in.body);
        if (hostile && !in.confirm_tone) {
            auto e = Error::failed_precondition(
                "confirm_tone", "this reads as harsh. Could you say what would make the idea better? Send it again "
                                "with confirm_tone to post it as it is");
            e.cause = "hostile_tone";
            return fail(std::move(e));
        }
        Comment c;
        c.idea_id = idea_id;
        c.parent_id = in.parent_id;
        c.body = in.body;
        c.author = UserRef{p.user_id, p.display_name};
        c.hostile = hostile;
        const auto t = core::format_time(clock_.now());
        c.id = repo::insert_comment(s, c, t);
        repo::insert_mentions(s, c.id, mentions);
        idea_repository::add_to_counts(s, idea_id, 0, 1, 0);
        events::append(s, space_event(p, "comment.created", "comment", c.id, idea, access, {{"idea_id", idea_id}}), t);
        if (hostile) events::append(s, staff_event(p, "comment.flagged_hostile", "comment", c.id, {{"idea_id", idea_id}}), t);
        return CommentView{*repo::find_comment(s, c.id), false, p.internal(),
                           authorize(p, Action::kModerateIdeas, access.target).has_value()};
    });
}

core::Result<CommentView> CommentService::mark_helpful(const auth::Principal& p, int64_t comment_id, bool helpful) {
    return db_.write([&](soci::session& s) -> core::Result<CommentView> {
        auto c = repo::find_comment(s, comment_id);
        if (!c) return fail(Error::not_found("no such comment"));
        auto found = ideas_.visible(s, p, c->idea_id);
        if (!found || c->hidden) return fail(Error::not_found("no such comment"));
        const auto& [idea, access] = *found;
        if (auto ok = authorize(p, Action::kContributeIdeas, access.target); !ok) return fail(ok.error());
        if (c->author && c->author->id == p.user_id)
            return fail(Error::denied("others mark your comments helpful, not you"));
        // Helpful marks go with the discussion: open while comments are.
        if (access.challenge)
            if (auto ok = allowed_in_phase(ideas_.phase_of(*access.challenge), Activity::kComment); !ok)
                return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        const int64_t author = c->author ? c->author->id : 0;
        if (helpful && repo::add_helpful(s, comment_id, p.user_id, t)) {
            for (const auto& award : awards_for_helpful(comment_id, author, p.user_id))
                repo::award(s, award, idea.challenge_id, t);
            events::append(s, staff_event(p, "comment.marked_helpful", "comment", comment_id, {{"idea_id", idea.id}}), t);
        } else if (!helpful && repo::remove_helpful(s, comment_id, p.user_id)) {
            repo::revoke(s, "comment_helpful", "comment", comment_id, p.user_id);
            events::append(s, staff_event(p, "comment.unmarked_helpful", "comment", comment_id, {{"idea_id", idea.id}}), t);
        }
        return CommentView{*repo::find_comment(s, comment_id), helpful, p.internal(),
                           authorize(p, Action::kModerateIdeas, access.target).has_value()};
    });
}

core::Result<Report> CommentService::report(const auth::Principal& p, const std::string& object_type, int64_t object_id,
                                            const std::string& reason) {
    return db_.write([&](soci::session& s) -> core::Result<Report> {
        int64_t idea_id = object_id;
        if (object_type == "comment") {
            auto c = repo::find_comment(s, object_id);
            if (!c) return fail(Error::unprocessable("object_id", "names no comment"));
            idea_id = c->idea_id;
        }
        auto found = ideas_.visible(s, p, idea_id);
        if (!found) return fail(Error::unprocessable("object_id", "names no " + object_type));
        if (auto ok = authorize(p, Action::kContributeIdeas, found->second.target); !ok) return fail(ok.error());
        if (moderation_repository::has_open_report(s, object_type, object_id, p.user_id))
            return fail(Error::exists("object_id", "you reported this already; the moderators have it"));
        Report r;
        r.object_type = object_type;
        r.object_id = object_id;
        r.space_id = found->first.space_id;
        r.idea_id = idea_id;
        r.reason = reason;
        r.status = "open";
        r.created_at = core::format_time(clock_.now());
        r.reporter = UserRef{p.user_id, p.display_name};
        r.id = moderation_repository::insert_report(s, r, p.user_id);
        // Who reported what is for moderators only.
        events::append(s, staff_event(p, "report.created", "report", r.id, {{"object_type", object_type}, {"object_id", object_id}}),
                       r.created_at);
        return r;
    });
}

core::Result<http::Page<Report>> CommentService::reports(const auth::Principal& p, const std::optional<std::string>& status,
                                                         std::optional<int64_t> after, int limit) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    if (!p.internal()) return fail(Error::not_found());
    return db_.read([&](soci::session& s) -> core::Result<http::Page<Report>> {
        const bool all = p.manages_innovation();
        const auto spaces = all ? std::vector<int64_t>{} : moderation_repository::moderated_spaces(s, p.user_id);
        if (!all && spaces.empty()) return fail(Error::denied("only moderators read reports"));
        return http::make_page(moderation_repository::list_reports(s, status, all, spaces, after, limit), limit,
                               [](const Report& r) { return r.id; });
    });
}

core::Result<IdeaView> CommentService::moderate_idea(const auth::Principal& p, int64_t idea_id, const Moderation& m) {
    return db_.write([&](soci::session& s) -> core::Result<IdeaView> {
        auto found = ideas_.visible(s, p, idea_id);
        if (!found) return fail(found.error());
        auto& [idea, access] = *found;
        if (auto ok = authorize(p, Action::kModerateIdeas, access.target); !ok) return fail(ok.error());
        if (idea.merged_into) return fail(merged_conflict(idea));
        const auto t = core::format_time(clock_.now());
        const bool was_hidden = idea.hidden;
        idea.moderated_by = UserRef{p.user_id, p.display_name};
        if (m.action == "hide") {
            idea.hidden = true;
            idea.moderation_note = m.note;
        } else if (m.action == "restore") {
            idea.hidden = false;
            idea.moderation_note = m.note.empty() ? std::nullopt : std::optional<std::string>(m.note);
        } else {
            if (!m.title && !m.description) return fail(Error::unprocessable("description", "is required to edit"));
            if (m.title) idea.title = *m.title;
            if (m.description) idea.description = *m.description;
            idea.moderation_note = "Edited by a moderator: " + m.note;
        }
        if (!idea_repository::update_idea(s, idea, t)) return fail(Error::conflict("the idea changed meanwhile; try again"));
        // Hidden content earns nothing; restoring gives the submission points back.
        if (m.action == "hide") repo::revoke(s, "idea_submitted", "idea", idea_id);
        // A hidden idea leaves its challenge's count until it is restored.
        if (idea.challenge_id && was_hidden != idea.hidden)
            challenge_repository::add_to_idea_count(s, *idea.challenge_id, idea.hidden ? -1 : 1);
        if (m.action == "restore")
            for (const auto& award : awards_for_submission(idea_id, idea.authors)) repo::award(s, award, idea.challenge_id, t);
        moderation_repository::resolve_reports(s, "idea", idea_id, resolution_of(m.action), p.user_id, t);
        events::append(s, staff_event(p, "idea.moderated", "idea", idea_id, {{"action", m.action}, {"note", m.note}}), t);
        return ideas_.view(s, p, *idea_repository::find_idea(s, idea_id), access);
    });
}

core::Result<CommentView> CommentService::moderate_comment(const auth::Principal& p, int64_t comment_id,
                                                           const Moderation& m) {
    return db_.write([&](soci::session& s) -> core::Result<CommentView> {
        auto c = repo::find_comment(s, comment_id);
        if (!c) return fail(Error::not_found("no such comment"));
        auto found = ideas_.visible(s, p, c->idea_id);
        if (!found) return fail(Error::not_found("no such comment"));
        if (auto ok = authorize(p, Action::kModerateIdeas, found->second.target); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        if (m.action == "edit" && !m.body) return fail(Error::unprocessable("body", "is required to edit"));
        const bool hidden = m.action == "hide" ? true : m.action == "restore" ? false : c->hidden;
        const std::optional<std::string> note =
            m.action == "edit" ? std::optional<std::string>("Edited by a moderator: " + m.note) : std::optional<std::string>(m.note);
        repo::set_moderation(s, comment_id, hidden, note, m.action == "edit" ? m.body : std::nullopt, p.user_id, t);
        if (hidden != c->hidden) idea_repository::add_to_counts(s, c->idea_id, 0, hidden ? -1 : 1, 0);
        if (m.action == "hide") repo::revoke(s, "comment_helpful", "comment", comment_id);
        moderation_repository::resolve_reports(s, "comment", comment_id, resolution_of(m.action), p.user_id, t);
        events::append(s, staff_event(p, "comment.moderated", "comment", comment_id, {{"action", m.action}, {"note", m.note}}), t);
        return CommentView{*repo::find_comment(s, comment_id), false, p.internal(), true};
    });
}

core::Result<IdeaView> CommentService::merge(const auth::Principal& p, int64_t duplicate, int64_t into) {
    if (duplicate == into) return fail(Error::unprocessable("into", "an idea cannot be merged into itself"));
    return db_.write([&](soci::session& s) -> core::Result<IdeaView> {
        auto dup = ideas_.visible(s, p, duplicate);
        if (!dup) return fail(dup.error());
        auto kept = ideas_.visible(s, p, into);
        if (!kept || kept->first.space_id != dup->first.space_id)
            return fail(Error::unprocessable("into", "names no idea of the same space"));
        if (auto ok = authorize(p, Action::kModerateIdeas, dup->second.target); !ok) return fail(ok.error());
        if (dup->first.merged_into) return fail(merged_conflict(dup->first));
        if (kept->first.merged_into) return fail(merged_conflict(kept->first));
        const auto t = core::format_time(clock_.now());
        moderation_repository::merge_ideas(s, duplicate, into);
        // Each stakeholder counts once, with their latest record across both ideas.
        int64_t score = 0;
        for (const auto& r : insight_repository::latest_interest(s, into)) score += interest_points(r.level);
        insight_repository::set_interest_score(s, into, score);
        auto& d = dup->first;
        d.merged_into = into;
        d.moderation_note = "Merged into idea " + std::to_string(into);
        if (!idea_repository::update_idea(s, d, t)) return fail(Error::conflict("the idea changed meanwhile; try again"));
        if (d.challenge_id && !d.hidden) challenge_repository::add_to_idea_count(s, *d.challenge_id, -1);
        moderation_repository::resolve_reports(s, "idea", duplicate, "merged", p.user_id, t);
        events::append(s, staff_event(p, "idea.merged", "idea", duplicate, {{"into", into}}), t);
        return ideas_.view(s, p, *idea_repository::find_idea(s, into), kept->second);
    });
}

core::Result<Points> CommentService::points(const auth::Principal& p) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    return db_.read([&](soci::session& s) -> core::Result<Points> {
        Points out;
        out.total = repo::points_of(s, p.user_id);
        out.counts = repo::award_counts(s, p.user_id);
        out.badges = badges(out.counts);
        return out;
    });
}

std::vector<std::string> CommentService::badges_of(int64_t user_id) {
    return db_.read([&](soci::session& s) { return badges(repo::award_counts(s, user_id)); });
}

}  // namespace cocreate::ideas
