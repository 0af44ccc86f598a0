#include "projects/project_json.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace cocreate::projects {
namespace {

using Keys = std::set<std::string>;

// The required members of the schemas in api/openapi.yaml (Project and what it nests, and
// ProjectSharedSummary): every one is always written, and nothing else.
const Keys kProjectKeys = {"id",
                           "title",
                           "problem_statement",
                           "hypothesis",
                           "lead",
                           "team",
                           "sponsor",
                           "framework",
                           "phase",
                           "status",
                           "criteria",
                           "kill_criteria",
                           "budget",
                           "effort_days",
                           "stakeholders",
                           "need_ids",
                           "interaction_ids",
                           "idea_ids",
                           "fit",
                           "health",
                           "share",
                           "learnings",
                           "version",
                           "created_at",
                           "updated_at"};
const Keys kUserBriefKeys = {"id", "display_name"};
const Keys kTeamMemberKeys = {"user_id", "display_name", "role"};
const Keys kFrameworkRefKeys = {"id", "name", "version"};
const Keys kPhaseKeys = {"key", "name", "entered_at", "max_days"};
const Keys kCriterionKeys = {"key", "text", "evidence_required", "met", "evidence_url"};
const Keys kKillCriterionKeys = {"key", "text", "met"};
const Keys kBudgetKeys = {"amount", "currency"};
const Keys kStakeholderKeys = {"stakeholder_id", "name", "kind", "role", "commitment"};
const Keys kFitKeys = {"answers", "score", "recommendation", "flagged", "reasons"};
const Keys kFitAnswersKeys = {"problem_defined", "near_term", "customers_can_picture", "customer_willing",
                              "capacity_available"};
const Keys kHealthKeys = {"score", "level", "ask_first", "computed_at", "signals"};
const Keys kSignalKeys = {"key", "severity", "value", "text"};
const Keys kShareKeys = {"space_id", "summary", "shared_at"};
const Keys kLearningsKeys = {"learned", "do_differently"};
const Keys kSharedSummaryKeys = {"id", "title", "phase", "summary", "shared_at"};

Keys keys_of(const boost::json::object& o) {
    Keys out;
    for (const auto& member : o) out.emplace(member.key());
    return out;
}

boost::json::object parsed(const std::string& text) {
    boost::system::error_code ec;
    auto v = boost::json::parse(text, ec);
    EXPECT_FALSE(ec) << "not JSON: " << text;
    EXPECT_TRUE(v.is_object()) << text;
    return v.is_object() ? v.as_object() : boost::json::object{};
}

std::string project_json(const Project& x) {
    std::string out;
    core::JsonWriter w(out);
    write_project(w, x);
    return out;
}

// A project with every optional part present.
Project full_project() {
    Project x;
    x.id = 42;
    x.title = "Sensor kit \"v2\"";
    x.problem_statement = "Operators lose hours.\nEvery day.";
    x.hypothesis = "Sensors halve it.";
    x.lead = {3, "Lea Lead"};
    x.team = {{4, "Tom Team", "Engineer"}};
    x.sponsor = UserRef{5, "Sam Sponsor"};
    x.framework = {7, "Default", 2};
    x.phase = {"pilot", "Pilot", "2026-03-01T09:00:00.000Z", 60};
    x.status = "active";
    x.criteria = {{"site_found", "A pilot site is found", true, true, "https://evidence.example/site"},
                  {"kpis_set", "KPIs agreed", false, false, std::nullopt}};
    x.kill_criteria = {{"no_site", "No pilot site by March.", true}};
    x.budget = Budget{25000, "EUR"};
    x.effort_days = 40;
    x.stakeholders = {{11, "Acme", "customer", "customer", "Two plants"}};
    x.need_ids = {21, 22};
    x.interaction_ids = {31};
    x.idea_ids = {};
    x.fit.answers = {5, 4, 3, 2, 1};
    x.fit.score = 58;
    x.fit.recommendation = "sharpen_first";
    x.fit.reasons = {"No customer has yet shown they are willing to take part."};
    x.health.score = 50;
    x.health.level = "watch";
    x.health.ask_first = true;
    x.health.computed_at = "2026-03-02T09:00:00.000Z";
    x.health.signals = {{"kill_criteria_met", "critical", 1.0, "Kill criterion met: No pilot site by March."},
                        {"no_sponsor", "warning", std::nullopt, "No executive sponsor."}};
    x.share = Share{8, "A sensor kit for plant operators.", "2026-03-02T10:00:00.000Z"};
    x.learnings = Learnings{"Nobody pays.", ""};
    x.version = 6;
    x.created_at = "2026-01-01T09:00:00.000Z";
    x.updated_at = "2026-03-02T10:00:00.000Z";
    // Stored-only parts that the API never shows as such.
    x.criteria_checks = {{"pilot", "site_found", true, "https://evidence.example/site"}};
    return x;
}

TEST(WriteProject, WritesExactlyTheKeysOfTheProjectSchemaAtEveryLevel) {
    const auto o = parsed(project_json(full_project()));
    EXPECT_EQ(keys_of(o), kProjectKeys);
    EXPECT_EQ(keys_of(o.at("lead").as_object()), kUserBriefKeys);
    EXPECT_EQ(keys_of(o.at("sponsor").as_object()), kUserBriefKeys);
    EXPECT_EQ(keys_of(o.at("team").as_array().at(0).as_object()), kTeamMemberKeys);
    EXPECT_EQ(keys_of(o.at("framework").as_object()), kFrameworkRefKeys);
    EXPECT_EQ(keys_of(o.at("phase").as_object()), kPhaseKeys);
    for (const auto& c : o.at("criteria").as_array()) EXPECT_EQ(keys_of(c.as_object()), kCriterionKeys);
    EXPECT_EQ(keys_of(o.at("kill_criteria").as_array().at(0).as_object()), kKillCriterionKeys);
    EXPECT_EQ(keys_of(o.at("budget").as_object()), kBudgetKeys);
    EXPECT_EQ(keys_of(o.at("stakeholders").as_array().at(0).as_object()), kStakeholderKeys);
    EXPECT_EQ(keys_of(o.at("fit").as_object()), kFitKeys);
    EXPECT_EQ(keys_of(o.at("fit").at("answers").as_object()), kFitAnswersKeys);
    EXPECT_EQ(keys_of(o.at("health").as_object()), kHealthKeys);
    for (const auto& s : o.at("health").at("signals").as_array()) EXPECT_EQ(keys_of(s.as_object()), kSignalKeys);
    EXPECT_EQ(keys_of(o.at("share").as_object()), kShareKeys);
    EXPECT_EQ(keys_of(o.at("learnings").as_object()), kLearningsKeys);
}

TEST(WriteProject, WritesTheValuesWithTheirSchemaTypes) {
    const auto o = parsed(project_json(full_project()));
    EXPECT_EQ(o.at("id").as_int64(), 42);
    EXPECT_EQ(o.at("title").as_string(), "Sensor kit \"v2\"");
    EXPECT_EQ(o.at("problem_statement").as_string(), "Operators lose hours.\nEvery day.");
    EXPECT_EQ(o.at("framework").at("version").as_int64(), 2);
    EXPECT_EQ(o.at("phase").at("max_days").as_int64(), 60);
    // Budget amount and effort days are integers in the schema: written without a fraction.
    ASSERT_TRUE(o.at("budget").at("amount").is_int64()) << boost::json::serialize(o.at("budget"));
    EXPECT_EQ(o.at("budget").at("amount").as_int64(), 25000);
    EXPECT_EQ(o.at("budget").at("currency").as_string(), "EUR");
    ASSERT_TRUE(o.at("effort_days").is_int64()) << boost::json::serialize(o.at("effort_days"));
    EXPECT_EQ(o.at("effort_days").as_int64(), 40);
    const auto& criteria = o.at("criteria").as_array();
    ASSERT_EQ(criteria.size(), 2u);
    EXPECT_EQ(criteria[0].at("evidence_url").as_string(), "https://evidence.example/site");
    EXPECT_TRUE(criteria[1].at("evidence_url").is_null());
    EXPECT_TRUE(criteria[0].at("met").as_bool());
    EXPECT_EQ(o.at("need_ids"), (boost::json::array{21, 22}));
    EXPECT_EQ(o.at("interaction_ids"), (boost::json::array{31}));
    EXPECT_TRUE(o.at("idea_ids").as_array().empty());
    EXPECT_EQ(o.at("fit").at("answers").at("capacity_available").as_int64(), 1);
    EXPECT_FALSE(o.at("fit").at("flagged").as_bool());
    const auto& signals = o.at("health").at("signals").as_array();
    ASSERT_EQ(signals.size(), 2u);
    EXPECT_EQ(signals[0].at("value").to_number<double>(), 1.0);
    EXPECT_TRUE(signals[1].at("value").is_null()) << "a yes/no signal has no value";
    EXPECT_TRUE(o.at("health").at("ask_first").as_bool());
    EXPECT_EQ(o.at("learnings").at("do_differently").as_string(), "");
    EXPECT_EQ(o.at("version").as_int64(), 6);
}

TEST(WriteProject, AbsentOptionalPartsAreNullNotMissing) {
    Project x;
    x.id = 1;
    x.title = "Bare";
    x.lead = {3, "Lea Lead"};
    x.framework = {7, "Default", 1};
    x.phase = {"explore", "Explore", "2026-01-01T09:00:00.000Z", 30};
    x.version = 1;
    x.created_at = x.updated_at = "2026-01-01T09:00:00.000Z";
    const auto o = parsed(project_json(x));
    EXPECT_EQ(keys_of(o), kProjectKeys);
    for (const char* nullable : {"sponsor", "budget", "effort_days", "share", "learnings"})
        EXPECT_TRUE(o.at(nullable).is_null()) << nullable;
    for (const char* list :
         {"team", "criteria", "kill_criteria", "stakeholders", "need_ids", "interaction_ids", "idea_ids"})
        EXPECT_TRUE(o.at(list).as_array().empty()) << list;
    EXPECT_EQ(keys_of(o.at("health").as_object()), kHealthKeys);
    EXPECT_EQ(keys_of(o.at("fit").as_object()), kFitKeys);
}

TEST(WriteProject, ProjectTextIsTheSameDocument) {
    const auto x = full_project();
    EXPECT_EQ(project_text(x), project_json(x));
}

// ---- the shared summary -----------------------------------------------------------------

TEST(WriteSharedSummary, WritesOnlyWhatExternalParticipantsMaySee) {
    const SharedSummary s{
        42, "Sensor kit", "pilot", "Pilot", "A sensor kit for plant operators.", "2026-03-02T10:00:00.000Z"};
    std::string out;
    core::JsonWriter w(out);
    write_shared_summary(w, s);
    const auto o = parsed(out);
    EXPECT_EQ(keys_of(o), kSharedSummaryKeys);
    EXPECT_EQ(keys_of(o.at("phase").as_object()), (Keys{"key", "name"}));
    EXPECT_EQ(o.at("id").as_int64(), 42);
    EXPECT_EQ(o.at("title").as_string(), "Sensor kit");
    EXPECT_EQ(o.at("phase").at("key").as_string(), "pilot");
    EXPECT_EQ(o.at("phase").at("name").as_string(), "Pilot");
    EXPECT_EQ(o.at("summary").as_string(), "A sensor kit for plant operators.");
    EXPECT_EQ(o.at("shared_at").as_string(), "2026-03-02T10:00:00.000Z");
    EXPECT_EQ(shared_summary_text(s), out);
}

TEST(WriteSharedSummary, CarriesNothingOfTheInternalProject) {
    // The summary is built from the project; none of the internal texts may reach it.
    const auto x = full_project();
    const SharedSummary s{x.id, x.title, x.phase.key, x.phase.name, x.share->summary, x.share->shared_at};
    const auto text = shared_summary_text(s);
    for (const auto& secret : std::vector<std::string>{
             x.problem_statement.substr(0, 10), x.hypothesis, x.lead.display_name, x.sponsor->display_name,
             x.kill_criteria[0].text, x.learnings->learned, x.stakeholders[0].name, x.health.signals[1].text})
        EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
}

}  // namespace
}  // namespace cocreate::projects
