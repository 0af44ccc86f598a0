// The stakeholder repository's history and overview queries: timeline entries (ladder,
// emotions, needs), the map, the attention lists and the CSV import's bulk inserts.
#include <boost/json.hpp>

#include <set>

#include "core/json_writer.hpp"
#include "db/query.hpp"
#include "stakeholders/stakeholder_repository.hpp"
#include "stakeholders/stakeholder_rows.hpp"
#include "stakeholders/timeline.hpp"

namespace cocreate::stakeholders::stakeholder_repository {

using namespace rows;
namespace json = boost::json;
using db::from_boost;
using db::Query;
using db::to_boost;

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
