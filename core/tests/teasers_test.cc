#include "content/teasers.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "test_util.h"

namespace thresher::content {
using testing::Indexed;

namespace {

std::string card(const std::string& id, const std::string& href) {
  return "<div class=card id=" + id + "><h3><a href=" + href +
         ">A headline of another post on the site</a></h3>"
         "<p>A short excerpt of that post, a sentence or two.</p></div>";
}

bool found(const std::vector<std::uint32_t>& cards, std::uint32_t node) {
  return std::find(cards.begin(), cards.end(), node) != cards.end();
}

}  // namespace

TEST(Teasers, ThreeCardsWithLinkedTitlesSideBySide) {
  Indexed t("<body><div id=grid>" + card("c1", "/a") + card("c2", "/b") + card("c3", "/c") +
            "</div></body>");
  const auto cards = find_teaser_cards(*t.index, t.features);
  EXPECT_EQ(cards.size(), 3u);
  EXPECT_TRUE(found(cards, t.by_id("c1")));
  EXPECT_TRUE(found(cards, t.by_id("c3")));
}

TEST(Teasers, TwoCardsAreNotAGroup) {
  Indexed t("<body><div>" + card("c1", "/a") + card("c2", "/b") + "</div></body>");
  EXPECT_TRUE(find_teaser_cards(*t.index, t.features).empty());
}

TEST(Teasers, AccordionTogglesAreNotLinksAway) {
  // An FAQ's questions are links to panels of the page itself.
  Indexed t("<body><div>" + card("c1", "#q1") + card("c2", "#q2") + card("c3", "javascript:void(0)") +
            "</div></body>");
  EXPECT_TRUE(find_teaser_cards(*t.index, t.features).empty());
}

TEST(Teasers, LongTextIsNotAnExcerpt) {
  const std::string long_text(500, 'x');
  std::string html = "<body><div>";
  for (const char* id : {"c1", "c2", "c3"}) {
    html += std::string("<div class=card id=") + id +
            "><h3><a href=/p>A headline of another post on the site</a></h3><p>" + long_text +
            "</p></div>";
  }
  Indexed t(html + "</div></body>");
  EXPECT_TRUE(find_teaser_cards(*t.index, t.features).empty());
}

TEST(Teasers, ListItemsWithAnInlineLinkAreNotCards) {
  // A list in a text: the linked name is part of the item's line, no block of its own.
  Indexed t("<body><ul>"
            "<li><a href=/a>The first tool of the list</a> does one thing well, they say.</li>"
            "<li><a href=/b>The second tool of the list</a> does another thing well.</li>"
            "<li><a href=/c>The third tool of the list</a> does a third thing well.</li>"
            "</ul></body>");
  EXPECT_TRUE(find_teaser_cards(*t.index, t.features).empty());
}

TEST(Teasers, CardsOfDifferentClassesAreNotOneGroup) {
  std::string html = "<body><div>" + card("c1", "/a") + card("c2", "/b");
  html += "<div class=other><h3><a href=/c>A headline of another post on the site</a></h3><p>Text.</p></div>";
  Indexed t(html + "</div></body>");
  EXPECT_TRUE(find_teaser_cards(*t.index, t.features).empty());
}

}  // namespace thresher::content
