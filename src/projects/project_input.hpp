#pragma once
// Reading projects request bodies (api/openapi.yaml, `*Write`, `*Create`, `*Update`):
// types, sizes, vocabularies and unknown fields. The rules that need the database or the
// framework (references, phase order, evidence) are the services'.

#include <optional>
#include <string>
#include <string_view>

#include "core/json_input.hpp"
#include "projects/project.hpp"
#include "projects/project_service.hpp"

namespace cocreate::projects {

inline constexpr core::StringRule kTitleRule{.min = 1, .max = 200};
inline constexpr core::StringRule kStatementRule{.min = 1, .max = 4000, .trim = true, .single_line = false};
inline constexpr core::StringRule kCriterionTextRule{.min = 1, .max = 500};
inline constexpr core::StringRule kSummaryRule{.min = 1, .max = 2000, .trim = true, .single_line = false};
inline constexpr core::StringRule kNoteRule{.min = 0, .max = 2000, .trim = true, .single_line = false};

// Whether `key` is a ProjectKey: 1..60 of a-z, 0-9, `_`, `-`, starting with a letter or digit.
bool is_project_key(std::string_view key);

// A required or optional ProjectKey field; records the problem on `r`.
std::string required_key(core::ObjectReader& r, std::string_view field);
std::optional<std::string> optional_key(core::ObjectReader& r, std::string_view field);
// An http(s) URL up to 2,000 characters, or null.
std::optional<std::optional<std::string>> nullable_url(core::ObjectReader& r, std::string_view field);

// FrameworkVersionCreate: {phases, kpis}.
FrameworkVersion read_version(core::ObjectReader& r);
// FitAnswers, required.
FitAnswers read_fit(core::ObjectReader& r, std::string_view field);
NewProject read_new_project(core::ObjectReader& r);
ProjectChanges read_project_changes(core::ObjectReader& r);
NewKpiValue read_kpi_value(core::ObjectReader& r);
ReviewRequest read_review_request(core::ObjectReader& r);
DecisionInput read_decision(core::ObjectReader& r);

}  // namespace cocreate::projects
