// Shops and publishers label paid placements among their own: a product
// card or a teaser marked "Sponsored", "Promoted", "Advertisement". The
// label is furniture, and so is the card it marks: an advertiser's item,
// not the page's. Found by the label, a short element of that one word.
#pragma once

#include <cstdint>
#include <vector>

#include "dom/node_index.h"

namespace thresher::content {

struct AdCardLimits {
  std::uint32_t max_label_chars = 16;  // "Advertisement", "Sponsorisé"
  std::uint32_t max_card_chars = 300;  // a card: a name, a price, a line; not a section
};

// The elements inside `container` (not holding `keep`, the text's own
// best block) to prune for the ad labels in it: for each label, its
// outermost ancestor of at most max_card_chars that holds a link (the card),
// else the label alone. In document order, none inside another.
std::vector<std::uint32_t> ad_cards(const dom::NodeIndex& index, std::uint32_t container,
                                    std::uint32_t keep, const AdCardLimits& limits = {});

}  // namespace thresher::content
