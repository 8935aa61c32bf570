// BatchStream: a job queue and a result queue under one mutex. Workers never
// touch caller state, so the Python binding can release the GIL in next().
#include "thresher/batch_stream.h"

#include <algorithm>
#include <new>

namespace thresher {

BatchStream::BatchStream(const Extractor& extractor, unsigned threads) noexcept
    : extractor_(extractor) {
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  try {
    workers_.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
  } catch (...) {
    // Fewer threads than asked (or none: submit() then works inline).
  }
}

BatchStream::~BatchStream() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  job_ready_.notify_all();
  for (auto& worker : workers_) worker.join();
}

Result<Document> BatchStream::run(const Job& job) const noexcept {
  return extractor_.extract(job.html, job.url, job.encoding_hint);
}

std::uint64_t BatchStream::submit(std::string html, std::string url,
                                  std::string encoding_hint) noexcept {
  std::unique_lock lock(mutex_);
  const std::uint64_t seq = next_seq_++;
  ++pending_;
  try {
    Job job{seq, std::move(html), std::move(url), std::move(encoding_hint)};
    if (workers_.empty()) {
      lock.unlock();
      Result<Document> result = run(job);
      lock.lock();
      finished_.push_back({seq, std::move(result)});
      return seq;
    }
    jobs_.push_back(std::move(job));
  } catch (const std::bad_alloc&) {
    finished_.push_back({seq, Error{ErrorCode::kLimitExceeded, "out of memory queueing the page"}});
    result_ready_.notify_one();
    return seq;
  }
  lock.unlock();
  job_ready_.notify_one();
  return seq;
}

std::optional<BatchStream::Finished> BatchStream::next() noexcept {
  std::unique_lock lock(mutex_);
  if (pending_ == 0) return std::nullopt;
  result_ready_.wait(lock, [this] { return !finished_.empty(); });
  Finished done = std::move(finished_.front());
  finished_.pop_front();
  --pending_;
  return done;
}

std::size_t BatchStream::pending() const noexcept {
  std::lock_guard lock(mutex_);
  return pending_;
}

void BatchStream::work() noexcept {
  for (;;) {
    std::unique_lock lock(mutex_);
    job_ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (stopping_) return;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    Result<Document> result = run(job);
    {
      // The page is done: free its bytes before waiting for the lock.
      std::string().swap(job.html);
      lock.lock();
      if (stopping_) return;
      finished_.push_back({job.seq, std::move(result)});
    }
    lock.unlock();
    result_ready_.notify_one();
  }
}

}  // namespace thresher
