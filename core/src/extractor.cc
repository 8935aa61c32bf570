// The pipeline: decode -> prescan -> parse -> index -> features -> fields ->
// content selection -> text (the stages after fields are in pipeline.h).
// Everything per call lives on this stack frame; the Extractor holds only
// immutable compiled rules.
#include "thresher/extractor.h"

#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "attributes_read.h"
#include "content/blocks.h"
#include "content/rules.h"
#include "dom/node_index.h"
#include "dom/parse.h"
#include "fields/fields.h"
#include "input/decode.h"
#include "input/prescan.h"
#include "input/sniff.h"
#include "pipeline.h"
#include "util/deadline.h"

namespace thresher {

struct Extractor::Compiled {
  Options options;
  content::RuleMatcher rules;
  AttributesRead attributes;
  explicit Compiled(Options o) : options(std::move(o)), attributes(options) {}
};

const char* error_code_name(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInputTooLarge: return "input_too_large";
    case ErrorCode::kNotHtml: return "not_html";
    case ErrorCode::kUndecodable: return "undecodable";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kLimitExceeded: return "limit_exceeded";
    case ErrorCode::kInternal: return "internal";
  }
  return "unknown";
}

Extractor::Extractor(Options options) : compiled_(std::make_unique<Compiled>(std::move(options))) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const Options& Extractor::options() const noexcept { return compiled_->options; }

namespace {

Result<Document> run_pipeline(const Extractor::Compiled& c, std::string_view html,
                              std::string_view page_url, std::string_view encoding_hint) {
  const Options& opt = c.options;
  if (html.size() > opt.max_input_bytes) {
    return Error{ErrorCode::kInputTooLarge,
                 "input is " + std::to_string(html.size()) + " bytes, over max_input_bytes (" +
                     std::to_string(opt.max_input_bytes) + "); raise the limit or skip the page"};
  }
  if (const std::string_view kind = input::binary_kind(html); !kind.empty()) {
    return Error{ErrorCode::kNotHtml, "the input is " + std::string(kind) +
                                          ", not an HTML page; skip it or extract it with a tool "
                                          "for that format"};
  }
  Deadline deadline(opt.timeout_ms);
  Document doc;

  const input::Decoded decoded = input::decode_to_utf8(html, encoding_hint);
  doc.diagnostics.encoding = decoded.encoding;
  doc.diagnostics.encoding_source = decoded.source;
  doc.diagnostics.double_encoded_repaired = decoded.double_encoded_repaired;

  input::LiftedText lifted;  // text runs gumbo need not read; the tree points into it
  const std::string lean =
      input::prescan(decoded.utf8, opt.max_depth, c.attributes.policy(), &lifted);
  const dom::ParsedHtml parsed(lean, pipeline::tree_budget(opt, lean.size()), &lifted);
  if (deadline.expired_now()) return Error{ErrorCode::kTimeout, "timeout_ms ran out while parsing"};
  const dom::NodeIndex index(parsed.root(), {opt.max_nodes, opt.max_depth}, deadline);
  if (deadline.expired_now()) return Error{ErrorCode::kTimeout, "timeout_ms ran out while indexing"};
  doc.diagnostics.node_count = index.size();
  doc.diagnostics.truncated = index.truncated();

  const content::ElementRules element_rules = content::match_elements(index, c.rules);
  auto features = content::compute_features(index, element_rules);
  const fields::PageKind kind = fields::extract_fields(index, features, page_url, opt, doc);
  const pipeline::ContentStage stage =
      pipeline::select_content(c.rules, opt, parsed, index, element_rules, std::move(features),
                               kind, page_url, deadline, doc);
  pipeline::render_content(opt, index, stage, doc);
  pipeline::settle_document(opt, stage, kind, page_url, doc);
  if (deadline.expired_now()) return Error{ErrorCode::kTimeout, "timeout_ms ran out"};
  return doc;
}

}  // namespace

Result<Document> Extractor::extract(std::string_view html, std::string_view url,
                                    std::string_view encoding_hint) const noexcept {
  try {
    return run_pipeline(*compiled_, html, url, encoding_hint);
  } catch (const std::bad_alloc&) {
    return Error{ErrorCode::kLimitExceeded,
                 "the page needs more memory than max_tree_bytes allows (or than the machine has); "
                 "raise the limit or skip the page"};
  } catch (const std::exception& e) {
    return Error{ErrorCode::kInternal, std::string("internal error: ") + e.what()};
  } catch (...) {
    return Error{ErrorCode::kInternal, "internal error"};
  }
}

}  // namespace thresher
