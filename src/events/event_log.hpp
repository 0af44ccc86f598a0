#pragma once
// The event log: every write appends one event in the same transaction as the write.
// The audit trail, and later the feed, notifications and realtime updates, read from it.

#include <boost/json/object.hpp>
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cocreate::events {

enum class Visibility {
    kInternal,  // internal users only (and only those allowed to see the object)
    kSpace,     // everyone in the event's space
};

struct NewEvent {
    std::optional<int64_t> actor_id;
    std::string verb;         // "space.created", "user.signed_in", ...
    std::string object_type;  // "space", "user", ...
    std::optional<int64_t> object_id;
    std::optional<int64_t> space_id;
    Visibility visibility = Visibility::kInternal;
    boost::json::object payload;
};

struct Event {
    int64_t id = 0;
    std::string at;
    std::optional<int64_t> actor_id;
    std::string actor_name;
    std::string verb;
    std::string object_type;
    std::optional<int64_t> object_id;
    std::optional<int64_t> space_id;
    std::string visibility;
    std::string payload;  // JSON text
};

struct EventFilter {
    std::optional<int64_t> actor_id;
    std::optional<std::string> verb;
    std::optional<std::string> object_type;
    std::optional<int64_t> space_id;
    std::optional<std::string> since;
    std::optional<std::string> until;
    std::optional<int64_t> after;
    int limit = 50;
};

// Appends `e` at time `at` through `s` (inside the caller's transaction). Returns its id.
int64_t append(soci::session& s, const NewEvent& e, const std::string& at);
// Events matching `f`, newest first, up to limit + 1.
std::vector<Event> list(soci::session& s, const EventFilter& f);

}  // namespace cocreate::events
