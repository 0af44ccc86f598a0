#include "engagement/interaction_service.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

#include "auth/people.hpp"
#include "auth/permissions.hpp"
#include "engagement/follow_up_repository.hpp"
#include "engagement/interaction_repository.hpp"
#include "events/event_log.hpp"
#include "stakeholders/timeline.hpp"

namespace cocreate::engagement {

using auth::Action;
using auth::authorize;
using core::Error;
using core::fail;
namespace repo = interaction_repository;

namespace {

// How far ahead of the server clock a "held" interaction may be dated (clock skew, time zones).
constexpr auto kHeldSlack = std::chrono::hours{12};

events::NewEvent event(const Principal& p, std::string verb, int64_t id, boost::json::object payload = {}) {
    return {p.user_id, std::move(verb), "interaction", id, std::nullopt, events::Visibility::kInternal,
            std::move(payload)};
}

}  // namespace

InteractionService::InteractionService(db::Database& db, const core::Clock& clock,
                                       stakeholders::StakeholderService& stakeholders)
    : db_(db), clock_(clock), stakeholders_(stakeholders) {}

core::Status InteractionService::apply(soci::session& s, const Principal& p, const InteractionInput& in,
                                       Interaction& x) const {
    if (in.title) x.title = *in.title;
    if (in.type) x.type = *in.type;
    if (in.mode) x.mode = *in.mode;
    if (in.status) x.status = *in.status;
    if (in.occurred_at) {
        const auto t = core::parse_time(*in.occurred_at);
        if (!t) return fail(Error::unprocessable("occurred_at", "must be an RFC 3339 time"));
        x.occurred_at = core::format_time(*t);
    }
    if (in.duration_minutes) x.duration_minutes = *in.duration_minutes;
    if (in.summary) x.summary = *in.summary;
    if (in.outcome) x.outcome = *in.outcome;
    core::Error problems{core::ErrorCode::kUnprocessable};
    auto add = [&](std::string field, std::string detail) { problems.errors.push_back({std::move(field), std::move(detail)}); };
    if (x.status == "held" && *core::parse_time(x.occurred_at) > clock_.now() + kHeldSlack)
        add("occurred_at", "a held interaction cannot be in the future; mark it planned");
    if (in.participant_ids) {
        x.participants.clear();
        for (size_t i = 0; i < in.participant_ids->size(); ++i) {
            const auto id = (*in.participant_ids)[i];
            auto name = auth::people::internal_user_name(s, id);
            if (!name) add("participant_ids[" + std::to_string(i) + "]", "is not an active internal user");
            else x.participants.push_back({id, *name});
        }
    } else if (x.participants.empty()) {
        x.participants.push_back({p.user_id, p.display_name});
    }
    if (in.stakeholders) {
        x.stakeholders = *in.stakeholders;
        for (size_t i = 0; i < x.stakeholders.size(); ++i) {
            auto name = stakeholders_.name_in(s, x.stakeholders[i].stakeholder_id);
            if (!name) add("stakeholders[" + std::to_string(i) + "].stakeholder_id", "names no stakeholder");
            else x.stakeholders[i].name = *name;
        }
    }
    if (!problems.errors.empty()) {
        problems.field = problems.errors.front().field;
        problems.detail = problems.field + " " + problems.errors.front().detail;
        return fail(std::move(problems));
    }
    return {};
}

void InteractionService::refresh_contact(soci::session& s, int64_t stakeholder_id) const {
    const auto last = repo::last_held_contact(s, stakeholder_id);
    stakeholders_.set_last_contact_in(s, stakeholder_id, last);
    const auto last_day = last ? std::optional<core::Date>(core::date_of(*core::parse_time(*last))) : std::nullopt;
    for (const auto& c : follow_up_repository::cadences_of(s, stakeholder_id)) {
        const auto due = core::format_date(next_due(c.interval, c.every_days, *core::parse_date(c.starts_on), last_day));
        if (due != c.next_due_on) follow_up_repository::set_next_due(s, c.id, due);
    }
}

core::Result<Page<Interaction>> InteractionService::list(const Principal& p, const InteractionFilter& f) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    auto rows = db_.read([&](soci::session& s) { return repo::list_interactions(s, f); });
    Page<Interaction> page;
    if (static_cast<int>(rows.size()) > f.limit) {
        rows.resize(f.limit);
        page.next_cursor = http::key_cursor_for(rows.back().occurred_at, rows.back().id);
    }
    page.items = std::move(rows);
    return page;
}

core::Result<Interaction> InteractionService::create(const Principal& p, const InteractionInput& in) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Interaction> {
        Interaction x;
        x.mode = "remote";
        x.status = "held";
        if (auto ok = apply(s, p, in, x); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        x.id = repo::insert_interaction(s, x, p.user_id, t);
        repo::replace_people(s, x);
        for (const auto& st : x.stakeholders) {
            if (x.status == "held" && st.valence && st.intensity)
                stakeholders_.record_emotion_in(
                    s, p, st.stakeholder_id, {*st.valence, *st.intensity, "interaction", "", x.occurred_at, x.id});
            refresh_contact(s, st.stakeholder_id);
        }
        events::append(s, event(p, "interaction.created", x.id,
                                {{"type", x.type}, {"status", x.status}, {"stakeholders", x.stakeholders.size()}}),
                       t);
        return *repo::find_interaction(s, x.id);
    });
}

core::Result<Interaction> InteractionService::get(const Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    auto x = db_.read([&](soci::session& s) { return repo::find_interaction(s, id); });
    if (!x) return fail(Error::not_found("no such interaction"));
    return *x;
}

core::Result<Interaction> InteractionService::update(const Principal& p, int64_t id, const InteractionInput& in) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Interaction> {
        auto x = repo::find_interaction(s, id);
        if (!x) return fail(Error::not_found("no such interaction"));
        const auto before = *x;
        if (auto ok = apply(s, p, in, *x); !ok) return fail(ok.error());
        const auto t = core::format_time(clock_.now());
        repo::update_interaction(s, *x, t);
        repo::replace_people(s, *x);
        std::set<int64_t> affected;
        for (const auto& st : before.stakeholders) affected.insert(st.stakeholder_id);
        for (const auto& st : x->stakeholders) {
            affected.insert(st.stakeholder_id);
            // An emotion is recorded once per observation: only when it is new or changed.
            const auto old = std::find_if(before.stakeholders.begin(), before.stakeholders.end(),
                                          [&](const auto& b) { return b.stakeholder_id == st.stakeholder_id; });
            const bool changed = old == before.stakeholders.end() || old->valence != st.valence ||
                                 old->intensity != st.intensity || before.status != "held";
            if (x->status == "held" && st.valence && st.intensity && changed)
                stakeholders_.record_emotion_in(
                    s, p, st.stakeholder_id, {*st.valence, *st.intensity, "interaction", "", x->occurred_at, x->id});
        }
        for (auto sid : affected) refresh_contact(s, sid);
        events::append(s, event(p, "interaction.updated", id, {{"status", x->status}}), t);
        return *repo::find_interaction(s, id);
    });
}

core::Status InteractionService::remove(const Principal& p, int64_t id) {
    if (auto ok = authorize(p, Action::kUseEngagement); !ok) return ok;
    return db_.write([&](soci::session& s) -> core::Status {
        auto x = repo::find_interaction(s, id);
        if (!x) return fail(Error::not_found("no such interaction"));
        if (auto ok = authorize(p, Action::kDeleteInteraction, {std::nullopt, x->created_by ? x->created_by->id : 0}); !ok)
            return ok;
        repo::delete_interaction(s, id);
        for (const auto& st : x->stakeholders) refresh_contact(s, st.stakeholder_id);
        events::append(s, event(p, "interaction.deleted", id), core::format_time(clock_.now()));
        return {};
    });
}

core::Result<Page<stakeholders::TimelineEntry>> InteractionService::timeline(
    const Principal& p, int64_t stakeholder_id, const std::optional<stakeholders::TimelineCursor>& before, int limit) {
    return db_.read([&](soci::session& s) -> core::Result<Page<stakeholders::TimelineEntry>> {
        if (auto ok = stakeholders_.require_internal_view(s, p, stakeholder_id); !ok) return fail(ok.error());
        // Each source gives its newest limit + 1 entries past the cursor; the merge keeps the
        // newest limit + 1 of all, which is exactly the next page plus one to know there is more.
        std::vector<stakeholders::TimelineEntry> all = repo::timeline_entries(s, stakeholder_id, before, limit);
        auto add = [&](std::vector<stakeholders::TimelineEntry> more) {
            for (auto& e : more) all.push_back(std::move(e));
        };
        add(follow_up_repository::follow_up_entries(s, stakeholder_id, before, limit));
        add(follow_up_repository::expectation_entries(s, stakeholder_id, before, limit));
        add(stakeholders_.timeline_entries_in(s, stakeholder_id, before, limit));
        std::sort(all.begin(), all.end(), stakeholders::comes_before);
        Page<stakeholders::TimelineEntry> page;
        if (static_cast<int>(all.size()) > limit) {
            all.resize(limit);
            const auto& last = all.back();
            page.next_cursor = http::key_cursor_for(last.at + "|" + std::to_string(last.rank), last.id);
        }
        page.items = std::move(all);
        return page;
    });
}

}  // namespace cocreate::engagement
