#include "stakeholders/stakeholder_repository.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "core/json_input.hpp"
#include "core/json_writer.hpp"
#include "db/query.hpp"
#include "stakeholders/stakeholder_rows.hpp"
#include "stakeholders/timeline.hpp"

namespace cocreate::stakeholders::stakeholder_repository {


using namespace rows;

namespace {

namespace json = boost::json;
using db::from_boost;
using db::Query;
using db::to_boost;

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

}  // namespace cocreate::stakeholders::stakeholder_repository
