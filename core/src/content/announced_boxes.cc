#include "content/announced_boxes.h"

#include <algorithm>
#include <utility>

#include <re2/re2.h>

#include <string>

#include "content/price_grid.h"
#include "dom/text_util.h"

namespace thresher::content {
namespace {

// Headings longer than this are titles of sections, not box labels.
constexpr std::uint32_t kMaxAnnouncingHeadingChars = 80;
constexpr std::uint32_t kMaxDisclosureChars = 300;
constexpr std::uint32_t kMinDisclosureChars = 20;

// Box labels: related and recommended content, more from the same source,
// what others viewed, sharing and following. English, German, French,
// Spanish, Italian, Portuguese, Dutch. "See also" is left out: in reference
// and documentation pages it introduces part of the text.
const RE2& announcing_heading() {
  static const RE2 kPattern(
      R"(^(?:)"
      // related / recommended / popular / trending
      R"((?:other |more )?related(?: [^ ]+){0,2}|recommended(?: [^ ]+){0,2}|)"
      R"((?:most )?popular(?: [^ ]+){0,2}|most (?:read|viewed|shared|commented)(?: [^ ]+){0,2}|)"
      R"(trending(?: [^ ]+){0,2}|similar (?:[^ ]+ )?(?:products|items|articles|posts|stories|recipes)(?: .*)?|)"
      // you may also like
      R"(you (?:may|might|will|could|'ll|’ll) (?:also )?(?:like|love|enjoy|be interested)(?: .*)?|)"
      R"((?:other|more) (?:[^ ]+ ){0,3}you(?: may| might)? (?:also )?(?:like|love|enjoy)|)"
      // more from / read next / keep exploring
      R"(more (?:from|by)(?: .*)?|more (?:stories|articles|posts|news|reads|videos|recipes|guides)(?: .*)?|)"
      R"((?:what to )?read next|(?:also|further) read(?:ing)?|keep (?:reading|exploring)(?: .*)?|)"
      R"(more to (?:explore|read|discover|love)|explore more(?: .*)?|don['’]?t miss(?: .*)?|)"
      // sharing and following
      R"(share(?: this| it| the| on| via)?(?: [^ ]+){0,2}|like this|follow us(?: .*)?|)"
      // de
      R"(ähnliche (?:artikel|beiträge|themen|produkte)|das könnte (?:sie|dich) auch interessieren|)"
      R"((?:weitere|mehr) (?:artikel|beiträge|news|nachrichten)(?: .*)?|mehr zum thema(?: .*)?|)"
      R"(lesen sie auch|auch interessant|beliebte (?:artikel|beiträge)|)"
      // fr
      R"((?:à |a )?lire aussi|articles? (?:similaires|liés|connexes)|)"
      R"(vous (?:aimerez|pourriez aimer) aussi|sur le même (?:sujet|thème)|)"
      // es, it, pt
      R"((?:artículos|noticias|entradas|posts) relacionad[oa]s|(?:también )?te (?:puede|podría) interesar|)"
      R"(lo más (?:leído|visto)|(?:articoli|notizie|post) correlat[ie]|(?:ti )?potrebbe(?:ro)? interessarti|)"
      R"(leggi anche|(?:artigos|posts|notícias) relacionad[oa]s|leia também|)"
      R"(você (?:também )?(?:pode|poderá) gostar|)"
      // nl
      R"(gerelateerde (?:artikelen|berichten)|lees ook|meer (?:artikelen|nieuws))"
      R"()[ :.!?…]*$)");
  return kPattern;
}

// Words of a disclosure: earning a commission from links or purchases, an
// affiliate programme, links declared affiliate links, picks made
// independently. Not "reader-supported" (a site's description of itself)
// nor "affiliate links" alone (an aside in a paragraph: "both are affiliate
// links").
const RE2& disclosure_words() {
  static const RE2 kPattern(
      R"(\b(?:earn|earns|receive|receives|make|get|collect)\b[^.!?]{0,40}\bcommissions?\b|)"
      R"(\baffiliate (?:commissions?|partners?|programs?|marketer|disclosure)\b|)"
      R"(\b(?:contains?|may contain|uses?|through|via) (?:[^ ]+ ){0,2}affiliate links\b|)"
      R"(\bas an amazon associate\b|\bqualifying purchases\b|\bmay be compensated\b|)"
      R"(\b(?:chosen|selected|picked) independently\b|\bindependently (?:chosen|selected)\b|)"
      R"(\baffiliate-links?\b|\berhalten wir (?:eine )?provision\b|)"
      R"(\bliens? (?:affiliés|d'affiliation)\b|\bune commission\b|)"
      R"(\benlaces? de afiliad[^ ]+\b|\buna comisión\b)");
  return kPattern;
}

// A word every disclosure phrase above holds (case-insensitive): the
// phrases are tested only on elements with such a word in one of their
// text nodes, so most elements never have their text built.
const RE2& disclosure_key_word() {
  static const RE2 kPattern(
      R"((?i)(commission|comisi|affili|afiliad|associate|qualifying purchases|compensated|)"
      R"(independently|provision))");
  return kPattern;
}

// Product cards among the siblings [begin, end): two prices shown or more,
// outside tables (a table of prices is data: rates by state, a price list).
bool shows_product_cards(const dom::NodeIndex& index, std::uint32_t begin, std::uint32_t end) {
  std::uint32_t prices = 0;
  for (std::uint32_t k = begin; k < end; k = index[k].end) {
    for (std::uint32_t i = k; i < index[k].end; ++i) {
      if (index[i].tag == GUMBO_TAG_TABLE && index[i].is_element()) return false;
    }
    prices += count_prices(index, k);
  }
  return prices >= 2;
}

// `i` is or holds a shown heading of rank `rank` or higher: the next
// section (a wrapper around the product's <h1>, price and buy box), where a
// box announced by a heading of that rank ends.
bool holds_heading_up_to(const dom::NodeIndex& index, std::uint32_t i, GumboTag rank) {
  for (std::uint32_t k = i; k < index[i].end;) {
    const dom::Node& node = index[k];
    if (node.flags & (dom::kHidden | dom::kSkipped)) {
      k = node.end;
      continue;
    }
    if (node.is_element() && dom::is_heading_tag(node.tag) && node.tag <= rank) return true;
    ++k;
  }
  return false;
}

// A shop's carousels: what else was viewed or bought, other products like
// this one, paid placements. They never label a section of a listing's own
// items, so they are read on pages read as lists of links too.
const RE2& shop_carousel_heading() {
  static const RE2 kPattern(
      R"(^(?:)"
      R"((?:your )?recently viewed(?: [^ ]+){0,2}|(?:frequently )?bought together|)"
      R"(similar (?:[^ ]+ )?(?:products|items)(?: .*)?|explore (?:related|similar)(?: .*)?|)"
      R"(complete the look|pairs? (?:well|perfectly) with(?: .*)?|sponsored (?:products|items)(?: .*)?|)"
      R"(you (?:may|might) also (?:like|love)|)"
      R"((?:people|customers|shoppers|guests|buyers|others)(?: like you)? (?:who|also) .*)"
      R"()[ :.!?…]*$)");
  return kPattern;
}

bool wraps(const dom::NodeIndex& index, std::uint32_t a, std::uint32_t node) {
  return node != dom::kNoNode && a <= node && index[a].end > node;
}

}  // namespace

bool announces_shop_carousel(std::string_view heading_text) {
  const std::string lower = text::to_lower_utf8(text::collapse_whitespace(heading_text));
  return RE2::FullMatch(lower, shop_carousel_heading());
}

bool announces_link_box(std::string_view heading_text) {
  const std::string lower = text::to_lower_utf8(text::collapse_whitespace(heading_text));
  return RE2::FullMatch(lower, announcing_heading()) || RE2::FullMatch(lower, shop_carousel_heading());
}

bool is_affiliate_disclosure(std::string_view text) {
  return RE2::PartialMatch(text::to_lower_utf8(text), disclosure_words());
}

void prune_announced_boxes(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                           Selection& sel, bool carousels_only) {
  const std::uint32_t container = sel.container;
  const std::uint32_t end = index[container].end;
  for (std::uint32_t i = container + 1; i < end; ++i) {
    const dom::Node& node = index[i];
    if (sel.pruned[i] || (node.flags & (dom::kHidden | dom::kSkipped))) {
      i = node.end - 1;
      continue;
    }
    if (!node.is_element() || !dom::is_heading_tag(node.tag) || node.text_chars == 0 ||
        node.text_chars > kMaxAnnouncingHeadingChars || wraps(index, i, sel.core) ||
        !(carousels_only ? announces_shop_carousel(index.text_content(i))
                         : announces_link_box(index.text_content(i)))) {
      continue;
    }
    // The heading's wrappers that hold nothing else ("section-header").
    std::uint32_t label = i;
    while (index[label].parent != container && index[label].parent != dom::kNoNode) {
      const std::uint32_t up = index[label].parent;
      if (index[up].text_chars != node.text_chars || wraps(index, up, sel.core)) break;
      label = up;
    }
    const std::uint32_t parent = index[label].parent;
    if (parent == dom::kNoNode) continue;
    // The box: later siblings up to the next heading of the same or a
    // higher rank, or the best element.
    std::uint32_t box_end = index[label].end;
    std::uint32_t kept_chars = 0, link_chars = 0;
    bool prose = false;
    for (std::uint32_t k = index[label].end; k < index[parent].end; k = index[k].end) {
      const dom::Node& sib = index[k];
      if (wraps(index, k, sel.core)) break;
      if (sib.is_element() && holds_heading_up_to(index, k, node.tag)) break;
      box_end = sib.end;
      if (sel.pruned[k] || (sib.flags & (dom::kHidden | dom::kSkipped))) continue;
      kept_chars += sib.text_chars;
      link_chars += sib.link_chars;
      prose = prose || (features[k].holds_paragraph && 2 * sib.link_chars < sib.text_chars);
    }
    // A shop's carousel links only each card's name; its prices, badges
    // and delivery lines are plain text. Cards showing prices under such a
    // heading are other products, however little of them is linked.
    const bool product_cards = shows_product_cards(index, index[label].end, box_end);
    if (kept_chars > 0 && (prose || (2 * link_chars < kept_chars && !product_cards))) continue;
    // In a list of links the items are the content: only a carousel's
    // cards (or its empty box, filled by a script) go.
    if (carousels_only && kept_chars > 0 && !product_cards) continue;
    sel.pruned[label] = true;
    sel.rules_fired.push_back("announced_box: " + index.path(label));
    for (std::uint32_t k = index[label].end; k < box_end; k = index[k].end) {
      if (!sel.pruned[k] && index[k].text_chars > 0) {
        sel.pruned[k] = true;
        sel.rules_fired.push_back("announced_box: " + index.path(k));
      }
    }
    i = box_end - 1;
  }
}

void prune_edge_disclosures(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                            Selection& sel) {
  const std::uint32_t begin = sel.container, end = index[sel.container].end;
  // The container's text nodes, one per line, searched for key words in
  // one pass (a search per node costs more in setup than in reading).
  std::string joined;
  std::vector<std::pair<std::size_t, std::uint32_t>> line_starts;  // offset, node
  for (std::uint32_t i = begin; i < end; ++i) {
    if (!index[i].is_text() || index[i].text_chars < 6) continue;  // key words have 6+ letters
    line_starts.emplace_back(joined.size(), i);
    joined.append(index.text(i)).push_back('\n');
  }
  // key_words[i - begin]: text nodes holding a key word before node i.
  std::vector<std::uint32_t> key_words(end - begin + 1, 0);
  re2::StringPiece rest(joined), word;
  while (RE2::FindAndConsume(&rest, disclosure_key_word(), &word)) {
    const auto offset = static_cast<std::size_t>(word.data() - joined.data());
    const auto line = std::upper_bound(line_starts.begin(), line_starts.end(),
                                       std::make_pair(offset, dom::kNoNode)) - 1;
    key_words[line->second - begin + 1] = 1;
  }
  for (std::uint32_t k = 1; k < key_words.size(); ++k) key_words[k] += key_words[k - 1];
  auto holds_key_word = [&](std::uint32_t i) {
    return key_words[index[i].end - begin] != key_words[i - begin];
  };
  std::vector<std::uint32_t> disclosures;
  std::uint32_t first_paragraph = dom::kNoNode, last_paragraph = dom::kNoNode;
  for (std::uint32_t i = sel.container + 1; i < end; ++i) {
    const dom::Node& node = index[i];
    if (sel.pruned[i] || (node.flags & (dom::kHidden | dom::kSkipped))) {
      i = node.end - 1;
      continue;
    }
    const NodeFeatures& f = features[i];
    if (!node.is_element() || f.block_chars == 0 || f.boilerplate) continue;
    if (node.text_chars >= kMinDisclosureChars && node.text_chars <= kMaxDisclosureChars &&
        !wraps(index, i, sel.core) && holds_key_word(i) &&
        is_affiliate_disclosure(index.text_content(i))) {
      disclosures.push_back(i);
      i = node.end - 1;
      continue;
    }
    if (is_prose_paragraph(f)) {
      if (first_paragraph == dom::kNoNode) first_paragraph = i;
      last_paragraph = i;
    }
  }
  for (std::uint32_t d : disclosures) {
    const bool edge = first_paragraph == dom::kNoNode || d < first_paragraph || d > last_paragraph;
    if (!edge) continue;
    sel.pruned[d] = true;
    sel.rules_fired.push_back("affiliate_disclosure: " + index.path(d));
  }
}

}  // namespace thresher::content
