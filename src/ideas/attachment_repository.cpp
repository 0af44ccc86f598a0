#include "ideas/attachment_repository.hpp"

#include "db/query.hpp"

namespace cocreate::ideas::attachment_repository {

namespace {

using db::Query;

struct AttachmentRow {
    long long id = 0, idea_id = 0, size = 0;
    std::string filename, content_type, sha256, created_at;
    boost::optional<long long> uploaded_by;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(idea_id));
        st.exchange(soci::into(filename));
        st.exchange(soci::into(content_type));
        st.exchange(soci::into(size));
        st.exchange(soci::into(sha256));
        st.exchange(soci::into(uploaded_by));
        st.exchange(soci::into(created_at));
    }
    Attachment value() const {
        return {id, idea_id, filename, content_type, size, sha256, db::from_boost_id(uploaded_by), created_at};
    }
};

struct CountRow {
    long long n = 0;
    void bind(soci::statement& st) { st.exchange(soci::into(n)); }
    int64_t value() const { return n; }
};

constexpr const char* kSelect =
    "SELECT a.id, a.idea_id, a.filename, a.content_type, a.size, a.sha256, a.uploaded_by, a.created_at "
    "FROM idea_attachments a ";

}  // namespace

int64_t insert_attachment(soci::session& s, const Attachment& a) {
    long long id = 0;
    const long long idea = a.idea_id, size = a.size;
    const auto by = db::to_boost_id(a.uploaded_by);
    s << "INSERT INTO idea_attachments (idea_id, filename, content_type, size, sha256, uploaded_by, created_at) "
         "VALUES (:i, :f, :t, :n, :h, :b, :c) RETURNING id",
        soci::use(idea), soci::use(a.filename), soci::use(a.content_type), soci::use(size), soci::use(a.sha256),
        soci::use(by), soci::use(a.created_at), soci::into(id);
    return id;
}

std::optional<Attachment> find_attachment(soci::session& s, int64_t id) {
    auto rows = Query<AttachmentRow>(s).bind(static_cast<long long>(id)).run(std::string(kSelect) + "WHERE a.id = :id");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

std::vector<Attachment> attachments_of(soci::session& s, int64_t idea_id) {
    return Query<AttachmentRow>(s)
        .bind(static_cast<long long>(idea_id))
        .run(std::string(kSelect) + "WHERE a.idea_id = :i ORDER BY a.id");
}

int64_t count_attachments(soci::session& s, int64_t idea_id) {
    return Query<CountRow>(s)
        .bind(static_cast<long long>(idea_id))
        .run("SELECT COUNT(*) FROM idea_attachments WHERE idea_id = :i")
        .front();
}

bool delete_attachment(soci::session& s, int64_t id) {
    const long long aid = id;
    soci::statement st = (s.prepare << "DELETE FROM idea_attachments WHERE id = :id", soci::use(aid));
    st.execute(true);
    return st.get_affected_rows() > 0;
}

int64_t count_by_sha256(soci::session& s, const std::string& sha256) {
    return Query<CountRow>(s).bind(sha256).run("SELECT COUNT(*) FROM idea_attachments WHERE sha256 = :h").front();
}

int64_t move_attachments(soci::session& s, int64_t from_idea_id, int64_t to_idea_id) {
    const long long from = from_idea_id, to = to_idea_id;
    soci::statement st =
        (s.prepare << "UPDATE idea_attachments SET idea_id = :t WHERE idea_id = :f", soci::use(to), soci::use(from));
    st.execute(true);
    return st.get_affected_rows();
}

}  // namespace cocreate::ideas::attachment_repository
