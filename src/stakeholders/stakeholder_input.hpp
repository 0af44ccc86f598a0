#pragma once
// Reading stakeholder request bodies and list filters: syntax, types, sizes and enums.
// References (owners, spaces, other stakeholders) are checked by the service.

#include <optional>
#include <string>

#include "core/json_input.hpp"
#include "http/query.hpp"
#include "http/request.hpp"
#include "stakeholders/stakeholder.hpp"

namespace cocreate::stakeholders {

inline constexpr core::StringRule kNameRule{.min = 1, .max = 200};
inline constexpr core::StringRule kShortText{.min = 0, .max = 100};
inline constexpr core::StringRule kLongText{.min = 0, .max = 4000, .trim = true, .single_line = false};
inline constexpr core::StringRule kMarkdown{.min = 0, .max = 20000, .trim = false, .single_line = false};
inline constexpr core::StringRule kNoteRule{.min = 0, .max = 2000, .trim = true, .single_line = false};

StakeholderInput read_stakeholder(core::ObjectReader& r, bool creating);
NeedInput read_need(core::ObjectReader& r, bool creating);

// "me" or a positive id; records a problem on `q` otherwise.
std::optional<int64_t> user_param(const http::Request& req, std::string_view name, int64_t me,
                                  std::optional<core::Error>& problem);

// The list filters (also used by export and, partly, the map). External callers may only
// filter on public fields: the others are refused as unknown parameters for them.
core::Result<StakeholderFilter> read_filter(const http::Request& req, const auth::Principal& p, bool paged,
                                            std::initializer_list<std::string_view> extra = {});

}  // namespace cocreate::stakeholders
