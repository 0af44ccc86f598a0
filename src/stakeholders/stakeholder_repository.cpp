#include "stakeholders/stakeholder_repository.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "core/json_input.hpp"
#include "core/json_writer.hpp"
#include "db/query.hpp"
#include "stakeholders/timeline.hpp"

namespace cocreate::stakeholders::stakeholder_repository {

namespace {

namespace json = boost::json;
using db::from_boost;
using db::Query;
using db::to_boost;

// ---- list-valued columns --------------------------------------------------------------

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        if (!out.empty()) out += ',';
        out += i;
    }
    return out;
}

std::vector<std::string> split(const std::string& text) {
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

std::string links_text(const std::vector<Link>& links) {
    json::array a;
    for (const auto& l : links) a.push_back(json::object{{"label", l.label}, {"url", l.url}});
    return json::serialize(a);
}
std::string drivers_text(const std::vector<ValueDriver>& drivers) {
    json::array a;
    for (const auto& d : drivers) a.push_back(json::object{{"driver", d.driver}, {"weight", d.weight}, {"note", d.note}});
    return json::serialize(a);
}
std::string resources_text(const std::vector<Resource>& resources) {
    json::array a;
    for (const auto& r : resources) a.push_back(json::object{{"kind", r.kind}, {"note", r.note}});
    return json::serialize(a);
}

// Stored JSON was written by this code; anything unreadable is treated as empty.
json::array parse_array(const std::string& text) {
    if (text.size() <= 2) return {};  // "[]": most rows, and every list row's placeholders
    std::error_code ec;
    auto v = json::parse(text, ec);
    if (ec || !v.is_array()) return {};
    return std::move(v.as_array());
}
std::string str(const json::object& o, std::string_view key) {
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

constexpr const char* kDetailColumns =
    "SELECT s.id, s.type, s.name, s.kind, s.internal, s.gatekeeper_area, s.industry, s.region, s.size, s.email, "
    "s.domain, s.tags, s.links, s.value_chain, s.value_drivers, s.resources, s.notes, s.owner_id, u.display_name, "
    "s.level, s.level_changed_at, s.emotion_valence, s.emotion_intensity, s.emotion_observed_at, s.last_contact_at, "
    "s.created_at, s.updated_at, s.version FROM stakeholders s LEFT JOIN users u ON u.id = s.owner_id ";
// List rows leave out the long text columns nobody shows in a list.
constexpr const char* kListColumns =
    "SELECT s.id, s.type, s.name, s.kind, s.internal, s.gatekeeper_area, s.industry, s.region, s.size, s.email, "
    "s.domain, s.tags, s.links, s.value_chain, '[]', '[]', '', s.owner_id, u.display_name, "
    "s.level, s.level_changed_at, s.emotion_valence, s.emotion_intensity, s.emotion_observed_at, s.last_contact_at, "
    "s.created_at, s.updated_at, s.version FROM stakeholders s LEFT JOIN users u ON u.id = s.owner_id ";
constexpr const char* kSharedWithViewer =
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

struct TeamRow {
    long long user_id = 0;
    std::string name, role;
    void bind(soci::statement& st) {
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(role));
    }
    TeamMember value() const { return {user_id, name, role}; }
};

struct AffiliationRow {
    long long person_id = 0, organisation_id = 0;
    std::string person_name, organisation_name, title, role;
    void bind(soci::statement& st) {
        st.exchange(soci::into(person_id));
        st.exchange(soci::into(person_name));
        st.exchange(soci::into(organisation_id));
        st.exchange(soci::into(organisation_name));
        st.exchange(soci::into(title));
        st.exchange(soci::into(role));
    }
    Affiliation value() const { return {person_id, person_name, organisation_id, organisation_name, title, role}; }
};

struct RelationRow {
    long long id = 0, from_id = 0, to_id = 0;
    std::string from_name, to_name, kind;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(from_id));
        st.exchange(soci::into(from_name));
        st.exchange(soci::into(to_id));
        st.exchange(soci::into(to_name));
        st.exchange(soci::into(kind));
    }
    Relation value() const { return {id, from_id, from_name, to_id, to_name, kind}; }
};

struct NeedRow {
    long long id = 0, stakeholder_id = 0;
    std::string kind, title, detail, status, created_at, updated_at;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(stakeholder_id));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(title));
        st.exchange(soci::into(detail));
        st.exchange(soci::into(status));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }
    Need value() const { return {id, stakeholder_id, kind, title, detail, status, created_at, updated_at}; }
};
constexpr const char* kNeedSelect =
    "SELECT id, stakeholder_id, kind, title, detail, status, created_at, updated_at FROM stakeholder_needs ";

void load_details(soci::session& s, Stakeholder& x) {
    const long long id = x.id, id2 = x.id;
    x.team = Query<TeamRow>(s).bind(id).run(
        "SELECT t.user_id, u.display_name, t.role FROM stakeholder_team t JOIN users u ON u.id = t.user_id "
        "WHERE t.stakeholder_id = :id ORDER BY u.display_name, t.user_id");
    x.affiliations = Query<AffiliationRow>(s).bind(id).bind(id2).run(
        "SELECT a.person_id, p.name, a.organisation_id, o.name, a.title, a.role FROM affiliations a "
        "JOIN stakeholders p ON p.id = a.person_id JOIN stakeholders o ON o.id = a.organisation_id "
        "WHERE a.person_id = :id OR a.organisation_id = :id2 ORDER BY p.sort_name, o.sort_name, a.id");
    x.relations = Query<RelationRow>(s).bind(id).bind(id2).run(
        "SELECT r.id, r.from_id, f.name, r.to_id, t.name, r.kind FROM stakeholder_relations r "
        "JOIN stakeholders f ON f.id = r.from_id JOIN stakeholders t ON t.id = r.to_id "
        "WHERE r.from_id = :id OR r.to_id = :id2 ORDER BY r.id");
    x.space_ids = Query<IdRow>(s).bind(id).run(
        "SELECT space_id FROM stakeholder_spaces WHERE stakeholder_id = :id ORDER BY space_id");
}

}  // namespace

int64_t insert_stakeholder(soci::session& s, const Stakeholder& x, int64_t created_by, const std::string& now) {
    long long id = 0;
    const std::string sort_name = core::ascii_lower(x.name), tags = join(x.tags), links = links_text(x.links),
                      chain = join(x.value_chain), drivers = drivers_text(x.value_drivers),
                      resources = resources_text(x.resources);
    const int internal = x.internal ? 1 : 0, rank = level_rank(x.level);
    const auto area = to_boost(x.gatekeeper_area), size = to_boost(x.size), email = to_boost(x.email),
               domain = to_boost(x.domain);
    const auto owner = x.owner ? boost::optional<long long>(x.owner->id) : boost::none;
    const long long by = created_by;
    s << "INSERT INTO stakeholders (type, name, sort_name, kind, internal, gatekeeper_area, industry, region, size, "
         "email, domain, tags, links, value_chain, value_drivers, resources, notes, owner_id, level, level_rank, "
         "level_changed_at, created_by, created_at, updated_at, version) VALUES (:type, :name, :sort, :kind, :internal, "
         ":area, :industry, :region, :size, :email, :domain, :tags, :links, :chain, :drivers, :resources, :notes, "
         ":owner, :level, :rank, :changed, :by, :created, :updated, 1) RETURNING id",
        soci::use(x.type), soci::use(x.name), soci::use(sort_name), soci::use(x.kind), soci::use(internal),
        soci::use(area), soci::use(x.industry), soci::use(x.region), soci::use(size), soci::use(email),
        soci::use(domain), soci::use(tags), soci::use(links), soci::use(chain), soci::use(drivers),
        soci::use(resources), soci::use(x.notes), soci::use(owner), soci::use(x.level), soci::use(rank),
        soci::use(now), soci::use(by), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

bool update_stakeholder(soci::session& s, const Stakeholder& x, const std::string& now) {
    const std::string sort_name = core::ascii_lower(x.name), tags = join(x.tags), links = links_text(x.links),
                      chain = join(x.value_chain), drivers = drivers_text(x.value_drivers),
                      resources = resources_text(x.resources);
    const int internal = x.internal ? 1 : 0;
    const auto area = to_boost(x.gatekeeper_area), size = to_boost(x.size), email = to_boost(x.email),
               domain = to_boost(x.domain);
    const auto owner = x.owner ? boost::optional<long long>(x.owner->id) : boost::none;
    const long long id = x.id, version = x.version;
    soci::statement st =
        (s.prepare << "UPDATE stakeholders SET name = :name, sort_name = :sort, kind = :kind, internal = :internal, "
                      "gatekeeper_area = :area, industry = :industry, region = :region, size = :size, email = :email, "
                      "domain = :domain, tags = :tags, links = :links, value_chain = :chain, value_drivers = :drivers, "
                      "resources = :resources, notes = :notes, owner_id = :owner, updated_at = :updated, "
                      "version = version + 1 WHERE id = :id AND version = :version",
         soci::use(x.name), soci::use(sort_name), soci::use(x.kind), soci::use(internal), soci::use(area),
         soci::use(x.industry), soci::use(x.region), soci::use(size), soci::use(email), soci::use(domain),
         soci::use(tags), soci::use(links), soci::use(chain), soci::use(drivers), soci::use(resources),
         soci::use(x.notes), soci::use(owner), soci::use(now), soci::use(id), soci::use(version));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

void delete_stakeholder(soci::session& s, int64_t id) {
    const long long sid = id;
    s << "DELETE FROM stakeholders WHERE id = :id", soci::use(sid);
}

std::optional<Stakeholder> find_stakeholder(soci::session& s, int64_t id, const Viewer& viewer) {
    Query<StakeholderRow> q(s);
    const long long sid = id, who = viewer.user_id;
    std::string sql = std::string(kDetailColumns) + "WHERE s.id = :id";
    q.bind(sid);
    if (viewer.external) {
        sql += kSharedWithViewer;
        q.bind(who);
    }
    auto rows = q.run(sql);
    if (rows.empty()) return std::nullopt;
    auto x = rows.front();
    if (!viewer.external) load_details(s, x);
    return x;
}

std::vector<Stakeholder> list_stakeholders(soci::session& s, const StakeholderFilter& f, const Viewer& viewer) {
    Query<StakeholderRow> q(s);
    std::string sql = std::string(kListColumns) + "WHERE 1 = 1";
    if (viewer.external) {
        sql += kSharedWithViewer;
        q.bind(static_cast<long long>(viewer.user_id));
    }
    if (f.type) { sql += " AND s.type = :type"; q.bind(*f.type); }
    if (f.kind) { sql += " AND s.kind = :kind"; q.bind(*f.kind); }
    if (f.level) { sql += " AND s.level = :level"; q.bind(*f.level); }
    if (f.region) { sql += " AND lower(s.region) = :region"; q.bind(core::ascii_lower(*f.region)); }
    if (f.owner_id) { sql += " AND s.owner_id = :owner"; q.bind(static_cast<long long>(*f.owner_id)); }
    if (f.internal) { sql += " AND s.internal = :internal"; q.bind(*f.internal ? 1 : 0); }
    if (f.tag) {
        sql += " AND EXISTS (SELECT 1 FROM stakeholder_tags t WHERE t.stakeholder_id = s.id AND t.tag = :tag)";
        q.bind(core::ascii_lower(*f.tag));
    }
    if (f.last_contact_before) { sql += " AND s.last_contact_at < :cb"; q.bind(*f.last_contact_before); }
    if (f.last_contact_after) { sql += " AND s.last_contact_at >= :ca"; q.bind(*f.last_contact_after); }
    if (f.q) {
        const auto like = db::contains_pattern(core::ascii_lower(*f.q));
        // E-mail addresses are internal: external participants search names and domains only.
        if (viewer.external) {
            sql += " AND (s.sort_name LIKE :q1 ESCAPE '\\' OR s.domain LIKE :q3 ESCAPE '\\')";
            q.bind(like).bind(like);
        } else {
            sql += " AND (s.sort_name LIKE :q1 ESCAPE '\\' OR s.email LIKE :q2 ESCAPE '\\' OR s.domain LIKE :q3 ESCAPE '\\')";
            q.bind(like).bind(like).bind(like);
        }
    }
    const long long after_id = f.after_id;
    std::string order;
    if (f.sort == "-updated") {
        if (f.after_key) { sql += " AND (s.updated_at, s.id) < (:k, :a)"; q.bind(*f.after_key).bind(after_id); }
        order = " ORDER BY s.updated_at DESC, s.id DESC";
    } else if (f.sort == "-last_contact") {
        if (f.after_key) {
            sql += " AND (COALESCE(s.last_contact_at, ''), s.id) < (:k, :a)";
            q.bind(*f.after_key).bind(after_id);
        }
        order = " ORDER BY COALESCE(s.last_contact_at, '') DESC, s.id DESC";
    } else if (f.sort == "-level") {
        if (f.after_key) {
            sql += " AND (s.level_rank, s.id) < (:k, :a)";
            q.bind(std::max(0, level_rank(*f.after_key))).bind(after_id);
        }
        order = " ORDER BY s.level_rank DESC, s.id DESC";
    } else {
        if (f.after_key) { sql += " AND (s.sort_name, s.id) > (:k, :a)"; q.bind(*f.after_key).bind(after_id); }
        order = " ORDER BY s.sort_name, s.id";
    }
    sql += order + " LIMIT :limit";
    q.bind(f.limit + 1);
    return q.run(sql);
}

std::optional<std::string> type_of(soci::session& s, int64_t id) {
    auto rows = Query<TextRow>(s).bind(static_cast<long long>(id)).run("SELECT type FROM stakeholders WHERE id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<std::string> name_of(soci::session& s, int64_t id) {
    auto rows = Query<TextRow>(s).bind(static_cast<long long>(id)).run("SELECT name FROM stakeholders WHERE id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

void replace_tags(soci::session& s, int64_t id, const std::vector<std::string>& tags) {
    long long sid = id;
    std::string tag;
    s << "DELETE FROM stakeholder_tags WHERE stakeholder_id = :id", soci::use(sid);
    if (tags.empty()) return;
    soci::statement st = (s.prepare << "INSERT INTO stakeholder_tags (stakeholder_id, tag) VALUES (:id, :tag)",
                          soci::use(sid), soci::use(tag));
    for (const auto& t : tags) {
        tag = t;
        st.execute(true);
    }
}

void replace_team(soci::session& s, int64_t id, const std::vector<TeamInput>& team) {
    long long sid = id, user = 0;
    std::string role;
    s << "DELETE FROM stakeholder_team WHERE stakeholder_id = :id", soci::use(sid);
    for (const auto& m : team) {
        user = m.user_id;
        role = m.role;
        s << "INSERT INTO stakeholder_team (stakeholder_id, user_id, role) VALUES (:id, :u, :r)", soci::use(sid),
            soci::use(user), soci::use(role);
    }
}

void replace_spaces(soci::session& s, int64_t id, const std::vector<int64_t>& space_ids) {
    long long sid = id, space = 0;
    s << "DELETE FROM stakeholder_spaces WHERE stakeholder_id = :id", soci::use(sid);
    for (auto sp : space_ids) {
        space = sp;
        s << "INSERT INTO stakeholder_spaces (stakeholder_id, space_id) VALUES (:id, :sp)", soci::use(sid),
            soci::use(space);
    }
}

void add_affiliation(soci::session& s, int64_t person_id, int64_t organisation_id, const std::string& title,
                     const std::string& now) {
    const long long p = person_id, o = organisation_id;
    const std::string role;
    s << "INSERT INTO affiliations (person_id, organisation_id, title, role, created_at) VALUES (:p, :o, :t, :r, :c)",
        soci::use(p), soci::use(o), soci::use(title), soci::use(role), soci::use(now);
}

void replace_affiliations(soci::session& s, int64_t id, const std::string& type,
                          const std::vector<AffiliationInput>& list, const std::string& now) {
    const bool person = type == "person";
    long long sid = id;
    if (person) s << "DELETE FROM affiliations WHERE person_id = :id", soci::use(sid);
    else s << "DELETE FROM affiliations WHERE organisation_id = :id", soci::use(sid);
    for (const auto& a : list) {
        long long p = person ? id : a.other_id, o = person ? a.other_id : id;
        s << "INSERT INTO affiliations (person_id, organisation_id, title, role, created_at) "
             "VALUES (:p, :o, :t, :r, :c)",
            soci::use(p), soci::use(o), soci::use(a.title), soci::use(a.role), soci::use(now);
    }
}

void replace_relations(soci::session& s, int64_t from_id, const std::vector<RelationInput>& list,
                       const std::string& now) {
    long long from = from_id;
    s << "DELETE FROM stakeholder_relations WHERE from_id = :id", soci::use(from);
    for (const auto& r : list) {
        long long to = r.to_id;
        s << "INSERT INTO stakeholder_relations (from_id, to_id, kind, created_at) VALUES (:f, :t, :k, :c)",
            soci::use(from), soci::use(to), soci::use(r.kind), soci::use(now);
    }
}

void record_level(soci::session& s, int64_t id, const std::string& level, const std::string& previous,
                  const std::string& note, int64_t by, const std::string& at) {
    const long long sid = id, who = by;
    const int rank = level_rank(level);
    s << "INSERT INTO stakeholder_levels (stakeholder_id, level, previous, note, recorded_by, recorded_at) "
         "VALUES (:id, :l, :p, :n, :b, :a)",
        soci::use(sid), soci::use(level), soci::use(previous), soci::use(note), soci::use(who), soci::use(at);
    s << "UPDATE stakeholders SET level = :l, level_rank = :r, level_changed_at = :a, updated_at = :u, "
         "version = version + 1 WHERE id = :id",
        soci::use(level), soci::use(rank), soci::use(at), soci::use(at), soci::use(sid);
}

void record_first_level(soci::session& s, int64_t id, const std::string& level, int64_t by, const std::string& at) {
    const long long sid = id, who = by;
    s << "INSERT INTO stakeholder_levels (stakeholder_id, level, previous, note, recorded_by, recorded_at) "
         "VALUES (:id, :l, NULL, '', :b, :a)",
        soci::use(sid), soci::use(level), soci::use(who), soci::use(at);
}

int64_t record_emotion(soci::session& s, int64_t id, const NewEmotion& e, const std::string& observed_at, int64_t by,
                       const std::string& now) {
    long long eid = 0;
    const long long sid = id, who = by;
    s << "INSERT INTO stakeholder_emotions (stakeholder_id, valence, intensity, source, note, observed_at, "
         "recorded_by, recorded_at) VALUES (:id, :v, :i, :s, :n, :o, :b, :r) RETURNING id",
        soci::use(sid), soci::use(e.valence), soci::use(e.intensity), soci::use(e.source), soci::use(e.note),
        soci::use(observed_at), soci::use(who), soci::use(now), soci::into(eid);
    // The latest observation is the current emotion; recording an older one only adds history.
    s << "UPDATE stakeholders SET emotion_valence = :v, emotion_intensity = :i, emotion_observed_at = :o, "
         "updated_at = :u, version = version + 1 WHERE id = :id AND (emotion_observed_at IS NULL OR "
         "emotion_observed_at <= :o2)",
        soci::use(e.valence), soci::use(e.intensity), soci::use(observed_at), soci::use(now), soci::use(sid),
        soci::use(observed_at);
    return eid;
}

void touch_contact(soci::session& s, int64_t id, const std::string& at) {
    const long long sid = id;
    s << "UPDATE stakeholders SET last_contact_at = :a WHERE id = :id AND (last_contact_at IS NULL OR "
         "last_contact_at < :a2)",
        soci::use(at), soci::use(sid), soci::use(at);
}

void set_last_contact(soci::session& s, int64_t id, const std::optional<std::string>& at) {
    const long long sid = id;
    const auto value = to_boost(at);
    s << "UPDATE stakeholders SET last_contact_at = :a WHERE id = :id", soci::use(value), soci::use(sid);
}

std::vector<Need> list_needs(soci::session& s, int64_t stakeholder_id, const std::optional<std::string>& status,
                             std::optional<int64_t> after, int limit) {
    Query<NeedRow> q(s);
    std::string sql = std::string(kNeedSelect) + "WHERE stakeholder_id = :id";
    q.bind(static_cast<long long>(stakeholder_id));
    if (status) { sql += " AND status = :st"; q.bind(*status); }
    if (after) { sql += " AND id < :a"; q.bind(static_cast<long long>(*after)); }
    sql += " ORDER BY id DESC LIMIT :l";
    q.bind(limit + 1);
    return q.run(sql);
}

std::optional<Need> find_need(soci::session& s, int64_t id) {
    auto rows = Query<NeedRow>(s).bind(static_cast<long long>(id)).run(std::string(kNeedSelect) + "WHERE id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

int64_t insert_need(soci::session& s, const Need& n, int64_t by, const std::string& now) {
    long long id = 0;
    const long long sid = n.stakeholder_id, who = by;
    s << "INSERT INTO stakeholder_needs (stakeholder_id, kind, title, detail, status, created_by, created_at, "
         "updated_at) VALUES (:s, :k, :t, :d, :st, :b, :c, :u) RETURNING id",
        soci::use(sid), soci::use(n.kind), soci::use(n.title), soci::use(n.detail), soci::use(n.status),
        soci::use(who), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

void update_need(soci::session& s, const Need& n, const std::string& now) {
    const long long id = n.id;
    s << "UPDATE stakeholder_needs SET kind = :k, title = :t, detail = :d, status = :s, updated_at = :u WHERE id = :id",
        soci::use(n.kind), soci::use(n.title), soci::use(n.detail), soci::use(n.status), soci::use(now),
        soci::use(id);
}

void delete_need(soci::session& s, int64_t id) {
    const long long nid = id;
    s << "DELETE FROM stakeholder_needs WHERE id = :id", soci::use(nid);
}

namespace {

void write_by(core::JsonWriter& w, const boost::optional<long long>& id, const boost::optional<std::string>& name) {
    w.key("by");
    if (id) w.begin_object().field("id", static_cast<int64_t>(*id)).field("display_name", name.value_or("")).end_object();
    else w.null();
}

struct LevelEntryRow {
    long long id = 0;
    std::string at, level, note;
    boost::optional<std::string> previous, by;
    boost::optional<long long> by_id;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(level));
        st.exchange(soci::into(previous));
        st.exchange(soci::into(note));
        st.exchange(soci::into(by_id));
        st.exchange(soci::into(by));
    }
    TimelineEntry value() const {
        TimelineEntry e{"level", at, id, kLevelRank, {}};
        auto w = core::JsonWriter::members(e.members);
        w.field("level", level).field("previous", db::from_boost(previous)).field("note", note);
        write_by(w, by_id, by);
        return e;
    }
};

struct EmotionEntryRow {
    long long id = 0;
    int valence = 0, intensity = 0;
    std::string at, source, note;
    boost::optional<std::string> by;
    boost::optional<long long> by_id;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(valence));
        st.exchange(soci::into(intensity));
        st.exchange(soci::into(source));
        st.exchange(soci::into(note));
        st.exchange(soci::into(by_id));
        st.exchange(soci::into(by));
    }
    TimelineEntry value() const {
        TimelineEntry e{"emotion", at, id, kEmotionRank, {}};
        auto w = core::JsonWriter::members(e.members);
        w.field("valence", valence)
            .field("intensity", intensity)
            .field("state", emotion_state(valence, intensity))
            .field("source", source)
            .field("note", note);
        write_by(w, by_id, by);
        return e;
    }
};

struct NeedEntryRow {
    long long id = 0;
    std::string at, kind, title, status;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(title));
        st.exchange(soci::into(status));
    }
    TimelineEntry value() const {
        TimelineEntry e{"need", at, id, kNeedRank, {}};
        core::JsonWriter::members(e.members).field("need_kind", kind).field("title", title).field("status", status);
        return e;
    }
};

}  // namespace

std::vector<TimelineEntry> timeline_entries(soci::session& s, int64_t id, const std::optional<TimelineCursor>& before,
                                            int limit) {
    const long long sid = id;
    std::vector<TimelineEntry> out;
    {
        Query<LevelEntryRow> q(s);
        q.bind(sid);
        std::string sql =
            "SELECT l.id, l.recorded_at, l.level, l.previous, l.note, l.recorded_by, u.display_name FROM stakeholder_levels l "
            "LEFT JOIN users u ON u.id = l.recorded_by WHERE l.stakeholder_id = :id";
        sql += older_than(q, before, kLevelRank, "l.recorded_at", "l.id");
        sql += " ORDER BY l.recorded_at DESC, l.id DESC LIMIT :l";
        q.bind(limit + 1);
        for (auto& e : q.run(sql)) out.push_back(std::move(e));
    }
    {
        Query<EmotionEntryRow> q(s);
        q.bind(sid);
        std::string sql =
            "SELECT e.id, e.observed_at, e.valence, e.intensity, e.source, e.note, e.recorded_by, u.display_name FROM "
            "stakeholder_emotions e LEFT JOIN users u ON u.id = e.recorded_by WHERE e.stakeholder_id = :id";
        sql += older_than(q, before, kEmotionRank, "e.observed_at", "e.id");
        sql += " ORDER BY e.observed_at DESC, e.id DESC LIMIT :l";
        q.bind(limit + 1);
        for (auto& e : q.run(sql)) out.push_back(std::move(e));
    }
    {
        Query<NeedEntryRow> q(s);
        q.bind(sid);
        std::string sql =
            "SELECT n.id, n.created_at, n.kind, n.title, n.status FROM stakeholder_needs n WHERE n.stakeholder_id = :id";
        sql += older_than(q, before, kNeedRank, "n.created_at", "n.id");
        sql += " ORDER BY n.created_at DESC, n.id DESC LIMIT :l";
        q.bind(limit + 1);
        for (auto& e : q.run(sql)) out.push_back(std::move(e));
    }
    return out;
}

namespace {

struct MapNodeRow {
    long long id = 0;
    std::string type, name, kind, level;
    int internal = 0;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(type));
        st.exchange(soci::into(name));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(level));
        st.exchange(soci::into(internal));
    }
    MapNode value() const { return {id, type, name, kind, level, internal != 0}; }
};
struct EdgeRow {
    long long source = 0, target = 0;
    std::string kind, label;
    void bind(soci::statement& st) {
        st.exchange(soci::into(source));
        st.exchange(soci::into(target));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(label));
    }
    MapEdge value() const { return {source, target, kind, label}; }
};

// Edges are fetched for chunks of this many nodes with a fixed number of placeholders,
// so one prepared statement serves every chunk (missing slots are bound to 0).
constexpr size_t kEdgeChunk = 100;

std::string placeholders(const char* prefix) {
    std::string out;
    for (size_t i = 0; i < kEdgeChunk; ++i) {
        if (i) out += ", ";
        out += ":";
        out += prefix;
        out += std::to_string(i);
    }
    return out;
}

}  // namespace

StakeholderMap map(soci::session& s, const StakeholderFilter& f, int limit) {
    StakeholderMap m;
    Query<MapNodeRow> q(s);
    std::string sql = "SELECT s.id, s.type, s.name, s.kind, s.level, s.internal FROM stakeholders s WHERE 1 = 1";
    if (f.type) { sql += " AND s.type = :type"; q.bind(*f.type); }
    if (f.kind) { sql += " AND s.kind = :kind"; q.bind(*f.kind); }
    if (f.q) {
        sql += " AND s.sort_name LIKE :q ESCAPE '\\'";
        q.bind(db::contains_pattern(core::ascii_lower(*f.q)));
    }
    sql += " ORDER BY s.level_rank DESC, s.sort_name, s.id LIMIT :l";
    q.bind(limit + 1);
    m.nodes = q.run(sql);
    if (static_cast<int>(m.nodes.size()) > limit) {
        m.nodes.resize(limit);
        m.truncated = true;
    }
    std::set<int64_t> ids;
    for (const auto& n : m.nodes) ids.insert(n.id);
    static const std::string affiliation_sql =
        "SELECT a.person_id, a.organisation_id, 'affiliation', a.title FROM affiliations a WHERE a.person_id IN (" +
        placeholders("p") + ")";
    static const std::string relation_sql =
        "SELECT r.from_id, r.to_id, r.kind, '' FROM stakeholder_relations r WHERE r.from_id IN (" + placeholders("p") +
        ")";
    for (size_t start = 0; start < m.nodes.size(); start += kEdgeChunk) {
        for (const auto* sql_text : {&affiliation_sql, &relation_sql}) {
            Query<EdgeRow> eq(s);
            for (size_t i = 0; i < kEdgeChunk; ++i)
                eq.bind(static_cast<long long>(start + i < m.nodes.size() ? m.nodes[start + i].id : 0));
            for (auto& e : eq.run(*sql_text))
                if (ids.contains(e.source) && ids.contains(e.target)) m.edges.push_back(std::move(e));
        }
    }
    return m;
}

namespace {
struct KeyRow {
    long long id = 0;
    std::string type, name, sort_name;
    boost::optional<std::string> email, domain;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(type));
        st.exchange(soci::into(name));
        st.exchange(soci::into(sort_name));
        st.exchange(soci::into(email));
        st.exchange(soci::into(domain));
    }
    ExistingKey value() const { return {id, type, name, sort_name, email.value_or(""), domain.value_or("")}; }
};

std::string owner_clause(Query<StakeholderRow>& q, std::optional<int64_t> owner_id) {
    if (!owner_id) return {};
    q.bind(static_cast<long long>(*owner_id));
    return " AND s.owner_id = :owner";
}
}  // namespace

std::vector<ExistingKey> existing_keys(soci::session& s) {
    return Query<KeyRow>(s).run("SELECT id, type, name, sort_name, email, domain FROM stakeholders");
}

std::vector<Stakeholder> indifferent(soci::session& s, std::optional<int64_t> owner_id, int limit) {
    Query<StakeholderRow> q(s);
    std::string sql = std::string(kListColumns) + "WHERE s.emotion_intensity = 0" + owner_clause(q, owner_id) +
                      " ORDER BY s.emotion_observed_at DESC, s.id DESC LIMIT :l";
    q.bind(limit + 1);
    return q.run(sql);
}

std::vector<Stakeholder> quiet(soci::session& s, std::optional<int64_t> owner_id, const std::string& contact_before,
                               int limit) {
    // Never contacted first, then the longest silence first. Two queries, because engines
    // disagree on where NULL sorts and an expression in ORDER BY would bypass the index.
    std::vector<Stakeholder> out;
    {
        Query<StakeholderRow> q(s);
        q.bind(level_rank("interested"));
        std::string sql = std::string(kListColumns) + "WHERE s.level_rank >= :rank" + owner_clause(q, owner_id) +
                          " AND s.last_contact_at IS NULL ORDER BY s.id LIMIT :l";
        q.bind(limit + 1);
        out = q.run(sql);
    }
    if (static_cast<int>(out.size()) > limit) return out;
    Query<StakeholderRow> q(s);
    q.bind(contact_before);
    std::string sql = std::string(kListColumns) + "WHERE s.last_contact_at < :before";
    q.bind(level_rank("interested"));
    sql += " AND s.level_rank >= :rank" + owner_clause(q, owner_id);
    sql += " ORDER BY s.last_contact_at, s.id LIMIT :l";
    q.bind(limit + 1 - static_cast<int>(out.size()));
    for (auto& x : q.run(sql)) out.push_back(std::move(x));
    return out;
}

int64_t count_indifferent(soci::session& s, std::optional<int64_t> owner_id, int cap) {
    Query<CountRow> q(s);
    std::string sql = "SELECT COUNT(*) FROM (SELECT 1 FROM stakeholders s WHERE s.emotion_intensity = 0";
    if (owner_id) { sql += " AND s.owner_id = :owner"; q.bind(static_cast<long long>(*owner_id)); }
    sql += " LIMIT :cap) capped";
    q.bind(cap);
    return q.run(sql).front();
}

int64_t count_quiet(soci::session& s, std::optional<int64_t> owner_id, const std::string& contact_before, int cap) {
    Query<CountRow> q(s);
    q.bind(level_rank("interested"));
    std::string sql = "SELECT COUNT(*) FROM (SELECT 1 FROM stakeholders s WHERE s.level_rank >= :rank";
    if (owner_id) { sql += " AND s.owner_id = :owner"; q.bind(static_cast<long long>(*owner_id)); }
    sql += " AND (s.last_contact_at IS NULL OR s.last_contact_at < :before) LIMIT :cap) capped";
    q.bind(contact_before).bind(cap);
    return q.run(sql).front();
}

}  // namespace cocreate::stakeholders::stakeholder_repository

namespace cocreate::stakeholders::stakeholder_repository {

BulkInserter::BulkInserter(soci::session& s, int64_t created_by, std::string now)
    : now_(std::move(now)),
      by_(created_by),
      stakeholder_((s.prepare << "INSERT INTO stakeholders (type, name, sort_name, kind, internal, industry, region, "
                                "size, email, domain, tags, notes, level, level_rank, level_changed_at, created_by, "
                                "created_at, updated_at, version) VALUES (:type, :name, :sort, :kind, :internal, "
                                ":industry, :region, :size, :email, :domain, :tags, :notes, :level, :rank, :changed, "
                                ":by, :created, :updated, 1) RETURNING id",
                   soci::use(type_), soci::use(name_), soci::use(sort_name_), soci::use(kind_), soci::use(internal_),
                   soci::use(industry_), soci::use(region_), soci::use(size_), soci::use(email_), soci::use(domain_),
                   soci::use(tags_), soci::use(notes_), soci::use(level_), soci::use(rank_), soci::use(now_),
                   soci::use(by_), soci::use(now_), soci::use(now_), soci::into(id_))),
      tag_insert_((s.prepare << "INSERT INTO stakeholder_tags (stakeholder_id, tag) VALUES (:id, :tag)",
                  soci::use(id_), soci::use(tag_))),
      level_insert_((s.prepare << "INSERT INTO stakeholder_levels (stakeholder_id, level, previous, note, recorded_by, "
                                 "recorded_at) VALUES (:id, :level, NULL, '', :by, :at)",
                    soci::use(id_), soci::use(level_), soci::use(by_), soci::use(now_))),
      affiliation_((s.prepare << "INSERT INTO affiliations (person_id, organisation_id, title, role, created_at) "
                                "VALUES (:p, :o, :t, :r, :c)",
                   soci::use(id_), soci::use(other_id_), soci::use(title_), soci::use(empty_), soci::use(now_))) {}

int64_t BulkInserter::insert(const Stakeholder& x) {
    type_ = x.type;
    name_ = x.name;
    sort_name_ = core::ascii_lower(x.name);
    kind_ = x.kind;
    internal_ = x.internal ? 1 : 0;
    industry_ = x.industry;
    region_ = x.region;
    size_ = to_boost(x.size);
    email_ = to_boost(x.email);
    domain_ = to_boost(x.domain);
    tags_ = join(x.tags);
    notes_ = x.notes;
    level_ = x.level;
    rank_ = level_rank(x.level);
    stakeholder_.execute(true);
    for (const auto& t : x.tags) {
        tag_ = t;
        tag_insert_.execute(true);
    }
    level_insert_.execute(true);
    return id_;
}

void BulkInserter::affiliate(int64_t person_id, int64_t organisation_id, const std::string& title) {
    id_ = person_id;
    other_id_ = organisation_id;
    title_ = title;
    affiliation_.execute(true);
}

}  // namespace cocreate::stakeholders::stakeholder_repository
