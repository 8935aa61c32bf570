// libFuzzer target over the whole pipeline: thresher::Extractor::extract.
//
// Input layout (so that seeds from corpus/ stay HTML and options still vary):
//   byte 0..3   option header (see options_from_header below; the Python
//               mirror is tests/adversarial/generate.py:fuzz_header):
//               b0 = flags, b1 = URL choice (and max_depth), b2 = output
//               format and link/image flags (and max_nodes/max_output_bytes),
//               b3 = encoding hint (and the JSON-LD limits)
//   [url]       when header byte 1 has its high bit set, the next
//               (byte1 & 63) bytes are the page URL
//   rest        the page bytes
// Inputs shorter than the header run with default options.
//
// Besides "no crash, no leak, no UB", every run checks the API contract:
// a Document's strings are valid UTF-8 (the Python binding converts them to
// str), text fits max_output_bytes, and errors carry a message.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "input/decode.h"
#include "thresher/extractor.h"

namespace {

constexpr std::size_t kHeaderBytes = 4;

// URLs a crawler hands over, good and broken.
constexpr std::string_view kUrls[] = {
    "",
    "https://example.com/2024/05/17/some-story-title.html",
    "http://news.example.co.uk/world/article-12345?utm=1#top",
    "https://[::1",
    "//no-scheme.example/path/../../a",
    "javascript:alert(1)",
    "https://xn--n3h.example/%zz/%C3%A9t%C3%A9/",
    "ftp://user:pass@host:99999/",
};

// Charsets a Content-Type header may claim, including wrong and bogus ones.
constexpr std::string_view kHints[] = {
    "", "utf-8", "windows-1252", "utf-16", "utf-16be", "shift_jis", "gb2312",
    "koi8-r", "iso-2022-jp", "utf-7", "ucs-4", "x-unknown-charset", "UTF-8//IGNORE",
    "ebcdic-us", "big5", "latin1",
};

struct Case {
  thresher::Options options;
  std::uint32_t key = 0;  // identifies `options`, for the Extractor cache
  std::string_view url;
  std::string_view hint;
  std::string_view html;
};

Case options_from_header(const std::uint8_t* data, std::size_t size) {
  Case c;
  std::string_view all(reinterpret_cast<const char*>(data), size);
  if (size < kHeaderBytes) {
    c.html = all;
    return c;
  }
  const std::uint8_t b0 = data[0], b1 = data[1], b2 = data[2], b3 = data[3];
  std::string_view rest = all.substr(kHeaderBytes);
  thresher::Options& o = c.options;
  o.include_comments = b0 & 0x01;
  o.include_tables = !(b0 & 0x02);
  o.include_captions = b0 & 0x04;
  o.favor_precision = b0 & 0x08;
  o.favor_recall = b0 & 0x10;
  o.output_format = static_cast<thresher::OutputFormat>(b2 % 3);
  o.include_links = b2 & 0x04;
  o.include_images = b2 & 0x08;
  if (b0 & 0x20) {  // small limits, so that the cut-off paths run
    o.max_depth = b1 & 0x3F;
    o.max_nodes = 1 + static_cast<std::size_t>(b2) * 8;
    o.max_output_bytes = static_cast<std::size_t>(b2) * 64;
    o.max_jsonld_blocks = b3 & 0x07;
    o.max_jsonld_depth = (b3 >> 3) & 0x1F;
    o.max_jsonld_bytes = static_cast<std::size_t>(b3) * 97;
    c.key = (std::uint32_t{b1 & 0x3Fu} << 8 | b2) << 8 | b3;
  }
  c.key = c.key << 8 | (b0 & 0x3Fu) | 0x80u;
  if (b0 & 0x40) {
    if (b1 & 0x80) {
      const std::size_t n = std::min<std::size_t>(b1 & 0x3F, rest.size());
      // Callers pass URLs as valid UTF-8 (the Python binding cannot do
      // otherwise); invalid ones fall back to the table.
      const std::string_view url = rest.substr(0, n);
      c.url = thresher::input::is_valid_utf8(url) ? url : kUrls[1];
      rest.remove_prefix(n);
    } else {
      c.url = kUrls[b1 % std::size(kUrls)];
    }
  }
  if (b0 & 0x80) c.hint = kHints[b3 % std::size(kHints)];
  c.html = rest;
  return c;
}

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "extract_fuzzer: contract violated: %s %.*s\n", what,
               static_cast<int>(std::min<std::size_t>(detail.size(), 200)), detail.data());
  std::abort();
}

void check_utf8(const char* field, std::string_view s) {
  if (!thresher::input::is_valid_utf8(s)) fail("invalid UTF-8 in", field);
}

// Building an Extractor compiles the rule sets, which costs more than
// extracting a small page: keep the ones built for recent option sets.
const thresher::Extractor& extractor_for(const Case& c) {
  static std::map<std::uint32_t, std::unique_ptr<thresher::Extractor>> cache;
  auto it = cache.find(c.key);
  if (it != cache.end()) return *it->second;
  if (cache.size() >= 256) cache.clear();
  auto made = std::make_unique<thresher::Extractor>(c.options);
  return *cache.emplace(c.key, std::move(made)).first->second;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Case c = options_from_header(data, size);
  const thresher::Extractor& extractor = extractor_for(c);
  const auto result = extractor.extract(c.html, c.url, c.hint);
  if (!result) {
    const thresher::Error& e = result.error();
    if (e.message.empty()) fail("error without a message");
    // An internal error is a bug by definition: surface it as a crash.
    if (e.code == thresher::ErrorCode::kInternal) fail("internal error:", e.message);
    return 0;
  }
  const thresher::Document& d = result.value();
  for (const auto& [name, value] :
       std::initializer_list<std::pair<const char*, const std::string*>>{
           {"title", &d.title}, {"author", &d.author}, {"date", &d.date},
           {"date_modified", &d.date_modified}, {"sitename", &d.sitename},
           {"description", &d.description}, {"language", &d.language}, {"image", &d.image},
           {"url", &d.url}, {"hostname", &d.hostname}, {"text", &d.text},
           {"markdown", &d.markdown}, {"html", &d.html}, {"comments", &d.comments}, {"diagnostics.container", &d.diagnostics.container},
           {"diagnostics.empty_reason", &d.diagnostics.empty_reason}}) {
    check_utf8(name, *value);
  }
  for (const auto* list : {&d.authors, &d.categories, &d.tags, &d.diagnostics.rules_fired,
                           &d.diagnostics.field_sources}) {
    for (const std::string& s : *list) check_utf8("list field", s);
  }
  if (d.text.size() > c.options.max_output_bytes) fail("text over max_output_bytes");
  if (d.comments.size() > c.options.max_output_bytes) fail("comments over max_output_bytes");
  if (d.markdown.size() > c.options.max_output_bytes) fail("markdown over max_output_bytes");
  if (d.html.size() > c.options.max_output_bytes) fail("html over max_output_bytes");
  return 0;
}
