// What of a page's attributes the stages read, as the pre-scan's policy:
// the names in dom::kAttributesRead (an image's source and text only when
// images are rendered), style attributes only when they hide. Gumbo spends
// per byte of attribute value, and most of a page's markup is attributes
// nothing reads.
#pragma once

#include <string_view>
#include <vector>

#include "input/prescan.h"
#include "thresher/options.h"

namespace thresher {

class AttributesRead {
 public:
  explicit AttributesRead(const Options& options);
  AttributesRead(const AttributesRead&) = delete;
  AttributesRead& operator=(const AttributesRead&) = delete;

  // Thread-safe: read only.
  const input::AttributePolicy& policy() const noexcept { return policy_; }

 private:
  std::vector<std::string_view> names_;
  input::AttributePolicy policy_;
};

}  // namespace thresher
