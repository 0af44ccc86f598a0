#include "core/clock.hpp"

#include <fmt/format.h>

#include <charconv>
#include <fstream>

namespace cocreate::core {

TimePoint SystemClock::now() const {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::string format_time(TimePoint t) {
    using namespace std::chrono;
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss hms{t - day};
    return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                       hms.minutes().count(), hms.seconds().count(), hms.subseconds().count());
}

namespace {

bool read_int(std::string_view s, size_t pos, size_t len, int& out) {
    if (pos + len > s.size()) return false;
    for (size_t i = pos; i < pos + len; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return std::from_chars(s.data() + pos, s.data() + pos + len, out).ec == std::errc{};
}

}  // namespace

std::optional<TimePoint> parse_time(std::string_view s) {
    using namespace std::chrono;
    int y, mo, d, h, mi, sec;
    if (s.size() < 20 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != 't') || s[13] != ':' ||
        s[16] != ':')
        return std::nullopt;
    if (!read_int(s, 0, 4, y) || !read_int(s, 5, 2, mo) || !read_int(s, 8, 2, d) || !read_int(s, 11, 2, h) ||
        !read_int(s, 14, 2, mi) || !read_int(s, 17, 2, sec))
        return std::nullopt;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return std::nullopt;
    size_t pos = 19;
    int millis = 0;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        int digits = 0;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
            if (digits < 3) millis = millis * 10 + (s[pos] - '0');
            ++digits;
            ++pos;
        }
        if (digits == 0) return std::nullopt;
        for (int i = digits; i < 3; ++i) millis *= 10;
    }
    int offset_min = 0;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
        ++pos;
    } else if (pos + 6 == s.size() && (s[pos] == '+' || s[pos] == '-') && s[pos + 3] == ':') {
        int oh, om;
        if (!read_int(s, pos + 1, 2, oh) || !read_int(s, pos + 4, 2, om) || oh > 23 || om > 59) return std::nullopt;
        offset_min = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
        pos += 6;
    } else {
        return std::nullopt;
    }
    if (pos != s.size()) return std::nullopt;
    const auto t = sys_days{ymd} + hours{h} + minutes{mi} + seconds{sec} + milliseconds{millis} - minutes{offset_min};
    return time_point_cast<milliseconds>(t);
}

std::string format_date(Date d) {
    const std::chrono::year_month_day ymd{d};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day()));
}

std::optional<Date> parse_date(std::string_view s) {
    using namespace std::chrono;
    int y, mo, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !read_int(s, 0, 4, y) || !read_int(s, 5, 2, mo) ||
        !read_int(s, 8, 2, d))
        return std::nullopt;
    const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
    if (!ymd.ok() || y < 1900 || y > 9999) return std::nullopt;
    return sys_days{ymd};
}

Date add_months(Date d, int months) {
    using namespace std::chrono;
    const year_month_day ymd{d};
    const year_month ym = year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
    const auto last = year_month_day_last{ym.year(), month_day_last{ym.month()}}.day();
    return sys_days{year_month_day{ym.year(), ym.month(), std::min(ymd.day(), last)}};
}

FileOffsetClock::FileOffsetClock(std::string path) : path_(std::move(path)) {}

TimePoint FileOffsetClock::now() const {
    const auto real = SystemClock{}.now();
    const int64_t real_ms = real.time_since_epoch().count();
    if (real_ms - checked_at_ms_.load(std::memory_order_relaxed) >= 1000) {
        checked_at_ms_.store(real_ms, std::memory_order_relaxed);
        std::ifstream in(path_);
        double seconds = 0;
        if (in >> seconds) offset_ms_.store(static_cast<int64_t>(seconds * 1000), std::memory_order_relaxed);
    }
    return real + std::chrono::milliseconds{offset_ms_.load(std::memory_order_relaxed)};
}

}  // namespace cocreate::core
