// Just enough URL handling for fields: resolve a link against the page URL,
// take a URL's host and path. Not a general URL parser.
#pragma once

#include <string>
#include <string_view>

namespace thresher::url {

struct Parts {
  std::string_view scheme;  // "https"
  std::string_view host;    // "example.com" (no port, no user info)
  std::string_view path;    // "/a/b" (without query and fragment), may be ""
};

// False when `u` is not absolute (no "scheme://host").
bool split(std::string_view u, Parts* parts) noexcept;
// Resolves `href` against `base` (absolute). Returns "" when it cannot.
std::string resolve(std::string_view base, std::string_view href);
std::string hostname(std::string_view u);
// What split(resolve(base, href)) gives, `base_parts` being split(base):
// an absolute or root-relative `href` (most links) is read in place,
// without building the resolved URL; other forms are resolved into
// `scratch`, which `parts` then points into. False when that would fail.
bool resolve_parts(std::string_view base, const Parts& base_parts, std::string_view href,
                   std::string& scratch, Parts* parts);

}  // namespace thresher::url
