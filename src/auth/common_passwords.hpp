#pragma once
#include <string_view>

namespace cocreate::auth {

// True when the lower-cased `password` is on the list of commonly used passwords
// (entries of 12 characters or more from public breach corpora, plus obvious variants).
bool is_common_password(std::string_view lower_password);

}  // namespace cocreate::auth
