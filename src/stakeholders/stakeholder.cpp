#include "stakeholders/stakeholder.hpp"

#include <algorithm>

namespace cocreate::stakeholders {

int level_rank(std::string_view level) {
    const auto it = std::find(kLevels.begin(), kLevels.end(), level);
    return it == kLevels.end() ? -1 : static_cast<int>(it - kLevels.begin());
}

std::string_view level_direction(std::string_view from, std::string_view to) {
    const int a = level_rank(from), b = level_rank(to);
    return b > a ? "up" : b < a ? "down" : "same";
}

std::string_view emotion_state(int valence, int intensity) {
    if (is_indifferent(intensity)) return "indifferent";
    if (valence < 0) return "negative";
    if (valence > 0) return "positive";
    return "neutral";
}

}  // namespace cocreate::stakeholders
