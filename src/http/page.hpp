#pragma once
// List responses: {items: [...], next_cursor}. The whole tree is built in one monotonic
// arena and serialized at once, so a page of objects costs no per-node malloc or free
// (on a 50-item page that was over a third of the request's instructions).

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/json_writer.hpp"
#include "http/query.hpp"
#include "http/response.hpp"

namespace cocreate::http {

// One page of a keyset-paged list.
template <typename T>
struct Page {
    std::vector<T> items;
    std::optional<int64_t> next_after;  // cursor id for the next page
    std::optional<std::string> next_cursor;  // or a ready-made cursor (keyset on another key)
};

// Trims `rows` (fetched with limit + 1) to `limit` and sets the next cursor from `id_of`.
template <typename T, typename IdOf>
Page<T> make_page(std::vector<T> rows, int limit, IdOf id_of) {
    Page<T> page;
    if (static_cast<int>(rows.size()) > limit) {
        rows.resize(limit);
        page.next_after = id_of(rows.back());
    }
    page.items = std::move(rows);
    return page;
}

// The 200 response for `page`; `to_json(item, storage)` builds one item in `storage`.
template <typename T, typename F>
Response page_response(const Page<T>& page, F&& to_json) {
    boost::json::monotonic_resource arena(16 * 1024);
    const boost::json::storage_ptr sp(&arena);
    boost::json::object out(sp);
    boost::json::array items(sp);
    items.reserve(page.items.size());
    for (const auto& item : page.items) items.emplace_back(to_json(item, sp));
    out.emplace("items", std::move(items));
    if (page.next_cursor) out.emplace("next_cursor", *page.next_cursor);
    else if (page.next_after) out.emplace("next_cursor", cursor_for(*page.next_after));
    else out.emplace("next_cursor", nullptr);
    return json_response(out);
}

// The same page written directly as text: `write_item(writer, item)` writes one item.
// For hot lists, where building a tree first costs more than the query.
template <typename T, typename F>
Response page_text_response(const Page<T>& page, F&& write_item) {
    std::string body;
    body.reserve(64 + page.items.size() * 512);
    core::JsonWriter w(body);
    w.begin_object().key("items").begin_array();
    for (const auto& item : page.items) write_item(w, item);
    w.end_array().key("next_cursor");
    if (page.next_cursor) w.string(*page.next_cursor);
    else if (page.next_after) w.string(cursor_for(*page.next_after));
    else w.null();
    w.end_object();
    return json_text_response(std::move(body));
}

template <typename T, typename F>
Response respond_page_text(const RequestContext& ctx, const core::Result<Page<T>>& r, F&& write_item) {
    if (!r) return problem(r.error(), ctx.request_id);
    return page_text_response(*r, std::forward<F>(write_item));
}

// page_response for a successful result, or its problem.
template <typename T, typename F>
Response respond_page(const RequestContext& ctx, const core::Result<Page<T>>& r, F&& to_json) {
    if (!r) return problem(r.error(), ctx.request_id);
    return page_response(*r, std::forward<F>(to_json));
}

}  // namespace cocreate::http
