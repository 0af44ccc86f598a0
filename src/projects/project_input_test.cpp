#include "projects/project_input.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace cocreate::projects {
namespace {

using core::ErrorCode;

// Every field a failed read names, in the order the reader recorded them.
std::vector<std::string> fields(const core::Status& status) {
    std::vector<std::string> out;
    if (!status) {
        for (const auto& e : status.error().errors) out.push_back(e.field);
    }
    return out;
}

// Reads `text` with `read` and finishes the reader, as the routes do: what was read, and the
// reader's verdict (unknown fields included).
template <typename Read>
auto read_body(std::string_view text, Read&& read) {
    const auto obj = core::parse_json_object(text).value();
    core::ObjectReader r(obj);
    auto value = read(r);
    auto status = r.finish();
    return std::pair{std::move(value), std::move(status)};
}

FrameworkVersion version_of(std::string_view text, core::Status& status) {
    auto [v, st] = read_body(text, [](core::ObjectReader& r) { return read_version(r); });
    status = std::move(st);
    return v;
}

// ---- is_project_key ---------------------------------------------------------------------

TEST(IsProjectKey, AcceptsLowerCaseLettersDigitsUnderscoresAndHyphens) {
    for (const std::string key : {"a", "explore", "validate_problem", "co-design", "0day", "phase2", "a-b_c-9"})
        EXPECT_TRUE(is_project_key(key)) << key;
    EXPECT_TRUE(is_project_key(std::string(60, 'k')));
}

TEST(IsProjectKey, RefusesEmptyTooLongAndOtherCharacters) {
    EXPECT_FALSE(is_project_key(""));
    EXPECT_FALSE(is_project_key(std::string(61, 'k')));
    // The first character is a letter or a digit, never a separator.
    EXPECT_FALSE(is_project_key("_explore"));
    EXPECT_FALSE(is_project_key("-explore"));
    for (const std::string key : {"Explore", "co design", "co.design", "co/design", "phase!", "caf\xc3\xa9", "a\tb"})
        EXPECT_FALSE(is_project_key(key)) << key;
}

// ---- read_version -----------------------------------------------------------------------

constexpr std::string_view kVersion = R"({
  "phases": [
    {"key": "explore", "name": "Explore", "guidelines": "Talk to *five* customers.",
     "recommended_formats": ["workshop", "call"], "expected_level": "aware",
     "exit_criteria": [{"key": "interviews", "text": "Five interviews held", "evidence_required": true},
                       {"key": "notes", "text": "Notes shared"}],
     "max_days": 30, "kpi_keys": ["interviews_held"], "gatekeepers": ["legal"]},
    {"key": "pilot", "name": "Pilot", "max_days": 90}
  ],
  "kpis": [
    {"key": "interviews_held", "name": "Interviews held", "unit": "interviews", "direction": "up",
     "kind": "learning", "counts_from_phase": null, "target": 10},
    {"key": "churn", "name": "Churn", "kind": "outcome", "direction": "down", "counts_from_phase": "pilot"}
  ]
})";

TEST(ReadVersion, ReadsPhasesCriteriaAndKpisWithTheirDefaults) {
    core::Status st;
    const auto v = version_of(kVersion, st);
    ASSERT_TRUE(st) << st.error().detail;
    ASSERT_EQ(v.phases.size(), 2u);
    const auto& explore = v.phases[0];
    EXPECT_EQ(explore.key, "explore");
    EXPECT_EQ(explore.name, "Explore");
    EXPECT_EQ(explore.guidelines, "Talk to *five* customers.");
    EXPECT_EQ(explore.expected_level, "aware");
    EXPECT_EQ(explore.max_days, 30);
    EXPECT_EQ(explore.kpi_keys, std::vector<std::string>{"interviews_held"});
    EXPECT_EQ(explore.gatekeepers, std::vector<std::string>{"legal"});
    ASSERT_EQ(explore.exit_criteria.size(), 2u);
    EXPECT_EQ(explore.exit_criteria[0].key, "interviews");
    EXPECT_TRUE(explore.exit_criteria[0].evidence_required);
    EXPECT_FALSE(explore.exit_criteria[1].evidence_required) << "evidence_required defaults to false";
    // A phase with only the required fields.
    const auto& pilot = v.phases[1];
    EXPECT_TRUE(pilot.exit_criteria.empty());
    EXPECT_TRUE(pilot.recommended_formats.empty());
    EXPECT_TRUE(pilot.gatekeepers.empty());
    EXPECT_EQ(pilot.expected_level, "");
    ASSERT_EQ(v.kpis.size(), 2u);
    EXPECT_EQ(v.kpis[0].target, 10.0);
    EXPECT_FALSE(v.kpis[0].counts_from_phase) << "null counts_from_phase means from the first phase";
    EXPECT_EQ(v.kpis[1].direction, "down");
    EXPECT_EQ(v.kpis[1].counts_from_phase, "pilot");
    EXPECT_FALSE(v.kpis[1].target);
    EXPECT_EQ(v.kpis[1].unit, "");
}

TEST(ReadVersion, PhasesAndKpisAreRequired) {
    core::Status st;
    version_of("{}", st);
    EXPECT_EQ(fields(st), (std::vector<std::string>{"phases", "kpis"}));
    EXPECT_EQ(st.error().code, ErrorCode::kUnprocessable);
}

TEST(ReadVersion, RefusesUnknownFieldsAtEveryLevelNamingThePath) {
    struct Case {
        std::string body, field;
    };
    const std::vector<Case> cases = {
        {R"({"phases": [], "kpis": [], "notes": "x"})", "notes"},
        {R"({"phases": [{"key": "a", "name": "A", "max_days": 5, "colour": "red"}], "kpis": []})", "phases[0].colour"},
        {R"({"phases": [{"key": "a", "name": "A", "max_days": 5},
                        {"key": "b", "name": "B", "max_days": 5,
                         "exit_criteria": [{"key": "one", "text": "One"}, {"key": "two", "text": "Two", "owner": "me"}]}],
             "kpis": []})",
         "phases[1].exit_criteria[1].owner"},
        {R"({"phases": [], "kpis": [{"key": "k", "name": "K", "kind": "learning", "colour": "red"}]})",
         "kpis[0].colour"},
    };
    for (const auto& c : cases) {
        core::Status st;
        version_of(c.body, st);
        ASSERT_FALSE(st) << c.body;
        EXPECT_EQ(st.error().field, c.field) << c.body;
        EXPECT_EQ(fields(st), std::vector<std::string>{c.field}) << c.body;
        // An unknown field is a malformed request (400), not an invalid value.
        EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument) << c.body;
    }
}

TEST(ReadVersion, NamesNestedValuesThatAreInvalid) {
    core::Status st;
    version_of(R"({
      "phases": [
        {"key": "explore", "name": "Explore", "max_days": 30,
         "exit_criteria": [{"key": "ok", "text": "Fine"}, {"key": "Not A Key", "text": "Bad"}, {"key": "empty", "text": ""}],
         "kpi_keys": ["Bad Key"], "gatekeepers": ["astrology"], "recommended_formats": ["carrier_pigeon"]},
        {"key": "Pilot", "name": "", "max_days": 0, "expected_level": "besties"}
      ],
      "kpis": [{"key": "k", "name": "K", "kind": "vibes", "direction": "sideways"}]
    })",
               st);
    ASSERT_FALSE(st);
    const auto got = fields(st);
    for (const std::string field :
         {"phases[0].exit_criteria[1].key", "phases[0].exit_criteria[2].text", "phases[0].kpi_keys",
          "phases[0].gatekeepers", "phases[0].recommended_formats", "phases[1].key", "phases[1].name",
          "phases[1].max_days", "phases[1].expected_level", "kpis[0].kind", "kpis[0].direction"})
        EXPECT_NE(std::find(got.begin(), got.end(), field), got.end())
            << field << " not named; got " << st.error().detail;
    EXPECT_EQ(st.error().code, ErrorCode::kUnprocessable) << "only invalid values: 422";
}

TEST(ReadVersion, AWrongTypeIsAMalformedRequest) {
    core::Status st;
    version_of(R"({"phases": [{"key": "a", "name": "A", "max_days": 2.5}], "kpis": []})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"phases[0].max_days"});
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
    version_of(R"({"phases": {"key": "a"}, "kpis": []})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"phases"});
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
}

// ---- read_decision ----------------------------------------------------------------------

DecisionInput decision_of(std::string_view text, core::Status& status) {
    auto [d, st] = read_body(text, [](core::ObjectReader& r) { return read_decision(r); });
    status = std::move(st);
    return d;
}

TEST(ReadDecision, ReadsEachDecisionWithItsOwnFields) {
    core::Status st;
    auto d = decision_of(
        R"({"decision": "go", "rationale": "  Five customers said yes.  ", "gatekeepers_present": [4, 4, 2]})", st);
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_EQ(d.decision, "go");
    EXPECT_EQ(d.rationale, "Five customers said yes.");
    EXPECT_EQ(d.gatekeepers_present, (std::vector<int64_t>{4, 2}));
    EXPECT_FALSE(d.learnings);

    d = decision_of(
        R"({"decision": "pivot", "rationale": "Wrong people.", "pivot_to_phase": "explore", "new_hypothesis": "Maintenance teams."})",
        st);
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_EQ(d.pivot_to_phase, "explore");
    EXPECT_EQ(d.new_hypothesis, "Maintenance teams.");
    EXPECT_FALSE(d.gatekeepers_present);

    d = decision_of(R"({"decision": "kill", "rationale": "No buyer.", "learnings": {"learned": "Nobody pays."}})", st);
    ASSERT_TRUE(st) << st.error().detail;
    ASSERT_TRUE(d.learnings);
    EXPECT_EQ(d.learnings->learned, "Nobody pays.");
    EXPECT_EQ(d.learnings->do_differently, "") << "do_differently is optional";

    d = decision_of(R"({"decision": "hold", "rationale": "Wait for the budget."})", st);
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_FALSE(d.pivot_to_phase);
    EXPECT_FALSE(d.new_hypothesis);
}

TEST(ReadDecision, RefusesPivotFieldsOnOtherDecisions) {
    for (const std::string decision : {"go", "hold", "kill"}) {
        core::Status st;
        const std::string learnings = decision == "kill" ? R"(, "learnings": {"learned": "x"})" : "";
        decision_of(R"({"decision": ")" + decision +
                        R"(", "rationale": "r", "pivot_to_phase": "explore", "new_hypothesis": "h")" + learnings + "}",
                    st);
        EXPECT_EQ(fields(st), (std::vector<std::string>{"pivot_to_phase", "new_hypothesis"})) << decision;
        EXPECT_EQ(st.error().code, ErrorCode::kUnprocessable) << decision;
    }
}

TEST(ReadDecision, RefusesLearningsOnAnythingButAKill) {
    for (const std::string decision : {"go", "hold"}) {
        core::Status st;
        decision_of(R"({"decision": ")" + decision + R"(", "rationale": "r", "learnings": {"learned": "x"}})", st);
        EXPECT_EQ(fields(st), std::vector<std::string>{"learnings"}) << decision;
    }
    core::Status st;
    decision_of(
        R"({"decision": "pivot", "rationale": "r", "pivot_to_phase": "a", "new_hypothesis": "h", "learnings": {"learned": "x"}})",
        st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"learnings"});
}

TEST(ReadDecision, NamesMissingAndInvalidFields) {
    core::Status st;
    decision_of(R"({})", st);
    EXPECT_EQ(fields(st), (std::vector<std::string>{"decision", "rationale"}));
    decision_of(R"({"decision": "abandon", "rationale": "r"})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"decision"});
    decision_of(R"({"decision": "hold", "rationale": "   "})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"rationale"});
    decision_of(R"({"decision": "pivot", "rationale": "r", "pivot_to_phase": "Back!", "new_hypothesis": "h"})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"pivot_to_phase"});
    decision_of(R"({"decision": "kill", "rationale": "r", "learnings": {"do_differently": "x"}})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"learnings.learned"});
    decision_of(R"({"decision": "kill", "rationale": "r", "learnings": {"learned": "x", "lesson": "y"}})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"learnings.lesson"});
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
    decision_of(R"({"decision": "hold", "rationale": "r", "urgency": "high"})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"urgency"});
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
}

// ---- read_new_project -------------------------------------------------------------------

constexpr std::string_view kFit =
    R"("fit": {"problem_defined": 5, "near_term": 4, "customers_can_picture": 3, "customer_willing": 2, "capacity_available": 1})";

// A minimal valid ProjectCreate with `extra` members added.
std::string project_body(std::string_view extra = "") {
    std::string body =
        R"({"title": "Sensor kit", "problem_statement": "Checks take hours.", "hypothesis": "Sensors halve it.",
                          "framework_id": 7, )";
    body += kFit;
    if (!extra.empty()) body += ", " + std::string(extra);
    return body + "}";
}

NewProject new_project_of(const std::string& text, core::Status& status) {
    auto [p, st] = read_body(text, [](core::ObjectReader& r) { return read_new_project(r); });
    status = std::move(st);
    return p;
}

TEST(ReadNewProject, ReadsEveryField) {
    core::Status st;
    const auto p = new_project_of(project_body(R"("team": [{"user_id": 3, "role": "Engineer"}], "sponsor_id": 9,
        "kill_criteria": [{"key": "no_site", "text": "No pilot site by March."}],
        "budget": {"amount": 25000, "currency": "EUR"}, "effort_days": 40,
        "stakeholders": [{"stakeholder_id": 11, "role": "customer", "commitment": "Two plants"}],
        "need_ids": [5, 6], "idea_ids": [])"),
                                  st);
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_EQ(p.title, "Sensor kit");
    EXPECT_EQ(p.framework_id, 7);
    EXPECT_EQ(p.fit.problem_defined, 5);
    EXPECT_EQ(p.fit.capacity_available, 1);
    ASSERT_EQ(p.team.size(), 1u);
    EXPECT_EQ(p.team[0].user_id, 3);
    EXPECT_EQ(p.team[0].role, "Engineer");
    EXPECT_EQ(p.sponsor_id, 9);
    ASSERT_EQ(p.kill_criteria.size(), 1u);
    EXPECT_EQ(p.kill_criteria[0].key, "no_site");
    EXPECT_FALSE(p.kill_criteria[0].met);
    ASSERT_TRUE(p.budget);
    EXPECT_EQ(p.budget->amount, 25000.0);
    EXPECT_EQ(p.budget->currency, "EUR");
    EXPECT_EQ(p.effort_days, 40.0);
    ASSERT_EQ(p.stakeholders.size(), 1u);
    EXPECT_EQ(p.stakeholders[0].role, "customer");
    EXPECT_EQ(p.stakeholders[0].commitment, "Two plants");
    EXPECT_EQ(p.need_ids, (std::vector<int64_t>{5, 6}));
    EXPECT_TRUE(p.idea_ids.empty());
}

TEST(ReadNewProject, OptionalFieldsMayBeAbsentOrNull) {
    core::Status st;
    auto p = new_project_of(project_body(), st);
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_FALSE(p.sponsor_id);
    EXPECT_FALSE(p.budget);
    EXPECT_FALSE(p.effort_days);
    EXPECT_TRUE(p.team.empty());
    p = new_project_of(project_body(R"("sponsor_id": null, "budget": null, "effort_days": null)"), st);
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_FALSE(p.sponsor_id);
    EXPECT_FALSE(p.budget);
    EXPECT_FALSE(p.effort_days);
}

TEST(ReadNewProject, BudgetAmountIsAWholeNumberInRange) {
    core::Status st;
    // A fraction would be lost in storage: refused as a wrong type (400), naming budget.amount.
    new_project_of(project_body(R"("budget": {"amount": 1000.5, "currency": "EUR"})"), st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"budget.amount"});
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
    new_project_of(project_body(R"("budget": {"amount": -1, "currency": "EUR"})"), st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"budget.amount"});
    EXPECT_EQ(st.error().code, ErrorCode::kUnprocessable);
    new_project_of(project_body(R"("budget": {"amount": 1000000000001, "currency": "EUR"})"), st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"budget.amount"});
    auto p = new_project_of(project_body(R"("budget": {"amount": 1000000000000, "currency": "EUR"})"), st);
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_EQ(p.budget->amount, 1e12);
    p = new_project_of(project_body(R"("budget": {"amount": 0, "currency": "EUR"})"), st);
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_EQ(p.budget->amount, 0.0);
    new_project_of(project_body(R"("budget": {"amount": "1000", "currency": "EUR"})"), st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"budget.amount"});
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
}

TEST(ReadNewProject, CurrencyIsThreeUpperCaseLetters) {
    for (const std::string good : {"EUR", "CHF", "USD"}) {
        core::Status st;
        const auto p = new_project_of(project_body(R"("budget": {"amount": 1, "currency": ")" + good + R"("})"), st);
        ASSERT_TRUE(st) << good << ": " << st.error().detail;
        EXPECT_EQ(p.budget->currency, good);
    }
    for (const std::string bad : {"eur", "Eur", "EURO", "EU", "E1R", "E R", ""}) {
        core::Status st;
        new_project_of(project_body(R"("budget": {"amount": 1, "currency": ")" + bad + R"("})"), st);
        EXPECT_EQ(fields(st), std::vector<std::string>{"budget.currency"}) << "\"" << bad << "\"";
        if (!st) {
            EXPECT_EQ(st.error().code, ErrorCode::kUnprocessable) << bad;
        }
    }
    core::Status st;
    new_project_of(project_body(R"("budget": {"amount": 1})"), st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"budget.currency"});
    new_project_of(project_body(R"("budget": {"amount": 1, "currency": "EUR", "note": "x"})"), st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"budget.note"});
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
}

TEST(ReadNewProject, NamesEachProblemInTheListsAndAnswers) {
    struct Case {
        std::string extra, field;
    };
    const std::vector<Case> cases = {
        {R"("kill_criteria": [{"key": "a", "text": "x"}, {"key": "a", "text": "y"}])", "kill_criteria[1].key"},
        {R"("kill_criteria": [{"key": "No Site", "text": "x"}])", "kill_criteria[0].key"},
        {R"("kill_criteria": [{"key": "a", "text": "x", "met": true}])", "kill_criteria[0].met"},
        {R"("team": [{"user_id": 3, "role": "A"}, {"user_id": 3, "role": "B"}])", "team[1].user_id"},
        {R"("team": [{"user_id": 3}])", "team[0].role"},
        {R"("stakeholders": [{"stakeholder_id": 4, "role": "investor"}])", "stakeholders[0].role"},
        {R"("stakeholders": [{"stakeholder_id": 4, "role": "customer"}, {"stakeholder_id": 4, "role": "partner"}])",
         "stakeholders[1].stakeholder_id"},
        {R"("effort_days": 2.5)", "effort_days"},
        {R"("effort_days": 100001)", "effort_days"},
        {R"("need_ids": [0])", "need_ids[0]"},
        {R"("idea_ids": ["x"])", "idea_ids[0]"},
        {R"("phase": "pilot")", "phase"},
        {R"("status": "active")", "status"},
    };
    for (const auto& c : cases) {
        core::Status st;
        new_project_of(project_body(c.extra), st);
        EXPECT_EQ(fields(st), std::vector<std::string>{c.field}) << c.extra;
    }
}

TEST(ReadNewProject, FitIsRequiredWithEveryAnswerFromOneToFive) {
    core::Status st;
    new_project_of(R"({"title": "T", "problem_statement": "P", "hypothesis": "H", "framework_id": 1})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"fit"});
    new_project_of(
        R"({"title": "T", "problem_statement": "P", "hypothesis": "H", "framework_id": 1,
            "fit": {"problem_defined": 6, "near_term": 0, "customers_can_picture": 3, "customer_willing": 3, "mood": 5}})",
        st);
    EXPECT_EQ(fields(st),
              (std::vector<std::string>{"fit.problem_defined", "fit.near_term", "fit.capacity_available", "fit.mood"}));
}

TEST(ReadProjectChanges, TellsAbsentFromNullAndEmpty) {
    auto [absent, st1] = read_body(R"({"version": 3})", [](core::ObjectReader& r) { return read_project_changes(r); });
    ASSERT_TRUE(st1) << st1.error().detail;
    EXPECT_EQ(absent.version, 3);
    EXPECT_FALSE(absent.sponsor_id);
    EXPECT_FALSE(absent.budget);
    EXPECT_FALSE(absent.kill_criteria);
    EXPECT_FALSE(absent.need_ids);
    EXPECT_FALSE(absent.fit);
    auto [cleared, st2] = read_body(R"({"version": 3, "sponsor_id": null, "budget": null, "effort_days": null,
                                        "kill_criteria": [], "need_ids": []})",
                                    [](core::ObjectReader& r) { return read_project_changes(r); });
    ASSERT_TRUE(st2) << st2.error().detail;
    ASSERT_TRUE(cleared.sponsor_id);
    EXPECT_FALSE(*cleared.sponsor_id);
    ASSERT_TRUE(cleared.budget);
    EXPECT_FALSE(*cleared.budget);
    ASSERT_TRUE(cleared.effort_days);
    EXPECT_FALSE(*cleared.effort_days);
    ASSERT_TRUE(cleared.kill_criteria);
    EXPECT_TRUE(cleared.kill_criteria->empty());
    ASSERT_TRUE(cleared.need_ids);
    EXPECT_TRUE(cleared.need_ids->empty());
    auto [none, st3] = read_body(R"({"title": "x"})", [](core::ObjectReader& r) { return read_project_changes(r); });
    EXPECT_EQ(fields(st3), std::vector<std::string>{"version"});
}

// ---- read_kpi_value ---------------------------------------------------------------------

NewKpiValue kpi_value_of(const std::string& text, core::Status& status) {
    auto [v, st] = read_body(text, [](core::ObjectReader& r) { return read_kpi_value(r); });
    status = std::move(st);
    return v;
}

TEST(ReadKpiValue, ReadsAValueWithAnOptionalDateAndNote) {
    core::Status st;
    auto v = kpi_value_of(
        R"({"kpi_key": "interviews_held", "value": 4.5, "recorded_on": "2026-01-31", "note": " first "})", st);
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_EQ(v.kpi_key, "interviews_held");
    EXPECT_EQ(v.value, 4.5);
    EXPECT_EQ(v.recorded_on, "2026-01-31");
    EXPECT_EQ(v.note, "first");
    v = kpi_value_of(R"({"kpi_key": "churn", "value": -2})", st);
    ASSERT_TRUE(st) << st.error().detail;
    EXPECT_FALSE(v.recorded_on) << "absent: the service takes today";
    EXPECT_EQ(v.note, "");
    v = kpi_value_of(R"({"kpi_key": "revenue", "value": 0, "recorded_on": "2024-02-29"})", st);
    ASSERT_TRUE(st) << "a leap day is a date";
    EXPECT_EQ(v.recorded_on, "2024-02-29");
}

TEST(ReadKpiValue, RecordedOnIsARealCalendarDate) {
    for (const std::string bad : {"2026-02-30", "2025-02-29", "2026-13-01", "2026-1-31", "31.01.2026", "2026/01/31",
                                  "2026-01-31T00:00:00Z", "tomorrow", ""}) {
        core::Status st;
        const auto v = kpi_value_of(R"({"kpi_key": "k", "value": 1, "recorded_on": ")" + bad + R"("})", st);
        EXPECT_EQ(fields(st), std::vector<std::string>{"recorded_on"}) << bad;
        EXPECT_FALSE(v.recorded_on) << bad;
    }
}

TEST(ReadKpiValue, NamesMissingWrongAndUnknownFields) {
    core::Status st;
    kpi_value_of(R"({})", st);
    EXPECT_EQ(fields(st), (std::vector<std::string>{"kpi_key", "value"}));
    kpi_value_of(R"({"kpi_key": "Interviews", "value": 1})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"kpi_key"});
    kpi_value_of(R"({"kpi_key": "k", "value": "4"})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"value"});
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
    kpi_value_of(R"({"kpi_key": "k", "value": 1, "unit": "talks"})", st);
    EXPECT_EQ(fields(st), std::vector<std::string>{"unit"});
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace cocreate::projects
