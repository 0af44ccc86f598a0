#pragma once
// SQL for follow-ups, cadences, expectations and capacity. Runs on the caller's session
// inside the caller's transaction; no permission checks. Reads join user and stakeholder
// names for display only.

#include <soci/boost-optional.h>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "engagement/engagement.hpp"
#include "stakeholders/stakeholder.hpp"

namespace cocreate::engagement::follow_up_repository {

int64_t insert_follow_up(soci::session& s, const FollowUp& f, int64_t by, const std::string& now);
void update_follow_up(soci::session& s, const FollowUp& f, const std::string& now);
void delete_follow_up(soci::session& s, int64_t id);
std::optional<FollowUp> find_follow_up(soci::session& s, int64_t id);
// By due date (then id), limit + 1. `today` decides "overdue".
std::vector<FollowUp> list_follow_ups(soci::session& s, const FollowUpFilter& f, const std::string& today);
// Counts up to `cap`.
int64_t count_overdue(soci::session& s, std::optional<int64_t> owner_id, const std::string& today, int cap);
// Open follow-ups not yet reminded: overdue ones (due before `today`), or due on `day`.
std::vector<FollowUp> unreminded_overdue(soci::session& s, const std::string& today, int limit);
std::vector<FollowUp> unreminded_due_on(soci::session& s, const std::string& day, int limit);
void mark_reminded(soci::session& s, int64_t id, bool overdue, const std::string& now);
// Minutes of open follow-ups per owner due before `until` (overdue included).
std::vector<std::pair<int64_t, int64_t>> open_minutes(soci::session& s, const std::string& until);
std::vector<stakeholders::TimelineEntry> follow_up_entries(soci::session& s, int64_t stakeholder_id,
                                                           const std::optional<stakeholders::TimelineCursor>& before,
                                                           int limit);

int64_t insert_cadence(soci::session& s, const Cadence& c, int64_t by, const std::string& now);
void update_cadence(soci::session& s, const Cadence& c, const std::string& now);
void delete_cadence(soci::session& s, int64_t id);
std::optional<Cadence> find_cadence(soci::session& s, int64_t id);
std::vector<Cadence> cadences_of(soci::session& s, int64_t stakeholder_id);
std::vector<Cadence> list_cadences(soci::session& s, const CadenceFilter& f, const std::string& today);
int64_t count_missed_cadences(soci::session& s, std::optional<int64_t> owner_id, const std::string& today, int cap);
void set_next_due(soci::session& s, int64_t id, const std::string& next_due_on);

int64_t insert_expectation(soci::session& s, const Expectation& e, int64_t by, const std::string& now);
void update_expectation(soci::session& s, const Expectation& e, const std::string& now);
void delete_expectation(soci::session& s, int64_t id);
std::optional<Expectation> find_expectation(soci::session& s, int64_t id);
std::vector<Expectation> list_expectations(soci::session& s, std::optional<int64_t> stakeholder_id,
                                           const std::optional<std::string>& status, std::optional<int64_t> after,
                                           int limit);
std::vector<stakeholders::TimelineEntry> expectation_entries(soci::session& s, int64_t stakeholder_id,
                                                             const std::optional<stakeholders::TimelineCursor>& before,
                                                             int limit);

// Every active internal user with their capacity setting (0 hours and no team when unset).
std::vector<CapacityPerson> capacity_people(soci::session& s, const std::optional<std::string>& team);
void put_capacity(soci::session& s, int64_t user_id, int hours_per_week, const std::string& team,
                  const std::string& now);

}  // namespace cocreate::engagement::follow_up_repository
