#include "attributes_read.h"

#include "dom/node_index.h"

namespace thresher {

AttributesRead::AttributesRead(const Options& options) {
  for (std::string_view name : dom::kAttributesRead) {
    // Only the text renderer reads them, and only for Options::include_images.
    if (!options.include_images && (name == "src" || name == "alt")) continue;
    names_.push_back(name);
  }
  policy_.keep = names_;
  policy_.style_read = [](std::string_view style) { return dom::style_hides(style); };
}

}  // namespace thresher
