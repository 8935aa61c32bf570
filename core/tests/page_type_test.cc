// Page-type guesses from the evidence a page gives.
#include "content/page_type.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::content {
namespace {

PageSignals prose(std::string_view url) {
  PageSignals s;
  s.url = url;
  s.text_chars = 4000;
  return s;
}

TEST(PageType, DiscussionsAreForums) {
  PageSignals s = prose("https://e.org/t/how-to-fix/123");
  s.discussion = true;
  EXPECT_EQ(guess_page_type(s), "forum");
}

TEST(PageType, DocumentationByPathOrCode) {
  EXPECT_EQ(guess_page_type(prose("https://e.org/docs/install")), "documentation");
  PageSignals code = prose("https://e.org/install");
  code.pre_blocks = 4;
  EXPECT_EQ(guess_page_type(code), "documentation");
  // A dated post with code is an article.
  code.dated = true;
  EXPECT_EQ(guess_page_type(code), "article");
}

TEST(PageType, ProductsAndCollections) {
  EXPECT_EQ(guess_page_type(prose("https://shop.example/products/blue-mug")), "product");
  EXPECT_EQ(guess_page_type(prose("https://shop.example/collections/mugs")), "collection");
  const std::vector<std::string> product_types = {"Product", "Offer"};
  PageSignals one = prose("https://shop.example/blue-mug");
  one.schema_types = &product_types;
  one.prices = 3;
  one.cart_buttons = 1;
  EXPECT_EQ(guess_page_type(one), "product");
  PageSignals grid = prose("https://shop.example/category/mugs");
  grid.prices = 40;
  grid.cart_buttons = 20;
  EXPECT_EQ(guess_page_type(grid), "collection");
}

TEST(PageType, ArticlesListingsServices) {
  PageSignals dated = prose("https://news.example/2024/05/01/story");
  dated.dated = true;
  EXPECT_EQ(guess_page_type(dated), "article");
  PageSignals links = prose("https://news.example/world");
  links.link_mode = true;
  EXPECT_EQ(guess_page_type(links), "listing");
  EXPECT_EQ(guess_page_type(prose("https://agency.example/services/seo")), "service");
  EXPECT_EQ(guess_page_type(prose("https://blog.example/how-to-choose-a-good-tutor")), "article");
  PageSignals empty;
  EXPECT_EQ(guess_page_type(empty), "other");
}

TEST(PageType, ADatedFrontPageIsAListing) {
  PageSignals front = prose("https://news.example/");
  front.dated = true;
  EXPECT_EQ(guess_page_type(front), "listing");
  // Unless it declares itself an article (a one-post blog's front page).
  const std::vector<std::string> article = {"BlogPosting"};
  front.schema_types = &article;
  EXPECT_EQ(guess_page_type(front), "article");
  // One level down, a dated page stays an article.
  PageSignals story = prose("https://news.example/story");
  story.dated = true;
  EXPECT_EQ(guess_page_type(story), "article");
}

TEST(PageType, DeclaredArticlesWinOverPrices) {
  const std::vector<std::string> article = {"Article", "ItemList"};
  PageSignals guide = prose("https://reviews.example/best-wireless-earbuds/");
  guide.schema_types = &article;
  guide.has_author = true;
  guide.prices = 80;
  EXPECT_EQ(guess_page_type(guide), "article");
  guide.has_author = false;  // no date, no byline: the prices decide
  guide.cart_buttons = 3;
  EXPECT_EQ(guess_page_type(guide), "collection");
}

TEST(PageType, ShopsSellWhatTheyDeclare) {
  const std::vector<std::string> product = {"Product", "BreadcrumbList"};
  PageSignals s;
  s.schema_types = &product;
  EXPECT_FALSE(sells_product(s));  // a local service rated with stars
  s.cart_buttons = 1;
  EXPECT_TRUE(sells_product(s));
  PageSignals og;
  og.og_type = "product";  // a shop's own declaration: no button needed
  EXPECT_TRUE(sells_product(og));
  og.og_type = "product.group";  // a collection
  EXPECT_FALSE(sells_product(og));
  const std::vector<std::string> guide = {"NewsArticle", "Product", "Offer"};
  PageSignals article;
  article.schema_types = &guide;
  article.cart_buttons = 5;
  EXPECT_FALSE(sells_product(article));  // a buying guide
}

TEST(PageType, OnlyWritingsHavePublicationDates) {
  for (std::string_view t : {"article", "forum", "documentation", "other"}) EXPECT_TRUE(has_publication_date(t));
  for (std::string_view t : {"product", "collection", "listing", "service"}) EXPECT_FALSE(has_publication_date(t));
  // A documentation page's date is a build or edit date, unless its path says it is a post.
  EXPECT_FALSE(has_publication_date("documentation", "https://www.postgresql.org/docs/18/sql-select.html"));
  EXPECT_TRUE(has_publication_date("documentation", "https://www.splunk.com/en_us/blog/learn/tools.html"));
  EXPECT_TRUE(has_publication_date("documentation", "https://developers.example.org/story/25/12/19/236259/x"));
  EXPECT_TRUE(has_publication_date("documentation", "https://docs.example.org/2024/05/release-notes"));
  EXPECT_TRUE(has_publication_date("article", "https://example.org/docs/x"));
  EXPECT_FALSE(has_publication_date("product", "https://example.org/blog/x"));
}

TEST(PageType, CountsComeFromThePage) {
  testing::Indexed page(
      "<body><pre>a</pre><pre>b</pre><code>x</code><time>1</time><article>a</article>"
      "<span itemprop=price>12</span><p>$12.00 and 5 € and 7 EUR</p><button>Add to Cart</button></body>");
  PageSignals s;
  count_page_signals(*page.index, s);
  EXPECT_EQ(s.pre_blocks, 2u);
  EXPECT_EQ(s.code_spans, 1u);
  EXPECT_EQ(s.time_elements, 1u);
  EXPECT_EQ(s.article_elements, 1u);
  EXPECT_EQ(s.prices, 3u);
  EXPECT_EQ(s.cart_buttons, 1u);

  // With what the fields stage found, the signals say whether the page sells.
  const std::vector<std::string> types = {"Product"};
  const PageSignals declared = declared_page_signals(*page.index, "product", types, 1);
  EXPECT_EQ(declared.og_type, "product");
  EXPECT_EQ(declared.schema_types, &types);
  EXPECT_EQ(declared.itemprop_prices, 1u);
  EXPECT_EQ(declared.cart_buttons, 1u);  // the button; the body text is not read yet
  EXPECT_EQ(declared.prices, 0u);
  EXPECT_TRUE(sells_product(declared));
  const std::vector<std::string> none;
  EXPECT_FALSE(sells_product(declared_page_signals(*page.index, "article", none, 0)));
}

TEST(PageType, BodyTextCountedOnlyWhenADecisionReadsIt) {
  testing::Indexed page("<body><p>$12.00 and 5 € and 7 EUR</p><p>Add to cart</p></body>");
  const std::vector<std::string> article = {"NewsArticle"};
  PageSignals dated = declared_page_signals(*page.index, "article", article, 0);
  dated.dated = true;
  EXPECT_EQ(guess_page_type(dated), "article");  // settled by what the page declares
  EXPECT_NE(dated.body_text, nullptr);
  EXPECT_EQ(dated.prices, 0u);

  const std::vector<std::string> none;
  const PageSignals plain = declared_page_signals(*page.index, "", none, 0);
  plain.take_text_counts();
  EXPECT_EQ(plain.body_text, nullptr);
  EXPECT_EQ(plain.prices, 3u);
  EXPECT_EQ(plain.cart_buttons, 1u);
  plain.take_text_counts();  // once only
  EXPECT_EQ(plain.prices, 3u);
  EXPECT_EQ(plain.cart_buttons, 1u);
  // guess_page_type reads them when it gets that far.
  PageSignals shop = declared_page_signals(*page.index, "", none, 0);
  shop.url = "https://shop.example/shop/mugs";
  EXPECT_EQ(guess_page_type(shop), "collection");
  EXPECT_EQ(shop.prices, 3u);
}

}  // namespace
}  // namespace thresher::content
