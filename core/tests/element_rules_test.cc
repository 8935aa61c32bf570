// Rules matched per element of an index: class, id, role, and the names
// authors give their custom elements.
#include "content/element_rules.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::content {

TEST(ElementRules, CustomElementNamesCountLikeClasses) {
  testing::Indexed t(
      "<body><devsite-content-footer id=f class=nocontent><p>Licensed under CC BY 4.0.</p>"
      "</devsite-content-footer><site-nav id=n><a href=/>Home</a></site-nav>"
      "<story-body id=s><p>Text.</p></story-body><footer2 id=x><p>Not a custom element.</p></footer2></body>");
  const ElementRules rules = match_elements(*t.index, t.rules);
  EXPECT_EQ(rule_names(rules.mask[t.by_id("f")]), "footer,content_name");
  EXPECT_EQ(rule_names(rules.mask[t.by_id("n")]), "navigation");
  EXPECT_EQ(rule_names(rules.mask[t.by_id("s")]), "content_name");
  EXPECT_EQ(rules.mask[t.by_id("x")], 0u);  // no hyphen: an unknown tag, not a name
}

TEST(ElementRules, SameNamesShareOneMatch) {
  testing::Indexed t("<body><div id=a class=sidebar></div><div id=b class=sidebar></div>"
                     "<aside-panel id=c class=sidebar></aside-panel></body>");
  const ElementRules rules = match_elements(*t.index, t.rules);
  EXPECT_EQ(rules.mask[t.by_id("a")], rules.mask[t.by_id("b")]);
  EXPECT_EQ(rules.mask[t.by_id("a")], rules.mask[t.by_id("c")]);
}

}  // namespace thresher::content
