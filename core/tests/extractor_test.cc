// End to end on the seed page and its variants from corpus/.
#include "thresher/batch.h"
#include "thresher/extractor.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <thread>

#include "dom/text_util.h"
#include "test_util.h"

namespace thresher {

struct Page {
  std::string html;
  nlohmann::json gold;
};

Page load(const std::string& id) {
  const std::string dir = testing::source_path("corpus/pages/" + id + "/");
  Page p;
  p.html = testing::read_file(dir + "page.html.gz");
  const std::string gold = testing::read_file(dir + "expected.json");
  if (!gold.empty()) p.gold = nlohmann::json::parse(gold);
  return p;
}

void expect_seed_text(const std::string& id, bool check_fields) {
  const Page page = load(id);
  ASSERT_FALSE(page.html.empty()) << id;
  const Extractor ex;
  auto r = ex.extract(page.html, page.gold["url"].get<std::string>());
  ASSERT_TRUE(r) << r.error().message;
  const Document& d = r.value();
  const std::string text = text::collapse_whitespace(d.text);
  std::size_t pos = 0;
  for (const auto& para : page.gold["with"]) {
    const std::string p = text::collapse_whitespace(para.get<std::string>());
    const std::size_t at = text.find(p, pos);
    ASSERT_NE(at, std::string::npos) << id << ": missing or out of order: " << p;
    pos = at + p.size();
  }
  for (const auto& bad : page.gold["without"]) {
    EXPECT_EQ(d.text.find(bad.get<std::string>()), std::string::npos) << id << ": leaked " << bad;
  }
  if (!check_fields) return;
  const auto& f = page.gold["fields"];
  EXPECT_EQ(d.title, f["title"]);
  EXPECT_EQ(d.author, f["author"]);
  EXPECT_EQ(d.date, f["date"]);
  EXPECT_EQ(d.sitename, f["sitename"]);
  EXPECT_EQ(d.description, f["description"]);
  EXPECT_EQ(d.language, f["language"]);
  EXPECT_EQ(d.categories, f["categories"].get<std::vector<std::string>>());
  EXPECT_EQ(d.tags, f["tags"].get<std::vector<std::string>>());
}

TEST(Extractor, SeedPageWordForWord) { expect_seed_text("seed-almayadeen-zakharova", true); }
TEST(Extractor, SeedWithOtherTicker) { expect_seed_text("seed-almayadeen-zakharova-ticker2", true); }
TEST(Extractor, SeedWithHashedClassNames) { expect_seed_text("seed-almayadeen-zakharova-hashed", false); }

TEST(Extractor, TickerVariantGivesIdenticalText) {
  const Extractor ex;
  auto a = ex.extract(load("seed-almayadeen-zakharova").html);
  auto b = ex.extract(load("seed-almayadeen-zakharova-ticker2").html);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a.value().text, b.value().text);
}

TEST(Extractor, HiddenStreamedContentIsReadWhenNothingElseIs) {
  std::string para = "<p>A paragraph of streamed article text, long enough to count, with commas, and a stop.</p>";
  std::string html = "<body><div id=shell><a href=/>Home</a></div><div hidden id=\"S:0\">";
  for (int k = 0; k < 5; ++k) html += para;
  html += "</div></body>";
  const Extractor ex;
  auto r = ex.extract(html);
  ASSERT_TRUE(r);
  EXPECT_NE(r.value().text.find("streamed article text"), std::string::npos);
}

TEST(Extractor, ServicePageTakesItsDeclaredTitleOverAHeroH1) {
  const std::string html = R"(<head><title>Travel Insurance | Insurer</title>
    <meta property=og:type content=article></head><body><main>
    <h1>Get a travel insurance quote and protect your next trip</h1>
    <p>Cover for medical costs, cancelled flights and lost luggage, wherever you go, for a price you choose.</p>
    <p>Ask for a quote online in minutes, or call us: our agents answer around the clock, every day.</p>
    </main></body>)";
  const Extractor ex;
  auto r = ex.extract(html, "https://insurer.example/travel");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().page_type, "service");
  EXPECT_EQ(r.value().title, "Travel Insurance");
}

TEST(Extractor, ArticleTakesItsDeclaredTitleOverAShortLabelH1) {
  const std::string html = R"(<head><title>How To Get Toddlers To Sleep In Their Own Bed | Baby Site</title>
    <meta property=og:type content=article>
    <meta property=article:published_time content=2025-03-02T10:00:00Z></head><body><main>
    <h1>Toddler Sleep Training</h1>
    <p>Moving a toddler from your bed to their own takes patience, a routine and a few weeks of practice.</p>
    <p>Start with a calm bedtime: a bath, a story, the same song, and lights out at the same hour each night.</p>
    </main></body>)";
  const Extractor ex;
  auto r = ex.extract(html, "https://baby.example/sleep/toddlers-own-bed");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().page_type, "article");
  EXPECT_EQ(r.value().title, "How To Get Toddlers To Sleep In Their Own Bed");
}

TEST(Extractor, ListingItemsAfterOneBlurbAreKept) {
  // A news category page read as a list of links: the first item has a
  // sentence-long blurb, the others only their headlines. Trimming the
  // edges around that one sentence would drop every later item.
  std::string html = "<body><nav><a href=/a>Home</a> <a href=/b>Science</a></nav><main><div id=river>"
                     "<div><a href=/s0><h3>First story headline here</h3></a>"
                     "<p>A recent study suggests that people who read more lists live longer lives.</p></div>";
  for (int k = 1; k < 12; ++k) {
    html += "<div><a href=/s" + std::to_string(k) + "><h3>Later story number " + std::to_string(k) +
            "</h3></a><span>Reporter " + std::to_string(k) + "</span></div>";
  }
  html += "</div></main></body>";
  const Extractor ex;
  auto r = ex.extract(html);
  ASSERT_TRUE(r);
  const std::string& text = r.value().text;
  EXPECT_NE(text.find("First story headline"), std::string::npos);
  EXPECT_NE(text.find("Later story number 11"), std::string::npos) << text;
}

TEST(Extractor, UnannouncedThreadKeepsItsComments) {
  // A link aggregator's story page: a title link, then comment sections
  // holding nearly all the text, at a URL naming no thread.
  std::string html = "<body><nav><a href=/>Home</a> <a href=/new>New</a></nav><div id=inside>"
                     "<div class=story><a href=https://example.org/post>A story title linking out</a></div>"
                     "<ol class=comments>";
  for (int k = 0; k < 10; ++k) {
    html += "<li class=comment><div class=details><a href=/u" + std::to_string(k) +
            ">user" + std::to_string(k) + "</a> <p>Reply number " + std::to_string(k) +
            " says something thoughtful about the story, at length, with commas, and a stop.</p></div></li>";
  }
  html += "</ol></div></body>";
  const Extractor ex;
  auto r = ex.extract(html, "https://news.example.com/s/abc123/a_story_title");
  ASSERT_TRUE(r);
  EXPECT_NE(r.value().text.find("Reply number 9 says"), std::string::npos) << r.value().text;
  EXPECT_EQ(r.value().page_type, "forum") << ::testing::PrintToString(r.value().diagnostics.rules_fired);
}

TEST(Extractor, ArticleCommentsStayOutEvenWhenLong) {
  // A real article beside long comments: the article is the content.
  std::string html = "<body><article id=story>";
  for (int k = 0; k < 8; ++k) {
    html += "<p>Article paragraph " + std::to_string(k) +
            " with enough words to be prose, commas, clauses, and a final stop.</p>";
  }
  html += "</article><div class=comments>";
  for (int k = 0; k < 12; ++k) {
    html += "<div class=comment><p>Comment number " + std::to_string(k) +
            " disagrees with the article, at length, with commas, and a stop.</p></div>";
  }
  html += "</div></body>";
  const Extractor ex;
  auto r = ex.extract(html, "https://example.com/2024/05/some-story");
  ASSERT_TRUE(r);
  EXPECT_NE(r.value().text.find("Article paragraph 7"), std::string::npos);
  EXPECT_EQ(r.value().text.find("Comment number"), std::string::npos) << r.value().text;
}

TEST(Extractor, ALogoAndASearchPromptAreNoContent) {
  // A shell that a script fills: nothing but the logo and a search prompt.
  const Extractor ex;
  std::string html = "<body><nav>";
  for (int k = 0; k < 12; ++k) html += "<a href=/c" + std::to_string(k) + ">Category number " + std::to_string(k) + "</a> ";
  html += "</nav><div><a href=/>Shopname</a><div><span>I'm shopping for...</span></div>"
          "<div id=root></div></div><footer><a href=/help>Help Center, Disputes and Reports</a> "
          "<a href=/terms>Terms of use</a></footer></body>";
  auto r = ex.extract(html);
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().text, "");
  EXPECT_NE(r.value().diagnostics.empty_reason.find("not main content"), std::string::npos)
      << r.value().diagnostics.empty_reason << r.value().text;
  // A page that shows only a line keeps it.
  auto small = ex.extract("<body><p>Test</p></body>");
  ASSERT_TRUE(small);
  EXPECT_EQ(small.value().text, "Test");
}

TEST(Extractor, ProductDescriptionFromJsonLdWhenThePageHidesIt) {
  const std::string ld =
      "<script type=application/ld+json>{\"@context\":\"https://schema.org\",\"@type\":\"Product\","
      "\"name\":\"Trail Shirt\",\"description\":\"A light shirt for long days on the trail, "
      "it's quick to dry and soft on the skin.\"}</script>";
  std::string body = "<body><main><h1>Trail Shirt</h1><p>Made from recycled fibres, with a relaxed fit "
                     "that layers well, in six colours, for every season of the year.</p>";
  const Extractor ex;
  auto hidden = ex.extract("<html><head>" + ld + "</head>" + body + "</main></body></html>",
                           "https://shop.example.com/products/trail-shirt");
  ASSERT_TRUE(hidden);
  EXPECT_EQ(hidden.value().page_type, "product");
  EXPECT_NE(hidden.value().text.find("quick to dry"), std::string::npos) << hidden.value().text;
  // Shown already, with a typographic apostrophe: not added twice.
  auto shown = ex.extract("<html><head>" + ld + "</head>" + body +
                              "<p>A light shirt for long days on the trail, it\u2019s quick to dry and "
                              "soft on the skin.</p></main></body></html>",
                          "https://shop.example.com/products/trail-shirt");
  ASSERT_TRUE(shown);
  const std::string& text = shown.value().text;
  EXPECT_EQ(text.find("quick to dry"), text.rfind("quick to dry")) << text;
}

TEST(Extractor, HiddenMenusStayOutOfVisibleContent) {
  // A popover too (the prescan keeps that attribute); a closed tab panel
  // is content.
  std::string html = "<body><div hidden><p>Hidden menu text that should not appear, even if long.</p></div>"
                     "<div popover><p>Tap the Share icon and add this app to your home screen, now.</p></div><article>";
  for (int k = 0; k < 5; ++k) html += "<p>Visible article text, long enough to count, with commas, and a stop.</p>";
  html += "<div role=tabpanel hidden><p>Specifications behind a tab.</p></div></article></body>";
  const Extractor ex;
  auto r = ex.extract(html);
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().text.find("Hidden menu"), std::string::npos);
  EXPECT_EQ(r.value().text.find("Share icon"), std::string::npos);
  EXPECT_NE(r.value().text.find("Specifications behind a tab"), std::string::npos);
  EXPECT_NE(r.value().text.find("Visible article text"), std::string::npos);
}

TEST(Extractor, BatchKeepsOrderAndIsolatesFailures) {
  Options o;
  o.max_input_bytes = 200;
  const Extractor ex(o);
  const std::string big(500, 'x');
  std::vector<std::string> pages;
  for (int k = 0; k < 40; ++k) {
    pages.push_back(k % 7 == 3 ? big : "<p>Page number " + std::to_string(k) + " has text.</p>");
  }
  std::vector<BatchItem> items;
  for (const auto& p : pages) items.push_back({p, {}, {}});
  for (unsigned threads : {1u, 2u, 0u}) {
    auto results = extract_batch(ex, items, threads);
    ASSERT_EQ(results.size(), items.size());
    for (std::size_t k = 0; k < results.size(); ++k) {
      if (k % 7 == 3) {
        ASSERT_FALSE(results[k]);
        EXPECT_EQ(results[k].error().code, ErrorCode::kInputTooLarge);
      } else {
        ASSERT_TRUE(results[k]);
        EXPECT_NE(results[k].value().text.find("Page number " + std::to_string(k) + " "), std::string::npos);
      }
    }
  }
  EXPECT_TRUE(extract_batch(ex, {}, 2).empty());
}

TEST(Extractor, MarkdownAndHtmlKeepStructure) {
  const std::string html =
      "<body><article><h2>Section</h2><p>Some <b>bold</b> text with a <a href='/x'>link</a>, "
      "long enough to be prose, really.</p><ol><li>one</li><li>two</li></ol>"
      "<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></table>"
      "<pre>code  here</pre></article></body>";
  Options o;
  o.output_format = OutputFormat::kMarkdown;
  o.include_links = true;
  auto md = Extractor(o).extract(html);
  ASSERT_TRUE(md);
  const std::string& m = md.value().markdown;
  EXPECT_NE(m.find("## Section"), std::string::npos) << m;
  EXPECT_NE(m.find("**bold**"), std::string::npos) << m;
  EXPECT_NE(m.find("[link](/x)"), std::string::npos) << m;
  EXPECT_NE(m.find("1. one\n1. two"), std::string::npos) << m;
  EXPECT_NE(m.find("| k | v |\n| --- | --- |\n| a | 1 |"), std::string::npos) << m;
  EXPECT_NE(m.find("```\ncode  here\n```"), std::string::npos) << m;
  EXPECT_EQ(md.value().text.find("**"), std::string::npos);
  o.output_format = OutputFormat::kHtml;
  auto h = Extractor(o).extract(html);
  ASSERT_TRUE(h);
  EXPECT_NE(h.value().html.find("<h2>Section</h2>"), std::string::npos) << h.value().html;
  EXPECT_NE(h.value().html.find("<ol><li>one</li><li>two</li></ol>"), std::string::npos);
  EXPECT_NE(h.value().html.find("<tr><td>a</td><td>1</td></tr>"), std::string::npos);
}

TEST(Extractor, BinaryInputIsNotHtml) {
  const Extractor ex;
  auto r = ex.extract("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotHtml);
  EXPECT_NE(r.error().message.find("PDF"), std::string::npos);
}

TEST(Extractor, TreeMemoryBudgetIsAClearError) {
  Options o;
  o.max_tree_bytes = 1 << 20;
  std::string html;
  for (int k = 0; k < 50000; ++k) html += "<p>paragraph</p>";
  auto r = Extractor(o).extract(html);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kLimitExceeded);
  EXPECT_NE(r.error().message.find("max_tree_bytes"), std::string::npos);
}

TEST(Extractor, InputLimitIsAClearError) {
  Options o;
  o.max_input_bytes = 10;
  const Extractor ex(o);
  auto r = ex.extract("<p>more than ten bytes</p>");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInputTooLarge);
  EXPECT_NE(r.error().message.find("max_input_bytes"), std::string::npos);
}

TEST(Extractor, EmptyAndJunkInputGiveEmptyDocuments) {
  const Extractor ex;
  for (const std::string& input : {std::string(), std::string("\0\0\xFF\xFE", 4), std::string("plain words")}) {
    auto r = ex.extract(input);
    ASSERT_TRUE(r);
  }
  auto r = ex.extract("");
  EXPECT_TRUE(r.value().text.empty());
}

TEST(Extractor, SharedAcrossThreadsGivesIdenticalResults) {
  const Page page = load("seed-almayadeen-zakharova");
  const Extractor ex;
  const std::string expected = ex.extract(page.html).value().text;
  std::vector<std::thread> threads;
  std::vector<std::string> got(4);
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int n = 0; n < 5; ++n) got[k] = ex.extract(page.html).value().text;
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& g : got) EXPECT_EQ(g, expected);
}

}  // namespace thresher

namespace thresher {

TEST(Extractor, CommentSectionsBesideTheArticleGoToComments) {
  const std::string prose = "<p>This paragraph is prose of the article, long enough, with commas.</p>";
  const std::string html = "<body><article>" + prose + prose + prose +
                           "</article><section class='comments'><div class='comment'><p>A reader "
                           "wrote this comment, at length.</p></div></section></body>";
  Options o;
  o.include_comments = true;
  auto on = Extractor(o).extract(html);
  ASSERT_TRUE(on);
  EXPECT_NE(on.value().comments.find("A reader wrote this comment"), std::string::npos);
  EXPECT_EQ(on.value().text.find("A reader"), std::string::npos);
  auto off = Extractor().extract(html);
  ASSERT_TRUE(off);
  EXPECT_TRUE(off.value().comments.empty());
}

TEST(Extractor, IncludeTablesOffDropsDataTablesButNotLayoutTables) {
  const std::string prose = "<p>This paragraph is prose of the article, long enough, with commas.</p>";
  const std::string data = "<table><tr><th>Metal</th><th>Price</th></tr><tr><td>Gold</td><td>1900</td></tr></table>";
  const std::string layout = "<table><tr><td><p>Layout cell prose, long enough, with commas, here.</p></td></tr></table>";
  Options o;
  o.include_tables = false;
  auto r = Extractor(o).extract("<body><article>" + prose + data + layout + prose + "</article></body>");
  ASSERT_TRUE(r);
  EXPECT_EQ(r.value().text.find("Gold"), std::string::npos);
  EXPECT_NE(r.value().text.find("Layout cell prose"), std::string::npos);
}

// Class words read through the pre-scan's filter: "meta" (dateline rule)
// and "caption" on a landing page's cards are layout names there.
TEST(Extractor, CardSectionsNamedMetaOrCaptionStay) {
  const std::string intro =
      "<p>We connect your home with fast internet, mobile plans and television, all in one place.</p>";
  const std::string card =
      "<section class=\"hx-meta-block-section\"><h3>Live TV</h3>"
      "<div class=\"hx-text-caption\">Explore channels and packages with us</div></section>";
  const std::string figure =
      "<div><img src=\"a.jpg\"><div class=\"photo-caption\">A photo of the team</div></div>";
  auto r = Extractor().extract("<body><main>" + intro + card + figure + intro + "</main></body>");
  ASSERT_TRUE(r);
  const std::string& text = r.value().text;
  EXPECT_NE(text.find("Live TV"), std::string::npos) << text;
  EXPECT_NE(text.find("Explore channels and packages"), std::string::npos) << text;
  EXPECT_EQ(text.find("A photo of the team"), std::string::npos) << text;
}

}  // namespace thresher

namespace thresher {

TEST(Extractor, ProductPagesHaveNoPublicationDate) {
  const std::string ld =
      R"(<script type="application/ld+json">{"@type":"WebPage","datePublished":"2021-03-04"}</script>)";
  const std::string body =
      "<p>This mug holds coffee, tea and more, and it is long enough prose, with commas.</p>"
      "<p>Price $12.00</p><button>Add to cart</button>";
  const Extractor ex;
  auto product = ex.extract("<html><head>" + ld + "</head><body><main>" + body + "</main></body></html>",
                            "https://shop.example/products/blue-mug");
  ASSERT_TRUE(product);
  EXPECT_EQ(product.value().page_type, "product");
  EXPECT_TRUE(product.value().date.empty());
  auto story = ex.extract("<html><head>" + ld + "</head><body><article>" + body + body + body +
                              "</article></body></html>",
                          "https://news.example/2021/03/04/mugs-are-back");
  ASSERT_TRUE(story);
  EXPECT_EQ(story.value().date, "2021-03-04");
}

}  // namespace thresher

namespace thresher {

TEST(Extractor, ProductPageBylinesAreReviewers) {
  const std::string body =
      "<p>This mug holds coffee, tea and more, and it is long enough prose, with commas.</p>"
      "<p>Price $12.00</p><button>Add to cart</button><div><p>By Ash Carter</p><p>Great mug.</p></div>";
  const Extractor ex;
  auto product = ex.extract("<html><body><main>" + body + "</main></body></html>",
                            "https://shop.example/products/blue-mug");
  ASSERT_TRUE(product);
  EXPECT_EQ(product.value().page_type, "product");
  EXPECT_TRUE(product.value().author.empty());
  // The same byline on an article is its author.
  auto story = ex.extract("<html><body><article><h1>Mugs are back this year</h1><p>By Ash Carter</p>" +
                              std::string(3, ' ') + "<p>Mugs are back, and long prose says so, with commas, "
                              "many words and more words about the mugs of this year.</p></article></body></html>",
                          "https://news.example/2021/03/04/mugs-are-back");
  ASSERT_TRUE(story);
  EXPECT_EQ(story.value().author, "Ash Carter");
}

TEST(Extractor, ProductPagesHaveNoDeclaredAuthorEither) {
  // <meta name=author> on a shop page names the brand.
  const std::string body =
      "<p>This mug holds coffee, tea and more, and it is long enough prose, with commas.</p>"
      "<p>Price $12.00</p><button>Add to cart</button>";
  const Extractor ex;
  auto product = ex.extract("<html><head><meta name=author content='Mug Makers'></head><body><main>" + body +
                                "</main></body></html>",
                            "https://shop.example/products/blue-mug");
  ASSERT_TRUE(product);
  EXPECT_EQ(product.value().page_type, "product");
  EXPECT_TRUE(product.value().author.empty());
}

}  // namespace thresher

namespace thresher {

TEST(Extractor, IndexCutBeforeTheBodyGivesAnEmptyDocument) {
  // max_nodes reached inside <head>: no <body> in the index. Every stage
  // (page type included) must cope and say why the text is empty.
  Options o;
  o.max_nodes = 8;
  const Extractor ex(o);
  std::string head = "<html><head>";
  for (int k = 0; k < 20; ++k) head += "<meta name=m" + std::to_string(k) + " content=x>";
  auto r = ex.extract(head + "<title>T</title></head><body><p>Text, with commas, and a stop.</p></body></html>");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r.value().text.empty());
  EXPECT_FALSE(r.value().diagnostics.empty_reason.empty());
}

}  // namespace thresher
