#pragma once
// SQL for invitations. The link's secret is stored only as its hash.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "auth/identity.hpp"

namespace cocreate::auth::invitation_repository {

struct ListFilter {
    std::optional<int64_t> space_id;
    std::optional<std::string> status;  // pending, accepted, revoked, expired
    std::string now;
    std::optional<int64_t> after;
    int limit = 50;
};

int64_t insert(soci::session& s, const Invitation& inv, const std::string& token_hash);
std::optional<Invitation> find_by_id(soci::session& s, int64_t id);
std::optional<Invitation> find_by_token(soci::session& s, const std::string& token_hash);
std::vector<Invitation> list(soci::session& s, const ListFilter& f);
// A pending invitation to `space_id` for `email`, if any.
bool has_pending(soci::session& s, int64_t space_id, const std::string& email, const std::string& now);
void revoke(soci::session& s, int64_t id, const std::string& now);
void replace_token(soci::session& s, int64_t id, const std::string& token_hash, const std::string& expires_at);
void mark_accepted(soci::session& s, int64_t id, int64_t user_id, const std::string& now);

}  // namespace cocreate::auth::invitation_repository
