// thresher::Document — the plain result of one extraction.
// Empty strings / empty vectors mean "absent"; bindings map them to None.
#pragma once

#include <string>
#include <vector>

namespace thresher {

// Why the extractor chose what it chose, for debugging one page.
struct Diagnostics {
  std::string encoding;            // the charset the input was decoded from
  std::string encoding_source;     // "bom", "meta", "hint", "detector", "utf-8"
  std::size_t double_encoded_repaired = 0;  // runs of twice-encoded UTF-8 ("â€™") repaired
  std::string container;           // CSS-like path of the chosen main container
  double container_score = 0;
  std::vector<std::string> rules_fired;   // "rule_name: path" per pruned element
  std::vector<std::string> field_sources; // "date: json-ld", "title: og:title", ...
  std::string language_source;     // "html-lang", "meta", "og:locale", ""
  std::string empty_reason;        // set when no main content was found
  bool truncated = false;          // a node/depth/output limit cut something
  std::size_t node_count = 0;
};

struct Document {
  // Fields.
  std::string title;
  std::string author;                 // authors joined with "; "
  std::vector<std::string> authors;
  std::string date;                   // publication date, YYYY-MM-DD
  std::string date_modified;          // YYYY-MM-DD
  std::string date_time;              // the publication date with its time (and offset) when the
                                      // page gives one: "2023-03-02T23:06:00+03:00", "2023-03-02T23:06"
  std::string sitename;
  std::string description;
  std::vector<std::string> categories;
  std::vector<std::string> tags;
  std::string language;               // BCP-47 as declared, e.g. "en", "pt-BR"
  std::string image;                  // absolute URL
  std::string url;                    // canonical URL, absolute
  std::string hostname;
  std::string license;                // as the page states it: a licence URL (absolute) or name
  // "article", "forum", "product", "collection", "listing", "documentation",
  // "service" or "other": a guess from declared types, the URL and the page.
  std::string page_type;
  // Content: paragraphs separated by one blank line; headings and list
  // items on their own lines.
  std::string text;
  std::string markdown;               // only with OutputFormat::kMarkdown
  std::string html;                   // only with OutputFormat::kHtml
  std::string comments;               // only with Options::include_comments
  Diagnostics diagnostics;
};

}  // namespace thresher
