// A catalogue's product grid, found by its prices: the items of a shop's
// category page are cards of a name, a picture and a price, each block too
// small (and too linked) to outweigh a category blurb or an SEO text in the
// selection's values, while together they show most of the page's prices.
// The grid is the smallest element that holds at least half of them.
#pragma once

#include <cstdint>
#include <vector>

#include "content/blocks.h"
#include "dom/node_index.h"

namespace thresher::content {

// Short visible text nodes (at most 40 characters) showing a price ("$12.99",
// "14,90 €") in `root`'s subtree: the items of a catalogue.
std::uint32_t count_prices(const dom::NodeIndex& index, std::uint32_t root);

// The deepest element under `root` (body) whose visible subtree shows at
// least half of the `root`'s prices and at least `min_prices` of them,
// found by descending from `root` into the child holding that many while
// there is one. kNoNode when `root` shows fewer than `min_prices`, or when
// the way down enters furniture (a "related products" or "recently viewed"
// box holding most prices is no grid of this page). Linear in the subtree.
std::uint32_t find_price_grid(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                              std::uint32_t root, std::uint32_t min_prices);

}  // namespace thresher::content
