#include "input/prescan.h"

#include <cstring>

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

}  // namespace thresher::input
