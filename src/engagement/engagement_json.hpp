#pragma once
// Response shapes of the engagement log (all internal-only: externals never reach them).

#include <boost/json.hpp>

#include "engagement/engagement.hpp"
#include "engagement/follow_up_service.hpp"

namespace cocreate::engagement {

boost::json::object interaction_json(const Interaction& x, boost::json::storage_ptr sp = {});
// `today` ("YYYY-MM-DD") decides whether it is overdue.
boost::json::object follow_up_json(const FollowUp& f, const std::string& today, boost::json::storage_ptr sp = {});
boost::json::object cadence_json(const Cadence& c, const std::string& today, boost::json::storage_ptr sp = {});
boost::json::object expectation_json(const Expectation& e, boost::json::storage_ptr sp = {});
boost::json::object capacity_person_json(const CapacityPerson& c);
boost::json::object capacity_json(const Capacity& c);
// As JSON text: its stakeholder rows are written with the registry's writer.
std::string attention_text(const Attention& a, const std::string& today);

}  // namespace cocreate::engagement
