#pragma once
// Reading request bodies: parse JSON, then read an object field by field with
// type, size and enum checks. Every problem names its field; fields the reader was never
// asked about are rejected as unknown, so a typo never silently does nothing.

#include <boost/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace cocreate::core {

// The allowed values of an enumerated field.
using Choices = std::span<const std::string_view>;

// Parses `body` as a JSON object (strict: valid UTF-8, no comments, max depth 32).
Result<boost::json::object> parse_json_object(std::string_view body);

struct StringRule {
    size_t min = 0;
    size_t max = 200;
    bool trim = true;          // surrounding whitespace removed before the length check
    bool single_line = true;   // control characters (incl. newlines) rejected
};

// Reads fields from one JSON object. Not thread-safe; use one per request.
// Each accessor records the first problem per field; `finish()` reports them all.
class ObjectReader {
public:
    explicit ObjectReader(const boost::json::object& obj, std::string prefix = {});

    std::string required_string(std::string_view key, StringRule rule = {});
    std::optional<std::string> optional_string(std::string_view key, StringRule rule = {});
    // Like optional_string but JSON null is accepted and reported as "present, empty".
    // Returns nullopt when absent, an engaged optional holding nullopt for null.
    std::optional<std::optional<std::string>> nullable_string(std::string_view key, StringRule rule = {});
    std::string required_enum(std::string_view key, Choices allowed);
    std::optional<std::string> optional_enum(std::string_view key, Choices allowed);
    std::optional<bool> optional_bool(std::string_view key);
    std::optional<int64_t> optional_int(std::string_view key, int64_t min, int64_t max);
    int64_t required_int(std::string_view key, int64_t min, int64_t max);
    std::optional<std::optional<int64_t>> nullable_int(std::string_view key, int64_t min, int64_t max);
    // Any finite JSON number (integer or not) within [min, max].
    std::optional<double> optional_number(std::string_view key, double min, double max);
    double required_number(std::string_view key, double min, double max);
    std::optional<std::optional<double>> nullable_number(std::string_view key, double min, double max);
    std::optional<std::vector<std::string>> optional_enum_array(std::string_view key,
                                                                 Choices allowed,
                                                                 size_t max_items = 32);

    // Like optional_enum, with JSON null accepted (engaged optional holding nullopt).
    std::optional<std::optional<std::string>> nullable_enum(std::string_view key, Choices allowed);
    // An array of strings, each checked by `rule`; problems name the item ("tags[2]").
    std::optional<std::vector<std::string>> optional_string_array(std::string_view key, StringRule rule,
                                                                  size_t max_items);
    // An array of positive integer ids (duplicates removed, order kept).
    std::optional<std::vector<int64_t>> optional_id_array(std::string_view key, size_t max_items);
    // An array of objects: `each(item_reader, index)` reads one item, whose problems are
    // named "key[index].field" and whose unknown fields are refused. False when absent.
    template <typename F>
    bool optional_objects(std::string_view key, size_t max_items, F&& each) {
        const auto* arr = array_field(key, max_items, "an array of objects");
        if (!arr) return false;
        for (size_t i = 0; i < arr->size(); ++i) {
            const std::string name = field_name(key) + "[" + std::to_string(i) + "]";
            if (!(*arr)[i].is_object()) {
                add_error(name, "must be an object", ErrorCode::kInvalidArgument);
                continue;
            }
            ObjectReader item((*arr)[i].get_object(), name);
            each(item, i);
            merge(item.finish());
        }
        return true;
    }

    // A nested object: `each(reader)` reads it, its problems named "key.field" and its unknown
    // fields refused. False when absent (or not an object, which is recorded).
    template <typename F>
    bool optional_object(std::string_view key, F&& each) {
        const auto* v = take(key);
        if (!v) return false;
        if (!v->is_object()) {
            record(field_name(key), "must be an object", ErrorCode::kInvalidArgument);
            return false;
        }
        ObjectReader nested(v->get_object(), field_name(key));
        each(nested);
        merge(nested.finish());
        return true;
    }
    bool has(std::string_view key) const { return obj_.if_contains(key) != nullptr; }
    // The raw value at `key` (nullptr when absent), for fields that take more than one shape.
    const boost::json::value* peek(std::string_view key) const { return obj_.if_contains(key); }
    bool is_null(std::string_view key) const {
        const auto* v = obj_.if_contains(key);
        return v && v->is_null();
    }

    // Records a problem with field `key` of this object (named with the reader's prefix).
    void add_error(std::string key, std::string detail, ErrorCode code = ErrorCode::kUnprocessable);
    // Marks `key` as known when the caller reads its value by hand (keys that are data).
    void accept(std::string_view key) { seen_.emplace(key); }
    bool ok() const { return errors_.empty(); }

    // Rejects unknown fields, then returns the collected errors (if any) as one Error.
    Status finish();

private:
    const boost::json::value* take(std::string_view key);
    // The array at `key` if present and of at most `max_items`; records the problem otherwise.
    const boost::json::array* array_field(std::string_view key, size_t max_items, std::string_view what);
    void merge(const Status& nested);
    // Records a problem under its full field name.
    void record(std::string field, std::string detail, ErrorCode code = ErrorCode::kUnprocessable);
    std::string field_name(std::string_view key) const;
    std::optional<std::string> check_string(std::string_view key, const boost::json::value& v, const StringRule& rule);

    const boost::json::object& obj_;
    std::string prefix_;
    std::set<std::string, std::less<>> seen_;
    std::vector<FieldError> errors_;
    ErrorCode worst_ = ErrorCode::kUnprocessable;
};

// True when `s` is a plausible e-mail address (one '@', no spaces, a dot in the domain).
bool looks_like_email(std::string_view s);
// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view s);

}  // namespace cocreate::core
