#include "ideas/moderation_repository.hpp"

#include "db/query.hpp"

namespace cocreate::ideas::moderation_repository {

namespace {

using db::Query;

struct ReportRow {
    long long id = 0, object_id = 0, space_id = 0;
    std::string type, reason, status, created_at;
    boost::optional<long long> reporter, idea_id, resolver;
    boost::optional<std::string> reporter_name, resolution, resolved_at, excerpt, resolver_name;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(type));
        st.exchange(soci::into(object_id));
        st.exchange(soci::into(idea_id));
        st.exchange(soci::into(excerpt));
        st.exchange(soci::into(space_id));
        st.exchange(soci::into(reason));
        st.exchange(soci::into(reporter));
        st.exchange(soci::into(reporter_name));
        st.exchange(soci::into(status));
        st.exchange(soci::into(resolution));
        st.exchange(soci::into(resolver));
        st.exchange(soci::into(resolver_name));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(resolved_at));
    }
    Report value() const {
        Report r;
        r.id = id;
        r.object_type = type;
        r.object_id = object_id;
        r.idea_id = idea_id.value_or(object_id);
        r.excerpt = excerpt.value_or("");
        r.space_id = space_id;
        r.reason = reason;
        if (reporter) r.reporter = UserRef{*reporter, reporter_name.value_or("")};
        r.status = status;
        r.resolution = db::from_boost(resolution);
        if (resolver) r.resolved_by = UserRef{*resolver, resolver_name.value_or("")};
        r.created_at = created_at;
        r.resolved_at = db::from_boost(resolved_at);
        return r;
    }
};
struct IdRow {
    long long id = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(id)); }
    int64_t value() const { return id; }
};

}  // namespace

int64_t insert_report(soci::session& s, const Report& r, int64_t by) {
    long long id = 0;
    const long long object = r.object_id, space = r.space_id, who = by;
    s << "INSERT INTO reports (object_type, object_id, space_id, reason, reporter_id, status, created_at) "
         "VALUES (:t, :o, :s, :r, :b, 'open', :a) RETURNING id",
        soci::use(r.object_type), soci::use(object), soci::use(space), soci::use(r.reason), soci::use(who),
        soci::use(r.created_at), soci::into(id);
    return id;
}

bool has_open_report(soci::session& s, const std::string& object_type, int64_t object_id, int64_t reporter_id) {
    int n = 0;
    const long long object = object_id, who = reporter_id;
    s << "SELECT COUNT(*) FROM reports WHERE object_type = :t AND object_id = :o AND reporter_id = :r AND status = 'open'",
        soci::use(object_type), soci::use(object), soci::use(who), soci::into(n);
    return n > 0;
}

std::vector<Report> list_reports(soci::session& s, const std::optional<std::string>& status, bool all_spaces,
                                 const std::vector<int64_t>& space_ids, std::optional<int64_t> after, int limit) {
    Query<ReportRow> q(s);
    std::string sql =
        "SELECT r.id, r.object_type, r.object_id, COALESCE(c.idea_id, i.id), COALESCE(substr(c.body, 1, 200), i.title), "
        "r.space_id, r.reason, r.reporter_id, u.display_name, r.status, r.resolution, r.resolved_by, v.display_name, "
        "r.created_at, r.resolved_at FROM reports r LEFT JOIN users u ON u.id = r.reporter_id "
        "LEFT JOIN users v ON v.id = r.resolved_by "
        "LEFT JOIN comments c ON r.object_type = 'comment' AND c.id = r.object_id "
        "LEFT JOIN ideas i ON r.object_type = 'idea' AND i.id = r.object_id WHERE 1 = 1";
    if (!all_spaces) {
        if (space_ids.empty()) return {};
        std::string in;
        for (auto id : space_ids) in += (in.empty() ? "" : ",") + std::to_string(id);
        sql += " AND r.space_id IN (" + in + ")";  // ids from the database
    }
    if (status) { sql += " AND r.status = :st"; q.bind(*status); }
    if (after) { sql += " AND r.id > :a"; q.bind(static_cast<long long>(*after)); }
    sql += " ORDER BY r.id LIMIT :l";
    return q.bind(limit + 1).run(sql);
}

void resolve_reports(soci::session& s, const std::string& object_type, int64_t object_id, const std::string& resolution,
                     int64_t by, const std::string& now) {
    const long long object = object_id, who = by;
    s << "UPDATE reports SET status = 'resolved', resolution = :r, resolved_by = :b, resolved_at = :a "
         "WHERE object_type = :t AND object_id = :o AND status = 'open'",
        soci::use(resolution), soci::use(who), soci::use(now), soci::use(object_type), soci::use(object);
}

std::vector<int64_t> moderated_spaces(soci::session& s, int64_t user_id) {
    return Query<IdRow>(s).bind(static_cast<long long>(user_id)).run(
        "SELECT space_id FROM space_members WHERE user_id = :u AND space_role IN ('owner', 'moderator')");
}

void merge_ideas(soci::session& s, int64_t duplicate, int64_t into) {
    const long long d = duplicate, k = into;
    // Votes: one per person; a person who voted for both keeps one.
    s << "INSERT INTO idea_votes (idea_id, user_id, challenge_id, created_at) SELECT :k, v.user_id, v.challenge_id, "
         "v.created_at FROM idea_votes v WHERE v.idea_id = :d AND NOT EXISTS (SELECT 1 FROM idea_votes w "
         "WHERE w.idea_id = :k2 AND w.user_id = v.user_id)",
        soci::use(k), soci::use(d), soci::use(k);
    s << "DELETE FROM idea_votes WHERE idea_id = :d", soci::use(d);
    s << "UPDATE comments SET idea_id = :k WHERE idea_id = :d", soci::use(k), soci::use(d);
    s << "UPDATE idea_interest SET idea_id = :k WHERE idea_id = :d", soci::use(k), soci::use(d);
    s << "INSERT INTO idea_authors (idea_id, user_id, role) SELECT :k, a.user_id, 'co_author' FROM idea_authors a "
         "WHERE a.idea_id = :d AND NOT EXISTS (SELECT 1 FROM idea_authors b WHERE b.idea_id = :k2 AND b.user_id = a.user_id)",
        soci::use(k), soci::use(d), soci::use(k);
    // Links: what the duplicate built on and what built on it now point at the kept idea.
    s << "INSERT INTO idea_links (idea_id, builds_on_id, created_by, created_at) SELECT :k, l.builds_on_id, l.created_by, "
         "l.created_at FROM idea_links l WHERE l.idea_id = :d AND l.builds_on_id <> :k2 AND NOT EXISTS (SELECT 1 FROM "
         "idea_links m WHERE m.idea_id = :k3 AND m.builds_on_id = l.builds_on_id)",
        soci::use(k), soci::use(d), soci::use(k), soci::use(k);
    s << "INSERT INTO idea_links (idea_id, builds_on_id, created_by, created_at) SELECT l.idea_id, :k, l.created_by, "
         "l.created_at FROM idea_links l WHERE l.builds_on_id = :d AND l.idea_id <> :k2 AND NOT EXISTS (SELECT 1 FROM "
         "idea_links m WHERE m.idea_id = l.idea_id AND m.builds_on_id = :k3)",
        soci::use(k), soci::use(d), soci::use(k), soci::use(k);
    s << "DELETE FROM idea_links WHERE idea_id = :d OR builds_on_id = :d2", soci::use(d), soci::use(d);
    s << "UPDATE ideas SET vote_count = (SELECT COUNT(*) FROM idea_votes v WHERE v.idea_id = :k), "
         "comment_count = (SELECT COUNT(*) FROM comments c WHERE c.idea_id = :k2 AND c.hidden = 0), "
         "interest_score = (SELECT COALESCE(SUM(CASE level WHEN 'committed' THEN 3 WHEN 'interested' THEN 2 ELSE 1 END), 0) "
         "FROM idea_interest n WHERE n.idea_id = :k3) WHERE id = :k4",
        soci::use(k), soci::use(k), soci::use(k), soci::use(k);
    s << "UPDATE ideas SET vote_count = 0, comment_count = 0, interest_score = 0 WHERE id = :d", soci::use(d);
}

}  // namespace cocreate::ideas::moderation_repository
