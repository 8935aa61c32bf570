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
// With `max_depth` > 0, elements nested deeper than that (counting elements
// that must be closed explicitly, like <div> and <table>) lose their tags,
// keeping their text: gumbo's tree building is quadratic in depth.
std::string strip_unparsed_bodies(std::string_view html, std::size_t max_depth = 0);

}  // namespace thresher::input
