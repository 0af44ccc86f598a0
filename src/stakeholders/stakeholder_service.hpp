#pragma once
// Use cases of the stakeholder registry: authorize, validate, write in one transaction,
// append an event. External participants see only stakeholders shared with their spaces,
// and only their public view (stakeholder_json.hpp). Thread-safe.
//
// The `*_in` functions run inside another module's transaction (engagement records
// contacts and emotions, and reads timeline entries); they do not check permissions beyond
// what their comment says.

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "db/database.hpp"
#include "http/page.hpp"
#include "stakeholders/stakeholder.hpp"

namespace cocreate::stakeholders {

using auth::Principal;
using http::Page;

class StakeholderService {
public:
    StakeholderService(db::Database& db, const core::Clock& clock);

    core::Result<Page<Stakeholder>> list(const Principal& p, const StakeholderFilter& f);
    core::Result<Stakeholder> create(const Principal& p, const StakeholderInput& in);
    core::Result<Stakeholder> get(const Principal& p, int64_t id);
    core::Result<Stakeholder> update(const Principal& p, int64_t id, const StakeholderInput& in);
    core::Status remove(const Principal& p, int64_t id);
    core::Result<Stakeholder> set_level(const Principal& p, int64_t id, const std::string& level,
                                        const std::string& note);
    core::Result<Stakeholder> record_emotion(const Principal& p, int64_t id, const NewEmotion& e);

    core::Result<Page<Need>> needs(const Principal& p, int64_t stakeholder_id, const std::optional<std::string>& status,
                                   std::optional<int64_t> after, int limit);
    core::Result<Need> create_need(const Principal& p, int64_t stakeholder_id, const NeedInput& in);
    core::Result<Need> update_need(const Principal& p, int64_t id, const NeedInput& in);
    core::Status delete_need(const Principal& p, int64_t id);

    core::Result<StakeholderMap> map(const Principal& p, const StakeholderFilter& f, int limit);
    // Every stakeholder matching `f` that `p` may see (list rows), for export.
    core::Result<std::vector<Stakeholder>> export_rows(const Principal& p, StakeholderFilter f);

    // ---- for other modules, inside their transaction ----
    // kNotFound unless the stakeholder exists; names the field when `field` is given.
    core::Result<std::string> name_in(soci::session& s, int64_t id) const;
    void touch_contact_in(soci::session& s, int64_t id, const std::string& at) const;
    // The gatekeeper area of an internal gatekeeper stakeholder (legal, tax, …), if any.
    std::optional<std::string> gatekeeper_area_in(soci::session& s, int64_t id) const;
    void set_last_contact_in(soci::session& s, int64_t id, const std::optional<std::string>& at) const;
    void record_emotion_in(soci::session& s, const Principal& p, int64_t id, const NewEmotion& e) const;
    std::vector<TimelineEntry> timeline_entries_in(soci::session& s, int64_t id,
                                                   const std::optional<TimelineCursor>& before, int limit) const;
    std::vector<Stakeholder> indifferent_in(soci::session& s, std::optional<int64_t> owner_id, int limit) const;
    std::vector<Stakeholder> quiet_in(soci::session& s, std::optional<int64_t> owner_id,
                                      const std::string& contact_before, int limit) const;
    int64_t count_indifferent_in(soci::session& s, std::optional<int64_t> owner_id, int cap) const;
    int64_t count_quiet_in(soci::session& s, std::optional<int64_t> owner_id, const std::string& contact_before,
                           int cap) const;
    // kNotFound (404) when `p` may not see the registry's internals or the stakeholder does not exist.
    core::Status require_internal_view(soci::session& s, const Principal& p, int64_t id) const;

    std::string now() const { return core::format_time(clock_.now()); }
    db::Database& database() { return db_; }

private:
    core::Result<Stakeholder> visible(soci::session& s, const Principal& p, int64_t id) const;
    // Checks the references and rules `in` carries (owner, team, affiliations, relations,
    // spaces), applies it to `x`, and returns the fields it changed.
    core::Result<std::vector<std::string>> apply(soci::session& s, const StakeholderInput& in, Stakeholder& x,
                                                 bool creating) const;
    void write_lists(soci::session& s, const StakeholderInput& in, const Stakeholder& x, const std::string& now) const;

    db::Database& db_;
    const core::Clock& clock_;
};

}  // namespace cocreate::stakeholders
