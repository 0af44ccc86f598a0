#include "core/markdown.hpp"

#include <gtest/gtest.h>

namespace cocreate::core {
namespace {

TEST(Markdown, RendersTheUsualThings) {
    const auto html = markdown_to_safe_html("**bold** and [a link](https://example.com)\n\n- one\n- two");
    EXPECT_NE(html.find("<strong>bold</strong>"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"https://example.com\">a link</a>"), std::string::npos);
    EXPECT_NE(html.find("<li>two</li>"), std::string::npos);
}

TEST(Markdown, DropsRawHtmlAndDangerousTargets) {
    const char* payloads[] = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![x](javascript:alert(1))",
        "[x](//evil.example/path)",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "[x](  javascript:alert(1))",
    };
    for (const char* p : payloads) {
        const auto html = markdown_to_safe_html(p);
        EXPECT_EQ(html.find("<script"), std::string::npos) << p;
        EXPECT_EQ(html.find("<img src=\"x\""), std::string::npos) << p;
        EXPECT_EQ(html.find("onerror"), std::string::npos) << p;
        EXPECT_EQ(html.find("javascript:"), std::string::npos) << p << " -> " << html;
        EXPECT_EQ(html.find("vbscript:"), std::string::npos) << p;
        EXPECT_EQ(html.find("data:text"), std::string::npos) << p;
        EXPECT_EQ(html.find("//evil"), std::string::npos) << p;
        EXPECT_EQ(html.find("<iframe"), std::string::npos) << p;
    }
}

TEST(Markdown, EmptyStaysEmpty) { EXPECT_EQ(markdown_to_safe_html(""), ""); }

// The page around the text has its own h1: the text's headings start at h2.
TEST(Markdown, HeadingsGoOneLevelDown) {
    EXPECT_EQ(markdown_to_safe_html("# Problem\n\n## Detail\n\n###### Six"),
              "<h2>Problem</h2>\n<h3>Detail</h3>\n<h6>Six</h6>\n");
    // Inside an h2 section (a comment), the text's headings start at h3.
    EXPECT_EQ(markdown_to_safe_html("# Problem\n\n#### Four", 3), "<h3>Problem</h3>\n<h6>Four</h6>\n");
}

// A refused target leaves the words, not an empty link that reloads the page.
TEST(Markdown, ARefusedLinkBecomesItsText) {
    EXPECT_EQ(markdown_to_safe_html("see [the *docs*](javascript:alert(1)) now"), "<p>see the <em>docs</em> now</p>\n");
    EXPECT_EQ(markdown_to_safe_html("[x](//evil.example/path) and [y]()"), "<p>x and y</p>\n");
    EXPECT_EQ(markdown_to_safe_html("![a chart](data:image/png;base64,AAAA)"), "<p>a chart</p>\n");
    EXPECT_EQ(markdown_to_safe_html("[ok](https://example.com/a)"), "<p><a href=\"https://example.com/a\">ok</a></p>\n");
}

}  // namespace
}  // namespace cocreate::core
