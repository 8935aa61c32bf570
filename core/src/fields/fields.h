// Stage: document fields (title, author, date, site name, description,
// categories, tags, language, image, canonical URL), from the page's
// declarations first (JSON-LD, OpenGraph/article meta, microdata), then the
// visible page (headline, bylines, <time>, date lines, tag links), then the
// URL. Each field records which source won in Diagnostics::field_sources.
#pragma once

#include <string_view>
#include <vector>

#include "content/blocks.h"
#include "dom/node_index.h"
#include "thresher/document.h"
#include "thresher/options.h"

namespace thresher::fields {

// Where the author came from: the page-type stage keeps some only on
// articles and threads.
enum class AuthorOrigin { kNone, kDeclared, kSiteName, kVisible };

// What the page declares about its kind, for the content stage.
struct PageKind {
  std::string schema_type;  // schema.org @type of the main JSON-LD item, "" if none
  std::string og_type;      // og:type, lower-cased
  std::vector<std::string> schema_types;  // every JSON-LD @type on the page
  std::size_t itemprop_prices = 0;        // microdata itemprop=price (elements and <meta>)
  AuthorOrigin author_origin = AuthorOrigin::kNone;
  // When the title is an <h1> that no declared title agrees with: the title
  // the page declares (site name cut), else "".
  std::string declared_title;
  // When that <h1> reads as a label of the declared title (reads_as_label):
  // the declared title, else "". Off a catalogue or a list of links, whose
  // <h1> names the category, it is the headline.
  std::string label_over_title;
  // The JSON-LD description of the page's main item when it is a Product:
  // what a shop's page may show only behind a tab, a drawer or a script.
  std::string product_description;
};

// Fills the field members of `doc` (not text).
PageKind extract_fields(const dom::NodeIndex& index,
                        const std::vector<content::NodeFeatures>& features,
                        std::string_view page_url, const Options& options, Document& doc);

// A class or id naming a user or poster ("username", "post-author",
// vBulletin's "bigusername"): where a thread's first poster is named.
inline constexpr const char* kUserClassPattern =
    R"((?i)(?:^|[\s_-])(?:user|username|user-?name|user-?details|author|author-?name|poster|post-?author|postauthor|)"
    R"(nick|nickname|display-?name|message-?author|user-?link)(?:$|[\s_-])|)"
    // Glued to a prefix: vBulletin's "bigusername", Flarum's "PostUser-name".
    R"(\w*(?:username|postuser))";
bool names_user(std::string_view class_or_id);

// "Headline | Site" -> "Headline" (the part that is not the site's name).
// The site is `sitename`, or a part spelling a label of `hostname`.
std::string strip_site_suffix(std::string_view title, std::string_view sitename,
                              std::string_view hostname = {});

// "Headline – Artlyst" -> "Headline" when the part after the last
// separator is exactly the site's name (`sitename`, or a label of
// `hostname`); else `title`. Unlike strip_site_suffix it cuts nothing else:
// it is for an <h1>, whose other parts are the headline's own.
std::string without_trailing_site(const std::string& title, std::string_view sitename,
                                  std::string_view hostname = {});

// "Headline | Top 19 Companies" -> "Headline": a title (an <h1> too) that
// still holds a " | " after the site name was cut is a headline and its
// decoration; the headline comes first. Kept whole when the first part is
// a single word. " - " is not cut: "Headline - subtitle" is as often the
// whole headline (measured on WCXB, Readability's and trafilatura's pages).
std::string headline_part(std::string_view title);

// en_US / EN-us -> en-US
std::string normalize_language(std::string_view tag);

}  // namespace thresher::fields
