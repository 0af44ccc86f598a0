// Frameworks through the service, on SQLite and (when COCREATE_TEST_POSTGRESQL is set)
// PostgreSQL: created from the template, versioned, old versions kept, permissions.
#include "projects/framework_service.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include "db/migrator.hpp"
#include "db/test_database.hpp"
#include "projects/framework_template.hpp"

namespace cocreate::projects {
namespace {

class FrameworkServiceTest : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override {
        ASSERT_GE(sodium_init(), 0);
        db = db::open_test_database(GetParam());
        if (!db) GTEST_SKIP() << "COCREATE_TEST_POSTGRESQL not set";
        db::Migrator(*db, db::embedded_migrations(db->engine())).migrate();
        frameworks = std::make_unique<FrameworkService>(*db, clock);
        ines = user("ines@example.com", "innovation_manager", auth::Role::kInnovationManager);
        sam = user("sam@example.com", "member", auth::Role::kMember);
    }
    auth::Principal user(const std::string& email, const std::string& role, auth::Role r) {
        long long id = 0;
        const std::string t = core::format_time(clock.now());
        db->write([&](soci::session& s) -> core::Result<bool> {
            s << "INSERT INTO users (email, display_name, password_hash, role, created_at, updated_at, "
                 "password_changed_at) VALUES (:e, :n, 'x', :r, :c, :u, :p) RETURNING id",
                soci::use(email), soci::use(email), soci::use(role), soci::use(t), soci::use(t), soci::use(t),
                soci::into(id);
            return true;
        });
        auth::Principal p;
        p.user_id = id;
        p.role = r;
        return p;
    }
    core::SystemClock clock;
    std::unique_ptr<db::Database> db;
    std::unique_ptr<FrameworkService> frameworks;
    auth::Principal ines, sam;
};

TEST_P(FrameworkServiceTest, StartsFromTheTemplateAndKeepsOldVersions) {
    auto created = frameworks->create(ines, {"Co-innovation", "Our way", std::nullopt});
    ASSERT_TRUE(created) << created.error().detail;
    const auto id = created->first.id;
    EXPECT_EQ(created->first.current_version, 1);
    EXPECT_EQ(created->second.phases.size(), 5u);
    EXPECT_FALSE(created->second.phases[0].guidelines_html.empty());

    auto next = default_framework();
    next.phases[3].max_days = 120;
    auto published = frameworks->publish(ines, id, next);
    ASSERT_TRUE(published) << published.error().detail;
    EXPECT_EQ(published->version, 2);
    auto current = frameworks->get(sam, id);
    ASSERT_TRUE(current);
    EXPECT_EQ(current->first.current_version, 2);
    EXPECT_EQ(current->first.versions.size(), 2u);
    EXPECT_EQ(current->second.phases[3].max_days, 120);
    // A project started on version 1 still reads version 1.
    EXPECT_EQ(frameworks->version(sam, id, 1)->phases[3].max_days, 90);
    EXPECT_FALSE(frameworks->version(sam, id, 3));
}

TEST_P(FrameworkServiceTest, InvalidVersionsAreRefusedAndChangeNothing) {
    auto created = frameworks->create(ines, {"Co-innovation", "", std::nullopt});
    ASSERT_TRUE(created);
    auto bad = default_framework();
    bad.phases[2].key = bad.phases[1].key;
    auto refused = frameworks->publish(ines, created->first.id, bad);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::kUnprocessable);
    EXPECT_EQ(refused.error().field, "phases[2].key");
    EXPECT_EQ(frameworks->get(ines, created->first.id)->first.current_version, 1);
}

TEST_P(FrameworkServiceTest, OnlyManagersShapeFrameworks) {
    auto refused = frameworks->create(sam, {"Mine", "", std::nullopt});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, core::ErrorCode::kPermissionDenied);
    auth::Principal external;
    external.user_id = 999;
    external.role = auth::Role::kExternal;
    EXPECT_EQ(frameworks->list(external, std::nullopt, 10).error().code, core::ErrorCode::kNotFound);
    EXPECT_TRUE(frameworks->list(sam, std::nullopt, 10));
}

INSTANTIATE_TEST_SUITE_P(Engines, FrameworkServiceTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace cocreate::projects
