#include "core/log.hpp"

#include <boost/json.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace cocreate::core {

void configure_logging(std::string_view level, LogFormat format) {
    auto logger = spdlog::stderr_logger_mt("cocreate");
    if (format == LogFormat::kJson) {
        logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})", spdlog::pattern_time_type::utc);
    } else {
        logger->set_pattern("%H:%M:%S %l %v", spdlog::pattern_time_type::utc);
    }
    logger->set_level(spdlog::level::from_str(std::string(level)));
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(std::move(logger));
}

std::string json_quote(std::string_view s) { return boost::json::serialize(boost::json::string(s)); }

}  // namespace cocreate::core
