#include "ideas/comment_repository.hpp"

#include "db/query.hpp"

namespace cocreate::ideas::comment_repository {

namespace {

using db::Query;

struct CommentRow {
    long long id = 0, idea_id = 0, helpful = 0;
    int hostile = 0, hidden = 0;
    boost::optional<long long> parent_id, author_id, moderated_by;
    boost::optional<std::string> author_name, note, edited_at, moderator_name;
    std::string body, created_at;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(idea_id));
        st.exchange(soci::into(parent_id));
        st.exchange(soci::into(body));
        st.exchange(soci::into(author_id));
        st.exchange(soci::into(author_name));
        st.exchange(soci::into(hostile));
        st.exchange(soci::into(hidden));
        st.exchange(soci::into(note));
        st.exchange(soci::into(moderated_by));
        st.exchange(soci::into(moderator_name));
        st.exchange(soci::into(helpful));
        st.exchange(soci::into(edited_at));
        st.exchange(soci::into(created_at));
    }
    Comment value() const {
        Comment c;
        c.id = id;
        c.idea_id = idea_id;
        c.parent_id = db::from_boost_id(parent_id);
        c.body = body;
        if (author_id) c.author = UserRef{*author_id, author_name.value_or("")};
        c.hostile = hostile != 0;
        c.hidden = hidden != 0;
        c.moderation_note = db::from_boost(note);
        if (moderated_by) c.moderated_by = UserRef{*moderated_by, moderator_name.value_or("")};
        c.helpful_count = helpful;
        c.edited_at = db::from_boost(edited_at);
        c.created_at = created_at;
        return c;
    }
};

constexpr const char* kSelect =
    "SELECT c.id, c.idea_id, c.parent_id, c.body, c.author_id, u.display_name, c.hostile, c.hidden, "
    "c.moderation_note, c.moderated_by, mu.display_name, c.helpful_count, c.edited_at, c.created_at FROM comments c "
    "LEFT JOIN users u ON u.id = c.author_id LEFT JOIN users mu ON mu.id = c.moderated_by ";

struct MentionRow {
    long long comment_id = 0, user_id = 0;
    std::string name;
    void bind(soci::statement& st) {
        st.exchange(soci::into(comment_id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(name));
    }
    MentionRow value() const { return *this; }
};
struct IdRow {
    long long id = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(id)); }
    int64_t value() const { return id; }
};
struct CountRow {
    long long n = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(n)); }
    int64_t value() const { return n; }
};
struct ReasonRow {
    std::string reason;
    long long n = 0;
    void bind(soci::statement& st) {
        st.exchange(soci::into(reason));
        st.exchange(soci::into(n));
    }
    ReasonRow value() const { return *this; }
};
struct LeaderDbRow {
    long long user_id = 0, points = 0;
    std::string name;
    void bind(soci::statement& st) {
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(points));
    }
    LeaderRow value() const { return {user_id, name, points}; }
};


void load_mentions(soci::session& s, std::vector<Comment>& comments) {
    if (comments.empty()) return;
    std::vector<int64_t> ids;
    for (const auto& c : comments) ids.push_back(c.id);
    // One query for the page.
    const auto rows = Query<MentionRow>(s).bind_ids(ids).run(
        "SELECT m.comment_id, m.user_id, u.display_name FROM comment_mentions m JOIN users u ON u.id = m.user_id "
        "WHERE " + db::in_ids(s, "m.comment_id", ids) + " ORDER BY m.comment_id, u.display_name");
    for (auto& c : comments)
        for (const auto& r : rows)
            if (r.comment_id == c.id) c.mentions.push_back({r.user_id, r.name});
}

}  // namespace

int64_t insert_comment(soci::session& s, const Comment& c, const std::string& now) {
    long long id = 0;
    const long long idea = c.idea_id;
    const auto parent = db::to_boost_id(c.parent_id);
    const auto author = c.author ? boost::optional<long long>(c.author->id) : boost::none;
    const int hostile = c.hostile ? 1 : 0;
    s << "INSERT INTO comments (idea_id, parent_id, body, author_id, hostile, created_at) VALUES (:i, :p, :b, :a, :h, "
         ":t) RETURNING id",
        soci::use(idea), soci::use(parent), soci::use(c.body), soci::use(author), soci::use(hostile), soci::use(now),
        soci::into(id);
    return id;
}

void insert_mentions(soci::session& s, int64_t comment_id, const std::vector<int64_t>& user_ids) {
    const long long cid = comment_id;
    for (auto u : user_ids) {
        const long long uid = u;
        s << "INSERT INTO comment_mentions (comment_id, user_id) VALUES (:c, :u)", soci::use(cid), soci::use(uid);
    }
}

std::optional<Comment> find_comment(soci::session& s, int64_t id) {
    auto rows = Query<CommentRow>(s).bind(static_cast<long long>(id)).run(std::string(kSelect) + "WHERE c.id = :id");
    if (rows.empty()) return std::nullopt;
    load_mentions(s, rows);
    return rows.front();
}

std::vector<Comment> comments_of(soci::session& s, int64_t idea_id, bool include_hidden, std::optional<int64_t> after,
                                 int limit) {
    Query<CommentRow> q(s);
    std::string sql = std::string(kSelect) + "WHERE c.idea_id = :i";
    q.bind(static_cast<long long>(idea_id));
    if (!include_hidden) sql += " AND c.hidden = 0";
    if (after) { sql += " AND c.id > :a"; q.bind(static_cast<long long>(*after)); }
    sql += " ORDER BY c.id LIMIT :l";
    auto rows = q.bind(limit + 1).run(sql);
    load_mentions(s, rows);
    return rows;
}

std::vector<int64_t> marked_helpful(soci::session& s, const std::vector<int64_t>& ids, int64_t user_id) {
    if (ids.empty()) return {};
    return Query<IdRow>(s).bind(static_cast<long long>(user_id)).bind_ids(ids).run(
        "SELECT comment_id FROM comment_helpful WHERE user_id = :u AND " + db::in_ids(s, "comment_id", ids));
}

bool add_helpful(soci::session& s, int64_t comment_id, int64_t user_id, const std::string& now) {
    const long long cid = comment_id, uid = user_id;
    if (Query<CountRow>(s).bind(cid).bind(uid).run("SELECT COUNT(*) FROM comment_helpful WHERE comment_id = :c AND user_id = :u")
            .front() > 0)
        return false;
    s << "INSERT INTO comment_helpful (comment_id, user_id, created_at) VALUES (:c, :u, :t)", soci::use(cid),
        soci::use(uid), soci::use(now);
    s << "UPDATE comments SET helpful_count = helpful_count + 1 WHERE id = :c", soci::use(cid);
    return true;
}

bool remove_helpful(soci::session& s, int64_t comment_id, int64_t user_id) {
    const long long cid = comment_id, uid = user_id;
    soci::statement st = (s.prepare << "DELETE FROM comment_helpful WHERE comment_id = :c AND user_id = :u",
                          soci::use(cid), soci::use(uid));
    st.execute(true);
    if (st.get_affected_rows() == 0) return false;
    s << "UPDATE comments SET helpful_count = helpful_count - 1 WHERE id = :c", soci::use(cid);
    return true;
}

void set_moderation(soci::session& s, int64_t comment_id, bool hidden, const std::optional<std::string>& note,
                    const std::optional<std::string>& body, int64_t by, const std::string& now) {
    const long long cid = comment_id, who = by;
    const int h = hidden ? 1 : 0;
    const auto n = db::to_boost(note);
    if (body) {
        s << "UPDATE comments SET hidden = :h, moderation_note = :n, moderated_by = :m, body = :b, edited_at = :t "
             "WHERE id = :c",
            soci::use(h), soci::use(n), soci::use(who), soci::use(*body), soci::use(now), soci::use(cid);
    } else {
        s << "UPDATE comments SET hidden = :h, moderation_note = :n, moderated_by = :m WHERE id = :c", soci::use(h),
            soci::use(n), soci::use(who), soci::use(cid);
    }
}

void award(soci::session& s, const Award& a, std::optional<int64_t> challenge_id, const std::string& now) {
    const long long user = a.user_id, object = a.object_id, from = a.from_user_id;
    const auto challenge = db::to_boost_id(challenge_id);
    if (Query<CountRow>(s).bind(a.reason).bind(a.object_type).bind(object).bind(user).bind(from)
            .run("SELECT COUNT(*) FROM points WHERE reason = :r AND object_type = :t AND object_id = :o AND "
                 "user_id = :u AND from_user_id = :f")
            .front() > 0)
        return;
    s << "INSERT INTO points (user_id, challenge_id, reason, points, object_type, object_id, from_user_id, created_at) "
         "VALUES (:u, :c, :r, :p, :t, :o, :f, :a)",
        soci::use(user), soci::use(challenge), soci::use(a.reason), soci::use(a.points), soci::use(a.object_type),
        soci::use(object), soci::use(from), soci::use(now);
}

void revoke(soci::session& s, const std::string& reason, const std::string& object_type, int64_t object_id,
            std::optional<int64_t> from_user_id) {
    const long long object = object_id;
    if (from_user_id) {
        const long long from = *from_user_id;
        s << "DELETE FROM points WHERE reason = :r AND object_type = :t AND object_id = :o AND from_user_id = :f",
            soci::use(reason), soci::use(object_type), soci::use(object), soci::use(from);
    } else {
        s << "DELETE FROM points WHERE reason = :r AND object_type = :t AND object_id = :o", soci::use(reason),
            soci::use(object_type), soci::use(object);
    }
}

void revoke_for(soci::session& s, const Award& a) {
    const long long object = a.object_id, user = a.user_id;
    s << "DELETE FROM points WHERE reason = :r AND object_type = :t AND object_id = :o AND user_id = :u",
        soci::use(a.reason), soci::use(a.object_type), soci::use(object), soci::use(user);
}

int64_t points_of(soci::session& s, int64_t user_id) {
    return Query<CountRow>(s).bind(static_cast<long long>(user_id))
        .run("SELECT COALESCE(SUM(points), 0) FROM points WHERE user_id = :u")
        .front();
}

AwardCounts award_counts(soci::session& s, int64_t user_id) {
    AwardCounts out;
    for (const auto& r : Query<ReasonRow>(s).bind(static_cast<long long>(user_id))
                             .run("SELECT reason, COUNT(*) FROM points WHERE user_id = :u GROUP BY reason"))
        out[r.reason] = r.n;
    return out;
}

std::vector<LeaderRow> leaderboard(soci::session& s, int64_t challenge_id, int limit) {
    return Query<LeaderDbRow>(s).bind(static_cast<long long>(challenge_id)).bind(limit).run(
        "SELECT p.user_id, u.display_name, SUM(p.points) AS total FROM points p JOIN users u ON u.id = p.user_id "
        "WHERE p.challenge_id = :c GROUP BY p.user_id, u.display_name ORDER BY total DESC, u.display_name, p.user_id LIMIT :l");
}

}  // namespace cocreate::ideas::comment_repository
