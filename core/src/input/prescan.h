// Stage 1b: before gumbo sees the page, drop what it would parse only to be
// thrown away: the bodies of <script> (except JSON-LD), <style>, <svg> and
// comments. On typical pages that is more than half of the bytes, and
// parsing time goes down with it. The element tags stay, so the tree keeps
// its shape; only their contents go.
#pragma once

#include <string>
#include <string_view>

namespace thresher::input {

// Returns `html` with those bodies removed (a copy; `html` is untouched).
std::string strip_unparsed_bodies(std::string_view html);

// Defuses markup that makes gumbo's tree building quadratic, on the
// stripped page: elements nested deeper than `max_depth` (counting elements
// that must be closed explicitly, like <div> and <table>) and more than 8
// unclosed formatting elements lose their tags, keeping their text; start
// tags over 16 KiB (thousands of attributes) are cut at an attribute. A
// normal page comes back unchanged. `max_depth` 0 disables it.
std::string cap_markup(std::string_view html, std::size_t max_depth);

}  // namespace thresher::input
