// Projects through the service, on SQLite and (when COCREATE_TEST_POSTGRESQL is set)
// PostgreSQL: intake fit check, health from the data, KPI values against the phase.
#include "projects/project_service.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>

#include "db/migrator.hpp"
#include "db/test_database.hpp"
#include "engagement/interaction_service.hpp"
#include "projects/framework_service.hpp"

namespace cocreate::projects {
namespace {

class FakeClock final : public core::Clock {
public:
    core::TimePoint now() const override { return core::TimePoint(std::chrono::milliseconds(ms_.load())); }
    void advance_days(int d) { ms_ += int64_t{d} * 86'400'000; }

private:
    std::atomic<long long> ms_{(*core::parse_time("2026-11-23T09:00:00Z")).time_since_epoch().count()};
};

class ProjectServiceTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        db = db::open_test_database(GetParam());
        if (!db) GTEST_SKIP() << "COCREATE_TEST_POSTGRESQL not set";
        db::Migrator(*db, db::embedded_migrations(db->engine())).migrate();
        registry = std::make_unique<stakeholders::StakeholderService>(*db, clock);
        frameworks = std::make_unique<FrameworkService>(*db, clock);
        projects = std::make_unique<ProjectService>(*db, clock, *registry);
        interactions = std::make_unique<engagement::InteractionService>(*db, clock, *registry);
        ines = user("ines@example.com", "Ines", "innovation_manager", auth::Role::kInnovationManager);
        sam = user("sam@example.com", "Sam", "member", auth::Role::kMember);
        framework_id = frameworks->create(ines, {"Co-innovation", "", std::nullopt})->first.id;
        stakeholders::StakeholderInput in;
        in.type = "organisation";
        in.name = "Northwind";
        in.kind = "customer";
        customer = registry->create(ines, in)->id;
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
    NewProject proposal() {
        NewProject n;
        n.title = "Live ETA at depot gates";
        n.problem_statement = "Trucks wait 40 minutes at gates";
        n.hypothesis = "A live ETA halves waiting";
        n.framework_id = framework_id;
        n.stakeholders = {{customer, "", "", "customer", "Two depots for the pilot"}};
        n.kill_criteria = {{"no_pilot_site", "No pilot site by March", false}};
        n.fit = {5, 4, 4, 5, 3};
        return n;
    }
    bool has_signal(const Health& h, std::string_view key) {
        return std::any_of(h.signals.begin(), h.signals.end(), [&](const Signal& s) { return s.key == key; });
    }

    FakeClock clock;
    std::unique_ptr<db::Database> db;
    std::unique_ptr<stakeholders::StakeholderService> registry;
    std::unique_ptr<FrameworkService> frameworks;
    std::unique_ptr<ProjectService> projects;
    std::unique_ptr<engagement::InteractionService> interactions;
    auth::Principal ines, sam;
    int64_t framework_id = 0, customer = 0;
};

TEST_P(ProjectServiceTest, IntakeStartsInTheFirstPhaseWithAFitScore) {
    auto p = projects->create(sam, proposal());
    ASSERT_TRUE(p) << p.error().detail;
    EXPECT_EQ(p->phase.key, "explore");
    EXPECT_EQ(p->status, "active");
    EXPECT_EQ(p->lead.id, sam.user_id);
    EXPECT_EQ(p->fit.recommendation, "good_fit");
    EXPECT_FALSE(p->fit.flagged);
    ASSERT_EQ(p->stakeholders.size(), 1u);
    EXPECT_EQ(p->kill_criteria.size(), 1u);
    EXPECT_TRUE(has_signal(p->health, "no_sponsor"));  // explained, not hidden

    auto poor = proposal();
    poor.fit = {1, 2, 2, 1, 2};
    auto flagged = projects->create(sam, poor);
    ASSERT_TRUE(flagged);
    EXPECT_EQ(flagged->fit.recommendation, "poor_fit");  // allowed, and flagged
    EXPECT_TRUE(flagged->fit.flagged);

    auto bad = proposal();
    bad.stakeholders = {{999999, "", "", "customer", ""}};
    auto refused = projects->create(sam, bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().field, "stakeholders[0].stakeholder_id");
}

TEST_P(ProjectServiceTest, HealthFollowsCustomerContactAndTime) {
    auto p = projects->create(sam, proposal());
    ASSERT_TRUE(p);
    clock.advance_days(40);  // Explore allows 30 days; no customer contact at all
    auto again = projects->recompute_all(ines);
    ASSERT_TRUE(again);
    EXPECT_EQ(again->projects, 1);
    auto x = projects->get(sam, p->id);
    EXPECT_TRUE(has_signal(x->health, "time_in_phase"));
    EXPECT_TRUE(has_signal(x->health, "no_customer_contact"));
    EXPECT_LT(x->health.score, 80);

    engagement::InteractionInput call;
    call.title = "Call";
    call.type = "call";
    call.occurred_at = core::format_time(clock.now());
    call.stakeholders = std::vector<engagement::InteractionStakeholder>{{customer}};
    ASSERT_TRUE(interactions->create(sam, call));
    ASSERT_TRUE(projects->recompute_all(ines));
    EXPECT_FALSE(has_signal(projects->get(sam, p->id)->health, "no_customer_contact"));
    EXPECT_FALSE(projects->recompute_all(sam));  // members do not run the portfolio job
}

TEST_P(ProjectServiceTest, RevenueBeforeItsPhaseIsKeptButDoesNotCount) {
    auto p = projects->create(sam, proposal());
    ASSERT_TRUE(p);
    auto revenue = projects->record_kpi(sam, p->id, {"revenue", 12000, std::nullopt, "first order"});
    ASSERT_TRUE(revenue) << revenue.error().detail;
    EXPECT_FALSE(revenue->counts);
    EXPECT_EQ(revenue->phase_key, "explore");
    auto interviews = projects->record_kpi(sam, p->id, {"interviews_held", 4, std::nullopt, ""});
    ASSERT_TRUE(interviews);
    EXPECT_TRUE(interviews->counts);
    auto unknown = projects->record_kpi(sam, p->id, {"nps", 1, std::nullopt, ""});
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().field, "kpi_key");
    auto other = user("olga@example.com", "Olga", "member", auth::Role::kMember);
    EXPECT_EQ(projects->record_kpi(other, p->id, {"interviews_held", 5, std::nullopt, ""}).error().code,
              core::ErrorCode::kPermissionDenied);
}

TEST_P(ProjectServiceTest, PhasesChangeOnlyThroughGateReviews) {
    auto p = projects->create(sam, proposal());
    ASSERT_TRUE(p);
    auto review = projects->request_review(sam, p->id, {{ines.user_id}, {}});
    ASSERT_TRUE(review) << review.error().detail;
    EXPECT_EQ(review->from_phase, "explore");
    EXPECT_EQ(review->criteria.size(), 2u);
    EXPECT_EQ(projects->request_review(sam, p->id, {{}, {}}).error().code, core::ErrorCode::kConflict);
    EXPECT_EQ(projects->all_reviews(ines, {std::string("requested"), ines.user_id, std::nullopt, 10})->items.size(), 1u);

    // Go needs the exit criteria that require evidence.
    auto early = projects->decide(ines, review->id, {"go", "Customers confirmed the pain", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, core::ErrorCode::kUnprocessable);
    ASSERT_TRUE(projects->set_criterion(sam, p->id, "problem_heard", true, std::string("https://wiki.example/interviews")));
    ASSERT_TRUE(projects->set_criterion(sam, p->id, "kill_criteria_written", true, std::nullopt));
    // A member who is not a decision maker cannot decide.
    auto other = user("olga@example.com", "Olga", "member", auth::Role::kMember);
    EXPECT_EQ(projects->decide(other, review->id, {"go", "x", std::nullopt, std::nullopt, std::nullopt, std::nullopt}).error().code,
              core::ErrorCode::kPermissionDenied);
    clock.advance_days(3);
    auto go = projects->decide(ines, review->id, {"go", "Customers confirmed the pain", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    ASSERT_TRUE(go) << go.error().detail;
    EXPECT_EQ(go->second.phase.key, "validate_problem");
    EXPECT_EQ(go->second.phase.entered_at, core::format_time(clock.now()));
    EXPECT_EQ(go->first.status, "decided");
    EXPECT_EQ(projects->decide(ines, review->id, {"kill", "again", std::nullopt, std::nullopt, std::nullopt, Learnings{"a", "b"}}).error().code,
              core::ErrorCode::kConflict);

    // Kill is respected, and keeps its learnings.
    auto second = projects->request_review(sam, p->id, {{}, {}});
    ASSERT_TRUE(second);
    auto no_learnings = projects->decide(ines, second->id, {"kill", "No willing customer", std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    ASSERT_FALSE(no_learnings);
    EXPECT_EQ(no_learnings.error().field, "learnings.learned");
    auto killed = projects->decide(ines, second->id, {"kill", "No willing customer", std::nullopt, std::nullopt, std::nullopt,
                                                      Learnings{"Depots fix gates themselves", "Ask procurement first"}});
    ASSERT_TRUE(killed) << killed.error().detail;
    EXPECT_EQ(killed->second.status, "stopped");
    ASSERT_TRUE(killed->second.learnings);
    EXPECT_EQ(projects->request_review(sam, p->id, {{}, {}}).error().code, core::ErrorCode::kConflict);

    // The funnel adds up: one project entered Explore, advanced, entered Validate and was killed there.
    auto f = projects->funnel(ines, framework_id, std::nullopt);
    ASSERT_TRUE(f);
    EXPECT_EQ(f->phases[0].entered, 1);
    EXPECT_EQ(f->phases[0].advanced, 1);
    EXPECT_EQ(f->phases[1].entered, 1);
    EXPECT_EQ(f->phases[1].killed, 1);
    for (const auto& row : f->phases)
        EXPECT_EQ(row.entered, row.advanced + row.killed + row.pivoted_back + row.completed + row.current) << row.key;
    auto b = projects->board(ines, framework_id, std::nullopt);
    ASSERT_TRUE(b);
    EXPECT_EQ(b->columns.size(), 5u);
    for (const auto& c : b->columns) EXPECT_TRUE(c.cards.empty());  // stopped projects leave the board
}

TEST_P(ProjectServiceTest, PivotReturnsWithANewHypothesis) {
    auto p = projects->create(sam, proposal());
    ASSERT_TRUE(p);
    auto review = projects->request_review(sam, p->id, {{}, {}});
    ASSERT_TRUE(review);
    auto pivot = projects->decide(ines, review->id, {"pivot", "Wrong problem", std::nullopt, std::string("explore"),
                                                     std::string("Gate slots, not ETAs, cut waiting"), std::nullopt});
    ASSERT_TRUE(pivot) << pivot.error().detail;
    EXPECT_EQ(pivot->second.phase.key, "explore");
    EXPECT_EQ(pivot->second.hypothesis, "Gate slots, not ETAs, cut waiting");
    auto f = projects->funnel(ines, framework_id, std::nullopt);
    EXPECT_EQ(f->phases[0].pivoted_back, 1);
    EXPECT_EQ(f->phases[0].entered, 2);
    auto b = projects->board(ines, framework_id, std::nullopt);
    EXPECT_EQ(b->columns[0].cards.size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Engines, ProjectServiceTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace cocreate::projects
