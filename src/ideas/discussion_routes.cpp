// Routes: comments and helpful marks, reports, moderation, merging duplicates, points.
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

Response handle_comments(RequestContext& ctx, CommentService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    http::QueryReader q(ctx.request, {});
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page_text(ctx, svc.list(ctx.principal, id, page.after, page.limit),
                                   [](core::JsonWriter& w, const CommentView& v) { write_comment(w, v); });
}

Response handle_comment(RequestContext& ctx, CommentService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_comment(r);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.create(ctx.principal, id, in), comment_text, 201);
    });
}

Response handle_helpful(RequestContext& ctx, CommentService& svc, bool helpful) {
    COCREATE_ID_PARAM(id, "id", "comment");
    return http::respond_text(ctx, svc.mark_helpful(ctx.principal, id, helpful), comment_text);
}

Response handle_report(RequestContext& ctx, CommentService& svc) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto type = r.required_enum("object_type", kReportTypes);
        const auto object = r.required_int("object_id", 1, INT64_MAX);
        const auto reason = r.required_string("reason", kReasonRule);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(
            ctx, svc.report(ctx.principal, type, object, reason),
            [](const Report& x) {
                std::string out;
                core::JsonWriter w(out);
                write_report(w, x);
                return out;
            },
            201);
    });
}

Response handle_reports(RequestContext& ctx, CommentService& svc) {
    http::QueryReader q(ctx.request, {"status"});
    // The queue: what is still open, unless asked otherwise.
    const auto status = q.enumeration("status", std::array<std::string_view, 2>{"open", "resolved"}).value_or("open");
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page_text(ctx, svc.reports(ctx.principal, status, page.after, page.limit),
                                   [](core::JsonWriter& w, const Report& x) { write_report(w, x); });
}

Response handle_moderate_idea(RequestContext& ctx, CommentService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto m = read_moderation(r, true);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.moderate_idea(ctx.principal, id, m), idea_text);
    });
}

Response handle_moderate_comment(RequestContext& ctx, CommentService& svc) {
    COCREATE_ID_PARAM(id, "id", "comment");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto m = read_moderation(r, false);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.moderate_comment(ctx.principal, id, m), comment_text);
    });
}

Response handle_merge(RequestContext& ctx, CommentService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto into = r.required_int("into", 1, INT64_MAX);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.merge(ctx.principal, id, into), idea_text);
    });
}

Response handle_points(RequestContext& ctx, CommentService& svc) {
    http::QueryReader q(ctx.request, {});
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_text(ctx, svc.points(ctx.principal), points_text);
}

}  // namespace

void register_discussion_routes(http::Router& router, Services s) {
    auto* svc = &s.discussion;
    router.add("GET", "/api/v1/ideas/{id}/comments", [svc](RequestContext& c) { return handle_comments(c, *svc); });
    router.add("POST", "/api/v1/ideas/{id}/comments", [svc](RequestContext& c) { return handle_comment(c, *svc); });
    router.add("POST", "/api/v1/comments/{id}/helpful", [svc](RequestContext& c) { return handle_helpful(c, *svc, true); });
    router.add("DELETE", "/api/v1/comments/{id}/helpful", [svc](RequestContext& c) { return handle_helpful(c, *svc, false); });
    router.add("POST", "/api/v1/reports", [svc](RequestContext& c) { return handle_report(c, *svc); });
    router.add("GET", "/api/v1/reports", [svc](RequestContext& c) { return handle_reports(c, *svc); });
    router.add("POST", "/api/v1/ideas/{id}/moderation", [svc](RequestContext& c) { return handle_moderate_idea(c, *svc); });
    router.add("POST", "/api/v1/comments/{id}/moderation",
               [svc](RequestContext& c) { return handle_moderate_comment(c, *svc); });
    router.add("POST", "/api/v1/ideas/{id}/merge", [svc](RequestContext& c) { return handle_merge(c, *svc); });
    router.add("GET", "/api/v1/me/points", [svc](RequestContext& c) { return handle_points(c, *svc); });
}

}  // namespace cocreate::ideas
