// Stage 5: render the selected content as text. Paragraphs (and headings,
// tables, quotes) are separated by a blank line; list items and table rows
// sit on their own lines; <pre> keeps its white space.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/blocks.h"
#include "dom/node_index.h"

namespace thresher::output {

enum class BlockKind : std::uint8_t { kParagraph, kHeading, kListItem, kTableRow, kPre, kQuote };

struct TextBlock {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
  std::uint32_t node = 0;  // the element the block came from
  std::uint8_t level = 0;  // 1-6 for <h1>-<h6>, else 0
};

// Inline marks written into block text (Markdown output); all off for text.
struct InlineStyle {
  bool emphasis = false;  // **strong**, *em*, `code`
  bool links = false;     // [text](href)
  bool images = false;    // ![alt](src)
};

// Collects the text blocks of `root`'s subtree, skipping pruned subtrees.
std::vector<TextBlock> collect_blocks(const dom::NodeIndex& index,
                                      const std::vector<content::NodeFeatures>& features,
                                      const std::vector<bool>& pruned, std::uint32_t root,
                                      const InlineStyle& style = {});

// Drops furniture lines around the body: short, unpunctuated non-heading
// lines before the first and after the last real paragraph (kickers,
// datelines, "3 min read", "Share"), and headings left dangling at the end.
// A side of 30+ lines outweighing the text between is kept (a card grid).
void trim_edges(std::vector<TextBlock>& blocks);

// Drops headings followed by a heading of the same or a higher rank, or by
// nothing: they introduced a box that was pruned ("Related Articles").
// Headings that are a sentence (50 characters or more, ending in a full
// stop) are text in heading type, kept, and keep the label before them.
void drop_orphan_headings(std::vector<TextBlock>& blocks);

// A line that is a whole shop-card control label ("Compare", "Quick View",
// "Add to Cart", "Add to Wishlist", "View details", "Choose options"): the
// buttons of catalogue cards drawn as links or spans, never content; and a
// sort bar's label ("Sort by:", "Sort: Best Match", "Filter & Sort").
bool is_card_control(std::string_view text);
void drop_card_controls(std::vector<TextBlock>& blocks);

// Drops repeated copies: a run of two or more blocks that repeats an
// earlier run word for word (the desktop and mobile copies of one section)
// and holds a prose paragraph or quote (a testimonial marquee repeats its
// cards to scroll without a gap). A single repeated block is kept (summaries,
// FAQs and quotes repeat lines for real), and so are runs of list items
// (a pricing plan repeats the features of the plan below it), code and
// table rows. A short line (under 20 characters, with a letter) between
// copied blocks, repeating the line after its original's, is part of the
// run when the copy follows its original within three blocks (a shop's
// description shown twice in a row); further away it splits the run.
void drop_repeated_blocks(std::vector<TextBlock>& blocks);

// On a thread, a paragraph or quote of kMinRepeatedParagraphChars or more
// that repeats an earlier one word for word is a reply quoting that post
// (in a box no markup names: "Originally Posted by ..." in a <div>, a
// reply's preview of its parent): dropped, the first copy kept.
void drop_repeated_paragraphs(std::vector<TextBlock>& blocks);

// Joins blocks; the result is cut at a block boundary below max_bytes.
std::string join_blocks(const std::vector<TextBlock>& blocks, std::size_t max_bytes,
                        bool* truncated);

}  // namespace thresher::output
