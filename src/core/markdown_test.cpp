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

}  // namespace
}  // namespace cocreate::core
