#include "projects/project.hpp"

namespace cocreate::projects {

std::optional<std::size_t> phase_index(const FrameworkVersion& framework, std::string_view key) {
    for (std::size_t i = 0; i < framework.phases.size(); ++i)
        if (framework.phases[i].key == key) return i;
    return std::nullopt;
}

const Phase* find_phase(const FrameworkVersion& framework, std::string_view key) {
    const auto i = phase_index(framework, key);
    return i ? &framework.phases[*i] : nullptr;
}

const KpiDefinition* find_kpi(const FrameworkVersion& framework, std::string_view key) {
    for (const auto& kpi : framework.kpis)
        if (kpi.key == key) return &kpi;
    return nullptr;
}

}  // namespace cocreate::projects
