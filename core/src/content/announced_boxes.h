// Furniture inside the chosen container that its class names do not give
// away but its words do: a box of links announced by a heading ("You may
// also like", "More from Jane", "Related articles", "Share this") and an
// affiliate disclosure at the text's edge ("We may earn a commission from
// links on this page"). Both are recognised by a few common phrases in
// several languages, matched with RE2 on short texts only.
#pragma once

#include <string_view>
#include <vector>

#include "content/blocks.h"
#include "content/select.h"
#include "dom/node_index.h"

namespace thresher::content {

// A heading's text that announces a box of links to other pages (related
// posts, more from the author or the shop, sharing buttons). Whole text
// only, case-insensitive, trailing punctuation ignored.
bool announces_link_box(std::string_view heading_text);

// A heading announcing a shop's carousel of other products ("Frequently
// bought together", "Recently viewed", "Customers also bought"); a subset
// of announces_link_box.
bool announces_shop_carousel(std::string_view heading_text);

// A short text disclosing that the site earns from the links or products
// it shows ("As an Amazon Associate I earn from qualifying purchases").
bool is_affiliate_disclosure(std::string_view text);

// Prunes, inside sel.container, each heading that announces a link box
// together with the box: the siblings after it, up to the next heading of
// its rank, when they hold no paragraph of prose or are mostly links (or
// were pruned already). A heading followed by prose is a section of the
// text and stays.
// With carousels_only (a page read as a list of links), only a shop's
// carousel headings (announces_shop_carousel) count, and their box goes
// only when it shows product cards or nothing.
void prune_announced_boxes(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                           Selection& sel, bool carousels_only = false);

// Prunes short blocks (at most kMaxDisclosureChars) that are affiliate
// disclosures and sit at an edge of the text: before its first paragraph or
// after its last. In the middle of an article such words are its subject.
void prune_edge_disclosures(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                            Selection& sel);

}  // namespace thresher::content
