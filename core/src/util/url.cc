#include "util/url.h"

#include "dom/text_util.h"

namespace thresher::url {

bool split(std::string_view u, Parts* parts) noexcept {
  const std::size_t colon = u.find("://");
  if (colon == std::string_view::npos || colon == 0 || colon > 10) return false;
  for (char c : u.substr(0, colon)) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '+' || c == '-' || c == '.')) {
      return false;
    }
  }
  parts->scheme = u.substr(0, colon);
  std::string_view rest = u.substr(colon + 3);
  const std::size_t path_start = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, path_start);
  if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    authority = authority.substr(at + 1);
  }
  if (const std::size_t port = authority.rfind(':');
      port != std::string_view::npos && authority.find(']') == std::string_view::npos) {
    authority = authority.substr(0, port);
  }
  if (authority.empty()) return false;
  // "https://site.fr%2Farticles%2F...": a URL encoded whole, its path in
  // the host, is no URL (a template escaped the canonical link).
  if (authority.find_first_of("% \\\"<>") != std::string_view::npos) return false;
  parts->host = authority;
  parts->path = {};
  if (path_start != std::string_view::npos && rest[path_start] == '/') {
    std::string_view path = rest.substr(path_start);
    parts->path = path.substr(0, path.find_first_of("?#"));
  }
  return true;
}

std::string resolve(std::string_view base, std::string_view href) {
  href = text::trim(href);
  if (href.empty()) return {};
  Parts h;
  if (split(href, &h)) return std::string(href);
  Parts b;
  if (!split(base, &b)) return {};
  if (href.starts_with("//")) return std::string(b.scheme) + ":" + std::string(href);
  std::string origin = std::string(b.scheme) + "://" + std::string(b.host);
  if (href.starts_with("/")) return origin + std::string(href);
  if (href.starts_with("#") || href.starts_with("?")) {
    std::string_view clean = base.substr(0, base.find_first_of("#"));
    if (href.starts_with("?")) clean = clean.substr(0, clean.find('?'));
    return std::string(clean) + std::string(href);
  }
  if (href.find(':') != std::string_view::npos &&
      href.find(':') < href.find_first_of("/?#")) {
    return {};  // mailto:, javascript:, data: ...
  }
  std::string_view dir = b.path.substr(0, b.path.rfind('/') + 1);
  if (dir.empty()) dir = "/";
  return origin + std::string(dir) + std::string(href);
}

bool resolve_parts(std::string_view base, const Parts& base_parts, std::string_view href,
                   std::string& scratch, Parts* parts) {
  href = text::trim(href);
  // "/path": resolve gives scheme://host + href, whose host is the base's
  // (it holds none of "/?#@" and no port) and whose path is href's.
  if (href.starts_with("/") && !href.starts_with("//")) {
    parts->scheme = base_parts.scheme;
    parts->host = base_parts.host;
    parts->path = href.substr(0, href.find_first_of("?#"));
    return true;
  }
  if (split(href, parts)) return true;  // resolve returns an absolute href as it is
  scratch = resolve(base, href);
  return split(scratch, parts);
}

std::string hostname(std::string_view u) {
  Parts p;
  if (!split(u, &p)) return {};
  return text::to_lower_ascii(p.host);
}

}  // namespace thresher::url
