#pragma once
// Follow-ups (tasks with an owner and a due date), their reminders, and the "needs
// attention" list. Internal staff only (external participants get 404). Thread-safe.

#include <optional>

#include "auth/principal.hpp"
#include "core/clock.hpp"
#include "db/database.hpp"
#include "engagement/engagement.hpp"
#include "http/page.hpp"
#include "stakeholders/stakeholder_service.hpp"

namespace cocreate::engagement {

using auth::Principal;
using http::Page;

// Attention counts stop here: counting every overdue row of a large company costs more than
// the rest of the page together, and "1,000 or more" says enough.
inline constexpr int kAttentionCountLimit = 1000;

struct Attention {
    std::vector<FollowUp> overdue_follow_ups;
    std::vector<Cadence> missed_cadences;
    std::vector<stakeholders::Stakeholder> indifferent;
    std::vector<stakeholders::Stakeholder> quiet;
    int64_t overdue_count = 0, missed_count = 0, indifferent_count = 0, quiet_count = 0;
};

class FollowUpService {
public:
    FollowUpService(db::Database& db, const core::Clock& clock, stakeholders::StakeholderService& stakeholders);

    core::Result<Page<FollowUp>> list(const Principal& p, const FollowUpFilter& f);
    core::Result<FollowUp> create(const Principal& p, const FollowUpInput& in);
    core::Result<FollowUp> get(const Principal& p, int64_t id);
    core::Result<FollowUp> update(const Principal& p, int64_t id, const FollowUpInput& in);
    core::Status remove(const Principal& p, int64_t id);

    // `mine`: what the caller owns. Quiet: level interested or higher and no held contact
    // for `quiet_days`.
    core::Result<Attention> attention(const Principal& p, bool mine, int quiet_days, int limit);

    // Appends one follow_up.overdue event per newly overdue follow-up and one
    // follow_up.due_soon the day before; returns how many. Run periodically by the server.
    int send_reminders();

    core::Date today() const { return core::date_of(clock_.now()); }

private:
    core::Status apply(soci::session& s, const FollowUpInput& in, FollowUp& f) const;

    db::Database& db_;
    const core::Clock& clock_;
    stakeholders::StakeholderService& stakeholders_;
};

}  // namespace cocreate::engagement
