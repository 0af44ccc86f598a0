#include "stakeholders/stakeholder_input.hpp"

#include <array>
#include <charconv>
#include <vector>

namespace cocreate::stakeholders {

namespace {

constexpr core::StringRule kTagRule{.min = 1, .max = 40};
constexpr core::StringRule kUrlRule{.min = 1, .max = 2000};
constexpr core::StringRule kItemNote{.min = 0, .max = 1000, .trim = true, .single_line = false};
constexpr core::StringRule kRoleRule{.min = 1, .max = 60};
constexpr core::StringRule kAffiliationText{.min = 0, .max = 200};

bool web_url(const std::string& url) {
    const auto lower = core::ascii_lower(url.substr(0, 8));
    return lower.starts_with("https://") || lower.starts_with("http://");
}

// JSON null clears a text field that is stored as empty text.
std::optional<std::string> text_or_empty(core::ObjectReader& r, std::string_view key, core::StringRule rule) {
    auto v = r.nullable_string(key, rule);
    if (!v) return std::nullopt;
    return v->value_or("");
}

}  // namespace

StakeholderInput read_stakeholder(core::ObjectReader& r, bool creating) {
    StakeholderInput in;
    if (creating) {
        in.type = r.required_enum("type", kTypes);
        in.name = r.required_string("name", kNameRule);
        in.kind = r.required_enum("kind", kKinds);
        in.level = r.optional_enum("level", kLevels);
    } else {
        in.name = r.optional_string("name", kNameRule);
        if (in.name && in.name->empty()) r.add_error("name", "must not be empty");
        in.kind = r.optional_enum("kind", kKinds);
        in.version = r.optional_int("version", 1, INT64_MAX);
        if (r.optional_enum("type", kTypes)) r.add_error("type", "cannot be changed; add a new stakeholder instead");
    }
    in.internal = r.optional_bool("internal");
    in.gatekeeper_area = r.nullable_enum("gatekeeper_area", kGatekeeperAreas);
    in.size = r.nullable_enum("size", kSizes);
    in.industry = text_or_empty(r, "industry", kShortText);
    in.region = text_or_empty(r, "region", kShortText);
    in.email = r.nullable_string("email", {.min = 3, .max = 254});
    in.domain = r.nullable_string("domain", {.min = 3, .max = 253});
    in.tags = r.optional_string_array("tags", kTagRule, 20);
    in.value_chain = r.optional_enum_array("value_chain", kValueChain, kValueChain.size());
    in.notes = r.optional_string("notes", kMarkdown);

    std::vector<Link> links;
    if (r.optional_objects("links", 10, [&](core::ObjectReader& item, size_t) {
            Link l{item.required_string("label", {.min = 1, .max = 100}), item.required_string("url", kUrlRule)};
            if (!l.url.empty() && !web_url(l.url)) item.add_error("url", "must start with https:// or http://");
            links.push_back(std::move(l));
        }))
        in.links = std::move(links);

    std::vector<ValueDriver> drivers;
    if (r.optional_objects("value_drivers", 16, [&](core::ObjectReader& item, size_t) {
            ValueDriver d;
            d.driver = item.required_enum("driver", kDrivers);
            d.weight = static_cast<int>(item.required_int("weight", 0, 100));
            d.note = item.optional_string("note", kItemNote).value_or("");
            drivers.push_back(std::move(d));
        }))
        in.value_drivers = std::move(drivers);

    std::vector<Resource> resources;
    if (r.optional_objects("resources", 16, [&](core::ObjectReader& item, size_t) {
            Resource x;
            x.kind = item.required_enum("kind", kResourceKinds);
            x.note = item.optional_string("note", kItemNote).value_or("");
            resources.push_back(std::move(x));
        }))
        in.resources = std::move(resources);

    in.owner_id = r.nullable_int("owner_id", 1, INT64_MAX);

    std::vector<TeamInput> team;
    if (r.optional_objects("team", 20, [&](core::ObjectReader& item, size_t) {
            TeamInput t;
            t.user_id = item.required_int("user_id", 1, INT64_MAX);
            t.role = item.required_string("role", kRoleRule);
            for (const auto& other : team)
                if (other.user_id == t.user_id) item.add_error("user_id", "appears more than once");
            team.push_back(std::move(t));
        }))
        in.team = std::move(team);

    std::vector<AffiliationInput> affiliations;
    if (r.optional_objects("affiliations", 50, [&](core::ObjectReader& item, size_t) {
            AffiliationInput a;
            const auto org = item.optional_int("organisation_id", 1, INT64_MAX);
            const auto person = item.optional_int("person_id", 1, INT64_MAX);
            if (org && person) item.add_error("person_id", "give organisation_id or person_id, not both");
            if (!org && !person) item.add_error("organisation_id", "is required (person_id on an organisation)");
            a.other_id = org.value_or(person.value_or(0));
            a.key = org ? "organisation_id" : "person_id";
            a.title = item.nullable_string("title", kAffiliationText).value_or(std::nullopt).value_or("");
            a.role = item.nullable_string("role", {.min = 0, .max = 100}).value_or(std::nullopt).value_or("");
            for (const auto& other : affiliations)
                if (other.other_id == a.other_id) item.add_error(a.key, "appears more than once");
            affiliations.push_back(std::move(a));
        }))
        in.affiliations = std::move(affiliations);

    std::vector<RelationInput> relations;
    if (r.optional_objects("relations", 50, [&](core::ObjectReader& item, size_t) {
            RelationInput x;
            x.to_id = item.required_int("to_id", 1, INT64_MAX);
            x.kind = item.required_enum("kind", kRelationKinds);
            for (const auto& other : relations)
                if (other.to_id == x.to_id && other.kind == x.kind) item.add_error("to_id", "appears more than once");
            relations.push_back(std::move(x));
        }))
        in.relations = std::move(relations);

    in.space_ids = r.optional_id_array("space_ids", 20);
    return in;
}

NeedInput read_need(core::ObjectReader& r, bool creating) {
    NeedInput in;
    if (creating) {
        in.kind = r.required_enum("kind", kNeedKinds);
        in.title = r.required_string("title", kNameRule);
    } else {
        in.kind = r.optional_enum("kind", kNeedKinds);
        in.title = r.optional_string("title", kNameRule);
        if (in.title && in.title->empty()) r.add_error("title", "must not be empty");
    }
    in.detail = r.optional_string("detail", kLongText);
    in.status = r.optional_enum("status", kNeedStatuses);
    return in;
}

std::optional<int64_t> user_param(const http::Request& req, std::string_view name, int64_t me,
                                  std::optional<core::Error>& problem) {
    const auto v = req.query_param(name);
    if (!v) return std::nullopt;
    if (*v == "me") return me;
    int64_t id = 0;
    const auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), id);
    if (ec != std::errc{} || p != v->data() + v->size() || id <= 0) {
        if (!problem) problem = core::Error::invalid(std::string(name), "must be a user id or me");
        return std::nullopt;
    }
    return id;
}

core::Result<StakeholderFilter> read_filter(const http::Request& req, const auth::Principal& p, bool paged,
                                            std::initializer_list<std::string_view> extra) {
    static constexpr std::array<std::string_view, 6> kInternalOnly = {
        "tag", "level", "owner_id", "internal", "last_contact_before", "last_contact_after"};
    if (!p.internal()) {
        for (auto name : kInternalOnly)
            if (req.query_param(name))
                return core::fail(core::Error::invalid(std::string(name), "is not a known query parameter"));
    }
    std::vector<std::string_view> allowed{"q",        "type", "kind",     "tag", "level", "owner_id", "region",
                                          "internal", "last_contact_before", "last_contact_after", "sort"};
    allowed.insert(allowed.end(), extra.begin(), extra.end());
    http::QueryReader q(req, std::move(allowed));
    StakeholderFilter f;
    f.q = q.string("q");
    f.type = q.enumeration("type", kTypes);
    f.kind = q.enumeration("kind", kKinds);
    f.tag = q.string("tag", 40);
    f.level = q.enumeration("level", kLevels);
    f.region = q.string("region", 100);
    f.internal = q.boolean("internal");
    f.last_contact_before = q.time("last_contact_before");
    f.last_contact_after = q.time("last_contact_after");
    f.sort = q.enumeration("sort", kSorts).value_or("name");
    std::optional<core::Error> problem;
    f.owner_id = user_param(req, "owner_id", p.user_id, problem);
    if (paged) {
        http::apply_key_page(q.key_page(), f);
    } else if (req.query_param("after") || req.query_param("limit")) {
        return core::fail(core::Error::invalid(req.query_param("after") ? "after" : "limit",
                                               "is not a known query parameter"));
    }
    if (auto ok = q.finish(); !ok) return core::fail(ok.error());
    if (problem) return core::fail(*problem);
    return f;
}

}  // namespace cocreate::stakeholders
