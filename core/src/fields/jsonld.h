// Fields from JSON-LD (schema.org): @graph, arrays, nested author and
// publisher objects; malformed blocks are skipped. Parsed with
// nlohmann::json, after a cheap depth check (Options::max_jsonld_depth).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace thresher::fields {

struct JsonLdFields {
  std::string type;            // @type of the item the fields came from
  std::vector<std::string> types;  // every @type seen (distinct, at most 64): page-type evidence
  std::string headline;
  std::string name;            // "name" of the main item (products, pages)
  std::vector<std::string> authors;
  std::string date_published;  // raw strings, parsed by dates.h
  std::string date_modified;
  std::string publisher;
  std::string website_name;
  std::vector<std::string> sections;
  std::vector<std::string> keywords;
  std::string language;
  std::string image;
  std::string description;
  std::string url;
  std::string license;         // "license" of the main item (URL or name)
};

struct JsonLdLimits {
  std::size_t max_bytes;
  std::size_t max_depth;
  std::size_t max_blocks;
};

// schema.org types whose item is a dated piece of writing (Article and its
// subtypes, BlogPosting, Review, forum posts, Q&A, ...).
bool is_article_type(std::string_view type);

JsonLdFields parse_jsonld(const std::vector<std::string_view>& blocks, JsonLdLimits limits);

}  // namespace thresher::fields
