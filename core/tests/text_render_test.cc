#include "output/text_render.h"

#include "output/markdown.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::output {
using testing::Indexed;

std::string render(const std::string& html, const std::string& root_id) {
  Indexed t(html);
  std::vector<bool> pruned(t.index->size(), false);
  auto blocks = collect_blocks(*t.index, t.features, pruned, t.by_id(root_id));
  bool truncated = false;
  return join_blocks(blocks, 1 << 20, &truncated);
}

TEST(TextRender, ParagraphsHeadingsAndLists) {
  EXPECT_EQ(render("<div id=r><h2>Title</h2><p>One <b>bold</b> line.</p><ul><li>a</li><li>b</li></ul>"
                   "<p>Two</p></div>", "r"),
            "Title\n\nOne bold line.\n\na\nb\n\nTwo");
}

TEST(TextRender, PreKeepsWhiteSpace) {
  EXPECT_EQ(render("<div id=r><pre>def f():\n    return 1\n</pre></div>", "r"),
            "def f():\n    return 1");
}

TEST(TextRender, TableRowsOnTheirOwnLines) {
  EXPECT_EQ(render("<div id=r><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></div>", "r"),
            "a | b\nc | d");
}

TEST(TextRender, BrBreaksLinesAndTextAroundBlocksIsKept) {
  EXPECT_EQ(render("<div id=r>intro<p>para</p>tail<br>next</div>", "r"), "intro\n\npara\n\ntail\nnext");
}

TEST(TextRender, TrimEdgesDropsFurnitureLinesAroundProse) {
  std::vector<TextBlock> blocks = {
      {BlockKind::kParagraph, "3 Min Read", 0},
      {BlockKind::kHeading, "A lead heading", 0},
      {BlockKind::kParagraph, "This is a real paragraph of prose, with enough words in it.", 0},
      {BlockKind::kHeading, "What do you need to know?", 0},
      {BlockKind::kParagraph, "Another real paragraph of prose, long enough to count here.", 0},
      {BlockKind::kParagraph, "Share", 0},
      {BlockKind::kHeading, "Related", 0, 3},
  };
  trim_edges(blocks);
  ASSERT_EQ(blocks.size(), 4u);
  EXPECT_EQ(blocks.front().text, "A lead heading");
  EXPECT_EQ(blocks.back().text, "Another real paragraph of prose, long enough to count here.");
}

TEST(TextRender, TrimEdgesKeepsACardGridAroundALoneParagraph) {
  // A catalogue's cards (name, price, a specification each) above one
  // promotion paragraph: the cards outweigh the prose and are the content.
  std::vector<TextBlock> blocks;
  for (int i = 0; i < 12; ++i) {
    blocks.push_back({BlockKind::kListItem, "Headlamp model " + std::to_string(i), 0});
    blocks.push_back({BlockKind::kParagraph, "$49.95", 0});
    blocks.push_back({BlockKind::kParagraph, "400 lumens", 0});
  }
  blocks.push_back({BlockKind::kParagraph, "Get a gift card when you are approved for our card. Terms apply.", 0});
  blocks.push_back({BlockKind::kParagraph, "Apply now", 0});
  trim_edges(blocks);
  ASSERT_EQ(blocks.size(), 37u);
  EXPECT_EQ(blocks.front().text, "Headlamp model 0");
  EXPECT_EQ(blocks[2].text, "400 lumens");
  // The tail is a line: still trimmed.
  EXPECT_EQ(blocks.back().text, "Get a gift card when you are approved for our card. Terms apply.");
}

TEST(TextRender, TrimEdgesStillDropsAFewLinesOutweighingAShortText) {
  // A buy box of a few short lines above a one-paragraph description.
  std::vector<TextBlock> blocks = {
      {BlockKind::kParagraph, "No Reviews Yet", 0},
      {BlockKind::kParagraph, "Free shipping over $150", 0},
      {BlockKind::kParagraph, "Ships by March 10th", 0},
      {BlockKind::kParagraph, "A full-grain leather case that develops a patina over time, with metal buttons.", 0},
  };
  trim_edges(blocks);
  ASSERT_EQ(blocks.size(), 1u);
}

TEST(TextRender, CardControlsAreWholeLineLabelsOnly) {
  EXPECT_TRUE(is_card_control("Compare"));
  EXPECT_TRUE(is_card_control(" Quick View "));
  EXPECT_TRUE(is_card_control("Add to Wishlist"));
  EXPECT_TRUE(is_card_control("ADD TO CART"));
  EXPECT_TRUE(is_card_control("Choose options"));
  // A sort bar's label, alone or with its current choice.
  EXPECT_TRUE(is_card_control("Sort by:"));
  EXPECT_TRUE(is_card_control("Sort: Best Match"));
  EXPECT_TRUE(is_card_control("Filter & Sort"));
  EXPECT_FALSE(is_card_control("sort by priority"));
  // Names and sentences that merely contain such words stay.
  EXPECT_FALSE(is_card_control("Compare plans"));
  EXPECT_FALSE(is_card_control("How to compare headlamps"));
  EXPECT_FALSE(is_card_control("Add to cart to see the price"));
}

TEST(TextRender, DropCardControlsKeepsHeadings) {
  std::vector<TextBlock> blocks = {
      {BlockKind::kHeading, "Compare", 0, 2},
      {BlockKind::kParagraph, "Storm 500-R Headlamp", 0},
      {BlockKind::kParagraph, "Compare", 0},
      {BlockKind::kListItem, "Add to Cart", 0},
  };
  drop_card_controls(blocks);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[1].text, "Storm 500-R Headlamp");
}

TEST(TextRender, OrphanHeadingsGo) {
  std::vector<TextBlock> blocks = {
      {BlockKind::kHeading, "Intro", 0, 2},
      {BlockKind::kHeading, "Details", 0, 3},
      {BlockKind::kParagraph, "Text.", 0, 0},
      {BlockKind::kHeading, "Related Articles", 0, 2},
      {BlockKind::kHeading, "Next section", 0, 2},
      {BlockKind::kParagraph, "More text.", 0, 0},
      {BlockKind::kHeading, "You might like", 0, 3},
  };
  drop_orphan_headings(blocks);
  std::vector<std::string> texts;
  for (const auto& b : blocks) texts.push_back(b.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Intro", "Details", "Text.", "Next section", "More text."}));
}

TEST(TextRender, HeadingsThatAreSentencesAreNoOrphans) {
  // A landing page's cards: a label, then its description set in heading
  // type. Neither introduced a pruned box.
  std::vector<TextBlock> blocks = {
      {BlockKind::kHeading, "Live TV", 0, 2},
      {BlockKind::kHeading, "Discover. Watch. Repeat. Explore channels, packages and add-ons.", 0, 2},
      {BlockKind::kHeading, "StreamStore", 0, 2},
      {BlockKind::kHeading, "All your favorite streaming services at your fingertips, one bill.", 0, 2},
      // A related post's title is long but no sentence: an orphan still.
      {BlockKind::kHeading, "How to Choose the Best Streaming Service for Your Family in 2025", 0, 2},
      {BlockKind::kHeading, "Related Articles", 0, 2},
  };
  drop_orphan_headings(blocks);
  std::vector<std::string> texts;
  for (const auto& b : blocks) texts.push_back(b.text);
  EXPECT_EQ(texts, (std::vector<std::string>{
                       "Live TV", "Discover. Watch. Repeat. Explore channels, packages and add-ons.",
                       "StreamStore",
                       "All your favorite streaming services at your fingertips, one bill."}));
}

TEST(TextRender, OneHugeBlockIsCutRatherThanLost) {
  std::vector<TextBlock> blocks = {{BlockKind::kParagraph, "word word word word word", 0}};
  bool truncated = false;
  EXPECT_EQ(join_blocks(blocks, 12, &truncated), "word word");
  EXPECT_TRUE(truncated);
}

TEST(TextRender, OutputLimitCutsAtABlockBoundary) {
  std::vector<TextBlock> blocks = {{BlockKind::kParagraph, "aaaa", 0}, {BlockKind::kParagraph, "bbbb", 0}};
  bool truncated = false;
  EXPECT_EQ(join_blocks(blocks, 7, &truncated), "aaaa");
  EXPECT_TRUE(truncated);
}

std::string texts(const std::vector<TextBlock>& blocks) {
  std::string out;
  for (const TextBlock& b : blocks) out.append(b.text).append("|");
  return out;
}

TEST(TextRender, RepeatedRunOfBlocksIsDropped) {
  // A section printed twice (desktop and mobile copies): the second run goes.
  std::vector<TextBlock> blocks = {
      {BlockKind::kHeading, "Designed for every day of the year", 0, 2},
      {BlockKind::kParagraph, "We rethink what looks good, and build it to work well for life.", 0},
      {BlockKind::kParagraph, "Specifications follow below this line.", 0},
      {BlockKind::kHeading, "designed for every day of the  year", 0, 2},
      {BlockKind::kParagraph, "We rethink what looks good, and build it to work well for life.", 0},
  };
  drop_repeated_blocks(blocks);
  EXPECT_EQ(texts(blocks),
            "Designed for every day of the year|We rethink what looks good, and build it to work well for life.|"
            "Specifications follow below this line.|");
}

TEST(TextRender, RepeatedRunOfQuotesIsDropped) {
  // A testimonial marquee repeats its cards so they scroll without a gap.
  std::vector<TextBlock> blocks = {
      {BlockKind::kQuote, "Incredibly great source of information on health, every week.", 0},
      {BlockKind::kParagraph, "A listener, on the reviews page", 0},
      {BlockKind::kQuote, "Every episode has the capacity to change your life, truly.", 0},
      {BlockKind::kQuote, "Incredibly great source of information on health, every week.", 0},
      {BlockKind::kParagraph, "A listener, on the reviews page", 0},
      {BlockKind::kQuote, "Every episode has the capacity to change your life, truly.", 0},
  };
  drop_repeated_blocks(blocks);
  EXPECT_EQ(blocks.size(), 3u);
}

TEST(TextRender, RepeatedParagraphsOfAThreadAreDropped) {
  // A reply quoting an earlier post in a box no markup names; short lines
  // and list items repeat for real.
  std::vector<TextBlock> blocks = {
      {BlockKind::kParagraph, "My pump stopped working after the update, any idea why?", 0},
      {BlockKind::kParagraph, "Thanks, that worked!", 0},
      {BlockKind::kListItem, "Reset the controller after the firmware update.", 0},
      {BlockKind::kParagraph, "My  pump stopped working after the update, any idea why?", 0},
      {BlockKind::kParagraph, "Roll back the firmware, then reset the controller.", 0},
      {BlockKind::kParagraph, "Thanks, that worked!", 0},
      {BlockKind::kListItem, "Reset the controller after the firmware update.", 0},
  };
  drop_repeated_paragraphs(blocks);
  EXPECT_EQ(texts(blocks),
            "My pump stopped working after the update, any idea why?|Thanks, that worked!|"
            "Reset the controller after the firmware update.|"
            "Roll back the firmware, then reset the controller.|Thanks, that worked!|"
            "Reset the controller after the firmware update.|");
}

TEST(TextRender, SingleRepeatsListRunsAndCodeAreKept) {
  // A summary line repeated under its chapter, a plan's features listed
  // again under the next plan, short labels, code and table rows repeat for
  // real.
  std::vector<TextBlock> blocks = {
      {BlockKind::kListItem, "Learn how search engines find pages.", 0},
      {BlockKind::kListItem, "Learn how to write titles that rank.", 0},
      {BlockKind::kHeading, "Chapter one", 0, 2},
      {BlockKind::kParagraph, "Learn how search engines find pages.", 0},
      {BlockKind::kPre, "const response = await fetch(url);", 0},
      {BlockKind::kPre, "const response = await fetch(url);", 0},
      {BlockKind::kTableRow, "Our guarantee for all plans | Yes | Yes", 0},
      {BlockKind::kTableRow, "Our guarantee for all plans | Yes | Yes", 0},
      {BlockKind::kParagraph, "Add to cart", 0},
      {BlockKind::kParagraph, "Add to cart", 0},
      {BlockKind::kListItem, "Learn how search engines find pages.", 0},
      {BlockKind::kListItem, "Learn how to write titles that rank.", 0},
  };
  const std::size_t before = blocks.size();
  drop_repeated_blocks(blocks);
  EXPECT_EQ(blocks.size(), before);
}

TEST(TextRender, RepeatedLongParagraphOnItsOwnIsKept) {
  // Synthetic pages and quotes repeat one paragraph; it is not a copied section.
  const std::string para(220, 'x');
  std::vector<TextBlock> blocks = {
      {BlockKind::kParagraph, para, 0},
      {BlockKind::kParagraph, "I agree with this completely.", 0},
      {BlockKind::kQuote, para, 0},
  };
  drop_repeated_blocks(blocks);
  EXPECT_EQ(blocks.size(), 3u);
}

TEST(TextRender, CopyJoinedByShortLinesIsDropped) {
  // A shop's description printed twice in a row (desktop and mobile): a
  // short line between the copied paragraphs is part of the copy. A
  // paragraph of sentences without a final stop is prose too.
  const std::vector<TextBlock> section = {
      {BlockKind::kParagraph, "Make each cup of tea or coffee feel special. A wheel thrown, matte textured vessel in a speckled finish with a clear glaze", 0},
      {BlockKind::kParagraph, "Handmade stoneware.", 0},
      {BlockKind::kParagraph, "Size: approx. 9.5 x 13 x 7cm", 0},
      {BlockKind::kParagraph, "Volume: approx. 350ml", 0},
  };
  std::vector<TextBlock> blocks = section;
  blocks.insert(blocks.end(), section.begin(), section.end());
  drop_repeated_blocks(blocks);
  EXPECT_EQ(blocks.size(), section.size());
}

TEST(TextRender, FarCopyIsNotJoinedByShortLines) {
  // A manual repeats an instruction and a label in each language's tab,
  // sections apart: the short label joins no run there, and the single
  // repeated paragraphs on either side of it stay.
  std::vector<TextBlock> blocks = {
      {BlockKind::kParagraph, "In a new terminal window, run the following command to start the tunnel.", 0},
      {BlockKind::kParagraph, "Warning", 0},
      {BlockKind::kParagraph, "Click the phone number that the service gave you, then open its settings.", 0},
  };
  for (int k = 0; k < 6; ++k) blocks.push_back({BlockKind::kPre, "step " + std::to_string(k), 0});
  blocks.insert(blocks.end(), blocks.begin(), blocks.begin() + 3);
  const std::size_t before = blocks.size();
  drop_repeated_blocks(blocks);
  EXPECT_EQ(blocks.size(), before);
}

TEST(TextRender, LineNumbersJoinNoCopy) {
  // A code listing drawn as numbered lines, shown again for another
  // language: the numbers are no copied text.
  std::vector<TextBlock> blocks = {
      {BlockKind::kParagraph, "1", 0},
      {BlockKind::kParagraph, "Create a new file in the project directory. Paste the following code:", 0},
      {BlockKind::kParagraph, "2", 0},
      {BlockKind::kParagraph, "Save your changes. Then run this command from your terminal, in that folder.", 0},
      {BlockKind::kParagraph, "1", 0},
      {BlockKind::kParagraph, "Create a new file in the project directory. Paste the following code:", 0},
      {BlockKind::kParagraph, "2", 0},
      {BlockKind::kParagraph, "Save your changes. Then run this command from your terminal, in that folder.", 0},
  };
  drop_repeated_blocks(blocks);
  EXPECT_EQ(blocks.size(), 8u);
}

TEST(TextRender, HtmlStaysWithinTheOutputLimitOnceClosed) {
  // Every cut must leave room for the closing </ul> or </table> and </div>.
  Indexed t("<div id=r><p>Intro paragraph.</p><ul><li>one item</li><li>two item</li><li>three</li></ul>"
            "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></div>");
  std::vector<bool> pruned(t.index->size(), false);
  const auto blocks = collect_blocks(*t.index, t.features, pruned, t.by_id("r"));
  bool truncated = false;
  const std::string full = join_html(*t.index, blocks, 1 << 20, &truncated);
  EXPECT_FALSE(truncated);
  for (std::size_t limit = 0; limit <= full.size(); ++limit) {
    truncated = false;
    const std::string html = join_html(*t.index, blocks, limit, &truncated);
    EXPECT_LE(html.size(), limit) << limit;
    EXPECT_EQ(truncated, html != full) << limit;
    if (!html.empty()) {
      EXPECT_TRUE(html.starts_with("<div>") && html.ends_with("</div>")) << html;
    }
  }
}

}  // namespace thresher::output
