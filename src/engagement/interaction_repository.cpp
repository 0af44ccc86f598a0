#include "engagement/interaction_repository.hpp"

#include "core/json_writer.hpp"
#include "db/query.hpp"
#include "stakeholders/timeline.hpp"

namespace cocreate::engagement::interaction_repository {

namespace {

using db::from_boost;
using db::Query;
using db::to_boost;

struct InteractionRow {
    long long id = 0;
    int duration = 0;
    std::string title, type, mode, status, occurred_at, summary, outcome, created_at, updated_at;
    boost::optional<long long> by;
    boost::optional<std::string> by_name;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(title));
        st.exchange(soci::into(type));
        st.exchange(soci::into(mode));
        st.exchange(soci::into(status));
        st.exchange(soci::into(occurred_at));
        st.exchange(soci::into(duration));
        st.exchange(soci::into(summary));
        st.exchange(soci::into(outcome));
        st.exchange(soci::into(by));
        st.exchange(soci::into(by_name));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }
    Interaction value() const {
        Interaction x;
        x.id = id;
        x.title = title;
        x.type = type;
        x.mode = mode;
        x.status = status;
        x.occurred_at = occurred_at;
        x.duration_minutes = duration;
        x.summary = summary;
        x.outcome = outcome;
        if (by) x.created_by = UserRef{*by, by_name.value_or("")};
        x.created_at = created_at;
        x.updated_at = updated_at;
        return x;
    }
};
constexpr const char* kSelect =
    "SELECT i.id, i.title, i.type, i.mode, i.status, i.occurred_at, i.duration_minutes, i.summary, i.outcome, "
    "i.created_by, u.display_name, i.created_at, i.updated_at FROM interactions i "
    "LEFT JOIN users u ON u.id = i.created_by ";

struct UserRow {
    long long id = 0;
    std::string name;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
    }
    UserRef value() const { return {id, name}; }
};

struct PartyRow {
    long long id = 0;
    std::string name, kind, topic;
    boost::optional<std::string> interest;
    boost::optional<int> valence, intensity;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(interest));
        st.exchange(soci::into(topic));
        st.exchange(soci::into(valence));
        st.exchange(soci::into(intensity));
    }
    InteractionStakeholder value() const {
        return {id, name, kind, from_boost(interest), topic, from_boost(valence), from_boost(intensity)};
    }
};

struct TextRow {
    boost::optional<std::string> text;
    void bind(soci::statement& st) { st.exchange(soci::into(text)); }
    std::optional<std::string> value() const { return from_boost(text); }
};

struct MinutesRow {
    long long user = 0, minutes = 0;
    void bind(soci::statement& st) {
        st.exchange(soci::into(user));
        st.exchange(soci::into(minutes));
    }
    std::pair<int64_t, int64_t> value() const { return {user, minutes}; }
};

void load_people(soci::session& s, Interaction& x) {
    const long long id = x.id;
    x.participants = Query<UserRow>(s).bind(id).run(
        "SELECT u.id, u.display_name FROM interaction_participants p JOIN users u ON u.id = p.user_id "
        "WHERE p.interaction_id = :id ORDER BY u.display_name, u.id");
    x.stakeholders = Query<PartyRow>(s).bind(id).run(
        "SELECT st.id, st.name, st.kind, x.interest, x.interest_topic, x.valence, x.intensity "
        "FROM interaction_stakeholders x JOIN stakeholders st ON st.id = x.stakeholder_id "
        "WHERE x.interaction_id = :id ORDER BY st.sort_name, st.id");
}

}  // namespace

int64_t insert_interaction(soci::session& s, const Interaction& x, int64_t by, const std::string& now) {
    long long id = 0;
    const long long who = by;
    s << "INSERT INTO interactions (title, type, mode, status, occurred_at, duration_minutes, summary, outcome, "
         "created_by, created_at, updated_at) VALUES (:t, :ty, :m, :st, :o, :d, :su, :ou, :b, :c, :u) RETURNING id",
        soci::use(x.title), soci::use(x.type), soci::use(x.mode), soci::use(x.status), soci::use(x.occurred_at),
        soci::use(x.duration_minutes), soci::use(x.summary), soci::use(x.outcome), soci::use(who), soci::use(now),
        soci::use(now), soci::into(id);
    return id;
}

void update_interaction(soci::session& s, const Interaction& x, const std::string& now) {
    const long long id = x.id;
    s << "UPDATE interactions SET title = :t, type = :ty, mode = :m, status = :st, occurred_at = :o, "
         "duration_minutes = :d, summary = :su, outcome = :ou, updated_at = :u WHERE id = :id",
        soci::use(x.title), soci::use(x.type), soci::use(x.mode), soci::use(x.status), soci::use(x.occurred_at),
        soci::use(x.duration_minutes), soci::use(x.summary), soci::use(x.outcome), soci::use(now), soci::use(id);
}

void delete_interaction(soci::session& s, int64_t id) {
    const long long iid = id;
    s << "DELETE FROM interactions WHERE id = :id", soci::use(iid);
}

void replace_people(soci::session& s, const Interaction& x) {
    const long long id = x.id;
    s << "DELETE FROM interaction_participants WHERE interaction_id = :id", soci::use(id);
    s << "DELETE FROM interaction_stakeholders WHERE interaction_id = :id", soci::use(id);
    for (const auto& p : x.participants) {
        const long long user = p.id;
        s << "INSERT INTO interaction_participants (interaction_id, user_id) VALUES (:i, :u)", soci::use(id),
            soci::use(user);
    }
    for (const auto& p : x.stakeholders) {
        const long long sid = p.stakeholder_id;
        const auto interest = to_boost(p.interest);
        const auto valence = to_boost(p.valence), intensity = to_boost(p.intensity);
        s << "INSERT INTO interaction_stakeholders (interaction_id, stakeholder_id, occurred_at, status, interest, "
             "interest_topic, valence, intensity) VALUES (:i, :s, :o, :st, :in, :t, :v, :n)",
            soci::use(id), soci::use(sid), soci::use(x.occurred_at), soci::use(x.status), soci::use(interest),
            soci::use(p.interest_topic), soci::use(valence), soci::use(intensity);
    }
}

std::optional<Interaction> find_interaction(soci::session& s, int64_t id) {
    auto rows = Query<InteractionRow>(s).bind(static_cast<long long>(id)).run(std::string(kSelect) + "WHERE i.id = :id");
    if (rows.empty()) return std::nullopt;
    auto x = rows.front();
    load_people(s, x);
    return x;
}

std::vector<Interaction> list_interactions(soci::session& s, const InteractionFilter& f) {
    Query<InteractionRow> q(s);
    std::string sql = std::string(kSelect) + "WHERE 1 = 1";
    if (f.stakeholder_id) {
        sql += " AND i.id IN (SELECT x.interaction_id FROM interaction_stakeholders x WHERE x.stakeholder_id = :s)";
        q.bind(static_cast<long long>(*f.stakeholder_id));
    }
    if (f.participant_id) {
        sql += " AND EXISTS (SELECT 1 FROM interaction_participants p WHERE p.interaction_id = i.id AND p.user_id = :p)";
        q.bind(static_cast<long long>(*f.participant_id));
    }
    if (f.type) { sql += " AND i.type = :type"; q.bind(*f.type); }
    if (f.status) { sql += " AND i.status = :status"; q.bind(*f.status); }
    if (f.from) { sql += " AND i.occurred_at >= :from"; q.bind(*f.from); }
    if (f.to) { sql += " AND i.occurred_at < :to"; q.bind(*f.to); }
    if (f.after_key) {
        sql += " AND (i.occurred_at, i.id) < (:k, :a)";
        q.bind(*f.after_key).bind(static_cast<long long>(f.after_id));
    }
    sql += " ORDER BY i.occurred_at DESC, i.id DESC LIMIT :l";
    q.bind(f.limit + 1);
    auto rows = q.run(sql);
    for (auto& x : rows) load_people(s, x);
    return rows;
}

std::optional<std::string> last_held_contact(soci::session& s, int64_t stakeholder_id) {
    auto rows = Query<TextRow>(s).bind(static_cast<long long>(stakeholder_id)).run(
        "SELECT MAX(occurred_at) FROM interaction_stakeholders WHERE stakeholder_id = :s AND status = 'held'");
    return rows.empty() ? std::nullopt : rows.front();
}

namespace {
struct EntryRow {
    long long id = 0;
    std::string at, title, type, mode, status, topic;
    boost::optional<std::string> interest;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(title));
        st.exchange(soci::into(type));
        st.exchange(soci::into(mode));
        st.exchange(soci::into(status));
        st.exchange(soci::into(interest));
        st.exchange(soci::into(topic));
    }
    stakeholders::TimelineEntry value() const {
        stakeholders::TimelineEntry e{"interaction", at, id, stakeholders::kInteractionRank, {}};
        core::JsonWriter::members(e.members)
            .field("title", title)
            .field("type", type)
            .field("mode", mode)
            .field("status", status)
            .field("interest", from_boost(interest))
            .field("interest_topic", topic);
        return e;
    }
};
}  // namespace

std::vector<stakeholders::TimelineEntry> timeline_entries(soci::session& s, int64_t stakeholder_id,
                                                          const std::optional<stakeholders::TimelineCursor>& before,
                                                          int limit) {
    Query<EntryRow> q(s);
    q.bind(static_cast<long long>(stakeholder_id));
    std::string sql =
        "SELECT i.id, x.occurred_at, i.title, i.type, i.mode, i.status, x.interest, x.interest_topic "
        "FROM interaction_stakeholders x JOIN interactions i ON i.id = x.interaction_id WHERE x.stakeholder_id = :s";
    sql += stakeholders::older_than(q, before, stakeholders::kInteractionRank, "x.occurred_at", "x.interaction_id");
    sql += " ORDER BY x.occurred_at DESC, x.interaction_id DESC LIMIT :l";
    q.bind(limit + 1);
    return q.run(sql);
}

std::vector<std::pair<int64_t, int64_t>> planned_minutes(soci::session& s, const std::string& from,
                                                         const std::string& to) {
    return Query<MinutesRow>(s).bind(from).bind(to).run(
        "SELECT p.user_id, SUM(i.duration_minutes) FROM interactions i JOIN interaction_participants p "
        "ON p.interaction_id = i.id WHERE i.status = 'planned' AND i.occurred_at >= :f AND i.occurred_at < :t "
        "GROUP BY p.user_id");
}

}  // namespace cocreate::engagement::interaction_repository
