#pragma once
// Route registration for the identity module (see README.md for the table).

#include "auth/account_service.hpp"
#include "auth/directory_service.hpp"
#include "auth/space_service.hpp"
#include "http/router.hpp"

namespace cocreate::auth {

struct Services {
    AccountService& accounts;
    DirectoryService& directory;
    SpaceService& spaces;
};

void register_account_routes(http::Router& router, Services services);
void register_directory_routes(http::Router& router, Services services);
void register_space_routes(http::Router& router, Services services);

// Parses a body that must be empty or an empty JSON object (action endpoints).
core::Status expect_empty_body(const http::Request& req);
ClientInfo client_of(const http::Request& req);

}  // namespace cocreate::auth
