#include "stakeholders/stakeholder_service.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "auth/people.hpp"
#include "auth/permissions.hpp"
#include "auth/principal.hpp"
#include "core/json_input.hpp"
#include "events/event_log.hpp"
#include "stakeholders/stakeholder_repository.hpp"

namespace cocreate::stakeholders {

using auth::Action;
using auth::authorize;
using core::Error;
using core::fail;
namespace repo = stakeholder_repository;

namespace {

// Collects field problems found while checking references, reported together.
class Problems {
public:
    void add(std::string field, std::string detail) { errors_.push_back({std::move(field), std::move(detail)}); }
    bool empty() const { return errors_.empty(); }
    Error error() const {
        Error e{core::ErrorCode::kUnprocessable, errors_.front().field + " " + errors_.front().detail,
                errors_.front().field};
        e.errors = errors_;
        return e;
    }

private:
    std::vector<core::FieldError> errors_;
};

bool valid_domain(const std::string& d) {
    if (d.size() < 3 || d.size() > 253 || d.find('.') == std::string::npos || d.front() == '.' || d.back() == '.' ||
        d.front() == '-')
        return false;
    return std::all_of(d.begin(), d.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
    });
}

repo::Viewer viewer_of(const Principal& p) { return {p.user_id, !p.internal()}; }

events::NewEvent event(const Principal& p, std::string verb, std::string type, int64_t id, boost::json::object payload = {}) {
    return {p.user_id, std::move(verb), std::move(type), id, std::nullopt, events::Visibility::kInternal,
            std::move(payload)};
}

}  // namespace

StakeholderService::StakeholderService(db::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

core::Result<Stakeholder> StakeholderService::visible(soci::session& s, const Principal& p, int64_t id) const {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    auto x = repo::find_stakeholder(s, id, viewer_of(p));
    // Found through the viewer filter means shared with one of an external's spaces.
    if (!x) return fail(Error::not_found("no such stakeholder"));
    if (auto ok = authorize(p, Action::kViewStakeholder, {std::string("shared")}); !ok) return fail(ok.error());
    return *x;
}

core::Status StakeholderService::require_internal_view(soci::session& s, const Principal& p, int64_t id) const {
    if (auto ok = authorize(p, Action::kUseStakeholderRegistry); !ok) return ok;
    if (!repo::type_of(s, id)) return fail(Error::not_found("no such stakeholder"));
    return {};
}

core::Result<Page<Stakeholder>> StakeholderService::list(const Principal& p, const StakeholderFilter& f) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    auto rows = db_.read([&](soci::session& s) { return repo::list_stakeholders(s, f, viewer_of(p)); });
    Page<Stakeholder> page;
    if (static_cast<int>(rows.size()) > f.limit) {
        rows.resize(f.limit);
        const auto& last = rows.back();
        std::string key = f.sort == "-updated"        ? last.updated_at
                          : f.sort == "-last_contact" ? last.last_contact_at.value_or("")
                          : f.sort == "-level"        ? last.level
                                                      : core::ascii_lower(last.name);
        page.next_cursor = http::key_cursor_for(key, last.id);
    }
    page.items = std::move(rows);
    return page;
}

core::Result<std::vector<std::string>> StakeholderService::apply(soci::session& s, const StakeholderInput& in,
                                                                 Stakeholder& x, bool creating) const {
    std::vector<std::string> changed;
    auto set = [&](auto& field, const auto& value, const char* name) {
        if (!value) return;
        field = *value;
        changed.push_back(name);
    };
    set(x.name, in.name, "name");
    set(x.kind, in.kind, "kind");
    set(x.internal, in.internal, "internal");
    set(x.gatekeeper_area, in.gatekeeper_area, "gatekeeper_area");
    set(x.industry, in.industry, "industry");
    set(x.region, in.region, "region");
    set(x.size, in.size, "size");
    set(x.tags, in.tags, "tags");
    set(x.links, in.links, "links");
    set(x.value_chain, in.value_chain, "value_chain");
    set(x.value_drivers, in.value_drivers, "value_drivers");
    set(x.resources, in.resources, "resources");
    set(x.notes, in.notes, "notes");
    if (in.email) {
        x.email = *in.email ? std::optional<std::string>(core::ascii_lower(**in.email)) : std::nullopt;
        changed.push_back("email");
    }
    if (in.domain) {
        x.domain = *in.domain ? std::optional<std::string>(core::ascii_lower(**in.domain)) : std::nullopt;
        changed.push_back("domain");
    }
    for (auto& t : x.tags) t = core::ascii_lower(t);
    std::sort(x.tags.begin(), x.tags.end());
    x.tags.erase(std::unique(x.tags.begin(), x.tags.end()), x.tags.end());

    Problems problems;
    if (x.gatekeeper_area && x.kind != "internal_gatekeeper")
        problems.add("gatekeeper_area", "applies only to stakeholders of kind internal_gatekeeper");
    if (x.email && !core::looks_like_email(*x.email)) problems.add("email", "is not an e-mail address");
    if (x.domain && !valid_domain(*x.domain)) problems.add("domain", "is not a domain name such as example.com");
    if (in.value_drivers) {
        for (size_t i = 0; i < x.value_drivers.size(); ++i)
            for (size_t j = 0; j < i; ++j)
                if (x.value_drivers[i].driver == x.value_drivers[j].driver)
                    problems.add("value_drivers[" + std::to_string(i) + "].driver", "appears more than once");
    }
    if (in.owner_id) {
        if (*in.owner_id) {
            auto name = auth::people::internal_user_name(s, **in.owner_id);
            if (!name) problems.add("owner_id", "is not an active internal user");
            else x.owner = UserRef{**in.owner_id, *name};
        } else {
            x.owner.reset();
        }
        changed.push_back("owner_id");
    }
    if (in.team) {
        for (size_t i = 0; i < in.team->size(); ++i)
            if (!auth::people::internal_user_name(s, (*in.team)[i].user_id))
                problems.add("team[" + std::to_string(i) + "].user_id", "is not an active internal user");
        changed.push_back("team");
    }
    if (in.affiliations) {
        const std::string other_type = x.type == "person" ? "organisation" : "person";
        const std::string key = x.type == "person" ? "organisation_id" : "person_id";
        for (size_t i = 0; i < in.affiliations->size(); ++i) {
            const auto& a = (*in.affiliations)[i];
            const auto type = repo::type_of(s, a.other_id);
            const auto field = "affiliations[" + std::to_string(i) + "]." + key;
            if (a.key != key) problems.add(field, "is required on a " + x.type);
            else if (!type) problems.add(field, "names no stakeholder");
            else if (*type != other_type || a.other_id == x.id) problems.add(field, "must name a " + other_type);
        }
        changed.push_back("affiliations");
    }
    if (in.relations) {
        for (size_t i = 0; i < in.relations->size(); ++i) {
            const auto& r = (*in.relations)[i];
            const auto field = "relations[" + std::to_string(i) + "].to_id";
            if (r.to_id == x.id && !creating) problems.add(field, "must name another stakeholder");
            else if (!repo::type_of(s, r.to_id)) problems.add(field, "names no stakeholder");
        }
        changed.push_back("relations");
    }
    if (in.space_ids) {
        for (size_t i = 0; i < in.space_ids->size(); ++i)
            if (!auth::people::space_exists(s, (*in.space_ids)[i]))
                problems.add("space_ids[" + std::to_string(i) + "]", "names no space");
        changed.push_back("space_ids");
    }
    if (!problems.empty()) return fail(problems.error());
    return changed;
}

void StakeholderService::write_lists(soci::session& s, const StakeholderInput& in, const Stakeholder& x,
                                     const std::string& now) const {
    if (in.tags) repo::replace_tags(s, x.id, x.tags);
    if (in.team) repo::replace_team(s, x.id, *in.team);
    if (in.space_ids) repo::replace_spaces(s, x.id, *in.space_ids);
    if (in.affiliations) repo::replace_affiliations(s, x.id, x.type, *in.affiliations, now);
    if (in.relations) repo::replace_relations(s, x.id, *in.relations, now);
}

core::Result<Stakeholder> StakeholderService::create(const Principal& p, const StakeholderInput& in) {
    if (auto ok = authorize(p, Action::kUseStakeholderRegistry); !ok) return fail(ok.error());
    return db_.write([&](soci::session& s) -> core::Result<Stakeholder> {
        Stakeholder x;
        x.type = in.type.value_or("organisation");
        x.level = in.level.value_or("unaware");
        auto changed = apply(s, in, x, true);
        if (!changed) return fail(changed.error());
        const auto t = now();
        x.id = repo::insert_stakeholder(s, x, p.user_id, t);
        write_lists(s, in, x, t);
        repo::record_first_level(s, x.id, x.level, p.user_id, t);
        events::append(s, event(p, "stakeholder.created", "stakeholder", x.id, {{"type", x.type}, {"kind", x.kind}}), t);
        return *repo::find_stakeholder(s, x.id, {});
    });
}

core::Result<Stakeholder> StakeholderService::get(const Principal& p, int64_t id) {
    return db_.read([&](soci::session& s) { return visible(s, p, id); });
}

core::Result<Stakeholder> StakeholderService::update(const Principal& p, int64_t id, const StakeholderInput& in) {
    return db_.write([&](soci::session& s) -> core::Result<Stakeholder> {
        auto x = visible(s, p, id);
        if (!x) return x;
        if (auto ok = authorize(p, Action::kUseStakeholderRegistry); !ok) return fail(ok.error());
        if (in.version && *in.version != x->version)
            return fail(Error::conflict("the stakeholder was changed by someone else; reload and try again"));
        const bool owner_changes = in.owner_id && (x->owner ? std::optional<int64_t>(x->owner->id) : std::nullopt) != *in.owner_id;
        if (owner_changes && x->owner) {
            if (auto ok = authorize(p, Action::kManageStakeholder, {std::nullopt, x->owner->id}); !ok)
                return fail(ok.error());
        }
        auto changed = apply(s, in, *x, false);
        if (!changed) return fail(changed.error());
        const auto t = now();
        if (!repo::update_stakeholder(s, *x, t))
            return fail(Error::conflict("the stakeholder was changed by someone else; reload and try again"));
        write_lists(s, in, *x, t);
        boost::json::array fields;
        for (const auto& f : *changed) fields.push_back(boost::json::string(f));
        events::append(s, event(p, "stakeholder.updated", "stakeholder", id, {{"fields", fields}}), t);
        return *repo::find_stakeholder(s, id, {});
    });
}

core::Status StakeholderService::remove(const Principal& p, int64_t id) {
    return db_.write([&](soci::session& s) -> core::Status {
        auto x = visible(s, p, id);
        if (!x) return fail(x.error());
        if (auto ok = authorize(p, Action::kManageStakeholder, {std::nullopt, x->owner ? x->owner->id : 0}); !ok)
            return ok;
        repo::delete_stakeholder(s, id);
        events::append(s, event(p, "stakeholder.deleted", "stakeholder", id, {{"type", x->type}}), now());
        return {};
    });
}

core::Result<Stakeholder> StakeholderService::set_level(const Principal& p, int64_t id, const std::string& level,
                                                        const std::string& note) {
    return db_.write([&](soci::session& s) -> core::Result<Stakeholder> {
        if (auto ok = require_internal_view(s, p, id); !ok) return fail(ok.error());
        auto x = repo::find_stakeholder(s, id, {});
        const auto t = now();
        if (x->level != level) {
            repo::record_level(s, id, level, x->level, note, p.user_id, t);
            events::append(s, event(p, "stakeholder.level_changed", "stakeholder", id,
                                    {{"level", level}, {"previous", x->level},
                                     {"direction", level_direction(x->level, level)}}),
                           t);
        }
        return *repo::find_stakeholder(s, id, {});
    });
}

void StakeholderService::record_emotion_in(soci::session& s, const Principal& p, int64_t id, const NewEmotion& e) const {
    const auto t = now();
    const auto observed = e.observed_at.value_or(t);
    repo::record_emotion(s, id, e, observed, p.user_id, t);
    events::append(s, event(p, "stakeholder.emotion_recorded", "stakeholder", id,
                            {{"state", emotion_state(e.valence, e.intensity)}, {"source", e.source}}),
                   t);
}

core::Result<Stakeholder> StakeholderService::record_emotion(const Principal& p, int64_t id, const NewEmotion& e) {
    return db_.write([&](soci::session& s) -> core::Result<Stakeholder> {
        if (auto ok = require_internal_view(s, p, id); !ok) return fail(ok.error());
        if (e.observed_at && *e.observed_at > now())
            return fail(Error::unprocessable("observed_at", "must not be in the future"));
        record_emotion_in(s, p, id, e);
        return *repo::find_stakeholder(s, id, {});
    });
}

core::Result<Page<Need>> StakeholderService::needs(const Principal& p, int64_t stakeholder_id,
                                                   const std::optional<std::string>& status,
                                                   std::optional<int64_t> after, int limit) {
    return db_.read([&](soci::session& s) -> core::Result<Page<Need>> {
        if (auto ok = require_internal_view(s, p, stakeholder_id); !ok) return fail(ok.error());
        return http::make_page(repo::list_needs(s, stakeholder_id, status, after, limit), limit,
                               [](const Need& n) { return n.id; });
    });
}

core::Result<Need> StakeholderService::create_need(const Principal& p, int64_t stakeholder_id, const NeedInput& in) {
    return db_.write([&](soci::session& s) -> core::Result<Need> {
        if (auto ok = require_internal_view(s, p, stakeholder_id); !ok) return fail(ok.error());
        Need n;
        n.stakeholder_id = stakeholder_id;
        n.kind = in.kind.value_or("need");
        n.title = in.title.value_or("");
        n.detail = in.detail.value_or("");
        n.status = in.status.value_or("open");
        const auto t = now();
        n.id = repo::insert_need(s, n, p.user_id, t);
        events::append(s, event(p, "need.created", "need", n.id, {{"stakeholder_id", stakeholder_id}}), t);
        return *repo::find_need(s, n.id);
    });
}

core::Result<Need> StakeholderService::update_need(const Principal& p, int64_t id, const NeedInput& in) {
    return db_.write([&](soci::session& s) -> core::Result<Need> {
        if (auto ok = authorize(p, Action::kUseStakeholderRegistry); !ok) return fail(ok.error());
        auto n = repo::find_need(s, id);
        if (!n) return fail(Error::not_found("no such need"));
        if (in.kind) n->kind = *in.kind;
        if (in.title) n->title = *in.title;
        if (in.detail) n->detail = *in.detail;
        if (in.status) n->status = *in.status;
        const auto t = now();
        repo::update_need(s, *n, t);
        events::append(s, event(p, "need.updated", "need", id, {{"stakeholder_id", n->stakeholder_id}}), t);
        return *repo::find_need(s, id);
    });
}

core::Status StakeholderService::delete_need(const Principal& p, int64_t id) {
    return db_.write([&](soci::session& s) -> core::Status {
        if (auto ok = authorize(p, Action::kUseStakeholderRegistry); !ok) return ok;
        auto n = repo::find_need(s, id);
        if (!n) return fail(Error::not_found("no such need"));
        repo::delete_need(s, id);
        events::append(s, event(p, "need.deleted", "need", id, {{"stakeholder_id", n->stakeholder_id}}), now());
        return {};
    });
}

core::Result<StakeholderMap> StakeholderService::map(const Principal& p, const StakeholderFilter& f, int limit) {
    if (auto ok = authorize(p, Action::kUseStakeholderRegistry); !ok) return fail(ok.error());
    return db_.read([&](soci::session& s) { return repo::map(s, f, limit); });
}

core::Result<std::vector<Stakeholder>> StakeholderService::export_rows(const Principal& p, StakeholderFilter f) {
    if (!p.signed_in()) return fail(Error::unauthenticated());
    std::vector<Stakeholder> out;
    f.limit = 1000;
    // Page through in the list's own order so memory per query stays bounded.
    for (;;) {
        auto page = list(p, f);
        if (!page) return fail(page.error());
        for (auto& x : page->items) out.push_back(std::move(x));
        if (!page->next_cursor) break;
        auto cursor = http::parse_key_cursor(*page->next_cursor);
        f.after_key = cursor->key;
        f.after_id = cursor->id;
    }
    return out;
}

core::Result<std::string> StakeholderService::name_in(soci::session& s, int64_t id) const {
    auto name = repo::name_of(s, id);
    if (!name) return fail(Error::not_found("no such stakeholder"));
    return *name;
}

std::optional<std::string> StakeholderService::gatekeeper_area_in(soci::session& s, int64_t id) const {
    auto x = repo::find_stakeholder(s, id, {});
    if (!x || x->kind != "internal_gatekeeper") return std::nullopt;
    return x->gatekeeper_area;
}

void StakeholderService::touch_contact_in(soci::session& s, int64_t id, const std::string& at) const {
    repo::touch_contact(s, id, at);
}

void StakeholderService::set_last_contact_in(soci::session& s, int64_t id, const std::optional<std::string>& at) const {
    repo::set_last_contact(s, id, at);
}

std::vector<TimelineEntry> StakeholderService::timeline_entries_in(soci::session& s, int64_t id,
                                                                   const std::optional<TimelineCursor>& before,
                                                                   int limit) const {
    return repo::timeline_entries(s, id, before, limit);
}

std::vector<Stakeholder> StakeholderService::indifferent_in(soci::session& s, std::optional<int64_t> owner_id,
                                                            int limit) const {
    return repo::indifferent(s, owner_id, limit);
}

std::vector<Stakeholder> StakeholderService::quiet_in(soci::session& s, std::optional<int64_t> owner_id,
                                                      const std::string& contact_before, int limit) const {
    return repo::quiet(s, owner_id, contact_before, limit);
}

int64_t StakeholderService::count_indifferent_in(soci::session& s, std::optional<int64_t> owner_id, int cap) const {
    return repo::count_indifferent(s, owner_id, cap);
}

int64_t StakeholderService::count_quiet_in(soci::session& s, std::optional<int64_t> owner_id,
                                           const std::string& contact_before, int cap) const {
    return repo::count_quiet(s, owner_id, contact_before, cap);
}

}  // namespace cocreate::stakeholders
