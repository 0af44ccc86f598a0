#include "ideas/idea_service.hpp"

#include <algorithm>

#include "auth/people.hpp"
#include "auth/permissions.hpp"
#include "auth/space_repository.hpp"
#include "events/event_log.hpp"
#include "ideas/challenge_repository.hpp"
#include "ideas/comment_repository.hpp"
#include "ideas/idea_list.hpp"
#include "ideas/idea_rules.hpp"
#include "ideas/insight_service.hpp"
#include "ideas/similar_index.hpp"

namespace cocreate::ideas {

using auth::Action;
using auth::authorize;
using core::Error;
using core::fail;
namespace repo = idea_repository;
namespace points = comment_repository;

namespace {

constexpr int kSimilarLimit = 5;

// Ideas in a challenge for an internal audience are staff business; the rest is the space's.
events::NewEvent idea_event(const auth::Principal& p, std::string verb, const Idea& x,
                            const std::optional<Challenge>& challenge, boost::json::object payload) {
    const bool internal = challenge && challenge->audience == "internal";
    return {p.user_id,  std::move(verb), "idea", x.id, x.space_id,
            internal ? events::Visibility::kInternal : events::Visibility::kSpace, std::move(payload)};
}

bool is_author(const Idea& x, int64_t user_id) {
    return std::any_of(x.authors.begin(), x.authors.end(), [&](const Author& a) { return a.id == user_id; });
}

}  // namespace

Error merged_conflict(const Idea& x) {
    return Error::conflict("this idea was merged into idea " + std::to_string(x.merged_into.value_or(0)) +
                           "; continue there");
}

IdeaService::IdeaService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

core::Result<IdeaService::Access> IdeaService::access(soci::session& s, const auth::Principal& p, const Idea& x) const {
    Access a;
    if (x.challenge_id) a.challenge = challenge_repository::find_challenge(s, *x.challenge_id);
    a.target = challenge_target(s, p, x.space_id, a.challenge ? a.challenge->audience : "both");
    if (!authorize(p, Action::kViewIdeas, a.target)) return fail(Error::not_found("no such idea"));
    // Hidden ideas: only the space's moderators see them (with the note), their authors too
    // are told no more than that the idea is not there.
    if (x.hidden && !authorize(p, Action::kModerateIdeas, a.target))
        return fail(Error::not_found("no such idea"));
    return a;
}

core::Result<std::pair<Idea, IdeaAccess>> IdeaService::visible(soci::session& s, const auth::Principal& p,
                                                               int64_t id) const {
    auto x = repo::find_idea(s, id);
    if (!x) return fail(Error::not_found("no such idea"));
    auto a = access(s, p, *x);
    if (!a) return fail(a.error());
    return std::pair{std::move(*x), std::move(*a)};
}

std::string IdeaService::phase_of(const Challenge& c) const {
    return std::string(phase_on(c.phases, core::date_of(clock_.now())));
}

core::Status IdeaService::may_edit(const auth::Principal& p, const Idea& x, const IdeaAccess& a) const {
    if (x.merged_into) return fail(merged_conflict(x));
    if (authorize(p, Action::kModerateIdeas, a.target)) return {};
    if (!is_author(x, p.user_id)) return fail(Error::denied("only the idea's authors and the space's moderators change it"));
    if (a.challenge) return allowed_in_phase(phase_of(*a.challenge), Activity::kSubmit, "phase");
    return {};
}

IdeaView IdeaService::view(soci::session& s, const auth::Principal& p, Idea x, const Access& a) const {
    IdeaView v;
    if (a.challenge) v.phase = std::string(phase_on(a.challenge->phases, core::date_of(clock_.now())));
    v.my_vote = p.signed_in() && repo::has_voted(s, x.id, p.user_id);
    v.internal = p.internal();
    v.moderator = authorize(p, Action::kModerateIdeas, a.target).has_value();
    if (x.project_id)
        if (auto refs = repo::project_refs(s, {*x.project_id}); !refs.empty()) v.project = refs.front();
    if (!p.internal()) {
        // Links name other ideas: an external participant sees only those they may read.
        auto visible_to_them = [&](const IdeaRef& ref) {
            auto other = repo::find_idea(s, ref.id);
            return other && access(s, p, *other).has_value();
        };
        std::erase_if(x.builds_on, [&](const IdeaRef& r) { return !visible_to_them(r); });
        std::erase_if(x.built_on_by, [&](const IdeaRef& r) { return !visible_to_them(r); });
        // Why an idea was declined is for its authors (and staff).
        if (!is_author(x, p.user_id) && !v.moderator) x.decline_reason.reset();
        // The project an idea went into: only when its lead shared it with this space.
        if (v.project && !repo::project_shared_with(s, v.project->id, x.space_id)) v.project.reset();
    }
    v.attachments = attachment_repository::attachments_of(s, x.id);
    if (v.internal && authorize(p, Action::kUseIdeaInternals, a.target)) {
        const auto counts = repo::interest_counts(s, {x.id});
        v.interest_count = counts.empty() ? 0 : counts.front().second;
        v.internals = idea_internals(s, x, a.challenge);
    }
    v.idea = std::move(x);
    return v;
}

core::Result<IdeaView> IdeaService::create(const auth::Principal& p, const IdeaInput& in) {
    return db_.write([&](soci::session& s) -> core::Result<IdeaView> {
        Access a;
        Idea x;
        if (in.challenge_id) {
            a.challenge = challenge_repository::find_challenge(s, *in.challenge_id);
            if (!a.challenge) return fail(Error::unprocessable("challenge_id", "names no challenge"));
            if (in.space_id && *in.space_id != a.challenge->space_id)
                return fail(Error::unprocessable("space_id", "is not the challenge's space"));
            x.space_id = a.challenge->space_id;
        } else if (in.space_id) {
            x.space_id = *in.space_id;
            if (!auth::people::space_exists(s, x.space_id)) return fail(Error::unprocessable("space_id", "names no space"));
        } else {
            return fail(Error::unprocessable("space_id", "is required when the idea answers no challenge"));
        }
        a.target = challenge_target(s, p, x.space_id, a.challenge ? a.challenge->audience : "both");
        if (!authorize(p, Action::kViewIdeas, a.target))
            return fail(Error::unprocessable(in.challenge_id ? "challenge_id" : "space_id", "is not one of your spaces"));
        if (auto ok = authorize(p, Action::kContributeIdeas, a.target); !ok) return fail(ok.error());
        if (a.challenge)
            if (auto ok = allowed_in_phase(phase_on(a.challenge->phases, core::date_of(clock_.now())), Activity::kSubmit);
                !ok)
                return fail(ok.error());
        x.challenge_id = in.challenge_id;
        x.title = in.title.value_or("");
        x.description = in.description.value_or("");
        x.tags = in.tags.value_or(std::vector<std::string>{});
        x.authors = {{p.user_id, p.display_name, "author"}};
        const auto t = core::format_time(clock_.now());
        x.id = repo::insert_idea(s, x, p.user_id, t);
        repo::replace_authors(s, x.id, x.authors);
        if (x.challenge_id) challenge_repository::add_to_idea_count(s, *x.challenge_id, 1);
        for (const auto& award : awards_for_submission(x.id, x.authors)) points::award(s, award, x.challenge_id, t);
        const auto bases = in.builds_on.value_or(std::vector<int64_t>{});
        for (size_t i = 0; i < bases.size(); ++i) {
            auto base = repo::find_idea(s, bases[i]);
            if (!base || base->space_id != x.space_id || base->merged_into || !access(s, p, *base))
                return fail(Error::unprocessable("builds_on[" + std::to_string(i) + "]", "names no idea of this space"));
            repo::add_link(s, x.id, base->id, p.user_id, t);
            for (const auto& award : awards_for_building_on(base->id, base->authors, x.authors))
                points::award(s, award, base->challenge_id, t);
        }
        events::append(s, idea_event(p, "idea.created", x, a.challenge, {{"title", x.title}}), t);
        return view(s, p, *repo::find_idea(s, x.id), a);
    });
}

core::Result<IdeaView> IdeaService::get(const auth::Principal& p, int64_t id) {
    return db_.read([&](soci::session& s) -> core::Result<IdeaView> {
        auto x = repo::find_idea(s, id);
        if (!x) return fail(Error::not_found("no such idea"));
        auto a = access(s, p, *x);
        if (!a) return fail(a.error());
        return view(s, p, std::move(*x), *a);
    });
}

bool IdeaService::scope_list(soci::session& s, const auth::Principal& p, idea_repository::IdeaFilter& f,
                             std::optional<int64_t>& space) const {
    std::optional<challenge_repository::ChallengeScope> challenge;
    std::optional<auth::Target> target;
    if (f.challenge_id) {
        challenge = challenge_repository::find_challenge_scope(s, *f.challenge_id);
        // An unseen challenge filters everything out, as an unseen space does.
        if (!challenge) return false;
        target = challenge_target(s, p, challenge->space_id, challenge->audience);
        if (!authorize(p, Action::kViewIdeas, *target)) return false;
    }
    if (!p.internal()) f.member_of = p.user_id;
    // Moderators see hidden ideas of the space they moderate.
    space = f.space_id ? f.space_id : challenge ? std::optional<int64_t>(challenge->space_id) : std::nullopt;
    if (space && !target) target = challenge_target(s, p, *space, "both");
    f.include_hidden = space && authorize(p, Action::kModerateIdeas, *target);
    return true;
}

http::Page<IdeaView> IdeaService::list_page(soci::session& s, const auth::Principal& p,
                                            const idea_repository::IdeaFilter& f) const {
    auto rows = repo::list_ideas(s, f);
    http::Page<IdeaView> page;
    if (static_cast<int>(rows.size()) > f.limit) {
        rows.resize(static_cast<size_t>(f.limit));
        page.next_cursor = http::key_cursor_for(repo::sort_key(rows.back(), f.sort), rows.back().id);
    }
    std::vector<int64_t> ids, project_ids;
    for (const auto& x : rows) {
        ids.push_back(x.id);
        if (x.project_id) project_ids.push_back(*x.project_id);
    }
    const auto projects = repo::project_refs(s, project_ids);
    const auto counts = p.internal() ? repo::interest_counts(s, ids) : std::vector<std::pair<int64_t, int64_t>>{};
    for (auto& x : rows) {
        if (!p.internal() && x.project_id && !repo::project_shared_with(s, *x.project_id, x.space_id))
            x.project_id.reset();
        IdeaView v;
        v.internal = p.internal();
        v.moderator = f.include_hidden;
        for (const auto& ref : projects)
            if (x.project_id && ref.id == *x.project_id) v.project = ref;
        for (const auto& [idea, n] : counts)
            if (idea == x.id) v.interest_count = n;
        v.idea = std::move(x);
        page.items.push_back(std::move(v));
    }
    return page;
}

core::Result<std::string> IdeaService::list_json(const auth::Principal& p, idea_repository::IdeaFilter f) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    return db_.read([&](soci::session& s) -> core::Result<std::string> {
        std::optional<int64_t> space;
        if (!scope_list(s, p, f, space)) return render_idea_list({}).render({});
        // A challenge's list, unfiltered, is the same for every caller of a kind but for their
        // own votes: the page is rendered once per list version of the space (exact on every
        // node), and at most kListCacheMaxAge, for what the version does not cover (people's
        // names, project titles and sharing, kept by other modules).
        std::shared_ptr<const RenderedIdeaList> page;
        if (f.challenge_id && space && !f.status && !f.tag && !f.q) {
            const IdeaListKey key{*f.challenge_id, f.space_id, f.sort, f.after_key, f.after_id, f.limit, p.internal(), f.include_hidden};
            page = list_cache_->get(key, repo::list_version(s, *space), [&] { return render_idea_list(list_page(s, p, f)); });
        } else {
            page = std::make_shared<const RenderedIdeaList>(render_idea_list(list_page(s, p, f)));
        }
        // A challenge's: the caller's few votes in it, whatever the page.
        return page->render(f.challenge_id ? repo::voted_in_challenge(s, *f.challenge_id, p.user_id)
                                           : repo::voted_among(s, page->ids, p.user_id));
    });
}

core::Result<IdeaView> IdeaService::update(const auth::Principal& p, int64_t id, const IdeaInput& in) {
    return db_.write([&](soci::session& s) -> core::Result<IdeaView> {
        auto x = repo::find_idea(s, id);
        if (!x) return fail(Error::not_found("no such idea"));
        auto a = access(s, p, *x);
        if (!a) return fail(a.error());
        if (auto ok = may_edit(p, *x, *a); !ok) return fail(ok.error());
        if (x->version != in.version) return fail(Error::conflict("the idea changed since you read it; reload and try again"));
        boost::json::array changed;
        if (in.title) { x->title = *in.title; changed.emplace_back("title"); }
        if (in.description) { x->description = *in.description; changed.emplace_back("description"); }
        if (in.tags) { x->tags = *in.tags; changed.emplace_back("tags"); }
        const auto t = core::format_time(clock_.now());
        if (!repo::update_idea(s, *x, t)) return fail(Error::conflict("the idea changed since you read it; reload and try again"));
        events::append(s, idea_event(p, "idea.updated", *x, a->challenge, {{"fields", std::move(changed)}}), t);
        return view(s, p, *repo::find_idea(s, id), *a);
    });
}

core::Result<IdeaView> IdeaService::set_status(const auth::Principal& p, int64_t id, const std::string& status,
                                               const std::optional<std::string>& reason) {
    if (status == "in_project")
        return fail(Error::unprocessable("status", "an idea goes into a project only by promotion"));
    if (status != "declined" && reason)
        return fail(Error::unprocessable("reason", "goes with declined only: it is shown to the authors"));
    if (status == "declined" && (!reason || reason->empty()))
        return fail(Error::unprocessable("reason", "is required to decline an idea: the authors are told why"));
    return db_.write([&](soci::session& s) -> core::Result<IdeaView> {
        auto x = repo::find_idea(s, id);
        if (!x) return fail(Error::not_found("no such idea"));
        auto a = access(s, p, *x);
        if (!a) return fail(a.error());
        if (auto ok = authorize(p, Action::kModerateIdeas, a->target); !ok) return fail(ok.error());
        if (x->merged_into) return fail(merged_conflict(*x));
        if (x->status == "in_project") return fail(Error::failed_precondition("status", "the idea is in a project already"));
        const auto t = core::format_time(clock_.now());
        const bool selected_now = status == "selected" && x->status != "selected";
        const bool unselected = x->status == "selected" && status != "selected";
        x->status = status;
        x->decline_reason = status == "declined" ? reason : std::nullopt;
        if (!repo::update_idea(s, *x, t)) return fail(Error::conflict("the idea changed meanwhile; try again"));
        if (selected_now)
            for (const auto& award : awards_for_selection(x->id, x->authors)) points::award(s, award, x->challenge_id, t);
        if (unselected) points::revoke(s, "idea_selected", "idea", x->id);
        boost::json::object payload{{"status", status}};
        if (status == "declined") payload["reason"] = *reason;
        events::append(s, idea_event(p, "idea.status_changed", *x, a->challenge, std::move(payload)), t);
        return view(s, p, *repo::find_idea(s, id), *a);
    });
}

core::Result<IdeaView> IdeaService::change_vote(const auth::Principal& p, int64_t id, bool add) {
    return db_.write([&](soci::session& s) -> core::Result<IdeaView> {
        auto x = repo::find_idea(s, id);
        if (!x) return fail(Error::not_found("no such idea"));
        auto a = access(s, p, *x);
        if (!a) return fail(a.error());
        if (auto ok = authorize(p, Action::kContributeIdeas, a->target); !ok) return fail(ok.error());
        if (x->merged_into) return fail(merged_conflict(*x));
        if (a->challenge)
            if (auto ok = allowed_in_phase(phase_on(a->challenge->phases, core::date_of(clock_.now())), Activity::kVote);
                !ok)
                return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        if (add) {
            if (is_author(*x, p.user_id)) return fail(Error::failed_precondition("vote", "you cannot vote for your own idea"));
            if (repo::has_voted(s, id, p.user_id)) return view(s, p, std::move(*x), *a);  // already there: same end state
            if (a->challenge)
                if (auto ok = check_vote_budget(repo::votes_used(s, p.user_id, a->challenge->id), a->challenge->votes_per_person);
                    !ok)
                    return fail(ok.error());
            repo::add_vote(s, id, p.user_id, x->challenge_id, t);
            repo::add_to_counts(s, id, 1, 0, 0);
        } else if (repo::remove_vote(s, id, p.user_id)) {
            repo::add_to_counts(s, id, -1, 0, 0);
        }
        // Votes are counted, not published: no event carries who voted for what to the space.
        events::append(s, {p.user_id, add ? "idea.voted" : "idea.unvoted", "idea", id, std::nullopt,
                           events::Visibility::kInternal, {}},
                       t);
        return view(s, p, *repo::find_idea(s, id), *a);
    });
}

core::Result<IdeaView> IdeaService::vote(const auth::Principal& p, int64_t id) { return change_vote(p, id, true); }
core::Result<IdeaView> IdeaService::unvote(const auth::Principal& p, int64_t id) { return change_vote(p, id, false); }

core::Result<IdeaView> IdeaService::build_on(const auth::Principal& p, int64_t id, int64_t base_id) {
    return db_.write([&](soci::session& s) -> core::Result<IdeaView> {
        auto x = repo::find_idea(s, id);
        if (!x) return fail(Error::not_found("no such idea"));
        auto a = access(s, p, *x);
        if (!a) return fail(a.error());
        if (!is_author(*x, p.user_id))
            if (auto ok = authorize(p, Action::kModerateIdeas, a->target); !ok)
                return fail(Error::denied("only the idea's authors and the space's moderators link what it builds on"));
        if (x->merged_into) return fail(merged_conflict(*x));
        if (a->challenge)
            if (auto ok = allowed_in_phase(phase_on(a->challenge->phases, core::date_of(clock_.now())), Activity::kBuildOn);
                !ok)
                return fail(ok.error());
        if (base_id == x->id) return fail(Error::unprocessable("other", "an idea cannot build on itself"));
        auto base = repo::find_idea(s, base_id);
        if (!base || !access(s, p, *base)) return fail(Error::not_found("no such idea to build on"));
        if (base->space_id != x->space_id)
            return fail(Error::unprocessable("other", "is an idea of another space; build on ideas of this one"));
        if (base->merged_into)
            return fail(Error::unprocessable("other", "was merged into idea " + std::to_string(*base->merged_into) +
                                                          "; build on that one"));
        const auto t = core::format_time(clock_.now());
        if (repo::add_link(s, id, base_id, p.user_id, t)) {
            for (const auto& award : awards_for_building_on(base->id, base->authors, x->authors))
                points::award(s, award, base->challenge_id, t);
            events::append(s, idea_event(p, "idea.built_on", *x, a->challenge, {{"builds_on", base_id}}), t);
        }
        return view(s, p, *repo::find_idea(s, id), *a);
    });
}

core::Result<IdeaView> IdeaService::unlink(const auth::Principal& p, int64_t id, int64_t base_id) {
    return db_.write([&](soci::session& s) -> core::Result<IdeaView> {
        auto x = repo::find_idea(s, id);
        if (!x) return fail(Error::not_found("no such idea"));
        auto a = access(s, p, *x);
        if (!a) return fail(a.error());
        if (!is_author(*x, p.user_id))
            if (auto ok = authorize(p, Action::kModerateIdeas, a->target); !ok)
                return fail(Error::denied("only the idea's authors and the space's moderators link what it builds on"));
        if (x->merged_into) return fail(merged_conflict(*x));
        if (a->challenge)
            if (auto ok = allowed_in_phase(phase_of(*a->challenge), Activity::kBuildOn); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        if (repo::remove_link(s, id, base_id)) {
            // The points for being built upon go with the link.
            if (auto base = repo::find_idea(s, base_id))
                for (const auto& award : awards_for_building_on(base->id, base->authors, x->authors))
                    points::revoke_for(s, award);
            events::append(s, idea_event(p, "idea.unlinked", *x, a->challenge, {{"builds_on", base_id}}), t);
        }
        return view(s, p, *repo::find_idea(s, id), *a);
    });
}

core::Result<IdeaView> IdeaService::add_co_author(const auth::Principal& p, int64_t id, int64_t user_id) {
    return db_.write([&](soci::session& s) -> core::Result<IdeaView> {
        auto x = repo::find_idea(s, id);
        if (!x) return fail(Error::not_found("no such idea"));
        auto a = access(s, p, *x);
        if (!a) return fail(a.error());
        if (!is_author(*x, p.user_id)) return fail(Error::denied("only the idea's authors add co-authors"));
        if (x->merged_into) return fail(merged_conflict(*x));
        if (a->challenge)
            if (auto ok = allowed_in_phase(phase_of(*a->challenge), Activity::kSubmit, "phase"); !ok) return fail(ok.error());
        if (is_author(*x, user_id)) return fail(Error::exists("user_id", "is an author of this idea already"));
        // A co-author must be able to see the idea: staff, or a member of the space.
        auth::Principal them;
        them.user_id = user_id;
        std::string name, role;
        const long long uid = user_id;
        s << "SELECT display_name, role FROM users WHERE id = :id AND disabled = 0", soci::use(uid), soci::into(name),
            soci::into(role);
        if (name.empty()) return fail(Error::unprocessable("user_id", "is not an active user"));
        if (role == "external") {
            them.role = auth::Role::kExternal;
            if (!authorize(them, Action::kContributeIdeas,
                           challenge_target(s, them, x->space_id, a->challenge ? a->challenge->audience : "both")))
                return fail(Error::unprocessable("user_id", "is not a member of the idea's space"));
        }
        x->authors.push_back({user_id, name, "co_author"});
        repo::replace_authors(s, id, x->authors);
        const auto t = core::format_time(clock_.now());
        points::award(s, {user_id, "idea_submitted", kPointsIdeaSubmitted, "idea", id, 0}, x->challenge_id, t);
        events::append(s, idea_event(p, "idea.co_author_added", *x, a->challenge, {{"user_id", user_id}}), t);
        return view(s, p, *repo::find_idea(s, id), *a);
    });
}

core::Result<std::vector<idea_repository::Similar>> IdeaService::similar(const auth::Principal& p, int64_t space_id,
                                                                         std::optional<int64_t> challenge_id,
                                                                         const std::string& text) {
    return db_.read([&](soci::session& s) -> core::Result<std::vector<idea_repository::Similar>> {
        // Suggestions come from what the caller may read; an unseen space or challenge simply
        // has nothing to suggest (the answer tells nothing about whether it exists).
        std::string audience = "both";
        if (challenge_id) {
            auto c = challenge_repository::find_challenge(s, *challenge_id);
            if (!c || c->space_id != space_id) return std::vector<idea_repository::Similar>{};
            audience = c->audience;
        }
        if (!authorize(p, Action::kViewIdeas, challenge_target(s, p, space_id, audience)))
            return std::vector<idea_repository::Similar>{};
        // The scope's index, rebuilt when the space's ideas changed since it was built.
        const auto version = repo::text_version(s, space_id);
        const auto index = similar_cache_->get({space_id, challenge_id}, version, [&] {
            SimilarIndex built;
            for (auto& x : repo::searchable_ideas(s, space_id, challenge_id))
                built.add({x.id, x.challenge_id, x.title, snippet_of(x.description)}, x.title, x.description);
            return built;
        });
        // External participants: never an idea of a challenge for internal staff only.
        std::vector<int64_t> internal;
        if (!p.internal() && !challenge_id) internal = repo::internal_challenges(s, space_id);
        auto allowed = [&](const SimilarDoc& d) {
            return !d.challenge_id || std::find(internal.begin(), internal.end(), *d.challenge_id) == internal.end();
        };
        std::vector<idea_repository::Similar> out;
        for (const auto& hit : index->search(read_typed(text), kSimilarLimit, allowed))
            // BM25 is unbounded above: x / (1 + x) keeps the order and gives a score in (0, 1].
            out.push_back({hit.doc->id, hit.doc->title, hit.doc->snippet, std::max(hit.score / (1.0 + hit.score), 1e-6)});
        return out;
    });
}

}  // namespace cocreate::ideas
