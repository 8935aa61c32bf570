// The metric's hand-made cases live in tests/data/metric_cases.json, shared
// with the Python tests, so both sides check the same numbers.
#include "thresher/metric.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_util.h"

namespace thresher {

TEST(Metric, SharedCases) {
  const std::string raw = testing::read_file(testing::source_path("tests/data/metric_cases.json"));
  ASSERT_FALSE(raw.empty());
  const auto cases = nlohmann::json::parse(raw);
  ASSERT_GT(cases.size(), 5u);
  for (const auto& c : cases) {
    const WordPrf s = word_prf(c["candidate"].get<std::string>(), c["gold"].get<std::string>());
    EXPECT_NEAR(s.precision, c["precision"].get<double>(), 1e-9) << c["name"];
    EXPECT_NEAR(s.recall, c["recall"].get<double>(), 1e-9) << c["name"];
    EXPECT_NEAR(s.f1, c["f1"].get<double>(), 1e-9) << c["name"];
  }
}

}  // namespace thresher
