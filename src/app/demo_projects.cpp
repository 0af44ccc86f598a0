// The demo company's co-innovation portfolio, written through the services: a framework from
// the default template, a project in Co-design that passed two gates, a fresh proposal with
// a poor fit, a project on hold and one stopped with its learnings.
#include <stdexcept>

#include "app/demo_engagement.hpp"

namespace cocreate::app {

namespace {

template <typename T>
T must(core::Result<T> r, const char* what) {
    if (!r) throw std::runtime_error(std::string("demo projects: ") + what + ": " + r.error().detail);
    return std::move(*r);
}

auth::Principal as(int64_t id, const char* name, auth::Role role) {
    auth::Principal p;
    p.user_id = id;
    p.display_name = name;
    p.role = role;
    return p;
}

}  // namespace

void load_demo_projects(App& app, const DemoIds& ids, const DemoStakeholders& who) {
    const auto ines = as(ids.innovation_manager, "Ines Innovation", auth::Role::kInnovationManager);
    const auto sam = as(ids.sales, "Sam Sales", auth::Role::kMember);
    auto& projects = app.projects();
    const auto [framework, version] =
        must(app.frameworks().create(ines, {"Co-innovation framework", "How we take ideas from a customer's problem to scale, "
                                                                     "with honest gates between the phases.",
                                            std::nullopt}),
             "framework");
    using projects::FitAnswers;
    using projects::KillCriterion;
    using projects::ProjectStakeholder;

    projects::NewProject eta;
    eta.title = "Live ETA at depot gates";
    eta.problem_statement = "Trucks wait 40 minutes on average at Northwind's depot gates because nobody knows when they arrive.";
    eta.hypothesis = "A live ETA shared with the gate team cuts the waiting time by half.";
    eta.framework_id = framework.id;
    eta.sponsor_id = ids.admin;
    eta.team = {{ids.sales, "", "Account manager"}, {ids.facilitator, "", "Workshop lead"}};
    eta.stakeholders = {ProjectStakeholder{who.northwind, "", "", "customer", "Two depots and telematics data for the pilot"},
                        ProjectStakeholder{who.clara, "", "", "customer", "Weekly feedback"},
                        ProjectStakeholder{who.contoso, "", "", "partner", "Sensors at cost during the pilot"}};
    eta.kill_criteria = {KillCriterion{"no_pilot_site", "No pilot depot agreed by the end of Co-design", false},
                         KillCriterion{"no_saving", "Waiting time falls by less than 20 % in the pilot", false}};
    eta.need_ids = {who.gate_pain};
    eta.budget = projects::Budget{120000, "EUR"};
    eta.effort_days = 90;
    eta.fit = FitAnswers{5, 4, 4, 5, 3};
    auto p = must(projects.create(ines, eta), "Live ETA");
    auto pass = [&](const projects::Project& x, const char* rationale) {
        for (const auto& c : x.criteria)
            must(projects.set_criterion(ines, x.id, c.key, true, std::optional<std::string>("https://wiki.example/eta/" + c.key)),
                 "criterion");
        const auto review = must(projects.request_review(ines, x.id, {{ids.admin}, {}}), "review");
        return must(projects.decide(ines, review.id, {"go", rationale, std::nullopt, std::nullopt, std::nullopt, std::nullopt}),
                    "go")
            .second;
    };
    for (double v : {4.0, 7.0, 11.0}) must(projects.record_kpi(ines, p.id, {"interviews_held", v, std::nullopt, ""}), "KPI");
    must(projects.record_kpi(ines, p.id, {"assumptions_tested", 3, std::nullopt, "Gate queue, ETA trust, data access"}), "KPI");
    p = pass(p, "Eleven interviews; every depot manager named the gate queue unprompted.");
    must(projects.record_kpi(ines, p.id, {"customers_engaged", 2, std::nullopt, "Northwind and Fabrikam"}), "KPI");
    p = pass(p, "Northwind committed two depots and their telematics data.");
    must(projects.record_kpi(ines, p.id, {"interest_score", 3, std::nullopt, "Clara: committed"}), "KPI");
    must(projects.set_criterion(ines, p.id, "concept_validated", true,
                                std::optional<std::string>("https://wiki.example/eta/workshop-rotterdam")),
         "criterion");

    projects::NewProject kiosk;
    kiosk.title = "Driver self check-in kiosk";
    kiosk.problem_statement = "Drivers queue at the gate office to register.";
    kiosk.hypothesis = "A kiosk at the gate lets drivers register in under a minute.";
    kiosk.framework_id = framework.id;
    kiosk.fit = FitAnswers{2, 2, 3, 1, 2};
    kiosk.team = {{ids.facilitator, "", "Researcher"}};
    must(projects.create(sam, kiosk), "kiosk");

    projects::NewProject shelves;
    shelves.title = "Shelf sensors for Fabrikam stores";
    shelves.problem_statement = "Fabrikam's stores run out of fast movers between deliveries.";
    shelves.hypothesis = "Shelf sensors trigger deliveries before shelves are empty.";
    shelves.framework_id = framework.id;
    shelves.sponsor_id = ids.admin;
    shelves.stakeholders = {ProjectStakeholder{who.fabrikam, "", "", "customer", "Three test stores"},
                            ProjectStakeholder{who.tom, "", "", "customer", ""}};
    shelves.kill_criteria = {KillCriterion{"no_store_budget", "Stores will not fund sensors themselves", false}};
    shelves.fit = FitAnswers{4, 3, 4, 3, 3};
    auto s = must(projects.create(sam, shelves), "shelves");
    s = pass(s, "Tom's stores confirmed the out-of-stock problem.");
    must(projects.set_kill_criterion(sam, s.id, "no_store_budget", true), "kill criterion");
    const auto review = must(projects.request_review(sam, s.id, {{ids.admin}, {}}), "review");
    must(projects.decide(ines, review.id,
                         {"kill", "Stores will not pay for sensors, and the saving does not cover them centrally.", std::nullopt,
                          std::nullopt, std::nullopt,
                          projects::Learnings{"Out-of-stock hurts, but the budget sits with store managers who see no line for it.",
                                              "Ask who pays in the first interview, not after the problem is validated."}}),
         "kill");

    projects::NewProject green;
    green.title = "Green route planner";
    green.problem_statement = "Carriers cannot show customers the CO2 of a delivery route.";
    green.hypothesis = "A CO2 estimate per route wins tenders with sustainability criteria.";
    green.framework_id = framework.id;
    green.sponsor_id = ids.admin;
    green.fit = FitAnswers{3, 2, 3, 3, 2};
    auto g = must(projects.create(ines, green), "green");
    const auto hold = must(projects.request_review(ines, g.id, {{}, {}}), "review");
    must(projects.decide(ines, hold.id,
                         {"hold", "The CO2 reporting rules are not final; we wait for the regulator's draft.", std::nullopt,
                          std::nullopt, std::nullopt, std::nullopt}),
         "hold");
    (void)version;
}

}  // namespace cocreate::app
