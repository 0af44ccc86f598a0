#include "app/demo_engagement.hpp"

#include <chrono>
#include <stdexcept>

namespace cocreate::app {

namespace {

template <typename T>
T must(core::Result<T> r, const char* what) {
    if (!r) throw std::runtime_error(std::string("demo: ") + what + ": " + r.error().detail);
    return std::move(*r);
}

auth::Principal as(int64_t id, const char* name, auth::Role role) {
    auth::Principal p;
    p.user_id = id;
    p.display_name = name;
    p.role = role;
    return p;
}

struct Org {
    const char* name;
    const char* kind;
    const char* industry;
    const char* region;
    const char* size;
    const char* domain;
    const char* level;
    std::vector<std::string> tags;
};

}  // namespace

DemoStakeholders load_demo_engagement(App& app, const DemoIds& ids) {
    using namespace std::chrono;
    using stakeholders::StakeholderInput;
    const auto ines = as(ids.innovation_manager, "Ines Innovation", auth::Role::kInnovationManager);
    const auto sam = as(ids.sales, "Sam Sales", auth::Role::kMember);
    auto& registry = app.stakeholders();
    const auto now = app.clock().now();
    auto at = [&](int days_ago, int hour = 10) {
        return core::format_time(floor<days>(now) - days{days_ago} + hours{hour});
    };
    auto day = [&](int from_today) { return core::format_date(core::date_of(now) + days{from_today}); };

    const std::vector<Org> orgs = {
        {"Northwind Logistics", "customer", "Logistics", "Europe", "large", "northwind.example", "co_creating", {"key-account", "pilot"}},
        {"Contoso Sensors", "supplier", "Electronics", "Europe", "medium", "contoso.example", "engaged", {"iot"}},
        {"Federal Transport Authority", "regulator", "Public sector", "Europe", "large", "fta.example", "aware", {"approval"}},
        {"GreenFreight Alliance", "ngo", "Sustainability", "Global", "small", "greenfreight.example", "interested", {"sustainability"}},
        {"TU Mobility Lab", "academia", "Research", "Europe", "medium", "tu-mobility.example", "engaged", {"research"}},
        {"Fabrikam Retail", "prospect", "Retail", "North America", "enterprise", "fabrikam.example", "interested", {"pilot"}},
    };
    std::vector<int64_t> org_ids;
    for (const auto& o : orgs) {
        StakeholderInput in;
        in.type = "organisation";
        in.name = o.name;
        in.kind = o.kind;
        in.industry = o.industry;
        in.region = o.region;
        in.size = std::optional<std::string>(o.size);
        in.domain = std::optional<std::string>(o.domain);
        in.level = o.level;
        in.tags = o.tags;
        in.owner_id = std::optional<int64_t>(org_ids.empty() ? ids.sales : ids.innovation_manager);
        org_ids.push_back(must(registry.create(ines, in), "organisation").id);
    }
    {
        StakeholderInput in;
        in.value_drivers = std::vector<stakeholders::ValueDriver>{
            {"cost", 80, "Fuel and idle time are their biggest cost lines"},
            {"sustainability", 65, "CO2 reporting duty from next year"},
            {"recognition", 40, "Wants to be seen as the innovative carrier"}};
        in.resources = std::vector<stakeholders::Resource>{{"test_sites", "Two depots for pilots"},
                                                           {"data", "Telematics of 1,200 trucks"}};
        in.value_chain = std::vector<std::string>{"logistics", "service"};
        in.links = std::vector<stakeholders::Link>{{"Website", "https://northwind.example"}};
        in.notes = "Strategic account. **Decision maker**: Clara. Procurement (Paul) needs a business case first.";
        in.space_ids = std::vector<int64_t>{ids.lab_space};
        in.team = std::vector<stakeholders::TeamInput>{{ids.sales, "Account manager"}, {ids.facilitator, "Workshop lead"}};
        in.relations = std::vector<stakeholders::RelationInput>{{org_ids[1], "partners_with"}};
        must(registry.update(ines, org_ids[0], in), "Northwind profile");
        StakeholderInput reg;
        reg.relations = std::vector<stakeholders::RelationInput>{{org_ids[0], "regulates"}};
        must(registry.update(ines, org_ids[2], reg), "regulator relation");
    }
    struct PersonSeed {
        const char* name;
        const char* email;
        size_t org;
        const char* title;
        const char* kind;
        const char* level;
    };
    const std::vector<PersonSeed> people = {
        {"Clara Customer", "clara@northwind.example", 0, "Head of Operations", "customer", "co_creating"},
        {"Paul Procurement", "paul@northwind.example", 0, "Procurement lead", "customer", "interested"},
        {"Dana Diaz", "dana@contoso.example", 1, "CTO", "supplier", "engaged"},
        {"Rita Regel", "rita@fta.example", 2, "Head of approvals", "regulator", "aware"},
        {"Tom Baker", "tom@fabrikam.example", 5, "VP Stores", "prospect", "interested"},
    };
    std::vector<int64_t> person_ids;
    int64_t legal = 0;
    for (const auto& p : people) {
        StakeholderInput in;
        in.type = "person";
        in.name = p.name;
        in.kind = p.kind;
        in.email = std::optional<std::string>(p.email);
        in.level = p.level;
        in.owner_id = std::optional<int64_t>(ids.sales);
        in.affiliations = std::vector<stakeholders::AffiliationInput>{{org_ids[p.org], "organisation_id", p.title, ""}};
        person_ids.push_back(must(registry.create(ines, in), "person").id);
    }
    {
        StakeholderInput in;
        in.type = "organisation";
        in.name = "Legal & Compliance";
        in.kind = "internal_gatekeeper";
        in.internal = true;
        in.gatekeeper_area = std::optional<std::string>("legal");
        in.level = "engaged";
        in.notes = "Reviews data-sharing agreements before any pilot with customer data.";
        legal = must(registry.create(ines, in), "gatekeeper").id;
    }
    const auto gate_pain =
        must(registry.create_need(ines, org_ids[0], {"pain", "Trucks wait 40 minutes on average at depot gates", "", "open"}), "need").id;
    must(registry.create_need(ines, org_ids[0], {"need", "Live ETA for their own customers", "", "open"}), "need");

    auto& interactions = app.interactions();
    auto log = [&](const char* title, const char* type, const char* mode, const char* status, const std::string& when,
                   std::vector<engagement::InteractionStakeholder> with, const char* summary) {
        engagement::InteractionInput in;
        in.title = title;
        in.type = type;
        in.mode = mode;
        in.status = status;
        in.occurred_at = when;
        in.duration_minutes = 60;
        in.summary = summary;
        in.participant_ids = std::vector<int64_t>{ids.sales, ids.innovation_manager};
        in.stakeholders = std::move(with);
        return must(interactions.create(ines, in), title).id;
    };
    using IS = engagement::InteractionStakeholder;
    log("Discovery call on depot waiting times", "video_call", "remote", "held", at(40),
        {IS{person_ids[0], "", "", "curious", "gate waiting times", 1, 2}}, "Clara described the **gate queue** problem.");
    log("Weekly sync", "call", "remote", "held", at(12),
        {IS{person_ids[0], "", "", "interested", "live ETA pilot", 2, 3}, IS{person_ids[1], "", "", "none", "", 0, 0}},
        "Paul was quiet; Clara pushed for a pilot.");
    const auto workshop = log("Co-design workshop at the Rotterdam depot", "workshop", "in_person", "held", at(5),
                              {IS{person_ids[0], "", "", "committed", "depot pilot", 2, 3},
                               IS{person_ids[2], "", "", "interested", "sensor supply", -1, 2}},
                              "Mapped the gate process together; Contoso worried about sensor lead times.");
    log("Depot visit with Contoso", "visit", "in_person", "planned", at(-4, 9), {IS{person_ids[2]}, IS{org_ids[0]}},
        "Agenda: sensor mounting points.");

    auto& follow_ups = app.follow_ups();
    auto task = [&](const char* title, int due_in, int64_t owner, int64_t stakeholder, std::optional<int64_t> interaction) {
        engagement::FollowUpInput in;
        in.title = title;
        in.due_on = day(due_in);
        in.owner_id = owner;
        in.stakeholder_id = std::optional<int64_t>(stakeholder);
        if (interaction) in.interaction_id = std::optional<int64_t>(*interaction);
        in.effort_minutes = 60;
        return must(follow_ups.create(ines, in), title).id;
    };
    task("Send the pilot proposal to Clara", -2, ids.sales, person_ids[0], workshop);
    task("Ask Contoso for sensor lead times", 1, ids.innovation_manager, person_ids[2], workshop);
    const auto done = task("Share workshop photos", -4, ids.facilitator, org_ids[0], workshop);
    engagement::FollowUpInput finished;
    finished.status = "done";
    must(follow_ups.update(ines, done, finished), "complete follow-up");

    auto& relationships = app.relationships();
    engagement::CadenceInput weekly;
    weekly.stakeholder_id = person_ids[0];
    weekly.label = "Weekly call";
    weekly.interval = "weekly";
    weekly.owner_id = ids.sales;
    weekly.starts_on = day(-60);
    must(relationships.create_cadence(ines, weekly), "cadence");
    engagement::CadenceInput monthly = weekly;
    monthly.stakeholder_id = person_ids[4];
    monthly.label = "Monthly check-in";
    monthly.interval = "monthly";
    must(relationships.create_cadence(ines, monthly), "cadence");
    engagement::ExpectationInput promise;
    promise.stakeholder_id = org_ids[0];
    promise.direction = "we_promised";
    promise.description = "A working live-ETA prototype at one depot";
    promise.due_on = std::optional<std::string>(day(30));
    promise.owner_id = std::optional<int64_t>(ids.innovation_manager);
    must(relationships.create_expectation(ines, promise), "expectation");
    engagement::ExpectationInput expects = promise;
    expects.direction = "they_expect";
    expects.description = "No extra work for drivers during the pilot";
    expects.due_on = std::optional<std::string>();
    must(relationships.create_expectation(ines, expects), "expectation");
    must(relationships.put_capacity(ines, ids.innovation_manager, 8, "Innovation"), "capacity");
    must(relationships.put_capacity(ines, ids.sales, 3, "Sales"), "capacity");
    must(relationships.put_capacity(ines, ids.facilitator, 6, "Innovation"), "capacity");
    (void)sam;
    return {org_ids[0], person_ids[0], org_ids[1], org_ids[5], person_ids[4], legal, gate_pain};
}

}  // namespace cocreate::app
