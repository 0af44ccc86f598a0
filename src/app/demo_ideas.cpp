// The demo company's ideas and challenges, written through the services: an open challenge in
// the customer community (in discussion, with Clara's ideas, a build-on link, comments and
// recorded customer interest), a challenge in the lab whose ideas are being voted on, and a
// stand-alone idea.
#include <stdexcept>

#include "app/demo_engagement.hpp"

namespace cocreate::app {

namespace {

template <typename T>
T must(core::Result<T> r, const char* what) {
    if (!r) throw std::runtime_error(std::string("demo ideas: ") + what + ": " + r.error().detail);
    return std::move(*r);
}

auth::Principal as(int64_t id, const char* name, auth::Role role) {
    auth::Principal p;
    p.user_id = id;
    p.display_name = name;
    p.role = role;
    return p;
}

// Phase dates around `today` so that the challenge is in `phase` (submission … voting).
ideas::PhaseDates dates_for(core::Date today, int phase_index) {
    using std::chrono::days;
    // Each phase lasts two weeks; `phase_index` 1 = submission, 2 = discussion, 3 = voting.
    const auto opens = today - days(14 * (phase_index - 1) + 3);
    auto at = [&](int k) { return core::format_date(opens + days(14 * k)); };
    return {at(0), at(1), at(2), at(3), at(4)};
}

ideas::IdeaInput idea(int64_t challenge_id, std::string title, std::string description, std::vector<std::string> tags) {
    ideas::IdeaInput in;
    in.challenge_id = challenge_id;
    in.title = std::move(title);
    in.description = std::move(description);
    in.tags = std::move(tags);
    return in;
}

}  // namespace

void load_demo_ideas(App& app, const DemoIds& ids, const DemoStakeholders& who) {
    const auto ines = as(ids.innovation_manager, "Ines Innovation", auth::Role::kInnovationManager);
    const auto sam = as(ids.sales, "Sam Sales", auth::Role::kMember);
    const auto fay = as(ids.facilitator, "Fay Facilitator", auth::Role::kMember);
    const auto clara = as(ids.customer, "Clara Customer", auth::Role::kExternal);
    const auto today = core::date_of(app.clock().now());
    auto& challenges = app.challenges();
    auto& ideas = app.ideas();
    auto& talk = app.discussion();

    ideas::ChallengeInput open;
    open.space_id = ids.community_space;
    open.title = "How might deliveries announce themselves?";
    open.problem = "Receiving teams learn that a truck is coming when it is **at the gate**. "
                   "What would let them prepare — people, docks, paperwork — before it arrives?";
    open.goals = std::vector<std::string>{"Ideas a depot could try within three months",
                                          "Something receiving teams would use without training"};
    open.audience = "both";
    open.sponsor_id = std::optional<int64_t>(ids.admin);
    open.phases = dates_for(today, 2);
    open.votes_per_person = 3;
    open.criteria = std::vector<ideas::Criterion>{{"impact", "Cuts waiting time at the gate", 3},
                                                  {"effort", "Can be piloted with what depots have", 2}};
    open.fit = std::optional<projects::FitAnswers>(projects::FitAnswers{4, 4, 5, 4, 3});
    open.protocol = "Build on each other's ideas: say what you add. Criticise ideas, never people. "
                    "Ideas stay with their authors; the best ones go into a pilot with them.";
    const auto c = must(challenges.create(ines, open), "open challenge").challenge;

    const auto sms = must(ideas.create(clara, idea(c.id, "Text the gate when the truck leaves the last stop",
                                                   "The driver's app already knows the route. One **SMS** to the gate "
                                                   "team when the truck leaves its last stop gives 20–40 minutes' notice.",
                                                   {"notification", "drivers"})),
                          "SMS idea");
    const auto screen = must(ideas.create(sam, idea(c.id, "A screen at the dock with every truck's ETA",
                                                    "Show the next six arrivals with live ETAs on a screen next to the "
                                                    "dock doors, coloured by how soon they arrive.",
                                                    {"eta", "dock"})),
                             "screen idea");
    must(ideas.build_on(sam, screen.idea.id, sms.idea.id), "build on");
    must(ideas.create(fay, idea(c.id, "Book dock slots when the truck is an hour away",
                                "Let the dispatcher book a dock slot automatically once the ETA is under an hour, "
                                "so paperwork is printed before the truck arrives.",
                                {"slots", "eta"})),
         "slot idea");

    const auto first = must(talk.create(fay, sms.idea.id, {"Our drivers already text the office; could the app do it for them?", {}, {}, false}),
                            "comment");
    must(talk.create(clara, sms.idea.id, {"Yes — the route app sends the message itself, no typing while driving.", first.comment.id, {}, false}),
         "reply");
    must(talk.mark_helpful(sam, first.comment.id, true), "helpful");
    must(talk.create(clara, screen.idea.id, {"Combined with the text message this would cover both the gate and the dock.", {}, {}, false}),
         "comment on screen");

    auto& insight = app.idea_insight();
    must(insight.record_interest(ines, sms.idea.id, {who.northwind, "committed", std::nullopt, std::nullopt}), "interest");
    must(insight.record_interest(ines, screen.idea.id, {who.contoso, "interested", std::nullopt, std::nullopt}), "interest");

    // In the lab: a challenge whose ideas are being voted on.
    ideas::ChallengeInput lab;
    lab.space_id = ids.lab_space;
    lab.title = "Fewer empty returns from Northwind depots";
    lab.problem = "A third of the trucks leave Northwind's depots empty. Where could they carry something back?";
    lab.audience = "both";
    lab.phases = dates_for(today, 1);
    lab.votes_per_person = 2;
    const auto v = must(challenges.create(ines, lab), "lab challenge").challenge;
    const auto pallets = must(ideas.create(clara, idea(v.id, "Carry empty pallets back to the pool",
                                                       "The pallet pool pays for transport; empty trucks could take "
                                                       "pallets back on their way.",
                                                       {"pallets"})),
                              "pallets");
    const auto returns = must(ideas.create(sam, idea(v.id, "Pick up customer returns on the way back",
                                                     "Retail customers near the depots have returns waiting; collect them "
                                                     "on the return leg.",
                                                     {"returns"})),
                              "returns");
    ideas::ChallengeInput to_voting;
    to_voting.phases = dates_for(today, 3);
    to_voting.version = v.version;
    must(challenges.update(ines, v.id, to_voting), "voting");
    must(ideas.vote(sam, pallets.idea.id), "vote");
    must(ideas.vote(fay, pallets.idea.id), "vote");
    must(ideas.vote(clara, returns.idea.id), "vote");

    ideas::IdeaInput standalone;
    standalone.space_id = ids.community_space;
    standalone.title = "Share the depot opening hours in one place";
    standalone.description = "Drivers call three numbers to learn when a depot opens on holidays. One page would do.";
    standalone.tags = std::vector<std::string>{"depots"};
    must(ideas.create(clara, standalone), "stand-alone idea");
}

}  // namespace cocreate::app
