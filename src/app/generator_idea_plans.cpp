// `cocreate gen`, the plan of ideas and challenges: when each challenge runs, which ideas
// answer it and when they came, who wrote them, what they build on, who voted for them, how
// much discussion each draws, and (drafted as each idea is written) its comments and
// stakeholder interest. No database access; generator_ideas.cpp writes the rows.

#include <cmath>
#include <set>

#include "app/generator_idea_plan.hpp"
#include "app/generator_idea_vocabulary.hpp"
#include "ideas/idea_rules.hpp"

namespace cocreate::app::gen {

namespace {

// Indices drawn in proportion to a weight, by bisection over the running sums.
class WeightedPick {
public:
    void add(double weight) {
        total_ += std::max(0.0, weight);
        sums_.push_back(total_);
    }
    bool empty() const { return total_ <= 0; }
    size_t draw(Dice& dice) const {
        const auto it = std::upper_bound(sums_.begin(), sums_.end(), dice.unit() * total_);
        return std::min(sums_.size() - 1, static_cast<size_t>(it - sums_.begin()));
    }

private:
    std::vector<double> sums_;
    double total_ = 0;
};

bool contains(const std::vector<int64_t>& v, int64_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

bool has_voted(const IdeaPlan& x, int64_t user) {
    return std::any_of(x.votes.begin(), x.votes.end(), [&](const VotePlan& v) { return v.user == user; });
}

// Where ideas go: ~85% answer a challenge (the busier ones more, one still in submission
// only as far as it got), the rest stand alone in a space.
void place_ideas(Dice& dice, const Company& co, IdeaWorld& w) {
    const int64_t last = co.now_ms - kHourMs;
    WeightedPick challenges;
    for (const auto& c : w.challenges) {
        const int64_t end = std::min(c.opens[2], last);
        const double share =
            end > c.opens[0] ? static_cast<double>(end - c.opens[0]) / static_cast<double>(c.opens[2] - c.opens[0]) : 0;
        challenges.add((0.2 + 2.5 * std::pow(dice.unit(), 3)) * share);
    }
    w.ideas.resize(static_cast<size_t>(co.counts.ideas));
    for (auto& x : w.ideas) {
        x.appeal = 0.1 + 30 * std::pow(dice.unit(), 8);
        if (!challenges.empty() && dice.chance(0.85)) {
            x.challenge = static_cast<int32_t>(challenges.draw(dice));
            auto& c = w.challenges[static_cast<size_t>(x.challenge)];
            ++c.ideas;
            x.space = c.space;
            x.theme = c.theme;
            x.created_ms = c.opens[0] + dice.between(0, std::min(c.opens[2], last) - c.opens[0] - 1);
            x.open_until_ms = std::min(c.opens[3], last);
        } else {
            x.space = static_cast<int32_t>(dice.skewed(w.spaces.size()));
            const auto& themes = w.spaces[static_cast<size_t>(x.space)].themes;
            x.theme = themes[static_cast<size_t>(dice.between(0, std::ssize(themes) - 1))];
            x.created_ms = last - dice.between(0, 3 * 365 * kDayMs);
            x.open_until_ms = last;
        }
    }
    std::stable_sort(w.ideas.begin(), w.ideas.end(),
                     [](const IdeaPlan& a, const IdeaPlan& b) { return a.created_ms < b.created_ms; });
}

// One author for most ideas, co-authors for some; build-on links to recent ideas of the same
// challenge (stand-alone ideas: of the same space).
void draw_authors_and_links(Dice& dice, const Company& co, IdeaWorld& w) {
    static constexpr std::array<Weighted, 3> kAuthors = {{{"1", 75}, {"2", 20}, {"3", 5}}};
    std::vector<std::vector<int32_t>> groups(w.challenges.size() + w.spaces.size());
    for (size_t i = 0; i < w.ideas.size(); ++i) {
        auto& x = w.ideas[i];
        const auto& space = w.spaces[static_cast<size_t>(x.space)];
        const auto n = std::stoi(dice.weighted(kAuthors));
        for (int attempt = 0; std::ssize(x.authors) < n && attempt < 10; ++attempt) {
            const auto u = draw_participant(dice, co, space, w.externals_for(x), 0.45);
            if (!contains(x.authors, u)) x.authors.push_back(u);
        }
        auto& group = groups[x.challenge >= 0 ? static_cast<size_t>(x.challenge)
                                              : w.challenges.size() + static_cast<size_t>(x.space)];
        if (!group.empty() && dice.chance(0.06)) {
            const int64_t from = std::max<int64_t>(0, std::ssize(group) - 200);
            for (int64_t k = dice.chance(0.8) ? 1 : 2; k > 0; --k) {
                const auto base = group[static_cast<size_t>(dice.between(from, std::ssize(group) - 1))];
                if (std::find(x.builds_on.begin(), x.builds_on.end(), base) == x.builds_on.end())
                    x.builds_on.push_back(base);
            }
        }
        group.push_back(static_cast<int32_t>(i));
    }
}

// Challenge votes: a share of the participants vote in the voting phase, each using up to the
// challenge's budget, on ideas picked in proportion to their appeal (not their own).
void vote_in_challenges(Dice& dice, const Company& co, IdeaWorld& w) {
    static constexpr std::array<Weighted, 4> kUsed = {{{"1", 10}, {"2", 10}, {"3", 15}, {"all", 65}}};
    const int64_t last = co.now_ms - kHourMs;
    std::vector<std::vector<int32_t>> of(w.challenges.size());
    for (size_t i = 0; i < w.ideas.size(); ++i)
        if (w.ideas[i].challenge >= 0) of[static_cast<size_t>(w.ideas[i].challenge)].push_back(static_cast<int32_t>(i));
    for (size_t c = 0; c < w.challenges.size(); ++c) {
        const auto& ch = w.challenges[c];
        const int64_t until = std::min(ch.opens[3], last);
        if (of[c].empty() || until <= ch.opens[2]) continue;
        WeightedPick pick;
        for (auto i : of[c]) pick.add(w.ideas[static_cast<size_t>(i)].appeal);
        std::vector<int64_t> voters(co.users.begin() + 1, co.users.end());
        if (ch.admits_externals()) {
            const auto& ext = w.spaces[static_cast<size_t>(ch.space)].externals;
            voters.insert(voters.end(), ext.begin(), ext.end());
        }
        const double turnout = 0.25 + 0.35 * dice.unit();
        for (const auto voter : voters) {
            if (!dice.chance(turnout)) continue;
            const char* used = dice.weighted(kUsed);
            const int budget =
                std::string_view(used) == "all" ? ch.votes_per_person : std::min(ch.votes_per_person, std::stoi(used));
            for (int cast = 0, attempt = 0; cast < budget && attempt < 4 * budget; ++attempt) {
                auto& x = w.ideas[static_cast<size_t>(of[c][pick.draw(dice)])];
                if (contains(x.authors, voter) || has_voted(x, voter)) continue;
                x.votes.push_back({voter, ch.opens[2] + dice.between(0, until - ch.opens[2] - 1)});
                ++cast;
            }
        }
    }
}

// Stand-alone ideas take votes at any time, one per person, without a budget.
void vote_on_stand_alone(Dice& dice, const Company& co, IdeaWorld& w) {
    for (auto& x : w.ideas) {
        if (x.challenge >= 0) continue;
        const auto& space = w.spaces[static_cast<size_t>(x.space)];
        for (int64_t n = dice.between(0, std::llround(x.appeal * 2)); n > 0; --n) {
            const auto voter = draw_participant(dice, co, space, space.external_allowed, 0.4);
            if (contains(x.authors, voter) || has_voted(x, voter)) continue;
            x.votes.push_back(
                {voter, x.created_ms + dice.between(0, std::max<int64_t>(1, x.open_until_ms - x.created_ms) - 1)});
        }
    }
}

// Exactly co.counts.comments comments, each on an idea drawn by appeal (ideas that were open
// for discussion less than a day draw fewer).
void count_comments(Dice& dice, const Company& co, IdeaWorld& w) {
    WeightedPick pick;
    for (const auto& x : w.ideas) pick.add(x.appeal * (x.open_until_ms - x.created_ms >= kDayMs ? 1.0 : 0.2));
    if (pick.empty()) return;
    for (int64_t n = 0; n < co.counts.comments; ++n) ++w.ideas[pick.draw(dice)].comments;
}

// A held interaction after the idea was written, from which a stakeholder's interest is noted.
const InteractionBrief* interaction_after(Dice& dice, const Company& co, int64_t from_ms, int64_t until_ms) {
    const auto by_time = [](const InteractionBrief& i, int64_t t) { return i.at_ms < t; };
    const auto lo = std::lower_bound(co.interactions.begin(), co.interactions.end(), from_ms, by_time);
    const auto hi = std::lower_bound(lo, co.interactions.end(), until_ms, by_time);
    if (lo == hi) return nullptr;
    const auto& i = *(lo + dice.between(0, hi - lo - 1));
    return i.held ? &i : nullptr;
}

}  // namespace

// The idea's discussion, oldest first: replies to earlier comments, now and then a mention of
// the author, a few hidden by the space's moderator, some marked helpful by others.
std::vector<CommentDraft> draft_comments(Dice& dice, const Company& co, const IdeaWorld& w, const IdeaPlan& x) {
    const auto& space = w.spaces[static_cast<size_t>(x.space)];
    const bool externals = w.externals_for(x);
    const int64_t span = std::max<int64_t>(1, x.open_until_ms - x.created_ms);
    std::vector<CommentDraft> out(static_cast<size_t>(x.comments));
    for (auto& c : out) c.at_ms = x.created_ms + dice.between(0, span - 1);
    std::sort(out.begin(), out.end(), [](const CommentDraft& a, const CommentDraft& b) { return a.at_ms < b.at_ms; });
    for (size_t k = 0; k < out.size(); ++k) {
        auto& c = out[k];
        c.author = draw_participant(dice, co, space, externals, 0.4);
        if (k > 0 && dice.chance(0.35)) c.parent = static_cast<int32_t>(dice.between(0, static_cast<int64_t>(k) - 1));
        c.mention = c.author != x.authors.front() && dice.chance(0.03);
        c.hidden = dice.chance(0.003);
        if (c.hidden || !dice.chance(0.08)) continue;
        for (int64_t n = dice.between(1, 3); n > 0; --n) {
            const auto by = draw_participant(dice, co, space, externals, 0.4);
            const bool taken =
                std::any_of(c.helpful.begin(), c.helpful.end(), [&](const VotePlan& h) { return h.user == by; });
            if (by != c.author && !taken)
                c.helpful.push_back(
                    {by, c.at_ms + dice.between(0, std::max<int64_t>(1, x.open_until_ms - c.at_ms) - 1)});
        }
    }
    return out;
}

// Interest of one to four stakeholders in an appealing idea, each with one to three records
// on distinct days (the level mostly rising); a third first noted in an interaction.
std::vector<InterestDraft> draft_interest(Dice& dice, const Company& co, const std::vector<int32_t>& orgs,
                                          const IdeaPlan& x, int64_t& score) {
    static constexpr std::array<Weighted, 3> kFirst = {{{"0", 50}, {"1", 35}, {"2", 15}}};
    static constexpr std::array<Weighted, 3> kRecords = {{{"1", 60}, {"2", 30}, {"3", 10}}};
    std::vector<InterestDraft> out;
    score = 0;
    if (orgs.empty() || !dice.chance(std::min(0.6, 0.03 * x.appeal))) return out;
    const int64_t last = co.now_ms - kHourMs;
    std::set<int64_t> who;
    for (int64_t n = dice.between(1, 3) + (dice.chance(0.2) ? 1 : 0); n > 0; --n) {
        InterestDraft first;
        const auto* met = dice.chance(0.3) ? interaction_after(dice, co, x.created_ms, last) : nullptr;
        int32_t index = 0;
        if (met) {
            index = met->stakeholder;
            first.interaction = met->id;
            first.noted_ms = day_floor(met->at_ms);
        } else {
            const auto org = orgs[dice.skewed(orgs.size())];
            const auto& people = co.people[static_cast<size_t>(org)];
            index = people.empty() || dice.chance(0.4)
                        ? org
                        : people[static_cast<size_t>(dice.between(0, std::ssize(people) - 1))];
            first.noted_ms = day_floor(x.created_ms) +
                             dice.between(0, (day_floor(last) - day_floor(x.created_ms)) / kDayMs) * kDayMs;
        }
        first.stakeholder = co.stakeholders[static_cast<size_t>(index)].id;
        if (!who.insert(first.stakeholder).second) continue;
        first.level = std::stoi(dice.weighted(kFirst));
        int level = first.level;
        int64_t day = first.noted_ms;
        for (int64_t r = std::stoi(dice.weighted(kRecords)); r > 0 && day <= last; --r) {
            InterestDraft d = first;
            if (!out.empty() && out.back().stakeholder == first.stakeholder) {
                d.interaction.reset();
                const double u = dice.unit();
                level = std::clamp(level + (u < 0.7 ? 1 : u < 0.85 ? -1 : 0), 0, 2);
            }
            d.level = level;
            d.noted_ms = day;
            d.by = co.user(co.random_member(dice));
            d.recorded_ms = std::min(last, business_time(dice, day) + dice.between(0, 3) * kDayMs);
            out.push_back(d);
            day += dice.between(1, 30) * kDayMs;
        }
        // Each stakeholder counts once, with the latest record (ideas::interest_points).
        score += ideas::interest_points(ideas::kInterestLevels[static_cast<size_t>(out.back().level)]);
    }
    return out;
}

int64_t draw_participant(Dice& dice, const Company& co, const SpacePlan& space, bool externals, double p_external) {
    if (externals && !space.externals.empty() && dice.chance(p_external))
        return space.externals[static_cast<size_t>(dice.between(0, std::ssize(space.externals) - 1))];
    return co.user(co.random_member(dice));
}

void plan_challenges(Dice& dice, const Company& co, IdeaWorld& w) {
    static constexpr std::array<Weighted, 3> kAudiences = {{{"both", 60}, {"internal", 20}, {"external", 20}}};
    static constexpr std::array<Weighted, 3> kBudgets = {{{"3", 20}, {"5", 60}, {"10", 20}}};
    const int64_t today = day_floor(co.now_ms);
    for (int64_t i = 0; i < co.counts.challenges; ++i) {
        ChallengePlan c;
        c.space = static_cast<int32_t>(dice.skewed(w.spaces.size()));
        const auto& space = w.spaces[static_cast<size_t>(c.space)];
        c.theme = space.themes[static_cast<size_t>(dice.between(0, std::ssize(space.themes) - 1))];
        c.audience = space.external_allowed ? dice.weighted(kAudiences) : "internal";
        // Phases: submission 2-5 weeks, discussion and voting 1-2 weeks each, review 2-4 weeks.
        c.opens[0] =
            dice.chance(0.02) ? today + dice.between(1, 30) * kDayMs : today - dice.between(1, 3 * 365) * kDayMs;
        const std::array<int64_t, 4> days = {dice.between(14, 35), dice.between(7, 14), dice.between(7, 14),
                                             dice.between(14, 28)};
        for (size_t k = 0; k < days.size(); ++k) c.opens[k + 1] = c.opens[k] + days[k] * kDayMs;
        c.votes_per_person = std::stoi(dice.weighted(kBudgets));
        w.challenges.push_back(c);
    }
}

void plan_ideas(Dice& dice, const Company& co, IdeaWorld& w) {
    place_ideas(dice, co, w);
    draw_authors_and_links(dice, co, w);
    vote_in_challenges(dice, co, w);
    vote_on_stand_alone(dice, co, w);
    count_comments(dice, co, w);
}

}  // namespace cocreate::app::gen
