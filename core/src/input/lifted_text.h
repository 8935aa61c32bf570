// Text lifted out of the markup before parsing, and put back after.
//
// Gumbo's tokenizer emits one token per character of text, and its tree
// builder appends them one by one: on a pre-scanned page text is a third of
// the bytes and the larger part of the parse. Yet text only has to come back
// as it was. So the pre-scan replaces a run of plain text between two tags
// by a placeholder of one character and keeps the run here; after parsing,
// dom::ParsedHtml puts the runs back into the text nodes.
// Attribute values (links, class lists) cost gumbo per byte the same way and
// are lifted too, whole: the tree builder reads none of them but a few
// (input's type, font's color, face and size, annotation-xml's encoding),
// which the pre-scan leaves in place.
//
// A placeholder is one private-use character of plane 15 or 16 (4 bytes of
// UTF-8), U+F0000 + the run's number, skipping the noncharacters U+xFFFE
// and U+xFFFF: gumbo reads a character per step and a token per character
// of text, so one character costs it a third of the three that a BMP code
// would need. It is not white space, as the run (from its first non-space
// character) is not, so gumbo builds the same tree around it: foster
// parenting in tables, the end of <head>, frameset-ok all look only at
// whether text is white space. Only runs whose stored form is known are
// lifted: no CR, no characters gumbo replaces by U+FFFD (controls,
// noncharacters), and character references only of the forms
// append_decoded_references reads as gumbo does (kept decoded, as gumbo
// stores them). A page that holds a plane 15 or 16 character itself (or a
// numeric reference to one) has nothing lifted, so every such character in
// the tree is a placeholder.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace thresher::input {

// Appends `run` (text or an attribute value as written) to `out` with its
// character references decoded as gumbo decodes them, and returns true; or
// returns false, `out` partly written, when the run holds a reference it
// does not read. Read: a numeric reference ending in ';' to a character
// gumbo keeps as it is (not white space, a control, a surrogate, a
// noncharacter or one of planes 15 and 16), a named one ending in ';' from
// a short list of common names (&amp; &nbsp; &rsquo; &mdash; ...), and an
// '&' that starts no reference (followed by neither a letter nor '#').
// A name without its ';' reads differently in text and in attributes, so
// it is left to gumbo.
bool append_decoded_references(std::string_view run, std::string& out);

class LiftedText {
 public:
  static constexpr std::size_t kPlaceholderBytes = 4;
  // Attribute names a page may have coded (see append_name): the last
  // characters of plane 16 before its noncharacters.
  static constexpr std::uint32_t kMaxNames = 32;
  // Placeholders a page may have: two planes less their noncharacters and
  // the name codes.
  static constexpr std::uint32_t kMaxRuns = 2 * 65534 - kMaxNames;

  // Whether text of this page may be lifted: it holds no plane 15 or 16
  // character, as UTF-8 or as a numeric character reference.
  static bool page_allows(std::string_view utf8);

  // The first placeholder-shaped character (the lead byte of a plane 15 or
  // 16 character) at or after `p` in a '\0'-terminated string, or null.
  static const char* find_placeholder(const char* p);

  // Lifts the text run out[from, end): keeps it (as gumbo stores it) and
  // puts its placeholder in its place, when the stored form is known and
  // the placeholder is shorter; else leaves `out` alone and returns false.
  bool lift_tail(std::string& out, std::size_t from);
  // Appends the placeholder of `run` to `out` when it can be lifted as
  // lift_tail says (for an attribute value: gumbo stores those as it stores
  // text, character references decoded); else appends nothing and returns
  // false.
  bool lift(std::string_view run, std::string& out);
  // The same for raw text (a <script>'s body), where gumbo decodes no
  // character reference: '&' is kept as it is.
  bool lift_raw(std::string_view run, std::string& out);

  // Appends the code of attribute name `name` (lower case, without ':'),
  // the pre-scan's kept name number `slot` < kMaxNames, to `out`: one
  // character gumbo reads in one step (a name like "class" costs it five),
  // which name_at turns back into `name`. Only for names whose meaning
  // gumbo does not look at (namespaced names like xml:lang are adjusted in
  // foreign content; type, color, face, size, encoding are read).
  void append_name(std::size_t slot, std::string_view name, std::string& out);
  // The name an attribute name as gumbo stores it stands for: `name`
  // itself, or what its code stands for.
  const char* name_at(const char* name) const;

  // The run named by the placeholder at `p` (as find_placeholder finds it)
  // in a '\0'-terminated string (nothing past its end is read); its data()
  // is followed by '\0'. Empty, with a null data(), when `p` names no run.
  std::string_view run_at(const char* p) const;

  // Room for `bytes` of kept runs: the runs of a page are copied out of its
  // markup, so its size bounds them, and one allocation replaces a chain of
  // doublings that each copy all kept so far.
  void reserve(std::size_t bytes) { runs_.reserve(bytes); }

  // Nothing lifted and no name coded: the tree needs nothing put back.
  bool empty() const noexcept { return starts_.empty() && names_coded_ == 0; }
  std::size_t count() const noexcept { return starts_.size(); }

 private:
  // Keeps `run` when it can be lifted (references decoded unless `raw`);
  // false (nothing kept) otherwise.
  bool keep(std::string_view run, bool raw);
  void append_placeholder(std::string& out) const;

  std::string runs_;                   // the runs, each followed by '\0'
  std::vector<std::uint32_t> starts_;  // where run k begins in runs_
  std::uint32_t names_coded_ = 0;      // bit k: names_[k] has been coded
  std::string names_[kMaxNames];       // the name each code stands for
};

}  // namespace thresher::input
