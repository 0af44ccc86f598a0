#pragma once
// Interactions with stakeholders and the stakeholder timeline. Internal staff only
// (external participants get 404). A held interaction moves each stakeholder's last
// contact and the next due date of their cadences, and records the emotion observed.
// Thread-safe.

#include <optional>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "engagement/engagement.hpp"
#include "http/page.hpp"
#include "stakeholders/stakeholder_service.hpp"

namespace cocreate::engagement {

using auth::Principal;
using http::Page;

class InteractionService {
public:
    InteractionService(db::Database& db, const core::Clock& clock, stakeholders::StakeholderService& stakeholders);

    core::Result<Page<Interaction>> list(const Principal& p, const InteractionFilter& f);
    core::Result<Interaction> create(const Principal& p, const InteractionInput& in);
    core::Result<Interaction> get(const Principal& p, int64_t id);
    core::Result<Interaction> update(const Principal& p, int64_t id, const InteractionInput& in);
    core::Status remove(const Principal& p, int64_t id);

    // Everything that happened with a stakeholder, newest first (see stakeholders/timeline.hpp).
    core::Result<Page<stakeholders::TimelineEntry>> timeline(const Principal& p, int64_t stakeholder_id,
                                                             const std::optional<stakeholders::TimelineCursor>& before,
                                                             int limit);

private:
    // Checks `in`'s references and rules and applies it to `x`.
    core::Status apply(soci::session& s, const Principal& p, const InteractionInput& in, Interaction& x) const;
    // Recomputes last contact and cadence due dates of `stakeholder_id` from held interactions.
    void refresh_contact(soci::session& s, int64_t stakeholder_id) const;

    db::Database& db_;
    const core::Clock& clock_;
    stakeholders::StakeholderService& stakeholders_;
};

}  // namespace cocreate::engagement
