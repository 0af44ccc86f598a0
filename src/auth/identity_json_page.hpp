#pragma once
#include <boost/json.hpp>

#include "http/query.hpp"

namespace cocreate::auth {

template <typename T, typename F>
boost::json::object page_json(const Page<T>& page, F&& to_json) {
    boost::json::array items;
    items.reserve(page.items.size());
    for (const auto& item : page.items) items.push_back(to_json(item));
    boost::json::object out;
    out["items"] = std::move(items);
    if (page.next_after) out["next_cursor"] = http::cursor_for(*page.next_after);
    else out["next_cursor"] = nullptr;
    return out;
}

}  // namespace cocreate::auth
