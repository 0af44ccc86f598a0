#pragma once
// SQL for challenges and their protocol versions. Runs on the caller's session, inside the
// caller's transaction; no permission checks.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "ideas/idea.hpp"

namespace cocreate::ideas::challenge_repository {

int64_t insert_challenge(soci::session& s, const Challenge& c, int64_t by, const std::string& now);
// Writes every column of `c` and bumps the version; false when the stored version is no
// longer `c.version`.
bool update_challenge(soci::session& s, const Challenge& c, const std::string& now);
void insert_protocol(soci::session& s, int64_t challenge_id, const ProtocolVersion& v, int64_t by);
std::optional<Challenge> find_challenge(soci::session& s, int64_t id);
// Just what access to a challenge's ideas rests on: its space and audience (one row, no joins).
struct ChallengeScope {
    int64_t space_id = 0;
    std::string audience;
};
std::optional<ChallengeScope> find_challenge_scope(soci::session& s, int64_t id);

struct ChallengeFilter {
    std::optional<int64_t> space_id;
    std::optional<std::string> q;
    // Only challenges in spaces `member_of` belongs to whose audience admits externals
    // (for external participants); nullopt: all.
    std::optional<int64_t> member_of;
    // Only challenges in this phase on `today` (YYYY-MM-DD); both or neither.
    std::optional<std::string> phase, today;
    std::optional<int64_t> after;
    int limit = 50;
};
// Newest first, limit + 1.
std::vector<Challenge> list_challenges(soci::session& s, const ChallengeFilter& f);
// The versions before `before_version` (all when nullopt), newest first, limit + 1.
std::vector<ProtocolVersion> protocol_versions(soci::session& s, int64_t challenge_id,
                                               std::optional<int64_t> before_version, int limit);
void add_to_idea_count(soci::session& s, int64_t challenge_id, int delta);

}  // namespace cocreate::ideas::challenge_repository
