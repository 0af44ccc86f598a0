// ProjectService: exit and kill criteria, gate reviews (the only way to change phase), the
// board and the funnel. The intake, KPI values and health are in project_service.cpp.
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

constexpr int kBoardCards = 50;

events::NewEvent event(const auth::Principal& p, std::string verb, std::string type, int64_t id,
                       boost::json::object payload = {}) {
    return {p.user_id, std::move(verb), std::move(type), id, std::nullopt, events::Visibility::kInternal,
            std::move(payload)};
}

}  // namespace

core::Status ProjectService::may_work_on(soci::session& s, const auth::Principal& p, int64_t id) const {
    auth::Target t;
    t.member = p.internal() && repo::works_on(s, id, p.user_id);
    if (auto ok = authorize(p, Action::kWorkOnProject, t); !ok) {
        if (ok.error().code == core::ErrorCode::kPermissionDenied)
            return fail(Error::denied("only the project's lead, team, sponsor or an innovation manager may do this"));
        return ok;
    }
    return {};
}

core::Result<std::pair<Project, FrameworkVersion>> ProjectService::get_with_framework(const auth::Principal& p,
                                                                                      int64_t id) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    return db_.read([&](soci::session& s) -> core::Result<std::pair<Project, FrameworkVersion>> {
        auto x = load(s, id);
        if (!x) return fail(Error::not_found("no such project"));
        auto v = version_of(s, *x);
        return std::pair{*x, v ? *v : FrameworkVersion{}};
    });
}

core::Result<http::Page<KpiValue>> ProjectService::kpi_values(const auth::Principal& p, int64_t id,
                                                              const project_repository::KpiFilter& f) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    return db_.read([&](soci::session& s) -> core::Result<http::Page<KpiValue>> {
        if (!repo::find_project(s, id)) return fail(Error::not_found("no such project"));
        auto rows = repo::kpi_values(s, id, f);
        http::Page<KpiValue> page;
        if (static_cast<int>(rows.size()) > f.limit) {
            rows.resize(static_cast<size_t>(f.limit));
            page.next_cursor = http::key_cursor_for(rows.back().recorded_on, rows.back().id);
        }
        page.items = std::move(rows);
        return page;
    });
}

core::Result<Project> ProjectService::set_criterion(const auth::Principal& p, int64_t id, const std::string& key,
                                                    bool met,
                                                    const std::optional<std::optional<std::string>>& evidence_url) {
    return write_portfolio([&](soci::session& s) -> core::Result<Project> {
        auto x = repo::find_project(s, id);
        if (!x) return fail(Error::not_found("no such project"));
        if (auto ok = may_work_on(s, p, id); !ok) return fail(ok.error());
        const auto v = version_of(s, *x);
        const auto* phase = v ? find_phase(*v, x->phase.key) : nullptr;
        if (!phase || std::none_of(phase->exit_criteria.begin(), phase->exit_criteria.end(),
                                   [&](const ExitCriterion& c) { return c.key == key; }))
            return fail(Error::not_found("the current phase has no such exit criterion"));
        std::optional<std::string> evidence;
        for (const auto& c : x->criteria_checks)
            if (c.phase_key == x->phase.key && c.criterion_key == key) evidence = c.evidence_url;
        if (evidence_url) evidence = *evidence_url;
        std::erase_if(x->criteria_checks, [&](const CriterionCheck& c) {
            return c.phase_key == x->phase.key && c.criterion_key == key;
        });
        x->criteria_checks.push_back({x->phase.key, key, met, evidence});
        const auto t = core::format_time(clock_.now());
        if (!repo::update_project(s, *x, t)) return fail(Error::conflict("the project changed meanwhile; try again"));
        ++x->version;
        refresh_health(s, *x);
        events::append(s, event(p, "project.criterion_checked", "project", id,
                                {{"phase", x->phase.key}, {"criterion", key}, {"met", met}}),
                       t);
        return *load(s, id);
    });
}

core::Result<Project> ProjectService::set_kill_criterion(const auth::Principal& p, int64_t id, const std::string& key,
                                                         bool met) {
    return write_portfolio([&](soci::session& s) -> core::Result<Project> {
        auto x = repo::find_project(s, id);
        if (!x) return fail(Error::not_found("no such project"));
        if (auto ok = may_work_on(s, p, id); !ok) return fail(ok.error());
        auto it = std::find_if(x->kill_criteria.begin(), x->kill_criteria.end(),
                               [&](const KillCriterion& k) { return k.key == key; });
        if (it == x->kill_criteria.end()) return fail(Error::not_found("the project has no such kill criterion"));
        it->met = met;
        const auto t = core::format_time(clock_.now());
        if (!repo::update_project(s, *x, t)) return fail(Error::conflict("the project changed meanwhile; try again"));
        refresh_health(s, *x);
        events::append(s, event(p, "project.kill_criterion_checked", "project", id, {{"criterion", key}, {"met", met}}), t);
        return *load(s, id);
    });
}

core::Result<GateReview> ProjectService::request_review(const auth::Principal& p, int64_t id, const ReviewRequest& in) {
    return write_portfolio([&](soci::session& s) -> core::Result<GateReview> {
        auto x = repo::find_project(s, id);
        if (!x) return fail(Error::not_found("no such project"));
        if (auto ok = may_work_on(s, p, id); !ok) return fail(ok.error());
        if (x->status == "stopped" || x->status == "completed")
            return fail(Error::conflict("a " + x->status + " project has no more gate reviews"));
        if (repo::has_open_review(s, id))
            return fail(Error::conflict("this project already has an open gate review; decide it first"));
        const auto v = version_of(s, *x);
        const auto* phase = v ? find_phase(*v, x->phase.key) : nullptr;
        if (!phase) return fail(Error::conflict("the project's phase is not in its framework version"));
        GateReview r;
        r.project_id = id;
        r.from_phase = x->phase.key;
        r.requested_by = {p.user_id, p.display_name};
        for (const auto& c : phase->exit_criteria) {
            ReviewCriterion rc{c.key, c.text, false, std::nullopt};
            for (const auto& check : x->criteria_checks)
                if (check.phase_key == phase->key && check.criterion_key == c.key) {
                    rc.met = check.met;
                    rc.evidence_url = check.evidence_url;
                }
            r.criteria.push_back(std::move(rc));
        }
        for (const auto& value : repo::latest_counting_values(s, id)) r.kpi_values.push_back({value.kpi_key, value.value});
        r.gatekeepers_required = phase->gatekeepers;
        r.gatekeepers_present = in.gatekeepers_present;
        Error problems{core::ErrorCode::kUnprocessable};
        for (size_t i = 0; i < in.decision_maker_ids.size(); ++i) {
            auto name = auth::people::internal_user_name(s, in.decision_maker_ids[i]);
            if (!name) problems.errors.push_back({"decision_maker_ids[" + std::to_string(i) + "]", "is not an active internal user"});
            else r.decision_makers.push_back({in.decision_maker_ids[i], *name});
        }
        for (size_t i = 0; i < in.gatekeepers_present.size(); ++i)
            if (!stakeholders_.gatekeeper_area_in(s, in.gatekeepers_present[i]))
                problems.errors.push_back({"gatekeepers_present[" + std::to_string(i) + "]", "is not an internal gatekeeper"});
        if (!problems.errors.empty()) {
            problems.field = problems.errors.front().field;
            problems.detail = problems.field + " " + problems.errors.front().detail;
            return fail(std::move(problems));
        }
        const auto t = core::format_time(clock_.now());
        r.id = repo::insert_review(s, r, t);
        events::append(s, event(p, "gate_review.requested", "gate_review", r.id, {{"project_id", id}, {"phase", r.from_phase}}), t);
        return *repo::find_review(s, r.id);
    });
}

core::Result<std::pair<GateReview, Project>> ProjectService::decide(const auth::Principal& p, int64_t review_id,
                                                                    const DecisionInput& in) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    return write_portfolio([&](soci::session& s) -> core::Result<std::pair<GateReview, Project>> {
        auto r = repo::find_review(s, review_id);
        if (!r) return fail(Error::not_found("no such gate review"));
        auth::Target named;
        named.member = std::any_of(r->decision_makers.begin(), r->decision_makers.end(),
                                   [&](const UserRef& u) { return u.id == p.user_id; });
        if (auto ok = authorize(p, Action::kDecideGateReview, named); !ok) {
            if (ok.error().code == core::ErrorCode::kPermissionDenied)
                return fail(Error::denied("only a decision maker of this review or an innovation manager decides"));
            return fail(ok.error());
        }
        if (r->status != "requested") return fail(Error::conflict("this gate review is already decided"));
        // Two deciders at once: the second waits for the first's commit here, then finds the
        // review decided. Everything below reads the state after that.
        if (!repo::lock_open_review(s, review_id)) return fail(Error::conflict("this gate review was decided meanwhile"));
        r = repo::find_review(s, review_id);
        auto x = repo::find_project(s, r->project_id);
        const auto v = version_of(s, *x);
        if (in.gatekeepers_present) r->gatekeepers_present = *in.gatekeepers_present;
        GateDecision d;
        d.from_phase = r->from_phase;
        d.decision = in.decision;
        d.rationale = in.rationale;
        d.pivot_to_phase = in.pivot_to_phase;
        d.new_hypothesis = in.new_hypothesis;
        d.learnings = in.learnings;
        // The criteria as they stand now: someone may have checked one since the request.
        for (auto& c : r->criteria) {
            for (const auto& check : x->criteria_checks)
                if (check.phase_key == r->from_phase && check.criterion_key == c.key) {
                    c.met = check.met;
                    c.evidence_url = check.evidence_url;
                }
            d.criteria.push_back(c);
        }
        for (auto id : r->gatekeepers_present)
            if (auto area = stakeholders_.gatekeeper_area_in(s, id)) d.gatekeeper_areas_present.push_back(*area);
        auto transition = apply_decision(v ? *v : FrameworkVersion{}, {x->phase.key, x->status}, d);
        if (!transition) return fail(transition.error());
        const auto t = core::format_time(clock_.now());
        r->decision = in.decision;
        r->rationale = in.rationale;
        r->pivot_to_phase = in.pivot_to_phase;
        r->new_hypothesis = in.new_hypothesis;
        r->learnings = in.learnings;
        r->decided_by = UserRef{p.user_id, p.display_name};
        // Two deciders at once: the second finds the review no longer open.
        if (!repo::mark_decided(s, *r, transition->phase_key, t))
            return fail(Error::conflict("this gate review was decided meanwhile"));
        if (transition->phase_changed) x->phase.entered_at = t;
        x->phase.key = transition->phase_key;
        x->status = transition->status;
        if (transition->hypothesis) x->hypothesis = *transition->hypothesis;
        if (transition->learnings) x->learnings = *transition->learnings;
        if (!repo::update_project(s, *x, t)) return fail(Error::conflict("the project changed meanwhile; try again"));
        ++x->version;
        refresh_health(s, *x);
        events::append(s, event(p, "gate_review.decided", "gate_review", review_id,
                                {{"project_id", x->id}, {"decision", in.decision}, {"from", r->from_phase},
                                 {"to", transition->phase_key}, {"rationale", in.rationale}}),
                       t);
        events::append(s, event(p, "project." + in.decision, "project", x->id, {{"phase", x->phase.key}, {"status", x->status}}), t);
        return std::pair{*repo::find_review(s, review_id), *load(s, x->id)};
    });
}

core::Result<http::Page<GateReview>> ProjectService::reviews(const auth::Principal& p, int64_t id,
                                                             std::optional<int64_t> after, int limit) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    return db_.read([&](soci::session& s) -> core::Result<http::Page<GateReview>> {
        if (!repo::find_project(s, id)) return fail(Error::not_found("no such project"));
        return http::make_page(repo::reviews_of(s, id, after, limit), limit, [](const GateReview& r) { return r.id; });
    });
}

core::Result<http::Page<GateReview>> ProjectService::all_reviews(const auth::Principal& p, const ReviewFilter& f) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    auto rows = db_.read([&](soci::session& s) {
        return repo::find_reviews(s, f.status, f.decision_maker_id, f.after, f.limit);
    });
    return http::make_page(std::move(rows), f.limit, [](const GateReview& r) { return r.id; });
}

template <typename T, typename Key>
std::shared_ptr<const T> ProjectService::cached(std::map<Key, Cached<T>>& cache, const Key& key) const {
    std::lock_guard lock(cache_mutex_);
    const auto it = cache.find(key);
    if (it == cache.end()) return nullptr;
    const bool fresh = it->second.generation == generation_.load(std::memory_order_relaxed) &&
                       std::chrono::steady_clock::now() - it->second.at < kPortfolioCacheTtl;
    return fresh ? it->second.value : nullptr;
}

core::Result<Board> ProjectService::board(const auth::Principal& p, int64_t framework_id,
                                          const std::optional<std::string>& status) {
    auto shared = shared_board(p, framework_id, status);
    if (!shared) return fail(shared.error());
    return **shared;
}

core::Result<std::shared_ptr<const Board>> ProjectService::shared_board(const auth::Principal& p, int64_t framework_id,
                                                                        const std::optional<std::string>& status) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    const auto key = std::pair{framework_id, status.value_or("")};
    if (auto hit = cached(boards_, key)) return hit;
    const auto generation = generation_.load(std::memory_order_relaxed);
    auto built = db_.read([&](soci::session& s) -> core::Result<Board> {
        auto f = framework_repository::find_framework(s, framework_id);
        if (!f) return fail(Error::not_found("no such framework"));
        Board b;
        b.framework = {f->id, f->name, f->current_version};
        b.version = *versions_.get(s, framework_id, f->current_version);
        for (const auto& phase : b.version.phases) {
            BoardColumn c{phase, repo::board_column(s, framework_id, phase.key, status, kBoardCards), 0};
            c.total = static_cast<int64_t>(c.cards.size());
            if (c.total > kBoardCards) {
                c.cards.resize(kBoardCards);
                c.total = repo::count_in_phase(s, framework_id, phase.key, status);
            }
            b.columns.push_back(std::move(c));
        }
        return b;
    });
    if (!built) return fail(built.error());
    auto shared = std::make_shared<const Board>(std::move(*built));
    std::lock_guard lock(cache_mutex_);
    boards_[key] = {generation, std::chrono::steady_clock::now(), shared};
    return shared;
}

core::Result<Funnel> ProjectService::funnel(const auth::Principal& p, int64_t framework_id,
                                            const std::optional<std::string>& since) {
    if (auto ok = authorize(p, Action::kUseProjects); !ok) return fail(ok.error());
    const auto key = std::pair{framework_id, since.value_or("")};
    if (auto hit = cached(funnels_, key)) return *hit;
    const auto generation = generation_.load(std::memory_order_relaxed);
    auto built = db_.read([&](soci::session& s) -> core::Result<Funnel> {
        auto f = framework_repository::find_framework(s, framework_id);
        if (!f) return fail(Error::not_found("no such framework"));
        const auto v = versions_.get(s, framework_id, f->current_version);
        // created_at is an RFC 3339 time; a day compares as its first instant.
        const auto from = since ? std::optional<std::string>(*since + "T00:00:00Z") : std::nullopt;
        return Funnel{{f->id, f->name, f->current_version},
                      since,
                      funnel_from_tallies(*v, repo::move_counts(s, framework_id, from), repo::position_counts(s, framework_id, from))};
    });
    if (built) {
        std::lock_guard lock(cache_mutex_);
        funnels_[key] = {generation, std::chrono::steady_clock::now(), std::make_shared<const Funnel>(*built)};
    }
    return built;
}

}  // namespace cocreate::projects
