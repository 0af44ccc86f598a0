#pragma once
// Response shapes of the registry. The external view is decided here, once: external
// participants get `public_stakeholder_json` and nothing else, whatever the route.

#include <boost/json.hpp>

#include "stakeholders/stakeholder.hpp"

namespace cocreate::stakeholders {

// {id, type, name, kind, industry, region, size, domain, links}: all an external may see.
boost::json::object public_stakeholder_json(const Stakeholder& x, boost::json::storage_ptr sp = {});
// The full internal view (detail page).
boost::json::object stakeholder_json(const Stakeholder& x, boost::json::storage_ptr sp = {});
// A list row: internal list item, or the public view for externals.
boost::json::object stakeholder_item_json(const Stakeholder& x, bool internal_view, boost::json::storage_ptr sp = {});
boost::json::object need_json(const Need& n, boost::json::storage_ptr sp = {});
boost::json::object timeline_entry_json(const TimelineEntry& e, boost::json::storage_ptr sp = {});
boost::json::object map_json(const StakeholderMap& m);
boost::json::value emotion_json(const std::optional<Emotion>& e, boost::json::storage_ptr sp = {});

}  // namespace cocreate::stakeholders
