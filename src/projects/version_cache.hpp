#pragma once
// Published framework versions, parsed once. A version never changes after it is published,
// so a parsed copy stays right for the life of the process and on every node; the cache only
// saves reading and parsing the JSON body on each project page, list row and board.
// Thread-safe.

#include <soci/soci.h>

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <utility>

#include "projects/project.hpp"

namespace cocreate::projects {

class VersionCache {
public:
    // The version, read through `s` the first time; nullptr when it does not exist (not
    // remembered: it may be published later).
    std::shared_ptr<const FrameworkVersion> get(soci::session& s, int64_t framework_id, int version);

private:
    std::mutex mutex_;
    std::map<std::pair<int64_t, int>, std::shared_ptr<const FrameworkVersion>> versions_;
};

}  // namespace cocreate::projects
