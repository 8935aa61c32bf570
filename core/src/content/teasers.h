// Teaser cards: the "related posts", "more from the blog", "trending" boxes
// that follow an article, found by their shape rather than their name. Each
// card has a title that is a link of its own (a block of linked text) and a
// short unlinked excerpt; several cards with the same tag and class sit side
// by side. Their excerpts are prose, so without this they add value to any
// container that holds them and widen the choice past the article.
#pragma once

#include <cstdint>
#include <vector>

#include "content/blocks.h"
#include "dom/node_index.h"

namespace thresher::content {

struct TeaserLimits {
  std::uint32_t min_title_chars = 15;     // a linked block shorter than this is a label
  std::uint32_t max_excerpt_chars = 400;  // unlinked text of one card
  std::uint32_t min_cards = 3;            // cards of one tag and class side by side
  std::uint32_t max_scan_nodes = 64;      // nodes of a card searched for its title link
  std::uint32_t max_label_chars = 30;     // unlinked text before the title: a kicker, a date
};

// `features`: block_chars and block_link_chars filled (the rest is not
// read). Returns the cards found (elements), in document order. Linear in
// the number of nodes.
std::vector<std::uint32_t> find_teaser_cards(const dom::NodeIndex& index,
                                             const std::vector<NodeFeatures>& features,
                                             const TeaserLimits& limits = {});

}  // namespace thresher::content
