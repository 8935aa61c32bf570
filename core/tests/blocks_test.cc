#include "content/blocks.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::content {
using testing::Indexed;

TEST(Blocks, ScreenReaderWordsOfAHiddenPriceAreText) {
  // A shop's sale price: the struck and new prices shown but hidden from
  // screen readers, their words spelled out for them beside each.
  Indexed t(
      "<body><p>Gear bag <span class=price><del aria-hidden=true><span>$30.00</span></del> "
      "<span id=was class=screen-reader-text>Original price was: $30.00.</span>"
      "<ins aria-hidden=true>$21.00</ins><span id=now class=screen-reader-text>Current price "
      "is: $21.00.</span></span></p></body>");
  EXPECT_TRUE(voices_hidden_twin(*t.index, t.by_id("was")));
  EXPECT_TRUE(voices_hidden_twin(*t.index, t.by_id("now")));
  EXPECT_FALSE(t.features[t.by_id("was")].boilerplate);
  EXPECT_FALSE(t.features[t.by_id("now")].boilerplate);
}

TEST(Blocks, AMarqueeOfQuotesIsTextAndATickerOfHeadlinesIsNot) {
  // A landing page's testimonials scroll in a "marquee": unlinked quotes,
  // each with a short link to its case study. A news ticker's headlines
  // are links; a banner's slogan, repeated, is no sentence.
  std::string quotes, headlines, slogans;
  for (int k = 0; k < 12; ++k) slogans += "<span>SECURE YOUR SPOT - ENROL NOW</span>";
  for (int k = 0; k < 3; ++k) {
    quotes += "<div><p>Moving here cut our hosting bill by half, and support answers within minutes, "
              "every time we ask.</p><a href=/c" + std::to_string(k) + ">Read case study</a></div>";
    headlines += "<a href=/n" + std::to_string(k) + ">Markets fall for a third day as rates rise again in "
                 "the spring</a> ";
  }
  Indexed t("<body><main><div id=quotes class=customer-marquee>" + quotes +
            "</div><div id=news class=news-ticker>" + headlines + "</div><div id=slogan class=marquee>" +
            slogans + "</div><p>" + std::string(3000, 'a') +
            " words.</p></main></body>");
  ASSERT_NE(t.features[t.by_id("quotes")].rules & rule_bit("ticker"), 0u);
  EXPECT_FALSE(t.features[t.by_id("quotes")].boilerplate);
  EXPECT_TRUE(t.features[t.by_id("news")].boilerplate);
  // A slogan repeated to scroll has no sentences.
  EXPECT_TRUE(t.features[t.by_id("slogan")].boilerplate);
}

TEST(Blocks, ScreenReaderLabelsOfIconsStayFurniture) {
  // A carousel's arrow and a dialog's "×": controls, not text.
  Indexed t(
      "<body><a href=#p><span class=prev-icon aria-hidden=true></span><span id=prev "
      "class=sr-only>Previous</span></a><button><span aria-hidden=true>&times;</span>"
      "<span id=close class=sr-only>Close</span></button><p>Words <span id=alone "
      "class=sr-only>(opens in a new tab)</span></p></body>");
  EXPECT_FALSE(voices_hidden_twin(*t.index, t.by_id("prev")));
  EXPECT_FALSE(voices_hidden_twin(*t.index, t.by_id("alone")));
  EXPECT_TRUE(t.features[t.by_id("prev")].boilerplate);
  EXPECT_TRUE(t.features[t.by_id("alone")].boilerplate);
}

TEST(Blocks, LongHiddenTextBesideAHiddenTwinStaysFurniture) {
  std::string long_text(150, 'w');
  Indexed t("<body><p><span aria-hidden=true>12</span><span id=long class=visually-hidden>" +
            long_text + "</span></p></body>");
  EXPECT_FALSE(voices_hidden_twin(*t.index, t.by_id("long")));
}

TEST(Blocks, AParagraphLinkingPartOfItsSentenceIsProse) {
  Indexed t(
      "<body><p id=s>The coding bootcamp industry is taking off, with <a href=/m>market "
      "projections showing growth from $1.36 billion in 2021 to $3.66 billion by 2027</a>.</p>"
      "<p id=r>Related: <a href=/x>How to learn to code in ten weeks, a guide.</a></p>"
      "<p id=q>Read more here: <a href=/y>the full report</a></p>"
      "<div id=d>It is taking off, with <a href=/z>projections of growth</a>.</div>"
      "<p id=c>Our magazine is digital now! <a href=/c>Just click here to sign up.</a></p>"
      "<p id=l>À lire aussi » <a href=/l>Quel est votre profil digestif ?</a></p>"
      "<p id=a><a href=/a>Projections</a> show that the industry is taking off.</p></body>");
  EXPECT_TRUE(is_linked_sentence(*t.index, t.by_id("s")));
  EXPECT_FALSE(is_linked_sentence(*t.index, t.by_id("r")));  // one word of its own
  EXPECT_FALSE(is_linked_sentence(*t.index, t.by_id("q")));  // no sentence's end
  EXPECT_FALSE(is_linked_sentence(*t.index, t.by_id("d")));  // not a paragraph
  // The link follows a finished sentence or a lead-in, or opens the paragraph.
  EXPECT_FALSE(is_linked_sentence(*t.index, t.by_id("c")));
  EXPECT_FALSE(is_linked_sentence(*t.index, t.by_id("l")));
  EXPECT_FALSE(is_linked_sentence(*t.index, t.by_id("a")));
}

}  // namespace thresher::content
