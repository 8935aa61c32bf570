// Stage 1b: before gumbo sees the page, drop what it would parse only to be
// thrown away: the bodies of <script> (except JSON-LD), <style>, <svg> and
// comments. On typical pages that is more than half of the bytes, and
// parsing time goes down with it. The element tags stay, so the tree keeps
// its shape; only their contents go.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "input/lifted_text.h"

namespace thresher::input {

// Returns `html` with those bodies removed (a copy; `html` is untouched).
std::string strip_unparsed_bodies(std::string_view html);

// What of the attributes reaches gumbo. Gumbo spends per byte of attribute
// value, so the pre-scan passes on only what a later stage reads (and lifts
// long values out, see squeeze_markup).
struct AttributePolicy {
  // Names kept (lower case); empty keeps every attribute. The few the tree
  // builder itself reads are kept whatever this says. Of a name given twice
  // in one tag only the first counts, as in gumbo.
  std::span<const std::string_view> keep;
  // style: kept when this holds for its value (always when unset).
  std::function<bool(std::string_view)> style_read;
};

// Squeezes each run of white space in text to one character ('\n' when the
// run held a line break, else ' '): gumbo emits one token per character, and
// indented pages are mostly runs of spaces. Text in <pre>, <listing>,
// <textarea>, <title>, raw-text elements and <plaintext>, and comments are
// copied unchanged; so is everything after a tag that never ends. Every
// later stage collapses white space in text itself.
// Drops attributes as `policy` says. Tags are split as gumbo's tokenizer
// splits them, so no attribute value is ever taken for text.
// With `lifted`, each run of text between tags (outside <pre> and raw text)
// that LiftedText takes is replaced by its placeholder from its first
// non-space character on, and so is each attribute value longer than a
// placeholder (but those the tree builder reads: see LiftedText).
// With `max_depth` (0: off), also defuses markup that makes gumbo's tree
// building quadratic, in the same pass: elements nested deeper than
// `max_depth` (counting elements that must be closed explicitly, like <div>
// and <table>) and more than 8 unclosed formatting elements lose their tags,
// keeping their text; start tags over 16 KiB as written out (thousands of
// attributes) are cut at an attribute. A normal page keeps every tag.
std::string squeeze_markup(std::string_view html, const AttributePolicy& policy,
                           LiftedText* lifted = nullptr, std::size_t max_depth = 0);

// What gumbo is given: strip_unparsed_bodies, then squeeze_markup with the
// nesting cap. Text under n open elements costs gumbo O(n) per character, so
// the cap is at most 256 whatever `max_depth` says (real pages nest below
// 100; p99 is 38).
// With `lifted` (and a page that allows it), text runs and attribute values
// are lifted out as squeeze_markup says; dom::ParsedHtml puts them back.
std::string prescan(std::string_view utf8, std::size_t max_depth, const AttributePolicy& policy,
                    LiftedText* lifted = nullptr);

}  // namespace thresher::input
