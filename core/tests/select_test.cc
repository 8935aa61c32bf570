#include "content/select.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::content {
using testing::Indexed;

const char* kPage = R"(<body>
<nav><ul><li><a href=/a>Home</a></li><li><a href=/b>World news</a></li><li><a href=/c>Sport</a></li></ul></nav>
<div id=wrap>
 <div id=story>
  <h1>The headline of the story</h1>
  <p>First paragraph of the story, long enough to be prose, with a comma, and a full stop.</p>
  <div id=links><a href=/r1>A related story about something else entirely</a> <a href=/r2>Another related story</a></div>
  <p>Second paragraph of the story, also long enough to be prose, with a comma, and a stop.</p>
 </div>
 <div id=side><a href=/x>Most read story number one of the day</a><br><a href=/y>Most read story number two</a></div>
</div>
<footer>Copyright 2024 Example Corp. All rights reserved.</footer>
</body>)";

TEST(Select, PicksTheStoryAndPrunesLinksAndTheTitle) {
  Indexed t(kPage);
  const Options opts;
  const Selection sel = select_content(*t.index, t.features, opts, "The headline of the story");
  ASSERT_EQ(sel.container, t.by_id("story"));
  EXPECT_TRUE(sel.pruned[t.by_id("links")]);
  bool title_pruned = false;
  for (const auto& r : sel.rules_fired) title_pruned |= r.starts_with("title_heading");
  EXPECT_TRUE(title_pruned);
}

TEST(Select, LandingPageHeadlineIsKept) {
  // An undated page whose <h1> no declared title agrees with: a headline of
  // the text, not its title.
  EXPECT_EQ(title_heading_to_prune("Build what's next", true, false), "");
  // A dated page's, or one the declared title agrees with: the title.
  EXPECT_EQ(title_heading_to_prune("The headline", true, true), "The headline");
  EXPECT_EQ(title_heading_to_prune("The headline", false, false), "The headline");
}

TEST(Select, FurnitureIsNeverTheContainer) {
  Indexed t("<body><footer id=f><p>A footer paragraph with words, commas, and stops.</p></footer>"
            "<div id=d><p>Real text here, a little longer than the footer's, with a comma.</p></div></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  EXPECT_EQ(sel.container, t.by_id("d"));
}

TEST(Select, EmptyPageHasAReason) {
  Indexed t("<body><nav><a href=/>Home</a></nav></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  EXPECT_EQ(sel.container, dom::kNoNode);
  EXPECT_FALSE(sel.empty_reason.empty());
}

TEST(Select, CommentsAreSetApart) {
  Indexed t("<body><article id=a><p>Body text of the article, which is long enough, really.</p>"
            "<section id=comments><p>Nice post, thanks for sharing it with us!</p></section></article></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_TRUE(sel.pruned[t.by_id("comments")]);
  ASSERT_EQ(sel.comment_roots.size(), 1u);
}

TEST(Select, BoilerplateNamedWrapperAroundEverythingIsIgnored) {
  // A page-level wrapper named like furniture must not remove the page.
  Indexed t("<body><div id=page class='has-sidebar'><article id=a><p>Real text, with commas, "
            "and a stop. More text here, too.</p></article></div></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  EXPECT_EQ(sel.container, t.by_id("a"));
}

}  // namespace thresher::content

namespace thresher::content {

TEST(Select, DiscussionPagesAreRecognised) {
  EXPECT_TRUE(is_discussion_page("DiscussionForumPosting", ""));
  EXPECT_TRUE(is_discussion_page("QAPage", "https://example.com/x"));
  EXPECT_TRUE(is_discussion_page("", "https://community.example.com/t/some-topic/7798"));
  EXPECT_TRUE(is_discussion_page("", "https://example.com/forums/threads/help.123/"));
  EXPECT_TRUE(is_discussion_page("", "https://example.com/questions/42/how-do-i"));
  EXPECT_FALSE(is_discussion_page("NewsArticle", "https://example.com/news/politics/story"));
  EXPECT_FALSE(is_discussion_page("", "https://example.com/topical-news/story"));
  EXPECT_TRUE(is_discussion_page("", "https://www.example.com/r/science/comments/1abc/some_title/"));
  EXPECT_TRUE(is_discussion_page("", "https://community.example.com/travel-forum/asia/first-trip"));
  EXPECT_FALSE(is_discussion_page("", "https://example.com/forumula/story"));
  EXPECT_FALSE(is_discussion_page("", "https://example.com/blog/no-comments-policy"));
  EXPECT_TRUE(is_discussion_page("", "https://example.com/topic/1234-help-with-wiring/"));
  EXPECT_FALSE(is_discussion_page("", "https://example.com/topics/health-fitness/best-toothbrush"));
}

TEST(Select, RepliesAreContentOnDiscussionPages) {
  testing::Indexed t(
      "<body><div id=thread><div class=post><p>The question, asked at length, with commas, and a stop.</p></div>"
      "<div id=replies class=comments><div class=post><span class=author>bob</span>"
      "<p>An answer that is also long enough to count as prose, with commas.</p></div></div></div></body>");
  const Selection article = select_content(*t.index, t.features, Options{}, "");
  EXPECT_TRUE(article.pruned[t.by_id("replies")]);
  BlockWeights w;
  w.comments_are_content = true;
  const auto features = compute_features(*t.index, t.rules, w);
  const Selection thread = select_content(*t.index, features, Options{}, "", false, true);
  EXPECT_EQ(thread.container, t.by_id("thread"));
  EXPECT_FALSE(thread.pruned[t.by_id("replies")]);
  for (const auto& r : thread.rules_fired) EXPECT_EQ(r.find("byline"), std::string::npos) << r;
}

}  // namespace thresher::content

namespace thresher::content {

TEST(Features, NavigationNamedProseIsNotAMenu) {
  const std::string prose(200, 'w');
  testing::Indexed t("<body><div id=menu class=main-nav><a href=/a>Home</a> <a href=/b>About us</a></div>"
                     "<div id=section class='lm_navSource'><h2>Contact management</h2><p>" + prose +
                     " and more words.</p></div><nav id=real><p>" + prose + "</p></nav></body>");
  EXPECT_TRUE(t.features[t.by_id("menu")].boilerplate);
  EXPECT_FALSE(t.features[t.by_id("section")].boilerplate);
  EXPECT_TRUE(t.features[t.by_id("real")].boilerplate);  // <nav> is taken at its word
}

TEST(Features, ReviewsAreFurnitureOnAShopPageOnly) {
  // Reviews are long unlinked prose (over furniture_max_prose here): on a
  // product page they are furniture all the same; elsewhere (a review
  // site) "review" names the content.
  std::string reviews, description;
  for (int k = 0; k < 20; ++k) reviews += "<p>Great mug, sturdy and well made, would buy it again. Five stars from me.</p>";
  for (int k = 0; k < 25; ++k) description += "<p>A stoneware mug, glazed by hand, holds 300 ml, and is safe in a dishwasher.</p>";
  const std::string html = "<body><div id=product>" + description + "</div>"
                           "<section id=reviews class=okeReviews>" + reviews + "</section></body>";
  testing::Indexed t(html);
  EXPECT_FALSE(t.features[t.by_id("reviews")].boilerplate);
  BlockWeights shop;
  shop.shop_page = true;
  const auto features = compute_features(*t.index, t.rules, shop);
  EXPECT_TRUE(features[t.by_id("reviews")].boilerplate);
  EXPECT_EQ(select_content(*t.index, features, Options{}, "").container, t.by_id("product"));
}

TEST(Features, ShopTermsAreFurnitureButNotAContentWrapperFlaggedWithThem) {
  // WooCommerce flags the product's own wrapper "post-12 instock
  // shipping-taxable": a content name beside the shop word keeps it.
  testing::Indexed t("<body><div id=product class='product post-12 instock shipping-taxable'>"
                     "<p>A stoneware mug, glazed by hand, holds 300 ml, and is safe in a dishwasher.</p>"
                     "<div id=terms class=delivery-returns><p>Free delivery over $50. Returns within 30 days.</p></div>"
                     "</div></body>");
  BlockWeights shop;
  shop.shop_page = true;
  const auto features = compute_features(*t.index, t.rules, shop);
  EXPECT_FALSE(features[t.by_id("product")].boilerplate);
  EXPECT_TRUE(features[t.by_id("terms")].boilerplate);
  EXPECT_FALSE(t.features[t.by_id("terms")].boilerplate);  // not on other pages
}

TEST(Select, ItemMetaLinesAreContentInLinkMode) {
  // In a list of links (a listing, a catalogue) each item's "meta" line
  // (authors, date, price) belongs to the item; in prose it is furniture.
  testing::Indexed t(
      "<body><div id=list><h1>Recent papers</h1>"
      "<dl><dt><a href=/1>Paper one on sparse attention</a></dt><dd><div id=m1 class=meta>A. Author, B. Author</div></dd>"
      "<dt><a href=/2>Paper two on massive activations</a></dt><dd><div class=meta>C. Author</div></dd></dl></div></body>");
  const auto link_features = compute_features(*t.index, t.rules, link_list_weights());
  const Selection listing = select_content(*t.index, link_features, Options{}, "", /*link_mode=*/true);
  ASSERT_NE(listing.container, dom::kNoNode);
  EXPECT_FALSE(listing.pruned[t.by_id("m1")]);
  const Selection prose = select_content(*t.index, link_features, Options{}, "", /*link_mode=*/false);
  EXPECT_TRUE(prose.pruned[t.by_id("m1")]);
}

// One paragraph of an article's prose (about 110 characters).
const std::string para = "<p>" + std::string(60, 'w') + ", a sentence of the article, with commas, and a stop.</p>";

TEST(Select, SiblingSectionsAroundALinkBoxAreJoined) {
  // A page builder's text blocks with a box of links among them: the parent
  // is worth less than the longest block, yet every block is the article.
  std::string links;
  for (int k = 0; k < 12; ++k) links += "<a href=/p" + std::to_string(k) + ">Another post on the same site number " + std::to_string(k) + "</a> ";
  testing::Indexed t("<body><div id=col><div id=s1>" + para + para + "</div><div id=box>" + links +
                     "</div><div id=s2>" + para + para + para + "</div><div id=s3>" + para + para +
                     "</div><div id=tiny><p>Share</p></div></div></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  EXPECT_EQ(sel.core, t.by_id("s2"));
  EXPECT_EQ(sel.container, t.by_id("col"));
  EXPECT_TRUE(sel.pruned[t.by_id("box")]);
  EXPECT_FALSE(sel.pruned[t.by_id("s1")]);
  EXPECT_FALSE(sel.pruned[t.by_id("s3")]);
}

TEST(Select, AHeadedSectionOfLinkedCardsIsNotDroppedWhole) {
  // A landing page's "Templates" section: a heading, an introduction, then
  // cards that are links. Its value is negative, but when the sections
  // around it join, only its link list goes, not its heading and intro.
  std::string cards;
  for (int k = 0; k < 12; ++k) cards += "<li><a href=/t" + std::to_string(k) + ">Template number " + std::to_string(k) + " for your team</a></li>";
  testing::Indexed t("<body><div id=col><div id=s1>" + para + para + para + "</div>"
                     "<div id=templates><h2 id=th>Kickstart your next project</h2>" + para +
                     "<ul id=cards>" + cards + "</ul></div><div id=s2>" + para + para + "</div></div></body>");
  ASSERT_LT(t.features[t.by_id("templates")].subtree_value, 0.f);
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  EXPECT_EQ(sel.container, t.by_id("col"));
  EXPECT_FALSE(sel.pruned[t.by_id("templates")]);
  EXPECT_FALSE(sel.pruned[t.by_id("th")]);
  EXPECT_TRUE(sel.pruned[t.by_id("cards")]);
}

TEST(Select, AHeadingAndALeadOverLinkedCardsAreASectionOnAnUndatedPage) {
  // A landing page's section introduced by a heading and a one-line lead
  // (shorter than a paragraph) over cards that are links: on an undated
  // page it joins with its heading and lead; on a dated page the same box
  // is a "more from us" box, dropped whole.
  std::string cards;
  for (int k = 0; k < 12; ++k) cards += "<li><a href=/t" + std::to_string(k) + ">Template number " + std::to_string(k) + " for your team</a></li>";
  const std::string html = "<body><div id=col><div id=s1>" + para + para + para + "</div>"
                           "<div id=templates><h2 id=th>The path to every person in your team</h2>"
                           "<p>Use cases and ready-made templates to activate AI in all of your workflows</p>"
                           "<ul id=cards>" + cards + "</ul></div><div id=s2>" + para + para + "</div></div></body>";
  testing::Indexed t(html);
  ASSERT_LT(t.features[t.by_id("templates")].subtree_value, 0.f);
  ASSERT_FALSE(t.features[t.by_id("templates")].holds_paragraph);
  const Selection undated = select_content(*t.index, t.features, Options{}, "", false, false, true);
  EXPECT_EQ(undated.container, t.by_id("col"));
  EXPECT_FALSE(undated.pruned[t.by_id("templates")]);
  EXPECT_FALSE(undated.pruned[t.by_id("th")]);
  const Selection dated = select_content(*t.index, t.features, Options{}, "");
  EXPECT_EQ(dated.container, t.by_id("col"));
  EXPECT_TRUE(dated.pruned[t.by_id("templates")]);
}

TEST(Select, AHeadingOverCardLinksIsASectionOnAnUndatedPage) {
  // Cards each drawn as one link around a title and a description, under a
  // bare heading: the page's list of what it offers, not a box to drop.
  std::string cards;
  for (int k = 0; k < 6; ++k) {
    cards += "<a href=/s" + std::to_string(k) + "><h3>Service " + std::to_string(k) +
             "</h3><p>What this service does for your business, in a line</p></a>";
  }
  testing::Indexed t("<body><div id=col><div id=s1>" + para + para + para + "</div>"
                     "<div id=offer><h2>Our services</h2>" + cards + "</div><div id=s2>" + para + para +
                     "</div></div></body>");
  ASSERT_LT(t.features[t.by_id("offer")].subtree_value, 0.f);
  const Selection undated = select_content(*t.index, t.features, Options{}, "", false, false, true);
  EXPECT_EQ(undated.container, t.by_id("col"));
  EXPECT_FALSE(undated.pruned[t.by_id("offer")]);
  const Selection dated = select_content(*t.index, t.features, Options{}, "");
  EXPECT_TRUE(dated.pruned[t.by_id("offer")]);
}

TEST(Features, ACollapsedAccordionAnswerIsNotFurniture) {
  // An FAQ's answer hidden by a utility class until its question (a
  // button) is clicked is text of the page; a "hidden" box elsewhere is not.
  testing::Indexed t("<body><div id=faq><div><button type=button><h3>How much does it cost?</h3></button>"
                     "<div id=answer class='text-sm hidden'>" + para + "</div></div>"
                     "<div><span>Label</span><div id=other class=hidden>" + para + "</div></div></div></body>");
  EXPECT_FALSE(t.features[t.by_id("answer")].boilerplate);
  EXPECT_TRUE(t.features[t.by_id("other")].boilerplate);
  EXPECT_TRUE(follows_toggle_button(*t.index, t.by_id("answer")));
  EXPECT_FALSE(follows_toggle_button(*t.index, t.by_id("other")));
}

TEST(Select, ManySmallSectionsTogetherAreJoined) {
  // A service landing page: one long section and several short ones, each
  // below the one-sibling share of the best, together a good part of it;
  // call-to-action links between them make the parent worth less than the
  // long section alone.
  std::string best;
  for (int k = 0; k < 12; ++k) best += para;
  std::string ctas;
  for (int k = 0; k < 10; ++k) ctas += "<a href=/c" + std::to_string(k) + ">Book a free consultation with us today</a> ";
  std::string html = "<body><div id=col><div id=main>" + best + "</div>";
  for (int k = 0; k < 3; ++k) {
    html += "<div>" + ctas + "</div><section id=s" + std::to_string(k) + "><h2>Feature " + std::to_string(k) +
            "</h2>" + para + para + "</section>";
  }
  html += "</div></body>";
  testing::Indexed t(html);
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  EXPECT_EQ(sel.core, t.by_id("main"));
  EXPECT_EQ(sel.container, t.by_id("col"));
}

TEST(Select, LoadingPlaceholdersAreNoContent) {
  // A script-filled grid still showing its skeleton: thirty "Loading..."
  // cards outweighed the one real paragraph by their length alone.
  std::string grid;
  for (int k = 0; k < 30; ++k) grid += k % 2 ? "<div><p>Loading...</p></div>" : "<div><p>Loading\u2026</p></div>";
  testing::Indexed t("<body><div id=grid>" + grid + "</div><div id=real>" + para + "</div></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  EXPECT_EQ(sel.container, t.by_id("real"));
}

TEST(Select, ALoneSectionIsNotJoinedToItsNeighbours) {
  // Beside the article only small boxes: the container stays the article.
  testing::Indexed t("<body><div id=col><div id=story>" + para + para + para +
                     "</div><div><p>Posted in News</p></div><div><p>Share this story</p></div></div></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  EXPECT_EQ(sel.container, t.by_id("story"));
}

TEST(Select, CatalogueItemsWinOverTheCategoryBlurb) {
  // A product grid (names and prices, all links) above a long SEO text: the
  // prose pass picks the text; the prices say the grid is the content.
  std::string grid;
  for (int k = 0; k < 10; ++k) {
    grid += "<div class=card><a href=/p" + std::to_string(k) + ">Leather dress shoe model " +
            std::to_string(k) + "</a><span>$" + std::to_string(30 + k) + ".00</span></div>";
  }
  const std::string blurb = "<p>" + std::string(300, 'w') + ", our shoes are crafted with care, and fit well.</p>";
  testing::Indexed t("<body><div id=grid>" + grid + "</div><div id=seo>" + blurb + blurb + "</div></body>");
  const ContentChoice choice = choose_content(*t.index, match_elements(*t.index, t.rules), t.features, Options{}, "");
  EXPECT_TRUE(choice.link_mode);
  const std::uint32_t c = choice.selection.container, grid_node = t.by_id("grid");
  ASSERT_NE(c, dom::kNoNode);
  EXPECT_TRUE(c <= grid_node && (*t.index)[c].end > grid_node);  // the grid is in the content

  // Without prices the same page is read as prose.
  std::string links;
  for (int k = 0; k < 10; ++k) links += "<div><a href=/p" + std::to_string(k) + ">Leather dress shoe model " + std::to_string(k) + "</a></div>";
  testing::Indexed plain("<body><div id=grid>" + links + "</div><div id=seo>" + blurb + blurb + "</div></body>");
  const ContentChoice prose = choose_content(*plain.index, match_elements(*plain.index, plain.rules), plain.features, Options{}, "");
  EXPECT_FALSE(prose.link_mode);
  EXPECT_EQ(prose.selection.container, plain.by_id("seo"));
}

TEST(Select, AGridOfTinyBlocksIsTheContentOfAWeakPage) {
  // Cards made of many tiny blocks (a linked name, swatches, a price) add up
  // to less than nothing in either reading, and the best block is one card's
  // price line: the grid holding most prices is the container.
  std::string grid;
  for (int k = 0; k < 12; ++k) {
    grid += "<li class=card><a href=/p" + std::to_string(k) + "><h2>Cup " + std::to_string(k) +
            "</h2></a><div><a href=/c1>Red</a></div><div><a href=/c2>Blue</a></div><div><a href=/c3>Lilac</a></div>"
            "<div><a href=/c4>Ruby</a></div><div>8oz &bull; 227ml $" + std::to_string(20 + k) + ".95</div></li>";
  }
  testing::Indexed t("<body><div id=page><ul id=grid>" + grid + "</ul></div></body>");
  const ContentChoice choice = choose_content(*t.index, match_elements(*t.index, t.rules), t.features, Options{}, "");
  EXPECT_TRUE(choice.link_mode);
  EXPECT_EQ(choice.selection.container, t.by_id("grid"));
}

TEST(Select, AWeakPageOfTinyBlocksFallsBackToItsMain) {
  // A store's landing: tiles of three-letter blocks, worth nothing in either
  // reading, and one short line: the <main> that shows far more is the content.
  std::string tiles;
  for (int k = 0; k < 20; ++k) {
    tiles += "<div class=tile><a href=/p" + std::to_string(k) +
             "><div>Tee</div></a><div>New</div><div>Red</div><div>Blue</div></div>";
  }
  const std::string intro = "<p id=intro>Shop our new collection of shirts, made to last for years.</p>";
  testing::Indexed t("<body><main id=m>" + intro + tiles + "</main></body>");
  const ContentChoice choice = choose_content(*t.index, match_elements(*t.index, t.rules), t.features, Options{}, "");
  EXPECT_EQ(choice.selection.container, t.by_id("m"));
  EXPECT_TRUE(choice.link_mode);
  EXPECT_LT(choice.selection.score, 200.f);  // still weak: a hidden reading may win

  // Without a <main>, the readings' own choice stands.
  testing::Indexed plain("<body><div id=m>" + intro + tiles + "</div></body>");
  const ContentChoice own = choose_content(*plain.index, match_elements(*plain.index, plain.rules), plain.features, Options{}, "");
  for (const std::string& rule : own.selection.rules_fired) EXPECT_NE(rule.rfind("main_element", 0), 0u) << rule;
}

TEST(Select, ASmallPartOfAWholeIsOneShowingAQuarterOfItsTextOrLess) {
  testing::Indexed t("<body><main id=m><p id=p>Twenty characters..</p><div id=d>" + std::string(70, 'x') +
                     "</div></main><p id=out>Outside</p></body>");
  EXPECT_TRUE(is_small_part_of(*t.index, t.by_id("p"), t.by_id("m"), 800, 4));
  EXPECT_FALSE(is_small_part_of(*t.index, t.by_id("d"), t.by_id("m"), 800, 4));   // most of it
  EXPECT_FALSE(is_small_part_of(*t.index, t.by_id("p"), t.by_id("m"), 10, 4));    // not short
  EXPECT_FALSE(is_small_part_of(*t.index, t.by_id("out"), t.by_id("m"), 800, 4)); // outside it
  EXPECT_FALSE(is_small_part_of(*t.index, t.by_id("m"), t.by_id("m"), 800, 1));
  EXPECT_FALSE(is_small_part_of(*t.index, t.by_id("p"), dom::kNoNode, 800, 4));
}

TEST(Select, AnIntroductionAloneInALandingPagesMainGivesWayToTheMain) {
  // A category page: a short introduction, then headed groups of linked
  // cards. The prose reading picks the introduction; on an undated page the
  // <main> showing four times as much is the content.
  std::string cards;
  for (int k = 0; k < 15; ++k) {
    cards += "<div class=card><a href=/r" + std::to_string(k) + "><h3>Crispy air fryer recipe number " + std::to_string(k) +
             "</h3></a><span>" + std::to_string(10 + k) + " reviews / 4.8 average</span></div>";
  }
  const std::string intro =
      "<div id=intro><h1>Air fryer recipes</h1><p>I love a meal with crunch, and these recipes deliver it: "
      "proteins cooked just right, the crispiest vegetables, and dinners ready in minutes, which is why "
      "the air fryer is our weeknight favourite, and yours too, we hope. Below are the recipes our readers "
      "rate best, then the newest ones, each tested three times in our kitchen, with notes on timing, "
      "temperature, and what to serve alongside.</p></div>";
  const std::string page = "<body><nav><a href=/>Home</a> <a href=/about>About</a></nav><main id=m>" + intro +
                           "<section><h2>Top rated</h2>" + cards + "</section><section><h2>Newest</h2>" + cards +
                           "</section></main></body>";
  testing::Indexed t(page);
  const ContentChoice landing = choose_content(*t.index, match_elements(*t.index, t.rules), t.features,
                                               Options{}, "", false, false, /*undated=*/true);
  EXPECT_EQ(landing.selection.container, t.by_id("m"));
  EXPECT_TRUE(landing.link_mode);

  // A dated page keeps its prose reading (the introduction is no sliver
  // of the page's text).
  testing::Indexed dated(page);
  const ContentChoice own = choose_content(*dated.index, match_elements(*dated.index, dated.rules),
                                           dated.features, Options{}, "", false, false, /*undated=*/false);
  EXPECT_NE(own.selection.container, dated.by_id("m"));
}

// A Q&A page: the question and each answer carry their own list of short
// remarks. The posts are content, the remarks on them are not; a thread whose
// replies are all marked "comment" keeps them.
std::string qa_post(const std::string& id, const std::string& words) {
  return "<div class=post><p>" + words + " is a post long enough to be prose, with commas, and a stop; "
         "it says more, and more again, and then it says a little more to make its point.</p><ul id=" + id + " class=comments>"
         "<li>A short remark, with a comma.</li><li>Another remark on the post.</li></ul></div>";
}

TEST(Select, RemarksUnderEachPostAreNotContentOnQAPages) {
  BlockWeights w;
  w.comments_are_content = true;
  testing::Indexed qa("<body><div id=page>" + qa_post("q", "The question") + qa_post("a1", "The first answer") +
                      qa_post("a2", "The second answer") + "</div></body>");
  const Selection sel = select_content(*qa.index, compute_features(*qa.index, qa.rules, w), Options{}, "",
                                       false, true);
  ASSERT_EQ(sel.container, qa.by_id("page"));
  for (const char* id : {"q", "a1", "a2"}) EXPECT_TRUE(sel.pruned[qa.by_id(id)]) << id;

  // One post with remarks is not a Q&A pattern: they stay.
  testing::Indexed one("<body><div id=page>" + qa_post("q", "The question") +
                       "<div class=post><p>An answer without remarks, long enough to be prose, with commas.</p></div>"
                       "</div></body>");
  const Selection single = select_content(*one.index, compute_features(*one.index, one.rules, w), Options{},
                                          "", false, true);
  EXPECT_FALSE(single.pruned[one.by_id("q")]);

  // Replies marked "comment" side by side in one thread are the thread.
  std::string replies;
  for (int k = 0; k < 3; ++k) {
    replies += "<div id=r" + std::to_string(k) + " class=comment><p>Reply number " + std::to_string(k) +
               ", long enough to be prose, with commas, and a stop at the end.</p></div>";
  }
  testing::Indexed thread("<body><div id=page><div class=post><p>The opening post of the thread, with "
                          "commas, and a stop.</p></div><div id=replies>" + replies + "</div></div></body>");
  const Selection flat = select_content(*thread.index, compute_features(*thread.index, thread.rules, w),
                                        Options{}, "", false, true);
  for (int k = 0; k < 3; ++k) EXPECT_FALSE(flat.pruned[thread.by_id("r" + std::to_string(k))]) << k;
}

namespace {

std::string teaser(const std::string& id) {
  return "<div class=card id=" + id + "><h3><a href=/" + id +
         ">A headline of another post on the site</a></h3>"
         "<p>A short excerpt of that post, a sentence or two, as cards show them under the "
         "headline: enough to tell what the post is about, and no more.</p></div>";
}

const std::string kArticleParagraph =
    "<p>A paragraph of the article, long enough to be prose: it runs on, with commas, clauses "
    "and a full stop at its end, as the paragraphs of a text do.</p>";
const std::string kArticleParagraphs =
    kArticleParagraph + kArticleParagraph + kArticleParagraph + kArticleParagraph;

}  // namespace

TEST(Select, TeaserCardsAfterTheTextArePruned) {
  Indexed t("<body><article id=a>" + kArticleParagraphs + kArticleParagraphs + "<div id=more>" + teaser("t1") +
            teaser("t2") + teaser("t3") + "</div></article></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  for (const char* id : {"t1", "t2", "t3"}) EXPECT_TRUE(sel.pruned[t.by_id(id)]) << id;
}

TEST(Select, TeaserCardsAmongTheParagraphsStay) {
  // A listicle's entries: the text goes on after them.
  Indexed t("<body><article id=a>" + kArticleParagraphs + teaser("t1") + teaser("t2") +
            teaser("t3") + kArticleParagraphs + "</article></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  for (const char* id : {"t1", "t2", "t3"}) EXPECT_FALSE(sel.pruned[t.by_id(id)]) << id;
}

TEST(Select, APageOfTeaserCardsKeepsThem) {
  // A blog's index: a line of introduction, then the cards are the content.
  std::string html = "<body><main id=m><p>All the posts of this blog, newest first, as you like it.</p>";
  for (int k = 0; k < 6; ++k) html += teaser("t" + std::to_string(k));
  Indexed t(html + "</main></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("m"));
  for (int k = 0; k < 6; ++k) EXPECT_FALSE(sel.pruned[t.by_id("t" + std::to_string(k))]) << k;
}

TEST(Select, ASiteFooterOutsideTheTextIsFurnitureHoweverLong) {
  // Testimonials in a footer bar below <main>: long unlinked prose, still the site's.
  std::string text, quotes;
  for (int k = 0; k < 30; ++k) text += kArticleParagraph;
  for (int k = 0; k < 24; ++k) quotes += "<p>“Great doctors and staff, they genuinely care about you and the clinic is clean!” A parent</p>";
  Indexed outside("<body><main id=m>" + text + "</main><div class='bar bar-footer' id=f>" + quotes +
                  "</div></body>");
  EXPECT_TRUE(outside.features[outside.by_id("f")].boilerplate);
  // Inside the text a "footer" may be its own end notes, kept when long.
  Indexed inside("<body><main id=m>" + text + "<div class='bar bar-footer' id=f>" + quotes +
                 "</div></main></body>");
  EXPECT_FALSE(inside.features[inside.by_id("f")].boilerplate);
}

TEST(Select, ASignUpBoxInTheTextIsPruned) {
  Indexed t("<body><article id=a>" + kArticleParagraphs +
            "<div class=cta id=box><h4>Get our letter every week</h4><p>The best of the week, in your inbox.</p>"
            "<form><input type=email name=e><input type=submit value=Go></form></div>" +
            kArticleParagraph + "</article></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_TRUE(sel.pruned[t.by_id("box")]);
}

TEST(Select, AFieldInsideTheTextDoesNotPruneIt) {
  // The box stops below the text: a field among long paragraphs takes only its own lines.
  Indexed t("<body><article id=a><p id=p1>" + std::string(300, 'w') + ", a long first line.</p>" +
            kArticleParagraphs + "<p id=q>Your ZIP code: <input type=text></p></article></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_TRUE(sel.pruned[t.by_id("q")]);
  EXPECT_FALSE(sel.pruned[t.by_id("p1")]);
}

TEST(Select, ABoxHoldingTheH1Stays) {
  // A landing page's opening: the headline and its line around a ZIP code box.
  Indexed t("<body><main id=m><div id=hero><h1>Find the plan that meets your needs</h1>"
            "<p>Enter your ZIP code.</p><input type=text></div>" +
            kArticleParagraphs + "</main></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("m"));
  EXPECT_FALSE(sel.pruned[t.by_id("hero")]);
}

TEST(Select, HiddenOrButtonInputsMakeNoEntryBox) {
  Indexed t("<body><article id=a>" + kArticleParagraphs +
            "<div id=box><p>Add this to your list.</p><input type=hidden name=x><input type=checkbox></div>" +
            kArticleParagraph + "</article></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_FALSE(sel.pruned[t.by_id("box")]);
}

TEST(Select, ACallToActionAfterTheTextIsPruned) {
  Indexed t("<body><article id=a>" + kArticleParagraphs +
            "<div id=cta><h3>Take the next step</h3><p>Start building today with free credits.</p>"
            "<a href=/signup>Get started</a></div></article></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_TRUE(sel.pruned[t.by_id("cta")]);
}

TEST(Select, BoxesWithTwinsAfterTheTextAreItsItems) {
  // One of several alike (a directory's rows, feature cards): content.
  std::string items;
  for (int k = 0; k < 3; ++k) {
    items += "<div class=item id=i" + std::to_string(k) +
             "><h3>An item of the list</h3><p>What the item is, in a line.</p><a href=/i>Details</a></div>";
  }
  Indexed t("<body><article id=a>" + kArticleParagraphs + items + "</article></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  for (int k = 0; k < 3; ++k) EXPECT_FALSE(sel.pruned[t.by_id("i" + std::to_string(k))]) << k;
}

TEST(Select, ABoxWithAButtonAmongTheParagraphsStays) {
  Indexed t("<body><article id=a>" + kArticleParagraphs +
            "<div id=mid><p>Try it yourself in the playground.</p><a href=/play>Open it</a></div>" +
            kArticleParagraph + "</article></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_FALSE(sel.pruned[t.by_id("mid")]);
}

TEST(Select, TheLastRowOfAListAfterTheTextStays) {
  // The last paragraph sits in a row; the short row after it is one more of them.
  std::string rows;
  for (int k = 0; k < 3; ++k) rows += "<div class=row>" + kArticleParagraph + "</div>";
  Indexed t("<body><main id=m>" + rows +
            "<div class=row id=last><p>A short row, the last one.</p><a href=/r>owner / repo</a></div>"
            "</main></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("m"));
  EXPECT_FALSE(sel.pruned[t.by_id("last")]);
}

TEST(Select, ASectionWithAParagraphIsNotALinkList) {
  // A report's section: a paragraph, then a long list of linked patches.
  std::string links;
  for (int k = 0; k < 12; ++k) {
    links += "<li><a href=/p" + std::to_string(k) + ">libfoo: make one more thing work on one more target</a></li>";
  }
  Indexed t("<body><article id=a>" + kArticleParagraphs +
            "<div id=sect><h2>Patches status</h2><p id=para>There has been some nice progress on the "
            "other side these past months, and many patches were sent for review:</p><ul id=list>" +
            links + "</ul></div>" + kArticleParagraphs + "</article></body>");
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("a"));
  EXPECT_FALSE(sel.pruned[t.by_id("sect")]);
  EXPECT_TRUE(sel.pruned[t.by_id("list")]);
}

}  // namespace thresher::content

namespace thresher::content {

TEST(Select, SmallBoxesAfterTheDominantElementArePruned) {
  // The wrapper wins by the few words of its call to action; the article
  // holds most of its text. The box after it goes, the headline before it stays.
  std::string html = "<body><main id=m><h1 id=h>The headline of the story</h1><article id=a>";
  for (int k = 0; k < 12; ++k) {
    html += "<p>A paragraph of the story, long enough to be prose, with a comma, and then a stop.</p>";
  }
  html += "</article><div id=cta><div>Ready to create something?</div><p>Reserve your date at our "
          "venue, with tables and chairs included.</p></div></main></body>";
  Indexed t(html);
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("m"));
  EXPECT_TRUE(sel.pruned[t.by_id("cta")]);
  EXPECT_FALSE(sel.pruned[t.by_id("h")]);
  EXPECT_FALSE(sel.pruned[t.by_id("a")]);
}

TEST(Select, SectionsOfComparableSizeAfterTheTextStay) {
  std::string html = "<body><main id=m><article id=a>";
  for (int k = 0; k < 6; ++k) {
    html += "<p>A paragraph of the story, long enough to be prose, with a comma, and then a stop.</p>";
  }
  html += "</article><section id=s>";
  for (int k = 0; k < 2; ++k) {
    html += "<p>A closing section of the page, long enough to be prose, with a comma, and a stop.</p>";
  }
  html += "</section></main></body>";
  Indexed t(html);
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  ASSERT_EQ(sel.container, t.by_id("m"));
  EXPECT_FALSE(sel.pruned[t.by_id("s")]);
}

}  // namespace thresher::content

namespace thresher::content {

TEST(Select, RowsAfterTheLongestRowAreNoTrailingBoxes) {
  std::string html = "<body><table id=t><tr id=r1><td>";
  for (int k = 0; k < 12; ++k) {
    html += "<p>A paragraph of the report, long enough to be prose, with a comma, and then a stop.</p>";
  }
  html += "</td></tr><tr id=r2><td>Disclaimer: prices shown are general information.</td></tr></table></body>";
  Indexed t(html);
  const Selection sel = select_content(*t.index, t.features, Options{}, "");
  EXPECT_FALSE(sel.pruned[t.by_id("r2")]);
}

TEST(Select, CardLinksOfALandingPageAreNoLinkList) {
  // Each service a card drawn as one link: its title and a description.
  Indexed t(R"(<body><div id=page>
<p>We help businesses of every size with their accounts, their taxes, and their people, since 1950.</p>
<p>Whether you are starting up or in the largest companies, tap into our services and thrive with us.</p>
<p>Our people know your industry, your markets, and the rules that apply to them, in every country we serve.</p>
<p>From the first meeting to the last report, one team answers your questions, plainly and on time, every time.</p>
<p>Tell us where your business stands and where it is going: we will show you the way there, step by step.</p>
<p>Clients stay with us for decades because we treat their money, their time, and their trust as our own.</p>
<div id=grid>
 <a href=/audit id=card><h3>Audit</h3><div id=desc>Audits that help clients understand their risks and manage them.</div></a>
 <a href=/tax><h3>Tax</h3><div>Tax advice for companies, families and their businesses, worldwide.</div></a>
 <a href=/people><h3>People</h3><div>Human resources consulting, from hiring to the payroll and beyond.</div></a>
</div></div></body>)");
  const Selection landing = select_content(*t.index, t.features, Options{}, "", false, false, true);
  ASSERT_EQ(landing.container, t.by_id("page"));
  EXPECT_FALSE(landing.pruned[t.by_id("grid")]);
  EXPECT_FALSE(landing.pruned[t.by_id("desc")]);
  EXPECT_GT(t.features[t.by_id("card")].card_chars, 0u);
  // On a dated page (a story) such a grid is the "more stories" box.
  const Selection story = select_content(*t.index, t.features, Options{}, "", false, false, false);
  ASSERT_EQ(story.container, t.by_id("page"));
  EXPECT_TRUE(story.pruned[t.by_id("grid")]);
}

TEST(Select, ALinkedHeadlineAloneIsNoCard) {
  Indexed t(R"(<body><a href=/x id=a><h3>A headline that is long enough</h3><span>May 2</span></a></body>)");
  EXPECT_EQ(t.features[t.by_id("a")].card_chars, 0u);
}

}  // namespace thresher::content
