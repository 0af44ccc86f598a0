#pragma once
// The framework a company starts from: Explore → Validate problem → Co-design → Pilot →
// Scale, with learning and engagement KPIs early and revenue only from Scale.

#include "projects/project.hpp"

namespace cocreate::projects {

FrameworkVersion default_framework();

}  // namespace cocreate::projects
