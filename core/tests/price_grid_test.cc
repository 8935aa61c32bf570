#include "content/price_grid.h"

#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace thresher::content {
using testing::Indexed;

// A card: a linked name in its own block, swatches, a price.
std::string cards(int n, const char* price = "$19.99") {
  std::string html;
  for (int k = 0; k < n; ++k) {
    html += "<li class=card><a href=/p/" + std::to_string(k) + "><h2>Cup " + std::to_string(k) +
            "</h2></a><div>Red</div><div>Blue</div><div class=price>" + price + "</div></li>";
  }
  return html;
}

TEST(PriceGrid, SmallestElementHoldingMostPrices) {
  Indexed t("<body><nav><a href=/>Home</a></nav><div id=page><p>Our cups.</p><ul id=grid>" +
            cards(10) + "</ul></div><footer>$5 shipping</footer></body>");
  EXPECT_EQ(count_prices(*t.index, t.index->body()), 11u);
  EXPECT_EQ(find_price_grid(*t.index, t.features, t.index->body(), 8), t.by_id("grid"));
}

TEST(PriceGrid, TooFewPricesNoGrid) {
  Indexed t("<body><ul id=grid>" + cards(5) + "</ul></body>");
  EXPECT_EQ(find_price_grid(*t.index, t.features, t.index->body(), 8), dom::kNoNode);
}

TEST(PriceGrid, PricesSplitHalfAndHalfStopAtTheirParent) {
  Indexed t("<body><div id=both><ul id=a>" + cards(8, "14,90 €") + "</ul><ul id=b>" +
            cards(9) + "</ul></div></body>");
  // b holds more than half: it is the grid; a alone would not be.
  EXPECT_EQ(find_price_grid(*t.index, t.features, t.index->body(), 8), t.by_id("b"));
}

TEST(PriceGrid, GridInsideFurnitureIsNone) {
  Indexed t("<body><p>A product page.</p><aside class=related-products><ul>" + cards(10) +
            "</ul></aside></body>");
  EXPECT_EQ(find_price_grid(*t.index, t.features, t.index->body(), 8), dom::kNoNode);
}

TEST(PriceGrid, HiddenPricesDoNotCount) {
  Indexed t("<body><ul id=grid hidden>" + cards(10) + "</ul></body>");
  EXPECT_EQ(count_prices(*t.index, t.index->body()), 0u);
  EXPECT_EQ(find_price_grid(*t.index, t.features, t.index->body(), 8), dom::kNoNode);
}

}  // namespace thresher::content
