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

}  // namespace thresher::content
