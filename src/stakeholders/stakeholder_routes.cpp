// Routes: the stakeholder registry (stakeholders, levels, emotions, needs, map, CSV).
#include <boost/json.hpp>

#include <charconv>

#include "auth/route_support.hpp"
#include "auth/routes.hpp"
#include "core/csv.hpp"
#include "http/page.hpp"
#include "stakeholders/routes.hpp"
#include "stakeholders/stakeholder_input.hpp"
#include "stakeholders/stakeholder_json.hpp"

namespace cocreate::stakeholders {

namespace json = boost::json;
using auth::with_body;
using http::RequestContext;
using http::Response;

namespace {

constexpr core::StringRule kCsvRule{.min = 1, .max = 16 * 1024 * 1024, .trim = false, .single_line = false};
constexpr std::array<std::string_view, 2> kFormats = {"csv", "json"};

// The full view, for answers to internal staff (writes are theirs only).
std::string detail(const Stakeholder& x) { return stakeholder_text(x, true); }

Response handle_list(RequestContext& ctx, StakeholderService& svc) {
    auto f = read_filter(ctx.request, ctx.principal, true);
    if (!f) return http::problem(f.error(), ctx.request_id);
    const bool internal = ctx.principal.internal();
    return http::respond_page_text(ctx, svc.list(ctx.principal, *f), [&](core::JsonWriter& w, const Stakeholder& x) {
        write_stakeholder_item(w, x, internal);
    });
}

Response handle_create(RequestContext& ctx, StakeholderService& svc) {
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_stakeholder(r, true);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.create(ctx.principal, in), detail, 201);
    });
}

Response handle_get(RequestContext& ctx, StakeholderService& svc) {
    COCREATE_ID_PARAM(id, "id", "stakeholder");
    // The view the caller may see: everything for internal staff, the public view otherwise.
    const bool internal = ctx.principal.internal();
    return http::respond_text(ctx, svc.get(ctx.principal, id),
                              [&](const Stakeholder& x) { return stakeholder_text(x, internal); });
}

Response handle_update(RequestContext& ctx, StakeholderService& svc) {
    COCREATE_ID_PARAM(id, "id", "stakeholder");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_stakeholder(r, false);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.update(ctx.principal, id, in), detail);
    });
}

Response handle_delete(RequestContext& ctx, StakeholderService& svc) {
    COCREATE_ID_PARAM(id, "id", "stakeholder");
    return http::respond(ctx, svc.remove(ctx.principal, id));
}

Response handle_level(RequestContext& ctx, StakeholderService& svc) {
    COCREATE_ID_PARAM(id, "id", "stakeholder");
    return with_body(ctx, [&](core::ObjectReader& r) {
        const auto level = r.required_enum("level", kLevels);
        const auto note = r.optional_string("note", kNoteRule).value_or("");
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.set_level(ctx.principal, id, level, note), detail);
    });
}

Response handle_emotion(RequestContext& ctx, StakeholderService& svc) {
    COCREATE_ID_PARAM(id, "id", "stakeholder");
    return with_body(ctx, [&](core::ObjectReader& r) {
        NewEmotion e;
        e.valence = static_cast<int>(r.required_int("valence", -2, 2));
        e.intensity = static_cast<int>(r.required_int("intensity", 0, 3));
        e.source = r.optional_enum("source", kEmotionSources).value_or("observation");
        e.note = r.optional_string("note", kNoteRule).value_or("");
        if (auto at = r.optional_string("observed_at", {.min = 1, .max = 40})) {
            if (auto t = core::parse_time(*at)) e.observed_at = core::format_time(*t);
            else r.add_error("observed_at", "must be an RFC 3339 time, e.g. 2026-01-31T09:00:00Z");
        }
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond_text(ctx, svc.record_emotion(ctx.principal, id, e), detail, 201);
    });
}

Response handle_needs(RequestContext& ctx, StakeholderService& svc) {
    COCREATE_ID_PARAM(id, "id", "stakeholder");
    http::QueryReader q(ctx.request, {"status"});
    const auto status = q.enumeration("status", kNeedStatuses);
    const auto page = q.page();
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond_page(ctx, svc.needs(ctx.principal, id, status, page.after, page.limit),
                              [](const Need& n, auto sp) { return need_json(n, sp); });
}

Response handle_create_need(RequestContext& ctx, StakeholderService& svc) {
    COCREATE_ID_PARAM(id, "id", "stakeholder");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_need(r, true);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, svc.create_need(ctx.principal, id, in), [](const Need& n) { return need_json(n); }, 201);
    });
}

Response handle_update_need(RequestContext& ctx, StakeholderService& svc) {
    COCREATE_ID_PARAM(id, "id", "need");
    return with_body(ctx, [&](core::ObjectReader& r) {
        auto in = read_need(r, false);
        if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
        return http::respond(ctx, svc.update_need(ctx.principal, id, in), [](const Need& n) { return need_json(n); });
    });
}

Response handle_delete_need(RequestContext& ctx, StakeholderService& svc) {
    COCREATE_ID_PARAM(id, "id", "need");
    return http::respond(ctx, svc.delete_need(ctx.principal, id));
}

Response handle_map(RequestContext& ctx, StakeholderService& svc) {
    http::QueryReader q(ctx.request, {"kind", "type", "q", "limit"});
    StakeholderFilter f;
    f.kind = q.enumeration("kind", kKinds);
    f.type = q.enumeration("type", kTypes);
    f.q = q.string("q");
    int limit = 500;
    if (auto l = ctx.request.query_param("limit")) {
        int n = 0;
        const auto [p, ec] = std::from_chars(l->data(), l->data() + l->size(), n);
        if (ec != std::errc{} || p != l->data() + l->size() || n < 1 || n > 2000)
            return http::problem(core::Error::invalid("limit", "must be between 1 and 2000"), ctx.request_id);
        limit = n;
    }
    if (auto ok = q.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return http::respond(ctx, svc.map(ctx.principal, f, limit), [](const StakeholderMap& m) { return map_json(m); });
}

std::string export_csv(const std::vector<Stakeholder>& rows, bool internal) {
    std::vector<std::string> header{"id", "type", "name", "kind", "industry", "region", "size", "domain"};
    if (internal)
        for (const char* h : {"internal", "email", "tags", "level", "emotion", "owner", "last_contact_at", "updated_at"})
            header.push_back(h);
    std::string out = core::csv_line(header);
    for (const auto& x : rows) {
        std::vector<std::string> line{std::to_string(x.id), x.type, x.name, x.kind, x.industry, x.region,
                                      x.size.value_or(""), x.domain.value_or("")};
        if (internal) {
            std::string tags;
            for (const auto& t : x.tags) tags += (tags.empty() ? "" : ";") + t;
            line.insert(line.end(), {x.internal ? "true" : "false", x.email.value_or(""), tags, x.level,
                                     x.emotion ? std::string(emotion_state(x.emotion->valence, x.emotion->intensity)) : "",
                                     x.owner ? x.owner->display_name : "", x.last_contact_at.value_or(""), x.updated_at});
        }
        out += core::csv_line(line);
    }
    return out;
}

Response handle_export(RequestContext& ctx, StakeholderService& svc) {
    const auto format = ctx.request.query_param("format").value_or("csv");
    if (std::find(kFormats.begin(), kFormats.end(), format) == kFormats.end())
        return http::problem(core::Error::invalid("format", "must be one of: csv, json"), ctx.request_id);
    auto f = read_filter(ctx.request, ctx.principal, false, {"format"});
    if (!f) return http::problem(f.error(), ctx.request_id);
    auto rows = svc.export_rows(ctx.principal, *f);
    if (!rows) return http::problem(rows.error(), ctx.request_id);
    const bool internal = ctx.principal.internal();
    Response res;
    if (format == "csv") {
        res.content_type = "text/csv; charset=utf-8";
        res.body = export_csv(*rows, internal);
    } else {
        res.content_type = "application/json";
        res.body.reserve(rows->size() * 512);
        core::JsonWriter w(res.body);
        w.begin_array();
        for (const auto& x : *rows) write_stakeholder_item(w, x, internal);
        w.end_array();
    }
    res.set_header("Content-Disposition", "attachment; filename=\"stakeholders." + format + "\"");
    res.set_header("Cache-Control", "no-store");
    return res;
}

Response with_import(RequestContext& ctx, const std::function<Response(const ImportRequest&)>& f) {
    auto obj = core::parse_json_object(ctx.request.body);
    if (!obj) return http::problem(obj.error(), ctx.request_id);
    core::ObjectReader r(*obj);
    ImportRequest req;
    req.csv = r.required_string("csv", kCsvRule);
    req.on_duplicate = r.optional_enum("on_duplicate", kOnDuplicate).value_or("skip");
    // The mapping is an object of field → column header; read by hand because its keys are data.
    if (const auto* m = obj->if_contains("mapping"); m && !m->is_null()) {
        if (!m->is_object()) {
            r.add_error("mapping", "must be an object of field: column", core::ErrorCode::kInvalidArgument);
        } else {
            std::map<std::string, std::string> mapping;
            for (const auto& [key, value] : m->get_object()) {
                const std::string field(key);
                if (std::find(kImportFields.begin(), kImportFields.end(), field) == kImportFields.end())
                    r.add_error("mapping." + field, "is not a field that can be imported",
                                core::ErrorCode::kInvalidArgument);
                else if (!value.is_string() || value.get_string().empty() || value.get_string().size() > 200)
                    r.add_error("mapping." + field, "must name a column");
                else
                    mapping[field] = std::string(value.get_string());
            }
            req.mapping = std::move(mapping);
        }
    }
    r.accept("mapping");
    if (auto ok = r.finish(); !ok) return http::problem(ok.error(), ctx.request_id);
    return f(req);
}

json::object preview_json(const ImportPreview& p) {
    json::array columns, errors, duplicates, sample;
    for (const auto& c : p.columns) columns.push_back(json::string(c));
    json::object mapping;
    for (const auto& [k, v] : p.mapping) mapping[k] = v;
    for (const auto& e : p.errors) errors.push_back(json::object{{"line", e.line}, {"field", e.field}, {"detail", e.detail}});
    for (const auto& d : p.duplicates)
        duplicates.push_back(json::object{{"line", d.line},
                                          {"match", d.match},
                                          {"existing_id", d.existing_id},
                                          {"existing_name", d.existing_name}});
    for (const auto& [line, values] : p.sample) {
        json::array v;
        for (const auto& x : values) v.push_back(json::string(x));
        sample.push_back(json::object{{"line", line}, {"values", std::move(v)}});
    }
    return json::object{{"columns", std::move(columns)}, {"mapping", std::move(mapping)},
                        {"total_rows", p.total_rows},    {"valid_rows", p.valid_rows},
                        {"errors", std::move(errors)},   {"duplicates", std::move(duplicates)},
                        {"sample", std::move(sample)}};
}

}  // namespace

void register_stakeholder_routes(http::Router& router, StakeholderService& svc, StakeholderImport& imports) {
    auto* s = &svc;
    auto* im = &imports;
    // CSV files are large; the JSON body carries the file's text.
    const http::RouteOptions import_options{.body_limit = 24u << 20};
    router.add("GET", "/api/v1/stakeholders", [s](RequestContext& c) { return handle_list(c, *s); });
    router.add("POST", "/api/v1/stakeholders", [s](RequestContext& c) { return handle_create(c, *s); });
    // Literal paths before /stakeholders/{id}: the first matching route wins.
    router.add("GET", "/api/v1/stakeholders/map", [s](RequestContext& c) { return handle_map(c, *s); });
    router.add("GET", "/api/v1/stakeholders/export", [s](RequestContext& c) { return handle_export(c, *s); });
    router.add("POST", "/api/v1/stakeholders/import/preview", [im](RequestContext& c) {
        return with_import(c, [&](const ImportRequest& r) {
            return http::respond(c, im->preview(c.principal, r), [](const ImportPreview& p) { return preview_json(p); });
        });
    }, import_options);
    router.add("POST", "/api/v1/stakeholders/import", [im](RequestContext& c) {
        return with_import(c, [&](const ImportRequest& r) {
            return http::respond(c, im->commit(c.principal, r), [](const ImportResult& x) {
                return json::object{{"created", x.created}, {"skipped", x.skipped}, {"affiliations", x.affiliations}};
            }, 201);
        });
    }, import_options);
    router.add("GET", "/api/v1/stakeholders/{id}", [s](RequestContext& c) { return handle_get(c, *s); });
    router.add("PATCH", "/api/v1/stakeholders/{id}", [s](RequestContext& c) { return handle_update(c, *s); });
    router.add("DELETE", "/api/v1/stakeholders/{id}", [s](RequestContext& c) { return handle_delete(c, *s); });
    router.add("POST", "/api/v1/stakeholders/{id}/level", [s](RequestContext& c) { return handle_level(c, *s); });
    router.add("POST", "/api/v1/stakeholders/{id}/emotions", [s](RequestContext& c) { return handle_emotion(c, *s); });
    router.add("GET", "/api/v1/stakeholders/{id}/needs", [s](RequestContext& c) { return handle_needs(c, *s); });
    router.add("POST", "/api/v1/stakeholders/{id}/needs", [s](RequestContext& c) { return handle_create_need(c, *s); });
    router.add("PATCH", "/api/v1/needs/{id}", [s](RequestContext& c) { return handle_update_need(c, *s); });
    router.add("DELETE", "/api/v1/needs/{id}", [s](RequestContext& c) { return handle_delete_need(c, *s); });
}

}  // namespace cocreate::stakeholders
