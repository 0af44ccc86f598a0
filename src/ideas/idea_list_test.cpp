#include "ideas/idea_list.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "ideas/idea_service.hpp"
#include "ideas/ideas_json.hpp"

namespace cocreate::ideas {
namespace {

IdeaView idea(int64_t id, std::string title) {
    IdeaView v;
    v.idea.id = id;
    v.idea.space_id = 3;
    v.idea.title = std::move(title);
    v.idea.description = "About \"my_vote\":false and more.";
    v.idea.status = "submitted";
    v.idea.authors = {{7, "A \"my_vote\":true person", "author"}};
    v.internal = true;
    return v;
}

// What the list wrote before pages were rendered once: each item written with its own vote.
std::string written_directly(http::Page<IdeaView> page, const std::vector<int64_t>& voted) {
    for (auto& v : page.items) v.my_vote = std::find(voted.begin(), voted.end(), v.idea.id) != voted.end();
    std::string body;
    core::JsonWriter w(body);
    w.begin_object().key("items").begin_array();
    for (const auto& v : page.items) write_idea_summary(w, v);
    w.end_array().key("next_cursor");
    if (page.next_cursor) w.string(*page.next_cursor);
    else w.null();
    w.end_object();
    return body;
}

TEST(RenderedIdeaList, FillsEachCallersVotesIntoTheSamePage) {
    http::Page<IdeaView> page;
    page.items = {idea(11, "Title with \"my_vote\":false inside"), idea(12, "Plain"), idea(13, "my_vote")};
    page.next_cursor = "abc\"def";
    const auto rendered = render_idea_list(page);
    EXPECT_EQ(rendered.ids, (std::vector<int64_t>{11, 12, 13}));
    for (const auto& voted : {std::vector<int64_t>{}, std::vector<int64_t>{12}, std::vector<int64_t>{11, 13, 99}}) {
        const auto text = rendered.render(voted);
        EXPECT_EQ(text, written_directly(page, voted));
        const auto json = boost::json::parse(text).as_object();
        for (const auto& item : json.at("items").as_array()) {
            const auto id = item.at("id").as_int64();
            EXPECT_EQ(item.at("my_vote").as_bool(), std::find(voted.begin(), voted.end(), id) != voted.end()) << id;
        }
    }
}

TEST(RenderedIdeaList, AnEmptyPage) {
    const auto rendered = render_idea_list({});
    EXPECT_TRUE(rendered.ids.empty());
    EXPECT_EQ(rendered.render({1, 2}), "{\"items\":[],\"next_cursor\":null}");
}

}  // namespace
}  // namespace cocreate::ideas
