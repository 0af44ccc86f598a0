#include "ideas/challenge_repository.hpp"

#include <algorithm>
#include <array>

#include <boost/json.hpp>

#include "db/query.hpp"

namespace cocreate::ideas::challenge_repository {

namespace {

namespace json = boost::json;
using db::Query;

std::string goals_text(const std::vector<std::string>& goals) {
    json::array a;
    for (const auto& g : goals) a.emplace_back(g);
    return json::serialize(a);
}
std::vector<std::string> goals_of(const std::string& text) {
    std::vector<std::string> out;
    std::error_code ec;
    auto v = json::parse(text, ec);
    if (!ec && v.is_array())
        for (const auto& item : v.as_array())
            if (item.is_string()) out.emplace_back(item.get_string());
    return out;
}
std::string criteria_text(const std::vector<Criterion>& criteria) {
    json::array a;
    for (const auto& c : criteria) a.push_back(json::object{{"key", c.key}, {"text", c.text}, {"weight", c.weight}});
    return json::serialize(a);
}
std::vector<Criterion> criteria_of(const std::string& text) {
    std::vector<Criterion> out;
    std::error_code ec;
    auto v = json::parse(text, ec);
    if (ec || !v.is_array()) return out;
    for (const auto& item : v.as_array()) {
        if (!item.is_object()) continue;
        const auto& o = item.as_object();
        Criterion c;
        if (const auto* k = o.if_contains("key"); k && k->is_string()) c.key = std::string(k->get_string());
        if (const auto* t = o.if_contains("text"); t && t->is_string()) c.text = std::string(t->get_string());
        if (const auto* w = o.if_contains("weight"); w && w->is_int64()) c.weight = static_cast<int>(w->get_int64());
        out.push_back(std::move(c));
    }
    return out;
}

boost::optional<std::string> fit_text(const std::optional<projects::FitAnswers>& fit) {
    if (!fit) return boost::none;
    return json::serialize(json::object{{"problem_defined", fit->problem_defined},
                                        {"near_term", fit->near_term},
                                        {"customers_can_picture", fit->customers_can_picture},
                                        {"customer_willing", fit->customer_willing},
                                        {"capacity_available", fit->capacity_available}});
}
std::optional<projects::FitAnswers> fit_of(const boost::optional<std::string>& text) {
    if (!text) return std::nullopt;
    std::error_code ec;
    auto v = json::parse(*text, ec);
    if (ec || !v.is_object()) return std::nullopt;
    const auto& o = v.as_object();
    auto answer = [&](const char* key) {
        const auto* a = o.if_contains(key);
        return a && a->is_int64() ? static_cast<int>(a->get_int64()) : 3;
    };
    return projects::FitAnswers{answer("problem_defined"), answer("near_term"), answer("customers_can_picture"),
                                answer("customer_willing"), answer("capacity_available")};
}

struct ChallengeRow {
    long long id = 0, space_id = 0, idea_count = 0, version = 0;
    int votes_per_person = 5, leaderboard = 1, protocol_version = 1;
    std::string title, problem, goals, audience, submission, discussion, voting, review, closes, criteria, created_at,
        updated_at, protocol_text, protocol_note, protocol_at;
    boost::optional<long long> sponsor_id, protocol_by;
    boost::optional<std::string> sponsor_name, protocol_by_name, fit;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(space_id));
        st.exchange(soci::into(title));
        st.exchange(soci::into(problem));
        st.exchange(soci::into(goals));
        st.exchange(soci::into(audience));
        st.exchange(soci::into(sponsor_id));
        st.exchange(soci::into(sponsor_name));
        st.exchange(soci::into(submission));
        st.exchange(soci::into(discussion));
        st.exchange(soci::into(voting));
        st.exchange(soci::into(review));
        st.exchange(soci::into(closes));
        st.exchange(soci::into(votes_per_person));
        st.exchange(soci::into(leaderboard));
        st.exchange(soci::into(criteria));
        st.exchange(soci::into(fit));
        st.exchange(soci::into(protocol_version));
        st.exchange(soci::into(protocol_text));
        st.exchange(soci::into(protocol_note));
        st.exchange(soci::into(protocol_at));
        st.exchange(soci::into(protocol_by));
        st.exchange(soci::into(protocol_by_name));
        st.exchange(soci::into(idea_count));
        st.exchange(soci::into(version));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }
    Challenge value() const {
        Challenge c;
        c.id = id;
        c.space_id = space_id;
        c.title = title;
        c.problem = problem;
        c.goals = goals_of(goals);
        c.audience = audience;
        if (sponsor_id) c.sponsor = UserRef{*sponsor_id, sponsor_name.value_or("")};
        c.phases = {submission, discussion, voting, review, closes};
        c.votes_per_person = votes_per_person;
        c.leaderboard = leaderboard != 0;
        c.criteria = criteria_of(criteria);
        c.fit = fit_of(fit);
        c.protocol = {protocol_version, protocol_text, protocol_note, protocol_at, std::nullopt};
        if (protocol_by) c.protocol.changed_by = UserRef{*protocol_by, protocol_by_name.value_or("")};
        c.idea_count = idea_count;
        c.version = version;
        c.created_at = created_at;
        c.updated_at = updated_at;
        return c;
    }
};

constexpr const char* kSelect =
    "SELECT c.id, c.space_id, c.title, c.problem, c.goals, c.audience, c.sponsor_id, sp.display_name, "
    "c.submission_opens, c.discussion_opens, c.voting_opens, c.review_opens, c.closes, c.votes_per_person, "
    "c.leaderboard, c.criteria, c.fit, c.protocol_version, pr.text, pr.note, pr.changed_at, pr.changed_by, pb.display_name, "
    "c.idea_count, c.version, c.created_at, c.updated_at FROM challenges c "
    "LEFT JOIN users sp ON sp.id = c.sponsor_id "
    "JOIN challenge_protocols pr ON pr.challenge_id = c.id AND pr.version = c.protocol_version "
    "LEFT JOIN users pb ON pb.id = pr.changed_by ";

struct ProtocolRow {
    int version = 0;
    std::string text, note, at;
    boost::optional<long long> by;
    boost::optional<std::string> by_name;
    void bind(soci::statement& st) {
        st.exchange(soci::into(version));
        st.exchange(soci::into(text));
        st.exchange(soci::into(note));
        st.exchange(soci::into(at));
        st.exchange(soci::into(by));
        st.exchange(soci::into(by_name));
    }
    ProtocolVersion value() const {
        ProtocolVersion v{version, text, note, at, std::nullopt};
        if (by) v.changed_by = UserRef{*by, by_name.value_or("")};
        return v;
    }
};

}  // namespace

int64_t insert_challenge(soci::session& s, const Challenge& c, int64_t by, const std::string& now) {
    long long id = 0;
    const long long space = c.space_id, who = by;
    const auto sponsor = c.sponsor ? boost::optional<long long>(c.sponsor->id) : boost::none;
    const int board = c.leaderboard ? 1 : 0;
    const std::string goals = goals_text(c.goals), criteria = criteria_text(c.criteria);
    const auto fit = fit_text(c.fit);
    s << "INSERT INTO challenges (space_id, title, problem, goals, audience, sponsor_id, submission_opens, "
         "discussion_opens, voting_opens, review_opens, closes, votes_per_person, leaderboard, criteria, fit, "
         "protocol_version, created_by, created_at, updated_at) VALUES (:s, :t, :p, :g, :a, :sp, :o1, :o2, :o3, :o4, "
         ":o5, :v, :lb, :cr, :fit, 1, :b, :ca, :u) RETURNING id",
        soci::use(space), soci::use(c.title), soci::use(c.problem), soci::use(goals), soci::use(c.audience),
        soci::use(sponsor), soci::use(c.phases.submission_opens), soci::use(c.phases.discussion_opens),
        soci::use(c.phases.voting_opens), soci::use(c.phases.review_opens), soci::use(c.phases.closes),
        soci::use(c.votes_per_person), soci::use(board), soci::use(criteria), soci::use(fit), soci::use(who),
        soci::use(now), soci::use(now), soci::into(id);
    return id;
}

bool update_challenge(soci::session& s, const Challenge& c, const std::string& now) {
    const long long id = c.id, version = c.version;
    const auto sponsor = c.sponsor ? boost::optional<long long>(c.sponsor->id) : boost::none;
    const int board = c.leaderboard ? 1 : 0;
    const std::string goals = goals_text(c.goals), criteria = criteria_text(c.criteria);
    const auto fit = fit_text(c.fit);
    soci::statement st =
        (s.prepare << "UPDATE challenges SET title = :t, problem = :p, goals = :g, audience = :a, sponsor_id = :sp, "
                      "submission_opens = :o1, discussion_opens = :o2, voting_opens = :o3, review_opens = :o4, "
                      "closes = :o5, votes_per_person = :v, leaderboard = :lb, criteria = :cr, fit = :fit, "
                      "protocol_version = :pv, "
                      "version = version + 1, updated_at = :u WHERE id = :id AND version = :ver",
         soci::use(c.title), soci::use(c.problem), soci::use(goals), soci::use(c.audience), soci::use(sponsor),
         soci::use(c.phases.submission_opens), soci::use(c.phases.discussion_opens), soci::use(c.phases.voting_opens),
         soci::use(c.phases.review_opens), soci::use(c.phases.closes), soci::use(c.votes_per_person), soci::use(board),
         soci::use(criteria), soci::use(fit), soci::use(c.protocol.version), soci::use(now), soci::use(id),
         soci::use(version));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

void insert_protocol(soci::session& s, int64_t challenge_id, const ProtocolVersion& v, int64_t by) {
    const long long cid = challenge_id, who = by;
    s << "INSERT INTO challenge_protocols (challenge_id, version, text, note, changed_by, changed_at) "
         "VALUES (:c, :v, :t, :n, :b, :a)",
        soci::use(cid), soci::use(v.version), soci::use(v.text), soci::use(v.note), soci::use(who),
        soci::use(v.changed_at);
}

std::optional<Challenge> find_challenge(soci::session& s, int64_t id) {
    auto rows = Query<ChallengeRow>(s).bind(static_cast<long long>(id)).run(std::string(kSelect) + "WHERE c.id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

namespace {
struct ScopeRow {
    long long space_id = 0;
    std::string audience;
    void bind(soci::statement& st) {
        st.exchange(soci::into(space_id));
        st.exchange(soci::into(audience));
    }
    ChallengeScope value() const { return {space_id, audience}; }
};
}  // namespace

std::optional<ChallengeScope> find_challenge_scope(soci::session& s, int64_t id) {
    auto rows = Query<ScopeRow>(s).bind(static_cast<long long>(id)).run("SELECT space_id, audience FROM challenges WHERE id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<Challenge> list_challenges(soci::session& s, const ChallengeFilter& f) {
    Query<ChallengeRow> q(s);
    std::string sql = std::string(kSelect) + "WHERE 1 = 1";
    if (f.space_id) { sql += " AND c.space_id = :s"; q.bind(static_cast<long long>(*f.space_id)); }
    if (f.member_of) {
        sql += " AND c.audience <> 'internal' AND c.space_id IN (SELECT m.space_id FROM space_members m "
               "WHERE m.user_id = :u)";
        q.bind(static_cast<long long>(*f.member_of));
    }
    if (f.q) {
        const auto like = db::contains_pattern(*f.q);
        sql += " AND (lower(c.title) LIKE lower(:q1) ESCAPE '\\' OR lower(c.problem) LIKE lower(:q2) ESCAPE '\\')";
        q.bind(like).bind(like);
    }
    if (f.phase && f.today) {
        // The phase follows the dates: a phase runs from its opening date to the next one's.
        static constexpr std::array<const char*, 6> kOpens = {nullptr, "c.submission_opens", "c.discussion_opens",
                                                              "c.voting_opens", "c.review_opens", "c.closes"};
        const auto at = std::find(kPhases.begin(), kPhases.end(), *f.phase) - kPhases.begin();
        if (const char* from = kOpens[at]) {
            sql += std::string(" AND ") + from + " <= :t1";
            q.bind(*f.today);
        }
        if (static_cast<size_t>(at) + 1 < kOpens.size()) {
            sql += std::string(" AND ") + kOpens[at + 1] + " > :t2";
            q.bind(*f.today);
        }
    }
    if (f.after) { sql += " AND c.id < :a"; q.bind(static_cast<long long>(*f.after)); }
    sql += " ORDER BY c.id DESC LIMIT :l";
    return q.bind(f.limit + 1).run(sql);
}

std::vector<ProtocolVersion> protocol_versions(soci::session& s, int64_t challenge_id,
                                               std::optional<int64_t> before_version, int limit) {
    Query<ProtocolRow> q(s);
    q.bind(static_cast<long long>(challenge_id));
    std::string sql =
        "SELECT p.version, p.text, p.note, p.changed_at, p.changed_by, u.display_name FROM challenge_protocols p "
        "LEFT JOIN users u ON u.id = p.changed_by WHERE p.challenge_id = :c";
    if (before_version) {
        sql += " AND p.version < :v";
        q.bind(static_cast<long long>(*before_version));
    }
    sql += " ORDER BY p.version DESC LIMIT :l";
    return q.bind(limit + 1).run(sql);
}

void add_to_idea_count(soci::session& s, int64_t challenge_id, int delta) {
    const long long id = challenge_id;
    s << "UPDATE challenges SET idea_count = idea_count + :d WHERE id = :id", soci::use(delta), soci::use(id);
}

}  // namespace cocreate::ideas::challenge_repository
