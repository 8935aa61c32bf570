// The corpus metric, defined once: word-level precision / recall / F1 of an
// extracted text against a gold text, as WCXB scores it. Tokens are maximal
// runs of letters, digits and '_' (any script), lower-cased; the two texts
// are compared as bags of words (multiset overlap).
//
//   auto s = thresher::word_prf("the cat sat", "the cat");  // p=2/3 r=1
#pragma once

#include <string_view>

namespace thresher {

struct WordPrf {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

// Both empty: a perfect 1/1/1 (nothing to find, nothing found).
// One empty: 0/0/0.
WordPrf word_prf(std::string_view candidate, std::string_view gold);

}  // namespace thresher
