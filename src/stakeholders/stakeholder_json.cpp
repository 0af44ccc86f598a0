#include "stakeholders/stakeholder_json.hpp"

#include "core/markdown.hpp"

namespace cocreate::stakeholders {

namespace json = boost::json;
using core::JsonWriter;

namespace {


void write_links(JsonWriter& w, const std::vector<Link>& links) {
    w.key("links").begin_array();
    for (const auto& l : links) w.begin_object().field("label", l.label).field("url", l.url).end_object();
    w.end_array();
}

void write_public_fields(JsonWriter& w, const Stakeholder& x) {
    w.field("id", x.id)
        .field("type", x.type)
        .field("name", x.name)
        .field("kind", x.kind)
        .field("industry", x.industry)
        .field("region", x.region)
        .field("size", x.size)
        .field("domain", x.domain);
}

// The internal fields a list row and the detail share.
void write_internal_fields(JsonWriter& w, const Stakeholder& x) {
    w.field("internal", x.internal).field("gatekeeper_area", x.gatekeeper_area).field("email", x.email);
    w.strings("tags", x.tags);
    w.strings("value_chain", x.value_chain);
    w.key("owner");
    if (x.owner) w.begin_object().field("id", x.owner->id).field("display_name", x.owner->display_name).end_object();
    else w.null();
    w.field("level", x.level).field("level_changed_at", x.level_changed_at);
    w.key("emotion");
    if (x.emotion) {
        w.begin_object()
            .field("valence", x.emotion->valence)
            .field("intensity", x.emotion->intensity)
            .field("state", emotion_state(x.emotion->valence, x.emotion->intensity))
            .field("observed_at", x.emotion->observed_at)
            .end_object();
    } else {
        w.null();
    }
    w.field("last_contact_at", x.last_contact_at)
        .field("created_at", x.created_at)
        .field("updated_at", x.updated_at)
        .field("version", x.version);
}

}  // namespace

void write_public_stakeholder(JsonWriter& w, const Stakeholder& x) {
    w.begin_object();
    write_public_fields(w, x);
    write_links(w, x.links);
    w.end_object();
}

void write_stakeholder_item(JsonWriter& w, const Stakeholder& x, bool internal_view) {
    if (!internal_view) return write_public_stakeholder(w, x);
    w.begin_object();
    write_public_fields(w, x);
    write_internal_fields(w, x);
    w.end_object();
}

void write_stakeholder(JsonWriter& w, const Stakeholder& x) {
    w.begin_object();
    write_public_fields(w, x);
    write_links(w, x.links);
    write_internal_fields(w, x);
    w.key("value_drivers").begin_array();
    for (const auto& d : x.value_drivers)
        w.begin_object().field("driver", d.driver).field("weight", d.weight).field("note", d.note).end_object();
    w.end_array();
    w.key("resources").begin_array();
    for (const auto& r : x.resources) w.begin_object().field("kind", r.kind).field("note", r.note).end_object();
    w.end_array();
    w.field("notes", x.notes).field("notes_html", core::markdown_to_safe_html(x.notes));
    w.key("team").begin_array();
    for (const auto& m : x.team)
        w.begin_object().field("user_id", m.user_id).field("display_name", m.display_name).field("role", m.role).end_object();
    w.end_array();
    w.key("affiliations").begin_array();
    for (const auto& a : x.affiliations)
        w.begin_object()
            .field("person_id", a.person_id)
            .field("person_name", a.person_name)
            .field("organisation_id", a.organisation_id)
            .field("organisation_name", a.organisation_name)
            .field("title", a.title)
            .field("role", a.role)
            .end_object();
    w.end_array();
    w.key("relations").begin_array();
    for (const auto& r : x.relations)
        w.begin_object()
            .field("id", r.id)
            .field("from_id", r.from_id)
            .field("from_name", r.from_name)
            .field("to_id", r.to_id)
            .field("to_name", r.to_name)
            .field("kind", r.kind)
            .end_object();
    w.end_array();
    w.key("space_ids").begin_array();
    for (auto id : x.space_ids) w.number(id);
    w.end_array();
    w.end_object();
}

std::string stakeholder_text(const Stakeholder& x, bool internal_view) {
    std::string out;
    JsonWriter w(out);
    if (internal_view) write_stakeholder(w, x);
    else write_public_stakeholder(w, x);
    return out;
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

void write_timeline_entry(JsonWriter& w, const TimelineEntry& e) {
    w.begin_object().field("kind", e.kind).field("at", e.at).field("id", e.id);
    if (!e.members.empty()) w.raw(e.members);
    w.end_object();
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
