#pragma once
// Internal to `cocreate gen`: the plan of the ideas phase, made before any idea row is written
// (generator_idea_plans.cpp) and written as rows by generator_ideas.cpp. Planning first lets
// the rows carry their denormalised counts (votes, comments) from the start and keeps every
// vote inside its challenge's voting phase and budget.

#include <array>
#include <optional>
#include <string_view>

#include "app/generator_model.hpp"

namespace cocreate::app::gen {

struct SpacePlan {
    int64_t id = 0;
    bool external_allowed = true;
    int64_t owner = 0;               // an internal user, the space's owner (and its moderator)
    std::vector<int32_t> themes;     // indices into kIdeaThemes; [0] is the space's own
    std::vector<int64_t> externals;  // ids of the external participants who are members
};

// In the order of ideas::kPhases.
enum class ChallengePhase { kUpcoming, kSubmission, kDiscussion, kVoting, kReview, kClosed };

struct ChallengePlan {
    int64_t id = 0;
    int32_t space = 0, theme = 0;
    const char* audience = "both";
    // 00:00 UTC of the days submission, discussion, voting and review open, and of closing.
    std::array<int64_t, 5> opens{};
    int votes_per_person = 5;
    int64_t ideas = 0;
    ChallengePhase phase(int64_t now_ms) const {
        int p = 0;
        for (const auto o : opens)
            if (now_ms >= o) ++p;
        return static_cast<ChallengePhase>(p);
    }
    bool admits_externals() const { return std::string_view(audience) != "internal"; }
};

struct VotePlan {
    int64_t user = 0, at_ms = 0;
};

struct IdeaPlan {
    int32_t challenge = -1;  // index into IdeaWorld::challenges; -1 for a stand-alone idea
    int32_t space = 0, theme = 0;
    int64_t created_ms = 0;
    int64_t open_until_ms = 0;       // comments and helpful marks before this (review opens, or now)
    double appeal = 0;               // how much attention the idea draws: votes, comments, interest
    std::vector<int64_t> authors;    // user ids, the author first, then co-authors
    std::vector<int32_t> builds_on;  // indices of earlier ideas of the same space
    std::vector<VotePlan> votes;
    int32_t comments = 0;
};

struct IdeaWorld {
    std::vector<SpacePlan> spaces;
    std::vector<ChallengePlan> challenges;
    std::vector<IdeaPlan> ideas;  // in time order, as they are written: ids grow with created_ms
    bool externals_for(const IdeaPlan& x) const {
        return x.challenge < 0 ? spaces[static_cast<size_t>(x.space)].external_allowed
                               : challenges[static_cast<size_t>(x.challenge)].admits_externals();
    }
};

// Someone who may take part in a space: one of its external members (with probability
// `p_external`, when `externals` and it has any) or an internal user.
int64_t draw_participant(Dice& dice, const Company& co, const SpacePlan& space, bool externals, double p_external);

// Challenges over the last three years (a few upcoming), in the spaces of `w`.
void plan_challenges(Dice& dice, const Company& co, IdeaWorld& w);
// Ideas in time order with challenge or space, authors, build-on links, votes (within each
// challenge's voting phase and per-person budget; never for one's own idea) and the number
// of comments each draws (exactly co.counts.comments in all).
void plan_ideas(Dice& dice, const Company& co, IdeaWorld& w);

// One comment of an idea, planned before it is written.
struct CommentDraft {
    int64_t author = 0, at_ms = 0;
    int32_t parent = -1;  // index of an earlier comment of the same idea
    bool hidden = false, mention = false;
    std::vector<VotePlan> helpful;  // who marked it helpful, when
};

// One stakeholder interest record of an idea.
struct InterestDraft {
    int64_t stakeholder = 0, noted_ms = 0, by = 0, recorded_ms = 0;
    int level = 0;  // index into ideas::kInterestLevels
    std::optional<Int> interaction;
};

// The idea's discussion: x.comments comments, oldest first, replies to earlier comments, now
// and then a mention of the author, a few hidden by the space's moderator, some marked helpful.
std::vector<CommentDraft> draft_comments(Dice& dice, const Company& co, const IdeaWorld& w, const IdeaPlan& x);
// Interest in an appealing idea from stakeholders of `orgs` (organisation indices, most
// visited first) or met in interactions; `score` is the idea's interest_score: each
// stakeholder counts once, with its latest record (ideas::interest_points).
std::vector<InterestDraft> draft_interest(Dice& dice, const Company& co, const std::vector<int32_t>& orgs,
                                          const IdeaPlan& x, int64_t& score);

}  // namespace cocreate::app::gen
