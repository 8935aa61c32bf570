#include "content/hero.h"

#include <gtest/gtest.h>

#include "content/select.h"
#include "test_util.h"

namespace thresher::content {
using testing::Indexed;

// A page builder's landing page: the hero, then the sections of the text.
const char* kLanding = R"(<body><main id=main>
<div id=hero><section><h1 id=h1>All your work in one place</h1>
 <p>Build workflows that unify your data, connect your teams, and scale with you as you grow. No code required.</p>
 <a href=/start>Start free</a></section></div>
<section id=text><div id=body>
 <h2>Fast from the start</h2>
 <p>Streamline the work of every team through a few clicks, with components that need no expertise at all.</p>
 <h2>Deploy it</h2>
 <p>Embed intelligence into every workflow, so that records turn into actions across your operation, daily.</p>
 <p>Use it to build any application with your data, whatever its size, and share it with your whole company.</p>
</div></section>
<section id=more><a href=/1>Read this guide to the platform</a> <a href=/2>Another guide to the platform</a>
 <a href=/3>A third guide to the platform</a></section>
</main></body>)";

TEST(Hero, FoundBesideTheText) {
  Indexed t(kLanding);
  const Hero hero = find_hero(*t.index, t.features, t.by_id("body"));
  EXPECT_EQ(hero.ancestor, t.by_id("main"));
  EXPECT_EQ(hero.box, t.by_id("hero"));
}

TEST(Hero, JoinedOnUndatedPagesOnly) {
  Indexed t(kLanding);
  const Selection landing = select_content(*t.index, t.features, Options{}, "", false, false, true);
  EXPECT_EQ(landing.container, t.by_id("main"));
  EXPECT_FALSE(landing.pruned[t.by_id("hero")]);
  EXPECT_TRUE(landing.pruned[t.by_id("more")]);  // a box of links beside the text
  EXPECT_EQ(landing.sections, t.by_id("body"));
  const Selection story = select_content(*t.index, t.features, Options{}, "", false, false, false);
  EXPECT_EQ(story.container, t.by_id("body"));
}

TEST(Hero, NotWhenTheTextHoldsItsOwnHeadline) {
  // The earlier <h1> is a logo's.
  Indexed t(R"(<body><div id=top><h1>Example Corp</h1><p>The finest widgets, made by hand, since 1901, in Ohio.</p></div>
<div id=body><h1>Widgets</h1><p>Our widgets are made by hand, one at a time, from the best steel we can find.</p></div></body>)");
  EXPECT_EQ(find_hero(*t.index, t.features, t.by_id("body")).box, dom::kNoNode);
}

TEST(Hero, TheTitleHeadlineBeforeATextWithH1s) {
  // The page's headline in its header box; the text below misuses <h1> for
  // its section headings.
  Indexed t(R"(<body><div id=page><header id=top><h1>Fundamentals of Electrical Work</h1><p>A course for anyone with up to four years in the trade.</p></header>
<div id=body><h1>New to the trade?</h1><p>Learn the basics of circuits, conductors and the code, with a licensed electrician.</p></div></div></body>)");
  EXPECT_EQ(find_hero(*t.index, t.features, t.by_id("body")).box, dom::kNoNode);
  EXPECT_EQ(find_hero(*t.index, t.features, t.by_id("body"), "Fundamentals of  electrical work").box,
            t.by_id("top"));
  EXPECT_EQ(find_hero(*t.index, t.features, t.by_id("body"), "New to the trade?").box, dom::kNoNode);
}

TEST(Hero, NotAHeadlineWithoutALead) {
  // A product's name and price, a story's headline and byline.
  Indexed t(R"(<body><div id=page><div id=top><h1>Vinyl Executive Chair</h1><span>$129.99</span></div>
<div id=body><p>A chair for the office, with a seat that adjusts, arms, and a base that rolls on five wheels.</p></div></div></body>)");
  EXPECT_EQ(find_hero(*t.index, t.features, t.by_id("body")).box, dom::kNoNode);
}

TEST(Hero, ALeadOfOneShortSentence) {
  // A subtitle shorter than a paragraph of prose still makes the box a hero.
  Indexed t(R"(<body><div id=page><div id=top><h1>All Sheets</h1><div>A sheet fabric for every kind of sleeper.</div></div>
<div id=body><p>Our sheets are woven from long-staple cotton, washed soft, and cut to fit deep mattresses well.</p></div></div></body>)");
  EXPECT_EQ(find_hero(*t.index, t.features, t.by_id("body")).box, t.by_id("top"));
}

TEST(Hero, NotALeadWithoutASentenceMark) {
  // A label of some length beside the <h1> (a count, a tag line of words) is no lead.
  Indexed t(R"(<body><div id=page><div id=top><h1>All Sheets</h1><div>Percale Sateen Linen Flannel Jersey Bamboo</div></div>
<div id=body><p>Our sheets are woven from long-staple cotton, washed soft, and cut to fit deep mattresses well.</p></div></div></body>)");
  EXPECT_EQ(find_hero(*t.index, t.features, t.by_id("body")).box, dom::kNoNode);
}

TEST(Hero, NotALongSection) {
  HeroLimits limits;
  limits.max_hero_chars = 40;
  Indexed t(kLanding);
  EXPECT_EQ(find_hero(*t.index, t.features, t.by_id("body"), "", limits).box, dom::kNoNode);
}

}  // namespace thresher::content
