#include "fields/bylines.h"

#include <algorithm>

#include <re2/re2.h>

#include "content/rules.h"
#include "dom/text_util.h"
#include "fields/authors.h"
#include "fields/date_lines.h"
#include "fields/dates.h"

namespace thresher::fields {
namespace {

constexpr std::uint32_t kMaxBylineChars = 60;      // an unnamed element saying "By ..."
constexpr std::uint32_t kMaxNamedBylineChars = 120;  // an author-named element
constexpr std::uint32_t kMaxBareNameChars = 50;    // an author-named element with just a name
constexpr std::uint32_t kMaxAuthorBoxChars = 1200;   // an author-named box: name, role, bio

// "By now, you ...": "by", a lower-case word, a comma and another
// lower-case word: a sentence opening with an idiom.
bool opens_a_sentence(std::string_view line) {
  static const LazyRE2 kIdiom = {R"(^\s*(?i:by)\s+\p{Ll}+\s*,\s*\p{Ll})"};
  return RE2::PartialMatch(line, *kIdiom);
}

std::vector<std::string> names_in(std::string_view text) {
  std::vector<std::string> found;
  for (const std::string& name : clean_authors(text)) {
    if (capitalized_like_a_name(name)) found.push_back(name);
  }
  return found;
}

}  // namespace

std::string first_line_text(const dom::NodeIndex& index, std::uint32_t i, bool* whole,
                            std::uint32_t* stop) {
  std::string out;
  *whole = true;
  std::uint32_t k = stop != nullptr && *stop > i ? *stop : i + 1;
  for (; k < index[i].end;) {
    const dom::Node& n = index[k];
    if ((n.flags & dom::kHidden) || (n.flags & dom::kSkipped)) {
      k = n.end;
      continue;
    }
    if (n.is_text()) {
      text::append_collapsed(out, index.text(k));
    } else if (dom::is_block_tag(n.tag) || n.tag == GUMBO_TAG_BR) {
      if (!text::trim(out).empty()) {
        *whole = false;
        break;
      }
    }
    ++k;
  }
  if (stop != nullptr) *stop = k;
  return std::string(text::trim(out));
}

namespace {

// The name on the first line of an author box: its first element of text
// without block children, when that text is one name of two words or more
// ("<div class=author-info><div class=name>Rachel MacDonald</div>
// <div>Staff writer</div></div>"). A one-word line ("Author", "Share") is
// furniture, not a name.
std::vector<std::string> first_line_name(const dom::NodeIndex& index, std::uint32_t box) {
  for (std::uint32_t k = box + 1; k < index[box].end; ++k) {
    const dom::Node& n = index[k];
    if (n.is_text() && n.text_chars > 0) return {};  // text of the box itself comes first
    if (!n.is_element() || n.text_chars == 0) continue;
    bool has_block = false;
    for (std::uint32_t c = k + 1; c < n.end && !has_block; ++c) {
      has_block = index[c].is_element() && dom::is_block_tag(index[c].tag) && index[c].text_chars > 0;
    }
    if (has_block) continue;  // descend to the line itself
    if (n.text_chars > kMaxBareNameChars) return {};
    const std::string line = index.text_content(k);
    if (says_by(line, /*alone=*/true)) return {};  // a label: handled as such
    // A name line starts with the name: "~ Rachel M" signs a testimonial.
    std::size_t at = 0;
    const std::string_view trimmed = text::trim(line);
    if (trimmed.empty() || !text::is_word(text::next_code_point(trimmed, at))) return {};
    std::vector<std::string> found = names_in(line);
    if (found.size() == 1 && text::word_count(found[0]) >= 2) return found;
    return {};
  }
  return {};
}

// The text of the first link with text inside element `i`, or "". Looks at
// a line's first nodes only: a byline is small, and nested candidates must
// not each walk a huge empty subtree.
std::string first_link_text(const dom::NodeIndex& index, std::uint32_t i) {
  constexpr std::uint32_t kNodesLooked = 64;
  const std::uint32_t end = std::min(index[i].end, i + 1 + kNodesLooked);
  for (std::uint32_t k = i + 1; k < end; ++k) {
    if (index[k].is_element() && index[k].tag == GUMBO_TAG_A && index[k].text_chars > 0) {
      return index.text_content(k);
    }
  }
  return {};
}

}  // namespace

bool names_author_details(std::string_view class_attr) {
  static const LazyRE2 kDetails = {
      R"((?i)(?:^|[-_\s])(?:desc|description|bio|biography|about|title|role|job|jobtitle|position|credentials?|)"
      R"(categor(?:y|ies)|tags?|release-date|date)(?:[-_\s]|$))"};
  return RE2::PartialMatch(class_attr, *kDetails);
}

bool holds_full_names(const std::vector<std::string>& names) {
  return !names.empty() && std::all_of(names.begin(), names.end(), [](const std::string& n) {
           return text::word_count(n) >= 2;
         });
}

std::vector<std::string> names_in_element(const dom::NodeIndex& index, std::uint32_t i) {
  bool whole = true;
  std::uint32_t stop = 0;
  std::string line = first_line_text(index, i, &whole, &stop);
  // A label line first ("Written By"): the name is on the next one.
  if (!whole && says_by(line, /*alone=*/true)) line = first_line_text(index, i, &whole, &stop);
  if (!whole) {
    if (std::vector<std::string> found = names_in(line); holds_full_names(found)) return found;
  }
  return names_in(index.text_content(i));
}

std::vector<std::string> names_in_list(const dom::NodeIndex& index, std::uint32_t list) {
  std::vector<std::string> found;
  for (std::uint32_t k = list + 1; k < index[list].end; k = index[k].end) {
    const dom::Node& item = index[k];
    if (!item.is_element() || item.tag != GUMBO_TAG_LI || item.text_chars == 0) continue;
    // Each item one name: an item holding more (a sentence, a menu's
    // sub-list) means the list is not one of names.
    if (item.text_chars > kMaxBareNameChars) return {};
    const std::vector<std::string> names = names_in(index.text_content(k));
    if (names.size() != 1) return {};
    merge_names(found, names);
  }
  return found;
}

bool starts_line_after_date(std::string_view line, std::string_view part) {
  if (line.starts_with(part)) return true;
  const std::size_t at = line.find(part);
  if (at == std::string_view::npos) return false;
  const std::string_view before = line.substr(0, at);
  return reads_as_date_line(before) && parse_date(before).has_value();
}

namespace {

// Whether `text` may start (after RE2's \s, [\t\n\f\r ]) with a word of
// says_by's patterns: written, posted, article, text, words, story,
// authored, created, published, reported, by, von, par, por, door, di,
// przez, author, autor, auteur, contributors, writers. Their first letters
// are a b c d p r s t v w, in either case, or U+017F (long s), which (?i)
// folds to s. A byte test here spares the three regex calls for most of
// the short elements of a page, whose text starts otherwise.
bool may_say_by(std::string_view text) {
  std::size_t k = 0;
  while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' ||
                             text[k] == '\r' || text[k] == '\f')) {
    ++k;
  }
  if (k == text.size()) return false;
  const auto c = static_cast<unsigned char>(text[k]);
  if (c == 0xC5) return true;  // the lead byte of U+017F
  switch (c | 0x20) {          // ASCII letters lower-cased
    case 'a': case 'b': case 'c': case 'd': case 'p': case 'r': case 's': case 't': case 'v':
    case 'w':
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    default:
      return false;
  }
}

}  // namespace

bool says_by(std::string_view text, bool alone) {
  if (!may_say_by(text)) return false;
  // "Written by Jane", "Article by", "Text by", "Posted by", "Author: Jane".
  // A sentence may lead in: "This post was written by Jane Doe" (an
  // author box's bio line).
  static const LazyRE2 kBy = {
      R"((?i)^\s*(?:this\s+(?:post|article|story|piece|guide|review|blog\s+post)\s+(?:was|is)\s+)?)"
      R"((?:(?:written|posted|article|text|words|story|authored|created|published|reported)\s+)?)"
      R"((?:by|von|par|por|door|di|przez)(?:\s*:)?(?:\s+\S|\s*$))"};
  // "Contributors: Jane Doe": a page crediting its writers so, with no
  // other byline.
  static const LazyRE2 kLabel = {
      R"((?i)^\s*(?:author|autor|auteur|autore|auteur\(e\)|contributors?)\s*:(?:\s*\S|\s*$))"};
  if (alone) {
    // A heading or label with nothing after it: "Written by", "Author",
    // "Author(s)", "Contributors:".
    static const LazyRE2 kAlone = {
        R"((?i)^\s*(?:(?:written|posted|article|text|words|story|authored|created|published|reported)\s+)?)"
        R"((?:by|von|par|por|door|di|przez|authors?|author\(s\)|autor(?:in|en)?|auteurs?|autore|)"
        R"(contributors?|writers?)\s*:?\s*$)"};
    return RE2::FullMatch(text, *kAlone);
  }
  return RE2::PartialMatch(text, *kBy) || RE2::PartialMatch(text, *kLabel);
}

std::vector<std::string> find_byline(const dom::NodeIndex& index,
                                     const std::vector<content::NodeFeatures>& f, bool labelled_only) {
  const content::RuleMask byline_rule = content::rule_bit("byline");
  for (std::uint32_t i = index.body() == dom::kNoNode ? 0 : index.body(); i < index.size(); ++i) {
    const dom::Node& n = index[i];
    if (n.is_element() && (n.tag == GUMBO_TAG_PRE || n.tag == GUMBO_TAG_CODE)) {
      i = n.end - 1;  // code is never a byline ("... por t" in a code sample)
      continue;
    }
    if (!n.is_element() || n.text_chars == 0 || (f[i].boilerplate && !labelled_only)) continue;
    const bool author_named = (f[i].rules & byline_rule) != 0;
    // An author box with its bio ("<div class=blog_author-box><img><div>
    // Lauren Vetter</div><p>Lauren Vetter is a growth-focused ...</p>"):
    // its first line, when that is a name on its own.
    if (n.text_chars > kMaxNamedBylineChars) {
      if (author_named && f[i].has_block_child && n.text_chars <= kMaxAuthorBoxChars && !labelled_only) {
        if (std::vector<std::string> found = first_line_name(index, i); !found.empty()) return found;
      }
      continue;
    }
    if (!author_named && n.text_chars > kMaxBylineChars) continue;
    const std::string t = index.text_content(i);
    // A label alone ("Written by"): the name is in the next element.
    if (says_by(t, /*alone=*/true)) {
      const std::uint32_t next = dom::next_element_sibling(index, i);
      if (next != dom::kNoNode && (index[next].tag == GUMBO_TAG_UL || index[next].tag == GUMBO_TAG_OL)) {
        std::vector<std::string> found = names_in_list(index, next);
        if (!found.empty() && found.size() <= kMaxAuthors) return found;
      } else if (next != dom::kNoNode && index[next].text_chars <= kMaxBareNameChars) {
        std::vector<std::string> found = names_in_element(index, next);
        if (!found.empty() && found.size() <= kMaxAuthors) return found;
      }
      continue;
    }
    if (labelled_only && !says_by(t)) continue;
    // An author-named wrapper (author box: photo, name, role line, bio):
    // its first line is the name when it is one on its own.
    if (author_named && f[i].has_block_child) {
      std::vector<std::string> found = first_line_name(index, i);
      if (!found.empty()) return found;
      continue;
    }
    const bool by = says_by(t);
    // An author-named meta row with a date ("Dec. 19, 2025 · Niko Matsakis
    // on behalf of <a>Vision Doc group</a>", "Janic Cathomen, 01.12.2021"):
    // its one name beside the date, cut at the row's separators and commas;
    // nothing else in it is a name (a category's link after the date).
    if (!by && author_named && parse_date(t).has_value()) {
      if (std::vector<std::string> found = name_in_row(index, i, /*cut_at_commas=*/true); !found.empty()) {
        return found;
      }
      continue;
    }
    if (!by && !(author_named && n.text_chars <= kMaxBareNameChars)) continue;
    if (!by && names_author_details(index.attr(i, "class"))) continue;
    // "By Name" in an unnamed block, or in an inline element that starts
    // its line (not a "by" inside a sentence's span).
    if (!author_named && !dom::is_block_tag(n.tag) &&
        (n.parent == dom::kNoNode || !starts_line_after_date(index.text_content(n.parent), t))) {
      continue;
    }
    std::vector<std::string> found = names_in_element(index, i);
    // "By <a>Name</a> <a>View in digital edition</a>": the line's first
    // link is the name when the whole line reads as none, and it is a name
    // of two words or more (a one-word link is "order", "license", a share
    // button).
    if (found.empty() && by) {
      found = names_in(first_link_text(index, i));
      if (found.size() != 1 || text::word_count(found[0]) < 2) found.clear();
    }
    // "By now, you know the basics", "By default, the": a sentence's idiom,
    // not a byline ("by ibby", "Posted by kovarex, TOGos" are).
    if (!author_named && !found.empty() && opens_a_sentence(t)) continue;
    if (!found.empty() && found.size() <= kMaxAuthors) return found;
  }
  return {};
}

std::vector<std::string> author_box_anywhere(const dom::NodeIndex& index,
                                             const std::vector<content::NodeFeatures>& f) {
  const content::RuleMask byline_rule = content::rule_bit("byline");
  std::vector<std::string> found;
  for (std::uint32_t i = index.body() == dom::kNoNode ? 0 : index.body(); i < index.size(); ++i) {
    const dom::Node& n = index[i];
    if (!n.is_element() || n.text_chars == 0 || n.text_chars > kMaxAuthorBoxChars ||
        (f[i].rules & byline_rule) == 0 || !f[i].has_block_child) {
      continue;
    }
    const std::vector<std::string> names = first_line_name(index, i);
    if (names.empty()) continue;
    merge_names(found, names);
    if (found.size() > 1) return {};
    i = n.end - 1;  // the box's inner author-named parts give the same line
  }
  return found;
}

bool credited_for_other_work(const dom::NodeIndex& index, std::uint32_t i) {
  const std::uint32_t parent = index[i].parent;
  if (parent == dom::kNoNode) return false;
  // The parent's children before `i`, nearest first.
  std::vector<std::uint32_t> before;
  for (std::uint32_t k = parent + 1; k < i; k = index[k].end) before.push_back(k);
  static const LazyRE2 kBetweenNames = {R"(^[\s,&;]*(?:and[\s,]*)?$)"};
  static const LazyRE2 kOtherWork = {
      R"((?i)(?:reviewed|edited|checked|fact[- ]?checked|verified|illustrated|illustrations?|photos?|)"
      R"(photographs?|photography|images?|videos?|produced|translated|contributions|contributors?|additional\s+reporting|)"
      R"(research(?:ed)?)\s*(?:by|from)?\s*:?\s*$)"};
  for (auto it = before.rbegin(); it != before.rend(); ++it) {
    const dom::Node& n = index[*it];
    if (n.is_element()) {
      if (n.tag == GUMBO_TAG_A || n.text_chars == 0) continue;  // another name, an icon
      return false;
    }
    const std::string t = index.text_content(*it);
    if (RE2::FullMatch(t, *kBetweenNames)) continue;
    return RE2::PartialMatch(t, *kOtherWork);
  }
  return false;
}

namespace {

// Whether a text of a meta row is a category, a section or the outlet
// ("Living Healthy", "Chalkbeat Philadelphia") rather than a name: it sits
// in a link to anything but a person's page (names link to profiles), in
// an element whose class calls it a term or category, or in a button or a
// role-named element (a menu's toggle).
// Whether element `p` says so of the text in it: 1 (a term, a button, a
// link elsewhere), 0 (a link to a person's page), -1 (it says nothing).
int says_not_a_person(const dom::NodeIndex& index, std::uint32_t p) {
  static const LazyRE2 kPersonPage = {
      R"((?i)/(?:authors?|people|person|staff|profiles?|team|contributors?|writers?|users?|members?|editors?|experts?)(?:/|$|[-_?#]))"};
  static const LazyRE2 kTaxonomyClass = {
      R"((?i)(?:^|[-_\s])(?:terms?|categor(?:y|ies)|tags?|topics?|sections?)(?:[-_\s]|$))"};
  if (RE2::PartialMatch(index.attr(p, "class"), *kTaxonomyClass)) return 1;
  if (index[p].tag == GUMBO_TAG_BUTTON || !index.attr(p, "role").empty()) return 1;
  const std::string_view href = index.attr(p, "href");
  if (index[p].tag == GUMBO_TAG_A && !href.empty()) return RE2::PartialMatch(href, *kPersonPage) ? 0 : 1;
  return -1;
}

bool links_elsewhere_than_a_person(const dom::NodeIndex& index, std::uint32_t text_node, std::uint32_t row) {
  for (std::uint32_t p = index[text_node].parent; p != dom::kNoNode && p != row; p = index[p].parent) {
    if (const int says = says_not_a_person(index, p); says >= 0) return says == 1;
  }
  return false;
}

}  // namespace

namespace {

// The largest element around `date_line` that is still one short line and
// does not hold `headline`.
std::uint32_t date_row(const dom::NodeIndex& index, std::uint32_t date_line, std::uint32_t headline) {
  constexpr std::uint32_t kMaxRowChars = 120;
  std::uint32_t row = date_line;
  for (std::uint32_t p = index[row].parent; p != dom::kNoNode && index[p].text_chars <= kMaxRowChars &&
                                            !(headline != dom::kNoNode && p <= headline && headline < index[p].end);
       p = index[p].parent) {
    row = p;
  }
  return row;
}

}  // namespace

std::vector<std::string> name_beside_date(const dom::NodeIndex& index, std::uint32_t date_line,
                                          std::uint32_t headline) {
  return name_in_row(index, date_row(index, date_line, headline));
}

std::vector<std::string> name_above_date(const dom::NodeIndex& index, std::uint32_t date_line,
                                         std::uint32_t headline) {
  const std::uint32_t row = date_row(index, date_line, headline);
  const std::uint32_t parent = index[row].parent;
  if (parent == dom::kNoNode) return {};
  // The row's previous sibling with text, past those without (an icon).
  std::uint32_t above = dom::kNoNode;
  for (std::uint32_t k = parent + 1; k < row; k = index[k].end) {
    if (index[k].text_chars == 0 || (index[k].flags & dom::kHidden) || (index[k].flags & dom::kSkipped)) continue;
    above = index[k].is_element() ? k : dom::kNoNode;  // loose text between: no line of its own
  }
  if (above == dom::kNoNode || index[above].text_chars > kMaxBareNameChars ||
      dom::is_heading_tag(index[above].tag) || (headline != dom::kNoNode && above <= headline && headline < index[above].end)) {
    return {};
  }
  for (std::uint32_t k = above + 1; k < index[above].end; ++k) {
    if (index[k].is_element() && dom::is_block_tag(index[k].tag) && index[k].text_chars > 0) return {};
  }
  // The line itself a category's link or term ("<a href=/category/press>").
  if (says_not_a_person(index, above) == 1) return {};
  return name_in_row(index, above);
}

std::vector<std::string> name_in_row(const dom::NodeIndex& index, std::uint32_t row, bool cut_at_commas) {
  std::vector<std::string> found;
  static const LazyRE2 kSeparators = {R"(\s*[·•|–—]\s*)"};
  static const LazyRE2 kSeparatorsAndCommas = {R"(\s*[·•|–—,]\s*)"};
  static const LazyRE2 kDigit = {R"(\d)"};
  for (std::uint32_t k = row + 1; k < index[row].end; ++k) {
    const dom::Node& n = index[k];
    if ((n.flags & dom::kHidden) || (n.flags & dom::kSkipped)) {
      k = n.end - 1;
      continue;
    }
    if (!n.is_text() || n.text_chars == 0 || links_elsewhere_than_a_person(index, k, row)) continue;
    std::string pieces(index.text(k));
    RE2::GlobalReplace(&pieces, cut_at_commas ? *kSeparatorsAndCommas : *kSeparators, "\n");
    std::size_t pos = 0;
    while (pos < pieces.size()) {
      std::size_t nl = pieces.find('\n', pos);
      if (nl == std::string::npos) nl = pieces.size();
      std::string_view piece = text::trim(std::string_view(pieces).substr(pos, nl - pos));
      pos = nl + 1;
      // "Mahua Das in <a>Category</a>", "Niko Matsakis on behalf of <a>Team</a>",
      // "Jane Doe for <a>Outlet</a>": the row goes on to what the post is
      // filed under or written for; the name is before the connective.
      static const LazyRE2 kTrailingConnective = {R"(^(.+?)\s+(?i:in|for|on behalf of)$)"};
      re2::StringPiece before;
      if (RE2::FullMatch(piece, *kTrailingConnective, &before)) piece = std::string_view(before.data(), before.size());
      if (piece.empty() || RE2::PartialMatch(piece, *kDigit) || says_by(piece)) continue;
      if (piece.back() == '!' || piece.back() == '?') continue;  // "Link Copied!"
      // Only a whole piece that is a name: "in Project Management", "Share" are not.
      for (const std::string& name : clean_authors(piece)) {
        std::size_t at = 0;
        if (!text::is_word(text::next_code_point(name, at))) continue;  // "› Versenden": a share link
        if (!capitalized_like_a_name(name) || text::word_count(name) < 2 || text::word_count(name) > 3) continue;
        merge_names(found, {name});
      }
    }
  }
  if (found.size() != 1) return {};
  return found;
}

bool capitalized_like_a_name(std::string_view name) {
  if (name.find(' ') == std::string_view::npos) return true;  // a handle: "gizzmo"
  static const LazyRE2 kLowerWord = {
      R"((?:^|\s)(\p{Ll}[\p{L}'’.-]*))"};
  re2::StringPiece input(name.data(), name.size());
  re2::StringPiece word;
  while (RE2::FindAndConsume(&input, *kLowerWord, &word)) {
    const std::string_view w(word.data(), word.size());
    static constexpr std::string_view kParticles[] = {"de", "da", "di", "do", "dos", "du", "van",
                                                      "von", "der", "den", "la", "le", "del",
                                                      "bin", "al", "el", "y", "e", "ter", "zu", "the"};
    bool particle = false;
    for (std::string_view p : kParticles) particle |= (w == p);
    // A team's byline ends in a plain noun after capitalised words: "The
    // Currency editors", "CNN staff"; never a name's first word.
    static constexpr std::string_view kTeamNouns[] = {"editors", "staff", "team", "desk", "writers", "reporters"};
    if (!particle && input.empty() && w.data() != name.data()) {
      for (std::string_view t : kTeamNouns) particle |= (w == t);
    }
    if (!particle) return false;
  }
  return true;
}


}  // namespace thresher::fields
