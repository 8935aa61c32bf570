// What the page declares about itself: <meta> name/property/itemprop
// pairs, <link rel>, <html lang>, <title>, and the raw JSON-LD blocks.
// Collected in one pass over the node index.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dom/node_index.h"

namespace thresher::fields {

struct PageMeta {
  // (lower-cased key, value) in document order; key is the meta's name,
  // property or itemprop ("og:title", "article:published_time", "author").
  std::vector<std::pair<std::string, std::string>> metas;
  std::string canonical;       // <link rel=canonical href>
  std::string title_tag;       // <title> text, white space collapsed
  std::string html_lang;       // <html lang> / xml:lang
  std::vector<std::string_view> jsonld;  // bodies of <script type=application/ld+json>
  std::vector<std::uint32_t> rel_author;  // <a rel=author> elements
  std::vector<std::uint32_t> rel_tag;     // <a rel=tag> elements
  std::string license;         // href of the first <link|a rel=license>, or of a Creative Commons link
  std::vector<std::uint32_t> time_elements;  // <time> elements
  std::vector<std::uint32_t> h1s;            // <h1> elements (visible)
  std::vector<std::uint32_t> itemprops;      // elements (not <meta>) with itemprop, or RDFa property

  // First value for `key`, "" if none.
  std::string_view first(std::string_view key) const noexcept;
  std::vector<std::string_view> all(std::string_view key) const;
};

PageMeta collect_page_meta(const dom::NodeIndex& index);

}  // namespace thresher::fields
