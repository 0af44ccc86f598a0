// ProjectService: editing a project (PATCH), migrating it to another framework version and
// sharing a summary with a space. Phase and status never change here: only gate reviews
// move a project (project_review_service.cpp).
#include <boost/json.hpp>

#include <algorithm>

#include "auth/people.hpp"
#include "auth/permissions.hpp"
#include "events/event_log.hpp"
#include "projects/framework_repository.hpp"
#include "projects/project_rules.hpp"
#include "projects/project_service.hpp"

namespace cocreate::projects {

using auth::Action;
using auth::authorize;
using core::Error;
using core::fail;
namespace repo = project_repository;

namespace {

events::NewEvent project_event(const auth::Principal& p, std::string verb, int64_t id, boost::json::object payload) {
    return {p.user_id, std::move(verb), "project", id, std::nullopt, events::Visibility::kInternal, std::move(payload)};
}

// The lead or an innovation manager: migrating and sharing are the lead's calls.
core::Status may_manage(const auth::Principal& p, const Project& x) {
    auth::Target t;
    t.owner_id = x.lead.id;
    if (auto ok = authorize(p, Action::kManageProject, t); !ok) {
        if (ok.error().code == core::ErrorCode::kPermissionDenied)
            return fail(Error::denied("only the project's lead or an innovation manager may do this"));
        return ok;
    }
    return {};
}

// Kill criteria as sent, keeping `met` for keys that stay.
std::vector<KillCriterion> merge_kill_criteria(const std::vector<KillCriterion>& stored,
                                               const std::vector<KillCriterion>& sent) {
    std::vector<KillCriterion> out;
    for (auto k : sent) {
        k.met = false;
        for (const auto& old : stored)
            if (old.key == k.key) k.met = old.met;
        out.push_back(std::move(k));
    }
    return out;
}

}  // namespace

core::Result<Project> ProjectService::update(const auth::Principal& p, int64_t id, const ProjectChanges& in) {
    if (in.fit)
        if (auto ok = validate_fit_answers(*in.fit); !ok) return fail(ok.error());
    return write_portfolio([&](soci::session& s) -> core::Result<Project> {
        auto x = repo::find_project(s, id);
        if (!x) return fail(Error::not_found("no such project"));
        if (auto ok = may_work_on(s, p, id); !ok) return fail(ok.error());
        if (x->version != in.version) return fail(Error::conflict("the project changed since you read it; reload and try again"));
        boost::json::array changed;
        auto mark = [&](const char* field) { changed.emplace_back(field); };
        if (in.title) { x->title = *in.title; mark("title"); }
        if (in.problem_statement) { x->problem_statement = *in.problem_statement; mark("problem_statement"); }
        if (in.hypothesis) { x->hypothesis = *in.hypothesis; mark("hypothesis"); }
        if (in.lead_id && *in.lead_id != x->lead.id) {
            auto name = auth::people::internal_user_name(s, *in.lead_id);
            if (!name) return fail(Error::unprocessable("lead_id", "is not an active internal user"));
            x->lead = {*in.lead_id, *name};
            mark("lead_id");
        }
        if (in.fit) {
            const auto v = version_of(s, *x);
            if (v && !v->phases.empty() && v->phases.front().key != x->phase.key)
                return fail(Error::failed_precondition("fit", "the intake fit check changes only in the first phase"));
            x->fit = fit_check(*in.fit);
            mark("fit");
        }
        if (in.kill_criteria) { x->kill_criteria = merge_kill_criteria(x->kill_criteria, *in.kill_criteria); mark("kill_criteria"); }
        if (in.budget) { x->budget = *in.budget; mark("budget"); }
        if (in.effort_days) { x->effort_days = *in.effort_days; mark("effort_days"); }
        if (auto ok = resolve_references(s, *x, in.team, in.sponsor_id, in.stakeholders, in.need_ids, in.idea_ids); !ok)
            return fail(ok.error());
        if (in.team) mark("team");
        if (in.sponsor_id) mark("sponsor_id");
        if (in.stakeholders) mark("stakeholders");
        if (in.need_ids) mark("need_ids");
        if (in.idea_ids) mark("idea_ids");
        const auto t = core::format_time(clock_.now());
        if (!repo::update_project(s, *x, t))
            return fail(Error::conflict("the project changed since you read it; reload and try again"));
        ++x->version;
        if (in.team) repo::replace_team(s, id, x->team);
        if (in.stakeholders) repo::replace_stakeholders(s, id, x->stakeholders);
        if (in.need_ids) repo::replace_needs(s, id, x->need_ids);
        if (in.idea_ids) repo::replace_ideas(s, id, x->idea_ids);
        refresh_health(s, *x);
        events::append(s, project_event(p, "project.updated", id, {{"fields", std::move(changed)}}), t);
        return *load(s, id);
    });
}

core::Result<Project> ProjectService::migrate(const auth::Principal& p, int64_t id, int version) {
    return write_portfolio([&](soci::session& s) -> core::Result<Project> {
        auto x = repo::find_project(s, id);
        if (!x) {
            if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
            return fail(Error::not_found("no such project"));
        }
        if (auto ok = may_manage(p, *x); !ok) return fail(ok.error());
        const auto to = versions_.get(s, x->framework.id, version);
        if (!to) return fail(Error::unprocessable("version", "is not a published version of the project's framework"));
        if (auto ok = check_migration(*to, x->phase.key); !ok) return fail(ok.error());
        if (x->status == "stopped" || x->status == "completed")
            return fail(Error::failed_precondition("version", "a " + x->status + " project stays on its version"));
        const int from = x->framework.version;
        x->framework.version = version;
        const auto t = core::format_time(clock_.now());
        if (!repo::update_project(s, *x, t)) return fail(Error::conflict("the project changed meanwhile; try again"));
        ++x->version;
        refresh_health(s, *x);
        events::append(s, project_event(p, "project.migrated", id, {{"from_version", from}, {"to_version", version}}), t);
        return *load(s, id);
    });
}

core::Result<Project> ProjectService::share(const auth::Principal& p, int64_t id, int64_t space_id,
                                            const std::string& summary) {
    return write_portfolio([&](soci::session& s) -> core::Result<Project> {
        auto x = repo::find_project(s, id);
        if (!x) {
            if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
            return fail(Error::not_found("no such project"));
        }
        if (auto ok = may_manage(p, *x); !ok) return fail(ok.error());
        if (!auth::people::space_exists(s, space_id)) return fail(Error::unprocessable("space_id", "names no space"));
        const auto t = core::format_time(clock_.now());
        x->share = Share{space_id, summary, t};
        if (!repo::update_project(s, *x, t)) return fail(Error::conflict("the project changed meanwhile; try again"));
        events::append(s, project_event(p, "project.shared", id, {{"space_id", space_id}}), t);
        return *load(s, id);
    });
}

core::Status ProjectService::unshare(const auth::Principal& p, int64_t id) {
    return write_portfolio([&](soci::session& s) -> core::Status {
        auto x = repo::find_project(s, id);
        if (!x) {
            if (auto ok = authorize(p, Action::kUseProjects); !ok) return ok;
            return fail(Error::not_found("no such project"));
        }
        if (auto ok = may_manage(p, *x); !ok) return ok;
        if (!x->share) return {};  // already private: the same end state
        const int64_t space = x->share->space_id;
        x->share.reset();
        const auto t = core::format_time(clock_.now());
        if (!repo::update_project(s, *x, t)) return fail(Error::conflict("the project changed meanwhile; try again"));
        events::append(s, project_event(p, "project.unshared", id, {{"space_id", space}}), t);
        return {};
    });
}

}  // namespace cocreate::projects
