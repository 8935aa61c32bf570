// Pages that arrive one at a time (a Python iterator, a WARC reader) on a
// pool of threads sharing one Extractor; results come back as they finish.
//
//   thresher::BatchStream stream(extractor, 0);           // all cores
//   auto seq = stream.submit(std::move(html), url);       // never blocks
//   while (auto done = stream.next()) use(done->seq, done->result);
//
// The caller bounds memory by how many pages it keeps pending (submitted but
// not yet returned by next()); the stream itself does not block submitters,
// so a caller that waits on next() can never deadlock against it.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "thresher/extractor.h"

namespace thresher {

class BatchStream {
 public:
  struct Finished {
    std::uint64_t seq;  // what submit() returned for this page
    Result<Document> result;
  };

  // `threads` = 0 uses every hardware thread. If no thread can be started,
  // submit() extracts in the caller's thread instead. `extractor` must
  // outlive the stream.
  BatchStream(const Extractor& extractor, unsigned threads) noexcept;
  // Drops pages not yet started, waits for those being extracted.
  ~BatchStream();
  BatchStream(const BatchStream&) = delete;
  BatchStream& operator=(const BatchStream&) = delete;

  // Queues one page and returns its sequence number (0, 1, 2, ...). The
  // strings are moved in, so the caller's buffers may go away at once.
  std::uint64_t submit(std::string html, std::string url = {},
                       std::string encoding_hint = {}) noexcept;

  // Blocks until some page is finished and returns it, in completion order;
  // std::nullopt when nothing is pending.
  [[nodiscard]] std::optional<Finished> next() noexcept;

  // Pages submitted and not yet returned by next().
  [[nodiscard]] std::size_t pending() const noexcept;
  [[nodiscard]] unsigned threads() const noexcept { return static_cast<unsigned>(workers_.size()); }

 private:
  struct Job {
    std::uint64_t seq;
    std::string html, url, encoding_hint;
  };
  void work() noexcept;
  Result<Document> run(const Job& job) const noexcept;

  const Extractor& extractor_;
  mutable std::mutex mutex_;
  std::condition_variable job_ready_;
  std::condition_variable result_ready_;
  std::deque<Job> jobs_;
  std::deque<Finished> finished_;
  std::size_t pending_ = 0;
  std::uint64_t next_seq_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

}  // namespace thresher
