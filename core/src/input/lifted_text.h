// Text lifted out of the markup before parsing, and put back after.
//
// Gumbo's tokenizer emits one token per character of text, and its tree
// builder appends them one by one: on a pre-scanned page text is a third of
// the bytes and the larger part of the parse. Yet text only has to come back
// as it was. So the pre-scan replaces a run of plain text between two tags
// by a placeholder of three characters and keeps the run here; after
// parsing, dom::ParsedHtml puts the runs back into the text nodes.
// Attribute values (links, class lists) cost gumbo per byte the same way and
// are lifted too, whole: the tree builder reads none of them but a few
// (input's type, font's color, face and size, annotation-xml's encoding),
// which the pre-scan leaves in place.
//
// A placeholder is U+E000 and two characters U+E100 + 12 bits of the run's
// number. It is not white space, as the run (from its first non-space
// character) is not, so gumbo builds the same tree around it: foster
// parenting in tables, the end of <head>, frameset-ok all look only at
// whether text is white space. Only runs gumbo would store unchanged are
// lifted: no character references, no CR, no characters it replaces by
// U+FFFD (controls, noncharacters). A page that holds U+E000 itself has
// nothing lifted, so every U+E000 in the tree is a placeholder's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace thresher::input {

class LiftedText {
 public:
  // UTF-8 of U+E000, which starts every placeholder.
  static constexpr std::string_view kMarker = "\xEE\x80\x80";
  static constexpr std::size_t kPlaceholderBytes = 9;

  // Whether text of this page may be lifted (it does not hold kMarker).
  static bool page_allows(std::string_view utf8);

  // Lifts the text run out[from, end): keeps it and puts its placeholder
  // in its place, when gumbo would store the run unchanged and the
  // placeholder is shorter; else leaves `out` alone and returns false.
  bool lift_tail(std::string& out, std::size_t from);
  // Appends `run` to `out`, or its placeholder when it can be lifted as
  // lift_tail says (for an attribute value: gumbo stores those as it stores
  // text, character references decoded).
  void append_lifted(std::string_view run, std::string& out);

  // The run named by the placeholder at `p`, which starts with kMarker in a
  // '\0'-terminated string (nothing past its end is read); its data() is
  // followed by '\0'. Empty, with a null data(), when `p` names no run.
  std::string_view run_at(const char* p) const;

  bool empty() const noexcept { return starts_.empty(); }
  std::size_t count() const noexcept { return starts_.size(); }

 private:
  // Keeps `run` when it can be lifted; false (nothing kept) otherwise.
  bool keep(std::string_view run);
  void append_placeholder(std::string& out) const;

  std::string runs_;                   // the runs, each followed by '\0'
  std::vector<std::uint32_t> starts_;  // where run k begins in runs_
};

}  // namespace thresher::input
