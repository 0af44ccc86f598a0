#pragma once
// Reading query strings with the same rigour as bodies: unknown parameters are refused,
// values are type-checked and the problem names the parameter.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/json_input.hpp"
#include "http/request.hpp"

namespace cocreate::http {

// Keyset paging: `after` is the opaque cursor of the last item seen, `limit` 1..200.
struct PageRequest {
    std::optional<int64_t> after;
    int limit = 50;
};

inline constexpr int kMaxPageSize = 200;

// Keyset paging on a sort key other than the id (a name, a time): the cursor carries the
// last item's key and id.
struct KeyCursor {
    std::string key;
    int64_t id = 0;
};
struct KeyPageRequest {
    std::optional<KeyCursor> after;
    int limit = 50;
};

class QueryReader {
public:
    // `allowed`: every parameter the route understands (paging ones are added).
    QueryReader(const Request& req, std::initializer_list<std::string_view> allowed);
    QueryReader(const Request& req, std::vector<std::string_view> allowed);

    std::optional<std::string> string(std::string_view name, size_t max_length = 200);
    std::optional<std::string> enumeration(std::string_view name, core::Choices values);
    std::optional<int64_t> id(std::string_view name);
    std::optional<bool> boolean(std::string_view name);
    // An RFC 3339 time, returned normalised to the storage format.
    std::optional<std::string> time(std::string_view name);
    PageRequest page();
    KeyPageRequest key_page();

    // The first problem found (including unknown parameters), if any.
    core::Status finish();

private:
    void error(std::string_view name, std::string detail);
    const Request& req_;
    std::vector<std::string_view> allowed_;
    std::optional<core::Error> error_;
};

// Copies a keyset page request into a filter with `limit`, `after_key` and `after_id`.
template <typename Filter>
void apply_key_page(const KeyPageRequest& page, Filter& f) {
    f.limit = page.limit;
    if (page.after) {
        f.after_key = page.after->key;
        f.after_id = page.after->id;
    }
}

// The cursor text for an item id, and back.
std::string cursor_for(int64_t id);
std::optional<int64_t> parse_cursor(std::string_view cursor);
std::string key_cursor_for(std::string_view key, int64_t id);
std::optional<KeyCursor> parse_key_cursor(std::string_view cursor);

}  // namespace cocreate::http
