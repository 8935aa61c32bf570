// Stage 4b: choose the main container and decide, inside it, what is
// furniture to prune. The result is a set of subtrees the renderer skips.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "content/blocks.h"
#include "dom/node_index.h"
#include "thresher/options.h"

namespace thresher::content {

struct Selection {
  std::uint32_t container = dom::kNoNode;  // kNoNode: no main content found
  // The best single element; the container is it or an ancestor that joins
  // its sibling sections.
  std::uint32_t core = dom::kNoNode;
  // The container before a hero box joined it (hero.h): what the text's
  // sections make up, compared with the rest of the page.
  std::uint32_t sections = dom::kNoNode;
  float score = 0;
  std::vector<bool> pruned;          // per node: skip this subtree when rendering
  std::vector<std::uint32_t> comment_roots;  // comment sections inside/near the content
  std::vector<std::string> rules_fired;      // "rule: path" per pruned element
  std::string empty_reason;
};

// Link density above which a block inside the content counts as a link list.
struct PruneThresholds {
  float link_density = 0.5f;        // containers with a negative value
  float link_only_density = 0.8f;   // any short block, whatever its value
  std::uint32_t link_only_max_chars = 200;
  std::uint32_t meta_max_chars = 300;  // larger "meta"-named elements are wrappers
};

PruneThresholds thresholds_for(const Options& options);

// One selection pass over precomputed features. In `link_mode` link lists
// are content and are not pruned.
// On a `discussion` page replies and their bylines are content. On an
// `undated` page (no date found: a landing page, a service's page, not a
// story) a hero box before the text is joined to it (hero.h).
// A `forced_container` is taken as the container (a catalogue's grid,
// price_grid.h), scored by its text; the pruning inside it is the same.
Selection select_content(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                         const Options& options, std::string_view title, bool link_mode = false,
                         bool discussion = false, bool undated = false,
                         std::uint32_t forced_container = dom::kNoNode);

struct ContentChoice {
  std::vector<NodeFeatures> features;  // the features the selection was made with
  Selection selection;
  bool link_mode = false;
};

// True when `part` lies inside `whole`, shows fewer than `max_chars`
// characters, and `whole` shows `ratio` times as many or more: a lone
// introduction chosen inside a <main> of sections and cards.
bool is_small_part_of(const dom::NodeIndex& index, std::uint32_t part, std::uint32_t whole,
                      std::uint32_t max_chars, std::uint32_t ratio);

// Selects with the prose weights first; when that finds no container, or
// one holding only a sliver of the page's non-furniture text, the page is a
// listing or a catalogue: select again with link texts counting as content.
// A page showing many prices (8 or more) outside the prose container is a
// catalogue too: the link-list container is taken if it holds most of them,
// else the grid holding most of them (find_price_grid) is the container.
// `undated` is passed on to both selections, except on a `shop_page`. On
// such an undated page, a prose pick that is a short introduction inside a
// <main> showing four times its text (is_small_part_of) counts as weak, and
// that <main>, read as a list, is the container.
ContentChoice choose_content(const dom::NodeIndex& index, const ElementRules& rules,
                             std::vector<NodeFeatures> prose_features, const Options& options,
                             std::string_view title, bool discussion = false,
                             bool shop_page = false, bool undated = false);

// The title whose heading select_content prunes ("": none). The text's own
// title heading is furniture (the title is a field of its own), except an
// undated page's <h1> that no declared title agrees with (`undeclared_headline`):
// a landing page's headline ("Build what's next on the AI Native Cloud"),
// the first line of its text while <title> names the page.
std::string_view title_heading_to_prune(std::string_view title, bool undeclared_headline,
                                        bool dated);

// A forum thread or Q&A page: declared so (schema.org DiscussionForumPosting,
// QAPage, Question) or with a URL path naming a thread, topic or question.
bool is_discussion_page(std::string_view schema_type, std::string_view url);

}  // namespace thresher::content
