// A landing page opens with a hero box: its headline (<h1>) and a lead
// paragraph or two, often with a button ("Start your free trial"). Page
// builders put it in a section of its own, beside the sections of the
// page's text, and it is too short to win or to join on its value: the text
// is then chosen without its opening lines. Found by its place and size.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "content/blocks.h"
#include "dom/node_index.h"

namespace thresher::content {

struct HeroLimits {
  std::uint32_t max_hero_chars = 600;  // a headline and a lead, not a section of text
  int max_climb = 6;                   // ancestors of the container looked at
};

struct Hero {
  std::uint32_t ancestor = dom::kNoNode;  // holds the hero and the container
  std::uint32_t box = dom::kNoNode;       // the ancestor's child holding the hero's <h1>
};

// The hero box of the text chosen in `container`: the first shown <h1>
// outside furniture, when it comes before the container (which holds no
// <h1> of its own: else the earlier one is a logo's or a banner's, unless
// it spells the page's `title`: the headline, the container's <h1>s being
// section headings or a repeat of it) and a
// close ancestor of the container holds it in a child of at most
// max_hero_chars, mostly unlinked, with a lead (a paragraph of prose, or a
// block of 30+ characters holding a sentence mark). Not found: both
// members kNoNode.
Hero find_hero(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
               std::uint32_t container, std::string_view title = {},
               const HeroLimits& limits = {});

}  // namespace thresher::content
