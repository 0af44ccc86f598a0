#include "projects/project_input.hpp"

#include <cmath>

#include "engagement/engagement.hpp"
#include "stakeholders/stakeholder.hpp"

namespace cocreate::projects {

namespace {

constexpr core::StringRule kKeyRule{.min = 1, .max = 60};
constexpr core::StringRule kGuidelinesRule{.min = 0, .max = 20000, .trim = false, .single_line = false};
constexpr core::StringRule kUnitRule{.min = 0, .max = 40};
constexpr core::StringRule kRoleRule{.min = 1, .max = 60};
constexpr core::StringRule kCommitmentRule{.min = 0, .max = 500, .trim = true, .single_line = false};
constexpr core::StringRule kLearningRule{.min = 0, .max = 4000, .trim = true, .single_line = false};
constexpr const char* kKeyHelp = "must be 1 to 60 of a-z, 0-9, _ and -, starting with a letter or digit";
// Budgets and effort are stored in whole units; a fraction would be silently lost.
constexpr int64_t kMaxBudget = 1'000'000'000'000;
constexpr int64_t kMaxEffortDays = 100'000;

// Interaction types plus multi_stakeholder.
std::vector<std::string_view> recommended_formats() {
    std::vector<std::string_view> out(engagement::kInteractionTypes.begin(), engagement::kInteractionTypes.end());
    out.push_back(kMultiStakeholder);
    return out;
}

void check_unique(core::ObjectReader& r, std::string_view field, const std::vector<std::string>& items) {
    for (size_t i = 0; i < items.size(); ++i)
        for (size_t j = 0; j < i; ++j)
            if (items[i] == items[j]) {
                r.add_error(std::string(field), "lists \"" + items[i] + "\" more than once");
                return;
            }
}

std::vector<KillCriterion> read_kill_criteria(core::ObjectReader& r, bool& given) {
    std::vector<KillCriterion> out;
    given = r.optional_objects("kill_criteria", 20, [&](core::ObjectReader& item, size_t) {
        KillCriterion k;
        k.key = required_key(item, "key");
        k.text = item.required_string("text", kCriterionTextRule);
        for (const auto& other : out)
            if (!k.key.empty() && other.key == k.key) item.add_error("key", "appears more than once");
        out.push_back(std::move(k));
    });
    return out;
}

std::vector<TeamMember> read_team(core::ObjectReader& r, bool& given) {
    std::vector<TeamMember> out;
    given = r.optional_objects("team", 20, [&](core::ObjectReader& item, size_t) {
        TeamMember m;
        m.user_id = item.required_int("user_id", 1, INT64_MAX);
        m.role = item.required_string("role", kRoleRule);
        for (const auto& other : out)
            if (other.user_id == m.user_id) item.add_error("user_id", "appears more than once");
        out.push_back(std::move(m));
    });
    return out;
}

std::vector<ProjectStakeholder> read_parties(core::ObjectReader& r, bool& given) {
    std::vector<ProjectStakeholder> out;
    given = r.optional_objects("stakeholders", 50, [&](core::ObjectReader& item, size_t) {
        ProjectStakeholder st;
        st.stakeholder_id = item.required_int("stakeholder_id", 1, INT64_MAX);
        st.role = item.required_enum("role", kStakeholderRoles);
        st.commitment = item.optional_string("commitment", kCommitmentRule).value_or("");
        for (const auto& other : out)
            if (other.stakeholder_id == st.stakeholder_id) item.add_error("stakeholder_id", "appears more than once");
        out.push_back(std::move(st));
    });
    return out;
}

// {amount, currency} or null; nullopt when absent.
std::optional<std::optional<Budget>> read_budget(core::ObjectReader& r) {
    if (!r.has("budget")) return std::nullopt;
    if (r.is_null("budget")) {
        r.accept("budget");
        return std::optional<Budget>{};
    }
    std::optional<Budget> out;
    r.optional_object("budget", [&](core::ObjectReader& b) {
        Budget budget;
        budget.amount = static_cast<double>(b.required_int("amount", 0, kMaxBudget));
        budget.currency = b.required_string("currency", {.min = 3, .max = 3});
        if (budget.currency.size() == 3 &&
            !std::all_of(budget.currency.begin(), budget.currency.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
            b.add_error("currency", "must be an ISO 4217 code such as EUR");
        out = budget;
    });
    return out;
}

std::optional<std::optional<double>> read_effort(core::ObjectReader& r) {
    auto n = r.nullable_int("effort_days", 0, kMaxEffortDays);
    if (!n) return std::nullopt;
    return *n ? std::optional<double>(static_cast<double>(**n)) : std::optional<double>{};
}

}  // namespace

bool is_project_key(std::string_view key) {
    if (key.empty() || key.size() > 60) return false;
    auto ok = [](char c, bool first) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (!first && (c == '_' || c == '-'));
    };
    for (size_t i = 0; i < key.size(); ++i)
        if (!ok(key[i], i == 0)) return false;
    return true;
}

std::string required_key(core::ObjectReader& r, std::string_view field) {
    auto key = r.required_string(field, kKeyRule);
    if (!key.empty() && !is_project_key(key)) r.add_error(std::string(field), kKeyHelp);
    return key;
}

std::optional<std::string> optional_key(core::ObjectReader& r, std::string_view field) {
    auto key = r.optional_string(field, kKeyRule);
    if (key && !is_project_key(*key)) r.add_error(std::string(field), kKeyHelp);
    return key;
}

std::optional<std::optional<std::string>> nullable_url(core::ObjectReader& r, std::string_view field) {
    auto url = r.nullable_string(field, {.min = 1, .max = 2000});
    if (url && *url && (*url)->rfind("https://", 0) != 0 && (*url)->rfind("http://", 0) != 0)
        r.add_error(std::string(field), "must be an http or https link");
    return url;
}

FrameworkVersion read_version(core::ObjectReader& r) {
    FrameworkVersion v;
    static const auto formats = recommended_formats();
    const bool phases = r.optional_objects("phases", 12, [&](core::ObjectReader& item, size_t) {
        Phase ph;
        ph.key = required_key(item, "key");
        ph.name = item.required_string("name", kTitleRule);
        ph.guidelines = item.optional_string("guidelines", kGuidelinesRule).value_or("");
        ph.recommended_formats = item.optional_enum_array("recommended_formats", formats, 9).value_or(std::vector<std::string>{});
        check_unique(item, "recommended_formats", ph.recommended_formats);
        ph.expected_level = item.nullable_enum("expected_level", stakeholders::kLevels).value_or(std::nullopt).value_or("");
        item.optional_objects("exit_criteria", 20, [&](core::ObjectReader& c, size_t) {
            ExitCriterion ec;
            ec.key = required_key(c, "key");
            ec.text = c.required_string("text", kCriterionTextRule);
            ec.evidence_required = c.optional_bool("evidence_required").value_or(false);
            ph.exit_criteria.push_back(std::move(ec));
        });
        ph.max_days = static_cast<int>(item.required_int("max_days", 1, 3650));
        ph.kpi_keys = item.optional_string_array("kpi_keys", kKeyRule, 50).value_or(std::vector<std::string>{});
        for (const auto& k : ph.kpi_keys)
            if (!is_project_key(k)) item.add_error("kpi_keys", std::string("items ") + kKeyHelp);
        check_unique(item, "kpi_keys", ph.kpi_keys);
        ph.gatekeepers = item.optional_enum_array("gatekeepers", stakeholders::kGatekeeperAreas, 8).value_or(std::vector<std::string>{});
        check_unique(item, "gatekeepers", ph.gatekeepers);
        v.phases.push_back(std::move(ph));
    });
    if (!phases) r.add_error("phases", "is required");
    const bool kpis = r.optional_objects("kpis", 50, [&](core::ObjectReader& item, size_t) {
        KpiDefinition k;
        k.key = required_key(item, "key");
        k.name = item.required_string("name", kTitleRule);
        k.unit = item.optional_string("unit", kUnitRule).value_or("");
        k.direction = item.optional_enum("direction", kKpiDirections).value_or("up");
        k.kind = item.required_enum("kind", kKpiKinds);
        if (auto from = item.nullable_string("counts_from_phase", kKeyRule); from && *from) k.counts_from_phase = **from;
        if (auto target = item.nullable_number("target", -1e15, 1e15); target) k.target = *target;
        v.kpis.push_back(std::move(k));
    });
    if (!kpis) r.add_error("kpis", "is required");
    return v;
}

FitAnswers read_fit(core::ObjectReader& r, std::string_view field) {
    FitAnswers a;
    if (!r.has(field)) {
        r.add_error(std::string(field), "is required");
        return a;
    }
    r.optional_object(field, [&](core::ObjectReader& f) {
        auto answer = [&](std::string_view q) { return static_cast<int>(f.required_int(q, 1, 5)); };
        a.problem_defined = answer("problem_defined");
        a.near_term = answer("near_term");
        a.customers_can_picture = answer("customers_can_picture");
        a.customer_willing = answer("customer_willing");
        a.capacity_available = answer("capacity_available");
    });
    return a;
}

NewProject read_new_project(core::ObjectReader& r) {
    NewProject in;
    in.title = r.required_string("title", kTitleRule);
    in.problem_statement = r.required_string("problem_statement", kStatementRule);
    in.hypothesis = r.required_string("hypothesis", kStatementRule);
    in.framework_id = r.required_int("framework_id", 1, INT64_MAX);
    in.fit = read_fit(r, "fit");
    bool given = false;
    in.team = read_team(r, given);
    if (auto sponsor = r.nullable_int("sponsor_id", 1, INT64_MAX)) in.sponsor_id = *sponsor;
    in.kill_criteria = read_kill_criteria(r, given);
    if (auto budget = read_budget(r)) in.budget = *budget;
    if (auto effort = read_effort(r)) in.effort_days = *effort;
    in.stakeholders = read_parties(r, given);
    in.need_ids = r.optional_id_array("need_ids", 100).value_or(std::vector<int64_t>{});
    in.idea_ids = r.optional_id_array("idea_ids", 100).value_or(std::vector<int64_t>{});
    return in;
}

ProjectChanges read_project_changes(core::ObjectReader& r) {
    ProjectChanges in;
    in.version = r.required_int("version", 1, INT64_MAX);
    in.title = r.optional_string("title", kTitleRule);
    in.problem_statement = r.optional_string("problem_statement", kStatementRule);
    in.hypothesis = r.optional_string("hypothesis", kStatementRule);
    in.lead_id = r.optional_int("lead_id", 1, INT64_MAX);
    if (r.has("fit")) in.fit = read_fit(r, "fit");
    bool given = false;
    auto team = read_team(r, given);
    if (given) in.team = std::move(team);
    in.sponsor_id = r.nullable_int("sponsor_id", 1, INT64_MAX);
    auto kills = read_kill_criteria(r, given);
    if (given) in.kill_criteria = std::move(kills);
    in.budget = read_budget(r);
    in.effort_days = read_effort(r);
    auto parties = read_parties(r, given);
    if (given) in.stakeholders = std::move(parties);
    in.need_ids = r.optional_id_array("need_ids", 100);
    in.idea_ids = r.optional_id_array("idea_ids", 100);
    return in;
}

NewKpiValue read_kpi_value(core::ObjectReader& r) {
    NewKpiValue in;
    in.kpi_key = required_key(r, "kpi_key");
    in.value = r.required_number("value", -1e15, 1e15);
    if (auto on = r.optional_string("recorded_on", {.min = 10, .max = 10})) {
        if (!core::parse_date(*on)) r.add_error("recorded_on", "must be a date, e.g. 2026-01-31");
        else in.recorded_on = *on;
    }
    in.note = r.optional_string("note", kNoteRule).value_or("");
    return in;
}

ReviewRequest read_review_request(core::ObjectReader& r) {
    ReviewRequest in;
    in.decision_maker_ids = r.optional_id_array("decision_maker_ids", 10).value_or(std::vector<int64_t>{});
    in.gatekeepers_present = r.optional_id_array("gatekeepers_present", 20).value_or(std::vector<int64_t>{});
    return in;
}

DecisionInput read_decision(core::ObjectReader& r) {
    DecisionInput in;
    in.decision = r.required_enum("decision", kDecisions);
    in.rationale = r.required_string("rationale", kStatementRule);
    in.gatekeepers_present = r.optional_id_array("gatekeepers_present", 20);
    in.pivot_to_phase = optional_key(r, "pivot_to_phase");
    in.new_hypothesis = r.optional_string("new_hypothesis", kStatementRule);
    r.optional_object("learnings", [&](core::ObjectReader& l) {
        Learnings learnings;
        learnings.learned = l.required_string("learned", kStatementRule);
        learnings.do_differently = l.optional_string("do_differently", kLearningRule).value_or("");
        in.learnings = std::move(learnings);
    });
    // Fields of another decision are refused rather than ignored: they would be lost.
    if (in.decision != "pivot") {
        if (in.pivot_to_phase) r.add_error("pivot_to_phase", "is only for a pivot");
        if (in.new_hypothesis) r.add_error("new_hypothesis", "is only for a pivot");
    }
    if (in.decision != "kill" && in.learnings) r.add_error("learnings", "is only for a kill");
    return in;
}

}  // namespace cocreate::projects
