#include "engagement/follow_up_repository.hpp"

#include "core/json_writer.hpp"
#include "db/query.hpp"
#include "stakeholders/timeline.hpp"

namespace cocreate::engagement::follow_up_repository {

namespace {

using db::from_boost;
using db::Query;
using db::to_boost;
using stakeholders::TimelineEntry;

struct FollowUpRow {
    long long id = 0, owner_id = 0;
    int effort = 0;
    std::string title, detail, owner_name, due_on, status, created_at, updated_at;
    boost::optional<long long> stakeholder_id, interaction_id, by;
    boost::optional<std::string> stakeholder_name, by_name, completed_at;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(title));
        st.exchange(soci::into(detail));
        st.exchange(soci::into(owner_id));
        st.exchange(soci::into(owner_name));
        st.exchange(soci::into(due_on));
        st.exchange(soci::into(status));
        st.exchange(soci::into(effort));
        st.exchange(soci::into(stakeholder_id));
        st.exchange(soci::into(stakeholder_name));
        st.exchange(soci::into(interaction_id));
        st.exchange(soci::into(by));
        st.exchange(soci::into(by_name));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
        st.exchange(soci::into(completed_at));
    }
    FollowUp value() const {
        FollowUp f;
        f.id = id;
        f.title = title;
        f.detail = detail;
        f.owner = {owner_id, owner_name};
        f.due_on = due_on;
        f.status = status;
        f.effort_minutes = effort;
        if (stakeholder_id) f.stakeholder = StakeholderRef{*stakeholder_id, stakeholder_name.value_or("")};
        f.interaction_id = db::from_boost_id(interaction_id);
        if (by) f.created_by = UserRef{*by, by_name.value_or("")};
        f.created_at = created_at;
        f.updated_at = updated_at;
        f.completed_at = from_boost(completed_at);
        return f;
    }
};
constexpr const char* kFollowUpSelect =
    "SELECT f.id, f.title, f.detail, f.owner_id, o.display_name, f.due_on, f.status, f.effort_minutes, "
    "f.stakeholder_id, st.name, f.interaction_id, f.created_by, b.display_name, f.created_at, f.updated_at, "
    "f.completed_at FROM follow_ups f JOIN users o ON o.id = f.owner_id LEFT JOIN users b ON b.id = f.created_by "
    "LEFT JOIN stakeholders st ON st.id = f.stakeholder_id ";

struct CadenceRow {
    long long id = 0, stakeholder_id = 0, owner_id = 0;
    std::string stakeholder_name, owner_name, label, interval, format, starts_on, next_due_on, created_at;
    boost::optional<int> every_days;
    int paused = 0;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(stakeholder_id));
        st.exchange(soci::into(stakeholder_name));
        st.exchange(soci::into(owner_id));
        st.exchange(soci::into(owner_name));
        st.exchange(soci::into(label));
        st.exchange(soci::into(interval));
        st.exchange(soci::into(every_days));
        st.exchange(soci::into(format));
        st.exchange(soci::into(starts_on));
        st.exchange(soci::into(next_due_on));
        st.exchange(soci::into(paused));
        st.exchange(soci::into(created_at));
    }
    Cadence value() const {
        return {id,     {stakeholder_id, stakeholder_name}, {owner_id, owner_name}, label, interval,
                from_boost(every_days), format, starts_on, next_due_on, paused != 0, created_at};
    }
};
constexpr const char* kCadenceSelect =
    "SELECT c.id, c.stakeholder_id, st.name, c.owner_id, o.display_name, c.label, c.interval_kind, c.every_days, "
    "c.format, c.starts_on, c.next_due_on, c.paused, c.created_at FROM cadences c "
    "JOIN stakeholders st ON st.id = c.stakeholder_id JOIN users o ON o.id = c.owner_id ";

struct ExpectationRow {
    long long id = 0, stakeholder_id = 0;
    std::string stakeholder_name, direction, description, status, created_at, updated_at;
    boost::optional<std::string> due_on, owner_name;
    boost::optional<long long> owner_id;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(stakeholder_id));
        st.exchange(soci::into(stakeholder_name));
        st.exchange(soci::into(direction));
        st.exchange(soci::into(description));
        st.exchange(soci::into(due_on));
        st.exchange(soci::into(status));
        st.exchange(soci::into(owner_id));
        st.exchange(soci::into(owner_name));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }
    Expectation value() const {
        Expectation e{id, {stakeholder_id, stakeholder_name}, direction, description, from_boost(due_on), status,
                      std::nullopt, created_at, updated_at};
        if (owner_id) e.owner = UserRef{*owner_id, owner_name.value_or("")};
        return e;
    }
};
constexpr const char* kExpectationSelect =
    "SELECT e.id, e.stakeholder_id, st.name, e.direction, e.description, e.due_on, e.status, e.owner_id, "
    "o.display_name, e.created_at, e.updated_at FROM expectations e JOIN stakeholders st ON st.id = e.stakeholder_id "
    "LEFT JOIN users o ON o.id = e.owner_id ";

struct CountRow {
    long long n = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(n)); }
    int64_t value() const { return n; }
};
struct PairRow {
    long long a = 0, b = 0;
    void bind(soci::statement& st) {
        st.exchange(soci::into(a));
        st.exchange(soci::into(b));
    }
    std::pair<int64_t, int64_t> value() const { return {a, b}; }
};

}  // namespace

// ---- follow-ups ----------------------------------------------------------------------------

int64_t insert_follow_up(soci::session& s, const FollowUp& f, int64_t by, const std::string& now) {
    long long id = 0;
    const long long owner = f.owner.id, who = by;
    const auto stakeholder = f.stakeholder ? boost::optional<long long>(f.stakeholder->id) : boost::none;
    const auto interaction = db::to_boost_id(f.interaction_id);
    const auto completed = to_boost(f.completed_at);
    s << "INSERT INTO follow_ups (title, detail, owner_id, due_on, status, effort_minutes, stakeholder_id, "
         "interaction_id, created_by, created_at, updated_at, completed_at) VALUES (:t, :d, :o, :due, :st, :e, :s, :i, "
         ":b, :c, :u, :done) RETURNING id",
        soci::use(f.title), soci::use(f.detail), soci::use(owner), soci::use(f.due_on), soci::use(f.status),
        soci::use(f.effort_minutes), soci::use(stakeholder), soci::use(interaction), soci::use(who), soci::use(now),
        soci::use(now), soci::use(completed), soci::into(id);
    return id;
}

void update_follow_up(soci::session& s, const FollowUp& f, const std::string& now) {
    const long long id = f.id, owner = f.owner.id;
    const auto stakeholder = f.stakeholder ? boost::optional<long long>(f.stakeholder->id) : boost::none;
    const auto interaction = db::to_boost_id(f.interaction_id);
    const auto completed = to_boost(f.completed_at);
    // A new due date earns a new reminder.
    s << "UPDATE follow_ups SET title = :t, detail = :d, owner_id = :o, reminded_due_soon_at = CASE WHEN due_on = :due "
         "THEN reminded_due_soon_at END, reminded_overdue_at = CASE WHEN due_on = :due2 THEN reminded_overdue_at END, "
         "due_on = :due3, status = :st, effort_minutes = :e, stakeholder_id = :s, interaction_id = :i, "
         "updated_at = :u, completed_at = :done WHERE id = :id",
        soci::use(f.title), soci::use(f.detail), soci::use(owner), soci::use(f.due_on), soci::use(f.due_on),
        soci::use(f.due_on), soci::use(f.status), soci::use(f.effort_minutes), soci::use(stakeholder),
        soci::use(interaction), soci::use(now), soci::use(completed), soci::use(id);
}

void delete_follow_up(soci::session& s, int64_t id) {
    const long long fid = id;
    s << "DELETE FROM follow_ups WHERE id = :id", soci::use(fid);
}

std::optional<FollowUp> find_follow_up(soci::session& s, int64_t id) {
    auto rows =
        Query<FollowUpRow>(s).bind(static_cast<long long>(id)).run(std::string(kFollowUpSelect) + "WHERE f.id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<FollowUp> list_follow_ups(soci::session& s, const FollowUpFilter& f, const std::string& today) {
    Query<FollowUpRow> q(s);
    std::string sql = std::string(kFollowUpSelect) + "WHERE 1 = 1";
    if (f.owner_id) { sql += " AND f.owner_id = :o"; q.bind(static_cast<long long>(*f.owner_id)); }
    if (f.overdue_only) {
        sql += " AND f.status = 'open' AND f.due_on < :today";
        q.bind(today);
    } else if (f.status) {
        sql += " AND f.status = :st";
        q.bind(*f.status);
    }
    if (f.stakeholder_id) { sql += " AND f.stakeholder_id = :s"; q.bind(static_cast<long long>(*f.stakeholder_id)); }
    if (f.due_before) { sql += " AND f.due_on < :db"; q.bind(*f.due_before); }
    if (f.after_key) {
        sql += " AND (f.due_on, f.id) > (:k, :a)";
        q.bind(*f.after_key).bind(static_cast<long long>(f.after_id));
    }
    sql += " ORDER BY f.due_on, f.id LIMIT :l";
    q.bind(f.limit + 1);
    return q.run(sql);
}

int64_t count_overdue(soci::session& s, std::optional<int64_t> owner_id, const std::string& today, int cap) {
    Query<CountRow> q(s);
    std::string sql = "SELECT COUNT(*) FROM (SELECT 1 FROM follow_ups f WHERE f.status = 'open' AND f.due_on < :today";
    q.bind(today);
    if (owner_id) { sql += " AND f.owner_id = :o"; q.bind(static_cast<long long>(*owner_id)); }
    sql += " LIMIT :cap) capped";
    q.bind(cap);
    return q.run(sql).front();
}

std::vector<FollowUp> unreminded_overdue(soci::session& s, const std::string& today, int limit) {
    return Query<FollowUpRow>(s).bind(today).bind(limit).run(
        std::string(kFollowUpSelect) +
        "WHERE f.status = 'open' AND f.due_on < :today AND f.reminded_overdue_at IS NULL ORDER BY f.due_on, f.id "
        "LIMIT :l");
}

std::vector<FollowUp> unreminded_due_on(soci::session& s, const std::string& day, int limit) {
    return Query<FollowUpRow>(s).bind(day).bind(limit).run(
        std::string(kFollowUpSelect) +
        "WHERE f.status = 'open' AND f.due_on = :day AND f.reminded_due_soon_at IS NULL ORDER BY f.id LIMIT :l");
}

void mark_reminded(soci::session& s, int64_t id, bool overdue, const std::string& now) {
    const long long fid = id;
    if (overdue) s << "UPDATE follow_ups SET reminded_overdue_at = :n WHERE id = :id", soci::use(now), soci::use(fid);
    else s << "UPDATE follow_ups SET reminded_due_soon_at = :n WHERE id = :id", soci::use(now), soci::use(fid);
}

std::vector<std::pair<int64_t, int64_t>> open_minutes(soci::session& s, const std::string& until) {
    return Query<PairRow>(s).bind(until).run(
        "SELECT owner_id, SUM(effort_minutes) FROM follow_ups WHERE status = 'open' AND due_on < :u GROUP BY owner_id");
}

namespace {
struct FollowUpEntryRow {
    long long id = 0, owner_id = 0;
    std::string at, title, status, due_on, owner;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(title));
        st.exchange(soci::into(status));
        st.exchange(soci::into(due_on));
        st.exchange(soci::into(owner_id));
        st.exchange(soci::into(owner));
    }
    TimelineEntry value() const {
        TimelineEntry e{"follow_up", at, id, stakeholders::kFollowUpRank, {}};
        core::JsonWriter::members(e.members)
            .field("title", title)
            .field("status", status)
            .field("due_on", due_on)
            .key("owner")
            .begin_object()
            .field("id", static_cast<int64_t>(owner_id))
            .field("display_name", owner)
            .end_object();
        return e;
    }
};
struct ExpectationEntryRow {
    long long id = 0;
    std::string at, direction, description, status;
    boost::optional<std::string> due_on;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(direction));
        st.exchange(soci::into(description));
        st.exchange(soci::into(status));
        st.exchange(soci::into(due_on));
    }
    TimelineEntry value() const {
        TimelineEntry e{"expectation", at, id, stakeholders::kExpectationRank, {}};
        core::JsonWriter::members(e.members)
            .field("direction", direction)
            .field("description", description)
            .field("status", status)
            .field("due_on", from_boost(due_on));
        return e;
    }
};
}  // namespace

std::vector<TimelineEntry> follow_up_entries(soci::session& s, int64_t stakeholder_id,
                                             const std::optional<stakeholders::TimelineCursor>& before, int limit) {
    Query<FollowUpEntryRow> q(s);
    q.bind(static_cast<long long>(stakeholder_id));
    std::string sql =
        "SELECT f.id, f.created_at, f.title, f.status, f.due_on, f.owner_id, o.display_name FROM follow_ups f "
        "JOIN users o ON o.id = f.owner_id WHERE f.stakeholder_id = :s";
    sql += stakeholders::older_than(q, before, stakeholders::kFollowUpRank, "f.created_at", "f.id");
    sql += " ORDER BY f.created_at DESC, f.id DESC LIMIT :l";
    q.bind(limit + 1);
    return q.run(sql);
}

std::vector<TimelineEntry> expectation_entries(soci::session& s, int64_t stakeholder_id,
                                               const std::optional<stakeholders::TimelineCursor>& before, int limit) {
    Query<ExpectationEntryRow> q(s);
    q.bind(static_cast<long long>(stakeholder_id));
    std::string sql =
        "SELECT e.id, e.created_at, e.direction, e.description, e.status, e.due_on FROM expectations e "
        "WHERE e.stakeholder_id = :s";
    sql += stakeholders::older_than(q, before, stakeholders::kExpectationRank, "e.created_at", "e.id");
    sql += " ORDER BY e.created_at DESC, e.id DESC LIMIT :l";
    q.bind(limit + 1);
    return q.run(sql);
}

// ---- cadences ------------------------------------------------------------------------------

int64_t insert_cadence(soci::session& s, const Cadence& c, int64_t by, const std::string& now) {
    long long id = 0;
    const long long sid = c.stakeholder.id, owner = c.owner.id, who = by;
    const auto every = to_boost(c.every_days);
    const int paused = c.paused ? 1 : 0;
    s << "INSERT INTO cadences (stakeholder_id, owner_id, label, interval_kind, every_days, format, starts_on, "
         "next_due_on, paused, created_by, created_at, updated_at) VALUES (:s, :o, :l, :i, :e, :f, :st, :n, :p, :b, "
         ":c, :u) RETURNING id",
        soci::use(sid), soci::use(owner), soci::use(c.label), soci::use(c.interval), soci::use(every),
        soci::use(c.format), soci::use(c.starts_on), soci::use(c.next_due_on), soci::use(paused), soci::use(who),
        soci::use(now), soci::use(now), soci::into(id);
    return id;
}

void update_cadence(soci::session& s, const Cadence& c, const std::string& now) {
    const long long id = c.id, owner = c.owner.id;
    const auto every = to_boost(c.every_days);
    const int paused = c.paused ? 1 : 0;
    s << "UPDATE cadences SET owner_id = :o, label = :l, interval_kind = :i, every_days = :e, format = :f, "
         "starts_on = :st, next_due_on = :n, paused = :p, updated_at = :u WHERE id = :id",
        soci::use(owner), soci::use(c.label), soci::use(c.interval), soci::use(every), soci::use(c.format),
        soci::use(c.starts_on), soci::use(c.next_due_on), soci::use(paused), soci::use(now), soci::use(id);
}

void delete_cadence(soci::session& s, int64_t id) {
    const long long cid = id;
    s << "DELETE FROM cadences WHERE id = :id", soci::use(cid);
}

std::optional<Cadence> find_cadence(soci::session& s, int64_t id) {
    auto rows = Query<CadenceRow>(s).bind(static_cast<long long>(id)).run(std::string(kCadenceSelect) + "WHERE c.id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<Cadence> cadences_of(soci::session& s, int64_t stakeholder_id) {
    return Query<CadenceRow>(s).bind(static_cast<long long>(stakeholder_id))
        .run(std::string(kCadenceSelect) + "WHERE c.stakeholder_id = :s ORDER BY c.id");
}

std::vector<Cadence> list_cadences(soci::session& s, const CadenceFilter& f, const std::string& today) {
    Query<CadenceRow> q(s);
    std::string sql = std::string(kCadenceSelect) + "WHERE 1 = 1";
    if (f.overdue_only) { sql += " AND c.paused = 0 AND c.next_due_on < :today"; q.bind(today); }
    if (f.stakeholder_id) { sql += " AND c.stakeholder_id = :s"; q.bind(static_cast<long long>(*f.stakeholder_id)); }
    if (f.owner_id) { sql += " AND c.owner_id = :o"; q.bind(static_cast<long long>(*f.owner_id)); }
    if (f.after_key) {
        sql += " AND (c.next_due_on, c.id) > (:k, :a)";
        q.bind(*f.after_key).bind(static_cast<long long>(f.after_id));
    }
    sql += " ORDER BY c.next_due_on, c.id LIMIT :l";
    q.bind(f.limit + 1);
    return q.run(sql);
}

int64_t count_missed_cadences(soci::session& s, std::optional<int64_t> owner_id, const std::string& today, int cap) {
    Query<CountRow> q(s);
    std::string sql = "SELECT COUNT(*) FROM (SELECT 1 FROM cadences c WHERE c.paused = 0 AND c.next_due_on < :today";
    q.bind(today);
    if (owner_id) { sql += " AND c.owner_id = :o"; q.bind(static_cast<long long>(*owner_id)); }
    sql += " LIMIT :cap) capped";
    q.bind(cap);
    return q.run(sql).front();
}

void set_next_due(soci::session& s, int64_t id, const std::string& next_due_on) {
    const long long cid = id;
    s << "UPDATE cadences SET next_due_on = :n WHERE id = :id", soci::use(next_due_on), soci::use(cid);
}

// ---- expectations --------------------------------------------------------------------------

int64_t insert_expectation(soci::session& s, const Expectation& e, int64_t by, const std::string& now) {
    long long id = 0;
    const long long sid = e.stakeholder.id, who = by;
    const auto due = to_boost(e.due_on);
    const auto owner = e.owner ? boost::optional<long long>(e.owner->id) : boost::none;
    s << "INSERT INTO expectations (stakeholder_id, direction, description, due_on, status, owner_id, created_by, "
         "created_at, updated_at) VALUES (:s, :d, :t, :due, :st, :o, :b, :c, :u) RETURNING id",
        soci::use(sid), soci::use(e.direction), soci::use(e.description), soci::use(due), soci::use(e.status),
        soci::use(owner), soci::use(who), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

void update_expectation(soci::session& s, const Expectation& e, const std::string& now) {
    const long long id = e.id;
    const auto due = to_boost(e.due_on);
    const auto owner = e.owner ? boost::optional<long long>(e.owner->id) : boost::none;
    s << "UPDATE expectations SET direction = :d, description = :t, due_on = :due, status = :st, owner_id = :o, "
         "updated_at = :u WHERE id = :id",
        soci::use(e.direction), soci::use(e.description), soci::use(due), soci::use(e.status), soci::use(owner),
        soci::use(now), soci::use(id);
}

void delete_expectation(soci::session& s, int64_t id) {
    const long long eid = id;
    s << "DELETE FROM expectations WHERE id = :id", soci::use(eid);
}

std::optional<Expectation> find_expectation(soci::session& s, int64_t id) {
    auto rows =
        Query<ExpectationRow>(s).bind(static_cast<long long>(id)).run(std::string(kExpectationSelect) + "WHERE e.id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<Expectation> list_expectations(soci::session& s, std::optional<int64_t> stakeholder_id,
                                           const std::optional<std::string>& status, std::optional<int64_t> after,
                                           int limit) {
    Query<ExpectationRow> q(s);
    std::string sql = std::string(kExpectationSelect) + "WHERE 1 = 1";
    if (stakeholder_id) { sql += " AND e.stakeholder_id = :s"; q.bind(static_cast<long long>(*stakeholder_id)); }
    if (status) { sql += " AND e.status = :st"; q.bind(*status); }
    if (after) { sql += " AND e.id < :a"; q.bind(static_cast<long long>(*after)); }
    sql += " ORDER BY e.id DESC LIMIT :l";
    q.bind(limit + 1);
    return q.run(sql);
}

// ---- capacity ------------------------------------------------------------------------------

namespace {
struct CapacityRow {
    long long id = 0;
    std::string name;
    boost::optional<int> hours;
    boost::optional<std::string> team;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(hours));
        st.exchange(soci::into(team));
    }
    CapacityPerson value() const { return {id, name, team.value_or(""), hours.value_or(0), {}}; }
};
}  // namespace

std::vector<CapacityPerson> capacity_people(soci::session& s, const std::optional<std::string>& team) {
    Query<CapacityRow> q(s);
    std::string sql =
        "SELECT u.id, u.display_name, c.hours_per_week, c.team FROM users u LEFT JOIN capacities c ON c.user_id = u.id "
        "WHERE u.disabled = 0 AND u.role <> 'external'";
    if (team) { sql += " AND c.team = :t"; q.bind(*team); }
    sql += " ORDER BY u.display_name, u.id";
    return q.run(sql);
}

void put_capacity(soci::session& s, int64_t user_id, int hours_per_week, const std::string& team,
                  const std::string& now) {
    const long long uid = user_id;
    s << "INSERT INTO capacities (user_id, hours_per_week, team, updated_at) VALUES (:u, :h, :t, :n) "
         "ON CONFLICT (user_id) DO UPDATE SET hours_per_week = excluded.hours_per_week, team = excluded.team, "
         "updated_at = excluded.updated_at",
        soci::use(uid), soci::use(hours_per_week), soci::use(team), soci::use(now);
}

}  // namespace cocreate::engagement::follow_up_repository
