// Routes: exit and kill criteria, KPI values, gate reviews (request and decide) and the
// portfolio (board, funnel, recomputing health).
#include <memory>
#include <mutex>
#include <vector>

#include "auth/route_support.hpp"
#include "http/page.hpp"
#include "projects/project_input.hpp"
#include "projects/project_json.hpp"
#include "projects/routes.hpp"
#include "stakeholders/stakeholder_input.hpp"

namespace cocreate::projects {

using auth::with_body;
using http::RequestContext;
using http::Response;

namespace {

// The {key} path parameter: a ProjectKey, or nothing can match it.
std::optional<std::string> key_param(const RequestContext& ctx) {
    const auto it = ctx.params.find("key");
    if (it == ctx.params.end() || !is_project_key(it->second)) return std::nullopt;
    return it->second;
}

Response handle_criterion(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    const auto key = key_param(ctx);
    if (!key) return http::problem(core::Error::not_found("the current phase has no such exit criterion"), ctx.request_id);
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto met = r.optional_bool("met");
        if (!met && !r.has("met")) r.add_error("met", "is required");
        const auto evidence = nullable_url(r, "evidence_url");
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.set_criterion(ctx.principal, id, *key, *met, evidence), project_text);
    });
}

Response handle_kill_criterion(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    const auto key = key_param(ctx);
    if (!key) return http::problem(core::Error::not_found("the project has no such kill criterion"), ctx.request_id);
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto met = r.optional_bool("met");
        if (!met && !r.has("met")) r.add_error("met", "is required");
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.set_kill_criterion(ctx.principal, id, *key, *met), project_text);
    });
}

Response handle_kpi_list(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    http::QueryReader q(ctx.request, {"kpi_key"});
    project_repository::KpiFilter f;
    f.kpi_key = q.string("kpi_key", 60);
    http::apply_key_page(q.key_page(), f);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    if (f.kpi_key && !is_project_key(*f.kpi_key))
        return http::problem(core::Error::invalid("kpi_key", "must be a KPI key"), ctx.request_id);
    return http::respond_page_text(ctx, svc.kpi_values(ctx.principal, id, f),
                                   [](core::JsonWriter& w, const KpiValue& v) { write_kpi_value(w, v); });
}

Response handle_kpi_create(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_kpi_value(r);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.record_kpi(ctx.principal, id, in), kpi_value_text, 201);
    });
}

Response handle_project_reviews(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    http::QueryReader q(ctx.request, {});
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page_text(ctx, svc.reviews(ctx.principal, id, page.after, page.limit),
                                   [](core::JsonWriter& w, const GateReview& r) { write_review(w, r); });
}

Response handle_request_review(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "project");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_review_request(r);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.request_review(ctx.principal, id, in), review_text, 201);
    });
}

Response handle_reviews(RequestContext& ctx, ProjectService& svc) {
    http::QueryReader q(ctx.request, {"status", "decision_maker_id"});
    ReviewFilter f;
    f.status = q.enumeration("status", kReviewStatuses);
    std::optional<core::Error> problem;
    f.decision_maker_id = stakeholders::user_param(ctx.request, "decision_maker_id", ctx.principal.user_id, problem);
    const auto page = q.page();
    f.after = page.after;
    f.limit = page.limit;
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    if (problem) return http::problem(*problem, ctx.request_id);
    return http::respond_page_text(ctx, svc.all_reviews(ctx.principal, f),
                                   [](core::JsonWriter& w, const GateReview& r) { write_review(w, r); });
}

Response handle_decide(RequestContext& ctx, ProjectService& svc) {
    COCREATE_ID_PARAM(id, "id", "gate review");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_decision(r);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.decide(ctx.principal, id, in),
                                  [](const auto& rp) { return decided_text(rp.first, rp.second); });
    });
}

// The board's JSON for the last boards served: while the service hands back the same cached
// board on the same day, its text is reused (rendering 250 cards with their health was most
// of the cost). Days in phase are whole days, so the day is part of the key.
class BoardTexts {
public:
    std::shared_ptr<const std::string> text_for(const std::shared_ptr<const Board>& board, core::TimePoint now) {
        const auto day = core::date_of(now);
        std::lock_guard lock(mutex_);
        for (const auto& kept : texts_)
            if (kept.board == board && kept.day == day) return kept.text;
        auto text = std::make_shared<const std::string>(board_text(*board, now));
        texts_.push_back({board, day, text});
        if (texts_.size() > 8) texts_.erase(texts_.begin());  // a few frameworks and filters at a time
        return text;
    }

private:
    struct Kept {
        std::shared_ptr<const Board> board;
        core::Date day;
        std::shared_ptr<const std::string> text;
    };
    std::mutex mutex_;
    std::vector<Kept> texts_;
};

Response handle_board(RequestContext& ctx, Services s, BoardTexts& texts) {
    http::QueryReader q(ctx.request, {"framework_id", "status"});
    const auto framework_id = q.id("framework_id");
    const auto status = q.enumeration("status", kStatuses);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    if (!framework_id) return http::problem(core::Error::invalid("framework_id", "is required"), ctx.request_id);
    auto board = s.projects.shared_board(ctx.principal, *framework_id, status);
    if (!board) return http::problem(board.error(), ctx.request_id);
    return http::json_text_response(*texts.text_for(*board, s.clock.now()));
}

Response handle_funnel(RequestContext& ctx, ProjectService& svc) {
    http::QueryReader q(ctx.request, {"framework_id", "since"});
    const auto framework_id = q.id("framework_id");
    const auto since = q.string("since", 10);
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    if (!framework_id) return http::problem(core::Error::invalid("framework_id", "is required"), ctx.request_id);
    if (since && !core::parse_date(*since))
        return http::problem(core::Error::invalid("since", "must be a date, e.g. 2026-01-31"), ctx.request_id);
    return http::respond_text(ctx, svc.funnel(ctx.principal, *framework_id, since), funnel_text);
}

Response handle_recompute(RequestContext& ctx, ProjectService& svc) {
    if (!ctx.request.body.empty()) {
        // No body is expected; an empty JSON object is tolerated, anything else is refused.
        auto obj = core::parse_json_object(ctx.request.body);
        if (!obj) return http::problem(obj.error(), ctx.request_id);
        core::ObjectReader r(*obj);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    }
    return http::respond_text(ctx, svc.recompute_all(ctx.principal), health_recompute_text);
}

}  // namespace

void register_review_routes(http::Router& router, Services s) {
    auto* svc = &s.projects;
    router.add("PUT", "/api/v1/projects/{id}/criteria/{key}", [svc](RequestContext& c) { return handle_criterion(c, *svc); });
    router.add("PUT", "/api/v1/projects/{id}/kill-criteria/{key}",
               [svc](RequestContext& c) { return handle_kill_criterion(c, *svc); });
    router.add("GET", "/api/v1/projects/{id}/kpi-values", [svc](RequestContext& c) { return handle_kpi_list(c, *svc); });
    router.add("POST", "/api/v1/projects/{id}/kpi-values", [svc](RequestContext& c) { return handle_kpi_create(c, *svc); });
    router.add("GET", "/api/v1/projects/{id}/gate-reviews",
               [svc](RequestContext& c) { return handle_project_reviews(c, *svc); });
    router.add("POST", "/api/v1/projects/{id}/gate-reviews",
               [svc](RequestContext& c) { return handle_request_review(c, *svc); });
    router.add("GET", "/api/v1/gate-reviews", [svc](RequestContext& c) { return handle_reviews(c, *svc); });
    router.add("POST", "/api/v1/gate-reviews/{id}/decision", [svc](RequestContext& c) { return handle_decide(c, *svc); });
    auto texts = std::make_shared<BoardTexts>();
    router.add("GET", "/api/v1/portfolio", [s, texts](RequestContext& c) { return handle_board(c, s, *texts); });
    router.add("GET", "/api/v1/portfolio/funnel", [svc](RequestContext& c) { return handle_funnel(c, *svc); });
    router.add("POST", "/api/v1/portfolio/health", [svc](RequestContext& c) { return handle_recompute(c, *svc); });
}

}  // namespace cocreate::projects
