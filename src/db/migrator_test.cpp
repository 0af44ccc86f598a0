#include "db/migrator.hpp"
#include "db/test_database.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace cocreate::embedded_migrations {
std::span<const cocreate::core::EmbeddedFile> files();
}

namespace cocreate::db {
namespace {

TEST(SplitStatements, CutsAtTopLevelSemicolonsOnly) {
    const auto parts = split_statements(
        "CREATE TABLE a (x TEXT DEFAULT 'a;b'); -- comment; here\n/* block; */ INSERT INTO a VALUES (';');\n  ");
    ASSERT_EQ(parts.size(), 2u);
    EXPECT_NE(parts[0].find("'a;b'"), std::string::npos);
    EXPECT_NE(parts[1].find("VALUES (';')"), std::string::npos);
}

TEST(SplitStatements, KeepsATriggerBodyWhole) {
    const auto parts = split_statements(
        "CREATE TABLE t (x TEXT);\nCREATE TRIGGER t_ins AFTER INSERT ON t BEGIN\n  INSERT INTO u VALUES (1);\n"
        "  INSERT INTO u VALUES (2);\nEND;\nCREATE INDEX t_x ON t (x);");
    ASSERT_EQ(parts.size(), 3u);
    EXPECT_NE(parts[1].find("VALUES (2);"), std::string::npos);
    EXPECT_NE(parts[2].find("CREATE INDEX"), std::string::npos);
}

TEST(Migrations, BothEnginesHaveTheSameNumbersAndNames) {
    const auto sqlite = migrations_from(embedded_migrations::files(), "sqlite");
    const auto postgres = migrations_from(embedded_migrations::files(), "postgres");
    ASSERT_FALSE(sqlite.empty());
    ASSERT_EQ(sqlite.size(), postgres.size());
    for (size_t i = 0; i < sqlite.size(); ++i) {
        EXPECT_EQ(sqlite[i].version, postgres[i].version);
        EXPECT_EQ(sqlite[i].name, postgres[i].name);
    }
}

// Runs against SQLite always, and against PostgreSQL when COCREATE_TEST_POSTGRESQL names
// a database (scripts/test starts one).
class MigratorTest : public ::testing::TestWithParam<std::string> {
protected:
    std::unique_ptr<Database> open() { return open_test_database(GetParam(), 1); }
};

TEST_P(MigratorTest, AppliesEverythingOnceAndRecordsIt) {
    auto db = open();
    if (!db) GTEST_SKIP() << "COCREATE_TEST_POSTGRESQL not set";
    Migrator m(*db, embedded_migrations(db->engine()));
    const auto applied = m.migrate();
    EXPECT_FALSE(applied.empty());
    EXPECT_EQ(m.status().current, m.status().latest);
    EXPECT_TRUE(m.migrate().empty());
}

TEST_P(MigratorTest, RefusesADatabaseNewerThanTheBinary) {
    auto db = open();
    if (!db) GTEST_SKIP() << "COCREATE_TEST_POSTGRESQL not set";
    Migrator m(*db, embedded_migrations(db->engine()));
    m.migrate();
    {
        auto lease = db->lease_writer();
        *lease << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 'x')";
    }
    EXPECT_THROW(m.migrate(), std::runtime_error);
}

TEST_P(MigratorTest, WriteRollsBackOnErrorResult) {
    auto db = open();
    if (!db) GTEST_SKIP() << "COCREATE_TEST_POSTGRESQL not set";
    Migrator(*db, embedded_migrations(db->engine())).migrate();
    struct Failed {
        bool has_value() const { return false; }
    };
    db->write([](soci::session& s) {
        s << "INSERT INTO organisations (name, kind, created_at, updated_at) VALUES ('Gone', 'other', 'x', 'x')";
        return Failed{};
    });
    long long n = -1;
    db->read([&](soci::session& s) { s << "SELECT COUNT(*) FROM organisations", soci::into(n); });
    EXPECT_EQ(n, 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, MigratorTest, ::testing::Values("sqlite", "postgresql"));

}  // namespace
}  // namespace cocreate::db
