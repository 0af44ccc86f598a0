// Stakeholders and engagement as a story, through the services, on SQLite and (when
// COCREATE_TEST_POSTGRESQL is set) PostgreSQL: a customer is logged, talked to, followed up,
// goes quiet and indifferent; the attention list, reminders, cadences, capacity, timeline
// paging and the all-or-nothing CSV import behave on both engines.
#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <set>

#include "db/migrator.hpp"
#include "db/test_database.hpp"
#include "engagement/follow_up_service.hpp"
#include "engagement/interaction_service.hpp"
#include "engagement/relationship_service.hpp"
#include "stakeholders/stakeholder_import.hpp"
#include "stakeholders/stakeholder_service.hpp"

namespace cocreate::engagement {
namespace {

class FakeClock final : public core::Clock {
public:
    core::TimePoint now() const override { return core::TimePoint(std::chrono::milliseconds(ms_.load())); }
    void advance(std::chrono::hours h) { ms_ += std::chrono::duration_cast<std::chrono::milliseconds>(h).count(); }

private:
    std::atomic<long long> ms_{(*core::parse_time("2026-11-23T09:00:00Z")).time_since_epoch().count()};
};

class EngagementTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        db = db::open_test_database(GetParam());
        if (!db) GTEST_SKIP() << "COCREATE_TEST_POSTGRESQL not set";
        db::Migrator(*db, db::embedded_migrations(db->engine())).migrate();
        registry = std::make_unique<stakeholders::StakeholderService>(*db, clock);
        imports = std::make_unique<stakeholders::StakeholderImport>(*db, clock);
        interactions = std::make_unique<InteractionService>(*db, clock, *registry);
        follow_ups = std::make_unique<FollowUpService>(*db, clock, *registry);
        relationships = std::make_unique<RelationshipService>(*db, clock, *registry);
        ines = user("ines@example.com", "Ines", "innovation_manager", auth::Role::kInnovationManager);
        sam = user("sam@example.com", "Sam", "member", auth::Role::kMember);
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

    int64_t stakeholder(const std::string& type, const std::string& name, const std::string& level = "interested") {
        stakeholders::StakeholderInput in;
        in.type = type;
        in.name = name;
        in.kind = "customer";
        in.level = level;
        in.owner_id = std::optional<int64_t>(sam.user_id);
        auto r = registry->create(ines, in);
        EXPECT_TRUE(r) << (r ? "" : r.error().detail);
        return r ? r->id : 0;
    }

    int64_t log(int64_t who, const std::string& status, const std::string& at, std::optional<int> intensity = {},
                int duration = 30) {
        InteractionInput in;
        in.title = "Call";
        in.type = "call";
        in.status = status;
        in.occurred_at = at;
        in.duration_minutes = duration;
        in.participant_ids = std::vector<int64_t>{sam.user_id};
        InteractionStakeholder st{who};
        if (intensity) {
            st.valence = 0;
            st.intensity = *intensity;
        }
        in.stakeholders = std::vector<InteractionStakeholder>{st};
        auto r = interactions->create(ines, in);
        EXPECT_TRUE(r) << (r ? "" : r.error().detail);
        return r ? r->id : 0;
    }

    FakeClock clock;
    std::unique_ptr<db::Database> db;
    std::unique_ptr<stakeholders::StakeholderService> registry;
    std::unique_ptr<stakeholders::StakeholderImport> imports;
    std::unique_ptr<InteractionService> interactions;
    std::unique_ptr<FollowUpService> follow_ups;
    std::unique_ptr<RelationshipService> relationships;
    auth::Principal ines, sam;
};

TEST_P(EngagementTest, AHeldCallMovesLastContactAndTheCadence) {
    const auto clara = stakeholder("person", "Clara");
    CadenceInput weekly;
    weekly.stakeholder_id = clara;
    weekly.label = "Weekly call";
    weekly.interval = "weekly";
    weekly.starts_on = "2026-11-01";
    auto cadence = relationships->create_cadence(ines, weekly);
    ASSERT_TRUE(cadence);
    EXPECT_EQ(cadence->next_due_on, "2026-11-01");  // never contacted: due from the start

    log(clara, "held", "2026-11-20T15:00:00Z");
    log(clara, "planned", "2026-11-25T15:00:00Z");  // a plan is not a contact
    auto x = registry->get(ines, clara);
    ASSERT_TRUE(x);
    EXPECT_EQ(x->last_contact_at.value_or(""), "2026-11-20T15:00:00.000Z");
    CadenceFilter all;
    auto cadences = relationships->cadences(ines, all);
    ASSERT_TRUE(cadences);
    ASSERT_EQ(cadences->items.size(), 1u);
    EXPECT_EQ(cadences->items[0].next_due_on, "2026-11-27");

    // Deleting the only held call takes the contact back.
    auto held = interactions->list(ines, {.stakeholder_id = clara, .status = "held"});
    ASSERT_TRUE(held);
    ASSERT_EQ(held->items.size(), 1u);
    EXPECT_TRUE(interactions->remove(ines, held->items[0].id));
    EXPECT_FALSE(registry->get(ines, clara)->last_contact_at);
}

TEST_P(EngagementTest, HeldCallsCannotBeInTheFuture) {
    const auto clara = stakeholder("person", "Clara");
    InteractionInput in;
    in.title = "Call";
    in.type = "call";
    in.occurred_at = "2026-12-01T10:00:00.000Z";
    in.stakeholders = std::vector<InteractionStakeholder>{{clara}};
    auto r = interactions->create(ines, in);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().field, "occurred_at");
    EXPECT_TRUE(interactions->list(ines, {})->items.empty());
}

TEST_P(EngagementTest, TheAttentionListFindsOverdueIndifferentAndQuiet) {
    const auto clara = stakeholder("person", "Clara");
    const auto paul = stakeholder("person", "Paul");
    log(paul, "held", "2026-11-22T10:00:00Z", 0);  // indifferent
    log(clara, "held", "2026-11-22T10:00:00Z", 2);
    FollowUpInput f;
    f.title = "Send proposal";
    f.due_on = "2026-11-25";
    f.owner_id = sam.user_id;
    f.stakeholder_id = std::optional<int64_t>(clara);
    ASSERT_TRUE(follow_ups->create(ines, f));

    auto a = follow_ups->attention(sam, true, 30, 20);
    ASSERT_TRUE(a);
    EXPECT_TRUE(a->overdue_follow_ups.empty());
    ASSERT_EQ(a->indifferent.size(), 1u);
    EXPECT_EQ(a->indifferent[0].id, paul);
    EXPECT_TRUE(a->quiet.empty());
    EXPECT_EQ(follow_ups->send_reminders(), 0);

    clock.advance(std::chrono::hours(24));  // 24 Nov: due tomorrow → one "due soon" reminder
    EXPECT_EQ(follow_ups->send_reminders(), 1);
    EXPECT_EQ(follow_ups->send_reminders(), 0);

    clock.advance(std::chrono::hours(24 * 40));  // 40 days later: overdue and quiet
    a = follow_ups->attention(sam, true, 30, 20);
    ASSERT_TRUE(a);
    ASSERT_EQ(a->overdue_follow_ups.size(), 1u);
    EXPECT_EQ(a->overdue_count, 1);
    EXPECT_EQ(a->quiet.size(), 2u);
    EXPECT_EQ(follow_ups->send_reminders(), 1);  // the overdue reminder, once
    EXPECT_EQ(follow_ups->send_reminders(), 0);
    // Another person's "mine" is empty; "all" sees everything.
    EXPECT_TRUE(follow_ups->attention(ines, true, 30, 20)->overdue_follow_ups.empty());
    EXPECT_EQ(follow_ups->attention(ines, false, 30, 1)->quiet_count, 2);  // counted past the limit
}

TEST_P(EngagementTest, CapacityWarnsWhenLoadExceedsHours) {
    const auto clara = stakeholder("person", "Clara");
    ASSERT_TRUE(relationships->put_capacity(sam, sam.user_id, 2, "Sales"));
    EXPECT_FALSE(relationships->put_capacity(sam, ines.user_id, 2, "Sales"));  // not someone else's
    log(clara, "planned", "2026-11-24T10:00:00Z", std::nullopt, 90);
    auto c = relationships->capacity(ines, std::nullopt);
    ASSERT_TRUE(c);
    const auto person = std::find_if(c->people.begin(), c->people.end(), [&](auto& p) { return p.user_id == sam.user_id; });
    ASSERT_NE(person, c->people.end());
    EXPECT_DOUBLE_EQ(person->load.scheduled_hours, 1.5);
    EXPECT_FALSE(over_capacity(person->load, person->hours_per_week));
    FollowUpInput f;
    f.title = "Prepare deck";
    f.due_on = "2026-11-26";
    f.owner_id = sam.user_id;
    f.effort_minutes = 60;
    ASSERT_TRUE(follow_ups->create(ines, f));
    c = relationships->capacity(ines, std::string("Sales"));
    ASSERT_EQ(c->people.size(), 1u);
    EXPECT_TRUE(over_capacity(c->people[0].load, 2));
    ASSERT_EQ(c->teams.size(), 1u);
    EXPECT_DOUBLE_EQ(c->teams[0].load.total(), 2.5);
}

TEST_P(EngagementTest, TheTimelinePagesWithoutGapsOrRepeats) {
    const auto clara = stakeholder("person", "Clara");
    // Many entries at the very same moment: the order must still be total.
    for (int i = 0; i < 7; ++i) log(clara, "held", "2026-11-20T10:00:00Z", i % 4);
    for (int i = 0; i < 3; ++i) {
        FollowUpInput f;
        f.title = "Task";
        f.due_on = "2026-12-01";
        f.stakeholder_id = std::optional<int64_t>(clara);
        ASSERT_TRUE(follow_ups->create(ines, f));
    }
    std::set<std::string> seen;
    std::optional<stakeholders::TimelineCursor> cursor;
    int pages = 0, total = 0;
    for (; pages < 20; ++pages) {
        auto page = interactions->timeline(ines, clara, cursor, 3);
        ASSERT_TRUE(page);
        for (const auto& e : page->items) {
            EXPECT_TRUE(seen.insert(e.kind + std::to_string(e.id)).second) << e.kind << e.id;
            ++total;
        }
        if (!page->next_cursor) break;
        auto k = http::parse_key_cursor(*page->next_cursor);
        ASSERT_TRUE(k);
        const auto bar = k->key.rfind('|');
        cursor = stakeholders::TimelineCursor{k->key.substr(0, bar), k->key.back() - '0', k->id};
    }
    // 7 interactions + 7 emotions + 3 follow-ups + the first level.
    EXPECT_EQ(total, 18);
}

TEST_P(EngagementTest, CsvImportIsAllOrNothing) {
    stakeholder("organisation", "Northwind");
    const std::string bad =
        "name,email,kind,organisation,title\n"
        "Clara,clara@northwind.example,customer,Northwind,COO\n"
        "Bob,not-an-email,customer,,\n"
        ",x@y.example,customer,,\n"
        "Acme,,wizard,,\n";
    auto refused = imports->commit(ines, {bad, std::nullopt, "skip"});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::kUnprocessable);
    std::set<std::string> fields;
    for (const auto& e : refused.error().errors) fields.insert(e.field);
    EXPECT_EQ(fields, (std::set<std::string>{"rows[3].email", "rows[4].name", "rows[5].kind"}));
    EXPECT_EQ(registry->list(ines, {})->items.size(), 1u);  // nothing imported

    const std::string good =
        "name,email,kind,organisation,title\n"
        "Clara,clara@northwind.example,customer,Northwind,COO\n"
        "Fabrikam,,prospect,,\n"
        "Dan,dan@fabrikam.example,prospect,Fabrikam,CTO\n"
        "Northwind,,customer,,\n";
    auto preview = imports->preview(ines, {good, std::nullopt, "skip"});
    ASSERT_TRUE(preview);
    EXPECT_EQ(preview->valid_rows, 4u);
    ASSERT_EQ(preview->duplicates.size(), 1u);
    EXPECT_EQ(preview->duplicates[0].match, "name");
    auto done = imports->commit(ines, {good, std::nullopt, "skip"});
    ASSERT_TRUE(done) << done.error().detail;
    EXPECT_EQ(done->created, 3u);
    EXPECT_EQ(done->skipped, 1u);
    EXPECT_EQ(done->affiliations, 2u);
    // Importing again finds every row a duplicate (by e-mail or name).
    auto again = imports->preview(ines, {good, std::nullopt, "skip"});
    EXPECT_EQ(again->duplicates.size(), 4u);
    EXPECT_FALSE(imports->commit(sam, {good, std::nullopt, "skip"}));  // members may not import
}

INSTANTIATE_TEST_SUITE_P(Engines, EngagementTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace cocreate::engagement
