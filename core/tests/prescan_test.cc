#include "input/prescan.h"

#include <gtest/gtest.h>

namespace thresher::input {

TEST(Prescan, DropsScriptStyleSvgAndCommentBodies) {
  EXPECT_EQ(strip_unparsed_bodies("<p>a</p><script>var x = '<p>';</script><style>p{}</style>"
                                  "<!-- note --><svg viewBox='0 0 1 1'><path d=''/></svg><p>b</p>"),
            "<p>a</p><script></script><style></style><svg viewBox='0 0 1 1'></svg><p>b</p>");
}

TEST(Prescan, KeepsJsonLdAndCaseInsensitiveTags) {
  const std::string ld = "<script type=\"application/ld+json\">{\"a\":1}</script>";
  EXPECT_EQ(strip_unparsed_bodies(ld), ld);
  EXPECT_EQ(strip_unparsed_bodies("<SCRIPT src=x>x</SCRIPT >y"), "<SCRIPT src=x></SCRIPT >y");
}

TEST(Prescan, LeavesLookalikesAndUnterminatedInputAlone) {
  EXPECT_EQ(strip_unparsed_bodies("<scripts>keep</scripts>"), "<scripts>keep</scripts>");
  EXPECT_EQ(strip_unparsed_bodies("<p>x<script>never closed"), "<p>x<script>never closed");
  EXPECT_EQ(strip_unparsed_bodies("<!-- open"), "<!-- open");
  EXPECT_EQ(strip_unparsed_bodies("<svg/><p>t</p>"), "<svg/><p>t</p>");
}

TEST(Prescan, QuotedGreaterThanInsideTheStartTag) {
  EXPECT_EQ(strip_unparsed_bodies("<script data-x=\"a>b\">code</script>"),
            "<script data-x=\"a>b\"></script>");
}

TEST(Prescan, NestingPastTheCapIsFlattened) {
  EXPECT_EQ(cap_markup("<div><div><div>x</div></div></div><p>y</p>", 2),
            "<div><div>x</div></div><p>y</p>");
  // Unclosed <p> and <li> and void elements do not count.
  std::string many;
  for (int k = 0; k < 100; ++k) many += "<li><p>t<br><img src=x>";
  EXPECT_EQ(cap_markup("<div>" + many + "</div>", 2), "<div>" + many + "</div>");
  EXPECT_EQ(cap_markup("<div><span>a</span><span>b</span></div>", 2),
            "<div><span>a</span><span>b</span></div>");
}

TEST(Prescan, HugeStartTagsAreCutAtAnAttribute) {
  std::string tag = "<div";
  for (int k = 0; k < 100000; ++k) tag += " a" + std::to_string(k) + "=\"v\"";
  const std::string lean = cap_markup(tag + ">text</div>", 512);
  EXPECT_LT(lean.size(), 17000u);
  EXPECT_TRUE(lean.ends_with("\">text</div>")) << lean.substr(lean.size() - 40);
  // One huge quoted value is left alone.
  const std::string big = "<div data-x=\"" + std::string(40000, 'y') + "\">t</div>";
  EXPECT_EQ(cap_markup(big, 512), big);
}

TEST(Prescan, UnclosedFormattingElementsDoNotPileUp) {
  std::string html;
  for (int k = 0; k < 100; ++k) html += "<p><b class=c" + std::to_string(k) + ">x</p>";
  const std::string lean = cap_markup(html, 512);
  std::size_t bolds = 0;
  for (std::size_t at = lean.find("<b "); at != std::string::npos; at = lean.find("<b ", at + 1)) ++bolds;
  EXPECT_EQ(bolds, 8u);
}

TEST(Prescan, AStrayLessThanDoesNotStopStripping) {
  EXPECT_EQ(strip_unparsed_bodies("<p>if a <b and \"c</p><script>var x;</script><!-- c --><p>d</p>"),
            "<p>if a <b and \"c</p><script></script><p>d</p>");
}

TEST(Prescan, AMillionNestedDivsBecomeShallow) {
  std::string deep;
  for (int k = 0; k < 1000000; ++k) deep += "<div>";
  deep += "text";
  const std::string lean = cap_markup(deep, 512);
  EXPECT_EQ(lean.size(), 512 * 5 + 4);
}

}  // namespace thresher::input
