#include "content/ad_cards.h"

#include <re2/re2.h>

namespace thresher::content {
namespace {

bool is_ad_label(std::string_view text) {
  static const LazyRE2 kLabel = {
      R"((?i)^\s*(?:sponsored|promoted|advertisement|ad|anzeige|sponsoris[ée]|publicidad|annuncio|reklama|werbung)\s*$)"};
  return RE2::FullMatch(text, *kLabel);
}

bool holds(const dom::NodeIndex& index, std::uint32_t outer, std::uint32_t inner) {
  return inner != dom::kNoNode && outer <= inner && inner < index[outer].end;
}

bool has_other_linked_child(const dom::NodeIndex& index, std::uint32_t parent, std::uint32_t child) {
  for (std::uint32_t k = parent + 1; k < index[parent].end; k = index[k].end) {
    if (k != child && index[k].is_element() && index[k].link_chars > 0) return true;
  }
  return false;
}

}  // namespace

std::vector<std::uint32_t> ad_cards(const dom::NodeIndex& index, std::uint32_t container,
                                    std::uint32_t keep, const AdCardLimits& limits) {
  std::vector<std::uint32_t> out;
  if (container == dom::kNoNode) return out;
  const std::uint32_t end = index[container].end;
  for (std::uint32_t i = container + 1; i < end; ++i) {
    const dom::Node& n = index[i];
    // Cheap tests first: most elements are longer than a label.
    if (!n.is_element() || n.text_chars < 2 || n.text_chars > limits.max_label_chars ||
        n.link_chars > 0 || (n.flags & (dom::kHidden | dom::kSkipped)) || holds(index, i, keep)) {
      // (A linked "Sponsored" is a word in a sentence or a menu's entry.)
      continue;
    }
    if (!is_ad_label(index.text_content(i))) continue;
    // Up to the card: the outermost short ancestor, below a row of cards
    // (a parent holding another linked child beside a card that has its link).
    std::uint32_t card = i;
    for (std::uint32_t p = n.parent; p != dom::kNoNode && p != container && index[p].text_chars <= limits.max_card_chars &&
                                     !holds(index, p, keep);
         p = index[p].parent) {
      if (index[card].link_chars > 0 && has_other_linked_child(index, p, card)) break;
      card = p;
    }
    if (index[card].link_chars == 0 && card != i) card = i;  // no link: not a card, the label alone
    out.push_back(card);
    i = index[card].end - 1;
  }
  return out;
}

}  // namespace thresher::content
