// extract_batch: workers take the next unprocessed index from an atomic
// counter, so slow pages do not hold up the others.
#include "thresher/batch.h"

#include <atomic>
#include <optional>
#include <thread>

namespace thresher {

std::vector<Result<Document>> extract_batch(const Extractor& extractor,
                                            std::span<const BatchItem> items,
                                            unsigned threads) noexcept {
  std::vector<std::optional<Result<Document>>> slots(items.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < items.size(); i = next++) {
      const BatchItem& item = items[i];
      slots[i].emplace(extractor.extract(item.html, item.url, item.encoding_hint));
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, items.size()));
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (...) {
    // No more threads to be had: the ones we have (and this one) finish the work.
  }
  work();
  for (auto& t : pool) t.join();
  std::vector<Result<Document>> results;
  results.reserve(items.size());
  for (auto& slot : slots) {
    if (slot) {
      results.push_back(std::move(*slot));
    } else {
      results.push_back(Error{ErrorCode::kInternal, "item was not processed"});
    }
  }
  return results;
}

}  // namespace thresher
