#include "output/text_render.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include <re2/re2.h>

#include "dom/text_util.h"

namespace thresher::output {
namespace {

// Shorter blocks repeat for real (labels, prices, "Read more").
constexpr std::size_t kMinRepeatedChars = 20;
// A paragraph this long, repeated with its neighbour, is a copy of a
// section whether or not it ends in a full stop (a shop's description
// lines often do not: "A wheel thrown, matte vessel with a clear glaze").
constexpr std::size_t kMinCopiedParagraphChars = 100;
// Blocks at most between the end of a run and a copy of it that short
// lines join (see drop_repeated_blocks).
constexpr std::size_t kMaxBridgedCopyGap = 3;
// On a thread, shorter lines repeat for real ("Thanks, that worked!").
constexpr std::size_t kMinRepeatedParagraphChars = 40;

BlockKind kind_of(GumboTag tag) {
  if (dom::is_heading_tag(tag)) return BlockKind::kHeading;
  switch (tag) {
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: return BlockKind::kListItem;
    case GUMBO_TAG_TR: return BlockKind::kTableRow;
    case GUMBO_TAG_PRE: return BlockKind::kPre;
    case GUMBO_TAG_BLOCKQUOTE: return BlockKind::kQuote;
    default: return BlockKind::kParagraph;
  }
}

// Cleans a finished block: trims each line, drops empty lines (except in <pre>).
std::string finish_text(std::string_view raw, BlockKind kind) {
  if (kind == BlockKind::kPre) {
    while (!raw.empty() && (raw.back() == '\n' || raw.back() == ' ')) raw.remove_suffix(1);
    std::size_t start = 0;
    while (start < raw.size() && raw[start] == '\n') ++start;
    return std::string(raw.substr(start));
  }
  std::string out;
  out.reserve(raw.size());
  std::size_t pos = 0;
  while (pos <= raw.size()) {
    std::size_t nl = raw.find('\n', pos);
    if (nl == std::string_view::npos) nl = raw.size();
    const std::string_view line = text::trim(raw.substr(pos, nl - pos));
    if (!line.empty()) {
      if (!out.empty()) out.push_back('\n');
      out.append(line);
    }
    pos = nl + 1;
  }
  return out;
}

// A "real" paragraph: long enough and punctuated like prose.
bool is_prose(const TextBlock& b) {
  return b.kind != BlockKind::kHeading && text::visible_length(b.text) >= 50 &&
         text::ends_with_sentence_punctuation(b.text);
}

// A letter (ASCII, or any non-ASCII character: most are letters of other
// scripts), not only digits and signs ("1", "$20").
bool holds_letter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
  });
}

// A full stop, question or exclamation mark followed by a space: sentences
// (a code line of that length rarely holds one).
bool holds_sentence_break(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ') return true;
  }
  return false;
}

bool is_edge_furniture(const TextBlock& b) {
  return b.kind != BlockKind::kHeading && b.kind != BlockKind::kPre &&
         text::visible_length(b.text) < 40 && !text::ends_with_sentence_punctuation(b.text);
}

// A heading that is a sentence of text, long and ending in a full stop: a
// label introducing a box is a few words ("Related Articles", "You might
// also like"), and the titles of related posts end without one.
constexpr std::size_t kMinTextHeadingChars = 50;
bool is_text_heading(const TextBlock& b) {
  return text::visible_length(b.text) >= kMinTextHeadingChars &&
         text::ends_with_sentence_punctuation(b.text);
}

}  // namespace

void drop_orphan_headings(std::vector<TextBlock>& blocks) {
  std::vector<TextBlock> kept;
  kept.reserve(blocks.size());
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (blocks[k].kind == BlockKind::kHeading && blocks[k].level > 0 && !is_text_heading(blocks[k])) {
      // The next block is a heading of the same or a higher rank (or there
      // is none): this heading introduced something that was pruned. Not
      // when that heading is a sentence: landing pages set a card's
      // description in heading type too ("Live TV" / "Discover. Watch.
      // Repeat. Explore channels…"), and then the label introduces it.
      const bool last = k + 1 == blocks.size();
      const bool superseded = !last && blocks[k + 1].kind == BlockKind::kHeading &&
                              blocks[k + 1].level > 0 && blocks[k + 1].level <= blocks[k].level &&
                              !is_text_heading(blocks[k + 1]);
      if (last || superseded) continue;
    }
    kept.push_back(std::move(blocks[k]));
  }
  blocks = std::move(kept);
}

std::vector<TextBlock> collect_blocks(const dom::NodeIndex& index,
                                      const std::vector<content::NodeFeatures>& features,
                                      const std::vector<bool>& pruned, std::uint32_t root,
                                      const InlineStyle& style) {
  std::vector<TextBlock> blocks;
  if (root == dom::kNoNode) return blocks;
  struct Open {
    std::uint32_t end;
    std::uint32_t node;
    bool block;
  };
  std::vector<Open> open;  // elements entered and not yet left
  std::string current;
  BlockKind current_kind = BlockKind::kParagraph;
  std::uint32_t current_node = root;
  int pre_depth = 0;

  auto flush = [&] {
    // Read, not moved from: `current` keeps its buffer for the next block
    // (finish_text copies anyway) instead of growing one again from empty.
    std::string t = finish_text(current, current_kind);
    current.clear();
    if (!t.empty()) {
      const GumboTag tag = index[current_node].tag;
      const std::uint8_t level =
          dom::is_heading_tag(tag) ? static_cast<std::uint8_t>(tag - GUMBO_TAG_H1 + 1) : 0;
      blocks.push_back({current_kind, std::move(t), current_node, level});
    }
  };
  // The innermost open block decides the kind of the text that follows.
  auto enclosing_block = [&]() -> std::uint32_t {
    for (auto it = open.rbegin(); it != open.rend(); ++it) {
      if (it->block) return it->node;
    }
    return root;
  };

  // Markdown inline marks: opened on entering an element, closed on leaving.
  auto mark_of = [&](std::uint32_t i) -> std::string_view {
    switch (index[i].tag) {
      case GUMBO_TAG_STRONG: case GUMBO_TAG_B: return style.emphasis ? "**" : "";
      case GUMBO_TAG_EM: case GUMBO_TAG_I: return style.emphasis ? "*" : "";
      case GUMBO_TAG_CODE: return style.emphasis && pre_depth == 0 ? "`" : "";
      default: return "";
    }
  };
  auto is_link = [&](std::uint32_t i) {
    return style.links && index[i].tag == GUMBO_TAG_A && !index.attr(i, "href").empty() &&
           index[i].text_chars > 0;
  };
  auto open_mark = [&](std::uint32_t i) {
    if (is_link(i)) {
      current.append("[");
    } else if (const std::string_view m = mark_of(i); !m.empty() && index[i].text_chars > 0) {
      current.append(m);
    }
  };
  auto close_mark = [&](std::uint32_t i) {
    if (!style.emphasis && !style.links) return;
    auto trim_right = [&] {
      while (!current.empty() && current.back() == ' ') current.pop_back();
    };
    if (is_link(i)) {
      trim_right();
      current.append("](").append(text::trim(index.attr(i, "href"))).append(")");
    } else if (const std::string_view m = mark_of(i); !m.empty() && index[i].text_chars > 0) {
      trim_right();
      current.append(m);
    }
  };

  const std::uint32_t end = index[root].end;
  for (std::uint32_t i = root; i <= end; ++i) {
    // Leave the elements that end here.
    while (!open.empty() && open.back().end <= i) {
      const Open left = open.back();
      open.pop_back();
      if (index[left.node].tag == GUMBO_TAG_PRE) --pre_depth;
      close_mark(left.node);
      if (left.block) {
        flush();
        const std::uint32_t b = enclosing_block();
        current_kind = kind_of(index[b].tag);
        current_node = b;
      }
    }
    if (i == end) break;
    const dom::Node& node = index[i];
    if (pruned[i] || (node.flags & (dom::kHidden | dom::kSkipped))) {
      i = node.end - 1;
      continue;
    }
    if (node.is_text()) {
      const std::string_view t = index.text(i);
      if (pre_depth > 0) {
        current.append(t);
      } else {
        text::append_collapsed(current, t);
      }
      continue;
    }
    const GumboTag tag = node.tag;
    bool block = dom::is_block_tag(tag);
    // Table cells without blocks inside are inline parts of their row.
    if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && !features[i].has_block_child) {
      block = false;
      if (!text::trim(current).empty()) current.append(" | ");
    }
    if (tag == GUMBO_TAG_BR) {
      current.push_back('\n');
    } else if (tag == GUMBO_TAG_IMG && style.images && !index.attr(i, "src").empty()) {
      current.append(" ![").append(text::collapse_whitespace(index.attr(i, "alt")))
          .append("](").append(text::trim(index.attr(i, "src"))).append(") ");
    }
    if (block) {
      flush();
      current_kind = kind_of(tag);
      current_node = i;
    }
    if (tag == GUMBO_TAG_PRE) ++pre_depth;
    if (!block) open_mark(i);
    open.push_back({node.end, i, block});
  }
  flush();
  return blocks;
}

void trim_edges(std::vector<TextBlock>& blocks) {
  std::size_t first = blocks.size(), last = 0;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (is_prose(blocks[k])) {
      if (first == blocks.size()) first = k;
      last = k;
    }
  }
  if (first == blocks.size()) return;  // no prose: nothing to anchor on
  // Around an article's text the edges are a few lines (a byline, "Share").
  // An edge holding more text than the prose between them is no such
  // frame: it is a card grid's names, prices and specifications, the prose
  // a promotion tile among the cards or the category's SEO text below them.
  // A buy box's dozen lines (price, options, shipping) above a product's
  // description stay furniture: a grid has more lines than that.
  constexpr std::size_t kMinGridLines = 30;
  std::size_t head_chars = 0, body_chars = 0, tail_chars = 0;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const std::size_t n = text::visible_length(blocks[k].text);
    (k < first ? head_chars : k > last ? tail_chars : body_chars) += n;
  }
  const std::size_t tail_lines = blocks.size() - 1 - last;
  const bool trim_head = first < kMinGridLines || head_chars < body_chars;
  const bool trim_tail = tail_lines < kMinGridLines || tail_chars < body_chars;
  std::vector<TextBlock> kept;
  kept.reserve(blocks.size());
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    // Lists and tables after the body are content (steps, specifications);
    // before it, short list items are meta lines ("By ...", "3 min read").
    const bool trailing_structure = k > last && (blocks[k].kind == BlockKind::kListItem ||
                                                 blocks[k].kind == BlockKind::kTableRow);
    const bool outside = (k < first && trim_head) || (k > last && trim_tail && !trailing_structure);
    if (outside && is_edge_furniture(blocks[k])) continue;
    kept.push_back(std::move(blocks[k]));
  }
  blocks = std::move(kept);
  drop_orphan_headings(blocks);
}

bool is_card_control(std::string_view text) {
  // A shop card's buttons drawn as links or spans (a <button> is not read):
  // the whole line is the label. Longer lines are names and blurbs.
  constexpr std::size_t kMaxControlChars = 28;
  if (text.size() > kMaxControlChars) return false;
  static const RE2 kPattern(
      R"((?i)\s*(?:compare|add to compare|quick ?(?:view|shop|add)|view details|)"
      R"(add to (?:cart|bag|basket|wish ?list|favou?rites)|(?:choose|select) options|)"
      // A catalogue's sort bar: the label, or the label and its current
      // choice after a colon ("Sort: Best Match"); "sort by priority"
      // without a colon is a sentence.
      R"(filters? (?:&|and) sort|sort(?: by)?\s*:?|sort(?: by)?\s*:[^.:]{1,20})\s*)");
  return RE2::FullMatch(text, kPattern);
}

void drop_card_controls(std::vector<TextBlock>& blocks) {
  std::erase_if(blocks, [](const TextBlock& b) {
    return b.kind != BlockKind::kHeading && b.kind != BlockKind::kPre && is_card_control(b.text);
  });
}

void drop_repeated_blocks(std::vector<TextBlock>& blocks) {
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  // original[k]: the index of the first block with block k's text, when k
  // is a later copy of it; kNone otherwise.
  std::vector<std::size_t> original(blocks.size(), kNone);
  // Copies have the same visible length, so only blocks that share their
  // length with another are normalised and compared: most blocks are unique
  // in length, and normalising every block cost more than the rest of the
  // output stage.
  std::vector<std::size_t> length(blocks.size(), 0);
  std::unordered_map<std::size_t, int> blocks_of_length;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const TextBlock& b = blocks[k];
    if (b.kind == BlockKind::kPre || b.kind == BlockKind::kTableRow) continue;
    length[k] = text::visible_length(b.text);
    if (length[k] >= kMinRepeatedChars) ++blocks_of_length[length[k]];
  }
  std::unordered_map<std::string, std::size_t> first;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (length[k] < kMinRepeatedChars || blocks_of_length[length[k]] < 2) continue;
    const auto [it, fresh] =
        first.try_emplace(text::to_lower_utf8(text::collapse_whitespace(blocks[k].text)), k);
    if (!fresh) original[k] = it->second;
  }
  std::vector<bool> bridged(blocks.size(), false);
  // A short block right after a copy that repeats the block right after
  // its original ("Handmade stoneware." between two copied paragraphs) is
  // part of the copied run, not a break in it, when the copy follows its
  // original closely (a shop's desktop and mobile copies of a description;
  // a manual's tabs repeat instructions sections apart, and keep them) and
  // holds two copies of longer blocks.
  for (std::size_t k = 1; k < blocks.size(); ++k) {
    const std::size_t next = original[k - 1] == kNone ? kNone : original[k - 1] + 1;
    if (original[k] != kNone || next == kNone || next >= k || length[k] >= kMinRepeatedChars ||
        blocks[k].kind != blocks[next].kind || blocks[k].kind == BlockKind::kPre ||
        blocks[k].kind == BlockKind::kTableRow || !holds_letter(blocks[k].text)) {
      continue;  // line numbers of a code listing ("1", "2") do not join runs
    }
    if (text::to_lower_utf8(text::collapse_whitespace(blocks[k].text)) ==
        text::to_lower_utf8(text::collapse_whitespace(blocks[next].text))) {
      original[k] = next;
      bridged[k] = true;
    }
  }
  // Blocks a and a + 1 are copies of two blocks that also follow each other.
  auto copied_pair = [&](std::size_t a) {
    return original[a] != kNone && original[a + 1] != kNone && original[a + 1] == original[a] + 1;
  };
  // A copied run goes when it holds prose (paragraphs or quotes: a
  // testimonial marquee's cloned cards): runs of list items and short
  // lines repeat for real (a pricing plan lists the features of the plan
  // below it).
  std::vector<bool> drop(blocks.size(), false);
  for (std::size_t k = 0; k + 1 < blocks.size();) {
    if (!copied_pair(k)) {
      ++k;
      continue;
    }
    std::size_t last = k + 1;
    while (last + 1 < blocks.size() && copied_pair(last)) ++last;
    bool prose = false;
    std::size_t long_copies = 0;
    bool joined = false;
    for (std::size_t j = k; j <= last; ++j) {
      const bool text = blocks[j].kind == BlockKind::kParagraph || blocks[j].kind == BlockKind::kQuote;
      prose = prose || (text && (is_prose(blocks[j]) || (length[j] >= kMinCopiedParagraphChars &&
                                                         holds_sentence_break(blocks[j].text))));
      if (length[j] >= kMinRepeatedChars) ++long_copies;
      joined = joined || bridged[j];
    }
    if (joined && k > original[last] + 1 + kMaxBridgedCopyGap) {
      // A copy far from its original: its short lines are no part of it;
      // the run is read again, split at them.
      for (std::size_t j = k; j <= last; ++j) {
        if (bridged[j]) original[j] = kNone;
      }
      continue;
    }
    prose = prose && long_copies >= 2;
    if (prose) std::fill(drop.begin() + static_cast<std::ptrdiff_t>(k),
                         drop.begin() + static_cast<std::ptrdiff_t>(last) + 1, true);
    k = last + 1;
  }
  std::vector<TextBlock> kept;
  kept.reserve(blocks.size());
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    if (!drop[k]) kept.push_back(std::move(blocks[k]));
  }
  blocks = std::move(kept);
}

void drop_repeated_paragraphs(std::vector<TextBlock>& blocks) {
  std::unordered_map<std::string, std::size_t> seen;
  std::vector<TextBlock> kept;
  kept.reserve(blocks.size());
  for (TextBlock& b : blocks) {
    const bool text = b.kind == BlockKind::kParagraph || b.kind == BlockKind::kQuote;
    if (text && text::visible_length(b.text) >= kMinRepeatedParagraphChars &&
        !seen.try_emplace(text::to_lower_utf8(text::collapse_whitespace(b.text)), 0).second) {
      continue;
    }
    kept.push_back(std::move(b));
  }
  blocks = std::move(kept);
}

std::string join_blocks(const std::vector<TextBlock>& blocks, std::size_t max_bytes,
                        bool* truncated) {
  std::string out;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const TextBlock& b = blocks[k];
    std::string_view sep;
    if (k > 0) {
      const TextBlock& prev = blocks[k - 1];
      const bool same_list = b.kind == prev.kind &&
                             (b.kind == BlockKind::kListItem || b.kind == BlockKind::kTableRow);
      sep = same_list ? "\n" : "\n\n";
    }
    if (out.size() + sep.size() + b.text.size() > max_bytes) {
      if (truncated) *truncated = true;
      if (out.empty()) {
        // One block larger than the limit (a 50 MB text node): cut it at
        // white space, at a character boundary, rather than return nothing.
        std::string_view head = text::utf8_prefix(b.text, max_bytes);
        const std::size_t space = head.find_last_of(" \n");
        if (space != std::string_view::npos && space > head.size() / 2) head = head.substr(0, space);
        out.append(head);
      }
      break;
    }
    out.append(sep).append(b.text);
  }
  return out;
}

}  // namespace thresher::output
