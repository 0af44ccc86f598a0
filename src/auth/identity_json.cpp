#include "auth/identity_json.hpp"

#include <boost/json.hpp>

namespace cocreate::auth {

namespace json = boost::json;

namespace {
template <typename T>
json::value nullable(const std::optional<T>& v) {
    if (!v) return nullptr;
    return json::value_from(*v);
}
json::array strings(const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.push_back(json::string(s));
    return a;
}
}  // namespace

json::object user_json(const User& u) {
    return {{"id", u.id},
            {"email", u.email},
            {"display_name", u.display_name},
            {"role", role_name(u.role)},
            {"capabilities", strings(u.capabilities)},
            {"organisation_id", nullable(u.organisation_id)},
            {"disabled", u.disabled},
            {"created_at", u.created_at},
            {"last_sign_in_at", nullable(u.last_sign_in_at)}};
}

json::object user_brief_json(int64_t id, const std::string& display_name) {
    return {{"id", id}, {"display_name", display_name}};
}

json::object session_json(const Session& s, int64_t current_session_id) {
    return {{"id", s.id},
            {"created_at", s.created_at},
            {"last_seen_at", s.last_seen_at},
            {"expires_at", s.expires_at},
            {"user_agent", s.user_agent},
            {"ip", s.ip},
            {"current", s.id == current_session_id}};
}

json::object token_json(const ApiToken& t) {
    return {{"id", t.id},
            {"name", t.name},
            {"scopes", strings(t.scopes)},
            {"created_at", t.created_at},
            {"expires_at", nullable(t.expires_at)},
            {"last_used_at", nullable(t.last_used_at)},
            {"prefix", t.prefix}};
}

json::object organisation_json(const Organisation& o) {
    return {{"id", o.id}, {"name", o.name}, {"kind", o.kind}, {"domain", nullable(o.domain)}, {"created_at", o.created_at}};
}

json::object space_json(const Space& s) {
    return {{"id", s.id},
            {"name", s.name},
            {"description", s.description},
            {"kind", s.kind},
            {"external_allowed", s.external_allowed},
            {"experimental", s.experimental},
            {"archived", s.archived},
            {"created_at", s.created_at},
            {"my_role", nullable(s.my_role)},
            {"member_count", s.member_count}};
}

json::object member_json(const Member& m, bool viewer_internal) {
    json::object user{{"id", m.user_id}, {"display_name", m.display_name}};
    if (viewer_internal) {
        user["email"] = m.email;
        user["role"] = role_name(m.role);
    }
    return {{"user", std::move(user)}, {"space_role", m.space_role}, {"added_at", m.added_at}};
}

json::object invitation_json(const Invitation& i, const std::string& now) {
    return {{"id", i.id},
            {"space_id", i.space_id},
            {"space_name", i.space_name},
            {"email", i.email},
            {"display_name", nullable(i.display_name)},
            {"space_role", i.space_role},
            {"organisation_id", nullable(i.organisation_id)},
            {"invited_by", user_brief_json(i.invited_by, i.invited_by_name)},
            {"created_at", i.created_at},
            {"expires_at", i.expires_at},
            {"status", i.status(now)}};
}

}  // namespace cocreate::auth
