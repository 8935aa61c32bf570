// Many pages at once on a pool of threads sharing one Extractor.
//
//   std::vector<thresher::BatchItem> items = {{html1, url1}, {html2, url2}};
//   auto results = thresher::extract_batch(extractor, items, 0);  // all cores
//   // results[i] belongs to items[i], ok or with its own error
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "thresher/extractor.h"

namespace thresher {

struct BatchItem {
  std::string_view html;
  std::string_view url;
  std::string_view encoding_hint;
};

// One result per item, in input order; a failing item never affects the
// others. `threads` = 0 uses every hardware thread. Never throws.
[[nodiscard]] std::vector<Result<Document>> extract_batch(const Extractor& extractor,
                                                          std::span<const BatchItem> items,
                                                          unsigned threads = 0) noexcept;

}  // namespace thresher
