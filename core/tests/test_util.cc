#include "test_util.h"

#include <zlib.h>

#include <fstream>
#include <sstream>

namespace thresher::testing {

Indexed::Indexed(std::string h, std::size_t max_depth) : html(std::move(h)) {
  parsed = std::make_unique<dom::ParsedHtml>(html);
  index = std::make_unique<dom::NodeIndex>(parsed->root(), dom::NodeIndexLimits{1'000'000, max_depth},
                                           deadline);
  features = content::compute_features(*index, rules);
}

std::uint32_t Indexed::by_id(const std::string& id) const {
  for (std::uint32_t i = 0; i < index->size(); ++i) {
    if ((*index)[i].is_element() && index->attr(i, "id") == id) return i;
  }
  return dom::kNoNode;
}

std::string read_file(const std::string& path) {
  if (path.size() > 3 && path.ends_with(".gz")) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) return {};
    std::string out;
    char buf[65536];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    gzclose(f);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string source_path(const std::string& relative) {
  return std::string(THRESHER_SOURCE_DIR) + "/" + relative;
}

}  // namespace thresher::testing
