// Every rule of the table fires on a name it is meant for and stays quiet on
// a near miss.
#include "content/rules.h"

#include <gtest/gtest.h>

#include <map>

namespace thresher::content {

struct Case {
  const char* cls;
  const char* id;
  GumboTag tag;
  const char* role;
};

std::string fired(const RuleMatcher& m, const Case& c) {
  return rule_names(m.match(c.tag, c.cls, c.id, c.role));
}

TEST(Rules, EveryRuleHasAPositiveAndANegativeCase) {
  const RuleMatcher m;
  // rule name -> (should fire, should not fire)
  const std::map<std::string, std::pair<Case, Case>> cases = {
      {"navigation", {{"main-nav", "", GUMBO_TAG_DIV, ""}, {"canvas-wrap", "", GUMBO_TAG_DIV, ""}}},
      {"footer", {{"", "site-footer", GUMBO_TAG_DIV, ""}, {"footnote", "", GUMBO_TAG_DIV, ""}}},
      {"masthead", {{"top-bar", "", GUMBO_TAG_DIV, ""}, {"topic", "", GUMBO_TAG_DIV, ""}}},
      {"sidebar", {{"col-lg-4 sidebar", "", GUMBO_TAG_DIV, ""},
                   {"elementor-widget-text-editor", "", GUMBO_TAG_DIV, ""}}},
      {"related", {{"related-news-inline", "", GUMBO_TAG_DIV, ""}, {"relation", "", GUMBO_TAG_DIV, ""}}},
      {"share", {{"share-bar", "", GUMBO_TAG_DIV, ""}, {"shared-state", "", GUMBO_TAG_DIV, ""}}},
      {"advertising", {{"ad-slot ad-slot--leaderboard", "", GUMBO_TAG_DIV, ""},
                       {"header", "", GUMBO_TAG_DIV, ""}}},
      {"cookie_banner", {{"cookie-notice", "", GUMBO_TAG_DIV, ""}, {"cookbook", "", GUMBO_TAG_DIV, ""}}},
      {"newsletter", {{"newsletter-signup", "", GUMBO_TAG_DIV, ""}, {"news", "", GUMBO_TAG_DIV, ""}}},
      {"ticker", {{"breaking-news", "", GUMBO_TAG_SECTION, ""}, {"breaking", "", GUMBO_TAG_DIV, ""}}},
      {"screen_reader_only", {{"sr-only", "", GUMBO_TAG_A, ""}, {"hidden-xs", "", GUMBO_TAG_DIV, ""}}},
      {"comments", {{"", "comments", GUMBO_TAG_DIV, ""}, {"commentary-title", "", GUMBO_TAG_DIV, ""}}},
      {"product_reviews", {{"okeReviews-review", "", GUMBO_TAG_DIV, ""}, {"product-overview", "", GUMBO_TAG_DIV, ""}}},
      {"shop_terms", {{"", "shipping_and_returns", GUMBO_TAG_DIV, ""}, {"deliverable-list", "", GUMBO_TAG_DIV, ""}}},
      {"byline", {{"article-meta__author", "", GUMBO_TAG_LI, ""}, {"authority", "", GUMBO_TAG_DIV, ""}}},
      {"dateline", {{"entry-meta", "", GUMBO_TAG_DIV, ""}, {"metamorph", "", GUMBO_TAG_DIV, ""}}},
      {"tag_list", {{"article-tags", "", GUMBO_TAG_DIV, ""}, {"tagline", "", GUMBO_TAG_DIV, ""}}},
      {"toolbar", {{"article-toolbar", "", GUMBO_TAG_DIV, ""}, {"tooling-guide", "", GUMBO_TAG_DIV, ""}}},
      {"disclosure", {{"affiliate-disclosure", "", GUMBO_TAG_DIV, ""}, {"disclose-all", "", GUMBO_TAG_DIV, ""}}},
      {"user_info", {{"message-userExtras", "", GUMBO_TAG_DIV, ""}, {"username", "", GUMBO_TAG_SPAN, ""}}},
      {"caption", {{"", "", GUMBO_TAG_FIGCAPTION, ""}, {"captioned-image-container", "", GUMBO_TAG_DIV, ""}}},
      {"content_name", {{"articleBody", "", GUMBO_TAG_DIV, ""}, {"articles-list-x", "", GUMBO_TAG_DIV, ""}}},
  };
  for (const Rule& rule : rule_table()) {
    auto it = cases.find(std::string(rule.name));
    ASSERT_NE(it, cases.end()) << "rule without test cases: " << rule.name;
    EXPECT_NE(fired(m, it->second.first).find(rule.name), std::string::npos) << rule.name;
    EXPECT_EQ(fired(m, it->second.second).find(rule.name), std::string::npos) << rule.name;
  }
}

TEST(Rules, UserReviewsAreCommentsButAReviewIsNot) {
  const RuleMatcher m;
  EXPECT_EQ(fired(m, {"product-reviews", "", GUMBO_TAG_SECTION, ""}), "comments,product_reviews");
  EXPECT_EQ(fired(m, {"", "customer-reviews", GUMBO_TAG_DIV, ""}), "comments,product_reviews");
  // A review (a review site's article) is only shop furniture, which
  // counts on product pages alone (BlockWeights::shop_page).
  const RuleMask review = m.match(GUMBO_TAG_ARTICLE, "review", "", "");
  EXPECT_EQ(rule_names(review), "product_reviews");
  EXPECT_FALSE(mask_has_kind(review, RuleKind::kComments));
  EXPECT_FALSE(mask_has_kind(review, RuleKind::kBoilerplate));
  EXPECT_TRUE(mask_has_kind(review, RuleKind::kShopFurniture));
}

TEST(Rules, SimilarReadsAreRelated) {
  const RuleMatcher m;
  for (const char* cls : {"similar-reads", "similarReadLeftBarList", "more-like-this"}) {
    EXPECT_EQ(fired(m, {cls, "", GUMBO_TAG_DIV, ""}), "related") << cls;
  }
  EXPECT_EQ(fired(m, {"dissimilar-materials", "", GUMBO_TAG_DIV, ""}), "");
}

TEST(Rules, UpsellAndCrossSellBoxesAreRelated) {
  // A shop's "You may also like" boxes by their usual names (WooCommerce's
  // "up-sells upsells products", "cross-sells").
  const RuleMatcher m;
  for (const char* cls : {"up-sells", "upsells", "cross-sells", "product-upsell"}) {
    EXPECT_EQ(fired(m, {cls, "", GUMBO_TAG_DIV, ""}), "related") << cls;
  }
  EXPECT_EQ(fired(m, {"sells-fast", "", GUMBO_TAG_DIV, ""}), "");
}

TEST(Rules, TagsAndRolesGoThroughTheTable) {
  const RuleMatcher m;
  EXPECT_EQ(fired(m, {"", "", GUMBO_TAG_NAV, ""}), "navigation");
  EXPECT_EQ(fired(m, {"", "", GUMBO_TAG_DIV, "navigation"}), "navigation");
  EXPECT_EQ(fired(m, {"", "", GUMBO_TAG_DIV, "contentinfo"}), "footer");
  EXPECT_EQ(fired(m, {"", "", GUMBO_TAG_ASIDE, ""}), "sidebar");
  EXPECT_EQ(fired(m, {"", "", GUMBO_TAG_DIV, ""}), "");
  // A tooltip's bubble (a footnote or a term's definition shown on hover) is
  // not in the text a reader reads; the class word alone also names the
  // visible term ("glossary-tooltip"), so only the role says it.
  EXPECT_EQ(fired(m, {"", "", GUMBO_TAG_SPAN, "tooltip"}), "screen_reader_only");
  EXPECT_EQ(fired(m, {"glossary-tooltip", "", GUMBO_TAG_SPAN, ""}), "");
}

TEST(Rules, KindMasksAndNamedBits) {
  const RuleMask byline = rule_bit("byline");
  ASSERT_NE(byline, 0u);
  EXPECT_TRUE(mask_has_kind(byline, RuleKind::kMeta));
  EXPECT_FALSE(mask_has_kind(byline, RuleKind::kBoilerplate));
  EXPECT_EQ(rule_bit("no_such_rule"), 0u);
  RuleMask all = 0;
  for (RuleKind k : {RuleKind::kBoilerplate, RuleKind::kMeta, RuleKind::kCaption,
                     RuleKind::kComments, RuleKind::kPositive, RuleKind::kShopFurniture}) {
    EXPECT_EQ(all & kind_mask(k), 0u);
    all |= kind_mask(k);
  }
  EXPECT_EQ(all, (RuleMask{1} << rule_table().size()) - 1);
}

TEST(Rules, SignatureSplitsCamelCaseAndSeparators) {
  EXPECT_EQ(RuleMatcher::signature("article-meta__author postBody", "Main_Content"),
            " article-meta-author post-body main-content ");
}

TEST(Rules, AdvancedIsNotAnAdvert) {
  // Page builders name "advanced" blocks "adv" (kt-adv-heading); adverts
  // spell themselves out (ad, ads, advert, advertisement).
  const RuleMatcher rules;
  EXPECT_EQ(rules.match(GUMBO_TAG_P, "kt-adv-heading356_63d9fc-b8", "", ""), 0u);
  EXPECT_NE(rules.match(GUMBO_TAG_DIV, "advert-slot", "", ""), 0u);
  EXPECT_NE(rules.match(GUMBO_TAG_DIV, "ad", "", ""), 0u);
}

TEST(Rules, UtilityClassesWithAVariantSayNothing) {
  // Tailwind's "print:break-inside-avoid" is not a print toolbar, and
  // "md:hidden" is not hidden content: the variant is a condition.
  EXPECT_EQ(RuleMatcher::signature("mx-auto print:break-inside-avoid md:hidden [&>*+*]:mt-5 text-start", ""),
            " mx-auto text-start ");
  const RuleMatcher rules;
  EXPECT_EQ(rules.match(GUMBO_TAG_P, "max-w-3xl print:break-inside-avoid", "", ""), 0u);
  EXPECT_NE(rules.match(GUMBO_TAG_DIV, "print-tools", "", ""), 0u);
}

TEST(Rules, HiddenUntilABreakpointIsShown) {
  // "hidden lg:block": hidden on phones, shown on desktops.
  const RuleMatcher rules;
  EXPECT_EQ(rules.match(GUMBO_TAG_DIV, "order-1 hidden lg:col-span-1 lg:block", "", ""), 0u);
  EXPECT_EQ(rules.match(GUMBO_TAG_DIV, "hidden md:inline-flex", "", ""), 0u);
  EXPECT_EQ(rules.match(GUMBO_TAG_DIV, "invisible md:hover:visible", "", ""), 0u);
  // Hidden everywhere, or shown only under another condition: still hidden.
  EXPECT_NE(rules.match(GUMBO_TAG_DIV, "hidden", "", ""), 0u);
  EXPECT_NE(rules.match(GUMBO_TAG_DIV, "hidden lg:col-span-1", "", ""), 0u);
  EXPECT_NE(rules.match(GUMBO_TAG_DIV, "sr-only md:block", "", ""), 0u);
}

TEST(Rules, WordsAreLowerCaseAsciiAndTheTableFitsTheMask) {
  EXPECT_LE(rule_table().size(), 64u);
  for (const Rule& rule : rule_table()) {
    for (char c : rule.words) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '|' ||
                  c == ':')
          << rule.name;
    }
  }
}

}  // namespace thresher::content
