// `cocreate gen`, projects: two frameworks from the default template, then co-innovation
// projects with their team, stakeholders, gate review history and KPI values, and last the
// health of every project, computed by the projects module itself. Each project is planned
// first (generator_project_plans.cpp); this file writes the plans as rows.

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>
#include <string_view>

#include "app/generator_model.hpp"
#include "app/generator_project_plan.hpp"
#include "core/json_input.hpp"
#include "projects/framework_repository.hpp"
#include "projects/framework_template.hpp"
#include "projects/project_rules.hpp"
#include "projects/project_service.hpp"
#include "stakeholders/stakeholder_service.hpp"

namespace cocreate::app::gen {

using soci::into;
using soci::use;

namespace {

namespace json = boost::json;
using projects::FrameworkVersion;
using projects::Phase;

constexpr std::array kFrameworkNames = {"Co-innovation", "Co-innovation for public customers"};
static_assert(kFrameworkNames.size() == kFrameworkWeights.size());

// ---- who takes part --------------------------------------------------------------------

// The stakeholders projects link to, read back from the rows (the in-memory briefs do not
// keep kinds or gatekeeper areas).
struct Parties {
    std::vector<int32_t> customers;                                        // customer organisations, most visited first
    std::vector<int32_t> partners;                                         // partner and supplier organisations
    std::map<std::string, std::vector<int64_t>, std::less<>> gatekeepers;  // area → stakeholder ids
};

Parties find_parties(db::Database& db, const Company& co) {
    std::vector<std::string> kind(static_cast<size_t>(co.counts.organisations));
    Parties out;
    db.read([&](soci::session& s) {
        long long id = 0;
        std::string k, area;
        soci::indicator area_i = soci::i_null;
        soci::statement st = (s.prepare << "SELECT id, kind, gatekeeper_area FROM stakeholders WHERE type = "
                                           "'organisation' OR kind = 'internal_gatekeeper' ORDER BY id",
                              into(id), into(k), into(area, area_i));
        st.execute();
        while (st.fetch()) {
            if (k == "internal_gatekeeper") {
                if (area_i == soci::i_ok) out.gatekeepers[area].push_back(id);
                continue;
            }
            // Briefs are in id order, so the index of an id is found by bisection.
            const auto it = std::lower_bound(co.stakeholders.begin(), co.stakeholders.end(), id,
                                             [](const StakeholderBrief& b, long long v) { return b.id < v; });
            const auto index = it - co.stakeholders.begin();
            if (it != co.stakeholders.end() && it->id == id && index < std::ssize(kind))
                kind[static_cast<size_t>(index)] = k;
        }
        return 0;
    });
    for (auto org : co.popularity) {
        const auto& k = kind[static_cast<size_t>(org)];
        if (k == "customer")
            out.customers.push_back(org);
        else if (k == "partner" || k == "supplier")
            out.partners.push_back(org);
    }
    // A tiny company may have no customer at all: then any external organisation stands in.
    if (out.customers.empty())
        for (auto org : co.popularity)
            if (org >= std::ssize(kInternalTeams)) out.customers.push_back(org);
    return out;
}

struct Member {
    int32_t user = 0;
    std::string role;
};

struct Party {
    int64_t id = 0;
    std::string role, commitment;
};

struct People {
    int32_t lead = 0;
    std::optional<int32_t> sponsor;
    std::vector<Member> team;
    std::vector<Party> parties;
    std::map<std::string, int64_t, std::less<>> gatekeeper;  // area → the one who attends the reviews
    std::string customer_name;
};

// A customer organisation, chosen as the interactions chose whom to meet (the most visited
// most often). Most running projects are with a customer met in the last two weeks, since
// working on one means talking to it; the search for such a customer is bounded.
int32_t choose_customer(Dice& dice, const Company& co, const Parties& parties, bool running) {
    const auto draw = [&] { return parties.customers[dice.skewed(parties.customers.size())]; };
    auto org = draw();
    if (!running || !dice.chance(0.8)) return org;
    const int64_t recent = co.now_ms - 14 * kDayMs;
    for (int attempt = 0; attempt < 30 && co.last_held_ms[static_cast<size_t>(org)] < recent; ++attempt) org = draw();
    return org;
}

// Lead, sponsor and team from the users; the customer organisation (usually itself, and
// one to three of its people), sometimes a partner or supplier, and internal gatekeepers.
People choose_people(Dice& dice, const Company& co, const Parties& parties, bool running) {
    People out;
    out.lead = co.random_member(dice);
    std::set<int32_t> taken{out.lead};
    if (dice.chance(0.85)) {
        const auto s = co.random_member(dice);
        if (taken.insert(s).second) out.sponsor = s;
    }
    for (int64_t n = dice.between(1, 4); n > 0; --n) {
        const auto u = co.random_member(dice);
        if (taken.insert(u).second) out.team.push_back({u, dice.pick(kProjectRoles)});
    }
    const auto org = choose_customer(dice, co, parties, running);
    out.customer_name = co.names[static_cast<size_t>(org)];
    std::set<int64_t> linked;
    auto link = [&](int64_t id, const char* role, std::string commitment) {
        if (linked.insert(id).second) out.parties.push_back({id, role, std::move(commitment)});
    };
    const auto& people = co.people[static_cast<size_t>(org)];
    const bool in_touch = co.last_held_ms[static_cast<size_t>(org)] >= co.now_ms - 14 * kDayMs;
    if (people.empty() || in_touch || dice.chance(0.6))
        link(co.stakeholders[static_cast<size_t>(org)].id, "customer", dice.pick(kCommitments));
    for (int64_t n = people.empty() ? 0 : dice.between(1, 3); n > 0; --n) {
        const auto person = people[static_cast<size_t>(dice.between(0, std::ssize(people) - 1))];
        link(co.stakeholders[static_cast<size_t>(person)].id, "customer", "");
    }
    if (!parties.partners.empty() && dice.chance(0.15)) {
        const auto p = parties.partners[static_cast<size_t>(dice.between(0, std::ssize(parties.partners) - 1))];
        link(co.stakeholders[static_cast<size_t>(p)].id, "partner", dice.pick(kCommitments));
    }
    for (const auto& [area, ids] : parties.gatekeepers) {
        if (area != "legal" && area != "procurement") continue;
        out.gatekeeper[area] = ids[static_cast<size_t>(dice.between(0, std::ssize(ids) - 1))];
        if (dice.chance(0.5)) link(out.gatekeeper[area], "gatekeeper", "");
    }
    return out;
}

// ---- JSON columns, in the shapes project_repository and gate_review_repository read ------

json::value text_or_null(const std::optional<std::string>& url) {
    return url ? json::value(*url) : json::value(nullptr);
}

std::string evidence_url(Dice& dice, const std::string& phase, const std::string& key) {
    return fmt::format("https://docs.gen.cocreate.test/evidence/{}/{}-{}", phase, key, dice.between(1000, 9999));
}

std::string fit_text(const projects::FitCheck& f) {
    json::array reasons;
    for (const auto& r : f.reasons) reasons.emplace_back(r);
    return json::serialize(json::object{{"problem_defined", f.answers.problem_defined},
                                        {"near_term", f.answers.near_term},
                                        {"customers_can_picture", f.answers.customers_can_picture},
                                        {"customer_willing", f.answers.customer_willing},
                                        {"capacity_available", f.answers.capacity_available},
                                        {"score", f.score},
                                        {"recommendation", f.recommendation},
                                        {"flagged", f.flagged},
                                        {"reasons", std::move(reasons)}});
}

// Answers 1..5, mostly 3 and 4; a project that was stopped often started on a weaker case.
projects::FitCheck draw_fit(Dice& dice, bool stopped) {
    static constexpr std::array<Weighted, 5> kAnswers = {{{"1", 5}, {"2", 12}, {"3", 28}, {"4", 35}, {"5", 20}}};
    auto answer = [&] {
        const int a = std::stoi(dice.weighted(kAnswers));
        return stopped && dice.chance(0.3) ? std::max(1, a - 1) : a;
    };
    projects::FitAnswers a;
    a.problem_defined = answer();
    a.near_term = answer();
    a.customers_can_picture = answer();
    a.customer_willing = answer();
    a.capacity_available = answer();
    return projects::fit_check(a);
}

std::string kill_criteria_text(Dice& dice, const Plan& p) {
    json::array out;
    std::set<std::string_view> texts;
    for (int64_t n = dice.between(1, 3); n > 0; --n) texts.insert(dice.pick(kKillCriteria));
    // A stopped project usually hit one; a few running ones have too (the critical signal).
    bool met = p.status == "stopped" ? dice.chance(0.6) : p.status != "completed" && dice.chance(0.04);
    int k = 0;
    for (const auto& t : texts) {
        out.push_back(json::object{{"key", "k" + std::to_string(++k)}, {"text", t}, {"met", met}});
        met = false;
    }
    return json::serialize(out);
}

// The project's criterion checks: phases it left with a go have their evidence criteria met;
// in the current phase the share met grows with the time spent there.
std::string criteria_checks_text(Dice& dice, const Plan& p, const FrameworkVersion& f, const std::vector<Stay>& stays) {
    std::map<std::pair<int, size_t>, std::pair<bool, std::optional<std::string>>> checks;
    for (const auto& s : p.steps) {
        const auto& phase = f.phases[static_cast<size_t>(s.from)];
        for (size_t c = 0; c < phase.exit_criteria.size(); ++c) {
            const bool met = (s.move == Move::kGo && phase.exit_criteria[c].evidence_required) || dice.chance(0.5);
            checks[{s.from, c}] = {
                met, met ? std::optional(evidence_url(dice, phase.key, phase.exit_criteria[c].key)) : std::nullopt};
        }
    }
    if (p.status == "active" || p.status == "on_hold") {
        const auto& phase = f.phases[static_cast<size_t>(p.phase)];
        const double progress =
            static_cast<double>(p.end_ms - stays.back().from_ms) / kDayMs / std::max(1, phase.max_days);
        for (size_t c = 0; c < phase.exit_criteria.size(); ++c) {
            if (!dice.chance(std::min(0.9, progress))) continue;
            checks[{p.phase, c}] = {true, evidence_url(dice, phase.key, phase.exit_criteria[c].key)};
        }
    }
    json::array out;
    for (const auto& [at, check] : checks) {
        const auto& phase = f.phases[static_cast<size_t>(at.first)];
        json::object o{{"phase", phase.key}, {"key", phase.exit_criteria[at.second].key}, {"met", check.first}};
        o["evidence_url"] = text_or_null(check.second);
        out.push_back(std::move(o));
    }
    return json::serialize(out);
}

// ---- KPI values ------------------------------------------------------------------------

struct KpiRange {
    double lo = 0, hi = 100;
    int decimals = 0;
};

KpiRange range_of(const projects::KpiDefinition& k) {
    static const std::map<std::string_view, KpiRange> kKnown = {
        {"interviews_held", {0, 15, 0}}, {"assumptions_tested", {0, 8, 0}},  {"customers_engaged", {0, 6, 0}},
        {"interest_score", {0, 3, 1}},   {"pilot_on_time", {55, 100, 0}},    {"satisfaction", {5, 10, 1}},
        {"churn", {1, 12, 1}},           {"revenue", {10'000, 2'000'000, 0}}};
    const auto it = kKnown.find(k.key);
    return it != kKnown.end() ? it->second : KpiRange{0, k.target ? *k.target * 1.5 : 100.0, 0};
}

// What the KPI rows of one framework need, worked out once.
struct KpiBook {
    std::vector<KpiRange> ranges;               // by KPI index
    std::vector<std::vector<size_t>> of_phase;  // phase index → indices of its kpi_keys
    std::vector<std::vector<char>> counts;      // [phase][kpi]: projects::kpi_counts
    explicit KpiBook(const FrameworkVersion& f) {
        for (const auto& k : f.kpis) ranges.push_back(range_of(k));
        for (const auto& phase : f.phases) {
            std::vector<size_t> mine;
            std::vector<char> counted;
            for (size_t i = 0; i < f.kpis.size(); ++i) {
                if (std::find(phase.kpi_keys.begin(), phase.kpi_keys.end(), f.kpis[i].key) != phase.kpi_keys.end())
                    mine.push_back(i);
                counted.push_back(projects::kpi_counts(f, f.kpis[i].key, phase.key) ? 1 : 0);
            }
            of_phase.push_back(std::move(mine));
            counts.push_back(std::move(counted));
        }
    }
};

// A value that moves toward the target the longer the project has been in the phase.
double kpi_value(Dice& dice, const projects::KpiDefinition& k, const KpiRange& r, double progress) {
    const double frac = std::clamp(progress * (0.6 + 0.7 * dice.unit()), 0.0, 1.0);
    const double v = k.direction == "down" ? r.hi - (r.hi - r.lo) * frac : r.lo + (r.hi - r.lo) * frac;
    const double scale = r.decimals ? std::pow(10.0, r.decimals) : 1.0;
    return std::round(v * scale) / scale;
}

// ---- rows ------------------------------------------------------------------------------

// Steps a RETURNING insert to its end and gives back the id it returned. Left on its row,
// the statement would keep its statement transaction open while the next rows are written;
// with two such statements taking turns one is always open, SQLite's statement journal
// then grows for the whole transaction and every statement's release walks it (quadratic:
// minutes instead of seconds at enterprise scale).
long long finish(soci::statement& st, long long id) {
    while (st.fetch()) {
    }
    return id;
}

constexpr const char* kInsertProject =
    "INSERT INTO projects (title, problem_statement, hypothesis, lead_id, sponsor_id, framework_id, framework_version, "
    "phase_key, phase_entered_at, status, kill_criteria, criteria_checks, fit, fit_score, budget_amount, "
    "budget_currency, effort_days, learned, do_differently, version, created_by, created_at, updated_at) VALUES "
    "(:t, :ps, :h, :l, :sp, :f, :fv, :ph, :pe, :st, :k, :c, :fit, :fs, :ba, :bc, :e, :le, :dd, :v, :b, :ca, :u) "
    "RETURNING id";

// The projects row (see "prepared inserts" in generator_model.hpp).
struct ProjectInsert {
    std::string title, problem, hypothesis, phase, entered, status, kills, checks, fit;
    std::string currency = "EUR", learned, differently, created, updated;
    long long lead = 0, sponsor = 0, framework = 0, budget = 0, version = 1, id = 0;
    int framework_version = 1, fit_score = 0, effort = 0;
    soci::indicator sponsor_i = soci::i_null, budget_i = soci::i_null, effort_i = soci::i_null,
                    learned_i = soci::i_null;
    soci::statement st;
    explicit ProjectInsert(soci::session& s)
        : st((s.prepare << kInsertProject, use(title), use(problem), use(hypothesis), use(lead),
              use(sponsor, sponsor_i), use(framework), use(framework_version), use(phase), use(entered), use(status),
              use(kills), use(checks), use(fit), use(fit_score), use(budget, budget_i), use(currency, budget_i),
              use(effort, effort_i), use(learned, learned_i), use(differently, learned_i), use(version), use(lead),
              use(created), use(updated), into(id))) {}
    ProjectInsert(const ProjectInsert&) = delete;
    long long run() {
        st.execute(true);
        return finish(st, id);
    }
};

constexpr const char* kInsertReview =
    "INSERT INTO gate_reviews (project_id, from_phase, status, body, requested_by, requested_at, decision, to_phase, "
    "rationale, decided_by, decided_at) VALUES (:p, :f, :st, :b, :r, :a, :d, :t, :ra, :db, :da) RETURNING id";

// The gate_reviews row; the decision columns are NULL while the review is open.
struct ReviewInsert {
    std::string from, status, body, requested_at, decision, to, rationale, decided_at;
    long long project = 0, requested_by = 0, decided_by = 0, id = 0;
    soci::indicator decided_i = soci::i_null;
    soci::statement st;
    explicit ReviewInsert(soci::session& s)
        : st((s.prepare << kInsertReview, use(project), use(from), use(status), use(body), use(requested_by),
              use(requested_at), use(decision, decided_i), use(to, decided_i), use(rationale, decided_i),
              use(decided_by, decided_i), use(decided_at, decided_i), into(id))) {}
    ReviewInsert(const ReviewInsert&) = delete;
    long long run() {
        st.execute(true);
        return finish(st, id);
    }
};

struct ProjectWrites {
    ProjectInsert project;
    ReviewInsert review;
    RowInsert<Int, Int, Text> team;
    RowInsert<Int, Int, Text, Text> party;
    RowInsert<Int, Int> decision_maker;
    RowInsert<Int, Text, double, Text, Text, Int, Text, Int, Text> kpi;
    explicit ProjectWrites(soci::session& s)
        : project(s),
          review(s),
          team(s, "INSERT INTO project_team (project_id, user_id, role) VALUES (:p, :u, :r)"),
          party(s,
                "INSERT INTO project_stakeholders (project_id, stakeholder_id, role, commitment) "
                "VALUES (:p, :s, :r, :c)"),
          decision_maker(s, "INSERT INTO gate_review_decision_makers (review_id, user_id) VALUES (:r, :u)"),
          kpi(s,
              "INSERT INTO kpi_values (project_id, kpi_key, value, recorded_on, phase_key, counts, note, "
              "recorded_by, recorded_at) VALUES (:p, :k, :v, :o, :ph, :c, :n, :b, :a)") {}
};

// What a gate review carries, in the shape gate_review_repository writes and reads.
struct ReviewBody {
    json::array criteria, kpis, present;
    std::optional<std::string> pivot_to, hypothesis;
    std::optional<std::pair<std::string, std::string>> learnings;
    std::string text(const Phase& phase) && {
        json::array required;
        for (const auto& g : phase.gatekeepers) required.emplace_back(g);
        json::object o{{"criteria", std::move(criteria)},
                       {"kpi_values", std::move(kpis)},
                       {"gatekeepers_required", std::move(required)},
                       {"gatekeepers_present", std::move(present)}};
        o["pivot_to_phase"] = text_or_null(pivot_to);
        o["new_hypothesis"] = text_or_null(hypothesis);
        if (learnings)
            o["learnings"] = json::object{{"learned", learnings->first}, {"do_differently", learnings->second}};
        return json::serialize(o);
    }
};

struct ProjectContext {
    const FrameworkVersion& f;
    const KpiBook& book;
    const People& people;
    std::string topic;
};

// The review's snapshot: criteria (evidence ones met on a go), a KPI value or two, and the
// gatekeepers the phase needs when the decision is a go.
ReviewBody review_body(Dice& dice, const ProjectContext& x, int phase_index, std::optional<Move> move) {
    const auto& phase = x.f.phases[static_cast<size_t>(phase_index)];
    ReviewBody b;
    for (const auto& c : phase.exit_criteria) {
        const bool met = (move == Move::kGo && c.evidence_required) || dice.chance(0.5);
        json::object o{{"key", c.key}, {"text", c.text}, {"met", met}};
        o["evidence_url"] = met ? json::value(evidence_url(dice, phase.key, c.key)) : json::value(nullptr);
        b.criteria.push_back(std::move(o));
    }
    const auto& mine = x.book.of_phase[static_cast<size_t>(phase_index)];
    for (int64_t n = mine.empty() ? 0 : dice.between(0, 2); n > 0; --n) {
        const auto k = mine[static_cast<size_t>(dice.between(0, std::ssize(mine) - 1))];
        b.kpis.push_back(
            json::object{{"kpi_key", x.f.kpis[k].key}, {"value", kpi_value(dice, x.f.kpis[k], x.book.ranges[k], 1.0)}});
    }
    if (move == Move::kGo)
        for (const auto& area : phase.gatekeepers)
            if (const auto g = x.people.gatekeeper.find(area); g != x.people.gatekeeper.end())
                b.present.emplace_back(g->second);
    return b;
}

void write_decision_makers(Dice& dice, Company& co, ProjectWrites& w, long long review, const People& people) {
    std::set<int32_t> who{people.sponsor.value_or(people.lead)};
    for (int64_t n = dice.between(0, 2); n > 0; --n) who.insert(co.random_member(dice));
    for (auto u : who) w.decision_maker.run(review, co.user(u));
    co.count("gate_review_decision_makers", std::ssize(who));
}

int32_t requester(Dice& dice, const People& people) {
    return people.team.empty() || dice.chance(0.7)
               ? people.lead
               : people.team[static_cast<size_t>(dice.between(0, std::ssize(people.team) - 1))].user;
}

// What people wrote when deciding: a rationale always, a new hypothesis for a pivot, the
// learnings for a kill. Drawn before any row, since the project row carries the last of them.
struct DecisionText {
    std::string rationale;
    std::optional<std::string> hypothesis;
    std::optional<std::pair<std::string, std::string>> learnings;
};

std::vector<DecisionText> decision_texts(Dice& dice, const Plan& p, const std::string& topic) {
    std::vector<DecisionText> out;
    for (const auto& s : p.steps) {
        DecisionText t;
        switch (s.move) {
            case Move::kGo:
                t.rationale = dice.pick(kGoRationales);
                break;
            case Move::kHold:
                t.rationale = dice.pick(kHoldRationales);
                break;
            case Move::kPivot:
                t.rationale = dice.pick(kPivotRationales);
                t.hypothesis = fmt::format(fmt::runtime(dice.pick(kHypothesisPatterns)), topic);
                break;
            case Move::kKill:
                t.rationale = dice.pick(kKillRationales);
                t.learnings.emplace(dice.pick(kLearnings), dice.pick(kDoDifferently));
                break;
        }
        out.push_back(std::move(t));
    }
    return out;
}

constexpr std::array kDecisionWords = {"go", "kill", "hold", "pivot"};  // by Move

// The decided reviews, in order, then the open one.
void write_reviews(Dice& dice, Company& co, ProjectWrites& w, const Plan& p, const ProjectContext& x,
                   const std::vector<DecisionText>& texts) {
    auto& r = w.review;
    r.project = w.project.id;
    for (size_t i = 0; i < p.steps.size(); ++i) {
        const auto& s = p.steps[i];
        const auto& from = x.f.phases[static_cast<size_t>(s.from)];
        auto body = review_body(dice, x, s.from, s.move);
        r.from = from.key;
        r.to = x.f.phases[static_cast<size_t>(s.to)].key;
        r.status = "decided";
        r.decided_i = soci::i_ok;
        r.decision = kDecisionWords[static_cast<size_t>(s.move)];
        r.rationale = texts[i].rationale;
        if (s.move == Move::kPivot) {
            body.pivot_to = r.to;
            body.hypothesis = texts[i].hypothesis;
        }
        body.learnings = texts[i].learnings;
        r.body = std::move(body).text(from);
        r.requested_by = co.user(requester(dice, x.people));
        r.requested_at = stamp(s.requested_ms);
        r.decided_by = co.user(x.people.sponsor.value_or(x.people.lead));
        r.decided_at = stamp(s.decided_ms);
        write_decision_makers(dice, co, w, r.run(), x.people);
    }
    if (p.open_review) {
        const auto& phase = x.f.phases[static_cast<size_t>(p.phase)];
        r.from = phase.key;
        r.status = "requested";
        r.decided_i = soci::i_null;
        r.body = review_body(dice, x, p.phase, std::nullopt).text(phase);
        r.requested_by = co.user(requester(dice, x.people));
        r.requested_at = stamp(p.open_requested_ms);
        write_decision_makers(dice, co, w, r.run(), x.people);
    }
    co.count("gate_reviews", std::ssize(p.steps) + (p.open_review ? 1 : 0));
}

// The project's KPI values, oldest first, each recorded in the phase the project was in then.
void write_kpi_values(Dice& dice, Company& co, ProjectWrites& w, const Plan& p, const ProjectContext& x,
                      const std::vector<Stay>& stays) {
    if (x.f.kpis.empty()) return;
    std::vector<int64_t> times(static_cast<size_t>(p.kpi_values));
    for (auto& t : times) t = p.created_ms + dice.between(0, std::max<int64_t>(0, p.end_ms - p.created_ms - kHourMs));
    std::sort(times.begin(), times.end());
    size_t at = 0;
    for (const auto t : times) {
        while (at + 1 < stays.size() && stays[at + 1].from_ms <= t) ++at;
        const auto& stay = stays[at];
        const auto& phase = x.f.phases[static_cast<size_t>(stay.phase)];
        const auto& mine = x.book.of_phase[static_cast<size_t>(stay.phase)];
        // Mostly the phase's own KPIs; now and then one that only counts later (kept, greyed).
        const size_t k = !mine.empty() && dice.chance(0.85)
                             ? mine[static_cast<size_t>(dice.between(0, std::ssize(mine) - 1))]
                             : static_cast<size_t>(dice.between(0, std::ssize(x.f.kpis) - 1));
        const double progress = static_cast<double>(t - stay.from_ms) / kDayMs / std::max(1, phase.max_days);
        const auto by = dice.chance(0.6) || x.people.team.empty()
                            ? x.people.lead
                            : x.people.team[static_cast<size_t>(dice.between(0, std::ssize(x.people.team) - 1))].user;
        w.kpi.run(w.project.id, x.f.kpis[k].key, kpi_value(dice, x.f.kpis[k], x.book.ranges[k], progress), date_of(t),
                  phase.key, Int(x.book.counts[static_cast<size_t>(stay.phase)][k]),
                  Text(dice.chance(0.05) ? "From the steering meeting" : ""), co.user(by),
                  stamp(std::min(co.now_ms, t + dice.between(0, 48) * kHourMs)));
    }
    co.count("kpi_values", p.kpi_values);
}

void write_project(Dice& dice, Company& co, ProjectWrites& w, const Plan& p, const Parties& parties,
                   const std::vector<FrameworkVersion>& frameworks, const std::vector<KpiBook>& books) {
    const auto& f = frameworks[p.framework];
    const auto people = choose_people(dice, co, parties, p.status == "active" || p.status == "on_hold");
    const ProjectContext x{f, books[p.framework], people, dice.pick(kProjectTopics)};
    const auto stays = stays_of(p);
    const auto fit = draw_fit(dice, p.status == "stopped");
    auto& row = w.project;
    row.title = fmt::format("{} with {}", x.topic, people.customer_name);
    row.problem = fmt::format(fmt::runtime(dice.pick(kProblemPatterns)), core::ascii_lower(x.topic));
    row.hypothesis = fmt::format(fmt::runtime(dice.pick(kHypothesisPatterns)), x.topic);
    row.lead = co.user(people.lead);
    row.sponsor = people.sponsor ? co.user(*people.sponsor) : 0;
    row.sponsor_i = people.sponsor ? soci::i_ok : soci::i_null;
    row.framework = co.frameworks[p.framework];
    row.phase = f.phases[static_cast<size_t>(p.phase)].key;
    row.entered = stamp(stays.back().from_ms);
    row.status = std::string(p.status);
    row.kills = kill_criteria_text(dice, p);
    row.checks = criteria_checks_text(dice, p, f, stays);
    row.fit = fit_text(fit);
    row.fit_score = fit.score;
    row.budget = dice.between(2, 50) * 10'000;
    row.budget_i = dice.chance(0.6) ? soci::i_ok : soci::i_null;
    row.effort = static_cast<int>(dice.between(10, 400));
    row.effort_i = dice.chance(0.5) ? soci::i_ok : soci::i_null;
    row.version = 1 + std::ssize(p.steps);  // every decision updates the project once
    row.created = stamp(p.created_ms);
    row.updated = stamp(p.steps.empty() ? p.created_ms : p.steps.back().decided_ms);
    // A pivot replaces the hypothesis; a kill stores its learnings on the project.
    const auto texts = decision_texts(dice, p, x.topic);
    row.learned_i = soci::i_null;
    for (const auto& t : texts) {
        if (t.hypothesis) row.hypothesis = *t.hypothesis;
        if (t.learnings) {
            row.learned = t.learnings->first;
            row.differently = t.learnings->second;
            row.learned_i = soci::i_ok;
        }
    }
    row.run();
    write_reviews(dice, co, w, p, x, texts);
    for (const auto& m : people.team) w.team.run(row.id, co.user(m.user), m.role);
    for (const auto& s : people.parties) w.party.run(row.id, s.id, s.role, s.commitment);
    co.count("project_team", std::ssize(people.team));
    co.count("project_stakeholders", std::ssize(people.parties));
    write_kpi_values(dice, co, w, p, x, stays);
}

class FixedClock final : public core::Clock {
public:
    explicit FixedClock(core::TimePoint t) : t_(t) {}
    core::TimePoint now() const override { return t_; }

private:
    core::TimePoint t_;
};

}  // namespace

void insert_frameworks(db::Database& db, Company& co) {
    const std::string at = stamp(co.now_ms - (3 * 365 + 30) * kDayMs);
    db.write([&](soci::session& s) -> core::Status {
        for (const auto* name : kFrameworkNames) {
            auto v = projects::default_framework();
            v.framework_id = projects::framework_repository::insert_framework(
                s, name, "Explore, validate, co-design, pilot and scale together with customers.", co.users.front(),
                at);
            v.version = 1;
            projects::framework_repository::publish_version(s, v, co.users.front(), at);
            co.frameworks.push_back(v.framework_id);
        }
        return {};
    });
    co.count("frameworks", std::ssize(co.frameworks));
    co.count("framework_versions", std::ssize(co.frameworks));
}

void insert_projects(db::Database& db, Dice& dice, Company& co, const GenOptions& o) {
    std::vector<FrameworkVersion> frameworks;
    std::vector<KpiBook> books;
    for (size_t i = 0; i < co.frameworks.size(); ++i) {
        frameworks.push_back(projects::default_framework());
        books.emplace_back(frameworks.back());
    }
    const auto parties = find_parties(db, co);
    const auto plans = plan_projects(dice, co, frameworks.front());
    // A project brings ~100 KPI values and ~10 reviews: fewer projects per transaction.
    GenOptions per_batch = o;
    per_batch.batch_rows = std::max<int64_t>(1, o.batch_rows / 25);
    in_batches(db, per_batch, "projects", std::ssize(plans), [&](soci::session& s, int64_t begin, int64_t end) {
        ProjectWrites w(s);
        for (int64_t i = begin; i < end; ++i) {
            write_project(dice, co, w, plans[static_cast<size_t>(i)], parties, frameworks, books);
            if (i == 0) co.first_project_id = w.project.id;
            co.last_project_id = w.project.id;
        }
    });
    co.count("projects", std::ssize(plans));
}

void store_project_health(db::Database& db, Company& co, const GenOptions& o) {
    const FixedClock clock(o.now);
    stakeholders::StakeholderService registry(db, clock);
    projects::ProjectService service(db, clock, registry);
    auth::Principal admin;
    admin.user_id = co.users.front();
    admin.display_name = "Bench Admin";
    admin.email = kGenAdminEmail;
    admin.role = auth::Role::kAdmin;
    const auto done = service.recompute_all(admin);
    if (!done) throw std::runtime_error("gen: recomputing project health: " + done.error().detail);
    co.health_seconds = done->seconds;
    if (o.progress)
        *o.progress << fmt::format("project health {} in {:.2f} s\n", done->projects, done->seconds) << std::flush;
}

}  // namespace cocreate::app::gen
