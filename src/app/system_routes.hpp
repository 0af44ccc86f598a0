#pragma once
#include "http/router.hpp"

namespace cocreate::app {

class App;

// /healthz, /readyz, /metrics and the API contract.
void register_system_routes(http::Router& router, App& app);

}  // namespace cocreate::app
