#pragma once
// Writing JSON text straight into a string, for the hot list responses: building a
// boost::json tree first and serializing it afterwards cost more than the database query on
// a 50-row page. The writer tracks commas; the caller keeps keys and nesting right.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cocreate::core {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : out_(out) {}
    // A writer for the members of an object whose braces someone else writes: the text
    // ("a":1,"b":2) goes into a larger object later with raw().
    static JsonWriter members(std::string& out) {
        JsonWriter w(out);
        w.depth_ = 1;
        return w;
    }

    JsonWriter& begin_object() { return open('{'); }
    JsonWriter& end_object() { return close('}'); }
    JsonWriter& begin_array() { return open('['); }
    JsonWriter& end_array() { return close(']'); }
    // The key of the next member of the current object.
    JsonWriter& key(std::string_view k);

    JsonWriter& string(std::string_view v);
    JsonWriter& number(int64_t v);
    JsonWriter& number(double v);
    JsonWriter& boolean(bool v);
    JsonWriter& null();
    JsonWriter& string_or_null(const std::optional<std::string>& v) { return v ? string(*v) : null(); }
    JsonWriter& id_or_null(const std::optional<int64_t>& v) { return v ? number(*v) : null(); }
    JsonWriter& number_or_null(const std::optional<double>& v) { return v ? number(*v) : null(); }
    // Already valid JSON text (e.g. a stored JSON column), inserted as one value.
    JsonWriter& raw(std::string_view json);

    // Shorthands: key then value.
    JsonWriter& field(std::string_view k, std::string_view v) { return key(k).string(v); }
    JsonWriter& field(std::string_view k, const char* v) { return key(k).string(v); }
    JsonWriter& field(std::string_view k, const std::string& v) { return key(k).string(v); }
    JsonWriter& field(std::string_view k, int64_t v) { return key(k).number(v); }
    JsonWriter& field(std::string_view k, int v) { return key(k).number(static_cast<int64_t>(v)); }
    JsonWriter& field(std::string_view k, bool v) { return key(k).boolean(v); }
    JsonWriter& field(std::string_view k, const std::optional<std::string>& v) { return key(k).string_or_null(v); }
    // A key and an array of strings, or of ids.
    JsonWriter& strings(std::string_view k, const std::vector<std::string>& items);
    JsonWriter& ids(std::string_view k, const std::vector<int64_t>& items);

private:
    JsonWriter& open(char c);
    JsonWriter& close(char c);
    void separate();  // a comma before every element but the first of its container

    std::string& out_;
    uint64_t has_element_ = 0;  // one bit per nesting level (depth ≤ 64)
    int depth_ = 0;
    bool after_key_ = false;
};

// `v` as a JSON string literal, quotes included.
void append_json_string(std::string& out, std::string_view v);

// The text `write(writer)` produces: one response body.
template <typename F>
std::string json_text(F&& write) {
    std::string out;
    out.reserve(2048);
    JsonWriter w(out);
    write(w);
    return out;
}

// {id, display_name}: how every module shows a person it refers to (each has its own UserRef).
template <typename Person>
JsonWriter& write_person(JsonWriter& w, const Person& p) {
    return w.begin_object().field("id", p.id).field("display_name", p.display_name).end_object();
}
template <typename Person>
JsonWriter& write_person_or_null(JsonWriter& w, const std::optional<Person>& p) {
    return p ? write_person(w, *p) : w.null();
}

}  // namespace cocreate::core
