#pragma once
// SQL for interactions. Runs on the caller's session, inside the caller's transaction;
// no permission checks. Reads join user and stakeholder names for display only.

#include <soci/boost-optional.h>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "engagement/engagement.hpp"
#include "stakeholders/stakeholder.hpp"

namespace cocreate::engagement::interaction_repository {

int64_t insert_interaction(soci::session& s, const Interaction& x, int64_t by, const std::string& now);
void update_interaction(soci::session& s, const Interaction& x, const std::string& now);
void delete_interaction(soci::session& s, int64_t id);
// Replaces participants and stakeholder rows (with the interaction's time and status).
void replace_people(soci::session& s, const Interaction& x);

std::optional<Interaction> find_interaction(soci::session& s, int64_t id);
// Newest first, limit + 1, each with its participants and stakeholders.
std::vector<Interaction> list_interactions(soci::session& s, const InteractionFilter& f);
// The latest held contact with a stakeholder, if any.
std::optional<std::string> last_held_contact(soci::session& s, int64_t stakeholder_id);

// Timeline entries (interaction rank 0) of one stakeholder older than `before`, limit + 1.
std::vector<stakeholders::TimelineEntry> timeline_entries(soci::session& s, int64_t stakeholder_id,
                                                          const std::optional<stakeholders::TimelineCursor>& before,
                                                          int limit);

// Minutes of planned interactions per participant in [from, to).
std::vector<std::pair<int64_t, int64_t>> planned_minutes(soci::session& s, const std::string& from,
                                                         const std::string& to);

}  // namespace cocreate::engagement::interaction_repository
