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

}  // namespace thresher::url
