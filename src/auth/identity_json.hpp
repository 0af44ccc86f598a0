#pragma once
// JSON shapes of the identity nouns (docs/api-foundation.md). The views for external
// callers drop what they may not see (other people's e-mail, internal roles). Each takes
// the storage to build in, so a list page can build everything in one arena (http/page.hpp).

#include <boost/json/storage_ptr.hpp>
#include <boost/json/value.hpp>

#include "auth/account_service.hpp"
#include "auth/identity.hpp"

namespace cocreate::auth {

boost::json::object user_json(const User& u, boost::json::storage_ptr sp = {});
boost::json::object user_brief_json(int64_t id, const std::string& display_name, boost::json::storage_ptr sp = {});
boost::json::object session_json(const Session& s, int64_t current_session_id, boost::json::storage_ptr sp = {});
boost::json::object token_json(const ApiToken& t, boost::json::storage_ptr sp = {});
boost::json::object organisation_json(const Organisation& o, boost::json::storage_ptr sp = {});
boost::json::object space_json(const Space& s, boost::json::storage_ptr sp = {});
// Members: email only for internal viewers.
boost::json::object member_json(const Member& m, bool viewer_internal, boost::json::storage_ptr sp = {});
boost::json::object invitation_json(const Invitation& i, const std::string& now, boost::json::storage_ptr sp = {});

}  // namespace cocreate::auth
