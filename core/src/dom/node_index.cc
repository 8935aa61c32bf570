#include "dom/node_index.h"

#include <cassert>
#include <cstring>
#include <string>

#include <re2/re2.h>

#include "dom/streamed_segments.h"
#include "dom/text_util.h"

namespace thresher::dom {

bool style_hides(std::string_view style) {
  // Cheap check without a regex: "display:none" / "visibility:hidden" with
  // arbitrary spaces.
  std::string compact;
  compact.reserve(style.size());
  for (char c : style) {
    if (c != ' ' && c != '\t' && c != '\n') compact.push_back(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

bool names_disclosure_panel(std::string_view class_attr) {
  static const LazyRE2 kPanelClass = {kDisclosurePanelClass};
  return RE2::PartialMatch(class_attr, *kPanelClass);
}

namespace {

struct AttributeScan {
  std::uint32_t present = 0;  // Node::attributes
  bool hides = false;         // hidden, popover, aria-hidden="true", a style that hides
};

// One pass over an element's attributes (the pre-scan left only read ones).
AttributeScan scan_attributes(const GumboElement& el) {
  AttributeScan scan;
  const GumboVector& attrs = el.attributes;
  // A popover (HTML's popover attribute) is hidden until shown: install
  // prompts, notification settings, quick views.
  for (unsigned k = 0; k < attrs.length; ++k) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[k]);
    const std::string_view name = a->name;
    const int slot = read_attribute_slot(name);
    if (slot >= 0) scan.present |= std::uint32_t{1} << slot;
    if (name == "hidden" || name == "popover") scan.hides = true;
    // aria-hidden on a link hides it from screen readers only: a card's
    // second link to the same place (its teaser text, its image), shown.
    if (name == "aria-hidden" && text::iequals_ascii(a->value, "true") &&
        el.tag != GUMBO_TAG_A) {
      scan.hides = true;
    }
    if (name == "style" && style_hides(a->value)) scan.hides = true;
  }
  return scan;
}

// A closed tab or accordion panel: hidden until a click, but part of what
// the page says (a product's description and specifications, a guide's
// other-language code samples). Run only on elements that hide.
bool is_disclosure_panel(const GumboElement& el) {
  const GumboAttribute* role = gumbo_get_attribute(&el.attributes, "role");
  if (role != nullptr && text::iequals_ascii(role->value, "tabpanel")) return true;
  // The ARIA accordion pattern: each panel is a region named by its toggle
  // (aria-labelledby the button); a <section> so named is a region too.
  if (gumbo_get_attribute(&el.attributes, "aria-labelledby") != nullptr &&
      ((role != nullptr && text::iequals_ascii(role->value, "region")) ||
       (role == nullptr && el.tag == GUMBO_TAG_SECTION))) {
    return true;
  }
  const GumboAttribute* cls = gumbo_get_attribute(&el.attributes, "class");
  return cls != nullptr && names_disclosure_panel(cls->value);
}


// <noscript> parsed as raw text (as in <head>) holds markup as a string:
// nothing a reader sees. Parsed as elements (in <body>) it is often the
// whole page of a script-rendered site, so it is kept then. One holding
// bare text and no element is the "enable JavaScript" notice: not the page.
bool is_noscript_notice(const GumboNode* g) {
  const GumboVector& children = g->v.element.children;
  bool has_element = false;
  for (unsigned k = 0; k < children.length; ++k) {
    const auto* c = static_cast<const GumboNode*>(children.data[k]);
    if (c->type == GUMBO_NODE_TEXT && std::strchr(c->v.text.text, '<') != nullptr) return true;
    if (c->type == GUMBO_NODE_ELEMENT) has_element = true;
  }
  return !has_element;
}

// A <button> holding a heading, or inside one, is an accordion's toggle:
// its text is a question or a section's title ("How much does it cost?"),
// part of what the page says. Other buttons ("Add to cart", "Menu") are
// controls and are not read. Looked for a few levels down: the heading
// sits in the button's label wrappers.
bool holds_heading(const GumboNode* g, int depth) {
  constexpr int kMaxDepth = 3;
  const GumboVector& children = g->v.element.children;
  for (unsigned k = 0; k < children.length; ++k) {
    const auto* c = static_cast<const GumboNode*>(children.data[k]);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    if (is_heading_tag(c->v.element.tag)) return true;
    if (depth < kMaxDepth && holds_heading(c, depth + 1)) return true;
  }
  return false;
}

struct Frame {
  const GumboNode* node;
  std::uint32_t index;     // our index of this element (or of its flattening ancestor)
  unsigned next_child;
  bool own_entry;          // false when flattened past max_depth
  std::uint8_t inherited;  // flags passed to children
};

}  // namespace

bool is_skipped_tag(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_MAP:
    case GUMBO_TAG_DATALIST: case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

bool is_heading_tag(GumboTag tag) noexcept {
  return tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6;
}

bool is_block_tag(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_PRE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML: case GUMBO_TAG_CENTER: case GUMBO_TAG_MENU:
    case GUMBO_TAG_HGROUP: case GUMBO_TAG_LEGEND:
      return true;
    default:
      return false;
  }
}

NodeIndex::NodeIndex(const GumboNode* root, NodeIndexLimits limits, Deadline& deadline) {
  if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return;
  nodes_.reserve(1024);
  std::vector<Frame> stack;
  // The parent or grandparent is a heading (<h3><button>Question</button></h3>).
  auto in_heading = [&](std::uint32_t parent) {
    for (int up = 0; up < 2 && parent != kNoNode; ++up, parent = nodes_[parent].parent) {
      if (is_heading_tag(nodes_[parent].tag)) return true;
    }
    return false;
  };
  auto open_element = [&](const GumboNode* g, std::uint32_t parent, std::uint8_t inherited,
                          std::uint16_t depth) {
    Node n;
    n.gumbo = g;
    n.parent = parent;
    n.depth = depth;
    n.tag = g->v.element.tag;
    n.flags = inherited;
    const AttributeScan scan = scan_attributes(g->v.element);
    n.attributes = scan.present;
    if (limits.honor_hidden && scan.hides && !is_disclosure_panel(g->v.element)) {
      n.flags |= kHidden;
    }
    if (n.tag == GUMBO_TAG_A && (scan.present & (std::uint32_t{1} << read_attribute_slot("href")))) {
      n.flags |= kInLink;
    }
    const bool heading_toggle =
        n.tag == GUMBO_TAG_BUTTON && (in_heading(parent) || holds_heading(g, 0));
    if ((is_skipped_tag(n.tag) && !heading_toggle) ||
        (n.tag == GUMBO_TAG_NOSCRIPT && is_noscript_notice(g))) {
      n.flags |= kSkipped;
    }
    if (n.tag == GUMBO_TAG_BODY && body_ == kNoNode) body_ = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(n);
    return static_cast<std::uint32_t>(nodes_.size() - 1);
  };

  const GumboNode* body_gumbo = nullptr;
  for (unsigned k = 0; k < root->v.element.children.length; ++k) {
    const auto* c = static_cast<const GumboNode*>(root->v.element.children.data[k]);
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY) body_gumbo = c;
  }
  StreamedSegments streamed(body_gumbo);

  const std::uint32_t root_index = open_element(root, kNoNode, 0, 0);
  stack.push_back({root, root_index, 0, true,
                   static_cast<std::uint8_t>(nodes_[root_index].flags & (kHidden | kInLink))});
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->v.element.children;
    const bool skipped = nodes_[top.index].flags & kSkipped;
    if (skipped || top.next_child >= children.length || deadline.expired()) {
      if (top.own_entry) nodes_[top.index].end = static_cast<std::uint32_t>(nodes_.size());
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
    if (nodes_.size() >= limits.max_nodes) {
      truncated_ = true;
      top.next_child = children.length;
      continue;
    }
    // React streaming: late content is read at its placeholder, not here.
    if (top.node == body_gumbo && streamed.read_elsewhere(child)) continue;
    const std::uint32_t parent = top.index;
    const std::uint8_t inherited = top.inherited;
    // Depth of the indexed parent + 1: flattened levels do not count.
    const auto depth = static_cast<std::uint16_t>(nodes_[parent].depth + 1);
    switch (child->type) {
      case GUMBO_NODE_ELEMENT: {
        if (stack.size() >= limits.max_depth) {
          truncated_ = true;
          stack.push_back({child, parent, 0, false, inherited});
          break;
        }
        const std::uint32_t i = open_element(child, parent, inherited, depth);
        stack.push_back({child, i, 0, true,
                         static_cast<std::uint8_t>(nodes_[i].flags & (kHidden | kInLink))});
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE: {
        Node n;
        n.gumbo = child;
        n.parent = parent;
        n.depth = depth;
        n.flags = static_cast<std::uint8_t>(kText | inherited);
        const std::string_view text = child->v.text.text;
        n.text_bytes = static_cast<std::uint32_t>(text.size());
        const std::uint32_t chars = static_cast<std::uint32_t>(text::visible_length(text));
        if (chars == 0) n.flags |= kWhitespace;
        if (!(n.flags & kHidden)) {
          n.text_chars = chars;
          if (n.flags & kInLink) n.link_chars = chars;
        }
        n.end = static_cast<std::uint32_t>(nodes_.size() + 1);
        nodes_.push_back(n);
        break;
      }
      case GUMBO_NODE_TEMPLATE: {
        // A <template> is never shown, except as the placeholder of
        // streamed content: that content's children are read here, as
        // children of the template's parent, and a boundary's fallback
        // (the siblings up to its closing comment) is not.
        const GumboNode* content = streamed.claim(child);
        if (content == nullptr) break;
        const GumboAttribute* id = gumbo_get_attribute(&child->v.element.attributes, "id");
        if (id != nullptr && is_boundary_placeholder(id->value)) {
          const int end = boundary_fallback_end(children, top.next_child - 1);
          if (end >= 0) top.next_child = static_cast<unsigned>(end) + 1;
        }
        stack.push_back({content, parent, 0, false, inherited});
        break;
      }
      default:
        break;  // comments, document nodes
    }
  }
  // Sum text bottom-up: children come after their parents.
  for (std::uint32_t i = size(); i-- > 1;) {
    const Node& n = nodes_[i];
    if (n.parent == kNoNode) continue;
    Node& p = nodes_[n.parent];
    if (n.flags & kSkipped) continue;
    p.text_chars += n.text_chars;
    p.link_chars += n.link_chars;
  }
}

std::string_view NodeIndex::text(std::uint32_t i) const noexcept {
  const Node& n = nodes_[i];
  return n.is_text() ? std::string_view(n.gumbo->v.text.text, n.text_bytes) : std::string_view();
}

bool is_read_attribute(std::string_view name) noexcept { return read_attribute_slot(name) >= 0; }

std::string_view NodeIndex::present_attr(std::uint32_t i, std::string_view name) const noexcept {
  const GumboVector& attrs = nodes_[i].gumbo->v.element.attributes;
  for (unsigned k = 0; k < attrs.length; ++k) {
    const auto* a = static_cast<const GumboAttribute*>(attrs.data[k]);
    // Compared without measuring a->name first (no strlen per attribute).
    if (std::strncmp(a->name, name.data(), name.size()) == 0 && a->name[name.size()] == '\0') {
      return a->value;
    }
  }
  return {};
}

std::string NodeIndex::text_content(std::uint32_t i) const {
  // The text grows through one append per text node: room for the usual
  // case up front (the subtree's non-space characters and a quarter more
  // for the spaces between words) instead of a chain of doublings.
  std::string out;
  out.reserve(nodes_[i].text_chars + nodes_[i].text_chars / 4);
  const std::uint32_t end = nodes_[i].end;
  for (std::uint32_t k = i; k < end;) {
    const Node& n = nodes_[k];
    if ((n.flags & kHidden) || (n.flags & kSkipped)) {
      k = n.end;
      continue;
    }
    if (n.is_text()) {
      text::append_collapsed(out, n.gumbo->v.text.text);
    } else if (k != i && (is_block_tag(n.tag) || n.tag == GUMBO_TAG_BR) && !out.empty() &&
               out.back() != ' ') {
      out.push_back(' ');
    }
    ++k;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string NodeIndex::path(std::uint32_t i) const {
  std::vector<std::uint32_t> chain;
  for (std::uint32_t k = i; k != kNoNode && k != body_; k = nodes_[k].parent) chain.push_back(k);
  std::string out = body_ != kNoNode ? "body" : "";
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Node& n = nodes_[*it];
    if (!out.empty()) out += " > ";
    out += n.is_text() ? "#text" : gumbo_normalized_tagname(n.tag);
    const std::string_view id = attr(*it, "id");
    if (!id.empty()) out.append("#").append(text::utf8_prefix(id, 40));
    std::string_view cls = attr(*it, "class");
    cls = text::trim(cls);
    if (!cls.empty()) {
      const std::string collapsed = text::collapse_whitespace(text::utf8_prefix(cls, 60));
      out.append(".");
      for (char c : collapsed) out.push_back(c == ' ' ? '.' : c);
    }
  }
  return out;
}

bool subtree_has_digit(const NodeIndex& index, std::uint32_t i) noexcept {
  for (std::uint32_t k = i; k < index[i].end; ++k) {
    if (!index[k].is_text()) continue;
    for (const char c : index.text(k)) {
      if (c >= '0' && c <= '9') return true;
    }
  }
  return false;
}

std::uint32_t next_element_sibling(const NodeIndex& index, std::uint32_t i) {
  const std::uint32_t parent = index[i].parent;
  if (parent == kNoNode) return kNoNode;
  for (std::uint32_t k = index[i].end; k < index[parent].end; k = index[k].end) {
    if (index[k].is_element() && index[k].text_chars > 0) return k;
    if (index[k].is_text() && index[k].text_chars > 0) return kNoNode;  // text between
  }
  return kNoNode;
}

}  // namespace thresher::dom
