#pragma once
// Challenges: created and changed by the space's owners and innovation managers, read by the
// space's members (externals only when the audience admits them), with a protocol whose every
// amendment stays readable with its date and note. Thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "auth/permissions.hpp"
#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/page.hpp"
#include "ideas/challenge_repository.hpp"
#include "ideas/comment_repository.hpp"
#include "ideas/idea.hpp"

namespace cocreate::ideas {

struct ChallengeInput {
    std::optional<int64_t> space_id;  // create only
    std::optional<std::string> title, problem, audience;
    std::optional<std::vector<std::string>> goals;
    std::optional<std::optional<int64_t>> sponsor_id;
    std::optional<PhaseDates> phases;
    std::optional<int> votes_per_person;
    std::optional<bool> leaderboard;
    std::optional<std::vector<Criterion>> criteria;
    std::optional<std::optional<projects::FitAnswers>> fit;  // null clears
    std::optional<std::string> protocol;  // create only: version 1's text
    int64_t version = 0;                  // update only
};

// A challenge as one caller sees it.
struct ChallengeView {
    Challenge challenge;
    std::string phase;          // today's
    int64_t my_votes_used = 0;  // the caller's votes in it
    bool internal = false;      // the caller is staff: `fit` may be written
};

class ChallengeService {
public:
    ChallengeService(db::Database& db, const core::Clock& clock);

    core::Result<ChallengeView> create(const auth::Principal& p, const ChallengeInput& in);
    core::Result<ChallengeView> get(const auth::Principal& p, int64_t id);
    core::Result<http::Page<ChallengeView>> list(const auth::Principal& p, const challenge_repository::ChallengeFilter& f);
    core::Result<ChallengeView> update(const auth::Principal& p, int64_t id, const ChallengeInput& in);
    // Versions newest first; the cursor is the last version read.
    core::Result<http::Page<ProtocolVersion>> protocol(const auth::Principal& p, int64_t id,
                                                       std::optional<int64_t> after, int limit);
    core::Result<ProtocolVersion> amend_protocol(const auth::Principal& p, int64_t id, const std::string& text,
                                                 const std::string& note);
    // The top 20 by points in this challenge; 404 when the challenge turned it off (its
    // moderators still see it).
    core::Result<std::vector<comment_repository::LeaderRow>> leaderboard(const auth::Principal& p, int64_t id);

    // The challenge's phase today.
    std::string phase_of(const Challenge& c) const;

private:
    ChallengeView view(soci::session& s, const auth::Principal& p, Challenge c) const;

    db::Database& db_;
    const core::Clock& clock_;
};

// The caller's access to a challenge's space: their space role, hidden from an external
// caller when the audience is internal. Used by every ideas service.
auth::Target challenge_target(soci::session& s, const auth::Principal& p, int64_t space_id,
                              const std::string& audience);

}  // namespace cocreate::ideas
