#include "projects/project_repository.hpp"

#include <boost/json.hpp>

#include <unordered_map>

#include "db/query.hpp"
#include "projects/json_columns.hpp"

namespace cocreate::projects::project_repository {

namespace {

namespace json = boost::json;
using db::from_boost;
using db::Query;
using db::to_boost;
using json_columns::flag;
using json_columns::number;
using json_columns::parse;
using json_columns::str;

// ---- JSON columns ----------------------------------------------------------------------------

std::string kill_criteria_text(const std::vector<KillCriterion>& list) {
    json::array a;
    for (const auto& k : list) a.push_back(json::object{{"key", k.key}, {"text", k.text}, {"met", k.met}});
    return json::serialize(a);
}
std::vector<KillCriterion> kill_criteria_of(const std::string& text) {
    std::vector<KillCriterion> out;
    auto v = parse(text);
    if (v.is_array())
        for (const auto& item : v.as_array())
            if (item.is_object()) out.push_back({str(item.as_object(), "key"), str(item.as_object(), "text"), flag(item.as_object(), "met")});
    return out;
}

std::string fit_text(const FitCheck& f) {
    json::array reasons;
    for (const auto& r : f.reasons) reasons.emplace_back(r);
    return json::serialize(json::object{{"problem_defined", f.answers.problem_defined},
                                        {"near_term", f.answers.near_term},
                                        {"customers_can_picture", f.answers.customers_can_picture},
                                        {"customer_willing", f.answers.customer_willing},
                                        {"capacity_available", f.answers.capacity_available},
                                        {"score", f.score},
                                        {"recommendation", f.recommendation},
                                        {"flagged", f.flagged},
                                        {"reasons", std::move(reasons)}});
}
FitCheck fit_of(const std::string& text) {
    FitCheck f;
    auto v = parse(text);
    if (!v.is_object()) return f;
    const auto& o = v.as_object();
    f.answers = {number(o, "problem_defined"), number(o, "near_term"), number(o, "customers_can_picture"),
                 number(o, "customer_willing"), number(o, "capacity_available")};
    f.score = number(o, "score");
    f.recommendation = str(o, "recommendation");
    f.flagged = flag(o, "flagged");
    if (const auto* r = o.if_contains("reasons"); r && r->is_array())
        for (const auto& item : r->as_array())
            if (item.is_string()) f.reasons.emplace_back(item.get_string());
    return f;
}

std::string checks_text(const std::vector<CriterionCheck>& checks) {
    json::array a;
    for (const auto& c : checks) {
        json::object o{{"phase", c.phase_key}, {"key", c.criterion_key}, {"met", c.met}};
        o["evidence_url"] = c.evidence_url ? json::value(*c.evidence_url) : json::value(nullptr);
        a.push_back(std::move(o));
    }
    return json::serialize(a);
}
std::vector<CriterionCheck> checks_of(const std::string& text) {
    std::vector<CriterionCheck> out;
    auto v = parse(text);
    if (!v.is_array()) return out;
    for (const auto& item : v.as_array()) {
        if (!item.is_object()) continue;
        const auto& o = item.as_object();
        CriterionCheck c{str(o, "phase"), str(o, "key"), flag(o, "met"), std::nullopt};
        if (const auto* url = o.if_contains("evidence_url"); url && url->is_string()) c.evidence_url = std::string(url->get_string());
        out.push_back(std::move(c));
    }
    return out;
}

std::string signals_text(const std::vector<Signal>& signals) {
    json::array a;
    for (const auto& s : signals) {
        json::object o{{"key", s.key}, {"severity", s.severity}, {"text", s.text}};
        o["value"] = s.value ? json::value(*s.value) : json::value(nullptr);
        a.push_back(std::move(o));
    }
    return json::serialize(a);
}
std::vector<Signal> signals_of(const std::string& text) {
    std::vector<Signal> out;
    auto v = parse(text);
    if (!v.is_array()) return out;
    for (const auto& item : v.as_array()) {
        if (!item.is_object()) continue;
        const auto& o = item.as_object();
        Signal s{str(o, "key"), str(o, "severity"), std::nullopt, str(o, "text")};
        if (const auto* value = o.if_contains("value"); value && value->is_number()) s.value = value->to_number<double>();
        out.push_back(std::move(s));
    }
    return out;
}

// ---- rows ----------------------------------------------------------------------------------

struct ProjectRow {
    long long id = 0, lead_id = 0, framework_id = 0, version = 0;
    int framework_version = 0, fit_score = 0, health_score = 100, ask_first = 0;
    std::string title, problem, hypothesis, lead_name, phase_key, phase_entered_at, status, kill_criteria, checks, fit,
        health_level, signals, framework_name, created_at, updated_at;
    boost::optional<long long> sponsor_id, share_space_id, budget_amount;
    boost::optional<int> effort_days;
    boost::optional<std::string> sponsor_name, budget_currency, share_summary, shared_at, learned, do_differently,
        health_at;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(title));
        st.exchange(soci::into(problem));
        st.exchange(soci::into(hypothesis));
        st.exchange(soci::into(lead_id));
        st.exchange(soci::into(lead_name));
        st.exchange(soci::into(sponsor_id));
        st.exchange(soci::into(sponsor_name));
        st.exchange(soci::into(framework_id));
        st.exchange(soci::into(framework_name));
        st.exchange(soci::into(framework_version));
        st.exchange(soci::into(phase_key));
        st.exchange(soci::into(phase_entered_at));
        st.exchange(soci::into(status));
        st.exchange(soci::into(kill_criteria));
        st.exchange(soci::into(checks));
        st.exchange(soci::into(fit));
        st.exchange(soci::into(fit_score));
        st.exchange(soci::into(budget_amount));
        st.exchange(soci::into(budget_currency));
        st.exchange(soci::into(effort_days));
        st.exchange(soci::into(share_space_id));
        st.exchange(soci::into(share_summary));
        st.exchange(soci::into(shared_at));
        st.exchange(soci::into(learned));
        st.exchange(soci::into(do_differently));
        st.exchange(soci::into(health_score));
        st.exchange(soci::into(health_level));
        st.exchange(soci::into(ask_first));
        st.exchange(soci::into(signals));
        st.exchange(soci::into(health_at));
        st.exchange(soci::into(version));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }
    Project value() const {
        Project p;
        p.id = id;
        p.title = title;
        p.problem_statement = problem;
        p.hypothesis = hypothesis;
        p.lead = {lead_id, lead_name};
        if (sponsor_id) p.sponsor = UserRef{*sponsor_id, sponsor_name.value_or("")};
        p.framework = {framework_id, framework_name, framework_version};
        p.phase.key = phase_key;
        p.phase.entered_at = phase_entered_at;
        p.status = status;
        p.kill_criteria = kill_criteria_of(kill_criteria);
        p.criteria_checks = checks_of(checks);
        p.fit = fit_of(fit);
        if (budget_amount) p.budget = Budget{static_cast<double>(*budget_amount), budget_currency.value_or("")};
        if (effort_days) p.effort_days = *effort_days;
        if (share_space_id) p.share = Share{*share_space_id, share_summary.value_or(""), shared_at.value_or("")};
        if (learned) p.learnings = Learnings{*learned, do_differently.value_or("")};
        p.health = {health_score, health_level, ask_first != 0, health_at.value_or(""), signals_of(signals)};
        p.version = version;
        p.created_at = created_at;
        p.updated_at = updated_at;
        return p;
    }
};
constexpr const char* kProjectSelect =
    "SELECT p.id, p.title, p.problem_statement, p.hypothesis, p.lead_id, l.display_name, p.sponsor_id, "
    "sp.display_name, p.framework_id, f.name, p.framework_version, p.phase_key, p.phase_entered_at, p.status, "
    "p.kill_criteria, p.criteria_checks, p.fit, p.fit_score, p.budget_amount, p.budget_currency, p.effort_days, "
    "p.share_space_id, p.share_summary, p.shared_at, p.learned, p.do_differently, p.health_score, p.health_level, "
    "p.ask_first, p.health_signals, p.health_computed_at, p.version, p.created_at, p.updated_at FROM projects p "
    "JOIN users l ON l.id = p.lead_id LEFT JOIN users sp ON sp.id = p.sponsor_id "
    "JOIN frameworks f ON f.id = p.framework_id ";

}  // namespace

namespace {

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
struct PartyRow {
    long long id = 0;
    std::string name, kind, role, commitment;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(role));
        st.exchange(soci::into(commitment));
    }
    ProjectStakeholder value() const { return {id, name, kind, role, commitment}; }
};
struct IdRow {
    long long id = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(id)); }
    int64_t value() const { return id; }
};
struct TextRow {
    boost::optional<std::string> text;
    void bind(soci::statement& st) { st.exchange(soci::into(text)); }
    std::optional<std::string> value() const { return from_boost(text); }
};
struct StepRow {
    std::string interest;
    void bind(soci::statement& st) { st.exchange(soci::into(interest)); }
    int value() const {
        for (size_t i = 0; i < kInterestLevels.size(); ++i)
            if (kInterestLevels[i] == interest) return static_cast<int>(i);
        return 0;
    }
};
struct KpiRow {
    long long id = 0;
    double number = 0;
    int counts = 0;
    std::string key, on, phase, note;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(key));
        st.exchange(soci::into(number));
        st.exchange(soci::into(on));
        st.exchange(soci::into(phase));
        st.exchange(soci::into(counts));
        st.exchange(soci::into(note));
    }
    KpiValue value() const { return {id, key, number, on, note, phase, counts != 0}; }
};

struct PairRow {
    long long owner = 0, id = 0;
    void bind(soci::statement& st) {
        st.exchange(soci::into(owner));
        st.exchange(soci::into(id));
    }
    PairRow value() const { return *this; }
};
struct OwnedTeamRow {
    long long project_id = 0, user_id = 0;
    std::string name, role;
    void bind(soci::statement& st) {
        st.exchange(soci::into(project_id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(role));
    }
    OwnedTeamRow value() const { return *this; }
};
struct OwnedPartyRow {
    long long project_id = 0, id = 0;
    std::string name, kind, role, commitment;
    void bind(soci::statement& st) {
        st.exchange(soci::into(project_id));
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(role));
        st.exchange(soci::into(commitment));
    }
    OwnedPartyRow value() const { return *this; }
};

// The team, stakeholders, needs, ideas and recent interactions of a page of projects, in five
// queries for the page rather than five per row (the ids bound as one parameter: db::in_ids).
void load_lists(soci::session& s, std::vector<Project>& page) {
    if (page.empty()) return;
    std::vector<int64_t> ids;
    for (const auto& p : page) ids.push_back(p.id);
    std::unordered_map<int64_t, Project*> by_id;
    for (auto& p : page) by_id[p.id] = &p;
    for (const auto& r : Query<OwnedTeamRow>(s).bind_ids(ids).run(
             "SELECT t.project_id, t.user_id, u.display_name, t.role FROM project_team t JOIN users u ON u.id = t.user_id "
             "WHERE " + db::in_ids(s, "t.project_id", ids) + " ORDER BY t.project_id, u.display_name, t.user_id"))
        by_id[r.project_id]->team.push_back({r.user_id, r.name, r.role});
    for (const auto& r : Query<OwnedPartyRow>(s).bind_ids(ids).run(
             "SELECT x.project_id, st.id, st.name, st.kind, x.role, x.commitment FROM project_stakeholders x "
             "JOIN stakeholders st ON st.id = x.stakeholder_id WHERE " + db::in_ids(s, "x.project_id", ids) +
             " ORDER BY x.project_id, st.sort_name, st.id"))
        by_id[r.project_id]->stakeholders.push_back({r.id, r.name, r.kind, r.role, r.commitment});
    for (const auto& r : Query<PairRow>(s).bind_ids(ids).run("SELECT project_id, need_id FROM project_needs WHERE " +
                                                            db::in_ids(s, "project_id", ids) + " ORDER BY project_id, need_id"))
        by_id[r.owner]->need_ids.push_back(r.id);
    for (const auto& r : Query<PairRow>(s).bind_ids(ids).run("SELECT project_id, id FROM ideas WHERE " +
                                                            db::in_ids(s, "project_id", ids) + " ORDER BY project_id, id"))
        by_id[r.owner]->idea_ids.push_back(r.id);
    // The 200 most recent interactions per project, as on the project page.
    for (const auto& r : Query<PairRow>(s).bind_ids(ids).run(
             "SELECT project_id, interaction_id FROM (SELECT ps.project_id, x.interaction_id, ROW_NUMBER() OVER "
             "(PARTITION BY ps.project_id ORDER BY x.interaction_id DESC) AS n FROM project_stakeholders ps "
             "JOIN projects p ON p.id = ps.project_id JOIN interaction_stakeholders x ON x.stakeholder_id = ps.stakeholder_id "
             "WHERE " + db::in_ids(s, "ps.project_id", ids) + " AND x.occurred_at >= substr(p.created_at, 1, 16) "
             "GROUP BY ps.project_id, x.interaction_id) ranked WHERE n <= 200 ORDER BY project_id, interaction_id DESC"))
        by_id[r.owner]->interaction_ids.push_back(r.id);
}

void load_people(soci::session& s, Project& p) {
    const long long id = p.id;
    p.team = Query<TeamRow>(s).bind(id).run(
        "SELECT t.user_id, u.display_name, t.role FROM project_team t JOIN users u ON u.id = t.user_id "
        "WHERE t.project_id = :p ORDER BY u.display_name, t.user_id");
    p.stakeholders = Query<PartyRow>(s).bind(id).run(
        "SELECT st.id, st.name, st.kind, x.role, x.commitment FROM project_stakeholders x "
        "JOIN stakeholders st ON st.id = x.stakeholder_id WHERE x.project_id = :p ORDER BY st.sort_name, st.id");
    p.need_ids = Query<IdRow>(s).bind(id).run("SELECT need_id FROM project_needs WHERE project_id = :p ORDER BY need_id");
    // An idea belongs to at most one project, so the link lives on the idea.
    p.idea_ids = Query<IdRow>(s).bind(id).run("SELECT id FROM ideas WHERE project_id = :p ORDER BY id");
    // Derived, bounded: the page links the most recent ones; the stakeholders' timelines hold the rest.
    // From the minute the project started: interactions are logged to the minute.
    p.interaction_ids = Query<IdRow>(s).bind(id).bind(p.created_at.substr(0, 16)).run(
        "SELECT DISTINCT x.interaction_id FROM project_stakeholders ps JOIN interaction_stakeholders x "
        "ON x.stakeholder_id = ps.stakeholder_id WHERE ps.project_id = :p AND x.occurred_at >= :c "
        "ORDER BY x.interaction_id DESC LIMIT 200");
}

}  // namespace

int64_t insert_project(soci::session& s, const Project& p, int64_t by, const std::string& now) {
    long long id = 0;
    const long long lead = p.lead.id, fid = p.framework.id, who = by;
    const auto sponsor = p.sponsor ? boost::optional<long long>(p.sponsor->id) : boost::none;
    const auto amount = p.budget ? boost::optional<long long>(static_cast<long long>(p.budget->amount)) : boost::none;
    const auto currency = p.budget ? boost::optional<std::string>(p.budget->currency) : boost::none;
    const auto effort = p.effort_days ? boost::optional<int>(static_cast<int>(*p.effort_days)) : boost::none;
    const std::string kills = kill_criteria_text(p.kill_criteria), checks = checks_text(p.criteria_checks),
                      fit = fit_text(p.fit);
    s << "INSERT INTO projects (title, problem_statement, hypothesis, lead_id, sponsor_id, framework_id, "
         "framework_version, phase_key, phase_entered_at, status, kill_criteria, criteria_checks, fit, fit_score, "
         "budget_amount, budget_currency, effort_days, created_by, created_at, updated_at) VALUES (:t, :ps, :h, :l, "
         ":sp, :f, :fv, :ph, :pe, :st, :k, :c, :fit, :fs, :ba, :bc, :e, :b, :ca, :u) RETURNING id",
        soci::use(p.title), soci::use(p.problem_statement), soci::use(p.hypothesis), soci::use(lead), soci::use(sponsor),
        soci::use(fid), soci::use(p.framework.version), soci::use(p.phase.key), soci::use(p.phase.entered_at),
        soci::use(p.status), soci::use(kills), soci::use(checks), soci::use(fit), soci::use(p.fit.score),
        soci::use(amount), soci::use(currency), soci::use(effort), soci::use(who), soci::use(now), soci::use(now),
        soci::into(id);
    return id;
}

bool update_project(soci::session& s, const Project& p, const std::string& now) {
    const long long id = p.id, lead = p.lead.id, version = p.version;
    const auto sponsor = p.sponsor ? boost::optional<long long>(p.sponsor->id) : boost::none;
    const auto amount = p.budget ? boost::optional<long long>(static_cast<long long>(p.budget->amount)) : boost::none;
    const auto currency = p.budget ? boost::optional<std::string>(p.budget->currency) : boost::none;
    const auto effort = p.effort_days ? boost::optional<int>(static_cast<int>(*p.effort_days)) : boost::none;
    const auto space = p.share ? boost::optional<long long>(p.share->space_id) : boost::none;
    const auto summary = p.share ? boost::optional<std::string>(p.share->summary) : boost::none;
    const auto shared_at = p.share ? boost::optional<std::string>(p.share->shared_at) : boost::none;
    const auto learned = p.learnings ? boost::optional<std::string>(p.learnings->learned) : boost::none;
    const auto differently = p.learnings ? boost::optional<std::string>(p.learnings->do_differently) : boost::none;
    const std::string kills = kill_criteria_text(p.kill_criteria), checks = checks_text(p.criteria_checks),
                      fit = fit_text(p.fit);
    soci::statement st =
        (s.prepare << "UPDATE projects SET title = :t, problem_statement = :ps, hypothesis = :h, lead_id = :l, "
                      "sponsor_id = :sp, framework_version = :fv, phase_key = :ph, phase_entered_at = :pe, status = :st, "
                      "kill_criteria = :k, criteria_checks = :c, fit = :fit, fit_score = :fs, budget_amount = :ba, "
                      "budget_currency = :bc, effort_days = :e, share_space_id = :ss, share_summary = :sm, "
                      "shared_at = :sa, learned = :le, do_differently = :dd, version = version + 1, updated_at = :u "
                      "WHERE id = :id AND version = :v",
         soci::use(p.title), soci::use(p.problem_statement), soci::use(p.hypothesis), soci::use(lead), soci::use(sponsor),
         soci::use(p.framework.version), soci::use(p.phase.key), soci::use(p.phase.entered_at), soci::use(p.status),
         soci::use(kills), soci::use(checks), soci::use(fit), soci::use(p.fit.score), soci::use(amount),
         soci::use(currency), soci::use(effort), soci::use(space), soci::use(summary), soci::use(shared_at),
         soci::use(learned), soci::use(differently), soci::use(now), soci::use(id), soci::use(version));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

void replace_team(soci::session& s, int64_t id, const std::vector<TeamMember>& team) {
    const long long pid = id;
    s << "DELETE FROM project_team WHERE project_id = :p", soci::use(pid);
    for (const auto& m : team) {
        const long long user = m.user_id;
        s << "INSERT INTO project_team (project_id, user_id, role) VALUES (:p, :u, :r)", soci::use(pid), soci::use(user),
            soci::use(m.role);
    }
}

void replace_stakeholders(soci::session& s, int64_t id, const std::vector<ProjectStakeholder>& list) {
    const long long pid = id;
    s << "DELETE FROM project_stakeholders WHERE project_id = :p", soci::use(pid);
    for (const auto& x : list) {
        const long long sid = x.stakeholder_id;
        s << "INSERT INTO project_stakeholders (project_id, stakeholder_id, role, commitment) VALUES (:p, :s, :r, :c)",
            soci::use(pid), soci::use(sid), soci::use(x.role), soci::use(x.commitment);
    }
}

void store_health(soci::session& s, int64_t id, const Health& h) {
    const long long pid = id;
    const int ask = h.ask_first ? 1 : 0;
    const std::string signals = signals_text(h.signals);
    s << "UPDATE projects SET health_score = :s, health_level = :l, ask_first = :a, health_signals = :g, "
         "health_computed_at = :c WHERE id = :id",
        soci::use(h.score), soci::use(h.level), soci::use(ask), soci::use(signals), soci::use(h.computed_at),
        soci::use(pid);
}

std::optional<Project> find_project(soci::session& s, int64_t id) {
    auto rows = Query<ProjectRow>(s).bind(static_cast<long long>(id)).run(std::string(kProjectSelect) + "WHERE p.id = :id");
    if (rows.empty()) return std::nullopt;
    auto p = rows.front();
    load_people(s, p);
    return p;
}

namespace {

// The WHERE conditions of a project list after "WHERE " (bind order = text order).
void filter_projects(std::string& sql, Query<ProjectRow>& q, const ProjectFilter& f, bool shared_only) {
    if (f.q && shared_only) {
        // What an external participant can read: the title and the shared summary.
        const std::string like = db::contains_pattern(*f.q);
        sql += " AND (lower(p.title) LIKE lower(:q1) ESCAPE '\\' OR lower(p.share_summary) LIKE lower(:q2) ESCAPE '\\')";
        q.bind(like).bind(like);
    } else if (f.q) {
        const std::string like = db::contains_pattern(*f.q);
        sql += " AND (lower(p.title) LIKE lower(:q1) ESCAPE '\\' OR lower(p.problem_statement) LIKE lower(:q2) "
               "ESCAPE '\\' OR lower(p.hypothesis) LIKE lower(:q3) ESCAPE '\\')";
        q.bind(like).bind(like).bind(like);
    }
    if (f.status) { sql += " AND p.status = :st"; q.bind(*f.status); }
    if (f.phase) { sql += " AND p.phase_key = :ph"; q.bind(*f.phase); }
    if (f.lead_id) { sql += " AND p.lead_id = :ld"; q.bind(static_cast<long long>(*f.lead_id)); }
    if (f.framework_id) { sql += " AND p.framework_id = :f"; q.bind(static_cast<long long>(*f.framework_id)); }
    if (f.ask_first) { sql += " AND p.ask_first = :af"; q.bind(*f.ask_first ? 1 : 0); }
    if (f.after_key && f.after_id) {
        sql += " AND (p.title > :k1 OR (p.title = :k2 AND p.id > :ai))";
        q.bind(*f.after_key).bind(*f.after_key).bind(static_cast<long long>(*f.after_id));
    }
    sql += " ORDER BY p.title, p.id LIMIT :l";
    q.bind(f.limit + 1);
}

}  // namespace

std::vector<Project> list_projects(soci::session& s, const ProjectFilter& f) {
    Query<ProjectRow> q(s);
    std::string sql = std::string(kProjectSelect) + "WHERE 1 = 1";
    filter_projects(sql, q, f, false);
    auto rows = q.run(sql);
    load_lists(s, rows);
    return rows;
}

std::vector<Project> list_shared(soci::session& s, int64_t user_id, const ProjectFilter& f) {
    Query<ProjectRow> q(s);
    std::string sql = std::string(kProjectSelect) +
                      "WHERE p.share_space_id IN (SELECT m.space_id FROM space_members m JOIN spaces sp2 "
                      "ON sp2.id = m.space_id WHERE m.user_id = :u AND sp2.archived = 0)";
    q.bind(static_cast<long long>(user_id));
    filter_projects(sql, q, f, true);
    return q.run(sql);
}

bool shared_with(soci::session& s, int64_t id, int64_t user_id) {
    return !Query<IdRow>(s).bind(static_cast<long long>(id)).bind(static_cast<long long>(user_id)).run(
        "SELECT p.id FROM projects p JOIN space_members m ON m.space_id = p.share_space_id JOIN spaces sp "
        "ON sp.id = m.space_id WHERE p.id = :p AND m.user_id = :u AND sp.archived = 0").empty();
}

void replace_needs(soci::session& s, int64_t id, const std::vector<int64_t>& need_ids) {
    const long long pid = id;
    s << "DELETE FROM project_needs WHERE project_id = :p", soci::use(pid);
    for (auto need : need_ids) {
        const long long n = need;
        s << "INSERT INTO project_needs (project_id, need_id) VALUES (:p, :n)", soci::use(pid), soci::use(n);
    }
}

bool need_exists(soci::session& s, int64_t need_id) {
    return !Query<IdRow>(s).bind(static_cast<long long>(need_id)).run(
        "SELECT id FROM stakeholder_needs WHERE id = :n").empty();
}

void replace_ideas(soci::session& s, int64_t id, const std::vector<int64_t>& idea_ids) {
    const long long pid = id;
    s << "UPDATE ideas SET project_id = NULL WHERE project_id = :p", soci::use(pid);
    for (auto idea : idea_ids) {
        const long long i = idea;
        s << "UPDATE ideas SET project_id = :p WHERE id = :i", soci::use(pid), soci::use(i);
    }
}

bool idea_exists(soci::session& s, int64_t idea_id) {
    return !Query<IdRow>(s).bind(static_cast<long long>(idea_id)).run("SELECT id FROM ideas WHERE id = :i").empty();
}

std::vector<int64_t> all_project_ids(soci::session& s) {
    return Query<IdRow>(s).run("SELECT id FROM projects ORDER BY id");
}

std::vector<Project> projects_after(soci::session& s, int64_t after, int limit) {
    return Query<ProjectRow>(s).bind(static_cast<long long>(after)).bind(limit).run(
        std::string(kProjectSelect) + "WHERE p.id > :a ORDER BY p.id LIMIT :l");
}

bool works_on(soci::session& s, int64_t id, int64_t user_id) {
    const long long pid = id, u1 = user_id, u2 = user_id, u3 = user_id;
    return !Query<IdRow>(s).bind(pid).bind(u1).bind(u2).bind(u3).run(
        "SELECT p.id FROM projects p WHERE p.id = :p AND (p.lead_id = :u1 OR p.sponsor_id = :u2 OR EXISTS "
        "(SELECT 1 FROM project_team t WHERE t.project_id = p.id AND t.user_id = :u3))").empty();
}

int64_t insert_kpi_value(soci::session& s, int64_t project_id, const KpiValue& v, int64_t by, const std::string& now) {
    long long id = 0;
    const long long pid = project_id, who = by;
    const int counts = v.counts ? 1 : 0;
    s << "INSERT INTO kpi_values (project_id, kpi_key, value, recorded_on, phase_key, counts, note, recorded_by, "
         "recorded_at) VALUES (:p, :k, :v, :o, :ph, :c, :n, :b, :a) RETURNING id",
        soci::use(pid), soci::use(v.kpi_key), soci::use(v.value), soci::use(v.recorded_on), soci::use(v.phase_key),
        soci::use(counts), soci::use(v.note), soci::use(who), soci::use(now), soci::into(id);
    return id;
}

std::vector<KpiValue> kpi_values(soci::session& s, int64_t project_id, const KpiFilter& f) {
    Query<KpiRow> q(s);
    std::string sql =
        "SELECT id, kpi_key, value, recorded_on, phase_key, counts, note FROM kpi_values WHERE project_id = :p";
    q.bind(static_cast<long long>(project_id));
    if (f.kpi_key) { sql += " AND kpi_key = :k"; q.bind(*f.kpi_key); }
    if (f.after_key && f.after_id) {
        sql += " AND (recorded_on < :o1 OR (recorded_on = :o2 AND id < :a))";
        q.bind(*f.after_key).bind(*f.after_key).bind(static_cast<long long>(*f.after_id));
    }
    sql += " ORDER BY recorded_on DESC, id DESC LIMIT :l";
    q.bind(f.limit + 1);
    return q.run(sql);
}

std::vector<KpiValue> latest_counting_values(soci::session& s, int64_t project_id) {
    const long long p1 = project_id, p2 = project_id;
    return Query<KpiRow>(s).bind(p1).bind(p2).run(
        "SELECT v.id, v.kpi_key, v.value, v.recorded_on, v.phase_key, v.counts, v.note FROM kpi_values v "
        "WHERE v.project_id = :p1 AND v.counts = 1 AND v.id = (SELECT w.id FROM kpi_values w WHERE "
        "w.project_id = :p2 AND w.kpi_key = v.kpi_key AND w.counts = 1 ORDER BY w.recorded_on DESC, w.id DESC LIMIT 1)");
}

std::optional<std::string> last_customer_contact(soci::session& s, int64_t project_id) {
    // The registry keeps each stakeholder's last held contact (engagement moves it on every
    // logged, rescheduled or deleted interaction): reading it beats scanning the log.
    auto rows = Query<TextRow>(s).bind(static_cast<long long>(project_id)).run(
        "SELECT MAX(st.last_contact_at) FROM project_stakeholders ps JOIN stakeholders st ON st.id = ps.stakeholder_id "
        "WHERE ps.project_id = :p AND ps.role = 'customer'");
    return rows.empty() ? std::nullopt : rows.front();
}

std::vector<int> customer_interest(soci::session& s, int64_t project_id, const std::string& from,
                                   const std::string& to) {
    return Query<StepRow>(s).bind(static_cast<long long>(project_id)).bind(from).bind(to).run(
        "SELECT x.interest FROM project_stakeholders ps JOIN interaction_stakeholders x "
        "ON x.stakeholder_id = ps.stakeholder_id WHERE ps.project_id = :p AND ps.role = 'customer' "
        "AND x.status = 'held' AND x.interest IS NOT NULL AND x.occurred_at >= :f AND x.occurred_at < :t");
}


namespace {

struct CountRow {
    long long n = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(n)); }
    int64_t value() const { return n; }
};
struct MoveRow {
    std::string from, decision;
    boost::optional<std::string> to;
    long long n = 0;
    void bind(soci::statement& st) {
        st.exchange(soci::into(from));
        st.exchange(soci::into(decision));
        st.exchange(soci::into(to));
        st.exchange(soci::into(n));
    }
    MoveTally value() const { return {from, decision, to.value_or(""), n}; }
};
struct PositionRow {
    std::string phase, status;
    long long n = 0;
    void bind(soci::statement& st) {
        st.exchange(soci::into(phase));
        st.exchange(soci::into(status));
        st.exchange(soci::into(n));
    }
    PositionTally value() const { return {phase, status, n}; }
};

}  // namespace

std::vector<Project> board_column(soci::session& s, int64_t framework_id, const std::string& phase_key,
                                  const std::optional<std::string>& status, int limit) {
    // The column's first cards come from the index alone (projects_board_order); only those
    // rows are read whole. Reading every project of a phase to sort it cost 40 times more.
    Query<IdRow> ids(s);
    ids.bind(static_cast<long long>(framework_id)).bind(phase_key);
    std::string sql = "SELECT id FROM projects WHERE framework_id = :f AND phase_key = :ph AND ";
    if (status) { sql += "status = :st"; ids.bind(*status); }
    else sql += "status IN ('active', 'on_hold')";
    sql += " ORDER BY ask_first DESC, health_score, id LIMIT :l";
    const auto picked = ids.bind(limit + 1).run(sql);
    if (picked.empty()) return {};
    return Query<ProjectRow>(s).bind_ids(picked).run(std::string(kProjectSelect) + "WHERE " + db::in_ids(s, "p.id", picked) +
                                                     " ORDER BY p.ask_first DESC, p.health_score, p.id");
}

int64_t count_in_phase(soci::session& s, int64_t framework_id, const std::string& phase_key,
                       const std::optional<std::string>& status) {
    Query<CountRow> q(s);
    q.bind(static_cast<long long>(framework_id)).bind(phase_key);
    std::string sql = "SELECT COUNT(*) FROM projects WHERE framework_id = :f AND phase_key = :ph AND ";
    if (status) { sql += "status = :st"; q.bind(*status); }
    else sql += "status IN ('active', 'on_hold')";
    return q.run(sql).front();
}

std::vector<MoveTally> move_counts(soci::session& s, int64_t framework_id, const std::optional<std::string>& since) {
    Query<MoveRow> q(s);
    std::string sql =
        "SELECT g.from_phase, g.decision, g.to_phase, COUNT(*) FROM gate_reviews g JOIN projects p ON p.id = g.project_id "
        "WHERE p.framework_id = :f AND g.status = 'decided'";
    q.bind(static_cast<long long>(framework_id));
    if (since) { sql += " AND p.created_at >= :s"; q.bind(*since); }
    sql += " GROUP BY g.from_phase, g.decision, g.to_phase";
    return q.run(sql);
}

std::vector<PositionTally> position_counts(soci::session& s, int64_t framework_id, const std::optional<std::string>& since) {
    Query<PositionRow> q(s);
    std::string sql = "SELECT phase_key, status, COUNT(*) FROM projects WHERE framework_id = :f";
    q.bind(static_cast<long long>(framework_id));
    if (since) { sql += " AND created_at >= :s"; q.bind(*since); }
    sql += " GROUP BY phase_key, status";
    return q.run(sql);
}

}  // namespace cocreate::projects::project_repository
