#include "dom/streamed_segments.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::dom {
using testing::Indexed;

TEST(StreamedSegments, PlaceholderNamesItsContent) {
  EXPECT_TRUE(names_streamed_content("B:0", "S:0"));
  EXPECT_TRUE(names_streamed_content("P:1f", "S:1f"));
  EXPECT_TRUE(names_streamed_content("app-B:3", "app-S:3"));  // an identifier prefix
  EXPECT_FALSE(names_streamed_content("B:0", "S:1"));
  EXPECT_FALSE(names_streamed_content("B:0", "S:01"));
  EXPECT_FALSE(names_streamed_content("S:0", "S:0"));   // not a placeholder
  EXPECT_FALSE(names_streamed_content("B:", "S:"));     // no number
  EXPECT_FALSE(names_streamed_content("B:x", "S:x"));   // not hexadecimal
  EXPECT_FALSE(names_streamed_content("tab-B:0", "app-S:0"));
  EXPECT_TRUE(is_boundary_placeholder("B:a"));
  EXPECT_FALSE(is_boundary_placeholder("P:a"));
  EXPECT_FALSE(is_boundary_placeholder("main"));
}

TEST(StreamedSegments, ContentIsReadAtItsPlaceholder) {
  // Late content follows the footer in a hidden div; the reader sees it
  // where the template stood, and the boundary's fallback (up to "/$")
  // is gone.
  Indexed t(
      "<body><header>Site</header><main id=m><h1>Title</h1><!--$?--><template id=\"B:0\"></template>"
      "<p>Loading paragraph...</p><!--/$--><p>After</p></main><footer id=f>Footer</footer>"
      "<div hidden id=\"S:0\"><p>The article's text.</p><div><template id=\"P:1\"></template></div></div>"
      "<div hidden id=\"S:1\"><p>A late segment.</p></div></body>");
  EXPECT_EQ(t.index->text_content(t.by_id("m")), "Title The article's text. A late segment. After");
  EXPECT_EQ(t.index->text_content(t.by_id("f")), "Footer");
  // Each streamed div is read once: the body holds every word once.
  EXPECT_EQ(t.index->text_content(t.index->body()),
            "Site Title The article's text. A late segment. After Footer");
}

TEST(StreamedSegments, FallbackKeptWithoutClosingCommentAndNestedBoundariesCounted) {
  // A page saved without its comments keeps its fallback (nothing tells
  // where it ends); nested boundaries inside a fallback are skipped whole.
  Indexed a("<body><main id=m><template id=\"B:0\"></template><p>Loading...</p></main>"
            "<div hidden id=\"S:0\"><p>Text</p></div></body>");
  EXPECT_EQ(a.index->text_content(a.by_id("m")), "Text Loading...");
  Indexed b("<body><main id=m><!--$?--><template id=\"B:0\"></template><div>Skeleton"
            "<!--$--><p>inner</p><!--/$--></div><!--$--><i>x</i><!--/$--><!--/$--><p>Then</p></main>"
            "<div hidden id=\"S:0\"><p>Text</p></div></body>");
  EXPECT_EQ(b.index->text_content(b.by_id("m")), "Text Then");
}

TEST(StreamedSegments, UnclaimedOrEarlierDivsStayHidden) {
  // A hidden S: div no placeholder names stays hidden where it is; one met
  // before its placeholder is read there (hidden) and not a second time.
  Indexed t("<body><div hidden id=\"S:5\"><p>Early</p></div><main id=m><template id=\"P:5\"></template>"
            "<p>Body</p></main><div hidden id=\"S:9\"><p>Orphan</p></div></body>");
  EXPECT_EQ(t.index->text_content(t.by_id("m")), "Body");
  EXPECT_EQ(t.index->text_content(t.index->body()), "Body");
  // An ordinary hidden div or template is untouched.
  Indexed u("<body><main id=m><template id=\"B:0\"><p>t</p></template><p>Body</p></main>"
            "<div hidden id=\"menu\"><p>Menu</p></div></body>");
  EXPECT_EQ(u.index->text_content(u.index->body()), "Body");
}

}  // namespace thresher::dom
