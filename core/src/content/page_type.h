// A guess at what kind of page this is: article, forum, product, collection,
// listing, documentation, service, or other. Evidence, strongest first:
// schema.org types and og:type the page declares, URL conventions (/docs/,
// /products/<slug>, /collections/<slug>, /forum/), shop furniture (prices,
// add-to-cart buttons), code blocks, dates and bylines, and whether the main
// content is prose or a list of links. Measured on the WCXB development
// split, whose pages are labelled with these seven types.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <re2/re2.h>

#include "dom/node_index.h"

namespace thresher::content {

struct PageSignals {
  std::string_view url;
  std::string_view og_type;                       // lower-cased
  const std::vector<std::string>* schema_types = nullptr;
  bool discussion = false;  // forum thread or Q&A (is_discussion_page)
  bool dated = false;       // a publication date was found
  bool has_author = false;
  bool link_mode = false;   // the main content was chosen as a list of links
  std::size_t text_chars = 0;  // main text
  // Counted over the whole page.
  std::size_t pre_blocks = 0;
  std::size_t code_spans = 0;
  std::size_t itemprop_prices = 0;  // from the fields stage, which collects itemprops
  // Read through take_text_counts() where body_text may be set.
  mutable std::size_t prices = 0;        // "$12", "12,99 €", ...
  mutable std::size_t cart_buttons = 0;  // "add to cart", "in den Warenkorb", ...
  std::size_t time_elements = 0;
  std::size_t article_elements = 0;
  // Set: the counts over this index's body text (prices, cart phrases) are
  // not taken yet. Two regex searches over the whole text cost ~4 % of an
  // extraction, and most pages are settled by what they declare (an article
  // with a date) before a decision reads them.
  mutable const dom::NodeIndex* body_text = nullptr;

  // Adds the pending counts over the body text to prices and cart_buttons
  // (once; nothing when body_text is unset).
  void take_text_counts() const;
};

// A price: a currency sign or code next to a digit ("$12.99", "14,90 €").
const RE2& price_pattern();

// Fills the page-wide counts of `signals` from the index (all but
// itemprop_prices).
void count_page_signals(const dom::NodeIndex& index, PageSignals& signals);

// The signals known before the main content is chosen: what the page
// declares (from the fields stage: og:type, JSON-LD types, microdata
// prices) and the page-wide counts, those over the body text left pending
// (body_text) until guess_page_type or sells_product reads them.
// `schema_types` and `index` must outlive the result.
PageSignals declared_page_signals(const dom::NodeIndex& index, std::string_view og_type,
                                  const std::vector<std::string>& schema_types,
                                  std::size_t itemprop_prices);

// One of "article", "forum", "product", "collection", "listing",
// "documentation", "service", "other".
std::string_view guess_page_type(const PageSignals& signals);

// A product's own page, from what it declares and shows before its main
// text is chosen (og_type, schema_types, itemprop_prices and the counts of
// count_page_signals): an og:type naming a product (not "product.group", a
// collection), or a JSON-LD Product (or ProductGroup) with a buy button, a
// microdata price or a declared Offer; never a page declaring an article.
bool sells_product(const PageSignals& signals);

// Whether pages of this type are pieces of writing with a publication date
// (articles, forum threads, documentation, other) or not (products,
// collections, listings, services).
bool has_publication_date(std::string_view page_type);

// The same, knowing the page's URL: a documentation page's dates are when it
// was last built or edited, unless its path says it is a post ("/blog/",
// "/story/", "/news/", "/2025/12/").
bool has_publication_date(std::string_view page_type, std::string_view url);

}  // namespace thresher::content
