// What of a page's attributes the stages read, as the pre-scan's policy:
// the names in dom::kAttributesRead (an image's source and text only when
// images are rendered), class lists cut to the tokens a stage can act on,
// style attributes only when they hide. Gumbo spends per byte of attribute
// value, and most of a page's markup is attributes nothing reads.
#pragma once

#include <string_view>
#include <vector>

#include "content/rules.h"
#include "input/prescan.h"
#include "thresher/options.h"

namespace thresher {

// Whether a class token can change what a stage decides: a word of the
// boilerplate rules, a disclosure panel's or a user box's name. Every stage
// that reads class values reads them through these three; other tokens are
// layout and utility classes ("col-md-6", "flex", "mt-4"), most of a
// class list.
bool class_token_read(const content::RuleMatcher& rules, std::string_view token);

class AttributesRead {
 public:
  // Keeps references to `rules`, which must outlive this.
  AttributesRead(const Options& options, const content::RuleMatcher& rules);
  AttributesRead(const AttributesRead&) = delete;
  AttributesRead& operator=(const AttributesRead&) = delete;

  // Thread-safe: the pre-scan of each page keeps its own token answers.
  const input::AttributePolicy& policy() const noexcept { return policy_; }

 private:
  std::vector<std::string_view> names_;
  input::AttributePolicy policy_;
};

}  // namespace thresher
