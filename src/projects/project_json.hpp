#pragma once
// The API shapes of the projects module (api/openapi.yaml, docs/api-projects.md), written
// straight into text: the project page and the board are the hot reads. Internal-only
// fields (health, fit, kill criteria, KPIs, reviews, learnings) are written only by the
// internal shapes; external participants get write_shared_summary and nothing else.

#include <string>

#include "core/json_writer.hpp"
#include "projects/project.hpp"
#include "projects/project_service.hpp"

namespace cocreate::projects {

void write_framework(core::JsonWriter& w, const Framework& f);
// The framework with its current version under `current`.
std::string framework_with_version_text(const Framework& f, const FrameworkVersion& v);
std::string framework_version_text(const FrameworkVersion& v);

void write_project(core::JsonWriter& w, const Project& x);
std::string project_text(const Project& x);
// {id, title, phase: {key, name}, summary, shared_at}: all an external participant sees.
void write_shared_summary(core::JsonWriter& w, const SharedSummary& x);
std::string shared_summary_text(const SharedSummary& x);

void write_review(core::JsonWriter& w, const GateReview& r);
std::string review_text(const GateReview& r);
// The decision's answer: {review, project}.
std::string decided_text(const GateReview& r, const Project& x);

void write_kpi_value(core::JsonWriter& w, const KpiValue& v);
std::string kpi_value_text(const KpiValue& v);

// {framework, columns: [{key, name, max_days, total, cards: [{id, title, lead, health, days_in_phase, status}]}]};
// days_in_phase is counted up to `now`.
std::string board_text(const Board& b, core::TimePoint now);
std::string funnel_text(const Funnel& f);
std::string health_recompute_text(const HealthRecompute& h);

}  // namespace cocreate::projects
