#pragma once
// `cocreate gen`: fills a database with a deterministic, realistic company for benchmarks:
// internal users, stakeholders (organisations and the people affiliated to them), three years
// of interactions, follow-ups, cadences, expectations and capacities, co-innovation
// projects (two frameworks, projects with their gate review history and KPI values, and the
// health of each, computed by the projects module), and ideas (spaces with external
// participants, challenges, ideas with authors, build-on links, votes, threaded comments,
// stakeholder interest and points).
//
// Rows are written with plain SQL in large transactions, not through the services, and no
// events are appended: the point is volume at speed. The same seed, factor and reference time
// give byte-identical rows (the password hash included) on an empty database.

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "db/database.hpp"

namespace cocreate::app {

inline constexpr const char* kGenAdminEmail = "bench-admin@gen.cocreate.test";
inline constexpr const char* kGenDefaultPassword = "gen-cocreate-bench-2026";

struct GenOptions {
    uint64_t seed = 1;
    // Multiplies every enterprise count (1.0: 200 internal users, 100,000 stakeholders,
    // 1,000,000 interactions, 300,000 follow-ups, 5,000 cadences, 20,000 expectations,
    // 20,000 projects, 200,000 gate reviews, 2,000,000 KPI values, 40 spaces, 2,000 external
    // participants, 400 challenges, 200,000 ideas, 1,000,000 comments; votes, interest and
    // points follow from those: ~0.4M votes, ~0.2M helpful marks, ~0.6M points rows).
    // Each table keeps a small minimum so that tiny factors still give a coherent company.
    double factor = 1.0;
    // The reference "now": interactions span the three years before it and two weeks after.
    core::TimePoint now;
    // Password of every generated user (hashed once, with a salt derived from the seed).
    std::string password = kGenDefaultPassword;
    int64_t batch_rows = 50'000;       // rows of the driving table per write transaction
    std::ostream* progress = nullptr;  // progress lines ("stakeholders 40000/100000"), or none
};

struct GenSummary {
    std::vector<std::pair<std::string, int64_t>> counts;  // table → rows written, in write order
    int64_t admin_id = 0;
    int64_t busiest_stakeholder_id = 0;  // the stakeholder with the most interactions
    int64_t busiest_interactions = 0;
    int64_t framework_id = 0;  // the framework that holds most projects
    int64_t first_project_id = 0, last_project_id = 0;  // every id in between is a project
    double health_seconds = 0;  // recomputing every project's health (part of `seconds`)
    int64_t first_idea_id = 0, last_idea_id = 0;  // every id in between is an idea
    int64_t busiest_challenge_id = 0;             // the challenge with the most ideas
    int64_t busiest_challenge_space_id = 0, busiest_challenge_ideas = 0;
    double seconds = 0;
};

// The factor of a named scale: "enterprise" 1.0, "small" 0.01; nullopt for any other name.
std::optional<double> gen_scale_factor(std::string_view scale);

// Fills `db`, which must already be migrated. Throws std::runtime_error, changing nothing,
// when the database already holds stakeholders or the generated administrator; database
// errors throw soci::soci_error. Each batch commits on its own, so a failed run leaves
// partial data behind: start again from an empty database. On SQLite the writer connection
// runs with synchronous=OFF for the duration of the call (restored to FULL afterwards): a
// crash mid-run loses at most generated rows. Not thread-safe with other writers' intent,
// but correct: every batch goes through Database::write.
GenSummary generate_company(db::Database& db, const GenOptions& options);

// A human-readable summary for stdout: counts, elapsed time, the administrator login, and
// machine-readable "key=value" lines for bench scripts (busiest_stakeholder_id,
// framework_id, first_project_id, last_project_id, project_health_seconds, first_idea_id,
// last_idea_id, busiest_challenge_id, busiest_challenge_space_id, busiest_challenge_ideas).
std::string describe(const GenSummary& summary, const GenOptions& options);

}  // namespace cocreate::app
