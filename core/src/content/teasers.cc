#include "content/teasers.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "dom/text_util.h"

namespace thresher::content {

std::vector<std::uint32_t> find_teaser_cards(const dom::NodeIndex& index,
                                             const std::vector<NodeFeatures>& features,
                                             const TeaserLimits& limits) {
  const std::uint32_t n = index.size();
  std::vector<std::uint32_t> cards;
  if (n == 0) return cards;
  // Per node: some block in its subtree is a linked title (a heading or a
  // line whose text is nearly all one link), bottom-up.
  std::vector<bool> titled(n, false);
  for (std::uint32_t i = n; i-- > 0;) {
    const NodeFeatures& f = features[i];
    if (f.block_chars >= limits.min_title_chars && 10 * f.block_link_chars >= 9 * f.block_chars) {
      titled[i] = true;
    }
    const std::uint32_t p = index[i].parent;
    if (titled[i] && p != dom::kNoNode) titled[p] = true;
  }
  // The title comes first: a link to another page before any line of the
  // excerpt (a kicker, a date or an author's name may precede it). A "Read
  // more" after a feature's text is no title, and accordion toggles and tabs
  // ("#faq-3", "javascript:") title panels of the page itself. Looked for
  // among the card's first nodes only, so that nested candidates stay linear.
  auto title_first = [&](std::uint32_t c) {
    const std::uint32_t stop = std::min(index[c].end, c + limits.max_scan_nodes);
    for (std::uint32_t i = c; i < stop; ++i) {
      const dom::Node& node = index[i];
      if (node.is_text() && !(node.flags & dom::kInLink) &&
          node.text_chars >= limits.max_label_chars) {
        return false;
      }
      if (node.tag != GUMBO_TAG_A || node.text_chars < limits.min_title_chars) continue;
      const std::string_view href = text::trim(index.attr(i, "href"));
      if (!href.empty() && href.front() != '#' && !text::starts_with_ci(href, "javascript:")) {
        return true;
      }
    }
    return false;
  };
  auto is_card = [&](std::uint32_t c) {
    const dom::Node& node = index[c];
    if (!node.is_element() || !titled[c] || (node.flags & (dom::kHidden | dom::kSkipped))) {
      return false;
    }
    return node.link_chars >= limits.min_title_chars &&
           node.text_chars - node.link_chars <= limits.max_excerpt_chars && title_first(c);
  };
  // Each element's children once: cards grouped by tag and class.
  struct Candidate {
    GumboTag tag;
    std::string_view cls;
    std::uint32_t node;
  };
  std::vector<Candidate> group;
  for (std::uint32_t p = 0; p < n; ++p) {
    if (!index[p].is_element() || index[p].end - p < 2 * limits.min_cards) continue;
    group.clear();
    for (std::uint32_t c = p + 1; c < index[p].end; c = index[c].end) {
      if (is_card(c)) group.push_back({index[c].tag, index.attr(c, "class"), c});
    }
    if (group.size() < limits.min_cards) continue;
    std::sort(group.begin(), group.end(), [](const Candidate& a, const Candidate& b) {
      return std::tie(a.tag, a.cls, a.node) < std::tie(b.tag, b.cls, b.node);
    });
    for (std::size_t a = 0; a < group.size();) {
      std::size_t b = a + 1;
      while (b < group.size() && group[b].tag == group[a].tag && group[b].cls == group[a].cls) ++b;
      if (b - a >= limits.min_cards) {
        for (std::size_t k = a; k < b; ++k) cards.push_back(group[k].node);
      }
      a = b;
    }
  }
  std::sort(cards.begin(), cards.end());
  return cards;
}

}  // namespace thresher::content
