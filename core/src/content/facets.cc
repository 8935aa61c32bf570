#include "content/facets.h"

#include "dom/text_util.h"

namespace thresher::content {
namespace {

// Form controls are indexed as skipped leaves (never rendered); their
// labels are text of their own.
bool is_check_box(const dom::NodeIndex& index, std::uint32_t i) {
  return index[i].tag == GUMBO_TAG_INPUT &&
         text::iequals_ascii(text::trim(index.attr(i, "type")), "checkbox");
}

struct Counts {
  std::uint32_t boxes = 0;
  std::uint32_t labels = 0;
  std::uint32_t label_chars = 0;  // visible text inside the labels
  std::uint32_t images = 0;
};

}  // namespace

std::vector<std::uint32_t> find_facet_boxes(const dom::NodeIndex& index, std::uint32_t container,
                                            std::uint32_t core, const FacetLimits& limits) {
  std::vector<std::uint32_t> found;
  if (container == dom::kNoNode) return found;
  const std::uint32_t first = container + 1;
  const std::uint32_t end = index[container].end;
  if (first >= end) return found;
  // Per node of the container, its check boxes, labels and images, summed
  // bottom-up: a node's parent comes before it, so one backward pass adds
  // each count to its parent's.
  std::vector<Counts> counts(end - first);
  for (std::uint32_t i = end; i-- > first;) {
    const dom::Node& node = index[i];
    Counts& c = counts[i - first];
    // A styled check box hides its <input> and shows its label: counted
    // whether hidden or not (a hidden panel is not rendered anyway).
    if (node.is_element() && is_check_box(index, i)) ++c.boxes;
    if (node.is_element() && !(node.flags & dom::kHidden)) {
      if (node.tag == GUMBO_TAG_LABEL) {
        ++c.labels;
        c.label_chars = node.text_chars;  // nested labels are invalid HTML: not summed twice
      }
      if (node.tag == GUMBO_TAG_IMG) ++c.images;
    }
    if (node.parent >= first && node.parent < end) {
      Counts& p = counts[node.parent - first];
      p.boxes += c.boxes;
      p.labels += c.labels;
      p.label_chars += c.label_chars;
      p.images += c.images;
    }
  }
  for (std::uint32_t i = first; i < end;) {
    const dom::Node& node = index[i];
    const Counts& c = counts[i - first];
    if (c.boxes < limits.min_choices) {
      i = c.boxes == 0 ? node.end : i + 1;  // nothing below: skip it whole
      continue;
    }
    const bool wraps_core = core != dom::kNoNode && i <= core && node.end > core;
    if (!wraps_core && node.is_element() && c.images == 0 && 2 * c.labels >= c.boxes &&
        2 * c.label_chars >= node.text_chars &&
        node.text_chars <= static_cast<std::uint64_t>(limits.max_chars_per_choice) * c.boxes) {
      found.push_back(i);
      i = node.end;
      continue;
    }
    ++i;
  }
  return found;
}

void prune_facet_boxes(const dom::NodeIndex& index, Selection& sel) {
  for (std::uint32_t box : find_facet_boxes(index, sel.container, sel.core)) {
    if (sel.pruned[box]) continue;
    sel.pruned[box] = true;
    sel.rules_fired.push_back("facets: " + index.path(box));
  }
}

}  // namespace thresher::content
