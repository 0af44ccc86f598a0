#include "core/json_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cassert>
#include <charconv>
#include <cmath>

namespace cocreate::core {

namespace {
// Bytes that need escaping in a JSON string: control characters, quote, backslash.
constexpr std::array<bool, 256> kEscape = [] {
    std::array<bool, 256> t{};
    for (int c = 0; c < 0x20; ++c) t[c] = true;
    t['"'] = t['\\'] = true;
    return t;
}();
}  // namespace

void append_json_string(std::string& out, std::string_view v) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    size_t run = 0;  // start of the span that needs no escaping
    for (size_t i = 0; i < v.size(); ++i) {
        const auto c = static_cast<unsigned char>(v[i]);
        if (!kEscape[c]) continue;
        out.append(v.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 15];
        }
    }
    out.append(v.data() + run, v.size() - run);
    out += '"';
}

void JsonWriter::separate() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (depth_ == 0) return;
    const uint64_t bit = uint64_t{1} << (depth_ - 1);
    if (has_element_ & bit) out_ += ',';
    has_element_ |= bit;
}

JsonWriter& JsonWriter::open(char c) {
    separate();
    out_ += c;
    ++depth_;
    has_element_ &= ~(uint64_t{1} << (depth_ - 1));
    return *this;
}

JsonWriter& JsonWriter::close(char c) {
    out_ += c;
    --depth_;
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    separate();
    // Keys are names from the code, never user text: written as they are.
    assert(std::none_of(k.begin(), k.end(), [](char c) { return kEscape[static_cast<unsigned char>(c)]; }));
    out_ += '"';
    out_.append(k);
    out_ += "\":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::string(std::string_view v) {
    separate();
    append_json_string(out_, v);
    return *this;
}

JsonWriter& JsonWriter::number(int64_t v) {
    separate();
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
    return *this;
}

JsonWriter& JsonWriter::number(double v) {
    separate();
    // Shortest text that reads back as the same double; finite values only in JSON.
    if (!std::isfinite(v)) {
        out_ += "null";
        return *this;
    }
    char buf[32];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
    return *this;
}

JsonWriter& JsonWriter::boolean(bool v) {
    separate();
    out_ += v ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::null() {
    separate();
    out_ += "null";
    return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
    separate();
    out_.append(json);
    return *this;
}

JsonWriter& JsonWriter::strings(std::string_view k, const std::vector<std::string>& items) {
    key(k).begin_array();
    for (const auto& i : items) string(i);
    return end_array();
}

JsonWriter& JsonWriter::ids(std::string_view k, const std::vector<int64_t>& items) {
    key(k).begin_array();
    for (auto id : items) number(id);
    return end_array();
}

}  // namespace cocreate::core
