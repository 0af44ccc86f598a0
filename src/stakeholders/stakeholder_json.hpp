#pragma once
// Response shapes of the registry, written once each with core::JsonWriter (lists are hot).
// The external view is decided here, once: external participants get the public view and
// nothing else, whatever the route.

#include <boost/json.hpp>

#include <string>

#include "core/json_writer.hpp"
#include "stakeholders/stakeholder.hpp"

namespace cocreate::stakeholders {

// {id, type, name, kind, industry, region, size, domain, links}: all an external may see.
void write_public_stakeholder(core::JsonWriter& w, const Stakeholder& x);
// A list row: the internal list item, or the public view for externals.
void write_stakeholder_item(core::JsonWriter& w, const Stakeholder& x, bool internal_view);
// The full internal view (detail page).
void write_stakeholder(core::JsonWriter& w, const Stakeholder& x);
// The view `internal_view` allows, as JSON text (detail responses).
std::string stakeholder_text(const Stakeholder& x, bool internal_view);

boost::json::object need_json(const Need& n, boost::json::storage_ptr sp = {});
void write_timeline_entry(core::JsonWriter& w, const TimelineEntry& e);
boost::json::object map_json(const StakeholderMap& m);

}  // namespace cocreate::stakeholders
