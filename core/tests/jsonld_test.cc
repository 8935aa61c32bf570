#include "fields/jsonld.h"

#include <gtest/gtest.h>

namespace thresher::fields {

constexpr JsonLdLimits kLimits{1 << 20, 64, 64};

TEST(JsonLd, GraphWithArticleAndNestedAuthor) {
  const std::string block = R"({"@context":"https://schema.org","@graph":[
    {"@type":"WebSite","name":"Example Site"},
    {"@type":"NewsArticle","headline":"A headline","datePublished":"2023-03-02T10:00:00Z",
     "author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],
     "publisher":{"@type":"Organization","name":"Example Corp"},
     "keywords":"one, two ,three","articleSection":"Politics","image":{"url":"https://x/i.jpg"}}]})";
  const JsonLdFields f = parse_jsonld({block}, kLimits);
  EXPECT_EQ(f.type, "NewsArticle");
  EXPECT_EQ(f.headline, "A headline");
  EXPECT_EQ(f.authors, (std::vector<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_EQ(f.date_published, "2023-03-02T10:00:00Z");
  EXPECT_EQ(f.publisher, "Example Corp");
  EXPECT_EQ(f.website_name, "Example Site");
  EXPECT_EQ(f.keywords, (std::vector<std::string>{"one", "two", "three"}));
  EXPECT_EQ(f.sections, std::vector<std::string>{"Politics"});
  EXPECT_EQ(f.image, "https://x/i.jpg");
}

TEST(JsonLd, AuthorAndPublisherByReference) {
  const std::string block = R"({"@graph":[
    {"@type":"Article","headline":"H","author":{"@id":"https://x/#/person/1"},
     "publisher":{"@id":"https://x/#org"}},
    {"@type":"Person","@id":"https://x/#/person/1","name":"Albert Swann"},
    {"@type":"Organization","@id":"https://x/#org","name":"Motor Site"}]})";
  const JsonLdFields f = parse_jsonld({block}, kLimits);
  EXPECT_EQ(f.authors, std::vector<std::string>{"Albert Swann"});
  EXPECT_EQ(f.publisher, "Motor Site");
  // A reference to nothing names nobody (not its @id URL).
  const JsonLdFields g = parse_jsonld({R"({"@type":"Article","author":{"@id":"https://x/#nobody"}})"}, kLimits);
  EXPECT_TRUE(g.authors.empty());
}

TEST(JsonLd, PageItemTakesWhatItLacksFromItsMainEntity) {
  const JsonLdFields f = parse_jsonld({R"({"@type":"QAPage","name":"Is it worth it?",
    "mainEntity":{"@type":"Question","name":"Is it worth it?","dateCreated":"2023-08-13 13:21",
      "author":{"@type":"Person","name":"AtlanG"},
      "acceptedAnswer":{"@type":"Answer","author":{"@type":"Person","name":"Someone Else"}}}})"},
                                      kLimits);
  EXPECT_EQ(f.type, "QAPage");
  EXPECT_EQ(f.authors, std::vector<std::string>{"AtlanG"});
  EXPECT_EQ(f.date_published, "2023-08-13 13:21");
  // What the page item has itself stays.
  const JsonLdFields g = parse_jsonld({R"({"@type":"QAPage","author":"Page Author",
    "mainEntity":{"@type":"Question","author":"Asker"}})"},
                                      kLimits);
  EXPECT_EQ(g.authors, std::vector<std::string>{"Page Author"});
}

TEST(JsonLd, MalformedBlocksAreSkipped) {
  const JsonLdFields f = parse_jsonld({"{not json", R"([{"@type":"BlogPosting","headline":"Ok"}])"}, kLimits);
  EXPECT_EQ(f.headline, "Ok");
}

TEST(JsonLd, TooDeepOrTooLargeIsSkipped) {
  std::string deep;
  for (int k = 0; k < 100; ++k) deep += "[";
  deep += R"({"@type":"Article","headline":"deep"})";
  for (int k = 0; k < 100; ++k) deep += "]";
  EXPECT_EQ(parse_jsonld({deep}, kLimits).headline, "");
  const std::string big = R"({"@type":"Article","headline":"big"})";
  EXPECT_EQ(parse_jsonld({big}, {10, 64, 64}).headline, "");
}

TEST(JsonLd, AuthorAsPlainString) {
  const JsonLdFields f = parse_jsonld({R"({"@type":"Article","author":"Jane Doe"})"}, kLimits);
  EXPECT_EQ(f.authors, std::vector<std::string>{"Jane Doe"});
}

}  // namespace thresher::fields
