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
  EXPECT_EQ(strip_unparsed_bodies("<div><div><div>x</div></div></div><p>y</p>", 2),
            "<div><div>x</div></div><p>y</p>");
  // Unclosed <p> and <li> and void elements do not count.
  std::string many;
  for (int k = 0; k < 100; ++k) many += "<li><p>t<br><img src=x>";
  EXPECT_EQ(strip_unparsed_bodies("<div>" + many + "</div>", 2), "<div>" + many + "</div>");
  EXPECT_EQ(strip_unparsed_bodies("<div><span>a</span><span>b</span></div>", 2),
            "<div><span>a</span><span>b</span></div>");
}

TEST(Prescan, AMillionNestedDivsBecomeShallow) {
  std::string deep;
  for (int k = 0; k < 1000000; ++k) deep += "<div>";
  deep += "text";
  const std::string lean = strip_unparsed_bodies(deep, 512);
  EXPECT_EQ(lean.size(), 512 * 5 + 4);
}

}  // namespace thresher::input
