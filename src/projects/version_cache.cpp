#include "projects/version_cache.hpp"

#include "projects/framework_repository.hpp"

namespace cocreate::projects {

std::shared_ptr<const FrameworkVersion> VersionCache::get(soci::session& s, int64_t framework_id, int version) {
    const auto key = std::pair{framework_id, version};
    {
        std::lock_guard lock(mutex_);
        if (auto it = versions_.find(key); it != versions_.end()) return it->second;
    }
    // Read outside the lock: two first readers may both parse; the second insert is a no-op.
    auto found = framework_repository::find_version(s, framework_id, version);
    if (!found) return nullptr;
    auto parsed = std::make_shared<const FrameworkVersion>(std::move(*found));
    std::lock_guard lock(mutex_);
    return versions_.emplace(key, std::move(parsed)).first->second;
}

}  // namespace cocreate::projects
