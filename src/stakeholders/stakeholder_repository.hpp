#pragma once
// SQL for the stakeholder registry. Every function runs on the caller's session (inside
// the caller's transaction); none of them checks permissions.

#include <soci/boost-optional.h>
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "stakeholders/stakeholder.hpp"

namespace cocreate::stakeholders::stakeholder_repository {

// Who is looking: external participants see only stakeholders shared with their spaces.
struct Viewer {
    int64_t user_id = 0;
    bool external = false;
};

int64_t insert_stakeholder(soci::session& s, const Stakeholder& st, int64_t created_by, const std::string& now);
// Writes every column of `st` and bumps the version; false when the stored version is no
// longer `st.version` (someone else saved in between).
bool update_stakeholder(soci::session& s, const Stakeholder& st, const std::string& now);
void delete_stakeholder(soci::session& s, int64_t id);

// The stakeholder with its detail lists, if `viewer` may see it.
std::optional<Stakeholder> find_stakeholder(soci::session& s, int64_t id, const Viewer& viewer);
// The list rows (without notes, links, drivers, resources or detail lists), limit + 1.
std::vector<Stakeholder> list_stakeholders(soci::session& s, const StakeholderFilter& f, const Viewer& viewer);
// "organisation" or "person", or nullopt when no such stakeholder.
std::optional<std::string> type_of(soci::session& s, int64_t id);
std::optional<std::string> name_of(soci::session& s, int64_t id);

void replace_tags(soci::session& s, int64_t id, const std::vector<std::string>& tags);
void replace_team(soci::session& s, int64_t id, const std::vector<TeamInput>& team);
void replace_spaces(soci::session& s, int64_t id, const std::vector<int64_t>& space_ids);
// Replaces the affiliations seen from `id`'s side (`type` says which side that is).
void replace_affiliations(soci::session& s, int64_t id, const std::string& type,
                          const std::vector<AffiliationInput>& list, const std::string& now);
void add_affiliation(soci::session& s, int64_t person_id, int64_t organisation_id, const std::string& title,
                     const std::string& now);
void replace_relations(soci::session& s, int64_t from_id, const std::vector<RelationInput>& list,
                       const std::string& now);

// Moves the stakeholder to `level` and records the step in its history.
void record_level(soci::session& s, int64_t id, const std::string& level, const std::string& previous,
                  const std::string& note, int64_t by, const std::string& at);
// Records the level a new stakeholder starts on (history only).
void record_first_level(soci::session& s, int64_t id, const std::string& level, int64_t by, const std::string& at);
int64_t record_emotion(soci::session& s, int64_t id, const NewEmotion& e, const std::string& observed_at,
                       int64_t by, const std::string& now);
// Moves last contact forward to `at` (never back).
void touch_contact(soci::session& s, int64_t id, const std::string& at);
// Sets last contact exactly (after an interaction was removed or rescheduled).
void set_last_contact(soci::session& s, int64_t id, const std::optional<std::string>& at);

std::vector<Need> list_needs(soci::session& s, int64_t stakeholder_id, const std::optional<std::string>& status,
                             std::optional<int64_t> after, int limit);
std::optional<Need> find_need(soci::session& s, int64_t id);
int64_t insert_need(soci::session& s, const Need& n, int64_t by, const std::string& now);
void update_need(soci::session& s, const Need& n, const std::string& now);
void delete_need(soci::session& s, int64_t id);

// Timeline entries of the registry's own kinds (level, emotion, need) older than `before`.
std::vector<TimelineEntry> timeline_entries(soci::session& s, int64_t id, const std::optional<TimelineCursor>& before,
                                            int limit);

StakeholderMap map(soci::session& s, const StakeholderFilter& f, int limit);

// What the CSV import compares new rows with.
struct ExistingKey {
    int64_t id = 0;
    std::string type, name, sort_name, email, domain;
};
std::vector<ExistingKey> existing_keys(soci::session& s);

// Stakeholders for the attention list (internal callers only), limit + 1 each.
std::vector<Stakeholder> indifferent(soci::session& s, std::optional<int64_t> owner_id, int limit);
std::vector<Stakeholder> quiet(soci::session& s, std::optional<int64_t> owner_id, const std::string& contact_before,
                               int limit);
// Counts up to `cap` (counting further would read every row).
int64_t count_indifferent(soci::session& s, std::optional<int64_t> owner_id, int cap);
int64_t count_quiet(soci::session& s, std::optional<int64_t> owner_id, const std::string& contact_before, int cap);

}  // namespace cocreate::stakeholders::stakeholder_repository

namespace cocreate::stakeholders::stakeholder_repository {

// Many inserts through statements prepared once (the CSV import): a stakeholder with its
// tags and first ladder entry, and affiliations.
class BulkInserter {
public:
    BulkInserter(soci::session& s, int64_t created_by, std::string now);
    int64_t insert(const Stakeholder& x);
    void affiliate(int64_t person_id, int64_t organisation_id, const std::string& title);

private:
    std::string now_;
    long long by_ = 0, id_ = 0, other_id_ = 0;
    int internal_ = 0, rank_ = 0;
    std::string type_, name_, sort_name_, kind_, industry_, region_, tags_, notes_, level_, tag_, title_, empty_;
    boost::optional<std::string> size_, email_, domain_;
    soci::statement stakeholder_, tag_insert_, level_insert_, affiliation_;
};

}  // namespace cocreate::stakeholders::stakeholder_repository
