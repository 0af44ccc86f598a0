#pragma once
// Time in cocreate: UTC everywhere, RFC 3339 with milliseconds on the wire and in storage
// ("2026-11-23T12:00:00.000Z" sorts lexicographically in time order).

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cocreate::core {

using TimePoint = std::chrono::sys_time<std::chrono::milliseconds>;

// The source of "now". Services take a Clock& so tests can move time. Thread-safe.
class Clock {
public:
    virtual ~Clock() = default;
    virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    TimePoint now() const override;
};

// Formats as "YYYY-MM-DDTHH:MM:SS.mmmZ".
std::string format_time(TimePoint t);
// Parses RFC 3339 (with 'Z' or a numeric offset, optional fraction); nullopt when invalid.
std::optional<TimePoint> parse_time(std::string_view text);

}  // namespace cocreate::core
