// The stages of Extractor::extract after parsing, one function each, so that
// the pipeline (extractor.cc) and the per-stage benchmarks (bench/) run the
// same code: decode -> prescan -> parse -> index -> element rules + features
// -> fields -> select_content -> render_content -> settle_document.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "content/blocks.h"
#include "content/page_type.h"
#include "content/rules.h"
#include "content/select.h"
#include "dom/node_index.h"
#include "dom/parse.h"
#include "fields/fields.h"
#include "thresher/document.h"
#include "thresher/options.h"
#include "util/deadline.h"

namespace thresher::pipeline {

// Bytes gumbo may allocate for the tree of a prescanned page of `lean_bytes`
// (Options::max_tree_bytes, or a default proportional to the page).
std::size_t tree_budget(const Options& options, std::size_t lean_bytes);

// What the content stage decided for one page.
struct ContentStage {
  content::ContentChoice choice;
  // The page indexed again with hidden elements shown, when that reading won
  // (script-rendered pages); choice's node ids then refer to it.
  std::optional<dom::NodeIndex> revealed;
  content::PageSignals page_signals;  // page-wide counts, for the page-type guess
  bool discussion = false;            // replies counted as content
  // The best block is a label or two while menus show more: a page whose
  // content a script has yet to render, reported as empty.
  bool label_only = false;

  const dom::NodeIndex& chosen_index(const dom::NodeIndex& index) const {
    return revealed ? *revealed : index;
  }
  bool has_content() const {
    return choice.selection.container != dom::kNoNode && !label_only;
  }
};

// Chooses the main content: page kind (thread, shop page), the prose or
// link-list selection, the unannounced-thread and hidden-content second
// readings. Records the rules that fired and any empty reason in `doc`.
ContentStage select_content(const content::RuleMatcher& rules, const Options& options,
                            const dom::ParsedHtml& parsed, const dom::NodeIndex& index,
                            const content::ElementRules& element_rules,
                            std::vector<content::NodeFeatures> features,
                            const fields::PageKind& kind, std::string_view page_url,
                            Deadline& deadline, Document& doc);

// Renders the chosen content into doc.text (and html/markdown/comments as
// the options ask). `index` is the first index; the stage knows whether the
// revealed one won.
void render_content(const Options& options, const dom::NodeIndex& index,
                    const ContentStage& stage, Document& doc);

// What needs the text: language (declared vs detected), page type and what
// follows from it (dates, authors, titles of sales pages), a product's
// declared description when the text lacks it.
void settle_document(const Options& options, const ContentStage& stage,
                     const fields::PageKind& kind, std::string_view page_url, Document& doc);

}  // namespace thresher::pipeline
