#include "projects/project_service.hpp"

#include <boost/json.hpp>

#include <chrono>

#include "auth/people.hpp"
#include "auth/permissions.hpp"
#include "events/event_log.hpp"
#include "projects/framework_repository.hpp"
#include "projects/project_rules.hpp"

namespace cocreate::projects {

using auth::Action;
using auth::authorize;
using core::Error;
using core::fail;
namespace repo = project_repository;

namespace {

core::TimePoint time_of(const std::string& text) { return core::parse_time(text).value_or(core::TimePoint{}); }

}  // namespace

ProjectService::ProjectService(db::Database& db, const core::Clock& clock,
                               stakeholders::StakeholderService& stakeholders)
    : db_(db), clock_(clock), stakeholders_(stakeholders) {}

Health ProjectService::refresh_health(soci::session& s, Project& project) const {
    const auto now = clock_.now();
    const auto version = framework_repository::find_version(s, project.framework.id, project.framework.version);
    HealthInputs in;
    in.now = now;
    in.project_started_at = time_of(project.created_at);
    in.phase_entered_at = time_of(project.phase.entered_at);
    if (version) {
        if (const auto* phase = find_phase(*version, project.phase.key)) {
            in.phase_name = phase->name;
            in.phase_max_days = phase->max_days;
            for (const auto& c : phase->exit_criteria) {
                bool met = false;
                for (const auto& check : project.criteria_checks)
                    if (check.phase_key == phase->key && check.criterion_key == c.key) met = check.met;
                in.exit_criteria_met.push_back(met);
            }
        }
        for (const auto& v : repo::latest_counting_values(s, project.id)) {
            if (const auto* kpi = find_kpi(*version, v.kpi_key))
                in.kpis.push_back({kpi->name, kpi->unit, v.value, kpi->target, kpi->direction});
        }
    }
    if (auto last = repo::last_customer_contact(s, project.id)) in.last_customer_contact = time_of(*last);
    const auto day60 = core::format_time(now - std::chrono::days{60});
    const auto day120 = core::format_time(now - std::chrono::days{120});
    in.interest_last_60_days = repo::customer_interest(s, project.id, day60, core::format_time(now));
    in.interest_previous_60_days = repo::customer_interest(s, project.id, day120, day60);
    in.kill_criteria = project.kill_criteria;
    in.has_sponsor = project.sponsor.has_value();
    project.health = compute_health(in);
    project.health.computed_at = core::format_time(now);
    repo::store_health(s, project.id, project.health);
    return project.health;
}

core::Result<Project> ProjectService::create(const auth::Principal& p, const NewProject& in) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    if (auto ok = validate_fit_answers(in.fit); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Project> {
        auto framework = framework_repository::find_framework(s, in.framework_id);
        if (!framework) return fail(Error::unprocessable("framework_id", "names no framework"));
        const auto version = framework_repository::find_version(s, framework->id, framework->current_version);
        Project x;
        x.title = in.title;
        x.problem_statement = in.problem_statement;
        x.hypothesis = in.hypothesis;
        x.lead = {p.user_id, p.display_name};
        x.framework = {framework->id, framework->name, framework->current_version};
        x.phase.key = version->phases.front().key;
        const auto t = core::format_time(clock_.now());
        x.phase.entered_at = t;
        x.status = "active";
        for (size_t i = 0; i < in.kill_criteria.size(); ++i)
            x.kill_criteria.push_back({"k" + std::to_string(i + 1), in.kill_criteria[i], false});
        x.budget = in.budget;
        x.effort_days = in.effort_days;
        x.fit = fit_check(in.fit);
        core::Error problems{core::ErrorCode::kUnprocessable};
        if (in.sponsor_id) {
            auto name = auth::people::internal_user_name(s, *in.sponsor_id);
            if (!name) problems.errors.push_back({"sponsor_id", "is not an active internal user"});
            else x.sponsor = UserRef{*in.sponsor_id, *name};
        }
        for (size_t i = 0; i < in.team.size(); ++i) {
            auto name = auth::people::internal_user_name(s, in.team[i].user_id);
            if (!name) problems.errors.push_back({"team[" + std::to_string(i) + "].user_id", "is not an active internal user"});
            else x.team.push_back({in.team[i].user_id, *name, in.team[i].role});
        }
        for (size_t i = 0; i < in.stakeholders.size(); ++i) {
            auto name = stakeholders_.name_in(s, in.stakeholders[i].stakeholder_id);
            if (!name) problems.errors.push_back({"stakeholders[" + std::to_string(i) + "].stakeholder_id", "names no stakeholder"});
            else x.stakeholders.push_back(in.stakeholders[i]);
        }
        if (!problems.errors.empty()) {
            problems.field = problems.errors.front().field;
            problems.detail = problems.field + " " + problems.errors.front().detail;
            return fail(std::move(problems));
        }
        x.id = repo::insert_project(s, x, p.user_id, t);
        x.created_at = t;
        repo::replace_team(s, x.id, x.team);
        repo::replace_stakeholders(s, x.id, x.stakeholders);
        refresh_health(s, x);
        events::append(s, {p.user_id, "project.created", "project", x.id, std::nullopt, events::Visibility::kInternal,
                           {{"fit_score", x.fit.score}, {"recommendation", x.fit.recommendation}}},
                       t);
        return *repo::find_project(s, x.id);
    });
}

core::Result<Project> ProjectService::get(const auth::Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    auto x = db_.read([&](soci::session& s) { return repo::find_project(s, id); });
    if (!x) return fail(Error::not_found("no such project"));
    return *x;
}

core::Result<http::Page<Project>> ProjectService::list(const auth::Principal& p,
                                                       const project_repository::ProjectFilter& f) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    auto rows = db_.read([&](soci::session& s) { return repo::list_projects(s, f); });
    return http::make_page(std::move(rows), f.limit, [](const Project& x) { return x.id; });
}

core::Result<KpiValue> ProjectService::record_kpi(const auth::Principal& p, int64_t id, const NewKpiValue& in) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<KpiValue> {
        auto x = repo::find_project(s, id);
        if (!x) return fail(Error::not_found("no such project"));
        if (!p.manages_innovation() && !repo::works_on(s, id, p.user_id))
            return fail(Error::denied("only the project's lead, team, sponsor or an innovation manager records KPI values"));
        const auto version = framework_repository::find_version(s, x->framework.id, x->framework.version);
        if (!find_kpi(*version, in.kpi_key)) return fail(Error::unprocessable("kpi_key", "is not a KPI of the project's framework"));
        KpiValue v;
        v.kpi_key = in.kpi_key;
        v.value = in.value;
        v.recorded_on = in.recorded_on.value_or(core::format_date(core::date_of(clock_.now())));
        v.note = in.note;
        v.phase_key = x->phase.key;
        v.counts = kpi_counts(*version, in.kpi_key, x->phase.key);
        const auto t = core::format_time(clock_.now());
        v.id = repo::insert_kpi_value(s, id, v, p.user_id, t);
        refresh_health(s, *x);
        events::append(s, {p.user_id, "project.kpi_recorded", "project", id, std::nullopt, events::Visibility::kInternal,
                           {{"kpi_key", v.kpi_key}, {"value", v.value}, {"counts", v.counts}}},
                       t);
        return v;
    });
}

core::Result<HealthRecompute> ProjectService::recompute_all(const auth::Principal& p) {
    if (auto ok = authorize(p, Action::kManageFrameworks); !ok) return fail(ok.error());
    const auto started = std::chrono::steady_clock::now();
    HealthRecompute result;
    auto done = db_.write([&](soci::session& s) -> core::Result<int64_t> {
        int64_t n = 0;
        for (auto id : repo::all_project_ids(s)) {
            auto x = repo::find_project(s, id);
            if (!x) continue;
            refresh_health(s, *x);
            ++n;
        }
        return n;
    });
    if (!done) return fail(done.error());
    result.projects = *done;
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace cocreate::projects
