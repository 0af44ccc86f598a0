#include "engagement/follow_up_service.hpp"

#include <boost/json.hpp>

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

events::NewEvent event(std::optional<int64_t> actor, std::string verb, int64_t id, boost::json::object payload = {}) {
    return {actor, std::move(verb), "follow_up", id, std::nullopt, events::Visibility::kInternal, std::move(payload)};
}

constexpr int kReminderBatch = 500;

}  // namespace

FollowUpService::FollowUpService(db::Database& db, const core::Clock& clock,
                                 stakeholders::StakeholderService& stakeholders)
    : db_(db), clock_(clock), stakeholders_(stakeholders) {}

core::Status FollowUpService::apply(soci::session& s, const FollowUpInput& in, FollowUp& f) const {
    if (in.title) f.title = *in.title;
    if (in.detail) f.detail = *in.detail;
    if (in.due_on) f.due_on = *in.due_on;
    if (in.effort_minutes) f.effort_minutes = *in.effort_minutes;
    if (in.status) {
        if (*in.status == "done" && f.status != "done") f.completed_at = core::format_time(clock_.now());
        if (*in.status != "done") f.completed_at.reset();
        f.status = *in.status;
    }
    if (in.owner_id) {
        auto name = auth::people::internal_user_name(s, *in.owner_id);
        if (!name) return fail(Error::unprocessable("owner_id", "is not an active internal user"));
        f.owner = {*in.owner_id, *name};
    }
    if (in.stakeholder_id) {
        if (*in.stakeholder_id) {
            auto name = stakeholders_.name_in(s, **in.stakeholder_id);
            if (!name) return fail(Error::unprocessable("stakeholder_id", "names no stakeholder"));
            f.stakeholder = StakeholderRef{**in.stakeholder_id, *name};
        } else {
            f.stakeholder.reset();
        }
    }
    if (in.interaction_id) {
        if (*in.interaction_id && !interaction_repository::find_interaction(s, **in.interaction_id))
            return fail(Error::unprocessable("interaction_id", "names no interaction"));
        f.interaction_id = *in.interaction_id;
    }
    return {};
}

core::Result<Page<FollowUp>> FollowUpService::list(const Principal& p, const FollowUpFilter& f) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    const auto today_text = core::format_date(today());
    auto rows = db_.read([&](soci::session& s) { return repo::list_follow_ups(s, f, today_text); });
    Page<FollowUp> page;
    if (static_cast<int>(rows.size()) > f.limit) {
        rows.resize(f.limit);
        page.next_cursor = http::key_cursor_for(rows.back().due_on, rows.back().id);
    }
    page.items = std::move(rows);
    return page;
}

core::Result<FollowUp> FollowUpService::create(const Principal& p, const FollowUpInput& in) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<FollowUp> {
        FollowUp f;
        f.owner = {p.user_id, p.display_name};
        if (auto ok = apply(s, in, f); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        f.id = repo::insert_follow_up(s, f, p.user_id, t);
        events::append(s, event(p.user_id, "follow_up.created", f.id, {{"owner_id", f.owner.id}, {"due_on", f.due_on}}), t);
        return *repo::find_follow_up(s, f.id);
    });
}

core::Result<FollowUp> FollowUpService::get(const Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    auto f = db_.read([&](soci::session& s) { return repo::find_follow_up(s, id); });
    if (!f) return fail(Error::not_found("no such follow-up"));
    return *f;
}

core::Result<FollowUp> FollowUpService::update(const Principal& p, int64_t id, const FollowUpInput& in) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<FollowUp> {
        auto f = repo::find_follow_up(s, id);
        if (!f) return fail(Error::not_found("no such follow-up"));
        const bool completing = in.status && *in.status == "done" && f->status != "done";
        if (auto ok = apply(s, in, *f); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        repo::update_follow_up(s, *f, t);
        events::append(s, event(p.user_id, completing ? "follow_up.completed" : "follow_up.updated", id,
                                {{"status", f->status}, {"due_on", f->due_on}}),
                       t);
        return *repo::find_follow_up(s, id);
    });
}

core::Status FollowUpService::remove(const Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return ok;
    return db_.write([&](soci::session& s) -> core::Status {
        if (!repo::find_follow_up(s, id)) return fail(Error::not_found("no such follow-up"));
        repo::delete_follow_up(s, id);
        events::append(s, event(p.user_id, "follow_up.deleted", id), core::format_time(clock_.now()));
        return {};
    });
}

core::Result<Attention> FollowUpService::attention(const Principal& p, bool mine, int quiet_days, int limit) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    const auto now = clock_.now();
    const auto today_text = core::format_date(core::date_of(now));
    const auto quiet_before = core::format_time(now - std::chrono::days{quiet_days});
    const std::optional<int64_t> owner = mine ? std::optional<int64_t>(p.user_id) : std::nullopt;
    return db_.read([&](soci::session& s) -> core::Result<Attention> {
        Attention a;
        FollowUpFilter overdue;
        overdue.owner_id = owner;
        overdue.overdue_only = true;
        overdue.limit = limit;
        a.overdue_follow_ups = repo::list_follow_ups(s, overdue, today_text);
        CadenceFilter missed;
        missed.owner_id = owner;
        missed.overdue_only = true;
        missed.limit = limit;
        a.missed_cadences = repo::list_cadences(s, missed, today_text);
        a.indifferent = stakeholders_.indifferent_in(s, owner, limit);
        a.quiet = stakeholders_.quiet_in(s, owner, quiet_before, limit);
        // Counts only when a section is cut short, and only up to the limit: a full count costs a scan.
        auto count = [&](auto& rows, auto counter) -> int64_t {
            if (static_cast<int>(rows.size()) <= limit) return static_cast<int64_t>(rows.size());
            rows.resize(limit);
            return counter();
        };
        constexpr int cap = kAttentionCountLimit;
        a.overdue_count = count(a.overdue_follow_ups, [&] { return repo::count_overdue(s, owner, today_text, cap); });
        a.missed_count =
            count(a.missed_cadences, [&] { return repo::count_missed_cadences(s, owner, today_text, cap); });
        a.indifferent_count = count(a.indifferent, [&] { return stakeholders_.count_indifferent_in(s, owner, cap); });
        a.quiet_count = count(a.quiet, [&] { return stakeholders_.count_quiet_in(s, owner, quiet_before, cap); });
        return a;
    });
}

int FollowUpService::send_reminders() {
    const auto now = clock_.now();
    const auto today_text = core::format_date(core::date_of(now));
    const auto tomorrow = core::format_date(core::date_of(now) + std::chrono::days{1});
    return db_.write([&](soci::session& s) -> core::Result<int> {
        const auto t = core::format_time(now);
        int sent = 0;
        for (const auto& f : repo::unreminded_overdue(s, today_text, kReminderBatch)) {
            repo::mark_reminded(s, f.id, true, t);
            events::append(s, event(std::nullopt, "follow_up.overdue", f.id, {{"owner_id", f.owner.id}, {"due_on", f.due_on}}), t);
            ++sent;
        }
        for (const auto& f : repo::unreminded_due_on(s, tomorrow, kReminderBatch)) {
            repo::mark_reminded(s, f.id, false, t);
            events::append(s, event(std::nullopt, "follow_up.due_soon", f.id, {{"owner_id", f.owner.id}, {"due_on", f.due_on}}), t);
            ++sent;
        }
        return sent;
    }).value_or(0);
}

}  // namespace cocreate::engagement
