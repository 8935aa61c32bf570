#include "content/hero.h"

#include "dom/text_util.h"

namespace thresher::content {
namespace {

bool shown(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features, std::uint32_t i) {
  return !(index[i].flags & (dom::kHidden | dom::kSkipped)) && !features[i].boilerplate;
}

// A lead under the headline: a block of the box outside the <h1>, not
// furniture, mostly unlinked, of at least kMinLeadChars and holding a
// sentence mark ("A sheet fabric for every kind of sleeper."). A hero's
// subtitle is often one short sentence, shorter than a paragraph of prose.
constexpr std::uint32_t kMinLeadChars = 30;

bool has_lead(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
              std::uint32_t box, std::uint32_t h1) {
  if (features[box].holds_paragraph) return true;
  for (std::uint32_t k = box; k < index[box].end; ++k) {
    if (k == h1) {
      k = index[h1].end - 1;
      continue;
    }
    const NodeFeatures& f = features[k];
    if (!f.boilerplate && f.block_chars >= kMinLeadChars && f.punctuation > 0 &&
        2 * f.block_link_chars < f.block_chars) {
      return true;
    }
  }
  return false;
}

}  // namespace

Hero find_hero(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
               std::uint32_t container, std::string_view title, const HeroLimits& limits) {
  const std::uint32_t body = index.body();
  if (body == dom::kNoNode || container == dom::kNoNode || container <= body) return {};
  bool own_h1 = false;
  for (std::uint32_t i = container; i < index[container].end && !own_h1; ++i) {
    own_h1 = index[i].tag == GUMBO_TAG_H1 && index[i].is_element();
  }
  if (own_h1 && title.empty()) return {};
  // Nodes before the container in document order: those outside it.
  std::uint32_t h1 = dom::kNoNode;
  for (std::uint32_t i = body + 1; i < container; ++i) {
    if (!shown(index, features, i)) {
      i = index[i].end - 1;
      continue;
    }
    if (index[i].tag == GUMBO_TAG_H1 && index[i].is_element() && index[i].text_chars > 0 &&
        index[i].end <= container) {
      h1 = i;
      break;
    }
  }
  if (h1 == dom::kNoNode) return {};
  if (own_h1 && !text::same_text_folded(index.text_content(h1), title)) return {};
  std::uint32_t child = container;
  for (int level = 0; level < limits.max_climb; ++level) {
    const std::uint32_t parent = index[child].parent;
    if (parent == dom::kNoNode || parent < body || !shown(index, features, parent)) return {};
    if (h1 > parent && h1 < index[parent].end) {
      std::uint32_t box = h1;
      while (index[box].parent != parent) box = index[box].parent;
      const dom::Node& b = index[box];
      // A lead paragraph under the headline: a product's name and price,
      // a story's headline and byline are no hero.
      if (b.text_chars > limits.max_hero_chars || 2 * b.link_chars >= b.text_chars ||
          !has_lead(index, features, box, h1)) {
        return {};
      }
      return {parent, box};
    }
    child = parent;
  }
  return {};
}

}  // namespace thresher::content
