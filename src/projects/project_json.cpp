#include "projects/project_json.hpp"

#include <boost/json.hpp>

#include "projects/framework_json.hpp"
#include "projects/project_rules.hpp"

namespace cocreate::projects {

using core::JsonWriter;

namespace {

void write_learnings(JsonWriter& w, const std::optional<Learnings>& l) {
    if (l) w.begin_object().field("learned", l->learned).field("do_differently", l->do_differently).end_object();
    else w.null();
}

void write_health(JsonWriter& w, const Health& h) {
    w.begin_object()
        .field("score", h.score)
        .field("level", h.level)
        .field("ask_first", h.ask_first)
        .field("computed_at", h.computed_at)
        .key("signals")
        .begin_array();
    for (const auto& s : h.signals) {
        w.begin_object().field("key", s.key).field("severity", s.severity).key("value");
        w.number_or_null(s.value);
        w.field("text", s.text).end_object();
    }
    w.end_array().end_object();
}

void write_fit(JsonWriter& w, const FitCheck& f) {
    w.begin_object()
        .key("answers")
        .begin_object()
        .field("problem_defined", f.answers.problem_defined)
        .field("near_term", f.answers.near_term)
        .field("customers_can_picture", f.answers.customers_can_picture)
        .field("customer_willing", f.answers.customer_willing)
        .field("capacity_available", f.answers.capacity_available)
        .end_object()
        .field("score", f.score)
        .field("recommendation", f.recommendation)
        .field("flagged", f.flagged)
        .key("reasons")
        .begin_array();
    for (const auto& r : f.reasons) w.string(r);
    w.end_array().end_object();
}

void write_project_framework(JsonWriter& w, const ProjectFramework& f) {
    w.begin_object().field("id", f.id).field("name", f.name).field("version", f.version).end_object();
}


}  // namespace

void write_framework(JsonWriter& w, const Framework& f) {
    w.begin_object()
        .field("id", f.id)
        .field("name", f.name)
        .field("description", f.description)
        .field("current_version", f.current_version)
        .key("versions")
        .begin_array();
    for (const auto& v : f.versions)
        w.begin_object().field("version", v.version).field("published_at", v.published_at).end_object();
    w.end_array().field("created_at", f.created_at).end_object();
}

std::string framework_with_version_text(const Framework& f, const FrameworkVersion& v) {
    std::string out = core::json_text([&](JsonWriter& w) { write_framework(w, f); });
    // The framework object without its closing brace, then `current`.
    out.pop_back();
    out += ",\"current\":";
    out += boost::json::serialize(framework_version_json(v));
    out += '}';
    return out;
}

std::string framework_version_text(const FrameworkVersion& v) {
    return boost::json::serialize(framework_version_json(v));
}

void write_project(JsonWriter& w, const Project& x) {
    w.begin_object()
        .field("id", x.id)
        .field("title", x.title)
        .field("problem_statement", x.problem_statement)
        .field("hypothesis", x.hypothesis)
        .key("lead");
    core::write_person(w, x.lead);
    w.key("team").begin_array();
    for (const auto& m : x.team)
        w.begin_object().field("user_id", m.user_id).field("display_name", m.display_name).field("role", m.role).end_object();
    w.end_array().key("sponsor");
    core::write_person_or_null(w, x.sponsor);
    w.key("framework");
    write_project_framework(w, x.framework);
    w.key("phase")
        .begin_object()
        .field("key", x.phase.key)
        .field("name", x.phase.name)
        .field("entered_at", x.phase.entered_at)
        .field("max_days", x.phase.max_days)
        .end_object()
        .field("status", x.status)
        .key("criteria")
        .begin_array();
    for (const auto& c : x.criteria)
        w.begin_object()
            .field("key", c.key)
            .field("text", c.text)
            .field("evidence_required", c.evidence_required)
            .field("met", c.met)
            .field("evidence_url", c.evidence_url)
            .end_object();
    w.end_array().key("kill_criteria").begin_array();
    for (const auto& k : x.kill_criteria) w.begin_object().field("key", k.key).field("text", k.text).field("met", k.met).end_object();
    w.end_array().key("budget");
    if (x.budget) w.begin_object().key("amount").number(x.budget->amount).field("currency", x.budget->currency).end_object();
    else w.null();
    w.key("effort_days");
    w.number_or_null(x.effort_days);
    w.key("stakeholders").begin_array();
    for (const auto& st : x.stakeholders)
        w.begin_object()
            .field("stakeholder_id", st.stakeholder_id)
            .field("name", st.name)
            .field("kind", st.kind)
            .field("role", st.role)
            .field("commitment", st.commitment)
            .end_object();
    w.end_array();
    w.ids("need_ids", x.need_ids);
    w.ids("interaction_ids", x.interaction_ids);
    w.ids("idea_ids", x.idea_ids);
    w.key("fit");
    write_fit(w, x.fit);
    w.key("health");
    write_health(w, x.health);
    w.key("share");
    if (x.share)
        w.begin_object()
            .field("space_id", x.share->space_id)
            .field("summary", x.share->summary)
            .field("shared_at", x.share->shared_at)
            .end_object();
    else w.null();
    w.key("learnings");
    write_learnings(w, x.learnings);
    w.field("version", x.version).field("created_at", x.created_at).field("updated_at", x.updated_at).end_object();
}

std::string project_text(const Project& x) {
    return core::json_text([&](JsonWriter& w) { write_project(w, x); });
}

void write_shared_summary(JsonWriter& w, const SharedSummary& x) {
    w.begin_object()
        .field("id", x.id)
        .field("title", x.title)
        .key("phase")
        .begin_object()
        .field("key", x.phase_key)
        .field("name", x.phase_name)
        .end_object()
        .field("summary", x.summary)
        .field("shared_at", x.shared_at)
        .end_object();
}

std::string shared_summary_text(const SharedSummary& x) {
    return core::json_text([&](JsonWriter& w) { write_shared_summary(w, x); });
}

void write_review(JsonWriter& w, const GateReview& r) {
    const bool decided = r.status == "decided";
    w.begin_object()
        .field("id", r.id)
        .field("project_id", r.project_id)
        .field("from_phase", r.from_phase)
        .field("status", r.status)
        .key("requested_by");
    core::write_person(w, r.requested_by);
    w.field("requested_at", r.requested_at).key("criteria").begin_array();
    for (const auto& c : r.criteria)
        w.begin_object().field("key", c.key).field("text", c.text).field("met", c.met).field("evidence_url", c.evidence_url).end_object();
    w.end_array().key("kpi_values").begin_array();
    for (const auto& k : r.kpi_values) w.begin_object().field("kpi_key", k.kpi_key).key("value").number(k.value).end_object();
    w.end_array().key("decision_makers").begin_array();
    for (const auto& u : r.decision_makers) core::write_person(w, u);
    w.end_array().key("gatekeepers_required").begin_array();
    for (const auto& area : r.gatekeepers_required) w.string(area);
    w.end_array();
    w.ids("gatekeepers_present", r.gatekeepers_present);
    w.field("decision", r.decision).key("rationale");
    if (decided) w.string(r.rationale);
    else w.null();
    w.field("pivot_to_phase", r.pivot_to_phase).field("new_hypothesis", r.new_hypothesis).key("learnings");
    write_learnings(w, r.learnings);
    w.key("decided_by");
    core::write_person_or_null(w, r.decided_by);
    w.field("decided_at", r.decided_at).end_object();
}

std::string review_text(const GateReview& r) {
    return core::json_text([&](JsonWriter& w) { write_review(w, r); });
}

std::string decided_text(const GateReview& r, const Project& x) {
    return core::json_text([&](JsonWriter& w) {
        w.begin_object().key("review");
        write_review(w, r);
        w.key("project");
        write_project(w, x);
        w.end_object();
    });
}

void write_kpi_value(JsonWriter& w, const KpiValue& v) {
    w.begin_object()
        .field("id", v.id)
        .field("kpi_key", v.kpi_key)
        .key("value")
        .number(v.value)
        .field("recorded_on", v.recorded_on)
        .field("note", v.note)
        .field("phase_key", v.phase_key)
        .field("counts", v.counts)
        .end_object();
}

std::string kpi_value_text(const KpiValue& v) {
    return core::json_text([&](JsonWriter& w) { write_kpi_value(w, v); });
}

std::string board_text(const Board& b, core::TimePoint now) {
    std::string out;
    out.reserve(4096 + b.columns.size() * 50 * 400);
    JsonWriter w(out);
    w.begin_object().key("framework");
    write_project_framework(w, b.framework);
    w.key("columns").begin_array();
    for (const auto& c : b.columns) {
        w.begin_object()
            .field("key", c.phase.key)
            .field("name", c.phase.name)
            .field("max_days", c.phase.max_days)
            .field("total", c.total)
            .key("cards")
            .begin_array();
        for (const auto& x : c.cards) {
            const auto entered = core::parse_time(x.phase.entered_at);
            w.begin_object().field("id", x.id).field("title", x.title).key("lead");
            core::write_person(w, x.lead);
            w.key("health");
            write_health(w, x.health);
            w.field("days_in_phase", entered ? days_between(*entered, now) : int64_t{0})
                .field("status", x.status)
                .end_object();
        }
        w.end_array().end_object();
    }
    w.end_array().end_object();
    return out;
}

std::string funnel_text(const Funnel& f) {
    return core::json_text([&](JsonWriter& w) {
        w.begin_object().key("framework");
        write_project_framework(w, f.framework);
        w.field("since", f.since).key("phases").begin_array();
        for (const auto& r : f.phases)
            w.begin_object()
                .field("key", r.key)
                .field("name", r.name)
                .field("entered", r.entered)
                .field("advanced", r.advanced)
                .field("killed", r.killed)
                .field("held", r.held)
                .field("pivoted_back", r.pivoted_back)
                .field("completed", r.completed)
                .field("current", r.current)
                .end_object();
        w.end_array().end_object();
    });
}

std::string health_recompute_text(const HealthRecompute& h) {
    return core::json_text([&](JsonWriter& w) {
        w.begin_object().field("projects", h.projects).key("seconds").number(h.seconds).end_object();
    });
}

}  // namespace cocreate::projects
