#pragma once
// Frameworks: created (from the default template or from scratch) and versioned by
// administrators and innovation managers, read by all internal staff. A published version
// never changes; publishing a new one leaves projects on theirs until migrated. Thread-safe.

#include <optional>
#include <string>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "http/page.hpp"
#include "projects/project.hpp"

namespace cocreate::projects {

struct NewFramework {
    std::string name;
    std::string description;
    // The first version: the default template when absent.
    std::optional<FrameworkVersion> first_version;
};

class FrameworkService {
public:
    FrameworkService(db::Database& db, const core::Clock& clock);

    core::Result<http::Page<Framework>> list(const auth::Principal& p, std::optional<int64_t> after, int limit);
    // The framework and its current version.
    core::Result<std::pair<Framework, FrameworkVersion>> create(const auth::Principal& p, const NewFramework& f);
    core::Result<std::pair<Framework, FrameworkVersion>> get(const auth::Principal& p, int64_t id);
    // Validates and publishes `v` as the next version.
    core::Result<FrameworkVersion> publish(const auth::Principal& p, int64_t framework_id, FrameworkVersion v);
    core::Result<FrameworkVersion> version(const auth::Principal& p, int64_t framework_id, int version);

private:
    db::Database& db_;
    const core::Clock& clock_;
};

}  // namespace cocreate::projects
