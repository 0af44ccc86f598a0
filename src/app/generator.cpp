#include "app/generator.hpp"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <random>
#include <stdexcept>

#include "app/generator_model.hpp"
#include "auth/secrets.hpp"

// The orchestration of `cocreate gen`: sizes, the empty-database check, the password hash and
// the order of the phases. The phases are in generator_people.cpp, generator_interactions.cpp,
// generator_commitments.cpp, generator_projects.cpp and generator_ideas.cpp; the types they share in
// generator_model.hpp.

namespace cocreate::app {

namespace {

using soci::into;
using soci::use;

gen::Counts counts_for(double factor) {
    auto scaled = [factor](double base, int64_t min) { return std::max<int64_t>(min, std::llround(base * factor)); };
    gen::Counts c{};
    c.users = scaled(200, 10);
    c.stakeholders = scaled(100'000, 50);
    // At least every internal team plus a few external organisations.
    c.organisations = std::min(c.stakeholders, std::max<int64_t>(std::ssize(gen::kInternalTeams) + 3, std::llround(static_cast<double>(c.stakeholders) * 0.3)));
    c.interactions = scaled(1'000'000, 20);
    c.follow_ups = scaled(300'000, 5);
    c.cadences = std::min(scaled(5'000, 2), c.stakeholders / 2);
    c.expectations = scaled(20'000, 2);
    // Reviews' minimum covers the longest history a dozen projects can need (a go out of
    // each of five phases plus an open review each), so the counts stay exact.
    c.projects = scaled(20'000, 12);
    c.gate_reviews = scaled(200'000, 80);
    c.kpi_values = scaled(2'000'000, 200);
    c.spaces = scaled(40, 2);
    c.participants = scaled(2'000, 6);
    c.challenges = scaled(400, 3);
    c.ideas = scaled(200'000, 40);
    c.comments = scaled(1'000'000, 150);
    return c;
}

void refuse_unless_empty(db::Database& db) {
    const auto [stakeholders, admins] = db.read([](soci::session& s) {
        long long n = 0, a = 0;
        const std::string admin = kGenAdminEmail;  // bound by reference: must outlive the statement
        s << "SELECT count(*) FROM stakeholders", into(n);
        s << "SELECT count(*) FROM users WHERE email = :e", use(admin), into(a);
        return std::pair{n, a};
    });
    if (stakeholders > 0)
        throw std::runtime_error(fmt::format(
            "gen: the database already holds {} stakeholders; generate into a new, empty database", stakeholders));
    if (admins > 0)
        throw std::runtime_error(fmt::format("gen: {} already exists (an earlier, interrupted run?); "
                                             "generate into a new, empty database", kGenAdminEmail));
}

// An Argon2id hash in libsodium's string format with a salt drawn from the seed, so the
// users table is byte-identical between runs; checked with libsodium's own verifier.
std::string deterministic_password_hash(const std::string& password, uint64_t seed) {
    std::mt19937_64 salt_rng(seed ^ 0x5a17'5a17'5a17'5a17ULL);
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    for (auto& b : salt) b = static_cast<unsigned char>(salt_rng() & 0xff);
    std::array<unsigned char, 32> key{};
    const auto ops = crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const auto mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash(key.data(), key.size(), password.data(), password.size(), salt.data(), ops, mem,
                      crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("gen: out of memory hashing the password");
    auto b64 = [](const unsigned char* p, size_t n) {
        std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING), '\0');
        sodium_bin2base64(out.data(), out.size(), p, n, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
        out.resize(std::char_traits<char>::length(out.c_str()));
        return out;
    };
    std::string hash = fmt::format("$argon2id$v=19$m={},t={},p=1${}${}", mem / 1024, ops, b64(salt.data(), salt.size()),
                                   b64(key.data(), key.size()));
    // A libsodium that encodes differently must not leave users unable to sign in.
    if (!auth::verify_password(hash, password)) hash = auth::hash_password(password);
    return hash;
}

// On SQLite, skips the fsync per commit and widens the page cache while generating: the
// rows are reproducible, so a crash costs a rerun, not data. Restores the defaults after.
class FastSqliteWrites {
public:
    explicit FastSqliteWrites(db::Database& db) : db_(db) { set("OFF", -262'144); }
    ~FastSqliteWrites() {
        try {
            set("FULL", -2'000);
        } catch (...) {  // the connection is unusable anyway; nothing better to do in a destructor
        }
    }
    FastSqliteWrites(const FastSqliteWrites&) = delete;

private:
    void set(const char* synchronous, int cache_kib) {
        if (db_.engine() != db::Engine::kSqlite) return;
        auto lease = db_.lease_writer();
        *lease << std::string("PRAGMA synchronous = ") + synchronous;
        *lease << "PRAGMA cache_size = " + std::to_string(cache_kib);
    }
    db::Database& db_;
};

}  // namespace

std::optional<double> gen_scale_factor(std::string_view scale) {
    if (scale == "enterprise") return 1.0;
    if (scale == "small") return 0.01;
    return std::nullopt;
}

GenSummary generate_company(db::Database& db, const GenOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    refuse_unless_empty(db);
    gen::Company co;
    co.counts = counts_for(options.factor);
    co.now_ms = options.now.time_since_epoch().count();
    gen::Dice dice(options.seed);
    const std::string hash = deterministic_password_hash(options.password, options.seed);
    FastSqliteWrites fast(db);
    gen::insert_users(db, dice, co, hash);
    gen::insert_stakeholders(db, dice, co, options);
    gen::insert_interactions(db, dice, co, options);
    gen::insert_observed_emotions(db, dice, co, options);
    gen::insert_follow_ups(db, dice, co, options);
    gen::insert_cadences(db, dice, co, options);
    gen::insert_expectations(db, dice, co, options);
    gen::insert_capacities(db, dice, co);
    gen::derive_latest_state(db);
    gen::insert_frameworks(db, co);
    gen::insert_projects(db, dice, co, options);
    gen::store_project_health(db, co, options);
    gen::insert_ideas(db, dice, co, options, hash);

    GenSummary summary;
    summary.counts = co.written;
    summary.admin_id = co.users.front();
    summary.framework_id = co.frameworks.front();
    summary.first_project_id = co.first_project_id;
    summary.last_project_id = co.last_project_id;
    summary.health_seconds = co.health_seconds;
    summary.first_idea_id = co.first_idea_id;
    summary.last_idea_id = co.last_idea_id;
    summary.busiest_challenge_id = co.busiest_challenge_id;
    summary.busiest_challenge_space_id = co.busiest_challenge_space_id;
    summary.busiest_challenge_ideas = co.busiest_challenge_ideas;
    const auto busiest = std::max_element(co.interactions_per_stakeholder.begin(), co.interactions_per_stakeholder.end());
    if (busiest != co.interactions_per_stakeholder.end()) {
        summary.busiest_stakeholder_id = co.stakeholders[static_cast<size_t>(busiest - co.interactions_per_stakeholder.begin())].id;
        summary.busiest_interactions = *busiest;
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

std::string describe(const GenSummary& summary, const GenOptions& options) {
    std::string out = fmt::format("Generated company (seed {}, factor {}, now {}) in {:.1f} s:\n", options.seed,
                                  options.factor, core::format_time(options.now), summary.seconds);
    for (const auto& [table, n] : summary.counts) out += fmt::format("  {:<26} {:>9}\n", table, n);
    out += fmt::format("Sign in as {} (password: {}); every generated user has that password.\n", kGenAdminEmail,
                       options.password);
    out += fmt::format("admin_id={}\nbusiest_stakeholder_id={}\nbusiest_stakeholder_interactions={}\n",
                       summary.admin_id, summary.busiest_stakeholder_id, summary.busiest_interactions);
    out += fmt::format("framework_id={}\nfirst_project_id={}\nlast_project_id={}\nproject_health_seconds={:.2f}\n",
                       summary.framework_id, summary.first_project_id, summary.last_project_id, summary.health_seconds);
    out += fmt::format("first_idea_id={}\nlast_idea_id={}\nbusiest_challenge_id={}\nbusiest_challenge_space_id={}\n"
                       "busiest_challenge_ideas={}\n",
                       summary.first_idea_id, summary.last_idea_id, summary.busiest_challenge_id,
                       summary.busiest_challenge_space_id, summary.busiest_challenge_ideas);
    return out;
}

}  // namespace cocreate::app
