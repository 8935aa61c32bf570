// thresher::Extractor — built once from Options, immutable after, safe to
// share across threads.
//
//   thresher::Extractor extractor;                 // default Options
//   auto doc = extractor.extract(html, "https://example.com/a");
//   if (doc) std::cout << doc.value().title << "\n" << doc.value().text;
#pragma once

#include <memory>
#include <string_view>

#include "thresher/document.h"
#include "thresher/options.h"
#include "thresher/result.h"

namespace thresher {

class Extractor {
 public:
  explicit Extractor(Options options = {});
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // `html` is the page's bytes in any encoding (detected); `url` (optional)
  // resolves relative links and feeds URL-based fields. `encoding_hint` is a
  // charset from an HTTP Content-Type header, if the caller has one.
  // Never throws.
  [[nodiscard]] Result<Document> extract(std::string_view html, std::string_view url = {},
                                         std::string_view encoding_hint = {}) const noexcept;

  const Options& options() const noexcept;

  struct Compiled;  // compiled rule sets; opaque

 private:
  std::unique_ptr<const Compiled> compiled_;
};

}  // namespace thresher
