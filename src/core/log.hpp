#pragma once
// Logging: one process-wide spdlog logger writing JSON lines to stderr (the only global
// mutable state, configured once at start-up). Messages are JSON objects built by callers.

#include <string>
#include <string_view>

namespace cocreate::core {

enum class LogFormat { kJson, kText };

// Configures the default logger. Call once, before threads start.
void configure_logging(std::string_view level, LogFormat format = LogFormat::kJson);
// `s` as a quoted, escaped JSON string.
std::string json_quote(std::string_view s);

}  // namespace cocreate::core
