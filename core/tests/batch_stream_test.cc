// BatchStream: every submitted page comes back exactly once, with its own
// result, whatever the thread count; abandoning a stream is safe.
#include "thresher/batch_stream.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace thresher {
namespace {

std::string page(int k) {
  return "<article><p>Page number " + std::to_string(k) +
         " has a sentence of prose, long enough, with commas.</p></article>";
}

TEST(BatchStream, EveryPageComesBackOnceWithItsOwnResult) {
  Options o;
  o.max_input_bytes = 200;
  const Extractor ex(o);
  for (unsigned threads : {1u, 2u, 4u, 0u}) {
    BatchStream stream(ex, threads);
    EXPECT_GE(stream.threads(), 1u);
    std::map<std::uint64_t, int> page_of_seq;
    for (int k = 0; k < 60; ++k) {
      std::string html = k % 7 == 3 ? std::string(500, 'x') : page(k);
      page_of_seq[stream.submit(std::move(html), "https://e.org/" + std::to_string(k))] = k;
    }
    EXPECT_EQ(stream.pending(), 60u);
    std::map<std::uint64_t, bool> seen;
    while (auto done = stream.next()) {
      ASSERT_TRUE(page_of_seq.count(done->seq));
      EXPECT_FALSE(seen[done->seq]) << "seq returned twice";
      seen[done->seq] = true;
      const int k = page_of_seq[done->seq];
      if (k % 7 == 3) {
        ASSERT_FALSE(done->result);
        EXPECT_EQ(done->result.error().code, ErrorCode::kInputTooLarge);
      } else {
        ASSERT_TRUE(done->result) << done->result.error().message;
        EXPECT_NE(done->result.value().text.find("Page number " + std::to_string(k) + " "),
                  std::string::npos);
        EXPECT_EQ(done->result.value().url, "https://e.org/" + std::to_string(k));
      }
    }
    EXPECT_EQ(seen.size(), 60u);
    EXPECT_EQ(stream.pending(), 0u);
  }
}

TEST(BatchStream, SequenceNumbersCountFromZero) {
  const Extractor ex;
  BatchStream stream(ex, 1);
  EXPECT_EQ(stream.submit(page(0)), 0u);
  EXPECT_EQ(stream.submit(page(1)), 1u);
  EXPECT_EQ(stream.submit(""), 2u);
  int n = 0;
  while (stream.next()) ++n;
  EXPECT_EQ(n, 3);
}

TEST(BatchStream, NextOnAnEmptyStreamDoesNotBlock) {
  const Extractor ex;
  BatchStream stream(ex, 2);
  EXPECT_FALSE(stream.next().has_value());
}

TEST(BatchStream, InterleavedSubmitAndNextKeepPendingBounded) {
  const Extractor ex;
  BatchStream stream(ex, 2);
  std::size_t received = 0;
  for (int k = 0; k < 100; ++k) {
    stream.submit(page(k));
    if (stream.pending() >= 8) {
      ASSERT_TRUE(stream.next().has_value());
      ++received;
    }
    ASSERT_LE(stream.pending(), 8u);
  }
  while (stream.next()) ++received;
  EXPECT_EQ(received, 100u);
}

TEST(BatchStream, AbandonedWithWorkQueuedShutsDownCleanly) {
  const Extractor ex;
  auto stream = std::make_unique<BatchStream>(ex, 2);
  for (int k = 0; k < 200; ++k) stream->submit(page(k));
  stream.reset();  // must neither hang nor leak (ASan checks the latter)
  SUCCEED();
}

}  // namespace
}  // namespace thresher
