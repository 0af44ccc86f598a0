#pragma once
// SQL for frameworks and their versions. Runs on the caller's session, inside the caller's
// transaction; no permission checks.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "projects/project.hpp"

namespace cocreate::projects::framework_repository {

int64_t insert_framework(soci::session& s, const std::string& name, const std::string& description, int64_t by,
                         const std::string& now);
// Stores `v` as version `v.version` of its framework and makes it the current one.
void publish_version(soci::session& s, const FrameworkVersion& v, int64_t by, const std::string& now);
std::optional<Framework> find_framework(soci::session& s, int64_t id);
// Newest first, limit + 1.
std::vector<Framework> list_frameworks(soci::session& s, std::optional<int64_t> after, int limit);
std::optional<FrameworkVersion> find_version(soci::session& s, int64_t framework_id, int version);

}  // namespace cocreate::projects::framework_repository
