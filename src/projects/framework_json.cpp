#include "projects/framework_json.hpp"

#include "core/markdown.hpp"

namespace cocreate::projects {

namespace json = boost::json;

namespace {

json::array strings(const std::vector<std::string>& items) {
    json::array a;
    for (const auto& i : items) a.emplace_back(i);
    return a;
}

std::string text(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string{};
}

std::vector<std::string> text_list(const json::object& o, std::string_view key) {
    std::vector<std::string> out;
    if (const auto* v = o.if_contains(key); v && v->is_array())
        for (const auto& item : v->get_array())
            if (item.is_string()) out.emplace_back(item.get_string());
    return out;
}

json::object phase_json(const Phase& p, bool with_html) {
    json::array criteria;
    for (const auto& c : p.exit_criteria)
        criteria.push_back(json::object{{"key", c.key}, {"text", c.text}, {"evidence_required", c.evidence_required}});
    json::object o{{"key", p.key},
                   {"name", p.name},
                   {"guidelines", p.guidelines},
                   {"recommended_formats", strings(p.recommended_formats)},
                   {"expected_level", p.expected_level.empty() ? json::value(nullptr) : json::value(p.expected_level)},
                   {"exit_criteria", std::move(criteria)},
                   {"max_days", p.max_days},
                   {"kpi_keys", strings(p.kpi_keys)},
                   {"gatekeepers", strings(p.gatekeepers)}};
    if (with_html) o["guidelines_html"] = core::markdown_to_safe_html(p.guidelines);
    return o;
}

json::object kpi_json(const KpiDefinition& k) {
    json::object o{{"key", k.key}, {"name", k.name}, {"unit", k.unit}, {"direction", k.direction}, {"kind", k.kind}};
    o["counts_from_phase"] = k.counts_from_phase ? json::value(*k.counts_from_phase) : json::value(nullptr);
    o["target"] = k.target ? json::value(*k.target) : json::value(nullptr);
    return o;
}

json::object body(const FrameworkVersion& v, bool with_html) {
    json::array phases, kpis;
    for (const auto& p : v.phases) phases.push_back(phase_json(p, with_html));
    for (const auto& k : v.kpis) kpis.push_back(kpi_json(k));
    return {{"phases", std::move(phases)}, {"kpis", std::move(kpis)}};
}

}  // namespace

json::object version_body_json(const FrameworkVersion& v) { return body(v, false); }

FrameworkVersion parse_version_body(const std::string& input) {
    FrameworkVersion v;
    std::error_code ec;
    auto doc = json::parse(input, ec);
    if (ec || !doc.is_object()) return v;
    const auto& o = doc.as_object();
    if (const auto* phases = o.if_contains("phases"); phases && phases->is_array()) {
        for (const auto& item : phases->get_array()) {
            if (!item.is_object()) continue;
            const auto& p = item.get_object();
            Phase phase;
            phase.key = text(p, "key");
            phase.name = text(p, "name");
            phase.guidelines = text(p, "guidelines");
            phase.guidelines_html = core::markdown_to_safe_html(phase.guidelines);
            phase.recommended_formats = text_list(p, "recommended_formats");
            phase.expected_level = text(p, "expected_level");
            if (const auto* days = p.if_contains("max_days"); days && days->is_int64())
                phase.max_days = static_cast<int>(days->get_int64());
            phase.kpi_keys = text_list(p, "kpi_keys");
            phase.gatekeepers = text_list(p, "gatekeepers");
            if (const auto* criteria = p.if_contains("exit_criteria"); criteria && criteria->is_array()) {
                for (const auto& c : criteria->get_array()) {
                    if (!c.is_object()) continue;
                    const auto* required = c.get_object().if_contains("evidence_required");
                    phase.exit_criteria.push_back({text(c.get_object(), "key"), text(c.get_object(), "text"),
                                                   required && required->is_bool() && required->get_bool()});
                }
            }
            v.phases.push_back(std::move(phase));
        }
    }
    if (const auto* kpis = o.if_contains("kpis"); kpis && kpis->is_array()) {
        for (const auto& item : kpis->get_array()) {
            if (!item.is_object()) continue;
            const auto& k = item.get_object();
            KpiDefinition kpi;
            kpi.key = text(k, "key");
            kpi.name = text(k, "name");
            kpi.unit = text(k, "unit");
            kpi.direction = text(k, "direction");
            kpi.kind = text(k, "kind");
            if (const auto* from = k.if_contains("counts_from_phase"); from && from->is_string())
                kpi.counts_from_phase = std::string(from->get_string());
            if (const auto* target = k.if_contains("target"); target && target->is_number())
                kpi.target = target->to_number<double>();
            v.kpis.push_back(std::move(kpi));
        }
    }
    return v;
}

json::object framework_version_json(const FrameworkVersion& v) {
    auto o = body(v, true);
    o["framework_id"] = v.framework_id;
    o["version"] = v.version;
    o["published_at"] = v.published_at;
    o["published_by"] = v.published_by
                            ? json::value(json::object{{"id", v.published_by->id},
                                                       {"display_name", v.published_by->display_name}})
                            : json::value(nullptr);
    return o;
}

}  // namespace cocreate::projects
