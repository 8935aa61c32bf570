#include "input/prescan.h"

#include <cstring>
#include <string>
#include <unordered_map>

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

// End of the start tag that begins at `lt` (one past '>'), or npos.
std::size_t end_of_start_tag(std::string_view s, std::size_t lt) {
  char quote = 0;
  for (std::size_t k = lt + 1; k < s.size(); ++k) {
    const char c = s[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return k + 1;
    }
  }
  return std::string_view::npos;
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

// The last white space outside quotes in [from, to), or npos.
std::size_t last_space_outside_quotes(std::string_view s, std::size_t from, std::size_t to) {
  std::size_t last = std::string_view::npos;
  char quote = 0;
  for (std::size_t k = from; k < to && k < s.size(); ++k) {
    const char c = s[k];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      last = k;
    }
  }
  return last;
}

bool is_formatting(std::string_view name) {
  static constexpr std::string_view kFormatting[] = {"b", "big", "code", "em", "font", "i", "nobr",
                                                      "s", "small", "strike", "strong", "tt", "u"};
  for (std::string_view f : kFormatting) {
    if (f == name) return true;
  }
  return false;
}

// Lower-cased tag name starting at `at` ("" when it is not a tag name).
std::string tag_name(std::string_view s, std::size_t at) {
  std::string name;
  for (std::size_t k = at; k < s.size() && name.size() < 16; ++k) {
    const char c = lower(s[k]);
    if ((c >= 'a' && c <= 'z') || (!name.empty() && c >= '0' && c <= '9')) {
      name.push_back(c);
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
  static constexpr std::string_view kNot[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
      "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
      "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head",
      "body", "frame", "keygen", "image"};
  for (std::string_view n : kNot) {
    if (n == name) return false;
  }
  return true;
}

// Tracks nesting depth over start and end tags; past the cap, start tags
// are dropped (their content stays, in the ancestor at the cap) together
// with the end tags that match them. Gumbo's tree building is quadratic in
// depth; a million nested <div>s would otherwise take hours.
class NestingCap {
 public:
  explicit NestingCap(std::size_t max_depth) : max_depth_(max_depth) {}
  // False: drop this start tag.
  bool open(const std::string& name) {
    if (max_depth_ == 0 || !counts_for_depth(name)) return true;
    const bool formatting = is_formatting(name);
    if (depth_ < max_depth_ && !(formatting && formatting_ >= kMaxOpenFormatting)) {
      ++depth_;
      formatting_ += formatting;
      return true;
    }
    ++dropped_[name];
    return false;
  }
  // True: drop this end tag (it closes a dropped start tag).
  bool close(const std::string& name) {
    if (max_depth_ == 0 || !counts_for_depth(name)) return false;
    if (auto it = dropped_.find(name); it != dropped_.end() && it->second > 0) {
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

}  // namespace

std::string strip_unparsed_bodies(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;   // next byte not yet copied
  std::size_t scan = 0;  // where to look for the next '<'
  while (scan < html.size()) {
    const void* hit = std::memchr(html.data() + scan, '<', html.size() - scan);
    if (hit == nullptr) break;
    const std::size_t lt = static_cast<const char*>(hit) - html.data();
    scan = lt + 1;
    if (starts_with_ci(html, lt, "<!--")) {
      const std::size_t close = html.find("-->", lt + 4);
      if (close == std::string_view::npos) break;  // unterminated: let gumbo decide
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
    const std::size_t body = end_of_start_tag(html, lt);
    if (body == std::string_view::npos) break;
    if (html[body - 2] == '/' && name == "svg") {  // <svg ... />
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

std::string cap_markup(std::string_view html, std::size_t max_depth) {
  if (max_depth == 0) return std::string(html);
  std::string out;
  out.reserve(html.size());
  std::size_t pos = 0;   // next byte not yet copied
  std::size_t scan = 0;  // where to look for the next '<'
  NestingCap cap(max_depth);
  auto drop = [&](std::size_t from, std::size_t to) {  // remove html[from, to)
    out.append(html.substr(pos, from - pos));
    pos = scan = to;
  };
  while (scan < html.size()) {
    const void* hit = std::memchr(html.data() + scan, '<', html.size() - scan);
    if (hit == nullptr) break;
    const std::size_t lt = static_cast<const char*>(hit) - html.data();
    scan = lt + 1;
    if (starts_with_ci(html, lt, "<!--")) {
      const std::size_t close = html.find("-->", lt + 4);
      if (close == std::string_view::npos) break;
      scan = close + 3;
      continue;
    }
    const bool end_tag = lt + 1 < html.size() && html[lt + 1] == '/';
    const std::string name = tag_name(html, lt + (end_tag ? 2 : 1));
    if (name.empty()) continue;
    if (end_tag) {
      if (cap.close(name)) {
        const std::size_t gt = html.find('>', lt);
        if (gt == std::string_view::npos) break;
        drop(lt, gt + 1);
      }
      continue;
    }
    const std::size_t body = end_of_start_tag(html, lt);
    // A '<' in text, or a tag whose quotes never close: the tag model can no
    // longer be trusted; leave the rest as it is.
    if (body == std::string_view::npos) break;
    const bool self_closing = html[body - 2] == '/';
    scan = body;  // a '<' inside an attribute value starts no tag
    if (!self_closing && !cap.open(name)) {
      drop(lt, body);  // too deep: flatten
    } else if (body - lt > kMaxStartTagBytes) {
      // Thousands of attributes: gumbo checks each new one against all the
      // others. Keep the tag's head, cut at white space outside quotes; a few
      // huge quoted values (inline JSON props) are not the problem.
      const std::size_t cut = last_space_outside_quotes(html, lt, lt + kMaxStartTagBytes);
      if (cut != std::string_view::npos && cut > lt + kMaxStartTagBytes / 2) {
        out.append(html.substr(pos, cut - pos)).append(self_closing ? "/>" : ">");
        pos = scan = body;
      }
    }
  }
  out.append(html.substr(pos));
  return out;
}

}  // namespace thresher::input
