// Stage 4b: choose the main container and decide, inside it, what is
// furniture to prune. The result is a set of subtrees the renderer skips.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/blocks.h"
#include "dom/node_index.h"
#include "thresher/options.h"

namespace thresher::content {

struct Selection {
  std::uint32_t container = dom::kNoNode;  // kNoNode: no main content found
  float score = 0;
  std::vector<bool> pruned;          // per node: skip this subtree when rendering
  std::vector<std::uint32_t> comment_roots;  // comment sections inside/near the content
  std::vector<std::string> rules_fired;      // "rule: path" per pruned element
  std::string empty_reason;
};

// Link density above which a block inside the content counts as a link list.
struct PruneThresholds {
  float link_density = 0.5f;        // containers with a negative value
  float link_only_density = 0.8f;   // any short block, whatever its value
  std::uint32_t link_only_max_chars = 200;
  std::uint32_t meta_max_chars = 300;  // larger "meta"-named elements are wrappers
};

PruneThresholds thresholds_for(const Options& options);

Selection select_content(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                         const Options& options, std::string_view title);

}  // namespace thresher::content
