// The corpus metric (see thresher/metric.h). Defined here once; the Python
// harness calls it through the binding so both sides score identically.
#include <string>
#include <unordered_map>

#include "dom/text_util.h"
#include "thresher/metric.h"

namespace thresher {
namespace {

// Counts lower-cased word tokens.
std::unordered_map<std::string, int> bag_of_words(std::string_view s, int* total) {
  std::unordered_map<std::string, int> bag;
  std::string token;
  std::size_t i = 0;
  *total = 0;
  auto flush = [&] {
    if (token.empty()) return;
    ++bag[token];
    ++*total;
    token.clear();
  };
  while (i < s.size()) {
    const char32_t cp = text::next_code_point(s, i);
    if (text::is_word(cp)) {
      text::append_utf8(token, text::to_lower(cp));
    } else {
      flush();
    }
  }
  flush();
  return bag;
}

}  // namespace

WordPrf word_prf(std::string_view candidate, std::string_view gold) {
  int n_candidate = 0, n_gold = 0;
  const auto bag_c = bag_of_words(candidate, &n_candidate);
  const auto bag_g = bag_of_words(gold, &n_gold);
  if (n_candidate == 0 && n_gold == 0) return {1, 1, 1};
  if (n_candidate == 0 || n_gold == 0) return {0, 0, 0};
  long common = 0;
  for (const auto& [word, count] : bag_c) {
    if (auto it = bag_g.find(word); it != bag_g.end()) common += std::min(count, it->second);
  }
  WordPrf r;
  r.precision = static_cast<double>(common) / n_candidate;
  r.recall = static_cast<double>(common) / n_gold;
  r.f1 = (common == 0) ? 0 : 2 * r.precision * r.recall / (r.precision + r.recall);
  return r;
}

}  // namespace thresher
