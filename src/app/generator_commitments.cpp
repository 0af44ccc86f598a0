// `cocreate gen`, commitments: follow-ups (most out of interactions), contact cadences, and
// expectations in both directions; plus each user's capacity, the hours there are to keep them.

#include "app/generator_model.hpp"

#include <fmt/format.h>

#include <string_view>

namespace cocreate::app::gen {

namespace {

struct FollowUpPlan {
    std::string status;
    std::optional<size_t> interaction;  // index into co.interactions
    int64_t created_ms = 0, due_ms = 0;
    std::optional<int64_t> completed_ms;
};

// ~85% done, 5% cancelled, 10% open (a third of those overdue). Most come out of an
// interaction and are owned by whoever logged it; open ones out of recent interactions.
FollowUpPlan plan_follow_up(Dice& dice, const Company& co) {
    static constexpr std::array<Weighted, 3> kStatuses = {{{"done", 85}, {"cancelled", 5}, {"open", 10}}};
    const auto by_time = [](const InteractionBrief& b, int64_t t) { return b.at_ms < t; };
    const int64_t today = day_floor(co.now_ms);
    const auto past_end = static_cast<size_t>(
        std::lower_bound(co.interactions.begin(), co.interactions.end(), co.now_ms, by_time) - co.interactions.begin());
    const auto recent = static_cast<size_t>(std::lower_bound(co.interactions.begin(), co.interactions.end(),
                                                             co.now_ms - 60 * kDayMs, by_time) - co.interactions.begin());
    FollowUpPlan p;
    p.status = dice.weighted(kStatuses);
    const bool open = p.status == "open";
    const size_t from = open ? recent : 0;
    if (dice.chance(0.7) && from < past_end) {
        const auto i = static_cast<size_t>(dice.between(static_cast<int64_t>(from), static_cast<int64_t>(past_end) - 1));
        if (co.interactions[i].held) p.interaction = i;
    }
    if (open) {
        p.due_ms = dice.chance(0.35) ? today - dice.between(1, 45) * kDayMs : today + dice.between(0, 30) * kDayMs;
        p.created_ms = p.interaction ? co.interactions[*p.interaction].at_ms + 2 * kHourMs
                                     : p.due_ms - dice.between(3, 21) * kDayMs + 9 * kHourMs;
        // Nothing falls due before it was agreed.
        if (p.created_ms >= p.due_ms) p.due_ms = day_floor(p.created_ms) + dice.between(1, 14) * kDayMs;
    } else {
        p.created_ms = p.interaction ? co.interactions[*p.interaction].at_ms + 2 * kHourMs
                                     : business_time(dice, today - dice.between(1, 3 * 365) * kDayMs);
        p.due_ms = day_floor(p.created_ms) + dice.between(2, 21) * kDayMs;
        const int64_t done = p.due_ms + dice.between(-5, 3) * kDayMs + dice.between(8, 18) * kHourMs;
        p.completed_ms = std::clamp(done, p.created_ms + kHourMs, std::max(p.created_ms + kHourMs, co.now_ms));
    }
    p.created_ms = std::min(p.created_ms, co.now_ms);
    return p;
}

struct CadenceInterval {
    const char* kind;
    int weight;
    const char* label;
};
constexpr std::array<CadenceInterval, 5> kIntervals = {{{"weekly", 10, "Weekly sync"},
                                                        {"biweekly", 20, "Biweekly check-in"},
                                                        {"monthly", 40, "Monthly check-in"},
                                                        {"quarterly", 25, "Quarterly business review"},
                                                        {"custom", 5, "Regular touchpoint"}}};

int64_t advance(int64_t ms, std::string_view kind, int every_days) {
    if (kind == "weekly") return ms + 7 * kDayMs;
    if (kind == "biweekly") return ms + 14 * kDayMs;
    if (kind == "monthly") return add_months(ms, 1);
    if (kind == "quarterly") return add_months(ms, 3);
    return ms + every_days * kDayMs;
}

// Distinct stakeholders, mostly at level `interested` or above and in recent contact (a
// rhythm is set up for the relationships being worked on). Bounded: the conditions relax
// after 20 attempts per cadence and the search stops after 50.
std::vector<int32_t> cadence_targets(Dice& dice, const Company& co) {
    std::vector<char> taken(co.stakeholders.size(), 0);
    std::vector<int32_t> out;
    const int64_t wanted = co.counts.cadences;
    const int64_t recent = co.now_ms - 120 * kDayMs;
    for (int64_t attempt = 0; std::ssize(out) < wanted && attempt < 50 * wanted; ++attempt) {
        const auto i = static_cast<size_t>(dice.between(0, std::ssize(co.stakeholders) - 1));
        const bool fits = co.stakeholders[i].level >= 2 && co.last_held_ms[i] >= recent;
        if (taken[i] || (!fits && attempt < 20 * wanted)) continue;
        taken[i] = 1;
        out.push_back(static_cast<int32_t>(i));
    }
    return out;
}

}  // namespace

void insert_follow_ups(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    static constexpr std::array kEfforts = {15, 30, 30, 45, 60, 90, 120};
    in_batches(db, o, "follow_ups", co.counts.follow_ups, [&](soci::session& s, int64_t begin, int64_t end) {
        RowInsert<Text, Text, Int, Text, Text, Int, Int, Int, Int, Text, Text, Text, Text, Text> row(
            s, "INSERT INTO follow_ups (title, detail, owner_id, due_on, status, effort_minutes, stakeholder_id, "
               "interaction_id, created_by, created_at, updated_at, completed_at, reminded_due_soon_at, "
               "reminded_overdue_at) VALUES (:t, :d, :o, :due, :st, :e, :s, :i, :b, :c, :u, :done, :soon, :late)");
        for (int64_t i = begin; i < end; ++i) {
            const auto p = plan_follow_up(dice, co);
            std::optional<int32_t> who;
            int32_t owner = 0;
            if (p.interaction) {
                who = co.interactions[*p.interaction].stakeholder;
                owner = co.interactions[*p.interaction].creator;
            } else {
                if (dice.chance(0.95)) who = static_cast<int32_t>(dice.between(0, std::ssize(co.stakeholders) - 1));
                const auto o_idx = who ? co.stakeholders[static_cast<size_t>(*who)].owner : -1;
                owner = o_idx >= 0 ? o_idx : co.random_member(dice);
            }
            // Engaged with emplace: the conditional-expression form trips g++ 12's -Wmaybe-uninitialized.
            std::optional<Int> sid, iid;
            if (who) sid.emplace(co.stakeholders[static_cast<size_t>(*who)].id);
            if (p.interaction) iid.emplace(co.interactions[*p.interaction].id);
            const std::string title = who ? fmt::format("{}: {}", dice.pick(kFollowUpTitles), co.names[static_cast<size_t>(*who)])
                                          : std::string(dice.pick(kFollowUpTitles));
            const std::string detail = dice.chance(0.3) ? fmt::format("Context: {}.", dice.pick(kInterestTopics)) : "";
            // The reminders a running server would already have sent (so none fire in bulk on start).
            const int64_t soon_ms = p.due_ms - kDayMs, late_ms = p.due_ms + kDayMs;
            const int64_t settled = p.completed_ms.value_or(co.now_ms + 1);
            const auto soon = soon_ms <= co.now_ms && soon_ms < settled && soon_ms >= p.created_ms
                                  ? std::optional<Text>(stamp(soon_ms)) : std::nullopt;
            const auto late = p.status == "open" && late_ms <= co.now_ms ? std::optional<Text>(stamp(late_ms)) : std::nullopt;
            const auto done = p.status == "done" ? std::optional<Text>(stamp(*p.completed_ms)) : std::nullopt;
            const Text created = stamp(p.created_ms);
            row.run(title, detail, co.user(owner), date_of(p.due_ms), p.status,
                    Int(dice.pick(kEfforts)), sid, iid, co.user(owner), created,
                    p.completed_ms ? stamp(*p.completed_ms) : created, done, soon, late);
        }
    });
    co.count("follow_ups", co.counts.follow_ups);
}

void insert_cadences(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    static constexpr std::array kFormats = {"call", "video_call", "video_call", "meeting", "visit"};
    const auto targets = cadence_targets(dice, co);
    const int64_t today = day_floor(co.now_ms);
    in_batches(db, o, "cadences", std::ssize(targets), [&](soci::session& s, int64_t begin, int64_t end) {
        RowInsert<Int, Int, Text, Text, Int, Text, Text, Text, Int, Int, Text, Text> row(
            s, "INSERT INTO cadences (stakeholder_id, owner_id, label, interval_kind, every_days, format, starts_on, "
               "next_due_on, paused, created_by, created_at, updated_at) "
               "VALUES (:s, :o, :l, :k, :e, :f, :start, :next, :p, :b, :c, :u)");
        for (int64_t i = begin; i < end; ++i) {
            const auto who = targets[static_cast<size_t>(i)];
            const auto& b = co.stakeholders[static_cast<size_t>(who)];
            int total = 0;
            for (const auto& k : kIntervals) total += k.weight;
            int64_t roll = dice.between(0, total - 1);
            const CadenceInterval* interval = &kIntervals.back();
            for (const auto& k : kIntervals)
                if ((roll -= k.weight) < 0) {
                    interval = &k;
                    break;
                }
            const bool custom = std::string_view(interval->kind) == "custom";
            const int every = custom ? static_cast<int>(dice.between(10, 120)) : 0;
            const int64_t starts = today - dice.between(30, 720) * kDayMs;
            // The API's rule: the later of the start and the last held contact plus the interval.
            const int64_t last = co.last_held_ms[static_cast<size_t>(who)];
            const int64_t next = last ? std::max(starts, day_floor(advance(last, interval->kind, every))) : starts;
            const auto owner = b.owner >= 0 ? b.owner : co.random_member(dice);
            const Text created = stamp(starts - dice.between(0, 30) * kDayMs + 10 * kHourMs);
            row.run(b.id, co.user(owner), Text(interval->label), Text(interval->kind),
                    custom ? std::optional<Int>(every) : std::nullopt, Text(dice.pick(kFormats)), date_of(starts),
                    date_of(next), Int(dice.chance(0.05)), co.user(owner), created, created);
        }
    });
    co.count("cadences", std::ssize(targets));
}

void insert_expectations(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    static constexpr std::array<Weighted, 4> kStatuses = {{{"open", 40}, {"met", 40}, {"missed", 10}, {"dropped", 10}}};
    in_batches(db, o, "expectations", co.counts.expectations, [&](soci::session& s, int64_t begin, int64_t end) {
        RowInsert<Int, Text, Text, Text, Text, Int, Int, Text, Text> row(
            s, "INSERT INTO expectations (stakeholder_id, direction, description, due_on, status, owner_id, created_by, "
               "created_at, updated_at) VALUES (:s, :d, :t, :due, :st, :o, :b, :c, :u)");
        for (int64_t i = begin; i < end; ++i) {
            const auto& b = co.stakeholders[static_cast<size_t>(dice.between(0, std::ssize(co.stakeholders) - 1))];
            const bool promised = dice.chance(0.5);
            const int64_t created = business_time(dice, co.now_ms - dice.between(1, 2 * 365) * kDayMs);
            const auto due = dice.chance(0.7) ? std::optional<Text>(date_of(created + dice.between(14, 120) * kDayMs))
                                              : std::nullopt;
            const Text status = dice.weighted(kStatuses);
            const int64_t updated = status == "open" ? created
                                                     : std::min(co.now_ms, created + dice.between(1, 120) * kDayMs);
            const auto owner = dice.chance(0.85) && b.owner >= 0 ? b.owner : co.random_member(dice);
            row.run(b.id, Text(promised ? "we_promised" : "they_expect"),
                    Text(promised ? dice.pick(kPromises) : dice.pick(kAsks)), due, status,
                    std::optional<Int>(co.user(owner)), co.user(owner), stamp(created), stamp(updated));
        }
    });
    co.count("expectations", co.counts.expectations);
}

void insert_capacities(db::Database& db, Dice& dice, Company& co) {
    static constexpr std::array kHours = {40, 40, 40, 32, 24, 20, 16, 8};
    db.write([&](soci::session& s) -> core::Status {
        RowInsert<Int, Int, Text, Text> row(
            s, "INSERT INTO capacities (user_id, hours_per_week, team, updated_at) VALUES (:u, :h, :t, :at)");
        for (auto id : co.users)
            row.run(id, Int(dice.pick(kHours)), Text(dice.pick(kCapacityTeams)),
                    stamp(day_floor(co.now_ms) - dice.between(1, 90) * kDayMs + 9 * kHourMs));
        return {};
    });
    co.count("capacities", std::ssize(co.users));
}

}  // namespace cocreate::app::gen
