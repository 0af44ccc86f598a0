#pragma once
#include <span>
#include <string_view>

#include "core/embedded_file.hpp"

namespace cocreate::app {

// api/openapi.yaml as compiled into the binary.
std::string_view openapi_contract();

}  // namespace cocreate::app

namespace cocreate::embedded_contract {
std::span<const cocreate::core::EmbeddedFile> files();
}
namespace cocreate::embedded_migrations {
std::span<const cocreate::core::EmbeddedFile> files();
}
