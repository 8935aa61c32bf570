#include "dom/streamed_segments.h"

#include <cstddef>

namespace thresher::dom {

namespace {

// Where "X:" starts in an id of the form <prefix>X:<hex digits>, or npos.
std::size_t marker_position(std::string_view id) noexcept {
  std::size_t k = id.size();
  while (k > 0) {
    const char c = id[k - 1];
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) break;
    --k;
  }
  if (k == id.size() || k < 2 || id[k - 1] != ':') return std::string_view::npos;
  return k - 2;
}

std::string_view attribute(const GumboNode* node, const char* name) noexcept {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a != nullptr ? std::string_view(a->value) : std::string_view();
}

}  // namespace

bool names_streamed_content(std::string_view template_id, std::string_view div_id) noexcept {
  const std::size_t at = marker_position(template_id);
  if (at == std::string_view::npos || (template_id[at] != 'B' && template_id[at] != 'P')) {
    return false;
  }
  return div_id.size() == template_id.size() && div_id[at] == 'S' &&
         div_id.substr(0, at) == template_id.substr(0, at) &&
         div_id.substr(at + 1) == template_id.substr(at + 1);
}

bool is_boundary_placeholder(std::string_view template_id) noexcept {
  const std::size_t at = marker_position(template_id);
  return at != std::string_view::npos && template_id[at] == 'B';
}

int boundary_fallback_end(const GumboVector& siblings, unsigned placeholder) noexcept {
  int depth = 0;
  for (unsigned k = placeholder + 1; k < siblings.length; ++k) {
    const auto* node = static_cast<const GumboNode*>(siblings.data[k]);
    if (node->type != GUMBO_NODE_COMMENT) continue;
    const std::string_view text = node->v.text.text;
    if (text == "/$") {
      if (depth == 0) return static_cast<int>(k);
      --depth;
    } else if (text == "$" || text == "$?" || text == "$!") {
      ++depth;
    }
  }
  return -1;
}

bool StreamedSegments::is_streamed_div(const GumboNode* node) noexcept {
  if (node->type != GUMBO_NODE_ELEMENT || node->v.element.tag != GUMBO_TAG_DIV ||
      gumbo_get_attribute(&node->v.element.attributes, "hidden") == nullptr) {
    return false;
  }
  const std::string_view id = attribute(node, "id");
  const std::size_t at = marker_position(id);
  return at != std::string_view::npos && id[at] == 'S';
}

void StreamedSegments::scan() {
  scanned_ = true;
  if (body_ == nullptr) return;
  const GumboVector& children = body_->v.element.children;
  for (unsigned k = 0; k < children.length; ++k) {
    const auto* c = static_cast<const GumboNode*>(children.data[k]);
    if (is_streamed_div(c)) segments_.push_back({attribute(c, "id"), c, false});
  }
}

const GumboNode* StreamedSegments::claim(const GumboNode* placeholder) {
  const std::string_view id = attribute(placeholder, "id");
  if (marker_position(id) == std::string_view::npos) return nullptr;
  if (!scanned_) scan();
  for (Segment& s : segments_) {
    if (!s.read && names_streamed_content(id, s.id)) {
      s.read = true;
      return s.div;
    }
  }
  return nullptr;
}

bool StreamedSegments::read_elsewhere(const GumboNode* body_child) {
  // A streamed div met before any placeholder: listed now, so that a later
  // placeholder does not read it a second time.
  if (!scanned_ && is_streamed_div(body_child)) scan();
  for (Segment& s : segments_) {
    if (s.div != body_child) continue;
    if (s.read) return true;
    s.read = true;  // read here, hidden: no later placeholder takes it
    return false;
  }
  return false;
}

}  // namespace thresher::dom
