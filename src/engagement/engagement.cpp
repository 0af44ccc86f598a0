#include "engagement/engagement.hpp"

#include <algorithm>

namespace cocreate::engagement {

core::Date next_due(std::string_view interval, std::optional<int> every_days, core::Date starts_on,
                    std::optional<core::Date> last_contact) {
    if (!last_contact) return starts_on;
    core::Date next = *last_contact;
    if (interval == "weekly") next += std::chrono::days{7};
    else if (interval == "biweekly") next += std::chrono::days{14};
    else if (interval == "monthly") next = core::add_months(next, 1);
    else if (interval == "quarterly") next = core::add_months(next, 3);
    else next += std::chrono::days{std::max(1, every_days.value_or(7))};
    return std::max(next, starts_on);
}

bool is_overdue(std::string_view status, core::Date due_on, core::Date today) {
    return status == "open" && due_on < today;
}

std::optional<double> utilisation(const Load& load, int hours_per_week) {
    if (hours_per_week <= 0) return std::nullopt;
    return load.total() / hours_per_week;
}

bool over_capacity(const Load& load, int hours_per_week) { return load.total() > hours_per_week; }

}  // namespace cocreate::engagement
