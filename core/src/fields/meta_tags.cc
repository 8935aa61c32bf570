#include "fields/meta_tags.h"

#include <re2/re2.h>

#include "dom/text_util.h"

namespace thresher::fields {
namespace {

bool rel_has(std::string_view rel, std::string_view word) {
  const std::string lower = text::to_lower_ascii(rel);
  std::size_t pos = 0;
  while ((pos = lower.find(word, pos)) != std::string::npos) {
    const bool start_ok = pos == 0 || lower[pos - 1] == ' ';
    const bool end_ok = pos + word.size() == lower.size() || lower[pos + word.size()] == ' ';
    if (start_ok && end_ok) return true;
    pos += word.size();
  }
  return false;
}

// The raw text of a <script> or <title>: gumbo keeps it as one child.
std::string_view raw_child_text(const GumboNode* g) {
  const GumboVector& children = g->v.element.children;
  if (children.length == 0) return {};
  const auto* c = static_cast<const GumboNode*>(children.data[0]);
  if (c->type != GUMBO_NODE_TEXT && c->type != GUMBO_NODE_WHITESPACE && c->type != GUMBO_NODE_CDATA) {
    return {};
  }
  return c->v.text.text;
}

// A Creative Commons licence deed or public-domain tool.
bool is_creative_commons(std::string_view href) {
  static const LazyRE2 kDeed = {
      R"((?i)^(?:https?:)?//(?:www\.)?creativecommons\.org/(?:licenses|publicdomain)/[a-z0-9.+-]+)"};
  return RE2::PartialMatch(href, *kDeed);
}

}  // namespace

std::string_view PageMeta::first(std::string_view key) const noexcept {
  for (const auto& [k, v] : metas) {
    if (k == key && !text::trim(v).empty()) return v;
  }
  return {};
}

std::vector<std::string_view> PageMeta::all(std::string_view key) const {
  std::vector<std::string_view> out;
  for (const auto& [k, v] : metas) {
    if (k == key && !text::trim(v).empty()) out.push_back(v);
  }
  return out;
}

PageMeta collect_page_meta(const dom::NodeIndex& index) {
  PageMeta m;
  if (index.size() == 0) return m;
  bool license_from_rel = false;
  m.html_lang = std::string(text::trim(index.attr(0, "lang")));
  if (m.html_lang.empty()) m.html_lang = std::string(text::trim(index.attr(0, "xml:lang")));
  for (std::uint32_t i = 0; i < index.size(); ++i) {
    const dom::Node& n = index[i];
    if (!n.is_element()) continue;
    switch (n.tag) {
      case GUMBO_TAG_META: {
        std::string_view key = index.attr(i, "property");
        if (key.empty()) key = index.attr(i, "name");
        if (key.empty()) key = index.attr(i, "itemprop");
        if (key.empty()) key = index.attr(i, "http-equiv");
        const std::string_view content = index.attr(i, "content");
        if (!key.empty() && !content.empty()) {
          // property="og:title article:tag" style multi-keys are rare: take the first.
          const std::string lower = text::to_lower_ascii(text::trim(key));
          m.metas.emplace_back(lower.substr(0, lower.find(' ')), text::collapse_whitespace(content));
        }
        break;
      }
      case GUMBO_TAG_LINK: {
        const std::string_view rel = index.attr(i, "rel");
        if (rel_has(rel, "canonical") && m.canonical.empty()) {
          m.canonical = std::string(text::trim(index.attr(i, "href")));
        }
        if (rel_has(rel, "license") && m.license.empty()) {
          m.license = std::string(text::trim(index.attr(i, "href")));
        }
        break;
      }
      case GUMBO_TAG_TITLE:
        if (m.title_tag.empty()) m.title_tag = text::collapse_whitespace(raw_child_text(n.gumbo));
        break;
      case GUMBO_TAG_SCRIPT: {
        const std::string type = text::to_lower_ascii(text::trim(index.attr(i, "type")));
        if (type == "application/ld+json") m.jsonld.push_back(raw_child_text(n.gumbo));
        break;
      }
      case GUMBO_TAG_A: {
        const std::string_view rel = index.attr(i, "rel");
        if (m.license.empty() || !license_from_rel) {
          // rel=license says it; a link to a Creative Commons licence deed
          // says it too, unless a rel=license link comes later.
          const std::string_view href = text::trim(index.attr(i, "href"));
          if (rel_has(rel, "license") && !href.empty()) {
            m.license = std::string(href);
            license_from_rel = true;
          } else if (m.license.empty() && is_creative_commons(href)) {
            m.license = std::string(href);
          }
        }
        if (rel.empty()) break;
        if (rel_has(rel, "author")) m.rel_author.push_back(i);
        if (rel_has(rel, "tag")) m.rel_tag.push_back(i);
        break;
      }
      case GUMBO_TAG_TIME:
        m.time_elements.push_back(i);
        break;
      case GUMBO_TAG_H1:
        if (!(n.flags & dom::kHidden)) m.h1s.push_back(i);
        break;
      default:
        break;
    }
    if (n.tag != GUMBO_TAG_META && (index.has_attr(i, "itemprop") || index.has_attr(i, "property"))) {
      m.itemprops.push_back(i);
    }
  }
  return m;
}

}  // namespace thresher::fields
