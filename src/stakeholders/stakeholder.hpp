#pragma once
// The stakeholder registry's nouns: organisations and people, what they value, what they
// bring, where they sit in the value chain, how engaged they are and how they feel.
// Value types and pure rules only; no I/O.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocreate::stakeholders {

inline constexpr std::array<std::string_view, 2> kTypes = {"organisation", "person"};
inline constexpr std::array<std::string_view, 10> kKinds = {
    "customer", "prospect", "partner", "supplier", "regulator", "ngo", "academia", "internal_gatekeeper",
    "internal_team", "other"};
inline constexpr std::array<std::string_view, 8> kGatekeeperAreas = {"legal",   "tax",      "hr",         "procurement",
                                                                     "finance", "security", "compliance", "other"};
inline constexpr std::array<std::string_view, 5> kSizes = {"micro", "small", "medium", "large", "enterprise"};
// The engagement ladder, lowest first.
inline constexpr std::array<std::string_view, 6> kLevels = {"unaware", "aware",       "interested",
                                                            "engaged", "co_creating", "advocate"};
inline constexpr std::array<std::string_view, 7> kDrivers = {"revenue",        "cost",     "recognition", "compliance",
                                                             "sustainability", "learning", "other"};
inline constexpr std::array<std::string_view, 9> kResourceKinds = {
    "data", "expertise", "test_sites", "distribution", "funding", "users", "technology", "network", "other"};
inline constexpr std::array<std::string_view, 7> kValueChain = {"sourcing", "rnd",   "production", "logistics",
                                                                "sales",    "service", "end_use"};
inline constexpr std::array<std::string_view, 7> kRelationKinds = {
    "supplies", "partners_with", "regulates", "invests_in", "influences", "competes_with", "other"};
inline constexpr std::array<std::string_view, 2> kNeedKinds = {"need", "pain"};
inline constexpr std::array<std::string_view, 3> kNeedStatuses = {"open", "addressed", "dropped"};
inline constexpr std::array<std::string_view, 4> kEmotionSources = {"interaction", "observation", "survey", "other"};
inline constexpr std::array<std::string_view, 4> kSorts = {"name", "-updated", "-last_contact", "-level"};

// The step of `level` on the ladder (0 = unaware), or -1 for an unknown word.
int level_rank(std::string_view level);
// "up", "down" or "same": how a change from `from` to `to` moves on the ladder.
std::string_view level_direction(std::string_view from, std::string_view to);

// How a stakeholder feels, in one word. Intensity 0 is indifference whatever the valence:
// an indifferent customer is a different (and worse) problem than an angry one.
std::string_view emotion_state(int valence, int intensity);
inline bool is_indifferent(int intensity) { return intensity == 0; }

struct UserRef {
    int64_t id = 0;
    std::string display_name;
};
struct Link {
    std::string label;
    std::string url;
};
struct ValueDriver {
    std::string driver;
    int weight = 0;  // 0..100
    std::string note;
};
struct Resource {
    std::string kind;
    std::string note;
};
struct TeamMember {
    int64_t user_id = 0;
    std::string display_name;
    std::string role;
};
struct Affiliation {
    int64_t person_id = 0;
    std::string person_name;
    int64_t organisation_id = 0;
    std::string organisation_name;
    std::string title;
    std::string role;
};
struct Relation {
    int64_t id = 0;
    int64_t from_id = 0;
    std::string from_name;
    int64_t to_id = 0;
    std::string to_name;
    std::string kind;
};
struct Emotion {
    int valence = 0;
    int intensity = 0;
    std::string observed_at;
};

struct Stakeholder {
    int64_t id = 0;
    std::string type;
    std::string name;
    std::string kind;
    bool internal = false;
    std::optional<std::string> gatekeeper_area;
    std::string industry;
    std::string region;
    std::optional<std::string> size;
    std::optional<std::string> email;
    std::optional<std::string> domain;
    std::vector<std::string> tags;
    std::vector<Link> links;
    std::vector<std::string> value_chain;
    std::vector<ValueDriver> value_drivers;
    std::vector<Resource> resources;
    std::string notes;
    std::optional<UserRef> owner;
    std::string level = "unaware";
    std::string level_changed_at;
    std::optional<Emotion> emotion;
    std::optional<std::string> last_contact_at;
    std::string created_at;
    std::string updated_at;
    int64_t version = 1;
    // Loaded for the detail view only.
    std::vector<TeamMember> team;
    std::vector<Affiliation> affiliations;
    std::vector<Relation> relations;
    std::vector<int64_t> space_ids;
};

// What a create or update may set; absent fields are left as they are (PATCH) or take
// their defaults (POST). Lists replace the whole list.
struct TeamInput {
    int64_t user_id = 0;
    std::string role;
};
struct AffiliationInput {
    int64_t other_id = 0;  // the organisation of a person, or the person of an organisation
    std::string key;       // the field that named it: "organisation_id" or "person_id"
    std::string title;
    std::string role;
};
struct RelationInput {
    int64_t to_id = 0;
    std::string kind;
};
struct StakeholderInput {
    std::optional<std::string> type, name, kind, industry, region, notes, level;
    std::optional<bool> internal;
    std::optional<std::optional<std::string>> gatekeeper_area, size, email, domain;
    std::optional<std::vector<std::string>> tags, value_chain;
    std::optional<std::vector<Link>> links;
    std::optional<std::vector<ValueDriver>> value_drivers;
    std::optional<std::vector<Resource>> resources;
    std::optional<std::optional<int64_t>> owner_id;
    std::optional<std::vector<TeamInput>> team;
    std::optional<std::vector<AffiliationInput>> affiliations;
    std::optional<std::vector<RelationInput>> relations;
    std::optional<std::vector<int64_t>> space_ids;
    std::optional<int64_t> version;
};

struct StakeholderFilter {
    std::optional<std::string> q, type, kind, tag, level, region;
    std::optional<int64_t> owner_id;
    std::optional<bool> internal;
    std::optional<std::string> last_contact_before, last_contact_after;
    std::string sort = "name";
    std::optional<std::string> after_key;
    int64_t after_id = 0;
    int limit = 50;
};

struct Need {
    int64_t id = 0;
    int64_t stakeholder_id = 0;
    std::string kind;
    std::string title;
    std::string detail;
    std::string status = "open";
    std::string created_at;
    std::string updated_at;
};
struct NeedInput {
    std::optional<std::string> kind, title, detail, status;
};

struct NewEmotion {
    int valence = 0;
    int intensity = 0;
    std::string source = "observation";
    std::string note;
    std::optional<std::string> observed_at;
    std::optional<int64_t> interaction_id;
};

// One entry of a stakeholder's timeline. Entries sort newest first by (at, rank, id);
// `rank` tells the kinds apart so the order is total.
struct TimelineEntry {
    std::string kind;
    std::string at;
    int64_t id = 0;
    int rank = 0;
    std::string members;  // the kind-specific fields as JSON members ("title":"…","status":"…")
};
// Where a timeline page starts: entries strictly older than (at, rank, id).
struct TimelineCursor {
    std::string at;
    int rank = 0;
    int64_t id = 0;
};

struct MapNode {
    int64_t id = 0;
    std::string type, name, kind, level;
    bool internal = false;
};
struct MapEdge {
    int64_t source = 0, target = 0;
    std::string kind, label;
};
struct StakeholderMap {
    std::vector<MapNode> nodes;
    std::vector<MapEdge> edges;
    bool truncated = false;
};

}  // namespace cocreate::stakeholders
