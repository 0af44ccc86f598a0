#include "events/event_log.hpp"

#include <boost/json.hpp>

#include "db/query.hpp"

namespace cocreate::events {

namespace {

struct Row {
    long long id = 0;
    std::string at, actor_name, verb, object_type, visibility, payload;
    boost::optional<long long> actor_id, object_id, space_id;
    boost::optional<std::string> actor_name_opt;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(at));
        st.exchange(soci::into(actor_id));
        st.exchange(soci::into(actor_name_opt));
        st.exchange(soci::into(verb));
        st.exchange(soci::into(object_type));
        st.exchange(soci::into(object_id));
        st.exchange(soci::into(space_id));
        st.exchange(soci::into(visibility));
        st.exchange(soci::into(payload));
    }
    Event value() const {
        return {id,   at, db::from_boost_id(actor_id), actor_name_opt.value_or(""), verb, object_type,
                db::from_boost_id(object_id), db::from_boost_id(space_id), visibility, payload};
    }
};

}  // namespace

int64_t append(soci::session& s, const NewEvent& e, const std::string& at) {
    long long id = 0;
    const auto actor = db::to_boost_id(e.actor_id);
    const auto object = db::to_boost_id(e.object_id);
    const auto space = db::to_boost_id(e.space_id);
    const std::string visibility = e.visibility == Visibility::kInternal ? "internal" : "space";
    const std::string payload = boost::json::serialize(e.payload);
    s << "INSERT INTO events (at, actor_id, verb, object_type, object_id, space_id, visibility, payload) "
         "VALUES (:at, :a, :v, :t, :o, :s, :vis, :p) RETURNING id",
        soci::use(at), soci::use(actor), soci::use(e.verb), soci::use(e.object_type), soci::use(object),
        soci::use(space), soci::use(visibility), soci::use(payload), soci::into(id);
    return id;
}

std::vector<Event> list(soci::session& s, const EventFilter& f) {
    db::Query<Row> q(s);
    std::string sql =
        "SELECT e.id, e.at, e.actor_id, u.display_name, e.verb, e.object_type, e.object_id, e.space_id, "
        "e.visibility, e.payload FROM events e LEFT JOIN users u ON u.id = e.actor_id WHERE 1 = 1";
    long long actor = f.actor_id.value_or(0), space = f.space_id.value_or(0), after = f.after.value_or(0);
    std::string verb = f.verb.value_or(""), type = f.object_type.value_or(""), since = f.since.value_or(""),
                until = f.until.value_or("");
    int limit = f.limit + 1;
    if (f.after) { sql += " AND e.id < :after"; q.bind(after); }
    if (f.actor_id) { sql += " AND e.actor_id = :actor"; q.bind(actor); }
    if (f.verb) { sql += " AND e.verb = :verb"; q.bind(verb); }
    if (f.object_type) { sql += " AND e.object_type = :type"; q.bind(type); }
    if (f.space_id) { sql += " AND e.space_id = :space"; q.bind(space); }
    if (f.since) { sql += " AND e.at >= :since"; q.bind(since); }
    if (f.until) { sql += " AND e.at < :until"; q.bind(until); }
    sql += " ORDER BY e.id DESC LIMIT :limit";
    q.bind(limit);
    return q.run(sql);
}

}  // namespace cocreate::events
