// `cocreate gen`, interactions: three years of interactions with their participants,
// stakeholders, interest and emotions; emotions observed outside interactions; and the
// stakeholders' latest state derived from both.

#include "app/generator_model.hpp"

#include <fmt/format.h>

#include <cmath>

namespace cocreate::app::gen {

using soci::into;
using soci::use;

namespace {

constexpr const char* kInsertInteraction =
    "INSERT INTO interactions (title, type, mode, status, occurred_at, duration_minutes, summary, outcome, "
    "created_by, created_at, updated_at) VALUES (:title, :type, :mode, :status, :at, :minutes, :summary, :outcome, "
    ":by, :created, :updated) RETURNING id";

struct InteractionInsert {
    std::string title, type, mode, status, at, summary, outcome, created;
    int minutes = 30;
    long long by = 0, id = 0;
    soci::statement st;
    explicit InteractionInsert(soci::session& s)
        : st((s.prepare << kInsertInteraction, use(title), use(type), use(mode), use(status), use(at), use(minutes),
              use(summary), use(outcome), use(by), use(created), use(created), into(id))) {}
    InteractionInsert(const InteractionInsert&) = delete;
    long long run() {
        st.execute(true);
        return id;
    }
};

struct InteractionWrites {
    InteractionInsert interaction;
    RowInsert<Int, Int> participant;
    RowInsert<Int, Int, Text, Text, Text, Text, Int, Int> stakeholder;
    RowInsert<Int, Int, Int, Text, Text, Text, Int, Text> emotion;
    explicit InteractionWrites(soci::session& s)
        : interaction(s),
          participant(s, "INSERT INTO interaction_participants (interaction_id, user_id) VALUES (:i, :u)"),
          stakeholder(s, "INSERT INTO interaction_stakeholders (interaction_id, stakeholder_id, occurred_at, status, "
                         "interest, interest_topic, valence, intensity) VALUES (:i, :s, :at, :st, :in, :t, :v, :n)"),
          emotion(s, "INSERT INTO stakeholder_emotions (stakeholder_id, valence, intensity, source, note, observed_at, "
                     "recorded_by, recorded_at) VALUES (:s, :v, :i, :src, :n, :o, :b, :r)") {}
};

// Past interactions on weekdays over three years, plus ~0.5% planned in the next two weeks;
// sorted, so ids grow with time as they would in a live system.
std::vector<int64_t> interaction_times(Dice& dice, const Company& co) {
    const int64_t total = co.counts.interactions;
    const int64_t planned = std::max<int64_t>(1, std::llround(static_cast<double>(total) * 0.005));
    const int64_t today = day_floor(co.now_ms);
    std::vector<int64_t> times(static_cast<size_t>(total));
    for (int64_t i = 0; i < total; ++i) {
        int64_t at = 0;
        for (int attempt = 0; attempt < 8; ++attempt) {  // bounded: a weekend day is redrawn a few times
            const int64_t day = i < planned ? today + dice.between(1, 14) * kDayMs : today - dice.between(1, 3 * 365) * kDayMs;
            at = business_time(dice, day);
            if (!is_weekend(at)) break;
        }
        times[static_cast<size_t>(i)] = at;
    }
    std::sort(times.begin(), times.end());
    return times;
}

// Who was met: an organisation chosen by popularity, its people and sometimes the
// organisation itself, now and then someone from elsewhere. 1..4 distinct stakeholders.
std::vector<int32_t> attendees(Dice& dice, const Company& co) {
    const int32_t org = co.popularity[dice.skewed(co.popularity.size())];
    const auto& people = co.people[static_cast<size_t>(org)];
    std::vector<int32_t> who;
    auto add = [&](int32_t s) {
        if (who.size() < 4 && std::find(who.begin(), who.end(), s) == who.end()) who.push_back(s);
    };
    if (people.empty() || dice.chance(0.35)) add(org);
    if (!people.empty())
        for (int64_t n = dice.between(1, 3); n > 0; --n) add(people[static_cast<size_t>(dice.between(0, std::ssize(people) - 1))]);
    if (dice.chance(0.08)) add(static_cast<int32_t>(dice.between(0, std::ssize(co.stakeholders) - 1)));
    return who;
}

std::vector<int32_t> participants(Dice& dice, const Company& co, int32_t first_stakeholder) {
    const auto owner = co.stakeholders[static_cast<size_t>(first_stakeholder)].owner;
    std::vector<int32_t> who{owner >= 0 ? owner : co.random_member(dice)};
    for (int64_t n = dice.between(0, 2); n > 0; --n) {
        const auto u = co.random_member(dice);
        if (std::find(who.begin(), who.end(), u) == who.end()) who.push_back(u);
    }
    return who;
}

const InteractionType& interaction_type(Dice& dice) {
    int total = 0;
    for (const auto& t : kInteractionTypes) total += t.weight;
    int64_t roll = dice.between(0, total - 1);
    for (const auto& t : kInteractionTypes)
        if ((roll -= t.weight) < 0) return t;
    return kInteractionTypes.back();
}

// Interest and emotion noted for one stakeholder of a held interaction (some of them).
void write_attendance(Dice& dice, Company& co, InteractionWrites& w, int32_t who, bool held) {
    static constexpr std::array<Weighted, 4> kInterest = {{{"none", 10}, {"curious", 40}, {"interested", 35},
                                                          {"committed", 15}}};
    static constexpr std::array<Weighted, 5> kValence = {{{"-2", 5}, {"-1", 15}, {"0", 35}, {"1", 35}, {"2", 10}}};
    const auto& b = co.stakeholders[static_cast<size_t>(who)];
    std::optional<Text> interest;
    Text topic;
    if (held && dice.chance(0.2)) {
        interest = dice.weighted(kInterest);
        topic = dice.pick(kInterestTopics);
    }
    std::optional<Int> valence, intensity;
    if (held && dice.chance(0.15)) {
        valence = std::stoi(dice.weighted(kValence));
        intensity = dice.chance(0.15) ? 0 : dice.between(1, 3);
    }
    const auto& at = w.interaction.at;
    w.stakeholder.run(w.interaction.id, b.id, at, w.interaction.status, interest, topic, valence, intensity);
    if (valence) {
        w.emotion.run(b.id, *valence, *intensity, Text("interaction"), Text(), at, w.interaction.by, w.interaction.created);
        co.count("stakeholder_emotions", 1);
    }
    ++co.interactions_per_stakeholder[static_cast<size_t>(who)];
    if (held) {
        const int64_t at_ms = co.interactions.back().at_ms;
        auto& last = co.last_held_ms[static_cast<size_t>(who)];
        last = std::max(last, at_ms);
    }
}

void write_interaction(Dice& dice, Company& co, InteractionWrites& w, int64_t at_ms) {
    const auto who = attendees(dice, co);
    const auto team = participants(dice, co, who.front());
    const auto& type = interaction_type(dice);
    const bool future = at_ms > co.now_ms;
    auto& row = w.interaction;
    row.status = future ? "planned" : dice.chance(0.05) ? "cancelled" : "held";
    const bool held = row.status == "held";
    row.type = type.type;
    row.mode = type.mode;
    row.minutes = std::max<int>(5, type.minutes + 15 * static_cast<int>(dice.between(-1, 2)));
    row.title = fmt::format(fmt::runtime(type.title), co.names[static_cast<size_t>(who.front())]);
    row.summary = held && dice.chance(0.6) ? dice.pick(kSummaries) : "";
    row.outcome = held && dice.chance(0.4) ? dice.pick(kOutcomes) : "";
    row.at = stamp(at_ms);
    row.by = co.user(team.front());
    const int64_t created = future ? at_ms - dice.between(1, 14) * kDayMs
                                   : at_ms + row.minutes * kMinuteMs + dice.between(1, 36) * kHourMs;
    row.created = stamp(std::min(created, co.now_ms));
    row.run();
    for (auto u : team) w.participant.run(row.id, co.user(u));
    co.interactions.push_back({row.id, at_ms, who.front(), team.front(), held});
    for (auto s : who) write_attendance(dice, co, w, s, held);
    co.count("interaction_participants", std::ssize(team));
    co.count("interaction_stakeholders", std::ssize(who));
}

}  // namespace

void insert_interactions(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    const auto times = interaction_times(dice, co);
    co.interactions.reserve(times.size());
    co.interactions_per_stakeholder.assign(co.stakeholders.size(), 0);
    co.last_held_ms.assign(co.stakeholders.size(), 0);
    in_batches(db, o, "interactions", std::ssize(times), [&](soci::session& s, int64_t begin, int64_t end) {
        InteractionWrites w(s);
        for (int64_t i = begin; i < end; ++i) write_interaction(dice, co, w, times[static_cast<size_t>(i)]);
    });
    co.count("interactions", std::ssize(times));
}

// Emotions observed outside interactions (observations, surveys) for about a quarter of
// the stakeholders; with the interaction ones they make each stakeholder's history.
void insert_observed_emotions(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    static constexpr std::array<Weighted, 3> kSources = {{{"observation", 70}, {"survey", 20}, {"other", 10}}};
    in_batches(db, o, "stakeholder_emotions", std::ssize(co.stakeholders), [&](soci::session& s, int64_t begin, int64_t end) {
        RowInsert<Int, Int, Int, Text, Text, Text, Int, Text> emotion(
            s, "INSERT INTO stakeholder_emotions (stakeholder_id, valence, intensity, source, note, observed_at, "
               "recorded_by, recorded_at) VALUES (:s, :v, :i, :src, :n, :o, :b, :r)");
        for (int64_t i = begin; i < end; ++i) {
            if (!dice.chance(0.25)) continue;
            const auto& b = co.stakeholders[static_cast<size_t>(i)];
            for (int64_t n = dice.between(1, 2); n > 0; --n) {
                const int64_t at = b.created_ms + dice.between(0, (co.now_ms - b.created_ms) / kMinuteMs) * kMinuteMs;
                const auto by = b.owner >= 0 ? b.owner : co.random_member(dice);
                emotion.run(b.id, dice.between(-2, 2), dice.chance(0.2) ? 0 : dice.between(1, 3),
                            Text(dice.weighted(kSources)), Text(dice.chance(0.3) ? "Noted after a phone call" : ""),
                            stamp(at), co.user(by), stamp(std::min(co.now_ms, at + dice.between(0, 48) * kHourMs)));
                co.count("stakeholder_emotions", 1);
            }
        }
    });
}

// last_contact_at and the latest emotion follow from the rows written above, so they are
// derived by the database rather than tracked twice.
void derive_latest_state(db::Database& db) {
    db.write([](soci::session& s) -> core::Status {
        s << "UPDATE stakeholders SET last_contact_at = (SELECT max(i.occurred_at) FROM interaction_stakeholders i "
             "WHERE i.stakeholder_id = stakeholders.id AND i.status = 'held')";
        s << "UPDATE stakeholders SET (emotion_valence, emotion_intensity, emotion_observed_at) = "
             "(SELECT e.valence, e.intensity, e.observed_at FROM stakeholder_emotions e "
             "WHERE e.stakeholder_id = stakeholders.id ORDER BY e.observed_at DESC, e.id DESC LIMIT 1)";
        return {};
    });
}

}  // namespace cocreate::app::gen
