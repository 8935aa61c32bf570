// The boilerplate rule table: one declarative list of class/id words, ARIA
// roles and tags that mark page furniture, compiled once per Extractor into
// an RE2::Set. Each rule has a name (reported in diagnostics), a kind and a
// weight.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>
#include <re2/re2.h>
#include <re2/set.h>


namespace thresher::content {

enum class RuleKind : std::uint8_t {
  kBoilerplate,  // never main content: navigation, footers, ads, related boxes...
  kMeta,         // article furniture inside the content: bylines, dates, tags
  kCaption,      // image captions and credits (kept with Options::include_captions)
  kComments,     // comment sections (kept apart, Options::include_comments)
  kPositive,     // names that usually wrap the main content
  // Furniture of a shop's product page (customer reviews and ratings):
  // counted as furniture only on pages that declare a product
  // (BlockWeights::shop_page). Elsewhere the same words name content: a
  // review site's articles, a service page's testimonials.
  kShopFurniture,
};

struct Rule {
  std::string_view name;
  RuleKind kind;
  // '|'-separated words matched against class and id. A word matches a whole
  // class/id token or a '-'-separated part of one ("article-meta__author"
  // has the parts article, meta, author; camelCase is split the same way).
  std::string_view words;
  // Words that must equal a whole class/id token (e.g. "hidden", which as a
  // part would also match responsive classes like "hidden-xs").
  bool whole_token_only;
  double weight;  // how strongly the rule counts in selection (>0)
};

// The table itself (rules.cc). Exposed for tests and documentation.
const std::vector<Rule>& rule_table();

// Bits of the rules an element matched: bit k = rule_table()[k].
using RuleMask = std::uint64_t;

class RuleMatcher {
 public:
  RuleMatcher();
  ~RuleMatcher();
  RuleMatcher(const RuleMatcher&) = delete;
  RuleMatcher& operator=(const RuleMatcher&) = delete;

  // Rules matched by an element's class, id, role and tag. Thread-safe.
  RuleMask match(GumboTag tag, std::string_view class_attr, std::string_view id_attr,
                 std::string_view role_attr) const;

  // Whether a class or id token can change what match() says: a rule
  // matches it, or it is a display variant that undoes "hidden" (the
  // pre-scan's question, asked for every distinct token of a page).
  bool matches_token(std::string_view token) const;

  // "article-meta__author postBody" -> " article-meta-author post-body "
  static std::string signature(std::string_view class_attr, std::string_view id_attr);

 private:
  std::unique_ptr<RE2::Set> set_;
  std::vector<int> rule_of_pattern_;
};

// The bits of every rule of `kind` (computed once), and of one named rule.
RuleMask kind_mask(RuleKind kind) noexcept;
RuleMask rule_bit(std::string_view name) noexcept;
bool mask_has_kind(RuleMask mask, RuleKind kind) noexcept;
// Names of the rules in `mask`, joined by ','.
std::string rule_names(RuleMask mask);

}  // namespace thresher::content
