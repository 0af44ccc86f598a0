#pragma once
// The order of a stakeholder's timeline, shared by the modules that contribute entries:
// newest first by (at, rank, id), so entries at the same moment still have one order and a
// cursor can say exactly where a page ends.

#include <optional>
#include <string>

#include "stakeholders/stakeholder.hpp"

namespace cocreate::stakeholders {

inline constexpr int kInteractionRank = 0;
inline constexpr int kFollowUpRank = 1;
inline constexpr int kLevelRank = 2;
inline constexpr int kEmotionRank = 3;
inline constexpr int kNeedRank = 4;
inline constexpr int kExpectationRank = 5;

// The SQL condition (binding its values on `q`) for entries of kind `rank` that come after
// cursor `c` in timeline order: (at, rank, id) strictly below the cursor's.
template <typename Q>
std::string older_than(Q& q, const std::optional<TimelineCursor>& c, int rank, const char* at_col,
                       const char* id_col) {
    if (!c) return {};
    if (rank < c->rank) {  // may share the cursor's time
        q.bind(c->at);
        return std::string(" AND ") + at_col + " <= :cat";
    }
    if (rank > c->rank) {  // must be strictly older
        q.bind(c->at);
        return std::string(" AND ") + at_col + " < :cat";
    }
    q.bind(c->at).bind(static_cast<long long>(c->id));
    return std::string(" AND (") + at_col + ", " + id_col + ") < (:cat, :cid)";
}

// True when `a` comes before `b` in the timeline (newer).
inline bool comes_before(const TimelineEntry& a, const TimelineEntry& b) {
    if (a.at != b.at) return a.at > b.at;
    if (a.rank != b.rank) return a.rank > b.rank;
    return a.id > b.id;
}

}  // namespace cocreate::stakeholders
