// SQL for gate reviews (part of project_repository; see project_repository.hpp).
#include <boost/json.hpp>

#include "db/query.hpp"
#include "projects/json_columns.hpp"
#include "projects/project_repository.hpp"

namespace cocreate::projects::project_repository {

namespace {

namespace json = boost::json;
using db::from_boost;
using db::Query;
using json_columns::flag;
using json_columns::parse;
using json_columns::str;

std::string review_body(const GateReview& r) {
    json::array criteria, kpis, required, present;
    for (const auto& c : r.criteria) {
        json::object o{{"key", c.key}, {"text", c.text}, {"met", c.met}};
        o["evidence_url"] = c.evidence_url ? json::value(*c.evidence_url) : json::value(nullptr);
        criteria.push_back(std::move(o));
    }
    for (const auto& k : r.kpi_values) kpis.push_back(json::object{{"kpi_key", k.kpi_key}, {"value", k.value}});
    for (const auto& g : r.gatekeepers_required) required.emplace_back(g);
    for (auto id : r.gatekeepers_present) present.emplace_back(id);
    json::object o{{"criteria", std::move(criteria)},
                   {"kpi_values", std::move(kpis)},
                   {"gatekeepers_required", std::move(required)},
                   {"gatekeepers_present", std::move(present)}};
    o["pivot_to_phase"] = r.pivot_to_phase ? json::value(*r.pivot_to_phase) : json::value(nullptr);
    o["new_hypothesis"] = r.new_hypothesis ? json::value(*r.new_hypothesis) : json::value(nullptr);
    if (r.learnings)
        o["learnings"] = json::object{{"learned", r.learnings->learned}, {"do_differently", r.learnings->do_differently}};
    return json::serialize(o);
}

void read_review_body(GateReview& r, const std::string& text) {
    auto v = parse(text);
    if (!v.is_object()) return;
    const auto& o = v.as_object();
    if (const auto* a = o.if_contains("criteria"); a && a->is_array())
        for (const auto& item : a->as_array()) {
            if (!item.is_object()) continue;
            const auto& c = item.as_object();
            ReviewCriterion rc{str(c, "key"), str(c, "text"), flag(c, "met"), std::nullopt};
            if (const auto* url = c.if_contains("evidence_url"); url && url->is_string()) rc.evidence_url = std::string(url->get_string());
            r.criteria.push_back(std::move(rc));
        }
    if (const auto* a = o.if_contains("kpi_values"); a && a->is_array())
        for (const auto& item : a->as_array())
            if (item.is_object()) {
                const auto* value = item.as_object().if_contains("value");
                r.kpi_values.push_back({str(item.as_object(), "kpi_key"), value && value->is_number() ? value->to_number<double>() : 0});
            }
    if (const auto* a = o.if_contains("gatekeepers_required"); a && a->is_array())
        for (const auto& item : a->as_array())
            if (item.is_string()) r.gatekeepers_required.emplace_back(item.get_string());
    if (const auto* a = o.if_contains("gatekeepers_present"); a && a->is_array())
        for (const auto& item : a->as_array())
            if (item.is_int64()) r.gatekeepers_present.push_back(item.get_int64());
    if (const auto* x = o.if_contains("pivot_to_phase"); x && x->is_string()) r.pivot_to_phase = std::string(x->get_string());
    if (const auto* x = o.if_contains("new_hypothesis"); x && x->is_string()) r.new_hypothesis = std::string(x->get_string());
    if (const auto* x = o.if_contains("learnings"); x && x->is_object())
        r.learnings = Learnings{str(x->as_object(), "learned"), str(x->as_object(), "do_differently")};
}

struct ReviewRow {
    long long id = 0, project_id = 0, requested_by = 0;
    std::string from_phase, status, body, requested_name, requested_at;
    boost::optional<std::string> decision, rationale, decided_name, decided_at;
    boost::optional<long long> decided_by;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(project_id));
        st.exchange(soci::into(from_phase));
        st.exchange(soci::into(status));
        st.exchange(soci::into(body));
        st.exchange(soci::into(requested_by));
        st.exchange(soci::into(requested_name));
        st.exchange(soci::into(requested_at));
        st.exchange(soci::into(decision));
        st.exchange(soci::into(rationale));
        st.exchange(soci::into(decided_by));
        st.exchange(soci::into(decided_name));
        st.exchange(soci::into(decided_at));
    }
    GateReview value() const {
        GateReview r;
        r.id = id;
        r.project_id = project_id;
        r.from_phase = from_phase;
        r.status = status;
        r.requested_by = {requested_by, requested_name};
        r.requested_at = requested_at;
        r.decision = from_boost(decision);
        r.rationale = rationale.value_or("");
        if (decided_by) r.decided_by = UserRef{*decided_by, decided_name.value_or("")};
        r.decided_at = from_boost(decided_at);
        read_review_body(r, body);
        return r;
    }
};
constexpr const char* kReviewSelect =
    "SELECT g.id, g.project_id, g.from_phase, g.status, g.body, g.requested_by, r.display_name, g.requested_at, "
    "g.decision, g.rationale, g.decided_by, d.display_name, g.decided_at FROM gate_reviews g "
    "JOIN users r ON r.id = g.requested_by LEFT JOIN users d ON d.id = g.decided_by ";

struct UserRow {
    long long id = 0;
    std::string name;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
    }
    UserRef value() const { return {id, name}; }
};

void load_decision_makers(soci::session& s, std::vector<GateReview>& reviews) {
    for (auto& r : reviews)
        r.decision_makers = Query<UserRow>(s).bind(static_cast<long long>(r.id)).run(
            "SELECT u.id, u.display_name FROM gate_review_decision_makers m JOIN users u ON u.id = m.user_id "
            "WHERE m.review_id = :r ORDER BY u.display_name, u.id");
}

struct OpenCountRow {
    long long n = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(n)); }
    int64_t value() const { return n; }
};

}  // namespace

int64_t insert_review(soci::session& s, const GateReview& r, const std::string& now) {
    long long id = 0;
    const long long pid = r.project_id, by = r.requested_by.id;
    const std::string body = review_body(r);
    s << "INSERT INTO gate_reviews (project_id, from_phase, status, body, requested_by, requested_at) "
         "VALUES (:p, :f, 'requested', :b, :r, :a) RETURNING id",
        soci::use(pid), soci::use(r.from_phase), soci::use(body), soci::use(by), soci::use(now), soci::into(id);
    for (const auto& u : r.decision_makers) {
        const long long uid = u.id;
        s << "INSERT INTO gate_review_decision_makers (review_id, user_id) VALUES (:r, :u)", soci::use(id), soci::use(uid);
    }
    return id;
}

bool mark_decided(soci::session& s, const GateReview& r, const std::string& to_phase, const std::string& now) {
    const long long id = r.id, by = r.decided_by ? r.decided_by->id : 0;
    const std::string body = review_body(r), decision = r.decision.value_or("");
    soci::statement st =
        (s.prepare << "UPDATE gate_reviews SET status = 'decided', body = :b, decision = :d, to_phase = :t, "
                      "rationale = :r, decided_by = :by, decided_at = :a WHERE id = :id AND status = 'requested'",
         soci::use(body), soci::use(decision), soci::use(to_phase), soci::use(r.rationale), soci::use(by), soci::use(now),
         soci::use(id));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

bool lock_open_review(soci::session& s, int64_t id) {
    const long long rid = id;
    soci::statement st = (s.prepare << "UPDATE gate_reviews SET status = status WHERE id = :id AND status = 'requested'",
                          soci::use(rid));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

std::optional<GateReview> find_review(soci::session& s, int64_t id) {
    auto rows = Query<ReviewRow>(s).bind(static_cast<long long>(id)).run(std::string(kReviewSelect) + "WHERE g.id = :id");
    if (rows.empty()) return std::nullopt;
    load_decision_makers(s, rows);
    return rows.front();
}

bool has_open_review(soci::session& s, int64_t project_id) {
    return Query<OpenCountRow>(s).bind(static_cast<long long>(project_id))
               .run("SELECT COUNT(*) FROM gate_reviews WHERE project_id = :p AND status = 'requested'")
               .front() > 0;
}

std::vector<GateReview> reviews_of(soci::session& s, int64_t project_id, std::optional<int64_t> after, int limit) {
    Query<ReviewRow> q(s);
    std::string sql = std::string(kReviewSelect) + "WHERE g.project_id = :p";
    q.bind(static_cast<long long>(project_id));
    if (after) { sql += " AND g.id < :a"; q.bind(static_cast<long long>(*after)); }
    sql += " ORDER BY g.id DESC LIMIT :l";
    q.bind(limit + 1);
    auto rows = q.run(sql);
    load_decision_makers(s, rows);
    return rows;
}

std::vector<GateReview> find_reviews(soci::session& s, const std::optional<std::string>& status,
                                     std::optional<int64_t> user_id, std::optional<int64_t> after, int limit) {
    Query<ReviewRow> q(s);
    std::string sql = std::string(kReviewSelect) + "WHERE 1 = 1";
    if (status) { sql += " AND g.status = :st"; q.bind(*status); }
    if (user_id) {
        sql += " AND EXISTS (SELECT 1 FROM gate_review_decision_makers m WHERE m.review_id = g.id AND m.user_id = :u)";
        q.bind(static_cast<long long>(*user_id));
    }
    if (after) { sql += " AND g.id < :a"; q.bind(static_cast<long long>(*after)); }
    sql += " ORDER BY g.id DESC LIMIT :l";
    q.bind(limit + 1);
    auto rows = q.run(sql);
    load_decision_makers(s, rows);
    return rows;
}

}  // namespace cocreate::projects::project_repository
