// Stage 4a: per-node features for main-content selection. Text is grouped
// into blocks (the nearest block-level ancestor of each text node); each
// block gets a value (prose counts for, links and furniture against), and
// every element gets the sum of the values in its subtree.
#pragma once

#include <cstdint>
#include <vector>

#include "content/element_rules.h"
#include "content/rules.h"
#include "dom/node_index.h"

namespace thresher::content {

struct NodeFeatures {
  RuleMask rules = 0;            // rules this element matched itself
  float block_value = 0;         // value of this node's own block text
  float subtree_value = 0;       // sum of block values in the subtree
  std::uint32_t punctuation = 0; // sentence punctuation in own block text
  std::uint32_t block_chars = 0; // visible chars of own block text
  std::uint32_t block_link_chars = 0;
  bool boilerplate = false;      // inside an element a boilerplate rule removed
  bool has_block_child = false;  // some descendant element is block-level
  bool teaser = false;           // the root of a teaser card (teasers.h)
  // Some block in the subtree is a paragraph of prose (at least 80 chars,
  // punctuated, at most half linked, not furniture).
  bool holds_paragraph = false;
  // Some element in the subtree (or this one) is a heading <h1>-<h6>.
  bool holds_heading = false;
  // Text of the subtree inside card links: links wrapping a heading and a
  // description of their own (is_card_link), a feature grid's tiles.
  std::uint32_t card_chars = 0;
};

// A card drawn as one link: the title a heading, then at least this much
// more text (a description, not a date or a "Read more").
constexpr std::uint32_t kMinCardDescriptionChars = 40;

// A paragraph of prose in a block's own text: at least 80 chars,
// punctuated, at most half linked, not furniture.
inline bool is_prose_paragraph(const NodeFeatures& f) {
  return !f.boilerplate && f.block_chars >= 80 && f.punctuation > 0 &&
         2 * f.block_link_chars < f.block_chars;
}

// Weights of the block value. Documented here because tuning happens here.
struct BlockWeights {
  // Per link character. Negative in link-list mode (listings, catalogues,
  // link directories), where long link texts are the content.
  float link_penalty = 1.5f;
  float block_overhead = 3.0f;  // per block: many tiny blocks add up to little
  // Per character inside furniture. Small: furniture inside the chosen
  // container is pruned anyway, so it should not push selection away from
  // a post whose comments sit next to its paragraphs.
  float boilerplate_penalty = 0.25f;
  // A class/id boilerplate rule is ignored on an element holding more than
  // this share of the page's prose; on an <aside> only above
  // semantic_wrapper_share (unclosed <aside>s swallow pages) (e.g. <div class="page has-sidebar"> wrapping it all).
  float wrapper_share = 0.5f;
  // Discussion pages (forums, Q&A): replies are the content, not furniture.
  bool comments_are_content = false;
  float semantic_wrapper_share = 0.8f;
  // A page declaring a product (page_type.h, sells_product): its
  // kShopFurniture elements (customer reviews) are furniture too, however
  // much prose they hold; reviews are long runs of unlinked text.
  bool shop_page = false;
  // A class/id rule is also ignored on an element with at least this much
  // prose and under 10% link text: furniture is not long running text.
  float furniture_max_prose = 1500.f;
  // Look for teaser cards (teasers.h: linked title, short excerpt, three or
  // more side by side); selection prunes those after the text.
  bool find_teasers = true;
};

// Weights for pages whose main content is a list of links.
inline BlockWeights link_list_weights() {
  BlockWeights w;
  w.link_penalty = -0.5f;
  w.boilerplate_penalty = 0.5f;  // link-heavy furniture must not win here
  w.find_teasers = false;  // a list of cards is what this mode reads
  return w;
}

// `rules` = match_elements(index, ...), computed once per index.
std::vector<NodeFeatures> compute_features(const dom::NodeIndex& index, const ElementRules& rules,
                                           const BlockWeights& weights = {});
// The same, matching the rules first (tests, one-off callers).
std::vector<NodeFeatures> compute_features(const dom::NodeIndex& index, const RuleMatcher& rules,
                                           const BlockWeights& weights = {});

// Whether element i comes right after a <button> (or a heading holding one)
// among its siblings: the panel an accordion's toggle opens.
bool follows_toggle_button(const dom::NodeIndex& index, std::uint32_t i) noexcept;

// Whether element i (at most 100 characters, shown) spells out for screen
// readers a hidden twin beside it: the visible text hidden from assistive
// technology, with letters or digits ("<del aria-hidden=true>$30</del><span
// class=screen-reader-text>Original price was: $30.00.</span>"). The index
// reads the twin as hidden, so these words are the only copy of what the
// page shows. An icon or a "×" beside a label voices a control ("Close",
// "Previous"): not a twin.
bool voices_hidden_twin(const dom::NodeIndex& index, std::uint32_t i);

// Whether element i is a <p> holding a sentence that links part of itself:
// at least four words of its own outside links and sentence punctuation at
// its end ("The industry is taking off, with <a>projections of $3.66
// billion by 2027</a>."). Mostly linked, but prose; a "Related: <a>...</a>"
// or "Read more: <a>...</a>" line has too few words of its own.
bool is_linked_sentence(const dom::NodeIndex& index, std::uint32_t i);

// The element whose own text is grouped with text node / inline element i.
std::uint32_t block_of(const dom::NodeIndex& index, std::uint32_t i) noexcept;

}  // namespace thresher::content
