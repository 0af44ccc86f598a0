#pragma once
// Internal to the stakeholder repository's .cpp files: the row mapping of the stakeholders
// table and the helpers for its list-valued columns. Not for other modules.

#include <boost/json.hpp>
#include <soci/boost-optional.h>
#include <soci/soci.h>

#include <string>
#include <vector>

#include "core/json_input.hpp"
#include "db/query.hpp"
#include "stakeholders/stakeholder.hpp"

namespace cocreate::stakeholders::stakeholder_repository::rows {

namespace json = boost::json;
using db::from_boost;
using db::Query;
using db::to_boost;

// ---- list-valued columns --------------------------------------------------------------

inline std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        if (!out.empty()) out += ',';
        out += i;
    }
    return out;
}

inline std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        const auto comma = text.find(',', start);
        const auto end = comma == std::string::npos ? text.size() : comma;
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

inline std::string links_text(const std::vector<Link>& links) {
    json::array a;
    for (const auto& l : links) a.push_back(json::object{{"label", l.label}, {"url", l.url}});
    return json::serialize(a);
}
inline std::string drivers_text(const std::vector<ValueDriver>& drivers) {
    json::array a;
    for (const auto& d : drivers) a.push_back(json::object{{"driver", d.driver}, {"weight", d.weight}, {"note", d.note}});
    return json::serialize(a);
}
inline std::string resources_text(const std::vector<Resource>& resources) {
    json::array a;
    for (const auto& r : resources) a.push_back(json::object{{"kind", r.kind}, {"note", r.note}});
    return json::serialize(a);
}

// Stored JSON was written by this code; anything unreadable is treated as empty.
inline json::array parse_array(const std::string& text) {
    if (text.size() <= 2) return {};  // "[]": most rows, and every list row's placeholders
    std::error_code ec;
    auto v = json::parse(text, ec);
    if (ec || !v.is_array()) return {};
    return std::move(v.as_array());
}
inline std::string str(const json::object& o, std::string_view key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->get_string()) : std::string{};
}

struct StakeholderRow {
    long long id = 0, version = 0;
    std::string type, name, kind, industry, region, tags, links, value_chain, drivers, resources, notes, level,
        level_changed_at, created_at, updated_at;
    int internal = 0;
    boost::optional<std::string> gatekeeper_area, size, email, domain, owner_name, emotion_at, last_contact_at;
    boost::optional<long long> owner_id;
    boost::optional<int> valence, intensity;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(type));
        st.exchange(soci::into(name));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(internal));
        st.exchange(soci::into(gatekeeper_area));
        st.exchange(soci::into(industry));
        st.exchange(soci::into(region));
        st.exchange(soci::into(size));
        st.exchange(soci::into(email));
        st.exchange(soci::into(domain));
        st.exchange(soci::into(tags));
        st.exchange(soci::into(links));
        st.exchange(soci::into(value_chain));
        st.exchange(soci::into(drivers));
        st.exchange(soci::into(resources));
        st.exchange(soci::into(notes));
        st.exchange(soci::into(owner_id));
        st.exchange(soci::into(owner_name));
        st.exchange(soci::into(level));
        st.exchange(soci::into(level_changed_at));
        st.exchange(soci::into(valence));
        st.exchange(soci::into(intensity));
        st.exchange(soci::into(emotion_at));
        st.exchange(soci::into(last_contact_at));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
        st.exchange(soci::into(version));
    }
    Stakeholder value() const {
        Stakeholder x;
        x.id = id;
        x.type = type;
        x.name = name;
        x.kind = kind;
        x.internal = internal != 0;
        x.gatekeeper_area = from_boost(gatekeeper_area);
        x.industry = industry;
        x.region = region;
        x.size = from_boost(size);
        x.email = from_boost(email);
        x.domain = from_boost(domain);
        x.tags = split(tags);
        x.value_chain = split(value_chain);
        for (const auto& v : parse_array(links))
            if (v.is_object()) x.links.push_back({str(v.as_object(), "label"), str(v.as_object(), "url")});
        for (const auto& v : parse_array(drivers)) {
            if (!v.is_object()) continue;
            const auto& o = v.as_object();
            const auto* w = o.if_contains("weight");
            x.value_drivers.push_back({str(o, "driver"), w && w->is_int64() ? static_cast<int>(w->get_int64()) : 0,
                                       str(o, "note")});
        }
        for (const auto& v : parse_array(resources))
            if (v.is_object()) x.resources.push_back({str(v.as_object(), "kind"), str(v.as_object(), "note")});
        x.notes = notes;
        if (owner_id) x.owner = UserRef{*owner_id, owner_name.value_or("")};
        x.level = level;
        x.level_changed_at = level_changed_at;
        if (valence && intensity) x.emotion = Emotion{*valence, *intensity, emotion_at.value_or("")};
        x.last_contact_at = from_boost(last_contact_at);
        x.created_at = created_at;
        x.updated_at = updated_at;
        x.version = version;
        return x;
    }
};

inline constexpr const char* kDetailColumns =
    "SELECT s.id, s.type, s.name, s.kind, s.internal, s.gatekeeper_area, s.industry, s.region, s.size, s.email, "
    "s.domain, s.tags, s.links, s.value_chain, s.value_drivers, s.resources, s.notes, s.owner_id, u.display_name, "
    "s.level, s.level_changed_at, s.emotion_valence, s.emotion_intensity, s.emotion_observed_at, s.last_contact_at, "
    "s.created_at, s.updated_at, s.version FROM stakeholders s LEFT JOIN users u ON u.id = s.owner_id ";
// List rows leave out the long text columns nobody shows in a list.
inline constexpr const char* kListColumns =
    "SELECT s.id, s.type, s.name, s.kind, s.internal, s.gatekeeper_area, s.industry, s.region, s.size, s.email, "
    "s.domain, s.tags, s.links, s.value_chain, '[]', '[]', '', s.owner_id, u.display_name, "
    "s.level, s.level_changed_at, s.emotion_valence, s.emotion_intensity, s.emotion_observed_at, s.last_contact_at, "
    "s.created_at, s.updated_at, s.version FROM stakeholders s LEFT JOIN users u ON u.id = s.owner_id ";
inline constexpr const char* kSharedWithViewer =
    " AND EXISTS (SELECT 1 FROM stakeholder_spaces ss JOIN space_members m ON m.space_id = ss.space_id "
    "WHERE ss.stakeholder_id = s.id AND m.user_id = :viewer)";

struct IdRow {
    long long id = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(id)); }
    int64_t value() const { return id; }
};
struct TextRow {
    std::string text;
    void bind(soci::statement& st) { st.exchange(soci::into(text)); }
    std::string value() const { return text; }
};
struct CountRow {
    long long n = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(n)); }
    int64_t value() const { return n; }
};

}  // namespace cocreate::stakeholders::stakeholder_repository::rows
