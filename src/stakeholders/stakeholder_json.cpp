#include "stakeholders/stakeholder_json.hpp"

#include "core/markdown.hpp"

namespace cocreate::stakeholders {

namespace json = boost::json;

namespace {

json::value nullable(const std::optional<std::string>& v, json::storage_ptr sp) {
    return v ? json::value(json::string(*v, sp)) : json::value(nullptr, sp);
}

json::array strings(const std::vector<std::string>& items, json::storage_ptr sp) {
    json::array a(sp);
    for (const auto& i : items) a.emplace_back(json::string(i, sp));
    return a;
}

json::array links_json(const std::vector<Link>& links, json::storage_ptr sp) {
    json::array a(sp);
    for (const auto& l : links) a.emplace_back(json::object({{"label", l.label}, {"url", l.url}}, sp));
    return a;
}

// The fields a list row and the detail share.
void common_internal(json::object& o, const Stakeholder& x, json::storage_ptr sp) {
    o["internal"] = x.internal;
    o["gatekeeper_area"] = nullable(x.gatekeeper_area, sp);
    o["email"] = nullable(x.email, sp);
    o["tags"] = strings(x.tags, sp);
    o["value_chain"] = strings(x.value_chain, sp);
    o["owner"] = x.owner ? json::value(json::object({{"id", x.owner->id}, {"display_name", x.owner->display_name}}, sp))
                         : json::value(nullptr, sp);
    o["level"] = x.level;
    o["level_changed_at"] = x.level_changed_at;
    o["emotion"] = emotion_json(x.emotion, sp);
    o["last_contact_at"] = nullable(x.last_contact_at, sp);
    o["created_at"] = x.created_at;
    o["updated_at"] = x.updated_at;
    o["version"] = x.version;
}

}  // namespace

json::value emotion_json(const std::optional<Emotion>& e, json::storage_ptr sp) {
    if (!e) return json::value(nullptr, sp);
    return json::object({{"valence", e->valence},
                         {"intensity", e->intensity},
                         {"state", emotion_state(e->valence, e->intensity)},
                         {"observed_at", e->observed_at}},
                        sp);
}

json::object public_stakeholder_json(const Stakeholder& x, json::storage_ptr sp) {
    json::object o(sp);
    o.reserve(32);  // the internal views add to it: no rehash on the way
    o["id"] = x.id;
    o["type"] = x.type;
    o["name"] = x.name;
    o["kind"] = x.kind;
    o["industry"] = x.industry;
    o["region"] = x.region;
    o["size"] = nullable(x.size, sp);
    o["domain"] = nullable(x.domain, sp);
    o["links"] = links_json(x.links, sp);
    return o;
}

json::object stakeholder_item_json(const Stakeholder& x, bool internal_view, json::storage_ptr sp) {
    if (!internal_view) return public_stakeholder_json(x, sp);
    json::object o(sp);
    o.reserve(24);
    o["id"] = x.id;
    o["type"] = x.type;
    o["name"] = x.name;
    o["kind"] = x.kind;
    o["industry"] = x.industry;
    o["region"] = x.region;
    o["size"] = nullable(x.size, sp);
    o["domain"] = nullable(x.domain, sp);
    common_internal(o, x, sp);
    return o;
}

json::object stakeholder_json(const Stakeholder& x, json::storage_ptr sp) {
    auto o = public_stakeholder_json(x, sp);
    common_internal(o, x, sp);
    json::array drivers(sp);
    for (const auto& d : x.value_drivers)
        drivers.emplace_back(json::object({{"driver", d.driver}, {"weight", d.weight}, {"note", d.note}}, sp));
    o["value_drivers"] = std::move(drivers);
    json::array resources(sp);
    for (const auto& r : x.resources) resources.emplace_back(json::object({{"kind", r.kind}, {"note", r.note}}, sp));
    o["resources"] = std::move(resources);
    o["notes"] = x.notes;
    o["notes_html"] = core::markdown_to_safe_html(x.notes);
    json::array team(sp);
    for (const auto& m : x.team)
        team.emplace_back(json::object({{"user_id", m.user_id}, {"display_name", m.display_name}, {"role", m.role}}, sp));
    o["team"] = std::move(team);
    json::array affiliations(sp);
    for (const auto& a : x.affiliations)
        affiliations.emplace_back(json::object({{"person_id", a.person_id},
                                                {"person_name", a.person_name},
                                                {"organisation_id", a.organisation_id},
                                                {"organisation_name", a.organisation_name},
                                                {"title", a.title},
                                                {"role", a.role}},
                                               sp));
    o["affiliations"] = std::move(affiliations);
    json::array relations(sp);
    for (const auto& r : x.relations)
        relations.emplace_back(json::object({{"id", r.id},
                                             {"from_id", r.from_id},
                                             {"from_name", r.from_name},
                                             {"to_id", r.to_id},
                                             {"to_name", r.to_name},
                                             {"kind", r.kind}},
                                            sp));
    o["relations"] = std::move(relations);
    json::array spaces(sp);
    for (auto id : x.space_ids) spaces.emplace_back(id);
    o["space_ids"] = std::move(spaces);
    return o;
}

json::object need_json(const Need& n, json::storage_ptr sp) {
    return json::object({{"id", n.id},
                         {"stakeholder_id", n.stakeholder_id},
                         {"kind", n.kind},
                         {"title", n.title},
                         {"detail", n.detail},
                         {"status", n.status},
                         {"created_at", n.created_at},
                         {"updated_at", n.updated_at}},
                        sp);
}

json::object timeline_entry_json(const TimelineEntry& e, json::storage_ptr sp) {
    json::object o(sp);
    o["kind"] = e.kind;
    o["at"] = e.at;
    o["id"] = e.id;
    for (const auto& [k, v] : e.fields) o[k] = v;
    return o;
}

json::object map_json(const StakeholderMap& m) {
    json::array nodes;
    for (const auto& n : m.nodes)
        nodes.push_back(json::object{{"id", n.id},
                                     {"type", n.type},
                                     {"name", n.name},
                                     {"kind", n.kind},
                                     {"level", n.level},
                                     {"internal", n.internal}});
    json::array edges;
    for (const auto& e : m.edges)
        edges.push_back(json::object{{"source", e.source}, {"target", e.target}, {"kind", e.kind}, {"label", e.label}});
    return json::object{{"nodes", std::move(nodes)}, {"edges", std::move(edges)}, {"truncated", m.truncated}};
}

}  // namespace cocreate::stakeholders
