#pragma once
// Route registration for the stakeholder registry (see README.md for the table).

#include "http/router.hpp"
#include "stakeholders/stakeholder_import.hpp"
#include "stakeholders/stakeholder_service.hpp"

namespace cocreate::stakeholders {

void register_stakeholder_routes(http::Router& router, StakeholderService& stakeholders, StakeholderImport& imports);

}  // namespace cocreate::stakeholders
