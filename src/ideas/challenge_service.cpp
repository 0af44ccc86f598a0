#include "ideas/challenge_service.hpp"

#include "auth/people.hpp"
#include "auth/permissions.hpp"
#include "auth/space_repository.hpp"
#include "events/event_log.hpp"
#include "ideas/idea_repository.hpp"
#include "ideas/idea_rules.hpp"
#include "projects/project_rules.hpp"

namespace cocreate::ideas {

using auth::Action;
using auth::authorize;
using core::Error;
using core::fail;
namespace repo = challenge_repository;

namespace {

constexpr int kLeaderboardSize = 20;

events::NewEvent challenge_event(const auth::Principal& p, std::string verb, const Challenge& c,
                                 boost::json::object payload) {
    // Members of the space see that a challenge was created or changed, unless its audience
    // is internal: then only staff do.
    const auto visibility = c.audience == "internal" ? events::Visibility::kInternal : events::Visibility::kSpace;
    return {p.user_id, std::move(verb), "challenge", c.id, c.space_id, visibility, std::move(payload)};
}

}  // namespace

auth::Target challenge_target(soci::session& s, const auth::Principal& p, int64_t space_id,
                              const std::string& audience) {
    auth::Target t;
    if (p.signed_in()) t.space_role = auth::space_repository::member_role(s, space_id, p.user_id);
    if (!p.internal() && audience == "internal") t.space_role.reset();
    return t;
}

ChallengeService::ChallengeService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

ChallengeView ChallengeService::view(soci::session& s, const auth::Principal& p, Challenge c) const {
    ChallengeView v;
    v.phase = phase_of(c);
    v.my_votes_used = p.signed_in() ? idea_repository::votes_used(s, p.user_id, c.id) : 0;
    v.internal = p.internal();
    v.challenge = std::move(c);
    return v;
}

std::string ChallengeService::phase_of(const Challenge& c) const {
    return std::string(phase_on(c.phases, core::date_of(clock_.now())));
}

core::Result<ChallengeView> ChallengeService::create(const auth::Principal& p, const ChallengeInput& in) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    // Managing challenges is staff work: an external participant is not told which spaces exist.
    if (!p.internal()) return fail(Error::not_found("no such space"));
    Challenge c;
    c.space_id = in.space_id.value_or(0);
    c.title = in.title.value_or("");
    c.problem = in.problem.value_or("");
    c.audience = in.audience.value_or("both");
    c.goals = in.goals.value_or(std::vector<std::string>{});
    c.phases = in.phases.value_or(PhaseDates{});
    c.votes_per_person = in.votes_per_person.value_or(5);
    c.leaderboard = in.leaderboard.value_or(true);
    c.criteria = in.criteria.value_or(std::vector<Criterion>{});
    if (in.fit) c.fit = *in.fit;
    if (c.fit)
        if (auto ok = projects::validate_fit_answers(*c.fit); !ok) return fail(ok.error());
    if (auto ok = validate_phase_dates(c.phases); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<ChallengeView> {
        if (!auth::people::space_exists(s, c.space_id)) {
            if (!p.internal()) return fail(Error::not_found("no such space"));
            return fail(Error::unprocessable("space_id", "names no space"));
        }
        if (auto ok = authorize(p, Action::kManageChallenge, challenge_target(s, p, c.space_id, "both")); !ok)
            return fail(ok.error());
        if (in.sponsor_id && *in.sponsor_id) {
            auto name = auth::people::internal_user_name(s, **in.sponsor_id);
            if (!name) return fail(Error::unprocessable("sponsor_id", "is not an active internal user"));
            c.sponsor = UserRef{**in.sponsor_id, *name};
        }
        const auto t = core::format_time(clock_.now());
        c.id = repo::insert_challenge(s, c, p.user_id, t);
        repo::insert_protocol(s, c.id, {1, in.protocol.value_or(""), "", t, std::nullopt}, p.user_id);
        events::append(s, challenge_event(p, "challenge.created", c, {{"title", c.title}}), t);
        return view(s, p, *repo::find_challenge(s, c.id));
    });
}

core::Result<ChallengeView> ChallengeService::get(const auth::Principal& p, int64_t id) {
    return db_.read([&](soci::session& s) -> core::Result<ChallengeView> {
        auto c = repo::find_challenge(s, id);
        if (!c) return fail(Error::not_found("no such challenge"));
        if (auto ok = authorize(p, Action::kViewIdeas, challenge_target(s, p, c->space_id, c->audience)); !ok)
            return fail(Error::not_found("no such challenge"));
        return view(s, p, std::move(*c));
    });
}

core::Result<http::Page<ChallengeView>> ChallengeService::list(const auth::Principal& p,
                                                               const challenge_repository::ChallengeFilter& filter) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    auto f = filter;
    if (!p.internal()) f.member_of = p.user_id;
    if (f.phase) f.today = core::format_date(core::date_of(clock_.now()));
    return db_.read([&](soci::session& s) -> core::Result<http::Page<ChallengeView>> {
        auto page = http::make_page(repo::list_challenges(s, f), f.limit, [](const Challenge& c) { return c.id; });
        http::Page<ChallengeView> out;
        out.next_after = page.next_after;
        for (auto& c : page.items) out.items.push_back(view(s, p, std::move(c)));
        return out;
    });
}

core::Result<ChallengeView> ChallengeService::update(const auth::Principal& p, int64_t id, const ChallengeInput& in) {
    return db_.write([&](soci::session& s) -> core::Result<ChallengeView> {
        auto c = repo::find_challenge(s, id);
        if (!c) return fail(Error::not_found("no such challenge"));
        const auto target = challenge_target(s, p, c->space_id, c->audience);
        if (auto ok = authorize(p, Action::kViewIdeas, target); !ok) return fail(Error::not_found("no such challenge"));
        if (auto ok = authorize(p, Action::kManageChallenge, target); !ok) return fail(ok.error());
        if (c->version != in.version) return fail(Error::conflict("the challenge changed since you read it; reload and try again"));
        boost::json::array changed;
        if (in.title) { c->title = *in.title; changed.emplace_back("title"); }
        if (in.problem) { c->problem = *in.problem; changed.emplace_back("problem"); }
        if (in.audience) { c->audience = *in.audience; changed.emplace_back("audience"); }
        if (in.goals) { c->goals = *in.goals; changed.emplace_back("goals"); }
        if (in.phases) { c->phases = *in.phases; changed.emplace_back("phases"); }
        if (in.votes_per_person) { c->votes_per_person = *in.votes_per_person; changed.emplace_back("votes_per_person"); }
        if (in.leaderboard) { c->leaderboard = *in.leaderboard; changed.emplace_back("leaderboard"); }
        if (in.criteria) { c->criteria = *in.criteria; changed.emplace_back("criteria"); }
        if (in.fit) {
            if (*in.fit)
                if (auto ok = projects::validate_fit_answers(**in.fit); !ok) return fail(ok.error());
            c->fit = *in.fit;
            changed.emplace_back("fit");
        }
        if (in.sponsor_id) {
            c->sponsor.reset();
            if (*in.sponsor_id) {
                auto name = auth::people::internal_user_name(s, **in.sponsor_id);
                if (!name) return fail(Error::unprocessable("sponsor_id", "is not an active internal user"));
                c->sponsor = UserRef{**in.sponsor_id, *name};
            }
            changed.emplace_back("sponsor_id");
        }
        if (auto ok = validate_phase_dates(c->phases); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        if (!repo::update_challenge(s, *c, t))
            return fail(Error::conflict("the challenge changed since you read it; reload and try again"));
        events::append(s, challenge_event(p, "challenge.updated", *c, {{"fields", std::move(changed)}}), t);
        return view(s, p, *repo::find_challenge(s, id));
    });
}

core::Result<http::Page<ProtocolVersion>> ChallengeService::protocol(const auth::Principal& p, int64_t id,
                                                                     std::optional<int64_t> after, int limit) {
    return db_.read([&](soci::session& s) -> core::Result<http::Page<ProtocolVersion>> {
        auto c = repo::find_challenge(s, id);
        if (!c || !authorize(p, Action::kViewIdeas, challenge_target(s, p, c->space_id, c->audience)))
            return fail(Error::not_found("no such challenge"));
        return http::make_page(repo::protocol_versions(s, id, after, limit), limit,
                               [](const ProtocolVersion& v) { return v.version; });
    });
}

core::Result<ProtocolVersion> ChallengeService::amend_protocol(const auth::Principal& p, int64_t id,
                                                               const std::string& text, const std::string& note) {
    return db_.write([&](soci::session& s) -> core::Result<ProtocolVersion> {
        auto c = repo::find_challenge(s, id);
        if (!c) return fail(Error::not_found("no such challenge"));
        const auto target = challenge_target(s, p, c->space_id, c->audience);
        if (auto ok = authorize(p, Action::kViewIdeas, target); !ok) return fail(Error::not_found("no such challenge"));
        if (auto ok = authorize(p, Action::kManageChallenge, target); !ok) return fail(ok.error());
        if (phase_of(*c) == "closed")
            return fail(Error::failed_precondition("phase", "the challenge is closed; its protocol stays as it was"));
        const auto t = core::format_time(clock_.now());
        ProtocolVersion v{c->protocol.version + 1, text, note, t, UserRef{p.user_id, p.display_name}};
        repo::insert_protocol(s, id, v, p.user_id);
        c->protocol = v;
        if (!repo::update_challenge(s, *c, t)) return fail(Error::conflict("the challenge changed meanwhile; try again"));
        events::append(s, challenge_event(p, "challenge.protocol_amended", *c, {{"version", v.version}, {"note", note}}), t);
        return v;
    });
}

core::Result<std::vector<comment_repository::LeaderRow>> ChallengeService::leaderboard(const auth::Principal& p,
                                                                                       int64_t id) {
    return db_.read([&](soci::session& s) -> core::Result<std::vector<comment_repository::LeaderRow>> {
        auto c = repo::find_challenge(s, id);
        if (!c) return fail(Error::not_found("no such challenge"));
        const auto target = challenge_target(s, p, c->space_id, c->audience);
        if (!authorize(p, Action::kViewIdeas, target)) return fail(Error::not_found("no such challenge"));
        if (!c->leaderboard && !authorize(p, Action::kModerateIdeas, target))
            return fail(Error::not_found("this challenge has no leaderboard"));
        return comment_repository::leaderboard(s, id, kLeaderboardSize);
    });
}

}  // namespace cocreate::ideas
