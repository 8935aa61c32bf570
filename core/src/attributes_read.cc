#include "attributes_read.h"

#include <string>

#include <re2/re2.h>

#include "dom/node_index.h"
#include "fields/fields.h"

namespace thresher {

bool class_token_read(const content::RuleMatcher& rules, std::string_view token) {
  // dom::names_disclosure_panel and fields::names_user in one search.
  static const RE2 kPanelOrUser(std::string("(?:") + dom::kDisclosurePanelClass + ")|(?:" +
                                fields::kUserClassPattern + ")");
  return rules.matches_token(token) || RE2::PartialMatch(token, kPanelOrUser);
}

AttributesRead::AttributesRead(const Options& options, const content::RuleMatcher& rules) {
  for (std::string_view name : dom::kAttributesRead) {
    // Only the text renderer reads them, and only for Options::include_images.
    if (!options.include_images && (name == "src" || name == "alt")) continue;
    names_.push_back(name);
  }
  policy_.keep = names_;
  policy_.class_token_read = [&rules](std::string_view token) { return class_token_read(rules, token); };
  policy_.style_read = [](std::string_view style) { return dom::style_hides(style); };
}

}  // namespace thresher
