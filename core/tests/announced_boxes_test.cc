#include "content/announced_boxes.h"

#include <gtest/gtest.h>

#include "test_util.h"
#include "thresher/extractor.h"

namespace thresher::content {
using testing::Indexed;

TEST(AnnouncedBoxes, HeadingPhrases) {
  for (const char* h : {"You may also like", "You might also enjoy:", "Related Articles",
                        "Other related articles...", "More From Melissa", "Popular articles",
                        "Other Posts You May Enjoy", "Keep exploring iPad", "More to explore",
                        "People who viewed this item also viewed", "Like this:", "Share it",
                        "Ähnliche Artikel", "À lire aussi", "Artículos relacionados", "Leggi anche",
                        "Frequently bought together", "Recently viewed", "Your recently viewed items",
                        "Others Like You Also Bought:", "Guests also viewed", "Explore related items",
                        "Similar products from outside of Best Buy", "Sponsored products related to this item",
                        "Pairs well with"}) {
    EXPECT_TRUE(announces_link_box(h)) << h;
  }
  for (const char* h : {"See also", "How to share a file", "Related work in the 1990s and its critics",
                        "The most popular sorting algorithm", "Introduction", "Recently viewed pages are cached",
                        "Bought together with friends"}) {
    EXPECT_FALSE(announces_link_box(h)) << h;
  }
}

TEST(AnnouncedBoxes, ShopCarouselPhrases) {
  // Read on pages read as lists of links too: never a listing's own section.
  for (const char* h : {"Frequently bought together", "Recently viewed", "You may also like",
                        "Customers also bought", "Similar items"}) {
    EXPECT_TRUE(announces_shop_carousel(h)) << h;
    EXPECT_TRUE(announces_link_box(h)) << h;
  }
  for (const char* h : {"Most popular", "Trending now", "Related articles", "More from Jane", "Share this"}) {
    EXPECT_FALSE(announces_shop_carousel(h)) << h;
  }
}

TEST(AnnouncedBoxes, InALinkListOnlyACarouselOfProductCardsGoes) {
  Indexed t(R"(<body><div id=a>
<h2 id=h1>Trending now</h2>
<ul id=l1><li><a href=/x>A first story</a> <span>$25.00</span></li><li><a href=/y>A second story</a> <span>$35.00</span></li></ul>
<h2 id=h2>Recently viewed</h2>
<ul id=l2><li><a href=/p>A hat</a> <span>$25.00</span></li><li><a href=/q>A scarf</a> <span>$35.00</span></li></ul>
</div></body>)");
  Selection sel;
  sel.container = t.by_id("a");
  sel.core = sel.container;
  sel.pruned.assign(t.index->size(), false);
  prune_announced_boxes(*t.index, t.features, sel, /*carousels_only=*/true);
  EXPECT_FALSE(sel.pruned[t.by_id("h1")]);
  EXPECT_FALSE(sel.pruned[t.by_id("l1")]);
  EXPECT_TRUE(sel.pruned[t.by_id("h2")]);
  EXPECT_TRUE(sel.pruned[t.by_id("l2")]);
}

TEST(AnnouncedBoxes, DisclosurePhrases) {
  EXPECT_TRUE(is_affiliate_disclosure(
      "We may earn commission from links on this page, but we only recommend products we back."));
  EXPECT_TRUE(is_affiliate_disclosure("As an Amazon Associate I earn from qualifying purchases."));
  EXPECT_TRUE(is_affiliate_disclosure("This post may contain affiliate links."));
  EXPECT_FALSE(is_affiliate_disclosure("I use this soap or this one (both are affiliate links)."));
  EXPECT_FALSE(is_affiliate_disclosure("LWN.net is a reader-supported news site."));
  EXPECT_FALSE(is_affiliate_disclosure("The committee met on Tuesday to discuss the budget."));
}

const char* kArticle = R"(<body><article id=a>
<p>First paragraph of the story, long enough to be prose, with a comma, and then, at last, a full stop.</p>
<p>Second paragraph of the story, also long enough to be prose, with a comma, and then, at last, a stop.</p>
<h3 id=h>You may also like</h3>
<p id=l><a href=/x>A story about something else entirely</a> · <a href=/y>Another one, elsewhere</a></p>
<h2 id=h2>Further thoughts on the matter</h2>
<p id=t>A closing section of the text, long enough to be prose, with a comma, and a stop.</p>
</article></body>)";

TEST(AnnouncedBoxes, HeadingAndItsLinksArePruned) {
  Indexed t(kArticle);
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_TRUE(sel.pruned[t.by_id("h")]);
  EXPECT_TRUE(sel.pruned[t.by_id("l")]);
  EXPECT_FALSE(sel.pruned[t.by_id("h2")]);
  EXPECT_FALSE(sel.pruned[t.by_id("t")]);
}

TEST(AnnouncedBoxes, HeadingFollowedByProseStays) {
  Indexed t(R"(<body><article id=a>
<p>First paragraph of the story, long enough to be prose, with a comma, and then, at last, a full stop.</p>
<h3 id=h>Related research</h3>
<p id=p>Earlier studies found the same effect in mice, with a smaller sample, and in rats.</p>
</article></body>)");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_FALSE(sel.pruned[t.by_id("h")]);
  EXPECT_FALSE(sel.pruned[t.by_id("p")]);
}

TEST(AnnouncedBoxes, ProductCardsArePrunedThoughMostlyUnlinked) {
  // A shop's carousel links each card's name only; prices and delivery
  // lines are plain text.
  Indexed t(R"(<body><div id=a>
<p>The product's description, long enough to be prose, with a comma, and then, at last, a full stop.</p>
<p>More of the description, also long enough to be prose, with a comma, and then, at last, a stop.</p>
<div id=w><h2 id=h>Customers also bought</h2></div>
<ul id=l><li><a href=/x>Cable</a> <span>$25.00</span> <span>Free delivery on orders over $100</span></li>
<li><a href=/y>Case</a> <span>$35.00</span> <span>Free delivery on orders over $100</span></li></ul>
</div></body>)");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_TRUE(sel.pruned[t.by_id("w")]);
  EXPECT_TRUE(sel.pruned[t.by_id("l")]);
}

TEST(AnnouncedBoxes, UnlinkedTableOfPricesStays) {
  // Rates by state under "Related resources": data, not product cards.
  Indexed t(R"(<body><div id=a>
<p>The study's findings, long enough to be prose, with a comma, and then, at last, a full stop here.</p>
<p>More of the findings, also long enough to be prose, with a comma, and then, at last, a stop.</p>
<h3 id=h>Related resources</h3>
<table id=t><tr><td>Alaska</td><td>$14.55</td></tr><tr><td>Wyoming</td><td>$43.88</td></tr>
<tr><td>Montana</td><td>$45.57</td></tr></table>
</div></body>)");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_FALSE(sel.pruned[t.by_id("h")]);
  EXPECT_FALSE(sel.pruned[t.by_id("t")]);
}

TEST(AnnouncedBoxes, BoxEndsAtASiblingHoldingAHigherHeading) {
  // A carousel above the product: its box ends at the wrapper holding the
  // product's <h1>, price and buy box, however those are nested.
  Indexed t(R"(<body><div id=a>
<div id=w><h2>People who viewed this item also viewed</h2></div>
<ul id=l><li><a href=/x>Another chain</a> <span>$153.43</span></li>
<li><a href=/y>A third chain</a> <span>$168.54</span></li></ul>
<div id=p><div><h1>The product</h1><span id=price>$163.12</span></div>
<p>The product's description, long enough to be prose, with a comma, and then, at last, a full stop.</p>
<p>More of the description, also long enough to be prose, with a comma, and then, at last, a stop.</p></div>
</div></body>)");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_TRUE(sel.pruned[t.by_id("w")]);
  EXPECT_TRUE(sel.pruned[t.by_id("l")]);
  EXPECT_FALSE(sel.pruned[t.by_id("p")]);
  EXPECT_FALSE(sel.pruned[t.by_id("price")]);
}

TEST(AnnouncedBoxes, DisclosureAtTheEdgeGoesInTheMiddleStays) {
  Indexed t(R"(<body><article id=a>
<p id=d1>We may earn a commission from links on this page.</p>
<p>First paragraph of the story, long enough to be prose, with a comma, and then, at last, a full stop.</p>
<p id=d2>Bloggers earn a commission on each sale, which is how the programme pays.</p>
<p>Second paragraph of the story, also long enough to be prose, with a comma, and then, at last, a stop.</p>
</article></body>)");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_TRUE(sel.pruned[t.by_id("d1")]);
  EXPECT_FALSE(sel.pruned[t.by_id("d2")]);
}

TEST(AnnouncedBoxes, EveryDisclosurePhraseIsFoundInTheTree) {
  // The phrases are tested only where a text node holds one of their key
  // words: each phrase, split over inline tags, must still be pruned.
  for (const char* phrase :
       {"We <b>earn</b> a small commission from <i>purchases</i> here.", "Our affiliate <a href=/p>partners</a> pay us.",
        "This page <em>contains</em> affiliate links, sadly.", "As an Amazon Associate I earn.",
        "We earn from qualifying purchases made here.", "The author <b>may be compensated</b> for this.",
        "Every product was chosen independently by us.", "Hinweis: Affiliate-Links im Text.",
        "Bei einem Kauf erhalten wir eine Provision.", "Cet article contient des liens affiliés.",
        "Nous touchons une commission sur les ventes.", "Este artículo usa enlaces de afiliados.",
        "Podemos recibir una comisión por ventas."}) {
    Indexed t(std::string("<body><article id=a><p id=d>") + phrase +
              "</p><p>First paragraph of the story, long enough to be prose, with a comma, and then, at "
              "last, a full stop.</p></article></body>");
    const Selection sel = select_content(*t.index, t.features, Options{}, "");
    ASSERT_EQ(sel.container, t.by_id("a")) << phrase;
    EXPECT_TRUE(sel.pruned[t.by_id("d")]) << phrase;
  }
}

TEST(AnnouncedBoxes, FullExtractorDropsTheBoxAndTheDisclosure) {
  // End to end: class filtering and the renderer see the same thing.
  std::string html = "<body><div class=post-body><p>As an Amazon Associate I earn from qualifying purchases.</p>";
  for (int k = 0; k < 3; ++k) {
    html += "<p>A paragraph of the review, long enough to count as prose, with commas, and then, at last, a stop.</p>";
  }
  html += "<div class=x1><h2>Other posts you may enjoy</h2></div><ul><li><a href=/a>The first other post "
          "of the blog</a></li><li><a href=/b>The second other post of the blog</a></li></ul></div></body>";
  const Extractor ex;
  auto r = ex.extract(html);
  ASSERT_TRUE(r);
  const std::string& text = r.value().text;
  EXPECT_NE(text.find("A paragraph of the review"), std::string::npos);
  EXPECT_EQ(text.find("Amazon Associate"), std::string::npos);
  EXPECT_EQ(text.find("you may enjoy"), std::string::npos);
  EXPECT_EQ(text.find("second other post"), std::string::npos);
}

}  // namespace thresher::content
