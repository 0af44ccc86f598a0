#pragma once
// Internal to `cocreate gen` (namespace cocreate::app::gen): the randomness, the time helpers,
// the in-memory model the phases hand on to each other, the batch and prepared-insert helpers,
// and the phases themselves, which generator.cpp runs in order. Every phase draws from the
// one Dice in a fixed order, so reordering calls changes the generated data.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <random>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "app/generator.hpp"
#include "app/generator_vocabulary.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"

namespace cocreate::app::gen {

inline constexpr int64_t kMinuteMs = 60'000;
inline constexpr int64_t kHourMs = 60 * kMinuteMs;
inline constexpr int64_t kDayMs = 24 * kHourMs;

// ---- randomness ------------------------------------------------------------------------

// Every random draw goes through one engine in a fixed order, which is what makes a seed
// reproduce the same data. Distributions are built per call: they are cheap and stateless
// enough, and keeping none across calls means no hidden state between phases.
class Dice {
public:
    explicit Dice(uint64_t seed) : rng_(seed) {}
    int64_t between(int64_t lo, int64_t hi) { return std::uniform_int_distribution<int64_t>(lo, hi)(rng_); }
    double unit() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }
    bool chance(double p) { return unit() < p; }
    template <typename Array>
    auto pick(const Array& a) -> decltype(a[0]) {
        return a[static_cast<size_t>(between(0, static_cast<int64_t>(std::size(a)) - 1))];
    }
    const char* weighted(std::span<const Weighted> choices) {
        int total = 0;
        for (const auto& c : choices) total += c.weight;
        int64_t roll = between(0, total - 1);
        for (const auto& c : choices)
            if ((roll -= c.weight) < 0) return c.value;
        return choices.back().value;
    }
    // An index in [0, n) where low indices are much more likely (density ~ 1/sqrt): a few
    // accounts get most of the attention, as in a real portfolio.
    size_t skewed(size_t n) {
        const double u = unit();
        return std::min(n - 1, static_cast<size_t>(static_cast<double>(n) * u * u));
    }
    std::mt19937_64& engine() { return rng_; }

private:
    std::mt19937_64 rng_;
};

// ---- time ------------------------------------------------------------------------------

inline std::string stamp(int64_t ms) { return core::format_time(core::TimePoint(std::chrono::milliseconds(ms))); }

inline std::string date_of(int64_t ms) {
    const std::chrono::year_month_day d{std::chrono::floor<std::chrono::days>(
        std::chrono::sys_time<std::chrono::milliseconds>(std::chrono::milliseconds(ms)))};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                       static_cast<unsigned>(d.day()));
}

inline int64_t day_floor(int64_t ms) { return ms - ((ms % kDayMs) + kDayMs) % kDayMs; }

inline bool is_weekend(int64_t ms) {
    const std::chrono::weekday w{std::chrono::sys_days(std::chrono::days(day_floor(ms) / kDayMs))};
    return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

// A quarter-hour between 07:30 and 17:45 UTC on the day holding `day_ms`.
inline int64_t business_time(Dice& dice, int64_t day_ms) {
    return day_floor(day_ms) + (7 * 60 + 30 + 15 * dice.between(0, 41)) * kMinuteMs;
}

// Adds calendar months, clamping to the month's last day (31 Jan + 1 month = 28/29 Feb).
inline int64_t add_months(int64_t ms, int months) {
    using namespace std::chrono;
    const year_month_day d{floor<days>(sys_time<milliseconds>(milliseconds(ms)))};
    year_month_day moved = d + std::chrono::months(months);
    if (!moved.ok()) moved = year_month_day_last(moved.year(), month_day_last(moved.month()));
    return sys_days(moved).time_since_epoch().count() * kDayMs;
}

// ---- sizes and in-memory model ---------------------------------------------------------

struct Counts {
    int64_t users, stakeholders, organisations, interactions, follow_ups, cadences, expectations;
    int64_t projects, gate_reviews, kpi_values;
    int64_t spaces, participants, challenges, ideas, comments;
};

// What later phases need to know about a stakeholder (the rows themselves are in the database).
struct StakeholderBrief {
    int64_t id = 0;
    int32_t organisation = -1;  // index of the person's organisation; -1 for organisations
    int32_t owner = -1;         // index into users; -1 when nobody owns it
    int8_t level = 0;
    int64_t created_ms = 0;
};

struct InteractionBrief {
    int64_t id = 0;
    int64_t at_ms = 0;
    int32_t stakeholder = 0;  // index of the first stakeholder
    int32_t creator = 0;      // index into users
    bool held = false;
};

struct Company {
    Counts counts{};
    int64_t now_ms = 0;
    std::vector<int64_t> users;   // ids; [0] is the administrator
    std::vector<StakeholderBrief> stakeholders;
    std::vector<std::string> names;             // by stakeholder index
    std::vector<int32_t> popularity;            // organisation indices, most visited first
    std::vector<std::vector<int32_t>> people;   // organisation index → person indices
    std::vector<InteractionBrief> interactions;
    std::vector<int32_t> interactions_per_stakeholder;
    std::vector<int64_t> last_held_ms;          // by stakeholder index; 0 = never
    std::vector<int64_t> frameworks;            // ids; [0] holds most projects
    int64_t first_project_id = 0, last_project_id = 0;  // projects' ids are contiguous
    double health_seconds = 0;                  // ProjectService::recompute_all over every project
    int64_t first_idea_id = 0, last_idea_id = 0;  // ideas' ids are contiguous
    int64_t busiest_challenge_id = 0, busiest_challenge_space_id = 0, busiest_challenge_ideas = 0;
    std::vector<std::pair<std::string, int64_t>> written;

    void count(const std::string& table, int64_t n) {
        for (auto& [name, total] : written)
            if (name == table) {
                total += n;
                return;
            }
        written.emplace_back(table, n);
    }
    int64_t user(int32_t index) const { return users[static_cast<size_t>(index)]; }
    int32_t random_member(Dice& dice) const { return static_cast<int32_t>(dice.between(1, std::ssize(users) - 1)); }
};

// Writes [0, total) in transactions of batch_rows: write_range(session, begin, end) prepares
// its statements once per batch and reuses them for every row.
template <typename F>
void in_batches(db::Database& db, const GenOptions& o, const char* what, int64_t total, F&& write_range) {
    const int64_t step = std::max<int64_t>(1, o.batch_rows);
    for (int64_t begin = 0; begin < total; begin += step) {
        const int64_t end = std::min(total, begin + step);
        db.write([&](soci::session& s) -> core::Status {
            write_range(s, begin, end);
            return {};
        });
        if (o.progress) *o.progress << what << " " << end << "/" << total << "\n" << std::flush;
    }
}

using Text = std::string;
using Int = long long;

// ---- prepared inserts ------------------------------------------------------------------
// Each holds the variables its statement is bound to: set them, then run(). Not movable,
// because the statement refers to the members by address.

// A statement over a fixed tuple of bound variables, for the many narrow child tables.
template <typename... Columns>
struct RowInsert {
    std::tuple<Columns...> v;
    std::array<soci::indicator, sizeof...(Columns)> ind{};
    soci::statement st;
    RowInsert(soci::session& s, const char* sql) : st(s) {
        ind.fill(soci::i_ok);
        std::apply([&](auto&... col) {
            size_t i = 0;
            (st.exchange(soci::use(col, ind[i++])), ...);
        }, v);
        st.alloc();
        st.prepare(sql);
        st.define_and_bind();
    }
    RowInsert(const RowInsert&) = delete;
    // Sets every column (std::nullopt → NULL) and executes.
    template <typename... Values>
    void run(const Values&... values) {
        static_assert(sizeof...(Values) == sizeof...(Columns));
        set(std::index_sequence_for<Values...>{}, values...);
        st.execute(true);
    }

private:
    template <typename T, typename V>
    void assign(T& col, soci::indicator& i, const V& value) {
        if constexpr (std::is_same_v<V, std::nullopt_t>) {
            i = soci::i_null;
        } else if constexpr (requires { value.has_value(); *value; }) {
            i = value ? soci::i_ok : soci::i_null;
            if (value) col = static_cast<T>(*value);
        } else {
            i = soci::i_ok;
            col = static_cast<T>(value);
        }
    }
    template <size_t... I, typename... Values>
    void set(std::index_sequence<I...>, const Values&... values) {
        (assign(std::get<I>(v), ind[I], values), ...);
    }
};

// ---- phases ----------------------------------------------------------------------------
// Run by generate_company in this order. Each writes its rows through db.write (in batches of
// options.batch_rows where the table is large), records what it wrote with Company::count and
// leaves in `co` what later phases need. Database errors throw soci::soci_error.

// generator_people.cpp: the own organisation and its users (administrator first), all with `hash`.
void insert_users(db::Database& db, Dice& dice, Company& co, const std::string& hash);
// generator_people.cpp: organisations, then people, with tags, team, relations, levels and needs.
void insert_stakeholders(db::Database& db, Dice& dice, Company& co, const GenOptions& o);

// generator_interactions.cpp: interactions with their participants, stakeholders and emotions.
void insert_interactions(db::Database& db, Dice& dice, Company& co, const GenOptions& o);
// generator_interactions.cpp: emotions observed outside interactions.
void insert_observed_emotions(db::Database& db, Dice& dice, Company& co, const GenOptions& o);
// generator_interactions.cpp: last_contact_at and the latest emotion, derived by SQL from the rows above.
void derive_latest_state(db::Database& db);

// generator_commitments.cpp: follow-ups, cadences, expectations and the users' capacities.
void insert_follow_ups(db::Database& db, Dice& dice, Company& co, const GenOptions& o);
void insert_cadences(db::Database& db, Dice& dice, Company& co, const GenOptions& o);
void insert_expectations(db::Database& db, Dice& dice, Company& co, const GenOptions& o);
void insert_capacities(db::Database& db, Dice& dice, Company& co);

// generator_projects.cpp: two frameworks from the default template (framework_repository).
void insert_frameworks(db::Database& db, Company& co);
// generator_projects.cpp: projects with team, stakeholders, gate reviews and KPI values.
void insert_projects(db::Database& db, Dice& dice, Company& co, const GenOptions& o);
// generator_projects.cpp: every project's health, through projects::ProjectService::recompute_all.
void store_project_health(db::Database& db, Company& co, const GenOptions& o);

// generator_ideas.cpp: spaces with external participants (users with `hash`), challenges,
// ideas with authors, links, votes, comments, interest and points (plan: generator_idea_plans.cpp).
void insert_ideas(db::Database& db, Dice& dice, Company& co, const GenOptions& o, const std::string& hash);

}  // namespace cocreate::app::gen
