// Stakeholder interest, internal reviews and promotion into a project, through the services,
// on SQLite and (when COCREATE_TEST_POSTGRESQL is set) PostgreSQL.
#include "ideas/insight_service.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <map>

#include "db/migrator.hpp"
#include "db/test_database.hpp"
#include "engagement/interaction_service.hpp"
#include "ideas/challenge_service.hpp"
#include "projects/framework_service.hpp"

namespace cocreate::ideas {
namespace {

class FakeClock final : public core::Clock {
public:
    core::TimePoint now() const override { return core::TimePoint(std::chrono::milliseconds(ms_.load())); }
    void advance_days(int d) { ms_ += int64_t{d} * 86'400'000; }

private:
    std::atomic<long long> ms_{(*core::parse_time("2026-11-23T09:00:00Z")).time_since_epoch().count()};
};

class InsightServiceTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        db = db::open_test_database(GetParam());
        if (!db) GTEST_SKIP() << "COCREATE_TEST_POSTGRESQL not set";
        db::Migrator(*db, db::embedded_migrations(db->engine())).migrate();
        registry = std::make_unique<stakeholders::StakeholderService>(*db, clock);
        frameworks = std::make_unique<projects::FrameworkService>(*db, clock);
        projects = std::make_unique<projects::ProjectService>(*db, clock, *registry);
        interactions = std::make_unique<engagement::InteractionService>(*db, clock, *registry);
        ideas = std::make_unique<IdeaService>(*db, clock);
        challenges = std::make_unique<ChallengeService>(*db, clock);
        insights = std::make_unique<IdeaInsightService>(*db, clock, *ideas, *projects);
        ines = user("ines@example.com", "Ines", "innovation_manager", auth::Role::kInnovationManager);
        sam = user("sam@example.com", "Sam", "member", auth::Role::kMember);
        eve = user("eve@example.com", "Eve", "external", auth::Role::kExternal);
        space_id = space("Depot logistics", {{eve.user_id, "member"}});
        framework_id = frameworks->create(ines, {"Co-innovation", "", std::nullopt})->first.id;
        northwind = stakeholder("Northwind", "customer");
        contoso = stakeholder("Contoso", "partner");
        fabrikam = stakeholder("Fabrikam", "prospect");
        idea_id =
            idea(sam, "Live ETA at depot gates",
                 "**Trucks** wait 40 minutes at _gates_.\n\n- Drivers & dispatch guess (< 5 min)\n- nobody knows");
    }
    auth::Principal user(const std::string& email, const std::string& name, const std::string& role, auth::Role r) {
        long long id = 0;
        const std::string t = core::format_time(clock.now());
        db->write([&](soci::session& s) -> core::Result<bool> {
            s << "INSERT INTO users (email, display_name, password_hash, role, created_at, updated_at, "
                 "password_changed_at) VALUES (:e, :n, 'x', :r, :c, :u, :p) RETURNING id",
                soci::use(email), soci::use(name), soci::use(role), soci::use(t), soci::use(t), soci::use(t),
                soci::into(id);
            return true;
        });
        auth::Principal p;
        p.user_id = id;
        p.display_name = name;
        p.role = r;
        return p;
    }
    int64_t space(const std::string& name, const std::vector<std::pair<int64_t, std::string>>& members) {
        long long id = 0;
        const std::string t = core::format_time(clock.now());
        const long long by = ines.user_id;
        db->write([&](soci::session& s) -> core::Result<bool> {
            s << "INSERT INTO spaces (name, kind, created_by, created_at, updated_at) VALUES (:n, 'challenge_area', "
                 ":b, "
                 ":c, :u) RETURNING id",
                soci::use(name), soci::use(by), soci::use(t), soci::use(t), soci::into(id);
            for (const auto& [user, role] : members) {
                const long long u = user;
                s << "INSERT INTO space_members (space_id, user_id, space_role, added_at) VALUES (:s, :u, :r, :a)",
                    soci::use(id), soci::use(u), soci::use(role), soci::use(t);
            }
            return true;
        });
        return id;
    }
    int64_t stakeholder(const std::string& name, const std::string& kind) {
        stakeholders::StakeholderInput in;
        in.type = "organisation";
        in.name = name;
        in.kind = kind;
        auto x = registry->create(ines, in);
        EXPECT_TRUE(x) << x.error().detail;
        return x ? x->id : 0;
    }
    int64_t idea(const auth::Principal& by, const std::string& title, const std::string& description,
                 std::optional<int64_t> challenge_id = std::nullopt) {
        IdeaInput in;
        if (!challenge_id) in.space_id = space_id;
        in.challenge_id = challenge_id;
        in.title = title;
        in.description = description;
        auto x = ideas->create(by, in);
        EXPECT_TRUE(x) << x.error().detail;
        return x ? x->idea.id : 0;
    }
    InterestInput interest(int64_t who, const std::string& level, std::optional<std::string> noted_on = std::nullopt) {
        InterestInput in;
        in.stakeholder_id = who;
        in.level = level;
        in.noted_on = std::move(noted_on);
        return in;
    }
    int64_t interest_score(int64_t id) { return ideas->get(ines, id)->idea.interest_score; }
    IdeaInternals internals(int64_t id) {
        return db->read([&](soci::session& s) {
            auto x = idea_repository::find_idea(s, id);
            auto c = x->challenge_id ? challenge_repository::find_challenge(s, *x->challenge_id) : std::nullopt;
            return ideas::idea_internals(s, *x, c);
        });
    }
    PromoteInput promotion() {
        PromoteInput in;
        in.framework_id = framework_id;
        in.fit = {5, 4, 4, 5, 3};
        in.hypothesis = "A live ETA halves waiting";
        return in;
    }

    FakeClock clock;
    std::unique_ptr<db::Database> db;
    std::unique_ptr<stakeholders::StakeholderService> registry;
    std::unique_ptr<projects::FrameworkService> frameworks;
    std::unique_ptr<projects::ProjectService> projects;
    std::unique_ptr<engagement::InteractionService> interactions;
    std::unique_ptr<IdeaService> ideas;
    std::unique_ptr<ChallengeService> challenges;
    std::unique_ptr<IdeaInsightService> insights;
    auth::Principal ines, sam, eve;
    int64_t space_id = 0, framework_id = 0, northwind = 0, contoso = 0, fabrikam = 0, idea_id = 0;
};

TEST_P(InsightServiceTest, EachStakeholdersLatestInterestCountsOnce) {
    auto first = insights->record_interest(sam, idea_id, interest(northwind, "curious"));
    ASSERT_TRUE(first) << first.error().detail;
    EXPECT_EQ(first->noted_on, "2026-11-23");  // today by default
    EXPECT_EQ(first->source, "manual");
    EXPECT_EQ(first->kind, "customer");
    ASSERT_TRUE(first->recorded_by);
    EXPECT_EQ(first->recorded_by->display_name, "Sam");
    EXPECT_EQ(interest_score(idea_id), 1);

    ASSERT_TRUE(insights->record_interest(sam, idea_id, interest(northwind, "committed")));
    EXPECT_EQ(interest_score(idea_id), 3);  // replaces curious, does not add to it
    ASSERT_TRUE(insights->record_interest(ines, idea_id, interest(contoso, "interested", "2026-11-20")));
    EXPECT_EQ(interest_score(idea_id), 5);
    // Recorded later but noted earlier: what Contoso said on the 20th still stands.
    ASSERT_TRUE(insights->record_interest(ines, idea_id, interest(contoso, "curious", "2026-11-02")));
    EXPECT_EQ(interest_score(idea_id), 5);

    auto latest = internals(idea_id).interest;
    ASSERT_EQ(latest.size(), 2u);
    EXPECT_EQ(latest[0].stakeholder_id, northwind);  // strongest first
    EXPECT_EQ(latest[0].level, "committed");
    EXPECT_EQ(latest[1].level, "interested");

    // Every record, newest noted_on first, in pages.
    auto page = insights->interest(ines, idea_id, {std::nullopt, 3});
    ASSERT_TRUE(page);
    ASSERT_EQ(page->items.size(), 3u);
    EXPECT_EQ(page->items[0].level, "committed");
    EXPECT_EQ(page->items[1].level, "curious");
    EXPECT_EQ(page->items[2].noted_on, "2026-11-20");
    ASSERT_TRUE(page->next_cursor);
    auto rest = insights->interest(ines, idea_id, {http::parse_key_cursor(*page->next_cursor), 3});
    ASSERT_TRUE(rest);
    ASSERT_EQ(rest->items.size(), 1u);
    EXPECT_EQ(rest->items[0].noted_on, "2026-11-02");
    EXPECT_FALSE(rest->next_cursor);
}

TEST_P(InsightServiceTest, InterestFromAnInteractionNamesItAndItsDay) {
    engagement::InteractionInput call;
    call.title = "Call about gate waiting";
    call.type = "call";
    call.occurred_at = "2026-11-19T15:00:00Z";
    call.stakeholders = std::vector<engagement::InteractionStakeholder>{{northwind}};
    auto held = interactions->create(sam, call);
    ASSERT_TRUE(held) << held.error().detail;

    auto in = interest(northwind, "interested");
    in.interaction_id = held->id;
    auto r = insights->record_interest(sam, idea_id, in);
    ASSERT_TRUE(r) << r.error().detail;
    EXPECT_EQ(r->source, "interaction");
    EXPECT_EQ(r->interaction_id, held->id);
    EXPECT_EQ(r->noted_on, "2026-11-19");

    auto other = interest(contoso, "interested");
    other.interaction_id = held->id;  // Contoso was not in that call
    auto refused = insights->record_interest(sam, idea_id, other);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "interaction_id");

    auto bad = insights->record_interest(sam, idea_id, interest(999999, "keen", "2026-12-01"));
    ASSERT_FALSE(bad);
    ASSERT_EQ(bad.error().errors.size(), 3u);  // every bad field named at once
    EXPECT_EQ(bad.error().errors[0].field, "level");
    EXPECT_EQ(bad.error().errors[1].field, "stakeholder_id");
    EXPECT_EQ(bad.error().errors[2].field, "noted_on");
    EXPECT_FALSE(insights->record_interest(sam, idea_id, interest(contoso, "curious", "23.11.2026")));
    EXPECT_EQ(interest_score(idea_id), 2);  // refused records changed nothing
}

TEST_P(InsightServiceTest, InternalsNeverReachExternalParticipants) {
    ASSERT_TRUE(insights->record_interest(sam, idea_id, interest(northwind, "committed")));
    ASSERT_TRUE(ideas->get(eve, idea_id));  // she sees the idea itself
    auto expect_hidden = [](const auto& r) {
        ASSERT_FALSE(r);
        EXPECT_EQ(r.error().code, core::ErrorCode::kNotFound);
    };
    expect_hidden(insights->interest(eve, idea_id, {}));
    expect_hidden(insights->record_interest(eve, idea_id, interest(northwind, "curious")));
    expect_hidden(insights->reviews(eve, idea_id, {}));
    expect_hidden(insights->review(eve, idea_id, {{{"overall", 5}}, ""}));
    expect_hidden(insights->promote(eve, idea_id, promotion()));
    expect_hidden(insights->interest(sam, 999999, {}));

    auto anonymous = insights->interest(auth::Principal{}, idea_id, {});
    ASSERT_FALSE(anonymous);
    EXPECT_EQ(anonymous.error().code, core::ErrorCode::kUnauthenticated);
    auto member = insights->promote(sam, idea_id, promotion());  // staff, but not an innovation manager
    ASSERT_FALSE(member);
    EXPECT_EQ(member.error().code, core::ErrorCode::kPermissionDenied);
    EXPECT_EQ(interest_score(idea_id), 3);
}

TEST_P(InsightServiceTest, ReviewsScoreTheChallengesCriteriaInTheReviewPhase) {
    ChallengeInput c;
    c.space_id = space_id;
    c.title = "Shorter waits at the gate";
    c.problem = "Trucks queue";
    c.phases = PhaseDates{"2026-11-20", "2026-11-25", "2026-11-28", "2026-12-01", "2026-12-10"};
    c.criteria = std::vector<Criterion>{{"impact", "Customer impact", 2}, {"effort", "Low effort", 1}};
    auto challenge = challenges->create(ines, c);
    ASSERT_TRUE(challenge) << challenge.error().detail;
    const auto in_challenge = idea(sam, "Slot booking", "Book a gate slot", challenge->challenge.id);

    auto early = insights->review(ines, in_challenge, {{{"impact", 5}}, ""});
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().field, "phase");
    EXPECT_EQ(early.error().reason, "failed_precondition");

    clock.advance_days(9);  // 2 December: review
    auto first = insights->review(sam, in_challenge, {{{"impact", 5}, {"effort", 1}}, "Big if it works"});
    ASSERT_TRUE(first) << first.error().detail;
    EXPECT_FALSE(first->replaced);
    EXPECT_EQ(first->review.score, 67);  // (2 × 1 + 1 × 0) / 3
    auto again = insights->review(sam, in_challenge, {{{"impact", 5}, {"effort", 5}}, "Cheaper than I thought"});
    ASSERT_TRUE(again);
    EXPECT_TRUE(again->replaced);
    EXPECT_EQ(again->review.score, 100);
    clock.advance_days(1);
    auto partial = insights->review(ines, in_challenge, {{{"impact", 1}}, ""});  // effort left out keeps its weight
    ASSERT_TRUE(partial);
    EXPECT_EQ(partial->review.score, 0);

    auto bad = insights->review(ines, in_challenge, {{{"overall", 3}, {"impact", 6}}, std::string(4001, 'x')});
    ASSERT_FALSE(bad);
    ASSERT_EQ(bad.error().errors.size(), 3u);
    EXPECT_EQ(bad.error().errors[0].field, "scores.impact");  // keys in order
    EXPECT_EQ(bad.error().errors[1].field, "scores.overall");
    EXPECT_EQ(bad.error().errors[2].field, "note");

    auto page = insights->reviews(sam, in_challenge, {std::nullopt, 1});
    ASSERT_TRUE(page);
    ASSERT_EQ(page->items.size(), 1u);
    EXPECT_EQ(page->items[0].reviewer.id, ines.user_id);  // newest first
    ASSERT_TRUE(page->next_cursor);
    auto rest = insights->reviews(sam, in_challenge, {http::parse_key_cursor(*page->next_cursor), 1});
    ASSERT_TRUE(rest);
    ASSERT_EQ(rest->items.size(), 1u);
    EXPECT_EQ(rest->items[0].reviewer.id, sam.user_id);
    EXPECT_EQ(rest->items[0].note, "Cheaper than I thought");
    EXPECT_EQ(rest->items[0].scores.at("effort"), 5);

    const auto summary = internals(in_challenge).review;
    EXPECT_EQ(summary.count, 2);
    EXPECT_EQ(summary.score, 50);

    // A stand-alone idea is reviewed any time, on one overall score.
    auto overall = insights->review(ines, idea_id, {{{"overall", 4}}, ""});
    ASSERT_TRUE(overall);
    EXPECT_EQ(overall->review.score, 75);
    auto criterion = insights->review(ines, idea_id, {{{"impact", 4}}, ""});
    ASSERT_FALSE(criterion);
    EXPECT_EQ(criterion.error().field, "scores.impact");
    EXPECT_EQ(internals(idea_id).review.score, 75);
}

TEST_P(InsightServiceTest, PromotionCreatesTheProjectAndMovesTheIdeaIntoIt) {
    ASSERT_TRUE(ideas->add_co_author(sam, idea_id, eve.user_id));   // externals never join a project team
    ASSERT_TRUE(ideas->add_co_author(sam, idea_id, ines.user_id));  // the lead is not on the team as well
    ASSERT_TRUE(insights->record_interest(sam, idea_id, interest(contoso, "interested")));
    ASSERT_TRUE(insights->record_interest(sam, idea_id, interest(northwind, "committed")));
    ASSERT_TRUE(insights->record_interest(sam, idea_id, interest(fabrikam, "curious")));

    auto unknown = promotion();
    unknown.framework_id = 999999;
    auto refused = insights->promote(ines, idea_id, unknown);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "framework_id");
    EXPECT_EQ(ideas->get(ines, idea_id)->idea.status, "new");  // nothing half done
    auto empty = promotion();
    empty.hypothesis = "  ";
    EXPECT_EQ(insights->promote(ines, idea_id, empty).error().field, "hypothesis");

    auto done = insights->promote(ines, idea_id, promotion());
    ASSERT_TRUE(done) << done.error().detail;
    const auto& project = done->project;
    EXPECT_EQ(project.title, "Live ETA at depot gates");
    EXPECT_EQ(project.problem_statement,
              "Trucks wait 40 minutes at gates.\n\n- Drivers & dispatch guess (< 5 min)\n- nobody knows");
    EXPECT_EQ(project.hypothesis, "A live ETA halves waiting");
    EXPECT_EQ(project.lead.id, ines.user_id);
    ASSERT_EQ(project.team.size(), 1u);
    EXPECT_EQ(project.team[0].user_id, sam.user_id);
    EXPECT_EQ(project.team[0].role, "idea author");
    ASSERT_EQ(project.stakeholders.size(), 3u);
    std::map<int64_t, std::string> roles;
    for (const auto& st : project.stakeholders) roles[st.stakeholder_id] = st.role;
    EXPECT_EQ(roles[northwind], "customer");
    EXPECT_EQ(roles[fabrikam], "customer");  // prospects too
    EXPECT_EQ(roles[contoso], "partner");
    EXPECT_EQ(project.idea_ids, std::vector<int64_t>{idea_id});
    EXPECT_EQ(done->idea.idea.status, "in_project");
    EXPECT_EQ(done->idea.idea.project_id, project.id);
    EXPECT_EQ(projects->get(ines, project.id)->idea_ids, std::vector<int64_t>{idea_id});

    auto twice = insights->promote(ines, idea_id, promotion());
    ASSERT_FALSE(twice);
    EXPECT_EQ(twice.error().code, core::ErrorCode::kConflict);
    EXPECT_FALSE(ideas->set_status(ines, idea_id, "parked", std::nullopt));  // an in_project idea keeps it
}

TEST_P(InsightServiceTest, PromotionTakesTheTitleAndProblemGiven) {
    auto in = promotion();
    in.title = "Gate ETA pilot";
    in.problem_statement = "Waiting costs the depots money";
    auto done = insights->promote(ines, idea_id, in);
    ASSERT_TRUE(done) << done.error().detail;
    EXPECT_EQ(done->project.title, "Gate ETA pilot");
    EXPECT_EQ(done->project.problem_statement, "Waiting costs the depots money");
    EXPECT_TRUE(done->project.team.size() == 1 && done->project.stakeholders.empty());

    const auto bare = idea(sam, "Nothing written yet", "");
    auto no_problem = insights->promote(ines, bare, promotion());
    ASSERT_FALSE(no_problem);
    EXPECT_EQ(no_problem.error().field, "problem_statement");
}

TEST_P(InsightServiceTest, ProjectsLinkIdeasThatExist) {
    projects::NewProject n;
    n.title = "Gate ETA";
    n.problem_statement = "Trucks wait";
    n.hypothesis = "ETA helps";
    n.framework_id = framework_id;
    n.idea_ids = {idea_id, 999999};
    auto refused = projects->create(ines, n);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "idea_ids[1]");

    n.idea_ids = {idea_id};
    auto p = projects->create(ines, n);
    ASSERT_TRUE(p) << p.error().detail;
    EXPECT_EQ(p->idea_ids, std::vector<int64_t>{idea_id});
    EXPECT_EQ(ideas->get(ines, idea_id)->idea.project_id, p->id);
    auto listed = projects->list(ines, {});
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->items.size(), 1u);
    EXPECT_EQ(listed->items[0].idea_ids, std::vector<int64_t>{idea_id});

    projects::ProjectChanges unlink;
    unlink.version = p->version;
    unlink.idea_ids = std::vector<int64_t>{};
    auto changed = projects->update(ines, p->id, unlink);
    ASSERT_TRUE(changed) << changed.error().detail;
    EXPECT_TRUE(changed->idea_ids.empty());
    EXPECT_FALSE(ideas->get(ines, idea_id)->idea.project_id);
}

INSTANTIATE_TEST_SUITE_P(Engines, InsightServiceTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace cocreate::ideas
