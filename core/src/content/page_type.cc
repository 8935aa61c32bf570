#include "content/page_type.h"

#include <re2/re2.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace thresher::content {
namespace {

bool has_type(const PageSignals& s, std::initializer_list<std::string_view> names) {
  if (s.schema_types == nullptr) return false;
  for (const std::string& t : *s.schema_types) {
    if (std::find(names.begin(), names.end(), t) != names.end()) return true;
  }
  return false;
}

bool is_article_schema(const PageSignals& s) {
  return has_type(s, {"Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle",
                      "OpinionNewsArticle", "AnalysisNewsArticle", "ReportageNewsArticle",
                      "LiveBlogPosting", "Review"});
}

bool url_matches(std::string_view url, const RE2& pattern) { return RE2::PartialMatch(url, pattern); }

// The path's last segment, without query or fragment.
std::string_view last_segment(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  const std::size_t scheme = url.find("://");
  const std::size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return {};
  return url.substr(url.rfind('/') + 1);
}

std::size_t count_matches(std::string_view text, const RE2& pattern) {
  std::size_t n = 0;
  re2::StringPiece rest(text.data(), text.size());
  while (n < 1000 && RE2::FindAndConsume(&rest, pattern)) ++n;
  return n;
}

// The text of a <button> (skipped by the index, which keeps only content):
// its text nodes, a few levels down, at most 200 bytes.
std::string button_text(const GumboNode* button) {
  std::string out;
  std::vector<std::pair<const GumboNode*, int>> stack = {{button, 0}};
  while (!stack.empty() && out.size() < 200) {
    const auto [node, depth] = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT) {
      out += node->v.text.text;
      out += ' ';
    } else if (node->type == GUMBO_NODE_ELEMENT && depth < 4) {
      const GumboVector& children = node->v.element.children;
      for (unsigned k = children.length; k-- > 0;) {
        stack.push_back({static_cast<const GumboNode*>(children.data[k]), depth + 1});
      }
    }
  }
  return out;
}

const RE2& cart_pattern() {
  static const LazyRE2 kCart = {
      R"((?i)add to (?:cart|bag|basket)|in den (?:warenkorb|einkaufswagen)|ajouter au panier|añadir al carrito|aggiungi al carrello|adicionar ao carrinho|in winkelwagen|カートに入れる|加入购物车)"};
  return *kCart;
}

// The counts over elements: code blocks, <time>s, <article>s, buy buttons.
void count_element_signals(const dom::NodeIndex& index, PageSignals& s) {
  for (std::uint32_t i = 0; i < index.size(); ++i) {
    const dom::Node& node = index[i];
    if (!node.is_element()) continue;
    switch (node.tag) {
      case GUMBO_TAG_PRE: ++s.pre_blocks; break;
      case GUMBO_TAG_CODE: ++s.code_spans; break;
      case GUMBO_TAG_TIME: ++s.time_elements; break;
      case GUMBO_TAG_ARTICLE: ++s.article_elements; break;
      default: break;
    }
    if (node.tag == GUMBO_TAG_BUTTON && s.cart_buttons < 1000) {
      s.cart_buttons += count_matches(button_text(node.gumbo), cart_pattern());
    } else if (node.tag == GUMBO_TAG_INPUT && s.cart_buttons < 1000) {
      s.cart_buttons += count_matches(index.attr(i, "value"), cart_pattern());
    }
  }
}

}  // namespace

const RE2& price_pattern() {
  static const LazyRE2 kPrice = {R"([$€£¥]\s?\d|\d\s?(?:€|(?:EUR|USD|GBP)\b))"};
  return *kPrice;
}

PageSignals declared_page_signals(const dom::NodeIndex& index, std::string_view og_type,
                                  const std::vector<std::string>& schema_types,
                                  std::size_t itemprop_prices) {
  PageSignals signals;
  signals.og_type = og_type;
  signals.schema_types = &schema_types;
  signals.itemprop_prices = itemprop_prices;
  count_element_signals(index, signals);
  if (index.body() != dom::kNoNode) signals.body_text = &index;
  return signals;
}

void PageSignals::take_text_counts() const {
  if (body_text == nullptr) return;
  const std::string text = body_text->text_content(body_text->body());
  body_text = nullptr;
  prices += count_matches(text, price_pattern());
  cart_buttons += count_matches(text, cart_pattern());
}

void count_page_signals(const dom::NodeIndex& index, PageSignals& s) {
  count_element_signals(index, s);
  if (index.body() == dom::kNoNode) return;  // a <frameset> page, a truncated index
  s.body_text = &index;
  s.take_text_counts();
}

std::string_view guess_page_type(const PageSignals& s) {
  static const LazyRE2 kDocPath = {
      R"((?i)/(?:docs?|documentation|reference|api|manual|guides?|wiki|man\d?|learn|developers?|tutorials?|handbook|kb|knowledge-?base|help)(?:/|\.|$))"};
  static const LazyRE2 kProductPath = {R"((?i)/(?:products?|p|dp|items?)(?:/|$))"};
  static const LazyRE2 kProductPage = {R"((?i)/products?/[^/?#]+/?(?:[?#]|$))"};
  static const LazyRE2 kCollectionPage = {R"((?i)/collections/[^/?#]+/?(?:[?#]|$))"};
  static const LazyRE2 kShopPath = {
      R"((?i)/(?:collections?|category|categories|c|shop|catalog|browse|search|departments?|store)(?:/|$|\?))"};
  static const LazyRE2 kSiteRoot = {R"(^[a-zA-Z][a-zA-Z0-9+.-]*://[^/]+/?$)"};

  if (s.discussion) return "forum";
  const bool article_schema = is_article_schema(s);
  if (url_matches(s.url, *kDocPath) && !article_schema) return "documentation";
  // A product's own page: its URL or og:type says so.
  if (url_matches(s.url, *kProductPage) || s.og_type == "product" || s.og_type == "og:product") {
    return "product";
  }
  if (s.og_type == "product.group" || url_matches(s.url, *kCollectionPage)) return "collection";
  // A declared article with a date or a byline is one, whatever prices it
  // quotes (buying guides, cost reports).
  if ((article_schema || s.og_type == "article") && (s.dated || s.has_author)) return "article";
  const bool productish = has_type(s, {"Product", "Offer", "AggregateOffer"}) ||
                          s.og_type.find("product") != std::string_view::npos || s.itemprop_prices > 0;
  // What follows reads the counts over the body text.
  s.take_text_counts();
  // A product page shows a few prices (its own, options, related items) and
  // a buy button; a shop's category page shows many of both.
  if ((productish || url_matches(s.url, *kProductPath)) && s.cart_buttons >= 1 && s.prices < 10) {
    return "product";
  }
  const bool shop_path = url_matches(s.url, *kShopPath);
  if (productish && !shop_path && s.prices < 15) return "product";
  if (s.prices >= 10 && (s.cart_buttons >= 2 || shop_path ||
                         has_type(s, {"ItemList", "CollectionPage", "OfferCatalog"}))) {
    return "collection";
  }
  if (shop_path && s.prices >= 3) return "collection";
  // A site's front page (its root URL) shows the dates of the stories it
  // lists; undeclared as an article, it is no article for being dated.
  const bool site_root = url_matches(s.url, *kSiteRoot);
  if (s.dated && s.text_chars > 1500 && !s.link_mode && !site_root) return "article";
  if ((s.pre_blocks >= 2 || s.code_spans >= 8) && !s.dated) return "documentation";
  if (s.link_mode || s.article_elements >= 5 || s.time_elements >= 5) return "listing";
  if (site_root && s.dated && !article_schema) return "listing";
  if (s.dated || article_schema) return "article";
  // SEO slugs ("how-to-choose-a-tutor") name articles; services and
  // landing pages live at short paths.
  const std::string_view slug = last_segment(s.url);
  if (std::count(slug.begin(), slug.end(), '-') >= 3 && s.text_chars > 1500 && !site_root) {
    return "article";
  }
  if (s.text_chars == 0) return "other";
  return "service";
}

bool sells_product(const PageSignals& s) {
  // A buying guide declares the products it reviews: it is an article.
  if (is_article_schema(s)) return false;
  // og:type product is a shop's own declaration (Shopify, IKEA).
  if (s.og_type.find("product") != std::string_view::npos && s.og_type != "product.group") return true;
  // A local service declares itself a JSON-LD Product to show rating
  // stars; a shop shows a price in microdata or a buy button.
  if (!has_type(s, {"Product", "ProductGroup"})) return false;
  s.take_text_counts();
  return s.cart_buttons > 0 || s.itemprop_prices > 0 || has_type(s, {"Offer", "AggregateOffer"});
}

bool has_publication_date(std::string_view page_type) {
  return page_type != "product" && page_type != "collection" && page_type != "listing" &&
         page_type != "service";
}

bool has_publication_date(std::string_view page_type, std::string_view url) {
  if (!has_publication_date(page_type)) return false;
  if (page_type != "documentation") return true;
  static const LazyRE2 kPostPath = {
      R"((?i)^[a-z][a-z0-9+.-]*://[^/]+/(?:[^?#]*/)?(?:blogs?|story|stories|news|articles?|posts?|\d{4}/\d{1,2})(?:/|$))"};
  return RE2::PartialMatch(url, *kPostPath);
}

}  // namespace thresher::content
