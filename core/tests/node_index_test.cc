#include "dom/node_index.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::dom {
using testing::Indexed;

TEST(NodeIndex, SubtreesAreContiguousAndCountText) {
  Indexed t("<body><div id=a><p>Hello <a href=/x>world</a></p></div><p id=b>Bye</p></body>");
  const NodeIndex& ix = *t.index;
  const std::uint32_t a = t.by_id("a");
  ASSERT_NE(a, kNoNode);
  EXPECT_EQ(ix[a].text_chars, 10u);
  EXPECT_EQ(ix[a].link_chars, 5u);
  EXPECT_LT(a, t.by_id("b"));
  EXPECT_LE(ix[a].end, t.by_id("b"));
  EXPECT_EQ(ix.text_content(a), "Hello world");
}

TEST(NodeIndex, SubtreeHasDigitReadsEveryTextNode) {
  Indexed t("<body><p id=a>Posted <b>March</b> <i>2</i></p><p id=b>Posted in News</p>"
            "<p id=c>No <span hidden>3</span></p></body>");
  EXPECT_TRUE(subtree_has_digit(*t.index, t.by_id("a")));
  EXPECT_FALSE(subtree_has_digit(*t.index, t.by_id("b")));
  EXPECT_TRUE(subtree_has_digit(*t.index, t.by_id("c")));  // hidden text counts: never a false "no"
}

TEST(NodeIndex, HiddenAndScriptTextDoesNotCount) {
  Indexed t("<body><div id=a><p hidden>secret</p><p style='display: none'>gone</p>"
            "<script>var x = 1;</script><p aria-hidden=true>aria</p>seen</div></body>");
  EXPECT_EQ((*t.index)[t.by_id("a")].text_chars, 4u);
  EXPECT_EQ(t.index->text_content(t.by_id("a")), "seen");
}

TEST(NodeIndex, AriaHiddenLinkIsStillSeen) {
  // A card's teaser wrapped in a second, aria-hidden link to the story:
  // hidden from screen readers, shown on screen.
  Indexed t("<body><div id=a><p><a href='/s' aria-hidden=true tabindex=-1>teaser</a></p>"
            "<div aria-hidden=true>menu</div></div></body>");
  EXPECT_EQ(t.index->text_content(t.by_id("a")), "teaser");
}

TEST(NodeIndex, NoscriptNoticeIsSkippedButNoscriptPageKept) {
  // Bare text in <noscript> asks for JavaScript; elements in it are often
  // the whole page of a script-rendered site.
  Indexed t("<body><div id=a><noscript>You need to enable JavaScript to run this app.</noscript>"
            "<noscript><p>The page itself</p></noscript></div></body>");
  EXPECT_EQ(t.index->text_content(t.by_id("a")), "The page itself");
}

TEST(NodeIndex, AccordionToggleButtonsAreReadOtherButtonsNot) {
  // A button holding a heading, or inside one, is an accordion's question;
  // "Add to cart" and "Menu" buttons are controls.
  Indexed t("<body><div id=a><button><span><h3>How much does it cost?</h3></span></button>"
            "<h4><button>Is there a free plan?</button></h4>"
            "<button>Add to cart</button><div><button><span>Menu</span></button></div></div></body>");
  EXPECT_EQ(t.index->text_content(t.by_id("a")), "How much does it cost? Is there a free plan?");
}

TEST(NodeIndex, ClosedTabAndAccordionPanelsAreRead) {
  // A product's specifications behind a tab, a guide's code in a closed
  // accordion: hidden until a click, but part of the page.
  Indexed t("<body><div id=a><div role=tabpanel hidden>specs</div>"
            "<div class='chakra-collapse' style='display:none'>care</div>"
            "<div class='tab-pane fade' aria-hidden=true>sizes</div>"
            "<div class='menu-panel' hidden>menu</div><div popover>prompt</div></div></body>");
  EXPECT_EQ(t.index->text_content(t.by_id("a")), "specs care sizes");
}

TEST(NodeIndex, ExpanderTabContentAndFaqAnswerPanelsAreRead) {
  // A description's "read more" expander, a tab's content and an FAQ's
  // answer named in BEM spelling: closed until a click, part of the page.
  Indexed t("<body><div id=a><div class='a-expander-content a-expander-extend-content' "
            "style='display:none'>more</div><div class=tab__content hidden>tab</div>"
            "<div class=faq__answer hidden>answer</div><div class=menu__content hidden>menu</div>"
            "</div></body>");
  EXPECT_EQ(t.index->text_content(t.by_id("a")), "more tab answer");
}

TEST(NodeIndex, AriaAccordionRegionsAreRead) {
  // The ARIA accordion pattern: a collapsed panel is a region named by its
  // toggle (aria-labelledby), explicit or a named <section>. A region with no
  // such name, or a dialog named so, stays hidden.
  Indexed t("<body><div id=a>"
            "<h3><button id=t1>Question one</button></h3>"
            "<div role=region aria-labelledby=t1 aria-hidden=true>answer one</div>"
            "<section aria-labelledby=t1 aria-hidden=true inert>answer two</section>"
            "<div role=region aria-label=Cookies hidden>cookies</div>"
            "<div role=dialog aria-labelledby=t1 hidden>dialog</div>"
            "<section aria-hidden=true>unnamed</section></div></body>");
  EXPECT_EQ(t.index->text_content(t.by_id("a")), "Question one answer one answer two");
}

TEST(NodeIndex, DeepNestingIsFlattenedPastTheLimit) {
  std::string html = "<body><div id=top>";
  for (int k = 0; k < 2000; ++k) html += "<div>";
  html += "deep text";
  Indexed t(html, 100);
  EXPECT_TRUE(t.index->truncated());
  EXPECT_EQ((*t.index)[t.by_id("top")].text_chars, 8u);
  for (std::uint32_t i = 0; i < t.index->size(); ++i) EXPECT_LE((*t.index)[i].depth, 100);
}

TEST(NodeIndex, EveryReadAttributeHasItsOwnSlot) {
  for (std::size_t k = 0; k < std::size(kAttributesRead); ++k) {
    EXPECT_EQ(read_attribute_slot(kAttributesRead[k]), static_cast<int>(k)) << kAttributesRead[k];
  }
  EXPECT_EQ(read_attribute_slot("data-src"), -1);
  EXPECT_EQ(read_attribute_slot(""), -1);
  EXPECT_EQ(read_attribute_slot("CLASS"), -1);  // gumbo lower-cases names
}

TEST(NodeIndex, AttributesAndTextsReadBack) {
  Indexed t("<body><div id=a class='x y' role=main data-k=1><a href=/x rel=next>A &amp; B</a></div></body>");
  const NodeIndex& ix = *t.index;
  const std::uint32_t a = t.by_id("a");
  EXPECT_EQ(ix.attr(a, "class"), "x y");
  EXPECT_EQ(ix.attr(a, "role"), "main");
  EXPECT_TRUE(ix.has_attr(a, "id"));
  EXPECT_FALSE(ix.has_attr(a, "href"));
  EXPECT_EQ(ix.attr(a, "style"), "");
  const std::uint32_t link = a + 1;
  ASSERT_EQ(ix[link].tag, GUMBO_TAG_A);
  EXPECT_EQ(ix.attr(link, "href"), "/x");
  EXPECT_TRUE(ix[link + 1].flags & kInLink);
  EXPECT_EQ(ix.text(link + 1), "A & B");
  EXPECT_FALSE(ix.has_attr(link + 1, "class"));  // a text node has none
}

TEST(NodeIndex, PathNamesTagsIdsAndClasses) {
  Indexed t("<body><main id=m class='x y'><p>t</p></main></body>");
  EXPECT_EQ(t.index->path(t.by_id("m")), "body > main#m.x.y");
}

TEST(NodeIndex, NodeLimitTruncates) {
  std::string html = "<body>";
  for (int k = 0; k < 100; ++k) html += "<p>x</p>";
  testing::Indexed full(html);
  dom::ParsedHtml parsed(html);
  Deadline deadline(0);
  NodeIndex small(parsed.root(), {20, 512}, deadline);
  EXPECT_TRUE(small.truncated());
  EXPECT_LE(small.size(), 20u);
  EXPECT_FALSE(full.index->truncated());
}

}  // namespace thresher::dom
