// A catalogue's facets: the boxes of check boxes beside a product grid
// ("Size: 8, 8.5, 9", "Colour: Red (12)", "Under $50"). They say how to
// narrow the items, they are not the items. Found by their shape, whatever
// their class names (often hashed): many labelled check boxes, each with a
// short label, and no pictures.
#pragma once

#include <cstdint>
#include <vector>

#include "content/select.h"
#include "dom/node_index.h"

namespace thresher::content {

struct FacetLimits {
  std::uint32_t min_choices = 4;            // a box with fewer is a form's own options
  std::uint32_t max_chars_per_choice = 40;  // "Red (12)", "Under $50": labels, not items
};

// The outermost elements strictly inside `container`, not wrapping `core`,
// holding at least min_choices <input type=checkbox> (shown or styled
// away behind their labels) with at most
// max_chars_per_choice visible characters of text per box, a <label> for
// at least every other box, half its text in labels and no <img>. A
// product's variant picker is a set of radio buttons, a to-do list in an
// article has no labels, a recipe's ingredient list ticks each line with
// an empty label beside the text, a grid of product cards with a "Compare"
// box each has pictures. In document order;
// linear in the container's size.
std::vector<std::uint32_t> find_facet_boxes(const dom::NodeIndex& index, std::uint32_t container,
                                            std::uint32_t core, const FacetLimits& limits = {});

// Prunes find_facet_boxes in sel.container.
void prune_facet_boxes(const dom::NodeIndex& index, Selection& sel);

}  // namespace thresher::content
