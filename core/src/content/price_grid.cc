#include "content/price_grid.h"

#include <algorithm>

#include <re2/re2.h>

#include "content/page_type.h"

namespace thresher::content {
namespace {

constexpr std::uint32_t kMaxPriceChars = 40;

bool shows_price(const dom::NodeIndex& index, std::uint32_t i) {
  const dom::Node& node = index[i];
  if (!node.is_text() || node.text_chars == 0 || node.text_chars > kMaxPriceChars) return false;
  // Most short texts are labels without a digit: no regex for them (this
  // runs over every shop page's body).
  const std::string_view t = index.text(i);
  const bool digit = std::any_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  return digit && RE2::PartialMatch(t, price_pattern());
}

}  // namespace

std::uint32_t count_prices(const dom::NodeIndex& index, std::uint32_t root) {
  std::uint32_t n = 0;
  for (std::uint32_t i = root; i < index[root].end;) {
    if (index[i].flags & (dom::kHidden | dom::kSkipped)) {
      i = index[i].end;
      continue;
    }
    if (shows_price(index, i)) ++n;
    ++i;
  }
  return n;
}

std::uint32_t find_price_grid(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                              std::uint32_t root, std::uint32_t min_prices) {
  // Prices per element, bottom-up over the subtree (nodes are in document
  // order, so children come after their parent).
  const std::uint32_t end = index[root].end;
  std::vector<std::uint32_t> prices(end - root, 0);
  for (std::uint32_t i = end; i-- > root;) {
    const dom::Node& node = index[i];
    if (node.flags & (dom::kHidden | dom::kSkipped)) {
      prices[i - root] = 0;
      continue;
    }
    if (shows_price(index, i)) ++prices[i - root];
    if (i != root && node.parent != dom::kNoNode) prices[node.parent - root] += prices[i - root];
  }
  const std::uint32_t total = prices[0];
  if (total < min_prices) return dom::kNoNode;
  std::uint32_t grid = root;
  for (;;) {
    std::uint32_t next = dom::kNoNode;
    for (std::uint32_t k = grid + 1; k < index[grid].end; k = index[k].end) {
      if (index[k].is_element() && 2 * prices[k - root] >= total &&
          prices[k - root] >= min_prices) {
        next = k;
        break;
      }
    }
    if (next == dom::kNoNode) break;
    if (features[next].boilerplate) return dom::kNoNode;
    grid = next;
  }
  return grid == root ? dom::kNoNode : grid;
}

}  // namespace thresher::content
