// Every stored corpus page through the whole pipeline, with the options that
// reach the most code (markdown, links, images, comments). Under ASan+UBSan
// (CI's sanitizer build runs it with detect_leaks=1) this is the "no crash,
// no leak, no undefined behaviour over the corpus" check; everywhere it
// checks that output is deterministic: a second extraction, by a second
// Extractor on another thread, gives byte-identical results.
#include "thresher/extractor.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <future>
#include <string>
#include <vector>

#include "test_util.h"

namespace thresher {
namespace {

std::vector<std::string> corpus_pages() {
  std::vector<std::string> pages;
  const std::filesystem::path root = testing::source_path("corpus/pages");
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    const auto page = entry.path() / "page.html.gz";
    if (std::filesystem::exists(page)) pages.push_back(page.string());
  }
  std::sort(pages.begin(), pages.end());
  return pages;
}

Options richest_options() {
  Options o;
  o.output_format = OutputFormat::kMarkdown;
  o.include_links = true;
  o.include_images = true;
  o.include_comments = true;
  return o;
}

bool same(const Document& a, const Document& b) {
  return a.text == b.text && a.markdown == b.markdown && a.comments == b.comments &&
         a.title == b.title && a.author == b.author && a.date == b.date &&
         a.date_modified == b.date_modified && a.description == b.description &&
         a.categories == b.categories && a.tags == b.tags && a.language == b.language &&
         a.image == b.image && a.url == b.url && a.sitename == b.sitename;
}

TEST(Corpus, EveryPageExtractsAndIsDeterministic) {
  const std::vector<std::string> pages = corpus_pages();
  ASSERT_GT(pages.size(), 500u);
  const Extractor first(richest_options());
  const Extractor second(richest_options());
  std::size_t with_text = 0;
  for (std::size_t k = 0; k < pages.size(); ++k) {
    const std::string html = testing::read_file(pages[k]);
    ASSERT_FALSE(html.empty()) << pages[k];
    Result<Document> a = first.extract(html);
    ASSERT_TRUE(a) << pages[k] << ": " << a.error().message;
    if (!a.value().text.empty()) ++with_text;
    // Every 8th page again, concurrently on another thread with another
    // Extractor: no hidden state may make the output differ.
    if (k % 8 == 0) {
      auto other = std::async(std::launch::async, [&] { return second.extract(html); });
      Result<Document> b = first.extract(html);
      Result<Document> c = other.get();
      ASSERT_TRUE(b && c) << pages[k];
      EXPECT_TRUE(same(a.value(), b.value())) << pages[k] << ": differs on a second run";
      EXPECT_TRUE(same(a.value(), c.value())) << pages[k] << ": differs on another thread";
    }
  }
  EXPECT_GT(with_text, pages.size() * 9 / 10);
}

}  // namespace
}  // namespace thresher
