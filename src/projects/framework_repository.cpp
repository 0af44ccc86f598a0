#include "projects/framework_repository.hpp"

#include <boost/json.hpp>
#include <soci/boost-optional.h>

#include "db/query.hpp"
#include "projects/framework_json.hpp"

namespace cocreate::projects::framework_repository {

namespace {

using db::Query;

struct FrameworkRow {
    long long id = 0;
    int current_version = 0;
    std::string name, description, created_at;
    void bind(soci::statement& st) {
        st.exchange(soci::into(id));
        st.exchange(soci::into(name));
        st.exchange(soci::into(description));
        st.exchange(soci::into(current_version));
        st.exchange(soci::into(created_at));
    }
    Framework value() const { return {id, name, description, current_version, {}, created_at}; }
};
constexpr const char* kFrameworkSelect =
    "SELECT id, name, description, current_version, created_at FROM frameworks ";

struct VersionRefRow {
    int version = 0;
    std::string published_at;
    void bind(soci::statement& st) {
        st.exchange(soci::into(version));
        st.exchange(soci::into(published_at));
    }
    FrameworkVersionRef value() const { return {version, published_at}; }
};

struct VersionRow {
    long long framework_id = 0;
    int version = 0;
    std::string body, published_at;
    boost::optional<long long> by;
    boost::optional<std::string> by_name;
    void bind(soci::statement& st) {
        st.exchange(soci::into(framework_id));
        st.exchange(soci::into(version));
        st.exchange(soci::into(body));
        st.exchange(soci::into(published_at));
        st.exchange(soci::into(by));
        st.exchange(soci::into(by_name));
    }
    FrameworkVersion value() const {
        auto v = parse_version_body(body);
        v.framework_id = framework_id;
        v.version = version;
        v.published_at = published_at;
        if (by) v.published_by = UserRef{*by, by_name.value_or("")};
        return v;
    }
};

}  // namespace

int64_t insert_framework(soci::session& s, const std::string& name, const std::string& description, int64_t by,
                         const std::string& now) {
    long long id = 0;
    const long long who = by;
    s << "INSERT INTO frameworks (name, description, current_version, created_by, created_at, updated_at) "
         "VALUES (:n, :d, 0, :b, :c, :u) RETURNING id",
        soci::use(name), soci::use(description), soci::use(who), soci::use(now), soci::use(now), soci::into(id);
    return id;
}

void publish_version(soci::session& s, const FrameworkVersion& v, int64_t by, const std::string& now) {
    const long long fid = v.framework_id, who = by;
    const std::string body = boost::json::serialize(version_body_json(v));
    s << "INSERT INTO framework_versions (framework_id, version, body, published_by, published_at) "
         "VALUES (:f, :v, :b, :p, :a)",
        soci::use(fid), soci::use(v.version), soci::use(body), soci::use(who), soci::use(now);
    s << "UPDATE frameworks SET current_version = :v, updated_at = :u WHERE id = :f", soci::use(v.version),
        soci::use(now), soci::use(fid);
}

std::optional<Framework> find_framework(soci::session& s, int64_t id) {
    auto rows = Query<FrameworkRow>(s).bind(static_cast<long long>(id)).run(std::string(kFrameworkSelect) + "WHERE id = :id");
    if (rows.empty()) return std::nullopt;
    auto f = rows.front();
    f.versions = Query<VersionRefRow>(s).bind(static_cast<long long>(id)).run(
        "SELECT version, published_at FROM framework_versions WHERE framework_id = :f ORDER BY version");
    return f;
}

std::vector<Framework> list_frameworks(soci::session& s, std::optional<int64_t> after, int limit) {
    Query<FrameworkRow> q(s);
    std::string sql = std::string(kFrameworkSelect) + "WHERE 1 = 1";
    if (after) { sql += " AND id < :a"; q.bind(static_cast<long long>(*after)); }
    sql += " ORDER BY id DESC LIMIT :l";
    q.bind(limit + 1);
    auto rows = q.run(sql);
    // Frameworks are few and have few versions: one small query each keeps this simple.
    for (auto& f : rows)
        f.versions = Query<VersionRefRow>(s).bind(static_cast<long long>(f.id)).run(
            "SELECT version, published_at FROM framework_versions WHERE framework_id = :f ORDER BY version");
    return rows;
}

std::optional<FrameworkVersion> find_version(soci::session& s, int64_t framework_id, int version) {
    auto rows = Query<VersionRow>(s).bind(static_cast<long long>(framework_id)).bind(version).run(
        "SELECT v.framework_id, v.version, v.body, v.published_at, v.published_by, u.display_name "
        "FROM framework_versions v LEFT JOIN users u ON u.id = v.published_by "
        "WHERE v.framework_id = :f AND v.version = :v");
    if (rows.empty()) return std::nullopt;
    return rows.front();
}

}  // namespace cocreate::projects::framework_repository
