#include "content/select.h"

#include <re2/re2.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "content/ad_cards.h"
#include "content/announced_boxes.h"
#include "content/facets.h"
#include "content/forum_furniture.h"
#include "content/hero.h"
#include "content/page_type.h"
#include "content/price_grid.h"
#include "content/threads.h"
#include "dom/text_util.h"

namespace thresher::content {
namespace {

bool can_contain_content(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_BODY: case GUMBO_TAG_TD: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY:
    case GUMBO_TAG_CENTER: case GUMBO_TAG_FORM: case GUMBO_TAG_SPAN: case GUMBO_TAG_FONT:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_NAV:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_FIGURE:
      return true;
    default:
      return false;
  }
}

// Semantic tags and content-like names nudge the choice between near-equal
// containers (e.g. <article> vs. its wrapper div).
float container_bonus(const dom::Node& node, const NodeFeatures& f) {
  float bonus = 1.0f;
  if (node.tag == GUMBO_TAG_ARTICLE || node.tag == GUMBO_TAG_MAIN) bonus += 0.1f;
  if (mask_has_kind(f.rules, RuleKind::kPositive)) bonus += 0.1f;
  return bonus;
}

// Who posted and when: part of each post on a discussion page.
bool is_post_byline(RuleMask mask) {
  const RuleMask meta = mask & kind_mask(RuleKind::kMeta);
  const RuleMask byline = rule_bit("byline") | rule_bit("dateline");
  return meta != 0 && (meta & ~byline) == 0;
}

// Named only by the dateline rule's words, which include the generic
// "meta", "date" and "time": a box holding a heading so named is a card or
// a section ("meta-block-section"), not a date line.
bool is_generic_meta(RuleMask mask) {
  return (mask & kind_mask(RuleKind::kMeta)) == rule_bit("dateline");
}

// A table of data (cells of text, links and inline marks) rather than a
// layout table whose cells hold paragraphs, lists or other tables.
bool is_data_table(const dom::NodeIndex& index, std::uint32_t table) {
  for (std::uint32_t i = table + 1; i < index[table].end; ++i) {
    const dom::Node& node = index[i];
    if (!node.is_element() || !dom::is_block_tag(node.tag)) continue;
    switch (node.tag) {
      case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD:
      case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION:
        continue;
      default:
        return false;
    }
  }
  return true;
}

// Comment sections outside the container (below the article, beside it),
// added to those found inside it, in document order. Elements that wrap the
// container are not comment sections, whatever their class says.
void add_outer_comment_roots(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                             Selection& sel) {
  const std::uint32_t body = index.body();
  const std::uint32_t container_end = index[sel.container].end;
  for (std::uint32_t i = body + 1; i < index[body].end;) {
    const dom::Node& node = index[i];
    if (i == sel.container) {
      i = container_end;  // its own comment sections were found while pruning
      continue;
    }
    const bool wraps_container = i < sel.container && node.end >= container_end;
    if (!wraps_container && node.is_element() && !(node.flags & dom::kSkipped) &&
        mask_has_kind(features[i].rules, RuleKind::kComments) && node.text_chars > 0 &&
        2 * node.link_chars < node.text_chars) {
      sel.comment_roots.push_back(i);
      i = node.end;
      continue;
    }
    ++i;
  }
  std::sort(sel.comment_roots.begin(), sel.comment_roots.end());
}

// On Q&A pages each post (the question, every answer) carries its own short
// remarks below it: "comments" nested in the post, one list per post. The
// posts are the content; the remarks on them are not (a thread whose replies
// are marked "comment" differs: there one list, or one wrapper, holds every
// reply). A comment list counts as a post's remarks when the nearest
// ancestor with other text holds no other comment list; they are pruned when
// at least two posts carry such lists.
constexpr std::uint32_t kMinPostChars = 100;  // text of the post besides its remarks
constexpr std::size_t kMinPostsWithRemarks = 2;

std::vector<std::uint32_t> post_remarks(const dom::NodeIndex& index,
                                        const std::vector<NodeFeatures>& features,
                                        std::uint32_t container) {
  std::vector<std::uint32_t> lists;  // outermost comment lists in the container
  for (std::uint32_t i = container + 1; i < index[container].end;) {
    const dom::Node& node = index[i];
    if (node.is_element() && !(node.flags & dom::kSkipped) && node.text_chars > 0 &&
        mask_has_kind(features[i].rules, RuleKind::kComments)) {
      lists.push_back(i);
      i = node.end;
      continue;
    }
    ++i;
  }
  std::vector<std::uint32_t> remarks;
  for (std::uint32_t list : lists) {
    std::uint32_t post = index[list].parent;
    while (post != container && post != dom::kNoNode &&
           index[post].text_chars < index[list].text_chars + kMinPostChars) {
      post = index[post].parent;
    }
    if (post == container || post == dom::kNoNode) continue;
    // `lists` is in document order: those inside the post are one range
    // (a binary search, not a scan: a hostile page may hold 100,000 lists).
    const auto first = std::lower_bound(lists.begin(), lists.end(), post);
    const auto last = std::lower_bound(first, lists.end(), index[post].end);
    if (last - first == 1) remarks.push_back(list);
  }
  if (remarks.size() < kMinPostsWithRemarks) remarks.clear();
  return remarks;
}

// Sections of one text often sit side by side (a page builder's blocks, an
// AsciiDoc document's sections) with a box of links among them that makes
// their common parent worth less than the best section alone. Climbing from
// the best element, an ancestor becomes the container when it holds another
// section worth a good share of the best one; the negative boxes met on the
// way (link lists, furniture) are pruned.
constexpr float kSiblingShareOfBest = 0.2f;  // Readability's classic ratio
constexpr float kMinSiblingValue = 100.f;    // a caption or a byline is not a section
constexpr int kMaxJoinClimb = 5;             // ancestors looked at above the best element
// A landing page's sections are often each too small to join on their own
// (a heading and two sentences apiece) while together they are most of the
// page: siblings of at least kMinSiblingValue that sum to this share of the
// best join as well.
constexpr float kSiblingsSumShareOfBest = 0.3f;

// On a landing page a grid of cards, each one link wrapping a title and a
// description ("AI & Engineering: leverage engineering-led design..."), is
// the page's own list of what it offers, not a box of links: a box whose
// links are mostly such cards, or a part of one card, is no link list.
bool is_card_box(const dom::Node& node, const NodeFeatures& f) {
  return f.card_chars > 0 && 2 * f.card_chars >= node.link_chars;
}

// A box below a heading that says what it is, with some prose: one of a
// landing page's sections whose items happen to be links (cards each
// wrapped in a link, a gallery of templates). Its value is negative, yet it
// is no box of links to drop whole: the pruning pass inside the container
// takes out its link lists and keeps its heading and introduction.
// On an undated page (a landing page) a section's introduction is often a
// heading and a one-line lead, shorter than a paragraph ("The path to 10x
// every person in your organization" / "Use cases and templates to activate
// AI in your workflows"), over a grid of cards: a heading with
// kMinSectionLeadChars of unlinked text, or over cards drawn as links
// (is_card_box), is a section too. A dated page's boxes of that kind are
// its "related" and "more from" boxes.
constexpr std::uint32_t kMinSectionLeadChars = 80;

bool is_headed_section(const dom::Node& node, const NodeFeatures& f, bool undated) {
  if (f.boilerplate || !f.holds_heading) return false;
  if (f.holds_paragraph) return true;
  return undated && (node.text_chars - node.link_chars >= kMinSectionLeadChars || is_card_box(node, f));
}

// A box beside the text that joining an ancestor leaves out: furniture, or
// worth less than nothing (links) without being a headed section.
bool is_negative_box(const dom::Node& node, const NodeFeatures& f, bool undated) {
  return f.boilerplate || (f.subtree_value < 0 && !is_headed_section(node, f, undated));
}

void join_sibling_sections(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                           float best, bool undated, Selection& sel) {
  const std::uint32_t body = index.body();
  const float min_value = std::max(kMinSiblingValue, kSiblingShareOfBest * best);
  std::uint32_t child = sel.container;
  std::vector<std::uint32_t> negative;  // pruned if an ancestor above them joins
  for (int level = 0; level < kMaxJoinClimb; ++level) {
    const std::uint32_t parent = index[child].parent;
    if (parent == dom::kNoNode || parent <= body) break;
    if (features[parent].boilerplate || (index[parent].flags & (dom::kHidden | dom::kSkipped))) break;
    bool joins = false;
    float sections_sum = 0;  // siblings that are sections, whatever their size
    for (std::uint32_t k = parent + 1; k < index[parent].end; k = index[k].end) {
      if (k == child || !index[k].is_element()) continue;
      const NodeFeatures& f = features[k];
      const bool visible = !(index[k].flags & (dom::kHidden | dom::kSkipped));
      const bool section = !f.boilerplate && visible && f.subtree_value >= kMinSiblingValue;
      if (section) sections_sum += f.subtree_value;
      if (section && f.subtree_value >= min_value) {
        joins = true;
      } else if (is_negative_box(index[k], f, undated)) {
        negative.push_back(k);
      }
    }
    child = parent;
    joins = joins || sections_sum >= kSiblingsSumShareOfBest * best;
    if (!joins) continue;
    for (std::uint32_t k : negative) sel.pruned[k] = true;
    negative.clear();
    sel.container = parent;
    sel.rules_fired.push_back("sections_joined: " + index.path(parent));
  }
}

// The hero box (hero.h) of a landing page whose text was chosen without it:
// the container widens to the ancestor holding both, and on each level up
// to it the boxes beside the text that joining sections leaves out are
// pruned, as is all that comes before the hero (a banner, a breadcrumb).
void join_hero(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
               std::string_view title, Selection& sel) {
  const Hero hero = find_hero(index, features, sel.container, title);
  if (hero.ancestor == dom::kNoNode) return;
  for (std::uint32_t child = sel.container; child != hero.ancestor; child = index[child].parent) {
    const std::uint32_t parent = index[child].parent;
    for (std::uint32_t k = parent + 1; k < index[parent].end; k = index[k].end) {
      if (k == child || k == hero.box || !index[k].is_element()) continue;
      const bool before_hero = parent == hero.ancestor && k < hero.box;
      if (before_hero || is_negative_box(index[k], features[k], true)) sel.pruned[k] = true;
    }
  }
  sel.container = hero.ancestor;
  sel.rules_fired.push_back("hero_joined: " + index.path(hero.box));
}

// Teaser cards (teasers.h) below the text: the "related posts" and "more
// from the blog" boxes an article ends with. Cards among the text's own
// paragraphs are its items (a listicle's entries) and stay. The text's last
// paragraph is its last block of punctuated prose outside cards and pruned
// boxes; a container with less text outside the cards than in the trailing
// cards is a list of them, and keeps them.

// Returns the text's last paragraph (kNoNode: none).
std::uint32_t prune_trailing_teasers(const dom::NodeIndex& index,
                                     const std::vector<NodeFeatures>& features, Selection& sel) {
  const std::uint32_t end = index[sel.container].end;
  std::uint32_t last_paragraph = dom::kNoNode;
  std::uint32_t text_chars = 0;  // kept text outside cards
  std::vector<std::uint32_t> cards;
  for (std::uint32_t i = sel.container + 1; i < end;) {
    const NodeFeatures& f = features[i];
    if (sel.pruned[i] || f.teaser) {
      if (f.teaser && !sel.pruned[i]) cards.push_back(i);
      i = index[i].end;
      continue;
    }
    if (!f.boilerplate) text_chars += f.block_chars;
    if (is_prose_paragraph(f)) last_paragraph = i;
    ++i;
  }
  if (last_paragraph == dom::kNoNode) return last_paragraph;
  // Cards side by side (one parent) go together or not at all: a group
  // reaching above the last paragraph is part of the text, and so is one
  // whose parent holds a paragraph (an introduction, then its items).
  std::vector<std::uint32_t> trailing;
  for (std::size_t a = 0; a < cards.size();) {
    const std::uint32_t parent = index[cards[a]].parent;
    std::size_t b = a + 1;
    while (b < cards.size() && index[cards[b]].parent == parent) ++b;
    if (parent > last_paragraph) trailing.insert(trailing.end(), cards.begin() + a, cards.begin() + b);
    a = b;
  }
  std::uint32_t trailing_chars = 0;
  for (std::uint32_t c : trailing) trailing_chars += index[c].text_chars;
  if (trailing_chars == 0 || trailing_chars >= text_chars) return last_paragraph;
  for (std::uint32_t c : trailing) {
    sel.pruned[c] = true;
    sel.rules_fired.push_back("teaser_cards: " + index.path(c));
  }
  return last_paragraph;
}

// A container often wraps the text's own element (an <article>, a
// "post-body") and, after it, a few small boxes: a call to action, a
// newsletter offer, an author's card. The dominant element is reached by
// descending from the container into the child holding most of its text
// while that child holds at least kDominantShare of it; the elements after
// it, on each level of the way, each holding less than kMaxTrailerShare of
// its text, are pruned. What comes before it (the headline, a lede) stays.
constexpr float kDominantShare = 0.8f;
constexpr float kMaxTrailerShare = 0.1f;

// The rows of a table and the items of a list go on after the longest
// one: they are parts of it (a closing row of notes, the last entries).
bool is_row_or_item(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_TR: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
      return true;
    default:
      return false;
  }
}

void prune_trailing_boxes(const dom::NodeIndex& index, Selection& sel) {
  std::vector<std::uint32_t> chain;  // container, then each dominant child
  std::uint32_t a = sel.container;
  for (;;) {
    std::uint32_t best = dom::kNoNode;
    for (std::uint32_t k = a + 1; k < index[a].end; k = index[k].end) {
      if (!index[k].is_element() || sel.pruned[k]) continue;
      if (best == dom::kNoNode || index[k].text_chars > index[best].text_chars) best = k;
    }
    if (best == dom::kNoNode ||
        static_cast<float>(index[best].text_chars) < kDominantShare * static_cast<float>(index[a].text_chars)) {
      break;
    }
    chain.push_back(best);
    a = best;
  }
  if (chain.empty()) return;
  const float limit = kMaxTrailerShare * static_cast<float>(index[chain.back()].text_chars);
  std::uint32_t parent = sel.container;
  for (std::uint32_t child : chain) {
    for (std::uint32_t k = index[child].end; k < index[parent].end; k = index[k].end) {
      if (!index[k].is_element() || sel.pruned[k] || index[k].text_chars == 0) continue;
      if (static_cast<float>(index[k].text_chars) < limit && !is_row_or_item(index[k].tag)) {
        sel.pruned[k] = true;
        sel.rules_fired.push_back("trailing_box: " + index.path(k));
      }
    }
    parent = child;
  }
}

// Small boxes after the text's last paragraph that carry a button-like
// link (a short link text: "Get started", "Contact us", "Book a demo")
// besides a few lines of their own are calls to action: "Take the next
// step", "Ready to create something extraordinary?". The boxes looked at
// are the later siblings of the last paragraph and of each of its
// ancestors below the container, so each node is looked at once. A call
// to action stands alone: list items, table rows and boxes with a twin
// among them (same tag and class: one of several cards, the rows of a
// directory) are items of the text.
constexpr std::uint32_t kMaxCallChars = 300;
constexpr std::uint32_t kMaxButtonChars = 30;

bool holds_button_link(const dom::NodeIndex& index, std::uint32_t box) {
  for (std::uint32_t i = box; i < index[box].end; ++i) {
    if (index[i].tag == GUMBO_TAG_A && index[i].text_chars > 0 &&
        index[i].text_chars <= kMaxButtonChars && !(index[i].flags & dom::kHidden)) {
      return true;
    }
  }
  return false;
}

std::string kind_key(const dom::NodeIndex& index, std::uint32_t k) {
  std::string key(index.attr(k, "class"));
  key.push_back(static_cast<char>(index[k].tag & 0x7f));
  key.push_back(static_cast<char>(index[k].tag >> 7));
  return key;
}

bool is_item_tag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TR:
    case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TBODY: case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
      return true;
    default:
      return false;
  }
}

void prune_trailing_calls(const dom::NodeIndex& index, std::uint32_t last_paragraph,
                          Selection& sel) {
  std::unordered_map<std::string, int> kinds;
  for (std::uint32_t a = last_paragraph; a != sel.container && a != dom::kNoNode;
       a = index[a].parent) {
    const std::uint32_t parent = index[a].parent;
    if (parent == dom::kNoNode) break;
    // The later siblings with text, counted by tag and class, with the
    // one holding the last paragraph (the rows of a list go on after it).
    kinds.clear();
    ++kinds[kind_key(index, a)];
    for (std::uint32_t k = index[a].end; k < index[parent].end; k = index[k].end) {
      if (index[k].is_element() && index[k].text_chars > 0) ++kinds[kind_key(index, k)];
    }
    for (std::uint32_t k = index[a].end; k < index[parent].end; k = index[k].end) {
      const dom::Node& box = index[k];
      if (!box.is_element() || sel.pruned[k] || box.text_chars == 0 ||
          box.text_chars > kMaxCallChars || 2 * box.link_chars > box.text_chars ||
          is_item_tag(box.tag) || kinds[kind_key(index, k)] > 1) {
        continue;
      }
      if (holds_button_link(index, k)) {
        sel.pruned[k] = true;
        sel.rules_fired.push_back("call_to_action: " + index.path(k));
      }
    }
  }
}

// A field to type into (a text, e-mail, phone or search box, a text area)
// with the few lines around it is a sign-up, contact or search box: the
// newsletter offer after an article, a "Request information" form, a
// thread's reply box. Whatever its class names. The box is the field's
// largest ancestor with at most kMaxEntryBoxChars of text, below the
// container and apart from the best element's wrappers. A box holding the
// page's <h1> stays: a landing page's opening lines often sit around a box
// ("Enter your ZIP code", "Start your free trial") and are its introduction.
constexpr std::uint32_t kMaxEntryBoxChars = 400;

bool holds_h1(const dom::NodeIndex& index, std::uint32_t box) {
  for (std::uint32_t i = box; i < index[box].end; ++i) {
    if (index[i].tag == GUMBO_TAG_H1) return true;
  }
  return false;
}

bool is_text_field(const dom::NodeIndex& index, std::uint32_t i) {
  if (index[i].tag == GUMBO_TAG_TEXTAREA) return true;
  if (index[i].tag != GUMBO_TAG_INPUT) return false;
  const std::string_view type = text::trim(index.attr(i, "type"));
  return type.empty() || text::iequals_ascii(type, "text") || text::iequals_ascii(type, "email") ||
         text::iequals_ascii(type, "tel") || text::iequals_ascii(type, "search");
}

void prune_entry_boxes(const dom::NodeIndex& index, Selection& sel) {
  const std::uint32_t end = index[sel.container].end;
  std::vector<std::uint32_t> boxes;
  for (std::uint32_t i = sel.container + 1; i < end; ++i) {
    if (sel.pruned[i]) {
      i = index[i].end - 1;
      continue;
    }
    if (!index[i].is_element() || !is_text_field(index, i)) continue;
    std::uint32_t box = dom::kNoNode;
    for (std::uint32_t a = index[i].parent; a != sel.container && a != dom::kNoNode;
         a = index[a].parent) {
      const bool wraps_core = a <= sel.core && index[a].end > sel.core;
      if (wraps_core || index[a].text_chars > kMaxEntryBoxChars) break;
      box = a;
    }
    if (box == dom::kNoNode || index[box].text_chars == 0) continue;
    if (!holds_h1(index, box)) boxes.push_back(box);
    i = index[box].end - 1;  // one box, however many fields: each node climbed from once
  }
  for (std::uint32_t box : boxes) {
    sel.pruned[box] = true;
    sel.rules_fired.push_back("entry_box: " + index.path(box));
  }
}

// A caption-named element is a caption (of a picture, a table), except
// where it follows a heading: then "caption" is a typography class
// ("text-caption") set on a card's description, under the card's title.
// The previous sibling with text is climbed to from the node before `i`
// (a few siblings back at most: no scan of a long list).
bool is_caption(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                std::uint32_t i) {
  constexpr int kMaxSiblingsBack = 4;
  const std::uint32_t parent = index[i].parent;
  if (index[i].tag == GUMBO_TAG_FIGCAPTION || parent == dom::kNoNode) return true;
  std::uint32_t k = i - 1;
  for (int step = 0; step < kMaxSiblingsBack && k > parent; ++step) {
    while (index[k].parent != parent) k = index[k].parent;  // the sibling holding k
    if (index[k].is_element() && index[k].text_chars > 0) return !features[k].holds_heading;
    k = k - 1;
  }
  return true;
}

}  // namespace

std::string_view title_heading_to_prune(std::string_view title, bool undeclared_headline,
                                        bool dated) {
  if (undeclared_headline && !dated) return {};
  return title;
}

bool is_discussion_page(std::string_view schema_type, std::string_view url) {
  if (schema_type == "DiscussionForumPosting" || schema_type == "QAPage" ||
      schema_type == "Question") {
    return true;
  }
  // "topic" but not "topics": a forum shows one topic, a site's "topics"
  // section files articles and docs by subject.
  static const LazyRE2 kThreadPath = {
      R"((?i)^[a-z][a-z0-9+.-]*://[^/]+/(?:[^?#]*/)?(?:(?:[a-z0-9]+-)*forums?|threads?|topic|t|questions?|discussions?|comments|community|communities|boards?|viewtopic\.php|showthread\.php)(?:[/?#._-]|$))"};
  return RE2::PartialMatch(url, *kThreadPath);
}

PruneThresholds thresholds_for(const Options& options) {
  PruneThresholds t;
  if (options.favor_precision) {
    t.link_density = 0.35f;
    t.link_only_density = 0.6f;
    t.meta_max_chars = 500;
  } else if (options.favor_recall) {
    t.link_density = 0.7f;
    t.link_only_density = 0.95f;
    t.link_only_max_chars = 100;
    t.meta_max_chars = 150;
  }
  return t;
}

Selection select_content(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                         const Options& options, std::string_view title, bool link_mode,
                         bool discussion, bool undated, std::uint32_t forced_container) {
  Selection sel;
  const std::uint32_t n = index.size();
  sel.pruned.assign(n, false);
  const std::uint32_t body = index.body();
  if (body == dom::kNoNode) {
    sel.empty_reason = "no <body>";
    return sel;
  }

  // 1. The container: the element whose subtree has the most value.
  float best = 0;
  if (forced_container != dom::kNoNode) {
    // A grid of items scores by the text it shows: its many small blocks
    // add up to little or less in the values.
    sel.container = forced_container;
    best = static_cast<float>(index[forced_container].text_chars);
  }
  for (std::uint32_t i = body; forced_container == dom::kNoNode && i < index[body].end; ++i) {
    const dom::Node& node = index[i];
    const NodeFeatures& f = features[i];
    if (!node.is_element() || f.boilerplate || (node.flags & (dom::kHidden | dom::kSkipped))) {
      continue;
    }
    if (!can_contain_content(node.tag) || f.subtree_value <= 0) continue;
    const float score = f.subtree_value * container_bonus(node, f);
    if (score >= best) {  // ties go to the deeper element
      best = score;
      sel.container = i;
    }
  }
  if (sel.container == dom::kNoNode) {
    sel.empty_reason = "no block of text outweighs the links and furniture around it";
    return sel;
  }
  sel.score = best;
  sel.core = sel.container;
  join_sibling_sections(index, features, best, undated && !discussion, sel);
  sel.sections = sel.container;
  if (undated && !discussion) join_hero(index, features, title, sel);
  if (discussion) {
    // One post won: its twins beside it are the other posts.
    if (const std::uint32_t posts = post_list(index, features, sel.core, sel.container);
        posts != dom::kNoNode) {
      sel.container = posts;
      sel.rules_fired.push_back("post_list: " + index.path(posts));
    }
    if (const std::uint32_t thread = original_post_root(index, features, sel.container);
        thread != dom::kNoNode) {
      sel.container = thread;
      sel.rules_fired.push_back("original_post: " + index.path(thread));
    }
  }

  // 2. Inside it, prune furniture.
  const PruneThresholds t = thresholds_for(options);
  const std::uint32_t end = index[sel.container].end;
  auto prune = [&](std::uint32_t i, std::string_view why) {
    sel.pruned[i] = true;
    sel.rules_fired.push_back(std::string(why) + ": " + index.path(i));
  };
  for (const std::uint32_t card : ad_cards(index, sel.container, sel.core)) prune(card, "ad_card");
  for (std::uint32_t i = sel.container + 1; i < end;) {
    const dom::Node& node = index[i];
    const NodeFeatures& f = features[i];
    if (!node.is_element() || (node.flags & dom::kSkipped)) {
      ++i;
      continue;
    }
    if (sel.pruned[i]) {
      i = node.end;
      continue;
    }
    if (i <= sel.core && node.end > sel.core) {  // the best element and its wrappers stay
      ++i;
      continue;
    }
    const float chars = static_cast<float>(node.text_chars);
    const float density = chars > 0 ? static_cast<float>(node.link_chars) / chars : 0.f;
    std::string why;
    if (!discussion && mask_has_kind(f.rules, RuleKind::kComments)) {
      sel.comment_roots.push_back(i);
      why = "comments";
    } else if (f.boilerplate) {
      why = rule_names(f.rules);
      if (why.empty()) why = "inside furniture";
    } else if (!link_mode && mask_has_kind(f.rules, RuleKind::kMeta) && node.text_chars <= t.meta_max_chars &&
               !dom::is_heading_tag(node.tag) && !(f.holds_heading && is_generic_meta(f.rules)) &&
               !(discussion && is_post_byline(f.rules))) {
      why = rule_names(f.rules);
    } else if (!options.include_captions && !link_mode && mask_has_kind(f.rules, RuleKind::kCaption) &&
               node.text_chars <= t.meta_max_chars && is_caption(index, features, i)) {
      // Not in a list of links: there "caption" names each card's text
      // (the item's name and price), which is the content.
      why = "caption";
    } else if (!options.include_tables && node.tag == GUMBO_TAG_TABLE && is_data_table(index, i)) {
      why = "table";
    } else if (!link_mode && chars > 0 && dom::is_block_tag(node.tag) && !dom::is_heading_tag(node.tag) &&
               !(undated && is_card_box(node, f)) &&
               ((density > t.link_density && f.subtree_value < 0 && !f.holds_paragraph &&
                 !is_headed_section(node, f, undated)) ||
                (density >= t.link_only_density && node.text_chars <= t.link_only_max_chars)) &&
               !is_linked_sentence(index, i)) {
      why = "link_list";
    } else if (dom::is_heading_tag(node.tag) && !title.empty() &&
               text::same_text_folded(index.text_content(i), title)) {
      why = "title_heading";
    }
    if (!why.empty()) {
      prune(i, why);
      i = node.end;
      continue;
    }
    ++i;
  }
  // A thread's replies may look like cards (a linked name, a short post).
  std::uint32_t last_paragraph = dom::kNoNode;
  if (!link_mode && !discussion) last_paragraph = prune_trailing_teasers(index, features, sel);
  prune_entry_boxes(index, sel);
  prune_facet_boxes(index, sel);
  if (last_paragraph != dom::kNoNode) prune_trailing_calls(index, last_paragraph, sel);
  if (!link_mode && !discussion) prune_trailing_boxes(index, sel);
  if (!link_mode) {
    prune_announced_boxes(index, features, sel);
    prune_edge_disclosures(index, features, sel);
  } else if (!discussion) {
    prune_announced_boxes(index, features, sel, /*carousels_only=*/true);
  }
  if (discussion) {
    prune_forum_furniture(index, features, sel);
    prune_repeated_quotes(index, sel);
    for (std::uint32_t list : post_remarks(index, features, sel.container)) {
      if (!sel.pruned[list]) prune(list, "post_remarks");
    }
  }
  if (options.include_comments && !discussion) add_outer_comment_roots(index, features, sel);
  return sel;
}

namespace {

// Visible text of the body outside furniture.
std::uint32_t non_furniture_chars(const dom::NodeIndex& index, const std::vector<NodeFeatures>& f) {
  const std::uint32_t body = index.body();
  std::uint32_t furniture = 0;
  for (std::uint32_t i = body; i < index[body].end;) {
    if (f[i].boilerplate) {
      furniture += index[i].text_chars;
      i = index[i].end;
    } else {
      ++i;
    }
  }
  return index[body].text_chars - std::min(furniture, index[body].text_chars);
}

// The page's <main> element, shown and not furniture (kNoNode: none).
std::uint32_t main_element(const dom::NodeIndex& index, const std::vector<NodeFeatures>& f) {
  const std::uint32_t body = index.body();
  for (std::uint32_t i = body; i < index[body].end; ++i) {
    if (index[i].tag != GUMBO_TAG_MAIN || !index[i].is_element()) continue;
    if ((index[i].flags & (dom::kHidden | dom::kSkipped)) || f[i].boilerplate) return dom::kNoNode;
    return i;
  }
  return dom::kNoNode;
}

}  // namespace

bool is_small_part_of(const dom::NodeIndex& index, std::uint32_t part, std::uint32_t whole,
                      std::uint32_t max_chars, std::uint32_t ratio) {
  if (part == dom::kNoNode || whole == dom::kNoNode || part <= whole || part >= index[whole].end) {
    return false;
  }
  const std::uint32_t chars = index[part].text_chars;
  return chars < max_chars && index[whole].text_chars >= ratio * chars;
}

ContentChoice choose_content(const dom::NodeIndex& index, const ElementRules& rules,
                             std::vector<NodeFeatures> prose_features, const Options& options,
                             std::string_view title, bool discussion, bool shop_page,
                             bool undated) {
  // Below these, the prose selection is taken as a miss on a link-list page.
  constexpr float kMinProseScore = 200.f;
  constexpr float kMinShareOfText = 0.15f;
  constexpr std::uint32_t kMinCataloguePrices = 8;
  constexpr std::uint32_t kNarrowMaxChars = 800;
  constexpr std::uint32_t kNarrowRatio = 4;

  ContentChoice choice;
  // A product's page opens with its buy box (name, price, a line of
  // delivery terms), no hero; its "similar items" cards are no offer.
  const bool landing = undated && !shop_page;
  choice.selection =
      select_content(index, prose_features, options, title, false, discussion, landing);
  choice.features = std::move(prose_features);
  if (index.body() == dom::kNoNode) return choice;
  const Selection& first = choice.selection;
  const float available = static_cast<float>(non_furniture_chars(index, choice.features));
  // A landing or category page whose prose reading is one short block (an
  // introduction) inside a <main> showing four times its text or more: the
  // sections and cards around it are the page's content, not its furniture.
  const std::uint32_t main = main_element(index, choice.features);
  const bool narrow = landing && first.container != dom::kNoNode &&
                      is_small_part_of(index, first.container, main, kNarrowMaxChars, kNarrowRatio);
  const bool weak =
      first.container == dom::kNoNode || first.score < kMinProseScore ||
      static_cast<float>(index[first.core].text_chars) < kMinShareOfText * available || narrow;
  // A catalogue whose prose selection (a category blurb, an SEO text)
  // missed most of the page's prices: its items are the content.
  // Prices are counted in the selection's sections as chosen, before a
  // hero box joined them (a hero's neighbours may show prices).
  const std::uint32_t page_prices = count_prices(index, index.body());
  const auto misses_prices = [&](const Selection& s) {
    const std::uint32_t held = s.sections != dom::kNoNode ? s.sections : s.container;
    return page_prices >= kMinCataloguePrices &&
           (held == dom::kNoNode || 2 * count_prices(index, held) < page_prices);
  };
  const bool catalogue = !weak && misses_prices(first);
  if (!weak && !catalogue) return choice;

  BlockWeights link_weights = link_list_weights();
  link_weights.comments_are_content = discussion;
  link_weights.shop_page = shop_page;
  std::vector<NodeFeatures> link_features = compute_features(index, rules, link_weights);
  Selection second =
      select_content(index, link_features, options, title, /*link_mode=*/true, discussion, landing);
  // A catalogue takes it when it holds most prices, whatever its score
  // against the blurb.
  const bool take_second =
      second.container != dom::kNoNode &&
      (catalogue ? !misses_prices(second)
                 : first.container == dom::kNoNode || second.score > first.score);
  if (take_second) {
    choice.selection = std::move(second);
    choice.features = std::move(link_features);
    choice.link_mode = true;
  }
  if (!weak || discussion) return choice;
  const std::vector<NodeFeatures>& weak_features = choice.link_mode ? choice.features : link_features;
  std::uint32_t forced = dom::kNoNode;
  bool forced_main = false;
  if (!shop_page && misses_prices(choice.selection)) {
    // A weak reading (whichever won) that misses most of the page's prices:
    // the items are cards of many tiny blocks (a name, a swatch row, a
    // price, a button) that add up to little or less in either reading.
    // The grid holding most prices is the container then; sections of text
    // beside it (the category's introduction) join it. (A strong prose
    // reading, an SEO text beside the grid, stays: the readers' choice
    // between the two differs from shop to shop.)
    forced = find_price_grid(index, weak_features, index.body(), kMinCataloguePrices);
  } else if (choice.selection.score < kMinProseScore || narrow) {
    // Still weak: a page whose every block is small (a store's landing of
    // headings, tiles and short links), or whose prose reading is its
    // introduction alone. Its <main> says where the content is, when it
    // shows far more than the block chosen (and does not lie inside it).
    const std::uint32_t chosen = choice.selection.container;
    const std::uint32_t chosen_chars = chosen == dom::kNoNode ? 0 : index[chosen].text_chars;
    if (main != dom::kNoNode && index[main].text_chars >= 2 * chosen_chars &&
        static_cast<float>(index[main].text_chars) >= kMinProseScore &&
        !(chosen != dom::kNoNode && chosen < main && index[chosen].end >= index[main].end)) {
      forced = main;
      forced_main = true;
    }
  }
  if (forced == dom::kNoNode) return choice;
  const float weak_score = choice.selection.score;
  choice.selection = select_content(index, weak_features, options, title, /*link_mode=*/true,
                                    discussion, /*undated=*/false, forced);
  // <main> is read as weak as before: the hidden-content reading may still win.
  if (forced_main) choice.selection.score = weak_score;
  choice.selection.rules_fired.insert(choice.selection.rules_fired.begin(),
                                      (forced_main ? "main_element: " : "price_grid: ") + index.path(forced));
  if (!choice.link_mode) choice.features = std::move(link_features);
  choice.link_mode = true;
  return choice;
}

}  // namespace thresher::content
