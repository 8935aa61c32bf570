// thresher::Options — every knob and every resource limit, with its default
// written once, here. Bindings read their defaults from Options{}.
//
//   thresher::Options opts;
//   opts.include_comments = true;
//   thresher::Extractor extractor(opts);
#pragma once

#include <cstddef>
#include <cstdint>

namespace thresher {

enum class OutputFormat {
  kText,      // Document::text only
  kMarkdown,  // also Document::markdown
  kHtml,      // also Document::html (cleaned HTML of the main content)
};

struct Options {
  // ---- What is rendered ---------------------------------------------------
  OutputFormat output_format = OutputFormat::kText;
  // Markdown only: keep links as [text](href) and images as ![alt](src).
  bool include_links = false;
  bool include_images = false;

  // ---- What goes into the main text -------------------------------------
  // Comment sections of articles (kept out of `text` either way; when true
  // they are returned in Document::comments).
  bool include_comments = false;
  // Tables inside the main content, rendered one row per line.
  bool include_tables = true;
  // Image captions (<figcaption>, caption-like blocks) inside the content.
  bool include_captions = false;
  // Prefer leaving text out over letting boilerplate in (and vice versa).
  bool favor_precision = false;
  bool favor_recall = false;

  // ---- Resource limits ---------------------------------------------------
  // Larger inputs are rejected with ErrorCode::kInputTooLarge.
  std::size_t max_input_bytes = 64u << 20;
  // Memory the parsed tree may take; past it the page fails with
  // ErrorCode::kLimitExceeded. 0 means 64 x the input size + 64 MiB.
  std::size_t max_tree_bytes = 0;
  // Elements beyond this count are not indexed (the page is scored on what
  // came before; Document::diagnostics.truncated says so).
  std::size_t max_nodes = 2'000'000;
  // Elements nested deeper than this are flattened into their ancestor at
  // this depth: their text still counts, their structure does not. Before
  // parsing, markup is flattened past min(max_depth, 256): gumbo's work
  // grows with depth for every element and character.
  std::size_t max_depth = 512;
  // The rendered text is cut at a paragraph boundary below this size.
  std::size_t max_output_bytes = 16u << 20;
  // JSON-LD blocks larger than this, or nested deeper, are skipped.
  std::size_t max_jsonld_bytes = 1u << 20;
  std::size_t max_jsonld_depth = 64;
  // At most this many JSON-LD blocks are parsed per page.
  std::size_t max_jsonld_blocks = 64;
  // Per-document time budget in milliseconds, checked in the main loops;
  // 0 means no limit. Exceeding it returns ErrorCode::kTimeout.
  std::uint32_t timeout_ms = 0;
};

}  // namespace thresher
