#pragma once
// The demo company's stakeholders and engagement history, written through the services
// (so the demo passes the same validation as a person would).

#include <cstdint>
#include <vector>

#include "app/app.hpp"

namespace cocreate::app {

struct DemoIds {
    int64_t admin = 0, innovation_manager = 0, sales = 0, facilitator = 0;
    int64_t lab_space = 0, community_space = 0;
};

// Throws std::runtime_error when a service refuses something (a bug in the demo).
void load_demo_engagement(App& app, const DemoIds& ids);

}  // namespace cocreate::app
