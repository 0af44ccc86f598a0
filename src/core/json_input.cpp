#include "core/json_input.hpp"

#include <cmath>

#include <fmt/format.h>

#include <boost/json/basic_parser_impl.hpp>

#include <algorithm>
#include <vector>

namespace cocreate::core {

namespace json = boost::json;

namespace {

// A SAX pass that only looks for repeated keys in one object. Parsers disagree on which
// duplicate wins, so a body that repeats a key is refused rather than guessed at.
class DuplicateKeyFinder {
public:
    static constexpr std::size_t max_object_size = std::size_t(-1);
    static constexpr std::size_t max_array_size = std::size_t(-1);
    static constexpr std::size_t max_key_size = std::size_t(-1);
    static constexpr std::size_t max_string_size = std::size_t(-1);

    std::string duplicate;

    bool on_document_begin(std::error_code&) { return true; }
    bool on_document_end(std::error_code&) { return true; }
    bool on_array_begin(std::error_code&) { return true; }
    bool on_array_end(std::size_t, std::error_code&) { return true; }
    bool on_object_begin(std::error_code&) {
        keys_.emplace_back();
        return true;
    }
    bool on_object_end(std::size_t, std::error_code&) {
        keys_.pop_back();
        return true;
    }
    bool on_string_part(json::string_view, std::size_t, std::error_code&) { return true; }
    bool on_string(json::string_view, std::size_t, std::error_code&) { return true; }
    bool on_key_part(json::string_view part, std::size_t, std::error_code&) {
        key_.append(part.data(), part.size());
        return true;
    }
    bool on_key(json::string_view part, std::size_t, std::error_code& ec) {
        key_.append(part.data(), part.size());
        auto& seen = keys_.back();
        if (std::find(seen.begin(), seen.end(), key_) != seen.end()) {
            duplicate = key_;
            ec = json::error::syntax;
            return false;
        }
        seen.push_back(std::move(key_));
        key_.clear();
        return true;
    }
    bool on_number_part(json::string_view, std::error_code&) { return true; }
    bool on_int64(std::int64_t, json::string_view, std::error_code&) { return true; }
    bool on_uint64(std::uint64_t, json::string_view, std::error_code&) { return true; }
    bool on_double(double, json::string_view, std::error_code&) { return true; }
    bool on_bool(bool, std::error_code&) { return true; }
    bool on_null(std::error_code&) { return true; }
    bool on_comment_part(json::string_view, std::error_code&) { return true; }
    bool on_comment(json::string_view, std::error_code&) { return true; }

private:
    std::vector<std::vector<std::string>> keys_;
    std::string key_;
};

// The repeated key in `body`, if any (only meaningful for otherwise valid JSON).
std::optional<std::string> repeated_key(std::string_view body) {
    json::basic_parser<DuplicateKeyFinder> p(json::parse_options{});
    std::error_code ec;
    p.write_some(false, body.data(), body.size(), ec);
    if (!p.handler().duplicate.empty()) return p.handler().duplicate;
    return std::nullopt;
}

}  // namespace

Result<json::object> parse_json_object(std::string_view body) {
    if (body.empty()) return fail(Error::invalid("", "the request body is empty; send a JSON object"));
    json::parse_options opts;
    opts.max_depth = 32;
    std::error_code ec;
    json::value v = json::parse(body, ec, {}, opts);
    if (ec) {
        return fail(Error{ErrorCode::kInvalidArgument, "the request body is not valid JSON (" + ec.message() + ")"});
    }
    if (!v.is_object()) return fail(Error::invalid("", "the request body must be a JSON object"));
    if (auto key = repeated_key(body)) return fail(Error::invalid(*key, "appears more than once"));
    return std::move(v.as_object());
}

ObjectReader::ObjectReader(const json::object& obj, std::string prefix) : obj_(obj), prefix_(std::move(prefix)) {}

std::string ObjectReader::field_name(std::string_view key) const {
    return prefix_.empty() ? std::string(key) : prefix_ + "." + std::string(key);
}

void ObjectReader::add_error(std::string key, std::string detail, ErrorCode code) {
    record(field_name(key), std::move(detail), code);
}

void ObjectReader::record(std::string field, std::string detail, ErrorCode code) {
    for (const auto& e : errors_)
        if (e.field == field) return;
    if (errors_.empty() || code == ErrorCode::kInvalidArgument) worst_ = code;
    errors_.push_back({std::move(field), std::move(detail)});
}

const json::value* ObjectReader::take(std::string_view key) {
    seen_.emplace(key);
    return obj_.if_contains(key);
}

std::optional<std::string> ObjectReader::check_string(std::string_view key, const json::value& v,
                                                      const StringRule& rule) {
    if (!v.is_string()) {
        record(field_name(key), "must be a string", ErrorCode::kInvalidArgument);
        return std::nullopt;
    }
    std::string_view s = v.get_string();
    if (rule.trim) {
        while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
            s.remove_prefix(1);
        while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
            s.remove_suffix(1);
    }
    for (unsigned char c : s) {
        if (c == 0 || (c < 0x20 && (rule.single_line || (c != '\n' && c != '\r' && c != '\t')))) {
            record(field_name(key), "must not contain control characters");
            return std::nullopt;
        }
    }
    // Length in code points, so limits mean what a person expects.
    const size_t length = static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
    if (length < rule.min) {
        record(field_name(key), rule.min == 1 ? "must not be empty" : fmt::format("must be at least {} characters", rule.min));
        return std::nullopt;
    }
    if (length > rule.max) {
        record(field_name(key), fmt::format("must be at most {} characters", rule.max));
        return std::nullopt;
    }
    return std::string(s);
}

std::string ObjectReader::required_string(std::string_view key, StringRule rule) {
    const auto* v = take(key);
    if (!v || v->is_null()) {
        record(field_name(key), "is required");
        return {};
    }
    if (rule.min == 0) rule.min = 1;
    return check_string(key, *v, rule).value_or(std::string{});
}

std::optional<std::string> ObjectReader::optional_string(std::string_view key, StringRule rule) {
    const auto* v = take(key);
    if (!v) return std::nullopt;
    return check_string(key, *v, rule);
}

std::optional<std::optional<std::string>> ObjectReader::nullable_string(std::string_view key, StringRule rule) {
    const auto* v = take(key);
    if (!v) return std::nullopt;
    if (v->is_null()) return std::optional<std::string>{};
    auto s = check_string(key, *v, rule);
    if (!s) return std::nullopt;
    return std::optional<std::string>{std::move(*s)};
}

std::string ObjectReader::required_enum(std::string_view key, Choices allowed) {
    auto v = optional_enum(key, allowed);
    if (!v && obj_.if_contains(key) == nullptr) record(field_name(key), "is required");
    return v.value_or(std::string{});
}

std::optional<std::string> ObjectReader::optional_enum(std::string_view key,
                                                       Choices allowed) {
    const auto* v = take(key);
    if (!v) return std::nullopt;
    if (!v->is_string()) {
        record(field_name(key), "must be a string", ErrorCode::kInvalidArgument);
        return std::nullopt;
    }
    const std::string_view s = v->get_string();
    if (std::find(allowed.begin(), allowed.end(), s) == allowed.end()) {
        record(field_name(key), fmt::format("must be one of: {}", fmt::join(allowed, ", ")));
        return std::nullopt;
    }
    return std::string(s);
}

std::optional<bool> ObjectReader::optional_bool(std::string_view key) {
    const auto* v = take(key);
    if (!v) return std::nullopt;
    if (!v->is_bool()) {
        record(field_name(key), "must be true or false", ErrorCode::kInvalidArgument);
        return std::nullopt;
    }
    return v->get_bool();
}

std::optional<int64_t> ObjectReader::optional_int(std::string_view key, int64_t min, int64_t max) {
    const auto* v = take(key);
    if (!v) return std::nullopt;
    int64_t n = 0;
    if (v->is_int64()) {
        n = v->get_int64();
    } else if (v->is_uint64() && v->get_uint64() <= static_cast<uint64_t>(INT64_MAX)) {
        n = static_cast<int64_t>(v->get_uint64());
    } else {
        record(field_name(key), "must be an integer", ErrorCode::kInvalidArgument);
        return std::nullopt;
    }
    if (n < min || n > max) {
        record(field_name(key), fmt::format("must be between {} and {}", min, max));
        return std::nullopt;
    }
    return n;
}

int64_t ObjectReader::required_int(std::string_view key, int64_t min, int64_t max) {
    if (!obj_.if_contains(key) || obj_.at(key).is_null()) {
        take(key);
        record(field_name(key), "is required");
        return 0;
    }
    return optional_int(key, min, max).value_or(0);
}

std::optional<std::optional<int64_t>> ObjectReader::nullable_int(std::string_view key, int64_t min, int64_t max) {
    const auto* v = obj_.if_contains(key);
    if (v && v->is_null()) {
        take(key);
        return std::optional<int64_t>{};
    }
    auto n = optional_int(key, min, max);
    if (!n) return std::nullopt;
    return std::optional<int64_t>{*n};
}

std::optional<double> ObjectReader::optional_number(std::string_view key, double min, double max) {
    const auto* v = take(key);
    if (!v) return std::nullopt;
    if (!v->is_number()) {
        record(field_name(key), "must be a number", ErrorCode::kInvalidArgument);
        return std::nullopt;
    }
    const double n = v->to_number<double>();
    if (!std::isfinite(n) || n < min || n > max) {
        record(field_name(key), fmt::format("must be between {} and {}", min, max));
        return std::nullopt;
    }
    return n;
}

double ObjectReader::required_number(std::string_view key, double min, double max) {
    if (!obj_.if_contains(key) || obj_.at(key).is_null()) {
        take(key);
        record(field_name(key), "is required");
        return 0;
    }
    return optional_number(key, min, max).value_or(0);
}

std::optional<std::optional<double>> ObjectReader::nullable_number(std::string_view key, double min, double max) {
    const auto* v = obj_.if_contains(key);
    if (v && v->is_null()) {
        take(key);
        return std::optional<double>{};
    }
    auto n = optional_number(key, min, max);
    if (!n) return std::nullopt;
    return std::optional<double>{*n};
}

std::optional<std::vector<std::string>> ObjectReader::optional_enum_array(
    std::string_view key, Choices allowed, size_t max_items) {
    const auto* v = take(key);
    if (!v) return std::nullopt;
    if (!v->is_array()) {
        record(field_name(key), "must be an array of strings", ErrorCode::kInvalidArgument);
        return std::nullopt;
    }
    const auto& arr = v->get_array();
    if (arr.size() > max_items) {
        record(field_name(key), fmt::format("must have at most {} items", max_items));
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& item : arr) {
        if (!item.is_string() ||
            std::find(allowed.begin(), allowed.end(), std::string_view(item.get_string())) == allowed.end()) {
            record(field_name(key), fmt::format("items must be one of: {}", fmt::join(allowed, ", ")));
            return std::nullopt;
        }
        std::string s(item.get_string());
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<std::optional<std::string>> ObjectReader::nullable_enum(std::string_view key, Choices allowed) {
    const auto* v = obj_.if_contains(key);
    if (v && v->is_null()) {
        take(key);
        return std::optional<std::string>{};
    }
    auto e = optional_enum(key, allowed);
    if (!e) return std::nullopt;
    return std::optional<std::string>{std::move(*e)};
}

const json::array* ObjectReader::array_field(std::string_view key, size_t max_items, std::string_view what) {
    const auto* v = take(key);
    if (!v) return nullptr;
    if (!v->is_array()) {
        record(field_name(key), fmt::format("must be {}", what), ErrorCode::kInvalidArgument);
        return nullptr;
    }
    if (v->get_array().size() > max_items) {
        record(field_name(key), fmt::format("must have at most {} items", max_items));
        return nullptr;
    }
    return &v->get_array();
}

void ObjectReader::merge(const Status& nested) {
    if (nested) return;
    for (const auto& e : nested.error().errors) record(e.field, e.detail, nested.error().code);
}

std::optional<std::vector<std::string>> ObjectReader::optional_string_array(std::string_view key, StringRule rule,
                                                                            size_t max_items) {
    const auto* arr = array_field(key, max_items, "an array of strings");
    if (!arr) return std::nullopt;
    if (rule.min == 0) rule.min = 1;
    std::vector<std::string> out;
    bool ok = true;
    for (size_t i = 0; i < arr->size(); ++i) {
        auto s = check_string(std::string(key) + "[" + std::to_string(i) + "]", (*arr)[i], rule);
        if (!s) {
            ok = false;
            continue;
        }
        if (std::find(out.begin(), out.end(), *s) == out.end()) out.push_back(std::move(*s));
    }
    if (!ok) return std::nullopt;
    return out;
}

std::optional<std::vector<int64_t>> ObjectReader::optional_id_array(std::string_view key, size_t max_items) {
    const auto* arr = array_field(key, max_items, "an array of ids");
    if (!arr) return std::nullopt;
    std::vector<int64_t> out;
    for (size_t i = 0; i < arr->size(); ++i) {
        const auto& item = (*arr)[i];
        if (!item.is_int64() || item.get_int64() < 1) {
            record(field_name(key) + "[" + std::to_string(i) + "]", "must be a positive integer id",
                      ErrorCode::kInvalidArgument);
            return std::nullopt;
        }
        if (std::find(out.begin(), out.end(), item.get_int64()) == out.end()) out.push_back(item.get_int64());
    }
    return out;
}

Status ObjectReader::finish() {
    for (const auto& [key, value] : obj_) {
        if (!seen_.contains(std::string_view(key))) record(field_name(key), "is not a known field", ErrorCode::kInvalidArgument);
    }
    if (errors_.empty()) return {};
    Error e{worst_, errors_.front().field + " " + errors_.front().detail, errors_.front().field};
    e.errors = errors_;
    return fail(std::move(e));
}

bool looks_like_email(std::string_view s) {
    const auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
    const auto domain = s.substr(at + 1);
    if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' || domain.back() == '.')
        return false;
    return std::none_of(s.begin(), s.end(), [](char c) {
        return c == ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || static_cast<unsigned char>(c) < 0x21;
    });
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace cocreate::core
