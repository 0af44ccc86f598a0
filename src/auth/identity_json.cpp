#include "auth/identity_json.hpp"

#include <boost/json.hpp>

namespace cocreate::auth {

namespace json = boost::json;

namespace {
template <typename T>
json::value nullable(const std::optional<T>& v, const json::storage_ptr& sp) {
    if (!v) return json::value(nullptr, sp);
    return json::value_from(*v, sp);
}
json::array strings(const std::vector<std::string>& v, const json::storage_ptr& sp) {
    json::array a(sp);
    for (const auto& s : v) a.emplace_back(json::string_view(s));
    return a;
}
}  // namespace

json::object user_json(const User& u, json::storage_ptr sp) {
    return json::object({{"id", u.id},
            {"email", u.email},
            {"display_name", u.display_name},
            {"role", role_name(u.role)},
            {"capabilities", strings(u.capabilities, sp)},
            {"organisation_id", nullable(u.organisation_id, sp)},
            {"disabled", u.disabled},
            {"created_at", u.created_at},
            {"last_sign_in_at", nullable(u.last_sign_in_at, sp)}}, sp);
}

json::object user_brief_json(int64_t id, const std::string& display_name, json::storage_ptr sp) {
    return json::object({{"id", id}, {"display_name", display_name}}, sp);
}

json::object session_json(const Session& s, int64_t current_session_id, json::storage_ptr sp) {
    return json::object({{"id", s.id},
            {"created_at", s.created_at},
            {"last_seen_at", s.last_seen_at},
            {"expires_at", s.expires_at},
            {"user_agent", s.user_agent},
            {"ip", s.ip},
            {"current", s.id == current_session_id}}, sp);
}

json::object token_json(const ApiToken& t, json::storage_ptr sp) {
    return json::object({{"id", t.id},
            {"name", t.name},
            {"scopes", strings(t.scopes, sp)},
            {"created_at", t.created_at},
            {"expires_at", nullable(t.expires_at, sp)},
            {"last_used_at", nullable(t.last_used_at, sp)},
            {"prefix", t.prefix}}, sp);
}

json::object organisation_json(const Organisation& o, json::storage_ptr sp) {
    return json::object({{"id", o.id}, {"name", o.name}, {"kind", o.kind}, {"domain", nullable(o.domain, sp)}, {"created_at", o.created_at}}, sp);
}

json::object space_json(const Space& s, json::storage_ptr sp) {
    return json::object({{"id", s.id},
            {"name", s.name},
            {"description", s.description},
            {"kind", s.kind},
            {"external_allowed", s.external_allowed},
            {"experimental", s.experimental},
            {"archived", s.archived},
            {"created_at", s.created_at},
            {"my_role", nullable(s.my_role, sp)},
            {"member_count", s.member_count}}, sp);
}

json::object member_json(const Member& m, bool viewer_internal, json::storage_ptr sp) {
    json::object user({{"id", m.user_id}, {"display_name", m.display_name}}, sp);
    if (viewer_internal) {
        user["email"] = m.email;
        user["role"] = role_name(m.role);
    }
    return json::object({{"user", std::move(user)}, {"space_role", m.space_role}, {"added_at", m.added_at}}, sp);
}

json::object invitation_json(const Invitation& i, const std::string& now, json::storage_ptr sp) {
    return json::object({{"id", i.id},
            {"space_id", i.space_id},
            {"space_name", i.space_name},
            {"email", i.email},
            {"display_name", nullable(i.display_name, sp)},
            {"space_role", i.space_role},
            {"organisation_id", nullable(i.organisation_id, sp)},
            {"invited_by", user_brief_json(i.invited_by, i.invited_by_name, sp)},
            {"created_at", i.created_at},
            {"expires_at", i.expires_at},
            {"status", i.status(now)}}, sp);
}

}  // namespace cocreate::auth
