#include "projects/framework_service.hpp"

#include <boost/json.hpp>

#include "auth/permissions.hpp"
#include "events/event_log.hpp"
#include "projects/framework_repository.hpp"
#include "projects/framework_template.hpp"
#include "projects/project_rules.hpp"

namespace cocreate::projects {

using auth::Action;
using auth::authorize;
using core::Error;
using core::fail;
namespace repo = framework_repository;

FrameworkService::FrameworkService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

core::Result<http::Page<Framework>> FrameworkService::list(const auth::Principal& p, std::optional<int64_t> after,
                                                           int limit) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    auto rows = db_.read([&](soci::session& s) { return repo::list_frameworks(s, after, limit); });
    return http::make_page(std::move(rows), limit, [](const Framework& f) { return f.id; });
}

core::Result<std::pair<Framework, FrameworkVersion>> FrameworkService::create(const auth::Principal& p,
                                                                              const NewFramework& f) {
    if (auto ok = authorize(p, Action::kManageFrameworks); !ok) return fail(ok.error());
    FrameworkVersion first = f.first_version.value_or(default_framework());
    if (auto ok = validate_framework(first); !ok) {
        // The version came in the request's `template`: name the fields as sent.
        auto e = ok.error();
        for (auto& fe : e.errors) fe.field = "template." + fe.field;
        if (!e.field.empty()) e.field = "template." + e.field;
        if (!e.errors.empty()) e.detail = e.errors.front().field + " " + e.errors.front().detail;
        return fail(std::move(e));
    }
    return db_.write([&](soci::session& s) -> core::Result<std::pair<Framework, FrameworkVersion>> {
        const auto t = core::format_time(clock_.now());
        first.framework_id = repo::insert_framework(s, f.name, f.description, p.user_id, t);
        first.version = 1;
        repo::publish_version(s, first, p.user_id, t);
        events::append(s, {p.user_id, "framework.created", "framework", first.framework_id, std::nullopt,
                           events::Visibility::kInternal, {{"name", f.name}, {"phases", first.phases.size()}}},
                       t);
        return std::pair{*repo::find_framework(s, first.framework_id), *repo::find_version(s, first.framework_id, 1)};
    });
}

core::Result<std::pair<Framework, FrameworkVersion>> FrameworkService::get(const auth::Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    return db_.read([&](soci::session& s) -> core::Result<std::pair<Framework, FrameworkVersion>> {
        auto f = repo::find_framework(s, id);
        if (!f) return fail(Error::not_found("no such framework"));
        return std::pair{*f, *repo::find_version(s, id, f->current_version)};
    });
}

core::Result<FrameworkVersion> FrameworkService::publish(const auth::Principal& p, int64_t framework_id,
                                                         FrameworkVersion v) {
    if (auto ok = authorize(p, Action::kManageFrameworks); !ok) return fail(ok.error());
    if (auto ok = validate_framework(v); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<FrameworkVersion> {
        auto f = repo::find_framework(s, framework_id);
        if (!f) return fail(Error::not_found("no such framework"));
        const auto t = core::format_time(clock_.now());
        v.framework_id = framework_id;
        v.version = f->current_version + 1;
        repo::publish_version(s, v, p.user_id, t);
        events::append(s, {p.user_id, "framework.version_published", "framework", framework_id, std::nullopt,
                           events::Visibility::kInternal, {{"version", v.version}}},
                       t);
        return *repo::find_version(s, framework_id, v.version);
    });
}

core::Result<FrameworkVersion> FrameworkService::version(const auth::Principal& p, int64_t framework_id, int version) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    auto v = db_.read([&](soci::session& s) { return repo::find_version(s, framework_id, version); });
    if (!v) return fail(Error::not_found("no such framework version"));
    return *v;
}

}  // namespace cocreate::projects
