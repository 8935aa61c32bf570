// Helpers shared by the unit tests: run the pipeline stages on a snippet.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "content/blocks.h"
#include "content/rules.h"
#include "dom/node_index.h"
#include "dom/parse.h"
#include "util/deadline.h"

namespace thresher::testing {

// Parses `html` and indexes it; keeps everything alive together.
struct Indexed {
  std::string html;
  std::unique_ptr<dom::ParsedHtml> parsed;
  Deadline deadline{0};
  std::unique_ptr<dom::NodeIndex> index;
  content::RuleMatcher rules;
  std::vector<content::NodeFeatures> features;

  explicit Indexed(std::string h, std::size_t max_depth = 512);
  // First element with this id attribute, or kNoNode.
  std::uint32_t by_id(const std::string& id) const;
};

// Reads a file, gunzipping it when its name ends in .gz. Empty on failure.
std::string read_file(const std::string& path);
std::string source_path(const std::string& relative);

}  // namespace thresher::testing
