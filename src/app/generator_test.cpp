#include "app/generator.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <ctime>
#include <memory>
#include <stdexcept>

#include "auth/secrets.hpp"
#include "db/migrator.hpp"
#include "db/test_database.hpp"

namespace cocreate::app {
namespace {

constexpr std::array kGeneratedTables = {
    "organisations",        "users",          "stakeholders",       "stakeholder_tags",   "stakeholder_team",
    "affiliations",         "stakeholder_relations", "stakeholder_levels", "stakeholder_emotions", "stakeholder_needs",
    "interactions",         "interaction_participants", "interaction_stakeholders", "follow_ups", "cadences",
    "expectations",         "capacities"};

// One column of a row as text, with NULL distinguishable from any value.
std::string cell(const soci::row& r, size_t i) {
    if (r.get_indicator(i) == soci::i_null) return "\\N";
    switch (r.get_properties(i).get_data_type()) {
        case soci::dt_string: return r.get<std::string>(i);
        case soci::dt_integer: return std::to_string(r.get<int>(i));
        case soci::dt_long_long: return std::to_string(r.get<long long>(i));
        case soci::dt_unsigned_long_long: return std::to_string(r.get<unsigned long long>(i));
        case soci::dt_double: return fmt::format("{}", r.get<double>(i));
        default: return "?";
    }
}

struct Snapshot {
    std::vector<std::pair<std::string, int64_t>> rows;  // table → row count
    std::string checksum;                               // BLAKE2b over every row of every table
};

// Every generated table, read in insertion order and hashed.
Snapshot snapshot(db::Database& db) {
    Snapshot out;
    crypto_generichash_state state;
    crypto_generichash_init(&state, nullptr, 0, 32);
    db.read([&](soci::session& s) {
        for (const char* table : kGeneratedTables) {
            int64_t n = 0;
            soci::rowset<soci::row> rows = (s.prepare << fmt::format("SELECT * FROM {} ORDER BY rowid", table));
            for (const auto& r : rows) {
                std::string line = table;
                for (size_t i = 0; i < r.size(); ++i) line += "\x1f" + cell(r, i);
                line += '\n';
                crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(line.data()), line.size());
                ++n;
            }
            out.rows.emplace_back(table, n);
        }
        return 0;
    });
    std::array<unsigned char, 32> digest{};
    crypto_generichash_final(&state, digest.data(), digest.size());
    char hex[65];
    sodium_bin2hex(hex, sizeof hex, digest.data(), digest.size());
    out.checksum = hex;
    return out;
}

class GeneratorTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_GE(sodium_init(), 0); }

    // A fresh, migrated in-memory database.
    static std::unique_ptr<db::Database> fresh_database() {
        auto db = db::open_test_database("sqlite");
        db::Migrator(*db, db::embedded_migrations(db->engine())).migrate();
        return db;
    }

    // The small scale at 1/100 (the tables' minimums apply), in batches small enough that
    // every table spans several transactions.
    static GenOptions options(uint64_t seed) {
        GenOptions o;
        o.seed = seed;
        o.factor = *gen_scale_factor("small") / 100;
        o.now = *core::parse_time("2026-11-23T12:00:00Z");
        o.batch_rows = 7;
        return o;
    }

    static Snapshot generate(uint64_t seed) {
        auto db = fresh_database();
        generate_company(*db, options(seed));
        return snapshot(*db);
    }
};

TEST_F(GeneratorTest, TheSameSeedGivesByteIdenticalData) {
    const auto first = generate(42);
    const auto second = generate(42);
    EXPECT_EQ(first.rows, second.rows);
    EXPECT_EQ(first.checksum, second.checksum);
    for (const auto& [table, n] : first.rows) {
        if (table != "stakeholder_relations") {
            EXPECT_GT(n, 0) << table;
        }
    }
}

TEST_F(GeneratorTest, AnotherSeedGivesOtherData) {
    EXPECT_NE(generate(42).checksum, generate(43).checksum);
}

TEST_F(GeneratorTest, RefusesADatabaseThatAlreadyHasStakeholders) {
    auto db = fresh_database();
    generate_company(*db, options(1));
    const auto before = snapshot(*db);
    EXPECT_THROW(generate_company(*db, options(2)), std::runtime_error);
    EXPECT_EQ(snapshot(*db).checksum, before.checksum);
}

TEST_F(GeneratorTest, DerivedFieldsAgreeWithTheRowsTheyComeFrom) {
    auto db = fresh_database();
    const auto o = options(5);
    const auto summary = generate_company(*db, o);
    db->read([&](soci::session& s) {
        long long wrong_contact = -1, wrong_emotion = -1, orphans = -1, busiest = -1, future_held = -1;
        s << "SELECT count(*) FROM stakeholders st WHERE coalesce(last_contact_at, '') <> coalesce((SELECT "
             "max(occurred_at) FROM interaction_stakeholders i WHERE i.stakeholder_id = st.id AND i.status = 'held'), '')",
            soci::into(wrong_contact);
        s << "SELECT count(*) FROM stakeholders st WHERE emotion_observed_at IS NOT (SELECT max(observed_at) "
             "FROM stakeholder_emotions e WHERE e.stakeholder_id = st.id)",
            soci::into(wrong_emotion);
        s << "SELECT count(*) FROM stakeholders p WHERE type = 'person' AND NOT EXISTS "
             "(SELECT 1 FROM affiliations a WHERE a.person_id = p.id)",
            soci::into(orphans);
        s << "SELECT count(*) FROM interaction_stakeholders WHERE stakeholder_id = :id", soci::use(summary.busiest_stakeholder_id),
            soci::into(busiest);
        s << "SELECT count(*) FROM interactions WHERE status = 'held' AND occurred_at > '2026-11-23T12:00:00.000Z'",
            soci::into(future_held);
        EXPECT_EQ(wrong_contact, 0);
        EXPECT_EQ(wrong_emotion, 0);
        EXPECT_EQ(orphans, 0);
        EXPECT_EQ(busiest, summary.busiest_interactions);
        EXPECT_EQ(future_held, 0);
        std::string hash;
        const std::string admin = kGenAdminEmail;
        s << "SELECT password_hash FROM users WHERE email = :e", soci::use(admin), soci::into(hash);
        EXPECT_TRUE(auth::verify_password(hash, o.password));
        return 0;
    });
}

}  // namespace
}  // namespace cocreate::app
