#include "engagement/engagement_json.hpp"

#include "core/markdown.hpp"
#include "stakeholders/stakeholder_json.hpp"

namespace cocreate::engagement {

namespace json = boost::json;

namespace {

json::value user_json(const std::optional<UserRef>& u, json::storage_ptr sp) {
    if (!u) return json::value(nullptr, sp);
    return json::object({{"id", u->id}, {"display_name", u->display_name}}, sp);
}

template <typename T>
json::value optional_json(const std::optional<T>& v, json::storage_ptr sp) {
    return v ? json::value(*v, sp) : json::value(nullptr, sp);
}

json::object load_json(json::object o, const Load& load, int hours) {
    o["scheduled_hours"] = load.scheduled_hours;
    o["follow_up_hours"] = load.follow_up_hours;
    o["load_hours"] = load.total();
    const auto u = utilisation(load, hours);
    o["utilisation"] = u ? json::value(*u) : json::value(nullptr);
    o["over_capacity"] = over_capacity(load, hours);
    return o;
}

}  // namespace

json::object interaction_json(const Interaction& x, json::storage_ptr sp) {
    json::object o(sp);
    o["id"] = x.id;
    o["title"] = x.title;
    o["type"] = x.type;
    o["mode"] = x.mode;
    o["status"] = x.status;
    o["occurred_at"] = x.occurred_at;
    o["duration_minutes"] = x.duration_minutes;
    o["format"] = x.stakeholders.size() > 1 ? "multi_stakeholder" : "one_to_one";
    o["summary"] = x.summary;
    o["summary_html"] = core::markdown_to_safe_html(x.summary);
    o["outcome"] = x.outcome;
    json::array participants(sp);
    for (const auto& u : x.participants)
        participants.emplace_back(json::object({{"id", u.id}, {"display_name", u.display_name}}, sp));
    o["participants"] = std::move(participants);
    json::array parties(sp);
    for (const auto& st : x.stakeholders) {
        json::object item(sp);
        item["stakeholder_id"] = st.stakeholder_id;
        item["name"] = st.name;
        item["kind"] = st.kind;
        item["interest"] = optional_json(st.interest, sp);
        item["interest_topic"] = st.interest_topic;
        item["valence"] = optional_json(st.valence, sp);
        item["intensity"] = optional_json(st.intensity, sp);
        parties.emplace_back(std::move(item));
    }
    o["stakeholders"] = std::move(parties);
    o["created_by"] = user_json(x.created_by, sp);
    o["created_at"] = x.created_at;
    o["updated_at"] = x.updated_at;
    return o;
}

json::object follow_up_json(const FollowUp& f, const std::string& today, json::storage_ptr sp) {
    json::object o(sp);
    o["id"] = f.id;
    o["title"] = f.title;
    o["detail"] = f.detail;
    o["owner"] = user_json(f.owner, sp);
    o["due_on"] = f.due_on;
    o["status"] = f.status;
    o["overdue"] = f.status == "open" && f.due_on < today;
    o["effort_minutes"] = f.effort_minutes;
    o["stakeholder"] = f.stakeholder ? json::value(json::object({{"id", f.stakeholder->id}, {"name", f.stakeholder->name}}, sp))
                                     : json::value(nullptr, sp);
    o["interaction_id"] = optional_json(f.interaction_id, sp);
    o["created_by"] = user_json(f.created_by, sp);
    o["created_at"] = f.created_at;
    o["completed_at"] = optional_json(f.completed_at, sp);
    return o;
}

json::object cadence_json(const Cadence& c, const std::string& today, json::storage_ptr sp) {
    json::object o(sp);
    o["id"] = c.id;
    o["stakeholder"] = json::object({{"id", c.stakeholder.id}, {"name", c.stakeholder.name}}, sp);
    o["owner"] = user_json(c.owner, sp);
    o["label"] = c.label;
    o["interval"] = c.interval;
    o["every_days"] = optional_json(c.every_days, sp);
    o["format"] = c.format;
    o["starts_on"] = c.starts_on;
    o["next_due_on"] = c.next_due_on;
    o["overdue"] = !c.paused && c.next_due_on < today;
    o["paused"] = c.paused;
    o["created_at"] = c.created_at;
    return o;
}

json::object expectation_json(const Expectation& e, json::storage_ptr sp) {
    json::object o(sp);
    o["id"] = e.id;
    o["stakeholder"] = json::object({{"id", e.stakeholder.id}, {"name", e.stakeholder.name}}, sp);
    o["direction"] = e.direction;
    o["description"] = e.description;
    o["due_on"] = optional_json(e.due_on, sp);
    o["status"] = e.status;
    o["owner"] = user_json(e.owner, sp);
    o["created_at"] = e.created_at;
    o["updated_at"] = e.updated_at;
    return o;
}

json::object capacity_person_json(const CapacityPerson& c) {
    return load_json({{"user_id", c.user_id},
                      {"display_name", c.display_name},
                      {"team", c.team},
                      {"hours_per_week", c.hours_per_week}},
                     c.load, c.hours_per_week);
}

json::object capacity_json(const Capacity& c) {
    json::array people, teams;
    for (const auto& p : c.people) people.push_back(capacity_person_json(p));
    for (const auto& t : c.teams)
        teams.push_back(load_json({{"team", t.team}, {"hours_per_week", t.hours_per_week}}, t.load, t.hours_per_week));
    return {{"window", json::object{{"from", c.from}, {"to", c.to}}}, {"people", std::move(people)},
            {"teams", std::move(teams)}};
}

std::string attention_text(const Attention& a, const std::string& today) {
    std::string out;
    core::JsonWriter w(out);
    w.begin_object().key("overdue_follow_ups").begin_array();
    for (const auto& f : a.overdue_follow_ups) w.raw(json::serialize(follow_up_json(f, today)));
    w.end_array().key("missed_cadences").begin_array();
    for (const auto& c : a.missed_cadences) w.raw(json::serialize(cadence_json(c, today)));
    w.end_array().key("indifferent").begin_array();
    for (const auto& x : a.indifferent) stakeholders::write_stakeholder_item(w, x, true);
    w.end_array().key("quiet").begin_array();
    for (const auto& x : a.quiet) stakeholders::write_stakeholder_item(w, x, true);
    w.end_array().field("count_limit", kAttentionCountLimit);
    w.key("counts")
        .begin_object()
        .field("overdue_follow_ups", a.overdue_count)
        .field("missed_cadences", a.missed_count)
        .field("indifferent", a.indifferent_count)
        .field("quiet", a.quiet_count)
        .end_object();
    w.end_object();
    return out;
}

}  // namespace cocreate::engagement
