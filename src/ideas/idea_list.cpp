#include "ideas/idea_list.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "core/json_writer.hpp"
#include "ideas/idea_service.hpp"
#include "ideas/ideas_json.hpp"

namespace cocreate::ideas {

namespace {
// A JSON string value has its quotes escaped, so this text can only be the key itself.
constexpr std::string_view kGapKey = "\"my_vote\":";
constexpr std::string_view kGapValue = "false";
}  // namespace

RenderedIdeaList render_idea_list(const http::Page<IdeaView>& page) {
    RenderedIdeaList out;
    std::string current = "{\"items\":[";
    for (const auto& v : page.items) {
        std::string item;
        item.reserve(1024);
        core::JsonWriter w(item);
        write_idea_summary(w, v);  // my_vote false: the gap is found by its value below
        const auto at = item.find(kGapKey);
        if (at == std::string::npos || item.compare(at + kGapKey.size(), kGapValue.size(), kGapValue) != 0)
            throw std::logic_error("an idea summary without my_vote");
        if (!out.ids.empty()) current += ',';
        current.append(item, 0, at + kGapKey.size());
        out.parts.push_back(std::move(current));
        current.assign(item, at + kGapKey.size() + kGapValue.size());
        out.ids.push_back(v.idea.id);
    }
    current += "],\"next_cursor\":";
    core::JsonWriter tail(current);
    if (page.next_cursor) tail.string(*page.next_cursor);
    else if (page.next_after) tail.string(http::cursor_for(*page.next_after));
    else tail.null();
    current += '}';
    out.parts.push_back(std::move(current));
    return out;
}

std::string RenderedIdeaList::render(const std::vector<int64_t>& voted) const {
    size_t size = 0;
    for (const auto& p : parts) size += p.size() + 5;
    std::string out;
    out.reserve(size);
    for (size_t i = 0; i < ids.size(); ++i) {
        out += parts[i];
        out += std::find(voted.begin(), voted.end(), ids[i]) != voted.end() ? "true" : "false";
    }
    out += parts.back();
    return out;
}

}  // namespace cocreate::ideas
