#pragma once
// The demo company's stakeholders and engagement history, written through the services
// (so the demo passes the same validation as a person would).

#include <cstdint>
#include <vector>

#include "app/app.hpp"

namespace cocreate::app {

struct DemoIds {
    int64_t admin = 0, innovation_manager = 0, sales = 0, facilitator = 0;
    int64_t customer = 0;  // Clara, an external participant from Northwind
    int64_t lab_space = 0, community_space = 0;
};

// The stakeholders other parts of the demo refer to.
struct DemoStakeholders {
    int64_t northwind = 0, clara = 0, contoso = 0, fabrikam = 0, tom = 0, legal = 0;
    int64_t gate_pain = 0;  // Northwind's need "trucks wait at depot gates"
};

// Throws std::runtime_error when a service refuses something (a bug in the demo).
DemoStakeholders load_demo_engagement(App& app, const DemoIds& ids);
// Projects on the default framework in several phases, with a kill and its learnings.
void load_demo_projects(App& app, const DemoIds& ids, const DemoStakeholders& who);
// Challenges in the community and the lab, ideas, comments, votes and recorded interest.
void load_demo_ideas(App& app, const DemoIds& ids, const DemoStakeholders& who);

}  // namespace cocreate::app
