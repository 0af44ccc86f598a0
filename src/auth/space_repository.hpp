#pragma once
// SQL for organisations, spaces and space membership.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "auth/identity.hpp"

namespace cocreate::auth::space_repository {

// --- organisations
int64_t insert_organisation(soci::session& s, const Organisation& o, const std::string& now);
std::optional<Organisation> find_organisation(soci::session& s, int64_t id);
bool organisation_name_taken(soci::session& s, const std::string& name, int64_t except_id);
std::vector<Organisation> list_organisations(soci::session& s, const std::optional<std::string>& q,
                                             const std::optional<std::string>& kind, std::optional<int64_t> after,
                                             int limit);
void update_organisation(soci::session& s, const Organisation& o, const std::string& now);

// --- spaces
struct SpaceFilter {
    int64_t viewer_id = 0;
    bool only_member_spaces = true;  // false: every space (internal viewers)
    std::optional<std::string> q;
    std::optional<std::string> kind;
    std::optional<bool> archived;
    std::optional<int64_t> after;
    int limit = 50;
};
int64_t insert_space(soci::session& s, const Space& sp, const std::string& now);
// The space with the viewer's role and member count filled in.
std::optional<Space> find_space(soci::session& s, int64_t id, int64_t viewer_id);
std::vector<Space> list_spaces(soci::session& s, const SpaceFilter& f);
void update_space(soci::session& s, const Space& sp, const std::string& now);

// --- members
std::optional<std::string> member_role(soci::session& s, int64_t space_id, int64_t user_id);
std::vector<Member> list_members(soci::session& s, int64_t space_id, std::optional<int64_t> after, int limit);
void upsert_member(soci::session& s, int64_t space_id, int64_t user_id, const std::string& role, const std::string& now);
bool remove_member(soci::session& s, int64_t space_id, int64_t user_id);
int64_t count_owners(soci::session& s, int64_t space_id);
// Ids of the spaces `user_id` belongs to.
std::vector<int64_t> space_ids_of(soci::session& s, int64_t user_id);

}  // namespace cocreate::auth::space_repository
