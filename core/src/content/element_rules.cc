#include "content/element_rules.h"

#include <string>
#include <string_view>
#include <unordered_map>

namespace thresher::content {
namespace {

struct Matched {
  RuleMask mask = 0;
  bool role_matched = false;
};

// The name of a custom element ("devsite-content-footer", "site-nav"):
// an author's name for the element, as telling as a class. Empty for
// standard tags and for names without a hyphen (not custom elements).
std::string_view custom_element_name(const dom::Node& node) {
  if (node.tag != GUMBO_TAG_UNKNOWN) return {};
  GumboStringPiece piece = node.gumbo->v.element.original_tag;
  if (piece.data == nullptr || piece.length == 0) return {};
  gumbo_tag_from_original_text(&piece);
  const std::string_view name(piece.data, piece.length);
  return name.find('-') == std::string_view::npos ? std::string_view() : name.substr(0, 128);
}

}  // namespace

ElementRules match_elements(const dom::NodeIndex& index, const RuleMatcher& rules) {
  const std::uint32_t n = index.size();
  ElementRules out;
  out.mask.assign(n, 0);
  out.role_matched.assign(n, false);
  // Key: tag, the lengths of class and id, then class, id and role.
  std::unordered_map<std::string, Matched> seen;
  std::string key;
  std::string named;  // a custom element's name and its classes
  for (std::uint32_t i = 0; i < n; ++i) {
    const dom::Node& node = index[i];
    if (!node.is_element() || (node.flags & dom::kSkipped)) continue;
    std::string_view cls = index.attr(i, "class");
    if (const std::string_view custom = custom_element_name(node); !custom.empty()) {
      named.assign(custom).append(" ").append(cls);
      cls = named;
    }
    const std::string_view id = index.attr(i, "id");
    const std::string_view role = index.attr(i, "role");
    const std::uint32_t head[3] = {static_cast<std::uint32_t>(node.tag),
                                   static_cast<std::uint32_t>(cls.size()),
                                   static_cast<std::uint32_t>(id.size())};
    key.assign(reinterpret_cast<const char*>(head), sizeof head);
    key.append(cls).append(id).append(role);
    auto [it, fresh] = seen.try_emplace(key);
    if (fresh) {
      it->second.mask = rules.match(node.tag, cls, id, role);
      it->second.role_matched =
          !role.empty() && rules.match(GUMBO_TAG_UNKNOWN, {}, {}, role) != 0;
    }
    out.mask[i] = it->second.mask;
    out.role_matched[i] = it->second.role_matched;
  }
  return out;
}

}  // namespace thresher::content
