#pragma once
// The engagement log's nouns: interactions with stakeholders, follow-ups, cadences per
// relationship, expectations and commitments, and each person's capacity. Value types and
// pure rules only; no I/O.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace cocreate::engagement {

inline constexpr std::array<std::string_view, 8> kInteractionTypes = {"call",     "video_call", "meeting", "visit",
                                                                      "workshop", "email",      "event",   "other"};
inline constexpr std::array<std::string_view, 2> kModes = {"remote", "in_person"};
inline constexpr std::array<std::string_view, 3> kInteractionStatuses = {"planned", "held", "cancelled"};
inline constexpr std::array<std::string_view, 4> kInterests = {"none", "curious", "interested", "committed"};
inline constexpr std::array<std::string_view, 3> kFollowUpStatuses = {"open", "done", "cancelled"};
inline constexpr std::array<std::string_view, 5> kIntervals = {"weekly", "biweekly", "monthly", "quarterly", "custom"};
inline constexpr std::array<std::string_view, 2> kDirections = {"we_promised", "they_expect"};
inline constexpr std::array<std::string_view, 4> kExpectationStatuses = {"open", "met", "missed", "dropped"};
inline constexpr std::array<std::string_view, 2> kScopes = {"mine", "all"};

// ---- rules ------------------------------------------------------------------------------

// When the next contact of a cadence is due: the later of its start and the last held
// contact plus the interval (monthly and quarterly add calendar months).
core::Date next_due(std::string_view interval, std::optional<int> every_days, core::Date starts_on,
                    std::optional<core::Date> last_contact);
// An open follow-up due before today is overdue.
bool is_overdue(std::string_view status, core::Date due_on, core::Date today);

// A person's load for the coming week, in hours.
struct Load {
    double scheduled_hours = 0;  // planned interactions they take part in
    double follow_up_hours = 0;  // open follow-ups they own, overdue or due within the week
    double total() const { return scheduled_hours + follow_up_hours; }
};
// Load over capacity as a fraction (1.0 = full); nullopt when no capacity is given.
std::optional<double> utilisation(const Load& load, int hours_per_week);
bool over_capacity(const Load& load, int hours_per_week);

// ---- entities ---------------------------------------------------------------------------

struct UserRef {
    int64_t id = 0;
    std::string display_name;
};
struct StakeholderRef {
    int64_t id = 0;
    std::string name;
};

struct InteractionStakeholder {
    int64_t stakeholder_id = 0;
    std::string name;
    std::string kind;
    std::optional<std::string> interest;
    std::string interest_topic;
    std::optional<int> valence;
    std::optional<int> intensity;
};

struct Interaction {
    int64_t id = 0;
    std::string title, type, mode, status, occurred_at;
    int duration_minutes = 30;
    std::string summary, outcome;
    std::vector<UserRef> participants;
    std::vector<InteractionStakeholder> stakeholders;
    std::optional<UserRef> created_by;
    std::string created_at, updated_at;
};

struct InteractionInput {
    std::optional<std::string> title, type, mode, status, occurred_at, summary, outcome;
    std::optional<int> duration_minutes;
    std::optional<std::vector<int64_t>> participant_ids;
    std::optional<std::vector<InteractionStakeholder>> stakeholders;
};

struct InteractionFilter {
    std::optional<int64_t> stakeholder_id, participant_id;
    std::optional<std::string> type, status, from, to;
    std::optional<std::string> after_key;
    int64_t after_id = 0;
    int limit = 50;
};

struct FollowUp {
    int64_t id = 0;
    std::string title, detail;
    UserRef owner;
    std::string due_on;
    std::string status = "open";
    int effort_minutes = 30;
    std::optional<StakeholderRef> stakeholder;
    std::optional<int64_t> interaction_id;
    std::optional<UserRef> created_by;
    std::string created_at, updated_at;
    std::optional<std::string> completed_at;
};

struct FollowUpInput {
    std::optional<std::string> title, detail, due_on, status;
    std::optional<int64_t> owner_id;
    std::optional<int> effort_minutes;
    std::optional<std::optional<int64_t>> stakeholder_id, interaction_id;
};

struct FollowUpFilter {
    std::optional<int64_t> owner_id, stakeholder_id;
    std::optional<std::string> status, due_before;
    bool overdue_only = false;
    std::optional<std::string> after_key;
    int64_t after_id = 0;
    int limit = 50;
};

struct Cadence {
    int64_t id = 0;
    StakeholderRef stakeholder;
    UserRef owner;
    std::string label, interval;
    std::optional<int> every_days;
    std::string format, starts_on, next_due_on;
    bool paused = false;
    std::string created_at;
};

struct CadenceInput {
    std::optional<int64_t> stakeholder_id, owner_id;
    std::optional<std::string> label, interval, format, starts_on;
    std::optional<std::optional<int>> every_days;
    std::optional<bool> paused;
};

struct CadenceFilter {
    std::optional<int64_t> stakeholder_id, owner_id;
    bool overdue_only = false;
    std::optional<std::string> after_key;
    int64_t after_id = 0;
    int limit = 50;
};

struct Expectation {
    int64_t id = 0;
    StakeholderRef stakeholder;
    std::string direction, description;
    std::optional<std::string> due_on;
    std::string status = "open";
    std::optional<UserRef> owner;
    std::string created_at, updated_at;
};

struct ExpectationInput {
    std::optional<int64_t> stakeholder_id;
    std::optional<std::string> direction, description, status;
    std::optional<std::optional<std::string>> due_on;
    std::optional<std::optional<int64_t>> owner_id;
};

struct CapacityPerson {
    int64_t user_id = 0;
    std::string display_name, team;
    int hours_per_week = 0;
    Load load;
};
struct CapacityTeam {
    std::string team;
    int hours_per_week = 0;
    Load load;
};
struct Capacity {
    std::string from, to;
    std::vector<CapacityPerson> people;
    std::vector<CapacityTeam> teams;
};

}  // namespace cocreate::engagement
