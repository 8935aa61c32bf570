// React's streaming renderer sends a page in one pass, but content that was
// not ready in time comes last: where it belongs the shell holds a
// <template id="B:n"> (a Suspense boundary, followed by its fallback, a
// skeleton or "Loading...", up to the comment <!--/$-->) or a
// <template id="P:n"> (a segment inside such content), and the content
// itself follows at the end of <body> in <div hidden id="S:n">, which an
// inline script moves into place. Readers see it in place; read hidden at
// the end it is lost, or read where it sits it lands after the footer. The
// node index reads each such div at its placeholder instead (the gumbo tree
// is not changed).
#pragma once

#include <gumbo.h>

#include <string_view>
#include <vector>

namespace thresher::dom {

// True when `div_id` names the streamed content of the placeholder
// `template_id`: "B:1f" or "P:1f" and "S:1f", with the same prefix React
// adds before the letter when a page sets one ("app-B:3" / "app-S:3").
bool names_streamed_content(std::string_view template_id, std::string_view div_id) noexcept;

// A placeholder of a Suspense boundary ("B:n"), whose fallback follows it.
bool is_boundary_placeholder(std::string_view template_id) noexcept;

// The position in `siblings` of the comment "/$" closing the boundary whose
// placeholder is at `placeholder` (nested boundaries' "$", "$?", "$!" and
// "/$" counted), or -1 when none follows: a page saved with its comments
// stripped keeps its fallback.
int boundary_fallback_end(const GumboVector& siblings, unsigned placeholder) noexcept;

// The hidden streamed divs of one page, found among <body>'s children the
// first time a placeholder asks for one (pages without placeholders pay
// nothing), each read once: at its placeholder, or where it sits when none
// claimed it before the walk reached it.
class StreamedSegments {
 public:
  explicit StreamedSegments(const GumboNode* body) : body_(body) {}

  // The div to read in place of the <template> `placeholder`, or nullptr.
  const GumboNode* claim(const GumboNode* placeholder);
  // Called for each child of <body> as the walk reaches it: true when it is
  // a streamed div already read at its placeholder (so skipped here).
  bool read_elsewhere(const GumboNode* body_child);

 private:
  struct Segment {
    std::string_view id;
    const GumboNode* div;
    bool read;
  };
  static bool is_streamed_div(const GumboNode* node) noexcept;
  void scan();

  const GumboNode* body_;
  std::vector<Segment> segments_;
  bool scanned_ = false;
};

}  // namespace thresher::dom
