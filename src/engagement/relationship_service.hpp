#pragma once
// How each relationship is kept up: cadences (the rhythm of contact, with the next due
// date), expectations and commitments, and each person's capacity for engagement against
// their load. Internal staff only (external participants get 404). Thread-safe.

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

class RelationshipService {
public:
    RelationshipService(db::Database& db, const core::Clock& clock, stakeholders::StakeholderService& stakeholders);

    core::Result<Page<Cadence>> cadences(const Principal& p, const CadenceFilter& f);
    core::Result<Cadence> create_cadence(const Principal& p, const CadenceInput& in);
    core::Result<Cadence> update_cadence(const Principal& p, int64_t id, const CadenceInput& in);
    core::Status delete_cadence(const Principal& p, int64_t id);

    core::Result<Page<Expectation>> expectations(const Principal& p, std::optional<int64_t> stakeholder_id,
                                                 const std::optional<std::string>& status,
                                                 std::optional<int64_t> after, int limit);
    core::Result<Expectation> create_expectation(const Principal& p, const ExpectationInput& in);
    core::Result<Expectation> update_expectation(const Principal& p, int64_t id, const ExpectationInput& in);
    core::Status delete_expectation(const Principal& p, int64_t id);

    // Load in the coming 7 days against hours per week, per person and per team.
    core::Result<Capacity> capacity(const Principal& p, const std::optional<std::string>& team);
    core::Result<CapacityPerson> put_capacity(const Principal& p, int64_t user_id, int hours_per_week,
                                              const std::string& team);

    core::Date today() const { return core::date_of(clock_.now()); }

private:
    core::Status apply(soci::session& s, const CadenceInput& in, Cadence& c) const;
    core::Status apply(soci::session& s, const ExpectationInput& in, Expectation& e) const;

    db::Database& db_;
    const core::Clock& clock_;
    stakeholders::StakeholderService& stakeholders_;
};

}  // namespace cocreate::engagement
