#pragma once
// A framework version as one JSON document: how it is stored (framework_versions.body) and
// how the API shows it. Reading trusts only what this code wrote; anything else is dropped.

#include <boost/json.hpp>

#include <string>

#include "projects/project.hpp"

namespace cocreate::projects {

// {"phases": [...], "kpis": [...]}: the stored body.
boost::json::object version_body_json(const FrameworkVersion& v);
// Phases and KPIs from a stored body (framework id, version and publishing are columns).
FrameworkVersion parse_version_body(const std::string& text);
// The API shape: the body plus framework_id, version, published_at, published_by, and each
// phase's guidelines_html.
boost::json::object framework_version_json(const FrameworkVersion& v);

}  // namespace cocreate::projects
