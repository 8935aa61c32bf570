// The boilerplate rules each element of a page matches, computed once per
// node index: features are computed two to four times per page (prose and
// link-list weights, discussion pages, hidden content shown), and the rules
// an element matches do not depend on the weights.
#pragma once

#include <cstdint>
#include <vector>

#include "content/rules.h"
#include "dom/node_index.h"

namespace thresher::content {

struct ElementRules {
  // Per node: the rules the element matched by its class, id, role and tag
  // (0 for text nodes and skipped elements).
  std::vector<RuleMask> mask;
  // Per node: the element's ARIA role alone matches a rule ("navigation").
  std::vector<bool> role_matched;
};

// Elements with the same tag word, class, id and role share one RE2::Set
// match within the page.
ElementRules match_elements(const dom::NodeIndex& index, const RuleMatcher& rules);

}  // namespace thresher::content
