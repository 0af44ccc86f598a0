#pragma once
#include <string_view>

namespace cocreate::core {

// A file compiled into the binary (migrations, the API contract); see cmake/EmbedFiles.cmake.
struct EmbeddedFile {
    std::string_view name;
    std::string_view content;
};

}  // namespace cocreate::core
