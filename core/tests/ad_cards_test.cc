#include "content/ad_cards.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::content {
using testing::Indexed;

const char* kShelf = R"(<body><main id=main>
<div id=text><h1>Executive Chair</h1><p>A chair with hand-applied nail trim, padded arms and a tilt lock for long days.</p></div>
<ul id=shelf>
 <li id=ad1><a href=/p/1>Sharann Executive Chair</a><span>$659.99</span><span id=label1>Sponsored</span></li>
 <li id=own><a href=/p/2>Boss Office Chair</a><span>$273.99</span></li>
 <li id=ad2><div><a href=/p/3>Another Chair</a><span>$99.00</span></div><p>Promoted</p></li>
</ul>
<p id=lone>Advertisement</p>
<p id=prose>An ad is a paid message; this sentence merely talks about one.</p>
</main></body>)";

TEST(AdCards, TheLabelledCardsAndALoneLabel) {
  Indexed t(kShelf);
  const std::vector<std::uint32_t> cards = ad_cards(*t.index, t.by_id("main"), t.by_id("text"));
  EXPECT_EQ(cards, (std::vector<std::uint32_t>{t.by_id("ad1"), t.by_id("ad2"), t.by_id("lone")}));
}

TEST(AdCards, InsideTheTextsBestBlockTheLabelAlone) {
  Indexed t(R"(<body><div id=main><div id=text><p id=label>Sponsored</p>
    <p>A long story with its own words, <a href=/x>sponsored</a> by nobody, told here.</p></div></div></body>)");
  EXPECT_EQ(ad_cards(*t.index, t.by_id("main"), t.by_id("text")), std::vector<std::uint32_t>{t.by_id("label")});
}

}  // namespace thresher::content
