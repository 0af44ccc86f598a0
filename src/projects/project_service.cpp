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

    const auto version = version_of(s, project);
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
    generation_.fetch_add(1, std::memory_order_relaxed);
    project.health = compute_health(in);
    project.health.computed_at = core::format_time(now);
    // A stopped or completed project has left the running portfolio: its signals stay readable
    // (outcome KPIs after launch still matter), but nobody asks it "is this really going
    // somewhere?" any more.
    if (project.status == "stopped" || project.status == "completed") project.health.ask_first = false;
    repo::store_health(s, project.id, project.health);
    return project.health;
}

core::Result<Project> ProjectService::create(const auth::Principal& p, const NewProject& in) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    if (auto ok = validate_fit_answers(in.fit); !ok) return fail(ok.error());  // refused before taking the writer
    return write_portfolio([&](soci::session& s) { return create_in(s, p, in); });
}

core::Result<Project> ProjectService::create_in(soci::session& s, const auth::Principal& p, const NewProject& in) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    if (auto ok = validate_fit_answers(in.fit); !ok) return fail(ok.error());
    auto framework = framework_repository::find_framework(s, in.framework_id);
    if (!framework) return fail(Error::unprocessable("framework_id", "names no framework"));
    const auto version = versions_.get(s, framework->id, framework->current_version);
    Project x;
    x.title = in.title;
    x.problem_statement = in.problem_statement;
    x.hypothesis = in.hypothesis;
    x.lead = {p.user_id, p.display_name};
    x.framework = {framework->id, framework->name, framework->current_version};
    x.phase.key = version->phases.front().key;
    const auto t = core::format_time(clock_.now());
    x.phase.entered_at = t;
    x.created_at = t;
    x.status = "active";
    x.kill_criteria = in.kill_criteria;
    for (auto& k : x.kill_criteria) k.met = false;
    x.budget = in.budget;
    x.effort_days = in.effort_days;
    x.fit = fit_check(in.fit);
    if (auto ok = resolve_references(s, x, in.team, std::optional<std::optional<int64_t>>(in.sponsor_id),
                                     in.stakeholders, in.need_ids, in.idea_ids);
        !ok)
        return fail(ok.error());
    x.id = repo::insert_project(s, x, p.user_id, t);
    repo::replace_team(s, x.id, x.team);
    repo::replace_stakeholders(s, x.id, x.stakeholders);
    repo::replace_needs(s, x.id, x.need_ids);
    repo::replace_ideas(s, x.id, x.idea_ids);
    refresh_health(s, x);
    events::append(s, {p.user_id, "project.created", "project", x.id, std::nullopt, events::Visibility::kInternal,
                       {{"title", x.title}, {"fit_score", x.fit.score}, {"recommendation", x.fit.recommendation}}},
                   t);
    return *load(s, x.id);
}

core::Status ProjectService::resolve_references(soci::session& s, Project& x,
                                                const std::optional<std::vector<TeamMember>>& team,
                                                const std::optional<std::optional<int64_t>>& sponsor_id,
                                                const std::optional<std::vector<ProjectStakeholder>>& parties,
                                                const std::optional<std::vector<int64_t>>& need_ids,
                                                const std::optional<std::vector<int64_t>>& idea_ids) const {
    core::Error problems{core::ErrorCode::kUnprocessable};
    auto bad = [&](std::string field, std::string detail) { problems.errors.push_back({std::move(field), std::move(detail)}); };
    if (sponsor_id) {
        x.sponsor.reset();
        if (*sponsor_id) {
            auto name = auth::people::internal_user_name(s, **sponsor_id);
            if (!name) bad("sponsor_id", "is not an active internal user");
            else x.sponsor = UserRef{**sponsor_id, *name};
        }
    }
    if (team) {
        x.team.clear();
        for (size_t i = 0; i < team->size(); ++i) {
            const auto& m = (*team)[i];
            auto name = auth::people::internal_user_name(s, m.user_id);
            if (!name) bad("team[" + std::to_string(i) + "].user_id", "is not an active internal user");
            else x.team.push_back({m.user_id, *name, m.role});
        }
    }
    if (parties) {
        x.stakeholders.clear();
        for (size_t i = 0; i < parties->size(); ++i) {
            auto party = (*parties)[i];
            auto name = stakeholders_.name_in(s, party.stakeholder_id);
            if (!name) {
                bad("stakeholders[" + std::to_string(i) + "].stakeholder_id", "names no stakeholder");
                continue;
            }
            party.name = *name;
            x.stakeholders.push_back(std::move(party));
        }
    }
    if (need_ids) {
        x.need_ids.clear();
        for (size_t i = 0; i < need_ids->size(); ++i) {
            if (!repo::need_exists(s, (*need_ids)[i])) bad("need_ids[" + std::to_string(i) + "]", "names no need");
            else x.need_ids.push_back((*need_ids)[i]);
        }
    }
    if (idea_ids) {
        x.idea_ids.clear();
        for (size_t i = 0; i < idea_ids->size(); ++i) {
            if (!repo::idea_exists(s, (*idea_ids)[i])) bad("idea_ids[" + std::to_string(i) + "]", "names no idea");
            else x.idea_ids.push_back((*idea_ids)[i]);
        }
    }
    if (problems.errors.empty()) return {};
    problems.field = problems.errors.front().field;
    problems.detail = problems.field + " " + problems.errors.front().detail;
    return fail(std::move(problems));
}

std::shared_ptr<const FrameworkVersion> ProjectService::version_of(soci::session& s, const Project& x) const {
    return versions_.get(s, x.framework.id, x.framework.version);
}

std::optional<Project> ProjectService::load(soci::session& s, int64_t id) const {
    auto x = repo::find_project(s, id);
    if (x)
        if (auto v = version_of(s, *x)) describe_phase(*x, *v);
    return x;
}

core::Result<Project> ProjectService::get(const auth::Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    auto x = db_.read([&](soci::session& s) { return load(s, id); });
    if (!x) return fail(Error::not_found("no such project"));
    return *x;
}

namespace {

template <typename T>
http::Page<T> title_page(std::vector<T> rows, int limit, const std::vector<Project>& source) {
    http::Page<T> page;
    if (static_cast<int>(rows.size()) > limit) {
        rows.resize(static_cast<size_t>(limit));
        const auto& last = source[static_cast<size_t>(limit) - 1];
        page.next_cursor = http::key_cursor_for(last.title, last.id);
    }
    page.items = std::move(rows);
    return page;
}

}  // namespace

core::Result<http::Page<Project>> ProjectService::list(const auth::Principal& p,
                                                       const project_repository::ProjectFilter& f) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    auto rows = db_.read([&](soci::session& s) {
        auto found = repo::list_projects(s, f);
        for (auto& x : found)
            if (auto v = version_of(s, x)) describe_phase(x, *v);
        return found;
    });
    auto source = rows;
    return title_page(std::move(rows), f.limit, source);
}

core::Result<SharedSummary> ProjectService::get_shared(const auth::Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kViewProjectSummary, {std::string("shared")}); !ok) return fail(ok.error());
    auto x = db_.read([&](soci::session& s) -> std::optional<Project> {
        if (!repo::shared_with(s, id, p.user_id)) return std::nullopt;
        return load(s, id);
    });
    if (!x || !x->share) return fail(Error::not_found("no such project"));
    return SharedSummary{x->id, x->title, x->phase.key, x->phase.name, x->share->summary, x->share->shared_at};
}

core::Result<http::Page<SharedSummary>> ProjectService::list_shared(const auth::Principal& p,
                                                                    const project_repository::ProjectFilter& f) {
    if (auto ok = authorize(p, Action::kViewProjectSummary, {std::string("member")}); !ok) return fail(ok.error());
    auto rows = db_.read([&](soci::session& s) {
        auto found = repo::list_shared(s, p.user_id, f);
        for (auto& x : found)
            if (auto v = version_of(s, x)) describe_phase(x, *v);
        return found;
    });
    std::vector<SharedSummary> out;
    out.reserve(rows.size());
    for (const auto& x : rows)
        out.push_back({x.id, x.title, x.phase.key, x.phase.name, x.share ? x.share->summary : "",
                       x.share ? x.share->shared_at : ""});
    return title_page(std::move(out), f.limit, rows);
}

core::Result<KpiValue> ProjectService::record_kpi(const auth::Principal& p, int64_t id, const NewKpiValue& in) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    return write_portfolio([&](soci::session& s) -> core::Result<KpiValue> {
        auto x = repo::find_project(s, id);
        if (!x) return fail(Error::not_found("no such project"));
        if (auto ok = may_work_on(s, p, id); !ok) return fail(ok.error());
        const auto version = version_of(s, *x);
        const auto* kpi = find_kpi(*version, in.kpi_key);
        if (!kpi) return fail(Error::unprocessable("kpi_key", "is not a KPI of the project's framework"));
        // A stopped project measures nothing more; a completed one only its outcomes after launch.
        if (x->status == "stopped")
            return fail(Error::failed_precondition("kpi_key", "the project is stopped; it takes no more KPI values"));
        if (x->status == "completed" && kpi->kind != "outcome")
            return fail(Error::failed_precondition("kpi_key", "a completed project takes only outcome KPI values"));
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
    return sweep_health();
}

HealthRecompute ProjectService::sweep_health() {
    const auto started = std::chrono::steady_clock::now();
    HealthRecompute result;
    // Short write transactions: the sweep yields the writer between batches, so people's
    // writes (and sign-ins) never wait for the whole portfolio.
    constexpr int kBatch = 250;
    int64_t after = 0;
    for (;;) {
        auto done = write_portfolio([&](soci::session& s) -> core::Result<int64_t> {
            auto batch = repo::projects_after(s, after, kBatch);
            for (auto& x : batch) refresh_health(s, x);
            if (!batch.empty()) after = batch.back().id;
            return static_cast<int64_t>(batch.size());
        });
        result.projects += *done;
        if (*done < kBatch) break;
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace cocreate::projects
