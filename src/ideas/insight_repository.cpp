#include "ideas/insight_repository.hpp"

#include <boost/json.hpp>

#include "db/query.hpp"
#include "ideas/idea_repository.hpp"

namespace cocreate::ideas::insight_repository {

namespace {

namespace json = boost::json;
using db::Query;

std::string scores_text(const Scores& scores) {
    json::object o;
    for (const auto& [key, value] : scores) o[key] = value;
    return json::serialize(o);
}
Scores scores_of(const std::string& text) {
    Scores out;
    std::error_code ec;
    auto v = json::parse(text, ec);
    if (!ec && v.is_object())
        for (const auto& [key, value] : v.as_object())
            if (value.is_int64()) out[std::string(key)] = static_cast<int>(value.as_int64());
    return out;
}

struct InterestRow {
    long long id = 0, stakeholder_id = 0;
    std::string name, kind, level, noted_on, source, recorded_at;
    boost::optional<long long> interaction_id, recorded_by;
    boost::optional<std::string> recorded_by_name;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(stakeholder_id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(kind));
        st.exchange(soci::into(level));
        st.exchange(soci::into(noted_on));
        st.exchange(soci::into(source));
        st.exchange(soci::into(interaction_id));
        st.exchange(soci::into(recorded_by));
        st.exchange(soci::into(recorded_by_name));
        st.exchange(soci::into(recorded_at));
    }
    InterestRecord value() const {
        InterestRecord r;
        r.id = id;
        r.stakeholder_id = stakeholder_id;
        r.stakeholder_name = name;
        r.kind = kind;
        r.level = level;
        r.noted_on = noted_on;
        r.source = source;
        r.interaction_id = db::from_boost_id(interaction_id);
        if (recorded_by && recorded_by_name) r.recorded_by = UserRef{*recorded_by, *recorded_by_name};
        r.recorded_at = recorded_at;
        return r;
    }
};

constexpr const char* kInterestSelect =
    "SELECT n.id, n.stakeholder_id, st.name, st.kind, n.level, n.noted_on, n.source, n.interaction_id, n.recorded_by, "
    "u.display_name, n.recorded_at FROM idea_interest n JOIN stakeholders st ON st.id = n.stakeholder_id "
    "LEFT JOIN users u ON u.id = n.recorded_by ";

struct ReviewRow {
    long long idea_id = 0, reviewer_id = 0;
    std::string reviewer_name, scores, note, reviewed_at;
    void bind(soci::statement& st) {
        st.exchange(soci::into(idea_id));
        st.exchange(soci::into(reviewer_id));
        st.exchange(soci::into(reviewer_name));
        st.exchange(soci::into(scores));
        st.exchange(soci::into(note));
        st.exchange(soci::into(reviewed_at));
    }
    Review value() const {
        Review r;
        r.idea_id = idea_id;
        r.reviewer = {reviewer_id, reviewer_name};
        r.scores = scores_of(scores);
        r.note = note;
        r.reviewed_at = reviewed_at;
        return r;
    }
};

constexpr const char* kReviewSelect =
    "SELECT r.idea_id, r.reviewer_id, u.display_name, r.scores, r.note, r.reviewed_at FROM idea_reviews r "
    "JOIN users u ON u.id = r.reviewer_id ";

struct StakeholderRow {
    long long id = 0;
    std::string name, kind;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(kind));
    }
    StakeholderBrief value() const { return {id, name, kind}; }
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

}  // namespace

std::optional<StakeholderBrief> find_stakeholder(soci::session& s, int64_t id) {
    auto rows = Query<StakeholderRow>(s)
                    .bind(static_cast<long long>(id))
                    .run("SELECT id, name, kind FROM stakeholders WHERE id = :i");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::optional<std::string> interaction_time(soci::session& s, int64_t interaction_id, int64_t stakeholder_id) {
    auto rows = Query<TextRow>(s)
                    .bind(static_cast<long long>(interaction_id))
                    .bind(static_cast<long long>(stakeholder_id))
                    .run(
                        "SELECT i.occurred_at FROM interactions i JOIN interaction_stakeholders x ON "
                        "x.interaction_id = i.id WHERE i.id = :i AND x.stakeholder_id = :s");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

int64_t insert_interest(soci::session& s, int64_t idea_id, const Interest& x, int64_t by, const std::string& now) {
    long long id = 0;
    const long long idea = idea_id, stakeholder = x.stakeholder_id, who = by;
    const auto interaction = db::to_boost_id(x.interaction_id);
    s << "INSERT INTO idea_interest (idea_id, stakeholder_id, level, noted_on, source, interaction_id, recorded_by, "
         "recorded_at) VALUES (:i, :s, :l, :d, :src, :x, :b, :t) RETURNING id",
        soci::use(idea), soci::use(stakeholder), soci::use(x.level), soci::use(x.noted_on), soci::use(x.source),
        soci::use(interaction), soci::use(who), soci::use(now), soci::into(id);
    return id;
}

std::optional<InterestRecord> find_interest(soci::session& s, int64_t id) {
    auto rows =
        Query<InterestRow>(s).bind(static_cast<long long>(id)).run(std::string(kInterestSelect) + "WHERE n.id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<InterestRecord> interest_of(soci::session& s, int64_t idea_id,
                                        const std::optional<std::string>& after_noted_on,
                                        std::optional<int64_t> after_id, int limit) {
    Query<InterestRow> q(s);
    std::string sql = std::string(kInterestSelect) + "WHERE n.idea_id = :i";
    q.bind(static_cast<long long>(idea_id));
    if (after_noted_on && after_id) {
        sql += " AND (n.noted_on < :k1 OR (n.noted_on = :k2 AND n.id < :a))";
        q.bind(*after_noted_on).bind(*after_noted_on).bind(static_cast<long long>(*after_id));
    }
    sql += " ORDER BY n.noted_on DESC, n.id DESC LIMIT :l";
    return q.bind(limit + 1).run(sql);
}

std::vector<InterestRecord> latest_interest(soci::session& s, int64_t idea_id) {
    // A later `noted_on` wins even when recorded earlier: a backdated record does not undo
    // what the stakeholder said since.
    return Query<InterestRow>(s)
        .bind(static_cast<long long>(idea_id))
        .run(std::string(kInterestSelect) +
             "WHERE n.idea_id = :i AND NOT EXISTS (SELECT 1 FROM idea_interest m WHERE m.idea_id = n.idea_id "
             "AND m.stakeholder_id = n.stakeholder_id AND (m.noted_on > n.noted_on OR (m.noted_on = n.noted_on AND "
             "m.id > n.id))) "
             "ORDER BY n.noted_on DESC, n.id DESC");
}

void set_interest_score(soci::session& s, int64_t idea_id, int64_t score) {
    const long long id = idea_id, n = score;
    s << "UPDATE ideas SET interest_score = :n WHERE id = :id", soci::use(n), soci::use(id);
    // The lists show the score and how many stakeholders: both may have moved.
    idea_repository::bump_list_version_of(s, idea_id);
}

void upsert_review(soci::session& s, int64_t idea_id, int64_t reviewer_id, const Scores& scores,
                   const std::string& note, const std::string& now) {
    const long long idea = idea_id, reviewer = reviewer_id;
    const std::string text = scores_text(scores);
    s << "INSERT INTO idea_reviews (idea_id, reviewer_id, scores, note, reviewed_at) VALUES (:i, :r, :s, :n, :t) "
         "ON CONFLICT (idea_id, reviewer_id) DO UPDATE SET scores = excluded.scores, note = excluded.note, "
         "reviewed_at = excluded.reviewed_at",
        soci::use(idea), soci::use(reviewer), soci::use(text), soci::use(note), soci::use(now);
}

bool has_review(soci::session& s, int64_t idea_id, int64_t reviewer_id) {
    return Query<CountRow>(s)
               .bind(static_cast<long long>(idea_id))
               .bind(static_cast<long long>(reviewer_id))
               .run("SELECT COUNT(*) FROM idea_reviews WHERE idea_id = :i AND reviewer_id = :r")
               .front() > 0;
}

std::optional<Review> find_review(soci::session& s, int64_t idea_id, int64_t reviewer_id) {
    auto rows = Query<ReviewRow>(s)
                    .bind(static_cast<long long>(idea_id))
                    .bind(static_cast<long long>(reviewer_id))
                    .run(std::string(kReviewSelect) + "WHERE r.idea_id = :i AND r.reviewer_id = :r");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<Review> reviews_of(soci::session& s, int64_t idea_id, const std::optional<std::string>& after_reviewed_at,
                               std::optional<int64_t> after_reviewer, int limit) {
    Query<ReviewRow> q(s);
    std::string sql = std::string(kReviewSelect) + "WHERE r.idea_id = :i";
    q.bind(static_cast<long long>(idea_id));
    if (after_reviewed_at && after_reviewer) {
        sql += " AND (r.reviewed_at < :k1 OR (r.reviewed_at = :k2 AND r.reviewer_id < :a))";
        q.bind(*after_reviewed_at).bind(*after_reviewed_at).bind(static_cast<long long>(*after_reviewer));
    }
    sql += " ORDER BY r.reviewed_at DESC, r.reviewer_id DESC LIMIT :l";
    return q.bind(limit + 1).run(sql);
}

std::vector<Review> all_reviews(soci::session& s, int64_t idea_id) {
    return Query<ReviewRow>(s)
        .bind(static_cast<long long>(idea_id))
        .run(std::string(kReviewSelect) + "WHERE r.idea_id = :i ORDER BY r.reviewed_at DESC, r.reviewer_id DESC");
}

}  // namespace cocreate::ideas::insight_repository
