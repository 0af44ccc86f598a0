// Routes: challenges, their protocol and leaderboard.
#include "auth/route_support.hpp"
#include "http/page.hpp"
#include "ideas/idea_input.hpp"
#include "ideas/ideas_json.hpp"
#include "ideas/routes.hpp"

namespace cocreate::ideas {

using auth::with_body;
using http::RequestContext;
using http::Response;

namespace {

std::string challenge_text(const ChallengeView& v) {
    std::string out;
    core::JsonWriter w(out);
    write_challenge(w, v.challenge, v.phase, v.my_votes_used, v.internal);
    return out;
}

Response handle_list(RequestContext& ctx, ChallengeService& svc) {
    http::QueryReader q(ctx.request, {"space_id", "phase", "q"});
    challenge_repository::ChallengeFilter f;
    f.space_id = q.id("space_id");
    f.phase = q.enumeration("phase", kPhases);
    f.q = q.string("q");
    const auto page = q.page();
    f.after = page.after;
    f.limit = page.limit;
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page_text(ctx, svc.list(ctx.principal, f), [](core::JsonWriter& w, const ChallengeView& v) {
        write_challenge(w, v.challenge, v.phase, v.my_votes_used, v.internal);
    });
}

Response handle_create(RequestContext& ctx, ChallengeService& svc) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_challenge(r, true);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.create(ctx.principal, in), challenge_text, 201);
    });
}

Response handle_get(RequestContext& ctx, ChallengeService& svc) {
    COCREATE_ID_PARAM(id, "id", "challenge");
    return http::respond_text(ctx, svc.get(ctx.principal, id), challenge_text);
}

Response handle_update(RequestContext& ctx, ChallengeService& svc) {
    COCREATE_ID_PARAM(id, "id", "challenge");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_challenge(r, false);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.update(ctx.principal, id, in), challenge_text);
    });
}

Response handle_protocol(RequestContext& ctx, ChallengeService& svc) {
    COCREATE_ID_PARAM(id, "id", "challenge");
    http::QueryReader q(ctx.request, {});
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page_text(ctx, svc.protocol(ctx.principal, id, page.after, page.limit),
                                   [](core::JsonWriter& w, const ProtocolVersion& v) { write_protocol_version(w, v); });
}

Response handle_amend(RequestContext& ctx, ChallengeService& svc) {
    COCREATE_ID_PARAM(id, "id", "challenge");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto text = r.required_string("text", kMarkdownRule);
        const auto note = r.required_string("note", kShortNoteRule);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(
            ctx, svc.amend_protocol(ctx.principal, id, text, note),
            [](const ProtocolVersion& v) {
                std::string out;
                core::JsonWriter w(out);
                write_protocol_version(w, v);
                return out;
            },
            201);
    });
}

Response handle_leaderboard(RequestContext& ctx, ChallengeService& svc, CommentService& discussion) {
    COCREATE_ID_PARAM(id, "id", "challenge");
    auto challenge = svc.get(ctx.principal, id);
    if (!challenge) return http::problem(challenge.error(), ctx.request_id);
    auto rows = svc.leaderboard(ctx.principal, id);
    if (!rows) return http::problem(rows.error(), ctx.request_id);
    std::vector<std::vector<std::string>> badges;
    for (const auto& row : *rows) badges.push_back(discussion.badges_of(row.user_id));
    return http::json_text_response(leaderboard_text(id, challenge->challenge.leaderboard, *rows, badges));
}

}  // namespace

void register_challenge_routes(http::Router& router, Services s) {
    auto* svc = &s.challenges;
    auto* discussion = &s.discussion;
    router.add("GET", "/api/v1/challenges", [svc](RequestContext& c) { return handle_list(c, *svc); });
    router.add("POST", "/api/v1/challenges", [svc](RequestContext& c) { return handle_create(c, *svc); });
    router.add("GET", "/api/v1/challenges/{id}", [svc](RequestContext& c) { return handle_get(c, *svc); });
    router.add("PATCH", "/api/v1/challenges/{id}", [svc](RequestContext& c) { return handle_update(c, *svc); });
    router.add("GET", "/api/v1/challenges/{id}/protocol", [svc](RequestContext& c) { return handle_protocol(c, *svc); });
    router.add("POST", "/api/v1/challenges/{id}/protocol", [svc](RequestContext& c) { return handle_amend(c, *svc); });
    router.add("GET", "/api/v1/challenges/{id}/leaderboard",
               [svc, discussion](RequestContext& c) { return handle_leaderboard(c, *svc, *discussion); });
}

}  // namespace cocreate::ideas
