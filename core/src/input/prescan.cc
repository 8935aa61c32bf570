#include "input/prescan.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <string>
#include <span>
#include <unordered_map>
#include <vector>

namespace thresher::input {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool starts_with_ci(std::string_view s, std::size_t pos, std::string_view word) {
  if (pos + word.size() > s.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (lower(s[pos + k]) != word[k]) return false;
  }
  return true;
}

// Position of the first "</name" (case-insensitive) at or after `from`, or npos.
std::size_t find_end_tag(std::string_view s, std::size_t from, std::string_view name) {
  while (from < s.size()) {
    const void* hit = std::memchr(s.data() + from, '<', s.size() - from);
    if (hit == nullptr) return std::string_view::npos;
    const std::size_t at = static_cast<const char*>(hit) - s.data();
    if (at + 1 < s.size() && s[at + 1] == '/' && starts_with_ci(s, at + 2, name)) {
      const std::size_t after = at + 2 + name.size();
      if (after >= s.size() || s[after] == '>' || s[after] == ' ' || s[after] == '\t' ||
          s[after] == '\n' || s[after] == '\r' || s[after] == '/') {
        return at;
      }
    }
    from = at + 1;
  }
  return std::string_view::npos;
}

// White space as gumbo's tokenizer sees it ('\r' included: it becomes '\n').
bool is_html_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'; }
bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A tag as gumbo's tokenizer splits it. `end` is one past its '>' (npos
// when the input ends first); each attribute is [begin, end) of the input,
// from its name to the end of its value.
struct Attribute {
  std::size_t begin, name_end, end;
};
struct TagSpan {
  std::size_t end = std::string_view::npos;
  bool self_closing = false;
};

// Which bytes end a tag's name, an attribute's name or an unquoted value
// (each tests its own bits): every other byte only extends the run, and is
// passed over without the state machine.
enum : unsigned char { kSpaceBit = 1, kSlashBit = 2, kGreaterBit = 4, kEqualsBit = 8 };
struct TagBytes {
  unsigned char bits[256] = {};
  constexpr TagBytes() {
    for (char c : {' ', '\n', '\t', '\r', '\f'}) bits[static_cast<unsigned char>(c)] = kSpaceBit;
    bits[static_cast<unsigned char>('/')] = kSlashBit;
    bits[static_cast<unsigned char>('>')] = kGreaterBit;
    bits[static_cast<unsigned char>('=')] = kEqualsBit;
  }
};
constexpr TagBytes kTagBytes;
constexpr unsigned char kTagNameStop = kSpaceBit | kSlashBit | kGreaterBit;
constexpr unsigned char kAttrNameStop = kTagNameStop | kEqualsBit;
constexpr unsigned char kUnquotedStop = kSpaceBit | kGreaterBit;

// The last position of the run that s[k] ends so far: k, moved on while
// the next byte has none of the `stop` bits.
std::size_t run_end(std::string_view s, std::size_t k, unsigned char stop) {
  while (k + 1 < s.size() && !(kTagBytes.bits[static_cast<unsigned char>(s[k + 1])] & stop)) ++k;
  return k;
}

// Follows the tokenizer's tag and attribute states exactly: a quote opens a
// value only right after "=", so `<a b'c>` ends where gumbo ends it, and a
// stray `"` is an attribute name.
// `attributes` (cleared first) receives the attributes.
TagSpan scan_tag(std::string_view s, std::size_t lt, std::vector<Attribute>& attributes) {
  attributes.clear();
  enum { kName, kBeforeAttr, kAttr, kAfterAttr, kBeforeValue, kUnquoted } state = kName;
  TagSpan tag;
  bool slash = false;  // the last character was a self-closing '/'
  const std::size_t name = lt + (lt + 1 < s.size() && s[lt + 1] == '/' ? 2 : 1);
  for (std::size_t k = name; k < s.size(); ++k) {
    const char c = s[k];
    if (c == '>' && state != kUnquoted && state != kBeforeValue) {
      tag.end = k + 1;
      tag.self_closing = slash;
      return tag;
    }
    const bool space = is_html_space(c);
    slash = false;
    switch (state) {
      case kName:
        if (space || c == '/') {
          state = kBeforeAttr, slash = c == '/';
        } else {
          k = run_end(s, k, kTagNameStop);
        }
        break;
      case kAfterAttr:
        if (c == '=') {
          state = kBeforeValue;
          break;
        }
        [[fallthrough]];
      case kBeforeAttr:  // also the self-closing and after-quoted-value states
        if (c == '/') {
          state = kBeforeAttr, slash = true;
        } else if (!space) {
          const std::size_t last = run_end(s, k, kAttrNameStop);
          attributes.push_back({k, last + 1, last + 1});
          k = last;
          state = kAttr;
        }
        break;
      case kAttr:
        if (c == '=') {
          state = kBeforeValue;
        } else if (c == '/') {
          state = kBeforeAttr, slash = true;
        } else if (space) {
          state = kAfterAttr;
        } else {
          k = run_end(s, k, kAttrNameStop);
          attributes.back().name_end = attributes.back().end = k + 1;
        }
        break;
      case kBeforeValue:
        if (c == '"' || c == '\'') {
          const std::size_t close = s.find(c, k + 1);
          if (close == std::string_view::npos) return tag;
          k = close;
          attributes.back().end = k + 1;
          state = kBeforeAttr;
        } else if (c == '>') {
          tag.end = k + 1;
          return tag;
        } else if (!space) {
          k = run_end(s, k, kUnquotedStop);
          attributes.back().end = k + 1;
          state = kUnquoted;
        }
        break;
      case kUnquoted:
        if (c == '>') {
          tag.end = k + 1;
          return tag;
        }
        if (space) {
          state = kBeforeAttr;
        } else {
          k = run_end(s, k, kUnquotedStop);
          attributes.back().end = k + 1;
        }
        break;
    }
  }
  return tag;
}

bool is_jsonld(std::string_view start_tag) {
  std::string lowered(start_tag);
  for (char& c : lowered) c = lower(c);
  return lowered.find("ld+json") != std::string::npos;
}

// Longer start tags are cut (see below); about a thousand attributes.
constexpr std::size_t kMaxStartTagBytes = 16 * 1024;
// Unclosed formatting elements (<b>, <i>, <font>, ...) that may pile up:
// the parser re-opens all of them in every new paragraph, so n of them over
// m paragraphs cost n * m elements.
constexpr std::size_t kMaxOpenFormatting = 8;

// True when `name` is one of `words`, all of them `size` bytes long.
template <std::size_t size, std::size_t n>
bool is_one_of(std::string_view name, const char (&words)[n][size + 1]) {
  for (const char* w : words) {
    if (std::memcmp(name.data(), w, size) == 0) return true;
  }
  return false;
}

// The lists below are switched on the name's length first: they run for
// every tag of the page.
bool is_formatting(std::string_view name) {
  static constexpr char k1[][2] = {"b", "i", "s", "u"};
  static constexpr char k2[][3] = {"em", "tt"};
  static constexpr char k3[][4] = {"big"};
  static constexpr char k4[][5] = {"code", "font", "nobr"};
  static constexpr char k5[][6] = {"small"};
  static constexpr char k6[][7] = {"strike", "strong"};
  switch (name.size()) {
    case 1: return is_one_of<1>(name, k1);
    case 2: return is_one_of<2>(name, k2);
    case 3: return is_one_of<3>(name, k3);
    case 4: return is_one_of<4>(name, k4);
    case 5: return is_one_of<5>(name, k5);
    case 6: return is_one_of<6>(name, k6);
    default: return false;
  }
}

// A lower-cased tag name of at most 16 bytes, held without a heap string
// (both passes read one per tag).
struct TagName {
  char bytes[16];
  std::size_t size = 0;
  std::string_view view() const { return {bytes, size}; }
};

// Lower-cased tag name starting at `at` ("" when it is not a tag name).
TagName tag_name(std::string_view s, std::size_t at) {
  TagName name;
  for (std::size_t k = at; k < s.size() && name.size < 16; ++k) {
    const char c = lower(s[k]);
    if ((c >= 'a' && c <= 'z') || (name.size > 0 && c >= '0' && c <= '9')) {
      name.bytes[name.size++] = c;
    } else {
      break;
    }
  }
  return name;
}

// Elements that never nest (void) or that the parser closes implicitly (p,
// li, table rows and cells, ...): they do not count towards the depth, so
// unclosed <p>s and <li>s do not make a page look deep.
bool counts_for_depth(std::string_view name) {
  static constexpr char k1[][2] = {"p"};
  static constexpr char k2[][3] = {"br", "hr", "li", "dt", "dd", "tr", "td", "th", "rb", "rt", "rp"};
  static constexpr char k3[][4] = {"col", "img", "wbr", "rtc"};
  static constexpr char k4[][5] = {"area", "base", "link", "meta", "html", "head", "body"};
  static constexpr char k5[][6] = {"embed", "input", "param", "track", "thead", "tbody",
                                   "tfoot", "frame", "image"};
  static constexpr char k6[][7] = {"source", "option", "keygen"};
  static constexpr char k7[][8] = {"caption"};
  static constexpr char k8[][9] = {"optgroup", "colgroup"};
  switch (name.size()) {
    case 1: return !is_one_of<1>(name, k1);
    case 2: return !is_one_of<2>(name, k2);
    case 3: return !is_one_of<3>(name, k3);
    case 4: return !is_one_of<4>(name, k4);
    case 5: return !is_one_of<5>(name, k5);
    case 6: return !is_one_of<6>(name, k6);
    case 7: return !is_one_of<7>(name, k7);
    case 8: return !is_one_of<8>(name, k8);
    default: return true;
  }
}

// Tracks nesting depth over start and end tags; past the cap, start tags
// are dropped (their content stays, in the ancestor at the cap) together
// with the end tags that match them. Gumbo's tree building is quadratic in
// depth; a million nested <div>s would otherwise take hours.
class NestingCap {
 public:
  explicit NestingCap(std::size_t max_depth) : max_depth_(max_depth) {}
  // False: drop this start tag.
  bool open(std::string_view name) {
    if (max_depth_ == 0 || !counts_for_depth(name)) return true;
    const bool formatting = is_formatting(name);
    if (depth_ < max_depth_ && !(formatting && formatting_ >= kMaxOpenFormatting)) {
      ++depth_;
      formatting_ += formatting;
      return true;
    }
    ++dropped_[std::string(name)];
    return false;
  }
  // True: drop this end tag (it closes a dropped start tag).
  bool close(std::string_view name) {
    if (max_depth_ == 0 || !counts_for_depth(name)) return false;
    if (auto it = dropped_.empty() ? dropped_.end() : dropped_.find(std::string(name));
        it != dropped_.end() && it->second > 0) {
      --it->second;
      return true;
    }
    if (depth_ > 0) --depth_;
    if (formatting_ > 0 && is_formatting(name)) --formatting_;
    return false;
  }

 private:
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  std::size_t formatting_ = 0;  // open formatting elements among them
  std::unordered_map<std::string, std::size_t> dropped_;
};

// Where a start tag over kMaxStartTagBytes (s[lt, tag.end), its attributes
// as scan_tag found them) is cut: after its last attribute that ends within
// the limit, when that keeps at least half of it; npos to leave it whole.
// Thousands of attributes make gumbo check each new one against all the
// others; a few huge quoted values (inline JSON props) are not the problem.
std::size_t long_start_tag_cut(std::size_t lt, const TagSpan& tag,
                               const std::vector<Attribute>& attributes) {
  if (tag.end - lt <= kMaxStartTagBytes) return std::string_view::npos;
  std::size_t cut = std::string_view::npos;
  for (const Attribute& a : attributes) {
    if (a.end > lt + kMaxStartTagBytes) break;
    cut = a.end;
  }
  return cut != std::string_view::npos && cut > lt + kMaxStartTagBytes / 2 ? cut
                                                                          : std::string_view::npos;
}

// The '>' that ends the comment opening at `lt` ("<!--"), or npos: the
// tokenizer ends one at "-->" or "--!>", or at once as "<!-->" or "<!--->".
std::size_t comment_end(std::string_view s, std::size_t lt) {
  const std::size_t from = lt + 4, n = s.size();
  if (from < n && s[from] == '>') return from;
  if (from + 1 < n && s[from] == '-' && s[from + 1] == '>') return from + 1;
  for (std::size_t d = s.find("--", from); d != std::string_view::npos; d = s.find("--", d + 1)) {
    if (d + 2 < n && s[d + 2] == '>') return d + 2;
    if (d + 3 < n && s[d + 2] == '!' && s[d + 3] == '>') return d + 3;
  }
  return std::string_view::npos;
}

// Attributes the tree builder itself looks at (<input type=hidden> in
// tables, <font color|face|size> and <annotation-xml encoding> in foreign
// content): never dropped.
bool shapes_tree(std::string_view lowered) {
  return lowered == "type" || lowered == "encoding" || lowered == "color" || lowered == "face" ||
         lowered == "size";
}

// An attribute's value as written (without its quotes): a view into `html`,
// empty (and null) when the attribute has none.
std::string_view value_of(std::string_view html, const Attribute& a) {
  std::size_t k = a.name_end;
  while (k < a.end && is_html_space(html[k])) ++k;
  if (k == a.end || html[k] != '=') return {};
  ++k;
  while (k < a.end && is_html_space(html[k])) ++k;
  if (k < a.end && (html[k] == '"' || html[k] == '\'')) {
    return html.substr(k + 1, a.end - k - 2);
  }
  return html.substr(k, a.end - k);
}

// What becomes of one attribute of a tag. kKeepAsWritten: one the tree
// builder reads (shapes_tree), whose value is never lifted out.
enum class Verdict : char { kDrop, kKeep, kKeepAsWritten };

// Decides, attribute by attribute, what squeeze_markup passes on.
class AttributeEditor {
 public:
  explicit AttributeEditor(const AttributePolicy& policy) : policy_(policy) {
    for (std::size_t k = 0; k < policy.keep.size() && k < 32; ++k) {
      if (!policy.keep[k].empty()) {
        by_first_[static_cast<unsigned char>(policy.keep[k].front())] |= std::uint32_t{1} << k;
      }
      // Namespaced names (xml:lang) are renamed by gumbo in foreign content.
      if (k < LiftedText::kMaxNames && policy.keep[k].find(':') == std::string_view::npos) {
        codable_ |= std::uint32_t{1} << k;
      }
    }
  }

  // Starts a new tag: names given twice count only the first time.
  void start_tag() { seen_ = 0; }

  // The verdict on the attribute written as `html[a.begin, a.end)`. `code`:
  // for a name kept that may be coded (LiftedText::append_name), its
  // position in policy.keep; else -1.
  Verdict judge(std::string_view html, const Attribute& a, int& code) {
    code = -1;
    const std::string_view name = html.substr(a.begin, a.name_end - a.begin);
    if (name.size() > 32) return policy_.keep.empty() ? Verdict::kKeep : Verdict::kDrop;
    char buf[32];
    for (std::size_t k = 0; k < name.size(); ++k) buf[k] = lower(name[k]);
    const std::string_view lowered(buf, name.size());
    if (shapes_tree(lowered)) return Verdict::kKeepAsWritten;
    if (policy_.keep.empty()) return Verdict::kKeep;
    const std::size_t k = find_kept(lowered);
    if (k == policy_.keep.size()) return Verdict::kDrop;
    if (k < 32) {
      if (seen_ & (std::uint32_t{1} << k)) return Verdict::kDrop;  // gumbo ignores it
      seen_ |= std::uint32_t{1} << k;
    }
    if (lowered == "style" && policy_.style_read && !policy_.style_read(value_of(html, a))) {
      return Verdict::kDrop;
    }
    if (k < LiftedText::kMaxNames && ((codable_ >> k) & 1)) code = static_cast<int>(k);
    return Verdict::kKeep;
  }

 private:
  // The first position of `lowered` in policy_.keep, or its size. Every
  // attribute of the page is looked up: only the names that begin with
  // the same byte are compared.
  std::size_t find_kept(std::string_view lowered) const {
    if (lowered.empty() || policy_.keep.size() > 32) {
      return static_cast<std::size_t>(
          std::find(policy_.keep.begin(), policy_.keep.end(), lowered) - policy_.keep.begin());
    }
    for (std::uint32_t bits = by_first_[static_cast<unsigned char>(lowered.front())]; bits != 0;
         bits &= bits - 1) {
      const auto k = static_cast<std::size_t>(std::countr_zero(bits));
      if (policy_.keep[k] == lowered) return k;
    }
    return policy_.keep.size();
  }

  const AttributePolicy& policy_;
  std::uint32_t by_first_[256] = {};  // bit k: policy_.keep[k] begins with this byte
  std::uint32_t seen_ = 0;  // bit k: policy_.keep[k] given in this tag already
  std::uint32_t codable_ = 0;  // bit k: policy_.keep[k] may be coded
};

// React's Suspense boundary comments ("$", "$?", "$!", "/$"): kept, since
// the node index reads streamed content in place of a boundary's fallback,
// which ends at its "/$" (dom/streamed_segments.h).
bool is_suspense_marker(std::string_view comment) {
  return comment == "$" || comment == "$?" || comment == "$!" || comment == "/$";
}

// A <noscript> holding a self-closed <iframe .../> and no </iframe> after
// it (the tag manager's frame as a string in a script-rendered page): a
// browser running scripts reads the noscript as text, but read as markup,
// as here, the iframe's raw text would run to the end of the page and take
// everything after it. The caller closes it before the </noscript>.
bool leaves_iframe_open(std::string_view noscript_body) {
  std::size_t open = std::string_view::npos;
  for (std::size_t k = noscript_body.find('<'); k != std::string_view::npos;
       k = noscript_body.find('<', k + 1)) {
    if (starts_with_ci(noscript_body, k + 1, "iframe")) open = k;
  }
  if (open == std::string_view::npos || find_end_tag(noscript_body, open, "iframe") != std::string_view::npos) {
    return false;
  }
  const std::size_t gt = noscript_body.find('>', open);
  return gt != std::string_view::npos && gt > open && noscript_body[gt - 1] == '/';
}

// Elements whose text is not collapsed: raw text and RCDATA (read verbatim
// until their end tag), and the ones whose white space shows.
// Switched on the length first: it runs for every start tag.
bool keeps_raw_text(std::string_view name) {
  switch (name.size()) {
    case 3: return name == "xmp";
    case 5: return name == "style" || name == "title";
    case 6: return name == "script" || name == "iframe";
    case 7: return name == "noembed";
    case 8: return name == "textarea" || name == "noframes" || name == "noscript";
    default: return false;
  }
}
bool shows_white_space(std::string_view name) { return name == "pre" || name == "listing"; }

// Whether the start tag `name` (ending at tag.end) may leave the tree
// builder in foreign content or a frameset, where a <script> is not raw
// text: <math>, <frameset>, and an <svg> that is not closed at once (the
// pre-scan empties every <svg> it can).
bool opens_foreign_content(std::string_view html, std::string_view name, const TagSpan& tag) {
  if (name == "math" || name == "frameset") return true;
  return name == "svg" && !tag.self_closing && !starts_with_ci(html, tag.end, "</svg");
}

// The bytes squeeze_markup stops at in text: '<' and HTML white space.
struct SpecialBytes {
  bool is[256] = {};
  constexpr SpecialBytes() {
    for (char c : {'<', ' ', '\n', '\t', '\r', '\f'}) is[static_cast<unsigned char>(c)] = true;
  }
};
constexpr SpecialBytes kSpecial;

}  // namespace

std::string squeeze_markup(std::string_view html, const AttributePolicy& policy,
                           LiftedText* lifted, std::size_t max_depth) {
  std::string out;
  out.reserve(html.size());
  if (lifted != nullptr) lifted->reserve(html.size());
  std::size_t pos = 0;      // next byte not yet copied
  std::size_t k = 0;        // scan position (in text)
  std::size_t pre_depth = 0;
  std::size_t run_start = 0;  // where the current text run begins in `out`
  std::vector<Attribute> attributes;
  AttributeEditor editor(policy);
  std::vector<Verdict> verdicts;  // per attribute of the current tag
  std::vector<int> codes;         // per attribute: its name's code (AttributeEditor::judge)
  NestingCap cap(max_depth);
  std::vector<Attribute> written;  // attributes of a long start tag as written to `out`
  const std::size_t n = html.size();
  auto verbatim_to = [&](std::size_t to) {  // copy html[pos, to) and continue there
    out.append(html.substr(pos, to - pos));
    pos = k = to;
  };
  // The text run since the last tag ends at html[at]: lift it (not in
  // <pre>, where gumbo drops a leading newline) from its first non-space
  // character, so that white space stays where gumbo may treat it apart.
  auto end_run = [&](std::size_t at) {
    if (lifted == nullptr || pre_depth > 0) return;
    out.append(html.substr(pos, at - pos));
    pos = at;
    std::size_t first = run_start;
    while (first < out.size() && is_html_space(out[first])) ++first;
    if (first < out.size()) lifted->lift_tail(out, first);
  };
  // Once a page may have put gumbo in foreign content (or a frameset),
  // a <script>'s body may be read as markup, not as raw text: bodies are
  // lifted only before that.
  bool maybe_foreign = false;
  // A script's body is raw text up to the first "</script" (without a
  // "<!--" in it, which could make the tokenizer read past that): lifted
  // from its first non-space character, so that gumbo makes the same text
  // node of it.
  auto lift_script_body = [&](std::string_view body) {
    std::size_t first = 0;
    while (first < body.size() && is_html_space(body[first])) ++first;
    out.append(body.substr(0, first));
    if (!lifted->lift_raw(body.substr(first), out)) out.append(body.substr(first));
    pos = k = static_cast<std::size_t>(body.data() + body.size() - html.data());
  };
  while (k < n) {
    // Plain text bytes (neither '<' nor white space) need nothing.
    while (k < n && !kSpecial.is[static_cast<unsigned char>(html[k])]) ++k;
    if (k == n) break;
    const char c = html[k];
    if (c == '<') {
      const char next = k + 1 < n ? html[k + 1] : '\0';
      const bool end_tag = next == '/';
      if (is_ascii_alpha(next) || (end_tag && k + 2 < n && is_ascii_alpha(html[k + 2]))) {
        end_run(k);
        const TagSpan tag = scan_tag(html, k, attributes);
        const std::size_t gt = tag.end;
        if (gt == std::string_view::npos) break;  // the rest is one unfinished tag
        const std::size_t at = k + (end_tag ? 2 : 1);
        const TagName read = tag_name(html, at);
        std::string_view name = read.view();
        // Only a whole name counts: <pre-x> is a custom element, not <pre>.
        if (at + name.size() < n && !is_html_space(html[at + name.size()]) &&
            html[at + name.size()] != '/' && html[at + name.size()] != '>') {
          name = {};
        }
        // Values worth lifting out (see LiftedText): longer than a
        // placeholder, of an attribute only later stages read.
        auto lift_value = [&](std::size_t j) {
          const Attribute& a = attributes[j];
          return lifted != nullptr && verdicts[j] == Verdict::kKeep &&
                 a.end - a.name_end > LiftedText::kPlaceholderBytes + 1;
        };
        // Names written as their one-character code (see LiftedText).
        auto coded_name = [&](std::size_t j) { return lifted != nullptr && codes[j] >= 0; };
        // The text before the tag is copied, so that the tag starts at tag_at.
        out.append(html.substr(pos, k - pos));
        pos = k;
        const std::size_t tag_at = out.size();
        bool as_written = true;  // the tag can be copied as it is
        verdicts.resize(attributes.size());
        codes.resize(attributes.size());
        editor.start_tag();
        for (std::size_t j = 0; j < attributes.size(); ++j) {
          verdicts[j] = editor.judge(html, attributes[j], codes[j]);
          as_written &= verdicts[j] != Verdict::kDrop && !lift_value(j) && !coded_name(j);
        }
        if (as_written) {
          verbatim_to(gt);
        } else {
          // The tag name, the attributes kept (as written, or with their
          // name coded and their value lifted out where LiftedText takes
          // it), the ending.
          const std::size_t name_end = attributes.front().begin;
          out.append(html.substr(pos, name_end - pos));
          for (std::size_t j = 0; j < attributes.size(); ++j) {
            if (verdicts[j] == Verdict::kDrop) continue;
            const Attribute& a = attributes[j];
            if (!is_html_space(out.back())) out.push_back(' ');
            if (coded_name(j)) {
              lifted->append_name(static_cast<std::size_t>(codes[j]),
                                  policy.keep[static_cast<std::size_t>(codes[j])], out);
            } else {
              out.append(html.substr(a.begin, a.name_end - a.begin));
            }
            // A lifted value is written unquoted: its placeholder holds no
            // white space, quote or '>', and a space or the '>' follows it.
            if (lift_value(j)) {
              out.push_back('=');
              if (lifted->lift(value_of(html, a), out)) continue;
              out.pop_back();
            }
            out.append(html.substr(a.name_end, a.end - a.name_end));
          }
          if (tag.self_closing) out.append(is_html_space(out.back()) ? "/" : " /");
          out.push_back('>');
          pos = k = gt;
        }
        if (max_depth != 0) {
          // The nesting cap reads the name as far as it is letters and
          // digits ("my" of <my-widget>). A tag it drops is gone, with
          // what its name would mean here (<pre>, raw text, <plaintext>):
          // gumbo reads what follows as the markup it then is.
          const bool drop = end_tag ? cap.close(read.view())
                                    : !tag.self_closing && !cap.open(read.view());
          if (drop) {
            out.resize(tag_at);
            run_start = out.size();
            continue;
          }
          if (!end_tag && name != "plaintext" && out.size() - tag_at > kMaxStartTagBytes) {
            const std::string_view as_out = out;
            const TagSpan kept = scan_tag(as_out, tag_at, written);
            if (const std::size_t cut = long_start_tag_cut(tag_at, kept, written);
                cut != std::string_view::npos) {
              out.resize(cut);
              out.append(tag.self_closing ? " />" : ">");
            }
          }
        }
        if (!end_tag && !maybe_foreign) maybe_foreign = opens_foreign_content(html, name, tag);
        if (end_tag) {
          if (shows_white_space(name) && pre_depth > 0) --pre_depth;
        } else if (shows_white_space(name)) {
          ++pre_depth;
        } else if (name == "plaintext") {
          break;
        } else if (keeps_raw_text(name)) {
          const std::size_t close = find_end_tag(html, gt, name);
          if (close == std::string_view::npos) break;
          const std::string_view body = html.substr(gt, close - gt);
          if (lifted != nullptr && name == "script" && !maybe_foreign &&
              body.find("<!--") == std::string_view::npos) {
            lift_script_body(body);
          } else {
            verbatim_to(close);
          }
          if (name == "noscript" && leaves_iframe_open(html.substr(gt, close - gt))) {
            out.append("</iframe>");
          }
        }
        run_start = out.size();  // everything up to k is copied (pos == k)
        continue;
      }
      if (next == '!' || next == '?' || end_tag) {
        // Comments, doctypes, bogus comments: copied as they are.
        end_run(k);
        const std::size_t close = starts_with_ci(html, k, "<!--") ? comment_end(html, k)
                                                                   : html.find('>', k + 1);
        if (close == std::string_view::npos) break;
        verbatim_to(close + 1);
        run_start = out.size();
        continue;
      }
      ++k;
      continue;
    }
    if (!is_html_space(c) || pre_depth > 0) {
      ++k;
      continue;
    }
    std::size_t end = k + 1;
    bool newline = c == '\n' || c == '\r';
    while (end < n && is_html_space(html[end])) {
      newline |= html[end] == '\n' || html[end] == '\r';
      ++end;
    }
    if (end - k > 1) {
      out.append(html.substr(pos, k - pos)).push_back(newline ? '\n' : ' ');
      pos = end;
    }
    k = end;
  }
  if (k == n) end_run(n);
  out.append(html.substr(pos));
  return out;
}

std::string strip_unparsed_bodies(std::string_view html) {
  std::vector<Attribute> attributes;
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;   // next byte not yet copied
  std::size_t scan = 0;  // where to look for the next '<'
  while (scan < html.size()) {
    const void* hit = std::memchr(html.data() + scan, '<', html.size() - scan);
    if (hit == nullptr) break;
    const std::size_t lt = static_cast<const char*>(hit) - html.data();
    scan = lt + 1;
    // Most tags are none of these: one byte tells (a comment's '!', the 's'
    // of script, style and svg).
    const char first = lt + 1 < html.size() ? lower(html[lt + 1]) : '\0';
    if (first != '!' && first != 's') continue;
    if (starts_with_ci(html, lt, "<!--")) {
      const std::size_t close = html.find("-->", lt + 4);
      if (close == std::string_view::npos) break;  // unterminated: let gumbo decide
      if (is_suspense_marker(html.substr(lt + 4, close - lt - 4))) {
        scan = close + 3;
        continue;
      }
      out.append(html.substr(pos, lt - pos));
      pos = scan = close + 3;
      continue;
    }
    std::string_view name;
    for (std::string_view candidate : {"script", "style", "svg"}) {
      if (starts_with_ci(html, lt + 1, candidate)) {
        const std::size_t after = lt + 1 + candidate.size();
        if (after < html.size() && (html[after] == '>' || html[after] == ' ' ||
                                    html[after] == '\t' || html[after] == '\n' ||
                                    html[after] == '\r' || html[after] == '/')) {
          name = candidate;
        }
      }
    }
    if (name.empty()) continue;
    const TagSpan tag = scan_tag(html, lt, attributes);
    const std::size_t body = tag.end;
    if (body == std::string_view::npos) break;
    if (tag.self_closing && name == "svg") {  // <svg ... />
      scan = body;
      continue;
    }
    if (name == "script" && is_jsonld(html.substr(lt, body - lt))) {
      scan = body;
      continue;
    }
    const std::size_t close = find_end_tag(html, body, name);
    if (close == std::string_view::npos) break;  // unterminated: leave the rest alone
    out.append(html.substr(pos, body - pos));
    pos = scan = close;
  }
  out.append(html.substr(pos));
  return out;
}

std::string prescan(std::string_view utf8, std::size_t max_depth, const AttributePolicy& policy,
                    LiftedText* lifted) {
  constexpr std::size_t kMaxParseDepth = 256;
  if (lifted != nullptr && !LiftedText::page_allows(utf8)) lifted = nullptr;
  return squeeze_markup(strip_unparsed_bodies(utf8), policy, lifted,
                        std::min(max_depth, kMaxParseDepth));
}

}  // namespace thresher::input
