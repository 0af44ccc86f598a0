#pragma once
// JSON shapes of the identity nouns (docs/api-foundation.md). The views for external
// callers drop what they may not see (other people's e-mail, internal roles).

#include <boost/json/value.hpp>

#include "auth/account_service.hpp"
#include "auth/identity.hpp"

namespace cocreate::auth {

boost::json::object user_json(const User& u);
boost::json::object user_brief_json(int64_t id, const std::string& display_name);
boost::json::object session_json(const Session& s, int64_t current_session_id);
boost::json::object token_json(const ApiToken& t);
boost::json::object organisation_json(const Organisation& o);
boost::json::object space_json(const Space& s);
// Members: email only for internal viewers.
boost::json::object member_json(const Member& m, bool viewer_internal);
boost::json::object invitation_json(const Invitation& i, const std::string& now);

// {items: [...], next_cursor} from a page and an item mapping.
template <typename T, typename F>
boost::json::object page_json(const Page<T>& page, F&& to_json);

}  // namespace cocreate::auth

#include "auth/identity_json_page.hpp"
