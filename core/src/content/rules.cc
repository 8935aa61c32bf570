#include "content/rules.h"

#include <re2/re2.h>
#include <re2/set.h>

#include "dom/text_util.h"

namespace thresher::content {
namespace {

// Pseudo-words the matcher adds to a signature for tags and ARIA roles, so
// that they go through the same table: "tag:nav", "role:navigation".
std::string_view tag_word(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_NAV: return "tag:nav";
    case GUMBO_TAG_FOOTER: return "tag:footer";
    case GUMBO_TAG_ASIDE: return "tag:aside";
    case GUMBO_TAG_FIGCAPTION: return "tag:figcaption";
    case GUMBO_TAG_FORM: return "tag:form";
    default: return {};
  }
}

// HTML white space, which separates the tokens of class and id values.
struct HtmlSpace {
  bool is[256] = {};
  constexpr HtmlSpace() {
    for (char c : {' ', '\t', '\n', '\r', '\f'}) is[static_cast<unsigned char>(c)] = true;
  }
};
constexpr HtmlSpace kHtmlSpace;

// A class token "<variant>:<display>" ("md:flex", "lg:block",
// "xl:inline-grid", "sm:visible"): the element is shown under a condition.
bool shown_at_breakpoint(std::string_view class_attr) {
  std::size_t pos = 0;
  while ((pos = class_attr.find(':', pos)) != std::string_view::npos) {
    ++pos;
    std::size_t end = class_attr.find_first_of(" \t\n\r\f", pos);
    if (end == std::string_view::npos) end = class_attr.size();
    std::string_view utility = class_attr.substr(pos, end - pos);
    if (const std::size_t colon = utility.rfind(':'); colon != std::string_view::npos) {
      utility.remove_prefix(colon + 1);  // "md:hover:flex": the last part
    }
    if (utility.starts_with("inline-")) utility.remove_prefix(7);
    if (utility == "block" || utility == "flex" || utility == "grid" || utility == "inline" ||
        utility == "table" || utility == "contents" || utility == "flow-root" ||
        utility == "visible") {
      return true;
    }
    pos = end;
  }
  return false;
}

}  // namespace

const std::vector<Rule>& rule_table() {
  // Order matters only for diagnostics. At most 64 rules (RuleMask).
  static const std::vector<Rule> kRules = {
      {"navigation", RuleKind::kBoilerplate,
       "nav|navbar|navigation|menu|menubar|submenu|mega-menu|breadcrumb|breadcrumbs|pagination|"
       "pager|skip-link|skiplink|tag:nav|role:navigation|role:menu|role:menubar|role:search",
       false, 1.0},
      {"footer", RuleKind::kBoilerplate,
       "footer|site-footer|colophon|copyright|tag:footer|role:contentinfo", false, 1.0},
      {"masthead", RuleKind::kBoilerplate,
       "masthead|site-header|topbar|top-bar|header-bar|role:banner", false, 1.0},
      {"sidebar", RuleKind::kBoilerplate,
       "sidebar|side-bar|sidenav|widget-area|rail|right-rail|left-rail|tag:aside|"
       "role:complementary",
       false, 1.0},
      {"related", RuleKind::kBoilerplate,
       "related|relatedposts|related-posts|related-articles|recommended|recommendations|"
       "more-stories|read-next|readnext|see-also|also-read|popular|most-read|mostread|"
       "most-popular|trending|outbrain|taboola|you-may-like|further-reading|more-from|similar|"
       "more-like-this|also-like|upsell|upsells|up-sells|cross-sell|cross-sells|crosssell|crosssells",
       false, 1.0},
      {"share", RuleKind::kBoilerplate,
       "share|shares|sharing|sharebar|share-bar|social|social-share|socials|addthis|sharethis|"
       "follow-us",
       false, 1.0},
      {"advertising", RuleKind::kBoilerplate,
       "ad|ads|advert|adverts|advertisement|advertising|adsbygoogle|adslot|ad-slot|adunit|"
       "ad-unit|dfp|gpt-ad|sponsor|sponsored|promoted",
       false, 1.0},
      {"cookie_banner", RuleKind::kBoilerplate,
       "cookie|cookies|cookie-banner|cookie-notice|consent|gdpr|onetrust", false, 1.0},
      {"newsletter", RuleKind::kBoilerplate,
       "newsletter|subscribe|subscription|signup|sign-up|paywall|modal|popup|overlay|promo|"
       "role:dialog|role:alertdialog",
       false, 1.0},
      {"ticker", RuleKind::kBoilerplate, "ticker|breaking-news|marquee|alert-bar|news-ticker",
       false, 1.0},
      // Also a tooltip's bubble (role=tooltip: a footnote, a term's
      // definition shown on hover), not in the running text.
      {"screen_reader_only", RuleKind::kBoilerplate,
       "sr-only|screen-reader-text|visually-hidden|visuallyhidden|hidden|hide|invisible|role:tooltip",
       true, 1.0},
      {"comments", RuleKind::kComments,
       "comment|comments|commentlist|comment-list|comments-area|disqus|respond|replies|"
       "customer-reviews|product-reviews|user-reviews|review-list|reviews-list",
       false,
       1.0},
      // Review widgets by name (okendo, yotpo, ...) as the table names
      // comment widgets (disqus). "review" alone would also name a review
      // site's article, hence a kind of its own, used on product pages only.
      {"product_reviews", RuleKind::kShopFurniture,
       "review|reviews|ratings|okendo|yotpo|judgeme|bazaarvoice|powerreviews|trustpilot|feefo|"
       "stamped|loox",
       false, 1.0},
      // A shop's terms beside its product: shipping, returns, warranty,
      // payment plans, trust badges ("usps": unique selling points).
      {"shop_terms", RuleKind::kShopFurniture,
       "shipping|returns|delivery|warranty|guarantee|payment|payments|klarna|afterpay|affirm|"
       "financing|installments|trust-badges|usp|usps",
       false, 1.0},
      {"byline", RuleKind::kMeta,
       "byline|by-line|author|authors|author-name|authorname|posted-by|written-by|writer",
       false, 1.0},
      {"dateline", RuleKind::kMeta,
       "dateline|posted-on|published|timestamp|date|time|read-time|reading-time|readtime|meta|"
       "metadata|post-meta|entry-meta|article-meta",
       false, 1.0},
      {"tag_list", RuleKind::kMeta,
       "tags|tag-list|taglist|tagcloud|tag-cloud|keywords|categories|category-list|topics",
       false, 1.0},
      {"toolbar", RuleKind::kMeta,
       "toolbar|print|tools|actions|utility|bookmark|expand-link|show-more|load-more|see-more",
       false, 1.0},
      {"disclosure", RuleKind::kMeta,
       "disclaimer|disclosure|affiliate-disclosure|affiliate-disclaimer|advertiser-disclosure",
       false, 1.0},
      {"user_info", RuleKind::kMeta,
       "userinfo|user-info|user-details|user-stats|userstats|user-extras|user-title|usertitle|"
       "postprofile|poster-info|member-info|reputation|vote|votes|voting|badges|signature|"
       "topic-overview|"
       "author-bio|author-box|about-author",
       false, 1.0},
      {"caption", RuleKind::kCaption,
       "caption|figcaption|wp-caption-text|credit|credits|photo-credit|image-credit|"
       "tag:figcaption",
       false, 1.0},
      {"content_name", RuleKind::kPositive,
       "article|article-body|articlebody|article-content|post|post-body|post-content|postbody|"
       "entry|entry-content|content|main-content|story|story-body|storycontent|body|text|prose|"
       "markdown|blog-post|single",
       false, 1.0},
  };
  return kRules;
}

RuleMatcher::RuleMatcher() {
  RE2::Options opts;
  opts.set_never_capture(true);
  opts.set_log_errors(false);
  set_ = std::make_unique<RE2::Set>(opts, RE2::UNANCHORED);
  const auto& rules = rule_table();
  for (std::size_t k = 0; k < rules.size(); ++k) {
    std::string words(rules[k].words);
    // Escape nothing: words are [a-z0-9:-] by construction (tested).
    const std::string pattern = rules[k].whole_token_only
                                    ? "(?: )(?:" + words + ")(?: )"
                                    : "(?:[ -])(?:" + words + ")(?:[ -])";
    if (set_->Add(pattern, nullptr) >= 0) rule_of_pattern_.push_back(static_cast<int>(k));
  }
  set_->Compile();
}

RuleMatcher::~RuleMatcher() = default;

std::string RuleMatcher::signature(std::string_view class_attr, std::string_view id_attr) {
  class_attr = class_attr.substr(0, 1024);
  id_attr = id_attr.substr(0, 256);
  // It runs for every distinct class list of a page, long utility lists
  // included: written through a pointer into a buffer sized for the worst
  // case (a character and a '-' per input byte, a space per token, the
  // leading space), with white space told by a table.
  std::string sig(2 * (class_attr.size() + id_attr.size()) + 3, '\0');
  char* w = sig.data();
  *w++ = ' ';
  auto add_token = [&w](std::string_view token) {
    char prev = ' ';
    for (char c : token) {
      if (c >= 'A' && c <= 'Z') {
        // camelCase -> camel-case
        if (prev >= 'a' && prev <= 'z') *w++ = '-';
        *w++ = static_cast<char>(c + 32);
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        *w++ = c;
      } else if (w[-1] != ' ' && w[-1] != '-') {
        *w++ = '-';  // '_', '__' and the like separate parts
      }
      prev = c;
    }
    if (w[-1] == '-') w[-1] = ' ';
    if (w[-1] != ' ') *w++ = ' ';
  };
  // "hidden md:flex" (Tailwind and the like) hides the element on small
  // screens only and shows it from a breakpoint up: on a desktop page it is
  // shown, so its "hidden" says nothing. Such a class list is recognised by
  // a variant whose utility is a display value.
  const bool shown_by_variant = shown_at_breakpoint(class_attr);
  auto add = [&](std::string_view value) {
    const std::size_t n = value.size();
    std::size_t pos = 0;
    while (pos < n) {
      while (pos < n && kHtmlSpace.is[static_cast<unsigned char>(value[pos])]) ++pos;
      if (pos == n) break;
      std::size_t end = pos;
      bool colon = false;
      for (; end < n && !kHtmlSpace.is[static_cast<unsigned char>(value[end])]; ++end) {
        colon |= value[end] == ':';
      }
      const std::string_view token = value.substr(pos, end - pos);
      // Utility classes with a variant ("print:hidden", "md:sidebar",
      // "hover:underline") style the element only under a condition (when
      // printing, on wide screens): they do not say what it is.
      const bool conditional_hide = shown_by_variant && (token == "hidden" || token == "invisible");
      if (!colon && !conditional_hide) add_token(token);
      pos = end;
    }
  };
  add(class_attr);
  add(id_attr);
  sig.resize(static_cast<std::size_t>(w - sig.data()));
  return sig;
}

bool RuleMatcher::matches_token(std::string_view token) const {
  // A display variant ("md:flex") matches nothing itself, but it turns a
  // "hidden" beside it off (signature): the matcher reads it.
  if (shown_at_breakpoint(token)) return true;
  const std::string sig = signature(token, {});
  return sig.size() > 1 && set_->Match(sig, nullptr);
}

RuleMask RuleMatcher::match(GumboTag tag, std::string_view class_attr, std::string_view id_attr,
                            std::string_view role_attr) const {
  std::string sig = signature(class_attr, id_attr);
  if (const std::string_view w = tag_word(tag); !w.empty()) sig.append(w).push_back(' ');
  role_attr = text::trim(role_attr);
  if (!role_attr.empty() && role_attr.size() < 40) {
    sig.append("role:").append(text::to_lower_ascii(role_attr)).push_back(' ');
  }
  if (sig.size() <= 1) return 0;
  std::vector<int> hits;
  if (!set_->Match(sig, &hits)) return 0;
  RuleMask mask = 0;
  for (int h : hits) mask |= RuleMask{1} << rule_of_pattern_[h];
  return mask;
}

namespace {

// Bits of the rules of each kind, computed once from the table.
struct KindMasks {
  RuleMask by_kind[6] = {0, 0, 0, 0, 0, 0};
  KindMasks() {
    const auto& rules = rule_table();
    for (std::size_t k = 0; k < rules.size(); ++k) {
      by_kind[static_cast<int>(rules[k].kind)] |= RuleMask{1} << k;
    }
  }
};

}  // namespace

RuleMask kind_mask(RuleKind kind) noexcept {
  static const KindMasks masks;  // read-only after its thread-safe initialisation
  return masks.by_kind[static_cast<int>(kind)];
}

RuleMask rule_bit(std::string_view name) noexcept {
  const auto& rules = rule_table();
  for (std::size_t k = 0; k < rules.size(); ++k) {
    if (rules[k].name == name) return RuleMask{1} << k;
  }
  return 0;
}

bool mask_has_kind(RuleMask mask, RuleKind kind) noexcept {
  return (mask & kind_mask(kind)) != 0;
}

std::string rule_names(RuleMask mask) {
  std::string out;
  const auto& rules = rule_table();
  for (std::size_t k = 0; k < rules.size(); ++k) {
    if (!(mask & (RuleMask{1} << k))) continue;
    if (!out.empty()) out.push_back(',');
    out.append(rules[k].name);
  }
  return out;
}

}  // namespace thresher::content
