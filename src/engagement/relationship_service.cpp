#include "engagement/relationship_service.hpp"

#include <boost/json.hpp>

#include <map>

#include "auth/people.hpp"
#include "auth/permissions.hpp"
#include "engagement/follow_up_repository.hpp"
#include "engagement/interaction_repository.hpp"
#include "events/event_log.hpp"

namespace cocreate::engagement {

using auth::Action;
using auth::authorize;
using core::Error;
using core::fail;
namespace repo = follow_up_repository;

namespace {

events::NewEvent event(const Principal& p, std::string verb, std::string type, int64_t id,
                       boost::json::object payload = {}) {
    return {p.user_id, std::move(verb), std::move(type), id, std::nullopt, events::Visibility::kInternal,
            std::move(payload)};
}

template <typename T, typename Key>
Page<T> keyed_page(std::vector<T> rows, int limit, Key key) {
    Page<T> page;
    if (static_cast<int>(rows.size()) > limit) {
        rows.resize(limit);
        page.next_cursor = http::key_cursor_for(key(rows.back()), rows.back().id);
    }
    page.items = std::move(rows);
    return page;
}

}  // namespace

RelationshipService::RelationshipService(db::Database& db, const core::Clock& clock,
                                         stakeholders::StakeholderService& stakeholders)
    : db_(db), clock_(clock), stakeholders_(stakeholders) {}

// ---- cadences ------------------------------------------------------------------------------

core::Status RelationshipService::apply(soci::session& s, const CadenceInput& in, Cadence& c) const {
    if (in.label) c.label = *in.label;
    if (in.interval) c.interval = *in.interval;
    if (in.every_days) c.every_days = *in.every_days;
    if (in.format) c.format = *in.format;
    if (in.starts_on) c.starts_on = *in.starts_on;
    if (in.paused) c.paused = *in.paused;
    if (c.interval == "custom" && !c.every_days)
        return fail(Error::unprocessable("every_days", "is required when the interval is custom"));
    if (c.interval != "custom") c.every_days.reset();
    if (in.owner_id) {
        auto name = auth::people::internal_user_name(s, *in.owner_id);
        if (!name) return fail(Error::unprocessable("owner_id", "is not an active internal user"));
        c.owner = {*in.owner_id, *name};
    }
    if (in.stakeholder_id) {
        auto name = stakeholders_.name_in(s, *in.stakeholder_id);
        if (!name) return fail(Error::unprocessable("stakeholder_id", "names no stakeholder"));
        c.stakeholder = {*in.stakeholder_id, *name};
    }
    const auto last = interaction_repository::last_held_contact(s, c.stakeholder.id);
    c.next_due_on = core::format_date(
        next_due(c.interval, c.every_days, *core::parse_date(c.starts_on),
                 last ? std::optional<core::Date>(core::date_of(*core::parse_time(*last))) : std::nullopt));
    return {};
}

core::Result<Page<Cadence>> RelationshipService::cadences(const Principal& p, const CadenceFilter& f) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    const auto today_text = core::format_date(today());
    auto rows = db_.read([&](soci::session& s) { return repo::list_cadences(s, f, today_text); });
    return keyed_page(std::move(rows), f.limit, [](const Cadence& c) { return c.next_due_on; });
}

core::Result<Cadence> RelationshipService::create_cadence(const Principal& p, const CadenceInput& in) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Cadence> {
        Cadence c;
        c.owner = {p.user_id, p.display_name};
        c.format = "call";
        c.starts_on = core::format_date(today());
        if (auto ok = apply(s, in, c); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        c.id = repo::insert_cadence(s, c, p.user_id, t);
        events::append(s, event(p, "cadence.created", "cadence", c.id,
                                {{"stakeholder_id", c.stakeholder.id}, {"interval", c.interval}}),
                       t);
        return *repo::find_cadence(s, c.id);
    });
}

core::Result<Cadence> RelationshipService::update_cadence(const Principal& p, int64_t id, const CadenceInput& in) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Cadence> {
        auto c = repo::find_cadence(s, id);
        if (!c) return fail(Error::not_found("no such cadence"));
        if (auto ok = apply(s, in, *c); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        repo::update_cadence(s, *c, t);
        events::append(s, event(p, "cadence.updated", "cadence", id, {{"next_due_on", c->next_due_on}}), t);
        return *repo::find_cadence(s, id);
    });
}

core::Status RelationshipService::delete_cadence(const Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return ok;
    return db_.write([&](soci::session& s) -> core::Status {
        if (!repo::find_cadence(s, id)) return fail(Error::not_found("no such cadence"));
        repo::delete_cadence(s, id);
        events::append(s, event(p, "cadence.deleted", "cadence", id), core::format_time(clock_.now()));
        return {};
    });
}

// ---- expectations --------------------------------------------------------------------------

core::Status RelationshipService::apply(soci::session& s, const ExpectationInput& in, Expectation& e) const {
    if (in.direction) e.direction = *in.direction;
    if (in.description) e.description = *in.description;
    if (in.status) e.status = *in.status;
    if (in.due_on) e.due_on = *in.due_on;
    if (in.owner_id) {
        if (*in.owner_id) {
            auto name = auth::people::internal_user_name(s, **in.owner_id);
            if (!name) return fail(Error::unprocessable("owner_id", "is not an active internal user"));
            e.owner = UserRef{**in.owner_id, *name};
        } else {
            e.owner.reset();
        }
    }
    if (in.stakeholder_id) {
        auto name = stakeholders_.name_in(s, *in.stakeholder_id);
        if (!name) return fail(Error::unprocessable("stakeholder_id", "names no stakeholder"));
        e.stakeholder = {*in.stakeholder_id, *name};
    }
    return {};
}

core::Result<Page<Expectation>> RelationshipService::expectations(const Principal& p,
                                                                  std::optional<int64_t> stakeholder_id,
                                                                  const std::optional<std::string>& status,
                                                                  std::optional<int64_t> after, int limit) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    auto rows = db_.read([&](soci::session& s) { return repo::list_expectations(s, stakeholder_id, status, after, limit); });
    return http::make_page(std::move(rows), limit, [](const Expectation& e) { return e.id; });
}

core::Result<Expectation> RelationshipService::create_expectation(const Principal& p, const ExpectationInput& in) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Expectation> {
        Expectation e;
        if (auto ok = apply(s, in, e); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        e.id = repo::insert_expectation(s, e, p.user_id, t);
        events::append(s, event(p, "expectation.created", "expectation", e.id,
                                {{"stakeholder_id", e.stakeholder.id}, {"direction", e.direction}}),
                       t);
        return *repo::find_expectation(s, e.id);
    });
}

core::Result<Expectation> RelationshipService::update_expectation(const Principal& p, int64_t id,
                                                                  const ExpectationInput& in) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Expectation> {
        auto e = repo::find_expectation(s, id);
        if (!e) return fail(Error::not_found("no such expectation"));
        if (auto ok = apply(s, in, *e); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        repo::update_expectation(s, *e, t);
        events::append(s, event(p, "expectation.updated", "expectation", id, {{"status", e->status}}), t);
        return *repo::find_expectation(s, id);
    });
}

core::Status RelationshipService::delete_expectation(const Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return ok;
    return db_.write([&](soci::session& s) -> core::Status {
        if (!repo::find_expectation(s, id)) return fail(Error::not_found("no such expectation"));
        repo::delete_expectation(s, id);
        events::append(s, event(p, "expectation.deleted", "expectation", id), core::format_time(clock_.now()));
        return {};
    });
}

// ---- capacity ------------------------------------------------------------------------------

core::Result<Capacity> RelationshipService::capacity(const Principal& p, const std::optional<std::string>& team) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    const auto now = clock_.now();
    const auto week_end = now + std::chrono::days{7};
    Capacity c;
    c.from = core::format_time(now);
    c.to = core::format_time(week_end);
    // Follow-ups due before the day after the window's end (due dates are whole days).
    const auto follow_up_until = core::format_date(core::date_of(week_end) + std::chrono::days{1});
    return db_.read([&](soci::session& s) -> core::Result<Capacity> {
        c.people = repo::capacity_people(s, team);
        std::map<int64_t, CapacityPerson*> by_id;
        for (auto& person : c.people) by_id[person.user_id] = &person;
        for (const auto& [user, minutes] : interaction_repository::planned_minutes(s, c.from, c.to))
            if (auto it = by_id.find(user); it != by_id.end()) it->second->load.scheduled_hours = minutes / 60.0;
        for (const auto& [user, minutes] : repo::open_minutes(s, follow_up_until))
            if (auto it = by_id.find(user); it != by_id.end()) it->second->load.follow_up_hours = minutes / 60.0;
        std::map<std::string, CapacityTeam> teams;
        for (const auto& person : c.people) {
            if (person.team.empty()) continue;
            auto& t = teams[person.team];
            t.team = person.team;
            t.hours_per_week += person.hours_per_week;
            t.load.scheduled_hours += person.load.scheduled_hours;
            t.load.follow_up_hours += person.load.follow_up_hours;
        }
        for (auto& [name, t] : teams) c.teams.push_back(std::move(t));
        return c;
    });
}

core::Result<CapacityPerson> RelationshipService::put_capacity(const Principal& p, int64_t user_id, int hours_per_week,
                                                               const std::string& team) {
    if (auto ok = authorize(p, Action::kSetCapacity, {std::nullopt, user_id}); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<CapacityPerson> {
        auto name = auth::people::internal_user_name(s, user_id);
        if (!name) return fail(Error::not_found("no such user"));
        const auto t = core::format_time(clock_.now());
        repo::put_capacity(s, user_id, hours_per_week, team, t);
        events::append(s, event(p, "capacity.updated", "user", user_id, {{"hours_per_week", hours_per_week}}), t);
        return CapacityPerson{user_id, *name, team, hours_per_week, {}};
    });
}

}  // namespace cocreate::engagement
