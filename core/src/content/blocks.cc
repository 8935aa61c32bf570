#include "content/blocks.h"

#include <algorithm>

#include <re2/re2.h>

#include "content/teasers.h"
#include "dom/text_util.h"

namespace thresher::content {
namespace {

// Text, mostly unlinked, that makes a "navigation"-named block a section of
// content rather than a menu.
constexpr std::uint32_t kMinUnlinkedNavigationChars = 150;
// Prose (block values before rules) that makes a "ticker"/"marquee"-named
// block of mostly unlinked text a row of quotes rather than a news ticker,
// with sentence punctuation: quotes are sentences, a slogan repeated to
// scroll ("SECURE YOUR SPOT - ENROL NOW") is not.
constexpr float kMinQuoteMarqueeProse = 200.f;
constexpr std::uint32_t kMinQuoteMarqueeSentences = 2;

// Sentence punctuation followed by a space or the end: a cheap signal of prose.
std::uint32_t count_punctuation(std::string_view s) {
  std::uint32_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '.' || c == ',' || c == '!' || c == '?' || c == ';') {
      if (i + 1 == s.size() || s[i + 1] == ' ' || s[i + 1] == '\n' || s[i + 1] == '"') ++n;
    } else if (static_cast<unsigned char>(c) == 0xE3 && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0x82 ||
                static_cast<unsigned char>(s[i + 2]) == 0x81)) {
      ++n;  // 。、
    } else if (static_cast<unsigned char>(c) == 0xEF && i + 2 < s.size() &&
               static_cast<unsigned char>(s[i + 1]) == 0xBC &&
               static_cast<unsigned char>(s[i + 2]) == 0x8C) {
      ++n;  // ，
    }
  }
  return n;
}

// Skeleton placeholders ("Loading...", "Loading…") stand where a script
// will put the items: they are no text of the page, and a grid of them must
// not outweigh the page's real content. Checked on short texts only.
bool is_loading_placeholder(std::string_view t) {
  constexpr std::size_t kMaxPlaceholderBytes = 24;
  if (t.size() > kMaxPlaceholderBytes) return false;
  // Most short texts (menu items, labels) start with another letter: no regex for them.
  const std::size_t first = t.find_first_not_of(" \t\n\r\f");
  if (first == std::string_view::npos) return false;
  const char c = static_cast<char>(t[first] | 0x20);
  if (c != 'l' && c != 'p') return false;
  static const LazyRE2 kPlaceholder = {R"((?i)^\s*(?:loading|please wait)\s*(?:\.\.\.|…)?\s*$)"};
  return RE2::FullMatch(t, *kPlaceholder);
}

// Whether the blocks of nodes [begin, end) hold at least `min` sentence
// punctuation marks (a subtree's, read only for the rare boxes that ask).
bool holds_sentences(const std::vector<NodeFeatures>& f, std::uint32_t begin, std::uint32_t end,
                     std::uint32_t min) {
  std::uint32_t marks = 0;
  for (std::uint32_t k = begin; k < end && marks < min; ++k) marks += f[k].punctuation;
  return marks >= min;
}

}  // namespace

bool follows_toggle_button(const dom::NodeIndex& index, std::uint32_t i) noexcept {
  constexpr int kMaxSiblingsBack = 3;  // a chevron or an icon may sit between
  const std::uint32_t parent = index[i].parent;
  if (parent == dom::kNoNode || i == 0) return false;
  std::uint32_t k = i - 1;
  for (int step = 0; step < kMaxSiblingsBack && k > parent; ++step) {
    while (index[k].parent != parent) k = index[k].parent;  // the sibling holding k
    if (index[k].is_element() && index[k].text_chars > 0) {
      if (index[k].tag == GUMBO_TAG_BUTTON) return true;
      // <h3><button>Question</button></h3>: the accessible accordion.
      if (!dom::is_heading_tag(index[k].tag)) return false;
      for (std::uint32_t d = k + 1; d < index[k].end; ++d) {
        if (index[d].tag == GUMBO_TAG_BUTTON && index[d].is_element()) return true;
      }
      return false;
    }
    k = k - 1;
  }
  return false;
}

namespace {

// Whether element k's subtree, hidden or not, holds an ASCII letter or digit.
bool holds_alnum_text(const dom::NodeIndex& index, std::uint32_t k) {
  for (std::uint32_t d = k; d < index[k].end; ++d) {
    if (!index[d].is_text()) continue;
    for (const char c : index.text(d)) {
      if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) return true;
    }
  }
  return false;
}

// The nearest element sibling before (step -1) or after (step +1) i,
// across text nodes only (white space between inline elements).
std::uint32_t adjacent_element(const dom::NodeIndex& index, std::uint32_t i, int step) {
  const std::uint32_t parent = index[i].parent;
  if (parent == dom::kNoNode) return dom::kNoNode;
  if (step > 0) {
    for (std::uint32_t k = index[i].end; k < index[parent].end; k = index[k].end) {
      if (index[k].is_element()) return k;
      if (index[k].text_chars > 0) return dom::kNoNode;
    }
    return dom::kNoNode;
  }
  for (std::uint32_t k = i - 1; k > parent; --k) {
    while (index[k].parent != parent) k = index[k].parent;  // the sibling holding k
    if (index[k].is_element()) return k;
    if (index[k].text_chars > 0) return dom::kNoNode;
  }
  return dom::kNoNode;
}

}  // namespace

bool is_linked_sentence(const dom::NodeIndex& index, std::uint32_t i) {
  constexpr int kMinOwnWords = 4;
  const dom::Node& node = index[i];
  if (node.tag != GUMBO_TAG_P || node.link_chars == 0) return false;
  int own_words = 0;
  std::string_view before_link;  // the last own text before the first link
  bool link_met = false;
  for (std::uint32_t k = i + 1; k < node.end;) {
    const dom::Node& n = index[k];
    if (n.flags & (dom::kHidden | dom::kSkipped)) {
      k = n.end;
      continue;
    }
    if (n.is_text() && n.text_chars > 0) {
      if (n.flags & dom::kInLink) {
        // The link must carry on a sentence, not follow a finished one or a
        // lead-in ("Digital now! <a>Sign up here</a>", "See also: <a>",
        // "À lire aussi » <a>").
        if (!link_met) {
          const std::string_view lead = text::trim(before_link);
          if (lead.empty() || text::ends_with_sentence_punctuation(lead) || lead.back() == ':' ||
              lead.back() == '|' || lead.ends_with("»") || lead.ends_with("›")) {
            return false;
          }
        }
        link_met = true;
      } else {
        own_words += text::word_count(index.text(k));
        if (!link_met) before_link = index.text(k);
      }
    }
    ++k;
  }
  return own_words >= kMinOwnWords && text::ends_with_sentence_punctuation(index.text_content(i));
}

bool voices_hidden_twin(const dom::NodeIndex& index, std::uint32_t i) {
  constexpr std::uint32_t kMaxVoiceChars = 100;
  if (index[i].text_chars == 0 || index[i].text_chars > kMaxVoiceChars) return false;
  for (const int step : {-1, 1}) {
    const std::uint32_t k = adjacent_element(index, i, step);
    if (k != dom::kNoNode && (index[k].flags & dom::kHidden) && holds_alnum_text(index, k)) {
      return true;
    }
  }
  return false;
}

std::uint32_t block_of(const dom::NodeIndex& index, std::uint32_t i) noexcept {
  std::uint32_t k = index[i].is_text() ? index[i].parent : i;
  while (k != dom::kNoNode && !dom::is_block_tag(index[k].tag)) k = index[k].parent;
  return k;
}

std::vector<NodeFeatures> compute_features(const dom::NodeIndex& index, const RuleMatcher& rules,
                                           const BlockWeights& weights) {
  return compute_features(index, match_elements(index, rules), weights);
}

std::vector<NodeFeatures> compute_features(const dom::NodeIndex& index, const ElementRules& rules,
                                           const BlockWeights& weights) {
  const std::uint32_t n = index.size();
  std::vector<NodeFeatures> f(n);
  const std::uint32_t body = index.body() != dom::kNoNode ? index.body() : 0;

  // Own block text: each text node counts for its nearest block ancestor
  // (computed top-down, so no walk up the tree per node).
  std::vector<std::uint32_t> block(n, dom::kNoNode);
  for (std::uint32_t i = 0; i < n; ++i) {
    const dom::Node& node = index[i];
    const std::uint32_t up = node.parent == dom::kNoNode ? dom::kNoNode : block[node.parent];
    block[i] = (node.is_element() && dom::is_block_tag(node.tag)) ? i : up;
    if (!node.is_text() || node.text_chars == 0) continue;
    const std::uint32_t b = block[i];
    if (b == dom::kNoNode || is_loading_placeholder(index.text(i))) continue;
    f[b].block_chars += node.text_chars;
    f[b].block_link_chars += node.link_chars;
    if (!(node.flags & dom::kInLink)) f[b].punctuation += count_punctuation(index.text(i));
  }
  // Prose per subtree (positive block values before any rule applies): what
  // a furniture-named wrapper would throw away.
  std::vector<float> prose(n, 0.f);
  for (std::uint32_t i = n; i-- > 0;) {
    if (f[i].block_chars > 0) {
      const float chars = static_cast<float>(f[i].block_chars);
      const float links = static_cast<float>(f[i].block_link_chars);
      prose[i] += std::max(0.f, (chars - links) - weights.link_penalty * links - weights.block_overhead);
    }
    if (index[i].parent != dom::kNoNode) prose[index[i].parent] += prose[i];
  }
  const float page_prose = n ? prose[body] : 0.f;

  if (weights.find_teasers) {
    for (std::uint32_t c : find_teaser_cards(index, f)) f[c].teaser = true;
  }

  // Rules, top-down; "boilerplate" is inherited.
  const RuleMask navigation_rule = rule_bit("navigation");
  const RuleMask footer_rule = rule_bit("footer");
  const RuleMask hidden_rule = rule_bit("screen_reader_only");
  const RuleMask ticker_rule = rule_bit("ticker");
  std::vector<bool> in_text(n, false);  // inside a <main> or an <article>
  for (std::uint32_t i = 0; i < n; ++i) {
    const dom::Node& node = index[i];
    if (node.parent != dom::kNoNode && f[node.parent].boilerplate) f[i].boilerplate = true;
    in_text[i] = node.tag == GUMBO_TAG_MAIN || node.tag == GUMBO_TAG_ARTICLE ||
                 (node.parent != dom::kNoNode && in_text[node.parent]);
    if (!node.is_element() || (node.flags & dom::kSkipped)) continue;
    f[i].rules = rules.mask[i];
    if (node.tag == GUMBO_TAG_BODY || node.tag == GUMBO_TAG_HTML || node.tag == GUMBO_TAG_MAIN) {
      continue;
    }
    // A name that also says "content" is a wrapper carrying state flags
    // (WooCommerce's "post-12 instock shipping-taxable" on the product).
    const bool shop_furniture = weights.shop_page &&
                                mask_has_kind(f[i].rules, RuleKind::kShopFurniture) &&
                                !mask_has_kind(f[i].rules, RuleKind::kPositive);
    // A collapsed accordion panel ("hidden" class, opened by the button
    // before it: the answer under an FAQ's question) is part of the text,
    // like the panels the index shows (accordion/collapse classes).
    const bool collapsed_panel = (f[i].rules & kind_mask(RuleKind::kBoilerplate)) == hidden_rule &&
                                 prose[i] > 0 && follows_toggle_button(index, i);
    // Words spelled out for screen readers beside the visible text they
    // stand for, which is hidden from them (and so from the index).
    const bool voiced_twin = (f[i].rules & kind_mask(RuleKind::kBoilerplate)) == hidden_rule &&
                             voices_hidden_twin(index, i);
    if (collapsed_panel || voiced_twin) f[i].rules &= ~hidden_rule;
    const bool furniture = mask_has_kind(f[i].rules, RuleKind::kBoilerplate) || shop_furniture ||
                           (!weights.comments_are_content &&
                            mask_has_kind(f[i].rules, RuleKind::kComments));
    if (!furniture) continue;
    // Class and id names can sit on page-wide wrappers ("has-sidebar",
    // "sidebar-first-only"): such a match is ignored when the element holds
    // most of the page's prose. <nav>, <footer> and furniture roles say what
    // the element is and are taken at their word; an <aside> needs a larger
    // share (an unclosed <aside> can swallow the page).
    const bool absolute = node.tag == GUMBO_TAG_NAV || node.tag == GUMBO_TAG_FOOTER ||
                          rules.role_matched[i];
    const float share =
        node.tag == GUMBO_TAG_ASIDE ? weights.semantic_wrapper_share : weights.wrapper_share;
    // A long run of prose with few links is not furniture whatever its name
    // (a "pop-up-modal" holding the page's coverage details, say).
    // Except in a site's footer: outside the page's <main> or <article>, a
    // "footer" holds the site's testimonials, addresses and hours however
    // much prose they make (inside, it may be the text's own end notes).
    const bool site_footer = (f[i].rules & footer_rule) && !in_text[i];
    const bool long_prose = !shop_furniture && !site_footer &&
                            prose[i] >= weights.furniture_max_prose &&
                            node.link_chars * 10 < node.text_chars;
    // Navigation is links. A "navigation"-named block of unlinked prose is a
    // section that a menu points to ("lm_navSource", "nav-target").
    const bool unlinked_navigation = (f[i].rules & kind_mask(RuleKind::kBoilerplate)) == navigation_rule &&
                                      node.tag != GUMBO_TAG_NAV &&
                                      node.text_chars >= kMinUnlinkedNavigationChars &&
                                      node.link_chars * 10 < node.text_chars;
    // A ticker is a line of headlines, each a link. A "marquee" of mostly
    // unlinked prose is a scrolling row of quotes: a landing page's
    // testimonials or reviews ("The cost of running it would be 250% more
    // elsewhere" / "Read case study").
    const bool quote_marquee = (f[i].rules & kind_mask(RuleKind::kBoilerplate)) == ticker_rule &&
                               prose[i] >= kMinQuoteMarqueeProse &&
                               node.link_chars * 4 < node.text_chars &&
                               holds_sentences(f, i, node.end, kMinQuoteMarqueeSentences);
    if (absolute || (!long_prose && !unlinked_navigation && !quote_marquee && prose[i] <= share * page_prose)) {
      f[i].boilerplate = true;
    }
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    NodeFeatures& nf = f[i];    if (nf.block_chars == 0) continue;
    const float chars = static_cast<float>(nf.block_chars);
    const float links = static_cast<float>(nf.block_link_chars);
    if (nf.boilerplate) {
      nf.block_value = -weights.boilerplate_penalty * chars - weights.block_overhead;
    } else {
      nf.block_value = (chars - links) - weights.link_penalty * links - weights.block_overhead;
    }
  }
  // Subtree sums and "has a block-level descendant", bottom-up.
  std::vector<std::uint32_t> heading_chars(n, 0);  // text of headings in the subtree
  for (std::uint32_t i = n; i-- > 0;) {
    if (index[i].is_element() && dom::is_heading_tag(index[i].tag)) heading_chars[i] = index[i].text_chars;
    if (index[i].parent != dom::kNoNode) heading_chars[index[i].parent] += heading_chars[i];
    f[i].subtree_value += f[i].block_value;
    if (is_prose_paragraph(f[i])) f[i].holds_paragraph = true;
    if (index[i].is_element() && dom::is_heading_tag(index[i].tag)) f[i].holds_heading = true;
    const std::uint32_t p = index[i].parent;
    if (p == dom::kNoNode) continue;
    f[p].subtree_value += f[i].subtree_value;
    if (f[i].holds_paragraph) f[p].holds_paragraph = true;
    if (f[i].holds_heading) f[p].holds_heading = true;
    if (index[i].is_element() && (dom::is_block_tag(index[i].tag) || f[i].has_block_child)) {
      f[p].has_block_child = true;
    }
  }
  // Card links, then the text inside them per subtree (top-down marks,
  // bottom-up sums: two passes, no walk up the tree per node).
  std::vector<bool> in_card(n, false);
  for (std::uint32_t i = 0; i < n; ++i) {
    const dom::Node& node = index[i];
    in_card[i] = (node.parent != dom::kNoNode && in_card[node.parent]) ||
                 (node.is_element() && node.tag == GUMBO_TAG_A && (node.flags & dom::kInLink) &&
                  f[i].holds_heading &&
                  node.text_chars >= heading_chars[i] + kMinCardDescriptionChars);
  }
  for (std::uint32_t i = n; i-- > 0;) {
    if (index[i].is_text() && in_card[i]) f[i].card_chars = index[i].text_chars;
    if (index[i].parent != dom::kNoNode) f[index[i].parent].card_chars += f[i].card_chars;
  }
  return f;
}

}  // namespace thresher::content
