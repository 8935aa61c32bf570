#include "content/facets.h"

#include <gtest/gtest.h>

#include <string>

#include "test_util.h"

namespace thresher::content {
using testing::Indexed;

std::string facet(const char* id, int boxes, bool labels = true, bool image = false) {
  std::string html = std::string("<div id=") + id + "><h3>Size</h3><ul>";
  for (int k = 0; k < boxes; ++k) {
    const std::string n = std::to_string(8 + k);
    html += labels ? "<li><label><input type=checkbox class=hidden> " + n + "</label></li>"
                   : "<li><input type=checkbox> " + n + "</li>";
  }
  if (image) html += "<img src=a.png>";
  return html + "</ul></div>";
}

constexpr const char* kGrid =
    "<div id=grid><h2>Sneakers</h2><div><h3>Runner in wool</h3><p>Light, soft, and warm on "
    "cold mornings; made of merino.</p></div><div><h3>Tree dasher</h3><p>A cushioned running "
    "shoe of eucalyptus fibre for long days.</p></div></div>";

TEST(Facets, LabelledCheckBoxesBesideTheGrid) {
  Indexed t("<body><main id=m>" + facet("f", 6) + kGrid + "</main></body>");
  const auto boxes = find_facet_boxes(*t.index, t.by_id("m"), t.by_id("grid"));
  ASSERT_EQ(boxes.size(), 1u);
  EXPECT_EQ(boxes[0], t.by_id("f"));
}

TEST(Facets, TooFewUnlabelledOrPicturedBoxesStay) {
  for (const std::string& box : {facet("f", 3), facet("f", 6, false), facet("f", 6, true, true)}) {
    Indexed t("<body><main id=m>" + box + kGrid + "</main></body>");
    EXPECT_TRUE(find_facet_boxes(*t.index, t.by_id("m"), t.by_id("grid")).empty()) << box;
  }
}

TEST(Facets, LongLabelsAreItemsNotFacets) {
  std::string list = "<ul id=f>";
  for (int k = 0; k < 5; ++k) {
    list += "<li><label><input type=checkbox> Pick the wool runner in a size that fits a wide "
            "foot, and try it at home for thirty days</label></li>";
  }
  Indexed t("<body><main id=m>" + list + "</ul>" + kGrid + "</main></body>");
  EXPECT_TRUE(find_facet_boxes(*t.index, t.by_id("m"), t.by_id("grid")).empty());
}

TEST(Facets, RecipeIngredientTicksStay) {
  std::string list = "<ul id=f>";
  for (const char* line : {"6 tablespoons flour", "1 1/4 cups sugar", "1 cup milk", "pinch of salt",
                           "1 cup butter"}) {
    list += std::string("<li><span><input type=checkbox><label><span>&#x25a2;</span></label></span>") +
            line + "</li>";
  }
  Indexed t("<body><main id=m>" + list + "</ul>" + kGrid + "</main></body>");
  EXPECT_TRUE(find_facet_boxes(*t.index, t.by_id("m"), t.by_id("grid")).empty());
}

TEST(Facets, SelectionPrunesThem) {
  Indexed t("<body><main id=m>" + facet("f", 6) + kGrid + "</main></body>");
  const Selection s = select_content(*t.index, t.features, Options{}, "", false, false);
  ASSERT_NE(s.container, dom::kNoNode);
  EXPECT_TRUE(s.pruned[t.by_id("f")]);
}

}  // namespace thresher::content
