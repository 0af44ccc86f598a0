#pragma once
// Route registration for the projects module (docs/api-projects.md has the table).

#include "core/clock.hpp"
#include "http/router.hpp"
#include "projects/framework_service.hpp"
#include "projects/project_service.hpp"

namespace cocreate::projects {

struct Services {
    FrameworkService& frameworks;
    ProjectService& projects;
    const core::Clock& clock;  // days in phase on the board
};

// /api/v1/frameworks…
void register_framework_routes(http::Router& router, Services services);
// /api/v1/projects… (the project itself, migrate, share)
void register_project_routes(http::Router& router, Services services);
// criteria, KPI values, gate reviews and the portfolio
void register_review_routes(http::Router& router, Services services);

}  // namespace cocreate::projects
