// The stages after parsing; see pipeline.h.
#include "pipeline.h"

#include <algorithm>
#include <string>
#include <unordered_set>
#include <utility>

#include "content/threads.h"
#include "dom/text_util.h"
#include "fields/language.h"
#include "output/markdown.h"
#include "output/text_render.h"

namespace thresher::pipeline {

namespace {

// Below this container score the visible page is taken to have no content.
constexpr float kWeakSelectionScore = 200.f;
// Below this, even after the fallbacks, the best container holds a logo, a
// search box's prompt or a button's label (some 25 characters of text)
// while menus and footers show more (kMinFurnitureChars): a page whose
// content a script has yet to render. Reported as empty. A page showing
// only a line or two ("Test") keeps them.
constexpr float kMinContentScore = 25.f;
constexpr std::uint32_t kMinFurnitureChars = 200;

// Edge trimming anchors on prose: short lines before the first sentence and
// after the last are a byline or a "Read more". On a page read as a list of
// links the items themselves are short lines (headlines, names, prices), so
// one item's sentence-like blurb would cut every item after it; there the
// edges stay. Copies of a run (desktop and mobile) go either way.
void tidy_blocks(std::vector<output::TextBlock>& blocks, bool link_mode, bool discussion) {
  output::drop_card_controls(blocks);
  if (!link_mode) output::trim_edges(blocks);
  output::drop_repeated_blocks(blocks);
  if (discussion) output::drop_repeated_paragraphs(blocks);
}

// The declared language against the one CLD2 reads in the text (the title
// and description too, so that pages without main content get one).
void settle_language(Document& doc) {
  std::string sample = doc.title;
  sample += '\n';
  sample += doc.description;
  sample += '\n';
  sample += text::utf8_prefix(doc.text, fields::kLanguageSampleBytes);
  fields::LanguageChoice choice = fields::choose_language(
      doc.language, doc.diagnostics.language_source, fields::detect_language(sample));
  doc.language = std::move(choice.language);
  doc.diagnostics.language_source = std::move(choice.source);
}

// The page-type guess, and what follows from it: `date` is when a piece of
// writing was published; shop, listing and service pages carry page-level
// dates (a CMS's datePublished, a sitemap's lastmod) that are not that.
// `signals` holds the page-wide counts (page_signals); the rest is filled here.
void settle_page_type(content::PageSignals signals, const fields::PageKind& kind, bool discussion,
                      bool link_mode, std::string_view url, Document& doc) {
  signals.url = url;
  signals.discussion = discussion;
  signals.dated = !doc.date.empty();
  signals.has_author = !doc.author.empty() && kind.author_origin != fields::AuthorOrigin::kSiteName;
  signals.link_mode = link_mode;
  signals.text_chars = doc.text.size();
  doc.page_type = std::string(content::guess_page_type(signals));
  // An <h1> that no declared title agrees with is a service's or a shop's
  // hero slogan ("Insurance to help protect you") more often than its
  // headline: there the declared title names the page (WCXB: of 50 such
  // titles 10 were right). A dated page read as a service may be an article
  // whose <h1> is right: it keeps it.
  const bool sales_page = doc.page_type == "service" || doc.page_type == "product";
  if (sales_page && doc.date.empty() && !kind.declared_title.empty()) {
    doc.title = kind.declared_title;
    doc.diagnostics.field_sources.push_back("title: declared (" + doc.page_type + " page)");
  } else if (!kind.label_over_title.empty() && doc.page_type != "collection" && doc.page_type != "listing") {
    // A short <h1> over a longer declared title is a section's label on
    // an article or a service page; a catalogue's or a list's <h1> names
    // its category ("Mesh Style Chairs" over "Ergonomic Mesh-Back Office
    // Chairs"), the declared title adds search words.
    doc.title = kind.label_over_title;
    doc.diagnostics.field_sources.push_back("title: declared (h1 a label)");
  }
  if (!content::has_publication_date(doc.page_type, url) && !doc.date.empty()) {
    doc.date.clear();
    doc.date_time.clear();
    doc.diagnostics.field_sources.push_back("date: dropped (" + doc.page_type + " page)");
  }
  // Bylines on a listing, shop or service page are those of the items it
  // lists, its reviews or testimonials; and such a page (or a documentation
  // page) naming its company as author has no byline. An organisation's
  // article, or a thread, does.
  // A shop's product or category page has no writer at all: its declared
  // "author" is the brand or a reviewer (WCXB: 4 such authors, none right).
  const bool own_byline = doc.page_type == "article" || doc.page_type == "forum";
  const bool shop_page = doc.page_type == "product" || doc.page_type == "collection";
  const bool drop_author =
      shop_page || (kind.author_origin == fields::AuthorOrigin::kSiteName && !own_byline) ||
      (kind.author_origin == fields::AuthorOrigin::kVisible && !own_byline &&
       doc.page_type != "documentation");
  if (drop_author && !doc.author.empty()) {
    doc.author.clear();
    doc.authors.clear();
    doc.diagnostics.field_sources.push_back("author: dropped (" + doc.page_type + " page)");
  }
}

// A product's description as its JSON-LD declares it, added when the
// visible text lacks it (it sits behind a tab, in a drawer, or a script
// renders it). Only on a page that has main content: a page read as empty
// stays empty.
// Words for comparing texts that spell punctuation differently (' and ’):
// runs of ASCII letters and digits and of other non-ASCII characters,
// lower-cased; ASCII punctuation and U+2000-U+206F (quotes, dashes) split.
std::vector<std::string_view> comparable_words(std::string_view s) {
  std::vector<std::string_view> words;
  std::size_t start = std::string_view::npos;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    const unsigned char c = i < s.size() ? static_cast<unsigned char>(s[i]) : ' ';
    std::size_t skip = 0;  // bytes of a separator at i
    if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      skip = 1;
    } else if (c == 0xE2 && i + 2 < s.size() && (static_cast<unsigned char>(s[i + 1]) & 0xFE) == 0x80) {
      skip = 3;  // U+2000-U+207F
    }
    if (skip == 0) {
      if (start == std::string_view::npos) start = i;
      continue;
    }
    if (start != std::string_view::npos) words.push_back(s.substr(start, i - start));
    start = std::string_view::npos;
    i += skip - 1;
  }
  return words;
}

void add_declared_description(const std::string& description, const Options& opt, Document& doc) {
  // Shown already when most of its words are in the text.
  constexpr double kShownWordShare = 0.8;
  if (description.empty() || doc.text.empty()) return;
  const std::string lower_text = text::to_lower_ascii(doc.text);
  const std::string lower_description = text::to_lower_ascii(description);
  const std::vector<std::string_view> text_words = comparable_words(lower_text);
  const std::unordered_set<std::string_view> shown(text_words.begin(), text_words.end());
  const std::vector<std::string_view> words = comparable_words(lower_description);
  if (words.empty()) return;
  const auto found = std::count_if(words.begin(), words.end(),
                                   [&](std::string_view w) { return shown.contains(w); });
  if (static_cast<double>(found) >= kShownWordShare * static_cast<double>(words.size())) return;
  if (doc.text.size() + description.size() + 2 > opt.max_output_bytes) return;
  doc.text += "\n\n";
  doc.text += description;
  if (!doc.markdown.empty()) doc.markdown += "\n\n" + description;
  if (!doc.html.empty()) doc.html += "\n<p>" + output::escape_html(description) + "</p>";
  doc.diagnostics.rules_fired.push_back("declared_description: page");
}

}  // namespace

std::size_t tree_budget(const Options& options, std::size_t lean_bytes) {
  return options.max_tree_bytes != 0 ? options.max_tree_bytes
                                     : 64 * lean_bytes + (std::size_t{64} << 20);
}

ContentStage select_content(const content::RuleMatcher& rules, const Options& opt,
                            const dom::ParsedHtml& parsed, const dom::NodeIndex& index,
                            const content::ElementRules& element_rules,
                            std::vector<content::NodeFeatures> features,
                            const fields::PageKind& kind, std::string_view page_url,
                            Deadline& deadline, Document& doc) {
  ContentStage stage;
  // On forum threads and Q&A pages the replies are the content: the
  // features are computed again without counting them as furniture.
  stage.discussion =
      content::is_discussion_page(kind.schema_type, doc.url.empty() ? page_url : doc.url);
  // What the page declares and shows (prices, cart buttons), counted once:
  // the page-type guess uses it, and so does the content stage on a
  // product's page, whose customer reviews are furniture.
  stage.page_signals =
      content::declared_page_signals(index, kind.og_type, kind.schema_types, kind.itemprop_prices);
  const bool shop_page = !stage.discussion && content::sells_product(stage.page_signals);
  content::BlockWeights weights;
  weights.comments_are_content = stage.discussion;
  weights.shop_page = shop_page;
  if (stage.discussion || shop_page) {
    features = content::compute_features(index, element_rules, weights);
    doc.diagnostics.rules_fired.push_back(stage.discussion ? "discussion_page: page"
                                                           : "shop_page: page");
  }
  const std::string_view title =
      content::title_heading_to_prune(doc.title, !kind.declared_title.empty(), !doc.date.empty());
  content::ContentChoice& choice = stage.choice;
  const bool undated = doc.date.empty();
  choice = content::choose_content(index, element_rules, std::move(features), opt, title,
                                   stage.discussion, shop_page, undated);
  // A thread that neither URL nor schema announces (a link aggregator's
  // story, a news site's comment page): with its comments read as furniture
  // little is left, and comment sections hold most of the page's text.
  // Read again as a discussion, replies counting as content.
  if (!stage.discussion && !shop_page &&
      (choice.link_mode || choice.selection.score < kWeakSelectionScore) &&
      content::comments_dominate(index, choice.features)) {
    content::BlockWeights thread_weights = weights;
    thread_weights.comments_are_content = true;
    content::ContentChoice thread = content::choose_content(
        index, element_rules, content::compute_features(index, element_rules, thread_weights), opt,
        title, /*discussion=*/true, shop_page, undated);
    if (thread.selection.container != dom::kNoNode &&
        thread.selection.score > choice.selection.score) {
      choice = std::move(thread);
      stage.discussion = true;
      weights = thread_weights;
      doc.diagnostics.rules_fired.push_back("comment_thread: page");
    }
  }

  // Script-rendered pages (React streaming, for one) ship their content in
  // hidden containers that scripts reveal. When the visible page yields
  // nothing worth the name, read it with hidden elements shown.
  if (choice.selection.score < kWeakSelectionScore) {
    stage.revealed.emplace(parsed.root(),
                           dom::NodeIndexLimits{opt.max_nodes, opt.max_depth, false}, deadline);
    const content::ElementRules revealed_rules = content::match_elements(*stage.revealed, rules);
    content::ContentChoice second = content::choose_content(
        *stage.revealed, revealed_rules,
        content::compute_features(*stage.revealed, revealed_rules, weights), opt, title,
        stage.discussion, shop_page, undated);
    if (second.selection.container != dom::kNoNode &&
        second.selection.score > 2 * std::max(choice.selection.score, 1.f)) {
      choice = std::move(second);
      doc.diagnostics.rules_fired.push_back("hidden_content_shown: page");
    } else {
      stage.revealed.reset();
    }
  }
  const dom::NodeIndex& chosen_index = stage.chosen_index(index);
  const content::Selection& sel = choice.selection;
  if (choice.link_mode) doc.diagnostics.rules_fired.push_back("link_list_mode: page");
  doc.diagnostics.rules_fired.insert(doc.diagnostics.rules_fired.end(), sel.rules_fired.begin(),
                                     sel.rules_fired.end());
  doc.diagnostics.empty_reason = sel.empty_reason;
  if (sel.container != dom::kNoNode && sel.score < kMinContentScore &&
      chosen_index[chosen_index.body()].text_chars >= kMinFurnitureChars) {
    stage.label_only = true;
    doc.diagnostics.empty_reason = "the best block (score " +
                                   std::to_string(static_cast<int>(sel.score)) +
                                   ") is a label or two, not main content";
  }
  return stage;
}

void render_content(const Options& opt, const dom::NodeIndex& index, const ContentStage& stage,
                    Document& doc) {
  if (!stage.has_content()) return;
  const dom::NodeIndex& chosen_index = stage.chosen_index(index);
  const content::ContentChoice& choice = stage.choice;
  const content::Selection& sel = choice.selection;
  doc.diagnostics.container = chosen_index.path(sel.container);
  doc.diagnostics.container_score = sel.score;

  std::vector<output::TextBlock> blocks =
      output::collect_blocks(chosen_index, choice.features, sel.pruned, sel.container);
  tidy_blocks(blocks, choice.link_mode, stage.discussion);
  bool truncated = false;
  doc.text = output::join_blocks(blocks, opt.max_output_bytes, &truncated);
  if (opt.output_format == OutputFormat::kHtml) {
    doc.html = output::join_html(chosen_index, blocks, opt.max_output_bytes, &truncated);
  } else if (opt.output_format == OutputFormat::kMarkdown) {
    // Rendered again with inline marks; the same blocks survive the edges.
    const output::InlineStyle style{true, opt.include_links, opt.include_images};
    std::vector<output::TextBlock> marked =
        output::collect_blocks(chosen_index, choice.features, sel.pruned, sel.container, style);
    tidy_blocks(marked, choice.link_mode, stage.discussion);
    doc.markdown = output::join_markdown(chosen_index, marked, opt.max_output_bytes, &truncated);
  }
  if (truncated) doc.diagnostics.truncated = true;

  if (opt.include_comments && !sel.comment_roots.empty()) {
    std::vector<bool> none(chosen_index.size(), false);
    std::vector<output::TextBlock> comment_blocks;
    for (std::uint32_t root : sel.comment_roots) {
      auto b = output::collect_blocks(chosen_index, choice.features, none, root);
      comment_blocks.insert(comment_blocks.end(), std::make_move_iterator(b.begin()),
                            std::make_move_iterator(b.end()));
    }
    doc.comments = output::join_blocks(comment_blocks, opt.max_output_bytes, &truncated);
  }
  if (doc.text.empty() && doc.diagnostics.empty_reason.empty()) {
    doc.diagnostics.empty_reason = "the chosen container held only furniture";
  }
}

void settle_document(const Options& opt, const ContentStage& stage, const fields::PageKind& kind,
                     std::string_view page_url, Document& doc) {
  settle_language(doc);
  settle_page_type(stage.page_signals, kind, stage.discussion, stage.choice.link_mode,
                   doc.url.empty() ? page_url : std::string_view(doc.url), doc);
  if (stage.has_content() && doc.page_type == "product") {
    add_declared_description(kind.product_description, opt, doc);
  }
}

}  // namespace thresher::pipeline
