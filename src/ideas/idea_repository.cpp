#include "ideas/idea_repository.hpp"

#include <boost/json.hpp>

#include <cctype>
#include <charconv>

#include "db/query.hpp"

namespace cocreate::ideas::idea_repository {

namespace {

namespace json = boost::json;
using db::Query;

std::string tags_text(const std::vector<std::string>& tags) {
    json::array a;
    for (const auto& t : tags) a.emplace_back(t);
    return json::serialize(a);
}
std::vector<std::string> tags_of(const std::string& text) {
    std::vector<std::string> out;
    std::error_code ec;
    auto v = json::parse(text, ec);
    if (!ec && v.is_array())
        for (const auto& item : v.as_array())
            if (item.is_string()) out.emplace_back(item.get_string());
    return out;
}

struct IdeaRow {
    long long id = 0, space_id = 0, vote_count = 0, comment_count = 0, interest_score = 0, version = 0;
    int hidden = 0;
    boost::optional<long long> challenge_id, project_id, merged_into, moderated_by;
    std::string title, description, tags, status, created_at, updated_at;
    boost::optional<std::string> decline_reason, moderation_note, moderator_name;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(space_id));
        st.exchange(soci::into(challenge_id));
        st.exchange(soci::into(title));
        st.exchange(soci::into(description));
        st.exchange(soci::into(tags));
        st.exchange(soci::into(status));
        st.exchange(soci::into(decline_reason));
        st.exchange(soci::into(project_id));
        st.exchange(soci::into(merged_into));
        st.exchange(soci::into(hidden));
        st.exchange(soci::into(moderation_note));
        st.exchange(soci::into(moderated_by));
        st.exchange(soci::into(moderator_name));
        st.exchange(soci::into(vote_count));
        st.exchange(soci::into(comment_count));
        st.exchange(soci::into(interest_score));
        st.exchange(soci::into(version));
        st.exchange(soci::into(created_at));
        st.exchange(soci::into(updated_at));
    }
    Idea value() const {
        Idea x;
        x.id = id;
        x.space_id = space_id;
        x.challenge_id = db::from_boost_id(challenge_id);
        x.title = title;
        x.description = description;
        x.tags = tags_of(tags);
        x.status = status;
        x.decline_reason = db::from_boost(decline_reason);
        x.project_id = db::from_boost_id(project_id);
        x.merged_into = db::from_boost_id(merged_into);
        x.hidden = hidden != 0;
        x.moderation_note = db::from_boost(moderation_note);
        if (moderated_by) x.moderated_by = UserRef{*moderated_by, moderator_name.value_or("")};
        x.vote_count = vote_count;
        x.comment_count = comment_count;
        x.interest_score = interest_score;
        x.version = version;
        x.created_at = created_at;
        x.updated_at = updated_at;
        return x;
    }
};

constexpr const char* kSelect =
    "SELECT i.id, i.space_id, i.challenge_id, i.title, i.description, i.tags, i.status, i.decline_reason, "
    "i.project_id, i.merged_into, i.hidden, i.moderation_note, i.moderated_by, mu.display_name, i.vote_count, "
    "i.comment_count, i.interest_score, i.version, i.created_at, i.updated_at FROM ideas i "
    "LEFT JOIN users mu ON mu.id = i.moderated_by ";

struct AuthorRow {
    long long idea_id = 0, user_id = 0;
    std::string name, role;
    void bind(soci::statement& st) {
        st.exchange(soci::into(idea_id));
        st.exchange(soci::into(user_id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(role));
    }
    AuthorRow value() const { return *this; }
};
struct RefRow {
    long long id = 0;
    std::string title;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(title));
    }
    IdeaRef value() const { return {id, title}; }
};
struct CountRow {
    long long n = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(n)); }
    int64_t value() const { return n; }
};

void load_authors(soci::session& s, std::vector<Idea>& ideas) {
    if (ideas.empty()) return;
    // One query for the page.
    std::vector<int64_t> ids;
    for (const auto& x : ideas) ids.push_back(x.id);
    auto rows = Query<AuthorRow>(s).bind_ids(ids).run(
        "SELECT a.idea_id, a.user_id, u.display_name, a.role FROM idea_authors a JOIN users u ON u.id = a.user_id "
        "WHERE " + db::in_ids(s, "a.idea_id", ids) + " ORDER BY a.idea_id, CASE a.role WHEN 'author' THEN 0 ELSE 1 END, u.display_name");
    for (auto& x : ideas)
        for (const auto& r : rows)
            if (r.idea_id == x.id) x.authors.push_back({r.user_id, r.name, r.role});
}

}  // namespace

int64_t insert_idea(soci::session& s, const Idea& x, int64_t by, const std::string& now) {
    long long id = 0;
    const long long space = x.space_id, who = by;
    const auto challenge = db::to_boost_id(x.challenge_id);
    const std::string tags = tags_text(x.tags);
    s << "INSERT INTO ideas (space_id, challenge_id, title, description, tags, status, created_by, created_at, "
         "updated_at) VALUES (:s, :c, :t, :d, :g, :st, :b, :ca, :u) RETURNING id",
        soci::use(space), soci::use(challenge), soci::use(x.title), soci::use(x.description), soci::use(tags),
        soci::use(x.status), soci::use(who), soci::use(now), soci::use(now), soci::into(id);
    bump_versions(s, x.space_id);
    return id;
}

bool update_idea(soci::session& s, const Idea& x, const std::string& now) {
    const long long id = x.id, version = x.version;
    const int hidden = x.hidden ? 1 : 0;
    const std::string tags = tags_text(x.tags);
    const auto reason = db::to_boost(x.decline_reason), note = db::to_boost(x.moderation_note);
    const auto project = db::to_boost_id(x.project_id), merged = db::to_boost_id(x.merged_into);
    const auto moderator = x.moderated_by ? boost::optional<long long>(x.moderated_by->id) : boost::none;
    soci::statement st =
        (s.prepare << "UPDATE ideas SET title = :t, description = :d, tags = :g, status = :st, decline_reason = :r, "
                      "project_id = :p, merged_into = :m, hidden = :h, moderation_note = :n, moderated_by = :mb, "
                      "version = version + 1, updated_at = :u WHERE id = :id AND version = :v",
         soci::use(x.title), soci::use(x.description), soci::use(tags), soci::use(x.status), soci::use(reason),
         soci::use(project), soci::use(merged), soci::use(hidden), soci::use(note), soci::use(moderator), soci::use(now),
         soci::use(id), soci::use(version));
    st.execute(true);
    if (st.get_affected_rows() == 0) return false;
    bump_versions(s, x.space_id);
    return true;
}

void replace_authors(soci::session& s, int64_t id, const std::vector<Author>& authors) {
    const long long iid = id;
    bump_list_version_of(s, id);
    s << "DELETE FROM idea_authors WHERE idea_id = :i", soci::use(iid);
    for (const auto& a : authors) {
        const long long user = a.id;
        s << "INSERT INTO idea_authors (idea_id, user_id, role) VALUES (:i, :u, :r)", soci::use(iid), soci::use(user),
            soci::use(a.role);
    }
}

std::optional<Idea> find_idea(soci::session& s, int64_t id) {
    auto rows = Query<IdeaRow>(s).bind(static_cast<long long>(id)).run(std::string(kSelect) + "WHERE i.id = :id");
    if (rows.empty()) return std::nullopt;
    load_authors(s, rows);
    auto x = rows.front();
    const long long iid = id;
    x.builds_on = Query<RefRow>(s).bind(iid).run(
        "SELECT b.id, b.title FROM idea_links l JOIN ideas b ON b.id = l.builds_on_id WHERE l.idea_id = :i "
        "AND b.hidden = 0 ORDER BY b.id");
    x.built_on_by = Query<RefRow>(s).bind(iid).run(
        "SELECT b.id, b.title FROM idea_links l JOIN ideas b ON b.id = l.idea_id WHERE l.builds_on_id = :i "
        "AND b.hidden = 0 ORDER BY b.id");
    return x;
}

std::string sort_key(const Idea& x, const std::string& sort) {
    if (sort == "-votes") return std::to_string(x.vote_count);
    if (sort == "-interest") return std::to_string(x.interest_score);
    return std::to_string(x.id);
}

std::vector<Idea> list_ideas(soci::session& s, const IdeaFilter& f) {
    Query<IdeaRow> q(s);
    std::string sql = std::string(kSelect) + "WHERE i.merged_into IS NULL";
    if (!f.include_hidden) sql += " AND i.hidden = 0";
    if (f.space_id) { sql += " AND i.space_id = :s"; q.bind(static_cast<long long>(*f.space_id)); }
    if (f.challenge_id) { sql += " AND i.challenge_id = :c"; q.bind(static_cast<long long>(*f.challenge_id)); }
    if (f.member_of) {
        sql += " AND i.space_id IN (SELECT m.space_id FROM space_members m WHERE m.user_id = :u) AND "
               "(i.challenge_id IS NULL OR i.challenge_id IN (SELECT c.id FROM challenges c WHERE c.audience <> 'internal'))";
        q.bind(static_cast<long long>(*f.member_of));
    }
    if (f.status) { sql += " AND i.status = :st"; q.bind(*f.status); }
    if (f.tag) { sql += " AND i.tags LIKE :tg ESCAPE '\\'"; q.bind(db::contains_pattern("\"" + *f.tag + "\"")); }
    if (f.q) {
        const auto like = db::contains_pattern(*f.q);
        sql += " AND (lower(i.title) LIKE lower(:q1) ESCAPE '\\' OR lower(i.description) LIKE lower(:q2) ESCAPE '\\')";
        q.bind(like).bind(like);
    }
    const char* column = f.sort == "-votes" ? "i.vote_count" : f.sort == "-interest" ? "i.interest_score" : nullptr;
    if (f.after_id) {
        if (column && f.after_key) {
            long long key = 0;
            std::from_chars(f.after_key->data(), f.after_key->data() + f.after_key->size(), key);
            sql += std::string(" AND (") + column + " < :k1 OR (" + column + " = :k2 AND i.id < :a))";
            q.bind(key).bind(key).bind(static_cast<long long>(*f.after_id));
        } else {
            sql += " AND i.id < :a";
            q.bind(static_cast<long long>(*f.after_id));
        }
    }
    sql += column ? std::string(" ORDER BY ") + column + " DESC, i.id DESC" : std::string(" ORDER BY i.id DESC");
    sql += " LIMIT :l";
    auto rows = q.bind(f.limit + 1).run(sql);
    load_authors(s, rows);
    return rows;
}

bool add_vote(soci::session& s, int64_t idea_id, int64_t user_id, std::optional<int64_t> challenge_id,
              const std::string& now) {
    if (has_voted(s, idea_id, user_id)) return false;
    const long long iid = idea_id, uid = user_id;
    const auto challenge = db::to_boost_id(challenge_id);
    s << "INSERT INTO idea_votes (idea_id, user_id, challenge_id, created_at) VALUES (:i, :u, :c, :a)", soci::use(iid),
        soci::use(uid), soci::use(challenge), soci::use(now);
    return true;
}

bool remove_vote(soci::session& s, int64_t idea_id, int64_t user_id) {
    const long long iid = idea_id, uid = user_id;
    soci::statement st = (s.prepare << "DELETE FROM idea_votes WHERE idea_id = :i AND user_id = :u", soci::use(iid),
                          soci::use(uid));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

bool has_voted(soci::session& s, int64_t idea_id, int64_t user_id) {
    return Query<CountRow>(s).bind(static_cast<long long>(idea_id)).bind(static_cast<long long>(user_id))
               .run("SELECT COUNT(*) FROM idea_votes WHERE idea_id = :i AND user_id = :u")
               .front() > 0;
}

int64_t votes_used(soci::session& s, int64_t user_id, int64_t challenge_id) {
    return Query<CountRow>(s).bind(static_cast<long long>(user_id)).bind(static_cast<long long>(challenge_id))
        .run("SELECT COUNT(*) FROM idea_votes WHERE user_id = :u AND challenge_id = :c")
        .front();
}

void add_to_counts(soci::session& s, int64_t idea_id, int votes, int comments, int interest) {
    const long long id = idea_id;
    s << "UPDATE ideas SET vote_count = vote_count + :v, comment_count = comment_count + :c, "
         "interest_score = interest_score + :n WHERE id = :id",
        soci::use(votes), soci::use(comments), soci::use(interest), soci::use(id);
    bump_list_version_of(s, idea_id);
}

namespace {
struct IdOnlyRow {
    long long id = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(id)); }
    int64_t value() const { return id; }
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

std::vector<int64_t> voted_among(soci::session& s, const std::vector<int64_t>& ids, int64_t user_id) {
    if (ids.empty()) return {};
    return Query<IdOnlyRow>(s).bind(static_cast<long long>(user_id))
        .bind_ids(ids)
        .run("SELECT idea_id FROM idea_votes WHERE user_id = :u AND " + db::in_ids(s, "idea_id", ids));
}

std::vector<int64_t> voted_in_challenge(soci::session& s, int64_t challenge_id, int64_t user_id) {
    return Query<IdOnlyRow>(s).bind(static_cast<long long>(user_id)).bind(static_cast<long long>(challenge_id))
        .run("SELECT idea_id FROM idea_votes WHERE user_id = :u AND challenge_id = :c");
}

std::vector<IdeaRef> project_refs(soci::session& s, const std::vector<int64_t>& project_ids) {
    if (project_ids.empty()) return {};
    return Query<RefRow>(s).bind_ids(project_ids).run("SELECT id, title FROM projects WHERE " + db::in_ids(s, "id", project_ids));
}

bool project_shared_with(soci::session& s, int64_t project_id, int64_t space_id) {
    return Query<IdOnlyRow>(s).bind(static_cast<long long>(project_id)).bind(static_cast<long long>(space_id))
               .run("SELECT id FROM projects WHERE id = :p AND share_space_id = :s")
               .size() > 0;
}

std::vector<std::pair<int64_t, int64_t>> interest_counts(soci::session& s, const std::vector<int64_t>& ids) {
    if (ids.empty()) return {};
    return Query<PairRow>(s).bind_ids(ids).run("SELECT idea_id, COUNT(DISTINCT stakeholder_id) FROM idea_interest WHERE " +
                                               db::in_ids(s, "idea_id", ids) + " GROUP BY idea_id");
}

bool add_link(soci::session& s, int64_t idea_id, int64_t builds_on_id, int64_t by, const std::string& now) {
    const long long a = idea_id, b = builds_on_id, who = by;
    if (Query<CountRow>(s).bind(a).bind(b).run("SELECT COUNT(*) FROM idea_links WHERE idea_id = :a AND builds_on_id = :b")
            .front() > 0)
        return false;
    s << "INSERT INTO idea_links (idea_id, builds_on_id, created_by, created_at) VALUES (:a, :b, :w, :t)", soci::use(a),
        soci::use(b), soci::use(who), soci::use(now);
    return true;
}

bool remove_link(soci::session& s, int64_t idea_id, int64_t builds_on_id) {
    const long long a = idea_id, b = builds_on_id;
    soci::statement st = (s.prepare << "DELETE FROM idea_links WHERE idea_id = :a AND builds_on_id = :b",
                          soci::use(a), soci::use(b));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

int64_t text_version(soci::session& s, int64_t space_id) {
    auto rows = Query<CountRow>(s).bind(static_cast<long long>(space_id))
                    .run("SELECT text_version FROM idea_space_versions WHERE space_id = :s");
    return rows.empty() ? 0 : rows.front();
}

int64_t list_version(soci::session& s, int64_t space_id) {
    auto rows = Query<CountRow>(s).bind(static_cast<long long>(space_id))
                    .run("SELECT list_version FROM idea_space_versions WHERE space_id = :s");
    return rows.empty() ? 0 : rows.front();
}

void bump_versions(soci::session& s, int64_t space_id) {
    const long long sid = space_id;
    s << "INSERT INTO idea_space_versions (space_id, text_version, list_version) VALUES (:s, 1, 1) "
         "ON CONFLICT (space_id) DO UPDATE SET text_version = idea_space_versions.text_version + 1, "
         "list_version = idea_space_versions.list_version + 1",
        soci::use(sid);
}

void bump_list_version_of(soci::session& s, int64_t idea_id) {
    const long long id = idea_id;
    // The WHERE keeps SQLite from reading ON CONFLICT as part of the SELECT.
    s << "INSERT INTO idea_space_versions (space_id, text_version, list_version) SELECT space_id, 0, 1 FROM ideas "
         "WHERE id = :i ON CONFLICT (space_id) DO UPDATE SET list_version = idea_space_versions.list_version + 1",
        soci::use(id);
}

namespace {
struct SearchableRow {
    long long id = 0;
    boost::optional<long long> challenge;
    std::string title, description;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(challenge));
        st.exchange(soci::into(title));
        st.exchange(soci::into(description));
    }
    SearchableIdea value() const { return {id, db::from_boost_id(challenge), title, description}; }
};
}  // namespace

std::vector<SearchableIdea> searchable_ideas(soci::session& s, int64_t space_id, std::optional<int64_t> challenge_id) {
    Query<SearchableRow> q(s);
    std::string sql = "SELECT id, challenge_id, title, description FROM ideas WHERE space_id = :s";
    q.bind(static_cast<long long>(space_id));
    if (challenge_id) { sql += " AND challenge_id = :c"; q.bind(static_cast<long long>(*challenge_id)); }
    return q.run(sql + " AND hidden = 0 AND merged_into IS NULL ORDER BY id");
}

std::vector<int64_t> internal_challenges(soci::session& s, int64_t space_id) {
    return Query<IdOnlyRow>(s).bind(static_cast<long long>(space_id))
        .run("SELECT id FROM challenges WHERE space_id = :s AND audience = 'internal'");
}

}  // namespace cocreate::ideas::idea_repository
