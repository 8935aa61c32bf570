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

}  // namespace

ElementRules match_elements(const dom::NodeIndex& index, const RuleMatcher& rules) {
  const std::uint32_t n = index.size();
  ElementRules out;
  out.mask.assign(n, 0);
  out.role_matched.assign(n, false);
  // Key: tag, the lengths of class and id, then class, id and role.
  std::unordered_map<std::string, Matched> seen;
  std::string key;
  for (std::uint32_t i = 0; i < n; ++i) {
    const dom::Node& node = index[i];
    if (!node.is_element() || (node.flags & dom::kSkipped)) continue;
    const std::string_view cls = index.attr(i, "class");
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
