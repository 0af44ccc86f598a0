#include "app/generator.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <ctime>
#include <map>
#include <memory>
#include <stdexcept>

#include "auth/secrets.hpp"
#include "db/migrator.hpp"
#include "db/test_database.hpp"
#include "projects/framework_template.hpp"
#include "projects/project_rules.hpp"
#include "projects/project_service.hpp"
#include "stakeholders/stakeholder_service.hpp"

namespace cocreate::app {
namespace {

constexpr std::array kGeneratedTables = {
    "organisations",        "users",          "stakeholders",       "stakeholder_tags",   "stakeholder_team",
    "affiliations",         "stakeholder_relations", "stakeholder_levels", "stakeholder_emotions", "stakeholder_needs",
    "interactions",         "interaction_participants", "interaction_stakeholders", "follow_ups", "cadences",
    "expectations",         "capacities",     "frameworks",         "framework_versions", "projects",
    "project_team",         "project_stakeholders", "gate_reviews",   "gate_review_decision_makers", "kpi_values",
    "spaces",               "space_members",  "challenges",         "challenge_protocols", "ideas",
    "idea_authors",         "idea_links",     "idea_votes",         "idea_interest",      "comments",
    "comment_mentions",     "comment_helpful", "points"};

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

// ---- projects -------------------------------------------------------------------------

class FixedClock final : public core::Clock {
public:
    explicit FixedClock(core::TimePoint t) : t_(t) {}
    core::TimePoint now() const override { return t_; }

private:
    core::TimePoint t_;
};

int64_t written(const GenSummary& summary, const std::string& table) {
    for (const auto& [name, n] : summary.counts)
        if (name == table) return n;
    return -1;
}

// The generated company seen through the projects module, as the routes see it.
struct ProjectsView {
    FixedClock clock;
    stakeholders::StakeholderService registry;
    projects::ProjectService service;
    auth::Principal admin;
    ProjectsView(db::Database& db, const GenOptions& o, const GenSummary& summary)
        : clock(o.now), registry(db, clock), service(db, clock, registry) {
        admin.user_id = summary.admin_id;
        admin.display_name = "Bench Admin";
        admin.email = kGenAdminEmail;
        admin.role = auth::Role::kAdmin;
    }
    // Every review of project `id`, oldest first.
    std::vector<projects::GateReview> reviews(int64_t id) {
        std::vector<projects::GateReview> out;
        std::optional<int64_t> after;
        do {
            auto page = service.reviews(admin, id, after, 50);
            EXPECT_TRUE(page) << id;
            if (!page) break;
            out.insert(out.end(), page->items.begin(), page->items.end());
            after = page->next_after;
        } while (after);
        std::reverse(out.begin(), out.end());
        return out;
    }
};

// Replays a project's decided reviews through the rules (projects::apply_decision) from the
// first phase and checks they lead to where the project is. A company without a gatekeeper
// of a required area cannot meet that rule, so such areas count as present.
void expect_history_leads_to(ProjectsView& view, const projects::Project& x,
                             const std::map<int64_t, std::string>& gatekeeper_areas) {
    const auto framework = projects::default_framework();
    projects::ProjectState state{framework.phases.front().key, "active"};
    std::string entered = x.created_at, last_decided = x.created_at;
    int open = 0;
    for (const auto& r : view.reviews(x.id)) {
        EXPECT_GT(r.requested_at, last_decided) << x.id << " review " << r.id;
        if (r.status == "requested") {
            ++open;
            EXPECT_EQ(r.from_phase, x.phase.key) << x.id;
            continue;
        }
        ASSERT_TRUE(r.decision && r.decided_at) << r.id;
        EXPECT_GT(*r.decided_at, r.requested_at) << r.id;
        projects::GateDecision d{r.from_phase, *r.decision, r.rationale};
        d.criteria = r.criteria;
        d.pivot_to_phase = r.pivot_to_phase;
        d.new_hypothesis = r.new_hypothesis;
        d.learnings = r.learnings;
        for (auto id : r.gatekeepers_present)
            if (auto a = gatekeeper_areas.find(id); a != gatekeeper_areas.end()) d.gatekeeper_areas_present.push_back(a->second);
        for (const auto& area : r.gatekeepers_required)
            if (std::none_of(gatekeeper_areas.begin(), gatekeeper_areas.end(), [&](const auto& g) { return g.second == area; }))
                d.gatekeeper_areas_present.push_back(area);
        const auto t = projects::apply_decision(framework, state, d);
        ASSERT_TRUE(t) << "project " << x.id << " review " << r.id << ": " << t.error().detail;
        state = {t->phase_key, t->status};
        if (t->phase_changed) entered = *r.decided_at;
        last_decided = *r.decided_at;
    }
    EXPECT_LE(open, 1) << x.id;
    if (open) {
        EXPECT_TRUE(x.status == "active" || x.status == "on_hold") << x.id;
    }
    EXPECT_EQ(x.phase.key, state.phase_key) << x.id;
    EXPECT_EQ(x.status, state.status) << x.id;
    EXPECT_EQ(x.phase.entered_at, entered) << x.id;
    EXPECT_EQ(x.learnings.has_value(), x.status == "stopped") << x.id;
}

TEST_F(GeneratorTest, ProjectsReadBackThroughTheProjectsServiceAndFollowTheRules) {
    auto db = fresh_database();
    const auto o = options(11);
    const auto summary = generate_company(*db, o);
    ProjectsView view(*db, o, summary);
    std::map<int64_t, std::string> gatekeeper_areas;
    db->read([&](soci::session& s) {
        long long id = 0;
        std::string area;
        soci::statement st = (s.prepare << "SELECT id, gatekeeper_area FROM stakeholders WHERE kind = "
                                           "'internal_gatekeeper'",
                              soci::into(id), soci::into(area));
        st.execute();
        while (st.fetch()) gatekeeper_areas[id] = area;
        return 0;
    });
    ASSERT_GT(summary.first_project_id, 0);
    const auto now = core::format_time(o.now);
    int64_t projects = 0;
    for (int64_t id = summary.first_project_id; id <= summary.last_project_id; ++id, ++projects) {
        auto x = view.service.get(view.admin, id);
        ASSERT_TRUE(x) << id;
        EXPECT_EQ(x->health.computed_at, now) << id;
        EXPECT_FALSE(x->stakeholders.empty()) << id;
        EXPECT_NE(x->lead.display_name, "") << id;
        EXPECT_EQ(x->fit.score, projects::fit_check(x->fit.answers).score) << id;
        expect_history_leads_to(view, *x, gatekeeper_areas);
    }
    EXPECT_EQ(projects, written(summary, "projects"));
}

TEST_F(GeneratorTest, TheBoardAndTheFunnelAddUp) {
    auto db = fresh_database();
    const auto o = options(12);
    const auto summary = generate_company(*db, o);
    ProjectsView view(*db, o, summary);
    long long open = -1, all = -1, restarts = -1;
    const std::string first_phase = projects::default_framework().phases.front().key;
    db->read([&](soci::session& s) {
        s << "SELECT count(*) FROM projects WHERE framework_id = :f AND status IN ('active', 'on_hold')",
            soci::use(summary.framework_id), soci::into(open);
        s << "SELECT count(*) FROM projects WHERE framework_id = :f", soci::use(summary.framework_id), soci::into(all);
        s << "SELECT count(*) FROM gate_reviews g JOIN projects p ON p.id = g.project_id WHERE p.framework_id = :f "
             "AND g.decision = 'pivot' AND g.to_phase = :ph",
            soci::use(summary.framework_id), soci::use(first_phase), soci::into(restarts);
        return 0;
    });
    const auto board = view.service.board(view.admin, summary.framework_id, std::nullopt);
    ASSERT_TRUE(board);
    int64_t on_board = 0;
    for (const auto& column : board->columns) {
        on_board += column.total;
        for (size_t i = 1; i < column.cards.size(); ++i) {
            const auto& a = column.cards[i - 1].health;
            const auto& b = column.cards[i].health;
            EXPECT_TRUE(a.ask_first > b.ask_first || (a.ask_first == b.ask_first && a.score <= b.score)) << column.phase.key;
        }
    }
    EXPECT_EQ(on_board, open);
    const auto funnel = view.service.funnel(view.admin, summary.framework_id, std::nullopt);
    ASSERT_TRUE(funnel);
    ASSERT_FALSE(funnel->phases.empty());
    // Every project entered the first phase once, and again with each pivot back to it.
    EXPECT_EQ(funnel->phases.front().entered, all + restarts);
    for (const auto& row : funnel->phases)
        EXPECT_EQ(row.entered, row.advanced + row.killed + row.pivoted_back + row.completed + row.current) << row.key;
}

// At the small scale the counts are the scaled ones exactly, not just minimums.
TEST_F(GeneratorTest, ProjectCountsAreExactAndKpiValuesCountFromTheirPhase) {
    auto db = fresh_database();
    auto o = options(13);
    o.factor = *gen_scale_factor("small");
    o.batch_rows = 5'000;
    const auto summary = generate_company(*db, o);
    EXPECT_EQ(written(summary, "projects"), 200);
    EXPECT_EQ(written(summary, "gate_reviews"), 2'000);
    EXPECT_EQ(written(summary, "kpi_values"), 20'000);
    EXPECT_EQ(summary.last_project_id - summary.first_project_id + 1, 200);
    const auto framework = projects::default_framework();
    db->read([&](soci::session& s) {
        for (const char* table : {"projects", "gate_reviews", "kpi_values", "project_team", "project_stakeholders",
                                  "gate_review_decision_makers"}) {
            long long n = -1;
            s << fmt::format("SELECT count(*) FROM {}", table), soci::into(n);
            EXPECT_EQ(n, written(summary, table)) << table;
        }
        long long unhealthy = -1, stale = -1, early = -1;
        s << "SELECT count(*) FROM projects WHERE health_level <> 'healthy'", soci::into(unhealthy);
        s << "SELECT count(*) FROM projects WHERE health_computed_at IS NULL", soci::into(stale);
        s << "SELECT count(*) FROM kpi_values WHERE counts = 0", soci::into(early);
        EXPECT_EQ(stale, 0);
        EXPECT_GT(unhealthy, 0);  // the board has something to sort
        EXPECT_GT(early, 0);      // some values were recorded before they count
        std::string key, phase;
        int counts = 0;
        soci::statement st = (s.prepare << "SELECT DISTINCT kpi_key, phase_key, counts FROM kpi_values",
                              soci::into(key), soci::into(phase), soci::into(counts));
        st.execute();
        while (st.fetch()) EXPECT_EQ(counts != 0, projects::kpi_counts(framework, key, phase)) << key << " in " << phase;
        return 0;
    });
}

// ---- ideas ----------------------------------------------------------------------------

long long count_of(soci::session& s, const std::string& sql) {
    long long n = -1;
    s << sql, soci::into(n);
    return n;
}

// Every denormalised count on ideas and challenges equals the rows it counts.
TEST_F(GeneratorTest, IdeaCountsAgreeWithTheirRows) {
    auto db = fresh_database();
    auto o = options(21);
    o.factor = *gen_scale_factor("small");
    o.batch_rows = 5'000;
    const auto summary = generate_company(*db, o);
    EXPECT_EQ(written(summary, "ideas"), 2'000);
    EXPECT_EQ(written(summary, "comments"), 10'000);
    EXPECT_EQ(summary.last_idea_id - summary.first_idea_id + 1, 2'000);
    db->read([&](soci::session& s) {
        for (const char* table : {"spaces", "challenges", "challenge_protocols", "ideas", "idea_authors", "idea_links",
                                  "idea_votes", "idea_interest", "comments", "comment_mentions", "comment_helpful",
                                  "points"}) {
            EXPECT_EQ(count_of(s, fmt::format("SELECT count(*) FROM {}", table)), written(summary, table)) << table;
            EXPECT_GT(written(summary, table), 0) << table;
        }
        EXPECT_EQ(count_of(s, "SELECT count(*) FROM ideas i WHERE vote_count <> "
                              "(SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id)"), 0);
        EXPECT_EQ(count_of(s, "SELECT count(*) FROM ideas i WHERE comment_count <> "
                              "(SELECT count(*) FROM comments c WHERE c.idea_id = i.id AND c.hidden = 0)"), 0);
        // The latest record per stakeholder (by noted_on, then id), as insight_repository reads it.
        EXPECT_EQ(count_of(s, "SELECT count(*) FROM ideas i WHERE interest_score <> (SELECT coalesce(sum(CASE n.level "
                              "WHEN 'curious' THEN 1 WHEN 'interested' THEN 2 ELSE 3 END), 0) FROM idea_interest n "
                              "WHERE n.idea_id = i.id AND NOT EXISTS (SELECT 1 FROM idea_interest m WHERE m.idea_id = "
                              "n.idea_id AND m.stakeholder_id = n.stakeholder_id AND (m.noted_on > n.noted_on OR "
                              "(m.noted_on = n.noted_on AND m.id > n.id))))"), 0);
        EXPECT_GT(count_of(s, "SELECT count(*) FROM ideas WHERE interest_score > 0"), 0);
        EXPECT_EQ(count_of(s, "SELECT count(*) FROM challenges c WHERE idea_count <> "
                              "(SELECT count(*) FROM ideas i WHERE i.challenge_id = c.id)"), 0);
        EXPECT_EQ(count_of(s, "SELECT max(idea_count) FROM challenges"), summary.busiest_challenge_ideas);
        EXPECT_EQ(count_of(s, "SELECT count(*) FROM comments WHERE helpful_count <> "
                              "(SELECT count(*) FROM comment_helpful h WHERE h.comment_id = comments.id)"), 0);
        return 0;
    });
}

// Ideas, votes and comments keep the rules of the ideas module: phases, budgets, who may
// take part, and the points of docs/api-ideas.md ("Gamification").
TEST_F(GeneratorTest, IdeasFollowTheRulesOfChallengesAndPoints) {
    auto db = fresh_database();
    auto o = options(22);
    o.factor = *gen_scale_factor("small");
    o.batch_rows = 5'000;
    generate_company(*db, o);
    db->read([&](soci::session& s) {
        const std::vector<std::pair<const char*, std::string>> none = {
            {"ideas outside their challenge's submission and discussion phases",
             "SELECT count(*) FROM ideas i JOIN challenges c ON c.id = i.challenge_id WHERE i.created_at < "
             "c.submission_opens OR i.created_at >= c.voting_opens"},
            {"votes outside the voting phase",
             "SELECT count(*) FROM idea_votes v JOIN challenges c ON c.id = v.challenge_id WHERE v.created_at < "
             "c.voting_opens OR v.created_at >= c.review_opens"},
            {"votes on another challenge than the idea's",
             "SELECT count(*) FROM idea_votes v JOIN ideas i ON i.id = v.idea_id WHERE v.challenge_id IS NOT i.challenge_id"},
            {"people over their vote budget",
             "SELECT count(*) FROM (SELECT user_id, challenge_id, count(*) AS n FROM idea_votes WHERE challenge_id IS "
             "NOT NULL GROUP BY user_id, challenge_id) x JOIN challenges c ON c.id = x.challenge_id WHERE x.n > "
             "c.votes_per_person"},
            {"votes for one's own idea",
             "SELECT count(*) FROM idea_votes v JOIN idea_authors a ON a.idea_id = v.idea_id AND a.user_id = v.user_id"},
            {"comments after the review opened",
             "SELECT count(*) FROM comments k JOIN ideas i ON i.id = k.idea_id JOIN challenges c ON c.id = "
             "i.challenge_id WHERE k.created_at >= c.review_opens OR k.created_at < i.created_at"},
            {"replies to a comment of another idea, or to a later one",
             "SELECT count(*) FROM comments c JOIN comments p ON p.id = c.parent_id WHERE p.idea_id <> c.idea_id OR "
             "p.id >= c.id"},
            {"helpful marks by the comment's author",
             "SELECT count(*) FROM comment_helpful h JOIN comments c ON c.id = h.comment_id WHERE c.author_id = h.user_id"},
            {"externals taking part outside their spaces",
             "SELECT count(*) FROM (SELECT i.space_id, a.user_id FROM idea_authors a JOIN ideas i ON i.id = a.idea_id "
             "UNION ALL SELECT i.space_id, c.author_id FROM comments c JOIN ideas i ON i.id = c.idea_id UNION ALL "
             "SELECT i.space_id, v.user_id FROM idea_votes v JOIN ideas i ON i.id = v.idea_id) p JOIN users u ON u.id "
             "= p.user_id WHERE u.role = 'external' AND NOT EXISTS (SELECT 1 FROM space_members m WHERE m.space_id = "
             "p.space_id AND m.user_id = p.user_id)"},
            {"externals in challenges for an internal audience",
             "SELECT count(*) FROM idea_authors a JOIN users u ON u.id = a.user_id JOIN ideas i ON i.id = a.idea_id "
             "JOIN challenges c ON c.id = i.challenge_id WHERE u.role = 'external' AND c.audience = 'internal'"},
            {"interest noted in an interaction without the stakeholder",
             "SELECT count(*) FROM idea_interest n WHERE n.interaction_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
             "interaction_stakeholders x WHERE x.interaction_id = n.interaction_id AND x.stakeholder_id = "
             "n.stakeholder_id)"},
            {"points of the wrong size",
             "SELECT count(*) FROM points WHERE points <> CASE reason WHEN 'idea_submitted' THEN 5 WHEN "
             "'comment_helpful' THEN 3 WHEN 'built_upon' THEN 8 WHEN 'idea_selected' THEN 15 END"},
            {"authors without their submission points",
             "SELECT count(*) FROM idea_authors a WHERE NOT EXISTS (SELECT 1 FROM points p WHERE p.reason = "
             "'idea_submitted' AND p.object_id = a.idea_id AND p.user_id = a.user_id)"},
            {"declined ideas without a reason", "SELECT count(*) FROM ideas WHERE status = 'declined' AND decline_reason IS NULL"},
        };
        for (const auto& [what, sql] : none) EXPECT_EQ(count_of(s, sql), 0) << what;
        EXPECT_EQ(count_of(s, "SELECT count(*) FROM points WHERE reason = 'idea_submitted'"),
                  count_of(s, "SELECT count(*) FROM idea_authors"));
        EXPECT_EQ(count_of(s, "SELECT count(*) FROM points WHERE reason = 'comment_helpful'"),
                  count_of(s, "SELECT count(*) FROM comment_helpful"));
        EXPECT_EQ(count_of(s, "SELECT count(*) FROM points WHERE reason = 'idea_selected'"),
                  count_of(s, "SELECT count(*) FROM idea_authors a JOIN ideas i ON i.id = a.idea_id WHERE i.status = "
                              "'selected'"));
        // Once per idea built upon and author, never for building on one's own idea.
        EXPECT_EQ(count_of(s, "SELECT count(*) FROM points WHERE reason = 'built_upon'"),
                  count_of(s, "SELECT count(*) FROM (SELECT DISTINCT l.builds_on_id, a.user_id FROM idea_links l JOIN "
                              "idea_authors a ON a.idea_id = l.builds_on_id WHERE NOT EXISTS (SELECT 1 FROM "
                              "idea_authors b WHERE b.idea_id = l.idea_id AND b.user_id = a.user_id))"));
        EXPECT_GT(count_of(s, "SELECT count(*) FROM comments WHERE parent_id IS NOT NULL"), 0);
        EXPECT_GT(count_of(s, "SELECT count(*) FROM ideas WHERE challenge_id IS NULL"), 0);
        return 0;
    });
}

// Every space with generated ideas has moved its idea versions, so a server that had cached
// a space's similar-ideas index or idea lists before builds them again.
TEST_F(GeneratorTest, GeneratedSpacesMoveTheirIdeaVersions) {
    auto db = fresh_database();
    generate_company(*db, options(23));
    db->read([&](soci::session& s) {
        EXPECT_GT(count_of(s, "SELECT count(DISTINCT space_id) FROM ideas"), 0);
        EXPECT_EQ(count_of(s, "SELECT count(DISTINCT space_id) FROM ideas WHERE space_id NOT IN "
                              "(SELECT space_id FROM idea_space_versions WHERE text_version > 0 AND list_version > 0)"),
                  0);
        return 0;
    });
}

}  // namespace
}  // namespace cocreate::app
