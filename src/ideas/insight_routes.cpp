// Routes: what staff do with an idea (interest records, reviews, promotion into a project)
// and the files attached to ideas.
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

Response handle_interest_list(RequestContext& ctx, IdeaInsightService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    http::QueryReader q(ctx.request, {});
    const auto page = q.key_page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page_text(ctx, svc.interest(ctx.principal, id, page),
                                   [](core::JsonWriter& w, const InterestRecord& r) { write_interest_record(w, r); });
}

Response handle_interest(RequestContext& ctx, IdeaInsightService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto in = read_interest(r);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.record_interest(ctx.principal, id, in), interest_record_text, 201);
    });
}

Response handle_reviews(RequestContext& ctx, IdeaInsightService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    http::QueryReader q(ctx.request, {});
    const auto page = q.key_page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page_text(ctx, svc.reviews(ctx.principal, id, page),
                                   [](core::JsonWriter& w, const Review& r) { write_review(w, r); });
}

Response handle_review(RequestContext& ctx, IdeaInsightService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto in = read_review(r);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        auto out = svc.review(ctx.principal, id, in);
        if (!out) return http::problem(out.error(), ctx.request_id);
        // A first review is created (201); reviewing again replaces it (200).
        return http::json_text_response(review_text(out->review), out->replaced ? 200 : 201);
    });
}

Response handle_promote(RequestContext& ctx, IdeaInsightService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto in = read_promote(r);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        auto out = svc.promote(ctx.principal, id, in);
        if (!out) return http::problem(out.error(), ctx.request_id);
        std::string body;
        core::JsonWriter w(body);
        w.begin_object().field("id", out->project.id).field("title", out->project.title).end_object();
        return http::json_text_response(std::move(body), 201);
    });
}

// The media type without parameters, lower case ("image/png; x=y" → "image/png").
std::string media_type(std::string_view header) {
    auto base = header.substr(0, header.find(';'));
    while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
    std::string out(base);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// ?filename=: 1..200 characters, no path separators, no control characters.
core::Result<std::string> read_filename(const http::Request& req) {
    const auto name = req.query_param("filename");
    if (!name || name->empty()) return core::fail(core::Error::invalid("filename", "is required: the file's name"));
    size_t chars = 0;
    for (unsigned char c : *name) {
        if ((c & 0xC0) != 0x80) ++chars;
        if (c < 0x20 || c == 0x7F || c == '/' || c == '\\')
            return core::fail(core::Error::invalid("filename", "must not contain /, \\ or control characters"));
    }
    if (chars > kMaxAttachmentFilenameChars) return core::fail(core::Error::invalid("filename", "is longer than 200 characters"));
    return *name;
}

Response handle_upload(RequestContext& ctx, AttachmentService& svc) {
    COCREATE_ID_PARAM(id, "id", "idea");
    for (const auto& name : ctx.request.query_names())
        if (name != "filename")
            return http::problem(core::Error::invalid(name, "is not a parameter of this route"), ctx.request_id);
    auto filename = read_filename(ctx.request);
    if (!filename) return http::problem(filename.error(), ctx.request_id);
    Upload in{std::move(*filename), media_type(ctx.request.header("content-type")), ctx.request.body};
    return http::respond_text(ctx, svc.upload(ctx.principal, id, in), attachment_text, 201);
}

Response handle_download(RequestContext& ctx, AttachmentService& svc) {
    COCREATE_ID_PARAM(id, "id", "attachment");
    auto file = svc.download(ctx.principal, id);
    if (!file) return http::problem(file.error(), ctx.request_id);
    Response r;
    r.content_type = file->attachment.content_type;
    r.body = std::move(file->bytes);
    r.set_header("Content-Disposition", content_disposition(file->attachment.filename, file->attachment.content_type));
    // The file must never run as a page of this origin, nor be framed or embedded elsewhere.
    r.set_header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
    r.set_header("X-Content-Type-Options", "nosniff");
    r.set_header("Cross-Origin-Resource-Policy", "same-origin");
    r.set_header("Cache-Control", "private, max-age=3600");
    return r;
}

Response handle_remove(RequestContext& ctx, AttachmentService& svc) {
    COCREATE_ID_PARAM(id, "id", "attachment");
    if (auto ok = svc.remove(ctx.principal, id); !ok) return http::problem(ok.error(), ctx.request_id);
    Response r;
    r.status = 204;
    return r;
}

}  // namespace

void register_insight_routes(http::Router& router, Services s) {
    auto* insight = &s.insight;
    auto* files = &s.attachments;
    router.add("GET", "/api/v1/ideas/{id}/interest", [insight](RequestContext& c) { return handle_interest_list(c, *insight); });
    router.add("POST", "/api/v1/ideas/{id}/interest", [insight](RequestContext& c) { return handle_interest(c, *insight); });
    router.add("GET", "/api/v1/ideas/{id}/reviews", [insight](RequestContext& c) { return handle_reviews(c, *insight); });
    router.add("POST", "/api/v1/ideas/{id}/reviews", [insight](RequestContext& c) { return handle_review(c, *insight); });
    router.add("POST", "/api/v1/ideas/{id}/promote", [insight](RequestContext& c) { return handle_promote(c, *insight); });
    // A file is the body itself: up to 10 MB, of any declared type (the content decides).
    const http::RouteOptions upload{.body_limit = kMaxAttachmentBytes, .raw_body = true};
    router.add("POST", "/api/v1/ideas/{id}/attachments", [files](RequestContext& c) { return handle_upload(c, *files); },
               upload);
    router.add("GET", "/api/v1/attachments/{id}", [files](RequestContext& c) { return handle_download(c, *files); });
    router.add("DELETE", "/api/v1/attachments/{id}", [files](RequestContext& c) { return handle_remove(c, *files); });
}

}  // namespace cocreate::ideas
