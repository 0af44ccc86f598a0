#pragma once
// Time in cocreate: UTC everywhere, RFC 3339 with milliseconds on the wire and in storage
// ("2026-11-23T12:00:00.000Z" sorts lexicographically in time order).

#include <atomic>
#include <chrono>
#include <cstdint>
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

// Calendar dates ("YYYY-MM-DD", UTC), for due dates and cadences.
using Date = std::chrono::sys_days;
std::string format_date(Date d);
// Parses exactly "YYYY-MM-DD" naming a real day; nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
// The UTC day `t` falls on.
inline Date date_of(TimePoint t) { return std::chrono::floor<std::chrono::days>(t); }
// Adds calendar months; a day past the end of the target month becomes its last day
// (31 Jan + 1 month = 28 or 29 Feb).
Date add_months(Date d, int months);

// A clock that runs `offset` ahead of the system clock, re-read from a file (seconds,
// as text) at most once a second. For browser tests that must see time pass; never
// configured in production.
class FileOffsetClock final : public Clock {
public:
    explicit FileOffsetClock(std::string path);
    TimePoint now() const override;

private:
    std::string path_;
    mutable std::atomic<int64_t> offset_ms_{0};
    mutable std::atomic<int64_t> checked_at_ms_{0};
};

}  // namespace cocreate::core
