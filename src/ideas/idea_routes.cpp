// Routes: ideas (list, submit, read, edit, status), votes, build-on links, co-authors and
// similar ideas while typing.
#include <algorithm>
#include <cctype>

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

Response handle_list(RequestContext& ctx, IdeaService& svc) {
    http::QueryReader q(ctx.request, {"space_id", "challenge_id", "status", "tag", "q", "sort"});
    idea_repository::IdeaFilter f;
    f.space_id = q.id("space_id");
    f.challenge_id = q.id("challenge_id");
    f.status = q.enumeration("status", kStatuses);
    f.tag = q.string("tag", 40);
    // Tags are stored lower-case; the filter matches whatever case it is given in.
    if (f.tag) std::transform(f.tag->begin(), f.tag->end(), f.tag->begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    f.q = q.string("q");
    f.sort = q.enumeration("sort", kSorts).value_or("-created");
    http::apply_key_page(q.key_page(), f);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    // Ordering by interest would reveal more than the none/some/strong aggregate externals see.
    if (!ctx.principal.internal() && f.sort == "-interest")
        return http::problem(core::Error::invalid("sort", "-interest is for internal users"), ctx.request_id);
    auto body = svc.list_json(ctx.principal, f);
    if (!body) return http::problem(body.error(), ctx.request_id);
    return http::json_text_response(std::move(*body));
}

Response handle_create(RequestContext& ctx, IdeaService& svc) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_idea(r, true);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.create(ctx.principal, in), idea_text, 201);
    });
}

Response handle_get(RequestContext& ctx, IdeaService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return http::respond_text(ctx, svc.get(ctx.principal, id), idea_text);
}

Response handle_update(RequestContext& ctx, IdeaService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_idea(r, false);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.update(ctx.principal, id, in), idea_text);
    });
}

Response handle_status(RequestContext& ctx, IdeaService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto status = r.required_enum("status", kStatuses);
        const auto reason = r.optional_string("reason", kReasonRule);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.set_status(ctx.principal, id, status, reason), idea_text);
    });
}

Response handle_vote(RequestContext& ctx, IdeaService& svc, bool add) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return http::respond_text(ctx, add ? svc.vote(ctx.principal, id) : svc.unvote(ctx.principal, id), idea_text);
}

Response handle_link(RequestContext& ctx, IdeaService& svc, bool add) {
    COCREATE_ID_PARAM(id, "id", "idea");
    COCREATE_ID_PARAM(other, "other", "idea");
    return http::respond_text(ctx, add ? svc.build_on(ctx.principal, id, other) : svc.unlink(ctx.principal, id, other),
                              idea_text);
}

Response handle_co_author(RequestContext& ctx, IdeaService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto user = r.required_int("user_id", 1, INT64_MAX);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.add_co_author(ctx.principal, id, user), idea_text);
    });
}

Response handle_similar(RequestContext& ctx, IdeaService& svc) {
    http::QueryReader q(ctx.request, {"space_id", "challenge_id", "text"});
    const auto space = q.id("space_id");
    const auto challenge = q.id("challenge_id");
    const auto text = q.string("text", 500);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    if (!space) return http::problem(core::Error::invalid("space_id", "is required"), ctx.request_id);
    if (!text || text->size() < 3) return http::problem(core::Error::invalid("text", "must be 3 to 500 characters"), ctx.request_id);
    auto found = svc.similar(ctx.principal, *space, challenge, *text);
    if (!found) return http::problem(found.error(), ctx.request_id);
    std::string out;
    core::JsonWriter w(out);
    w.begin_object().key("items").begin_array();
    for (const auto& x : *found) write_similar(w, x);
    w.end_array().end_object();
    return http::json_text_response(std::move(out));
}

}  // namespace

void register_idea_routes(http::Router& router, Services s) {
    auto* svc = &s.ideas;
    router.add("GET", "/api/v1/ideas", [svc](RequestContext& c) { return handle_list(c, *svc); });
    router.add("POST", "/api/v1/ideas", [svc](RequestContext& c) { return handle_create(c, *svc); });
    router.add("GET", "/api/v1/ideas/similar", [svc](RequestContext& c) { return handle_similar(c, *svc); });
    router.add("GET", "/api/v1/ideas/{id}", [svc](RequestContext& c) { return handle_get(c, *svc); });
    router.add("PATCH", "/api/v1/ideas/{id}", [svc](RequestContext& c) { return handle_update(c, *svc); });
    router.add("POST", "/api/v1/ideas/{id}/status", [svc](RequestContext& c) { return handle_status(c, *svc); });
    router.add("PUT", "/api/v1/ideas/{id}/vote", [svc](RequestContext& c) { return handle_vote(c, *svc, true); });
    router.add("DELETE", "/api/v1/ideas/{id}/vote", [svc](RequestContext& c) { return handle_vote(c, *svc, false); });
    router.add("POST", "/api/v1/ideas/{id}/builds-on/{other}", [svc](RequestContext& c) { return handle_link(c, *svc, true); });
    router.add("DELETE", "/api/v1/ideas/{id}/builds-on/{other}",
               [svc](RequestContext& c) { return handle_link(c, *svc, false); });
    router.add("POST", "/api/v1/ideas/{id}/co-authors", [svc](RequestContext& c) { return handle_co_author(c, *svc); });
}

}  // namespace cocreate::ideas
