// Stage 3: a flat, read-only index of the parsed tree in document order.
// Every traversal after parsing walks this vector (iteratively): node i's
// subtree is [i, end). Annotations of later stages live in side vectors
// indexed like it.
#pragma once

#include <gumbo.h>

#include <array>
#include <cassert>
#include <cstdint>
#include <string_view>
#include <vector>

#include "util/deadline.h"

namespace thresher::dom {

// Every attribute a stage reads (through NodeIndex::attr and has_attr, and
// the index's own hidden check). The pre-scan drops all others before
// parsing: gumbo spends per byte of attribute value, and data-*, srcset and
// the like are a third of a page's markup. Reading an attribute not listed
// here fails an assertion in debug builds. Of style values the index holds
// only those that hide (see attributes_read.h).
inline constexpr std::string_view kAttributesRead[] = {
    "alt",      "aria-hidden", "aria-labelledby", "class", "content", "datetime",
    "hidden",   "href",        "http-equiv",      "id",    "itemprop", "lang",
    "name",     "popover",     "property",        "rel",   "role",    "src",
    "style",    "type",        "value",           "xml:lang"};
bool is_read_attribute(std::string_view name) noexcept;
static_assert(std::size(kAttributesRead) <= 32, "Node::attributes has one bit per read attribute");

// Attribute lookups run for most elements of a page, so a name finds its
// slot in kAttributesRead by a small hash (length, first and last byte) and
// one comparison instead of a scan of the list.
namespace attribute_slots {
constexpr std::size_t kBuckets = 64;
constexpr std::size_t bucket(std::string_view name) noexcept {
  return name.empty() ? 0
                      : (name.size() * 7 + static_cast<unsigned char>(name.front()) * 6 +
                         static_cast<unsigned char>(name.back()) * 2) % kBuckets;
}
constexpr std::array<std::int8_t, kBuckets> make_table() {
  std::array<std::int8_t, kBuckets> table{};
  table.fill(-1);
  for (std::size_t k = 0; k < std::size(kAttributesRead); ++k) {
    std::int8_t& cell = table[bucket(kAttributesRead[k])];
    if (cell != -1) throw "two read attributes share a bucket: change bucket()";
    cell = static_cast<std::int8_t>(k);
  }
  return table;
}
inline constexpr std::array<std::int8_t, kBuckets> kTable = make_table();
}  // namespace attribute_slots

// kAttributesRead's position of `name`, or -1.
constexpr int read_attribute_slot(std::string_view name) noexcept {
  const int slot = attribute_slots::kTable[attribute_slots::bucket(name)];
  return slot >= 0 && kAttributesRead[static_cast<std::size_t>(slot)] == name ? slot : -1;
}

inline constexpr std::uint32_t kNoNode = 0xFFFFFFFFu;

enum NodeFlag : std::uint8_t {
  kText = 1 << 0,        // a text node (else an element)
  kHidden = 1 << 1,      // hidden attribute, aria-hidden, display:none (inherited)
  kInLink = 1 << 2,      // has an <a href> ancestor (or is one)
  kWhitespace = 1 << 3,  // text node with nothing visible
  kSkipped = 1 << 4,     // script/style/template/...: kept as a leaf, never rendered
};

struct Node {
  const GumboNode* gumbo = nullptr;
  std::uint32_t parent = kNoNode;
  std::uint32_t end = 0;          // one past the last node of this subtree
  std::uint32_t text_chars = 0;   // visible characters in the subtree
  std::uint32_t link_chars = 0;   // ... of which inside links
  // Elements: bit k set when the element has kAttributesRead[k], so that the
  // many lookups of absent attributes never scan gumbo's list. Text nodes:
  // the byte length of the text, so that reading it needs no strlen.
  union {
    std::uint32_t attributes = 0;
    std::uint32_t text_bytes;
  };
  std::uint16_t depth = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN for text nodes
  std::uint8_t flags = 0;

  bool is_text() const noexcept { return flags & kText; }
  bool is_element() const noexcept { return !(flags & kText); }
};

// An inline style that hides its element ("display: none",
// "visibility:hidden"): the index's hidden check, and the pre-scan's test
// of which style attributes to keep.
bool style_hides(std::string_view style);

// A class attribute naming a tab or accordion panel: hidden until a click,
// but part of what the page says (also an expander's extra text, a tab's
// content and an FAQ's answer in BEM spelling: "tab__content", "faq__answer").
inline constexpr const char* kDisclosurePanelClass =
    R"((?i)(?:^|[\s_-])(?:accordion|collapse|collapsible|expander-content|tab-?pane|tab-?panel|tabs-panel|tab__content|faq__answer|faq-answer)(?:$|[\s_-]))";
bool names_disclosure_panel(std::string_view class_attr);

struct NodeIndexLimits {
  std::size_t max_nodes;
  std::size_t max_depth;
  // False: hidden attributes and styles are ignored (kHidden never set).
  bool honor_hidden = true;
};

class NodeIndex {
 public:
  // Indexes everything under `root` (the <html> element). Elements deeper
  // than max_depth are flattened into their ancestor at that depth.
  NodeIndex(const GumboNode* root, NodeIndexLimits limits, Deadline& deadline);

  const std::vector<Node>& nodes() const noexcept { return nodes_; }
  const Node& operator[](std::uint32_t i) const noexcept { return nodes_[i]; }
  std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(nodes_.size()); }
  bool truncated() const noexcept { return truncated_; }
  std::uint32_t body() const noexcept { return body_; }  // kNoNode when absent

  // Text of a text node (as gumbo decoded it), "" for elements.
  std::string_view text(std::uint32_t i) const noexcept;
  // Attribute value of an element, "" when absent. Both are inline: they
  // run for most elements, mostly with a literal name whose slot the
  // compiler then finds once, and most lookups end at the bit test.
  std::string_view attr(std::uint32_t i, std::string_view name) const noexcept {
    return has_attr(i, name) ? present_attr(i, name) : std::string_view();
  }
  bool has_attr(std::uint32_t i, std::string_view name) const noexcept {
    const int slot = read_attribute_slot(name);
    assert(slot >= 0);
    const Node& n = nodes_[i];
    return slot >= 0 && n.is_element() && (n.attributes & (std::uint32_t{1} << slot));
  }
  // The subtree's text with white space collapsed (skipping hidden and
  // skipped nodes).
  std::string text_content(std::uint32_t i) const;
  // "tag#id.class" path from <body>, for diagnostics.
  std::string path(std::uint32_t i) const;

 private:
  // The value of an attribute that has_attr says element i has.
  std::string_view present_attr(std::uint32_t i, std::string_view name) const noexcept;

  std::vector<Node> nodes_;
  std::uint32_t body_ = kNoNode;
  bool truncated_ = false;
};

// The next sibling of `i` that is an element with text, or kNoNode when
// there is none or visible text comes between.
std::uint32_t next_element_sibling(const NodeIndex& index, std::uint32_t i);

// True when a text node of i's subtree holds an ASCII digit (hidden and
// skipped ones too): when false, text_content(i) holds none either, and a
// caller looking for numbers (dates) need not build it.
bool subtree_has_digit(const NodeIndex& index, std::uint32_t i) noexcept;

// Elements whose content is never text a reader sees.
bool is_skipped_tag(GumboTag tag) noexcept;
// Elements that start a new block of text (a line or paragraph of output).
bool is_block_tag(GumboTag tag) noexcept;
bool is_heading_tag(GumboTag tag) noexcept;

}  // namespace thresher::dom
