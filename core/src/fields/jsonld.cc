#include "fields/jsonld.h"

#include <algorithm>
#include <utility>

#include <nlohmann/json.hpp>

#include "dom/text_util.h"

namespace thresher::fields {
namespace {

using json = nlohmann::json;

// Brackets nesting depth, ignoring strings: reject before parsing so a
// hostile block cannot make the parser or the tree deep.
std::size_t nesting_depth(std::string_view s) {
  std::size_t depth = 0, max_depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    // Comments are skipped the way the parser (ignore_comments) skips them.
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '/') {
      const std::size_t nl = s.find('\n', i);
      if (nl == std::string_view::npos) break;
      i = nl;
      continue;
    }
    if (c == '/' && i + 1 < s.size() && s[i + 1] == '*') {
      const std::size_t end = s.find("*/", i + 2);
      if (end == std::string_view::npos) break;
      i = end + 1;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '{' || c == '[') max_depth = std::max(max_depth, ++depth);
    else if ((c == '}' || c == ']') && depth > 0) --depth;
  }
  return max_depth;
}

std::string as_text(const json& value) {
  // Arrays of arrays: the first leaf, found without recursion.
  const json* p = &value;
  while (p->is_array() && !p->empty()) p = &p->front();
  const json& v = *p;
  if (v.is_string()) {
    return text::collapse_whitespace(text::decode_entities(v.get_ref<const std::string&>()));
  }
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_object()) {
    for (const char* key : {"name", "@value", "url", "@id"}) {
      if (auto it = v.find(key); it != v.end() && it->is_string()) {
        return text::collapse_whitespace(text::decode_entities(it->get_ref<const std::string&>()));
      }
    }
  }
  return {};
}

std::vector<std::string> as_list(const json& v) {
  std::vector<std::string> out;
  if (v.is_array()) {
    for (const auto& item : v) {
      if (std::string t = as_text(item); !t.empty()) out.push_back(std::move(t));
    }
  } else if (std::string t = as_text(v); !t.empty()) {
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<std::string> types_of(const json& item) {
  std::vector<std::string> out;
  auto it = item.find("@type");
  if (it == item.end()) return out;
  if (it->is_string()) out.push_back(it->get<std::string>());
  if (it->is_array()) {
    for (const auto& t : *it) {
      if (t.is_string()) out.push_back(t.get<std::string>());
    }
  }
  return out;
}

}  // namespace

bool is_article_type(std::string_view t) {
  return t.find("Article") != std::string_view::npos || t == "BlogPosting" ||
         t == "Report" || t == "LiveBlogPosting" || t == "SocialMediaPosting" ||
         t == "DiscussionForumPosting" || t == "Review" || t == "Recipe" || t == "HowTo" ||
         t == "Question" || t == "QAPage" || t == "Posting";
}

namespace {

// Flattens arrays and @graph into a list of objects (one level of nesting
// into mainEntity as well, as QAPage and WebPage use it).
void collect_items(const json& v, std::vector<const json*>& out, int depth = 0) {
  if (depth > 4) return;
  if (v.is_array()) {
    for (const auto& e : v) collect_items(e, out, depth + 1);
  } else if (v.is_object()) {
    out.push_back(&v);
    if (auto g = v.find("@graph"); g != v.end()) collect_items(*g, out, depth + 1);
    if (auto m = v.find("mainEntity"); m != v.end() && m->is_object()) collect_items(*m, out, depth + 1);
  }
}

std::string field(const json& item, const char* key) {
  auto it = item.find(key);
  return it == item.end() ? std::string() : as_text(*it);
}

// Items by their @id: Yoast-style graphs name the author once, in a Person
// item, and refer to it from the article ({"author": {"@id": "...#person"}}).
using ItemsById = std::vector<std::pair<std::string_view, const json*>>;

const json* resolve(const json& v, const ItemsById& by_id) {
  if (!v.is_object() || v.contains("name")) return &v;
  auto id = v.find("@id");
  if (id == v.end() || !id->is_string()) return &v;
  const std::string& key = id->get_ref<const std::string&>();
  for (const auto& [item_id, item] : by_id) {
    if (item_id == key && item != &v) return item;
  }
  return &v;
}

std::vector<std::string> author_names(const json& v, const ItemsById& by_id) {
  std::vector<std::string> out;
  auto add = [&](const json& a) {
    const json& r = *resolve(a, by_id);
    std::string name = r.is_object() ? field(r, "name") : as_text(r);
    if (!name.empty() && name.find("://") == std::string::npos) out.push_back(std::move(name));
  };
  if (v.is_array()) {
    for (const auto& a : v) add(a);
  } else {
    add(v);
  }
  return out;
}

void fill_from(const json& item, std::string_view type, const ItemsById& by_id, JsonLdFields& f) {
  f.type = std::string(type);
  if (f.headline.empty()) f.headline = field(item, "headline");
  if (f.name.empty()) f.name = field(item, "name");
  if (f.authors.empty()) {
    if (auto it = item.find("author"); it != item.end()) f.authors = author_names(*it, by_id);
    else if (auto c = item.find("creator"); c != item.end()) f.authors = author_names(*c, by_id);
  }
  if (f.date_published.empty()) f.date_published = field(item, "datePublished");
  if (f.date_published.empty()) f.date_published = field(item, "dateCreated");
  if (f.date_modified.empty()) f.date_modified = field(item, "dateModified");
  if (f.publisher.empty()) {
    if (auto it = item.find("publisher"); it != item.end()) {
      const json& p = *resolve(*it, by_id);
      f.publisher = p.is_object() ? field(p, "name") : as_text(p);
    }
  }
  if (f.sections.empty()) {
    if (auto it = item.find("articleSection"); it != item.end()) f.sections = as_list(*it);
  }
  if (f.keywords.empty()) {
    if (auto it = item.find("keywords"); it != item.end()) {
      if (it->is_string()) {
        // "a, b, c" in one string.
        std::string_view s = it->get_ref<const std::string&>();
        std::size_t pos = 0;
        while (pos <= s.size()) {
          std::size_t comma = s.find(',', pos);
          if (comma == std::string_view::npos) comma = s.size();
          const std::string k = text::collapse_whitespace(s.substr(pos, comma - pos));
          if (!k.empty()) f.keywords.push_back(k);
          pos = comma + 1;
        }
      } else {
        f.keywords = as_list(*it);
      }
    }
  }
  if (f.language.empty()) f.language = field(item, "inLanguage");
  if (f.image.empty()) {
    if (auto it = item.find("image"); it != item.end()) f.image = as_text(*it);
  }
  if (f.description.empty()) f.description = field(item, "description");
  if (f.license.empty()) f.license = field(item, "license");
  if (f.url.empty()) f.url = field(item, "url");
}

}  // namespace

JsonLdFields parse_jsonld(const std::vector<std::string_view>& blocks, JsonLdLimits limits) {
  JsonLdFields f;
  std::vector<json> docs;
  for (std::size_t b = 0; b < blocks.size() && b < limits.max_blocks; ++b) {
    const std::string_view raw = blocks[b];
    if (raw.size() > limits.max_bytes || nesting_depth(raw) > limits.max_depth) continue;
    json doc = json::parse(raw, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    if (!doc.is_discarded()) docs.push_back(std::move(doc));
  }
  std::vector<const json*> items;
  for (const auto& d : docs) collect_items(d, items);

  // The main item: an article-like type first, then a page, then anything
  // with a headline; site-level facts come from WebSite / Organization.
  const json* main_item = nullptr;
  std::string main_type;
  for (int pass = 0; pass < 3 && main_item == nullptr; ++pass) {
    for (const json* item : items) {
      for (const std::string& t : types_of(*item)) {
        const bool hit = (pass == 0 && is_article_type(t)) ||
                         (pass == 1 && (t == "Product" || t == "Event" || t == "Course" ||
                                        t == "SoftwareApplication" || t == "JobPosting")) ||
                         (pass == 2 && (t == "WebPage" || t == "ItemPage" || t == "AboutPage" ||
                                        t == "CollectionPage" || t == "FAQPage"));
        if (hit) {
          main_item = item;
          main_type = t;
          break;
        }
      }
      if (main_item) break;
    }
  }
  ItemsById by_id;
  for (const json* item : items) {
    if (auto id = item->find("@id"); id != item->end() && id->is_string()) {
      by_id.emplace_back(id->get_ref<const std::string&>(), item);
    }
  }
  if (main_item) {
    fill_from(*main_item, main_type, by_id, f);
    // A page item (QAPage, WebPage) often names its author and dates only on
    // its mainEntity (the Question, the Article): what the page item lacks
    // comes from there.
    if (auto m = main_item->find("mainEntity"); m != main_item->end() && m->is_object()) {
      fill_from(*m, main_type, by_id, f);
    }
  }
  for (const json* item : items) {
    for (const std::string& t : types_of(*item)) {
      if (f.types.size() < 64 && std::find(f.types.begin(), f.types.end(), t) == f.types.end()) {
        f.types.push_back(t);
      }
      if (t == "WebSite" && f.website_name.empty()) f.website_name = field(*item, "name");
      if ((t == "Organization" || t == "NewsMediaOrganization") && f.publisher.empty()) {
        f.publisher = field(*item, "name");
      }
    }
  }
  return f;
}

}  // namespace thresher::fields
