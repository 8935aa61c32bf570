#include "fields/fields.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::fields {
using testing::Indexed;

Document fields_of(const std::string& html, const std::string& url = "https://example.com/news/world/story-1") {
  Indexed t(html);
  Document doc;
  extract_fields(*t.index, t.features, url, Options{}, doc);
  return doc;
}

TEST(Fields, StripSiteSuffix) {
  EXPECT_EQ(strip_site_suffix("Headline here | Example", "Example"), "Headline here");
  EXPECT_EQ(strip_site_suffix("Example - Headline about things", "Example"), "Headline about things");
  EXPECT_EQ(strip_site_suffix("A long headline about many things – Site", ""), "A long headline about many things");
  EXPECT_EQ(strip_site_suffix("No separator here", "Example"), "No separator here");
  // Site name and section both go; then the headline, first, stays.
  EXPECT_EQ(strip_site_suffix("Build your first app | Get started | Android Developers", "Android Developers"),
            "Build your first app");
  EXPECT_EQ(strip_site_suffix("Models | Django documentation | Django", ""), "Models");
  EXPECT_EQ(strip_site_suffix("Oak tables and chairs - New in - Living room - Brand", "Brand"),
            "Oak tables and chairs");
}

TEST(Fields, StripSiteSuffixKeepsAShortHeadlineBeforeTheSite) {
  // Without a known site name, the short first part is the headline.
  EXPECT_EQ(strip_site_suffix("Fields - Pydantic Validation", ""), "Fields");
  EXPECT_EQ(strip_site_suffix("Kayaks | REI Co-op", "REI"), "Kayaks");
  EXPECT_EQ(strip_site_suffix("Flexbox - Learn web development | MDN", "MDN Web Docs"), "Flexbox");
}

TEST(Fields, StripSiteSuffixKnowsTheSiteByItsHost) {
  EXPECT_EQ(strip_site_suffix("seelenradio - Nummer zwei: Leo", "", "www.seelenradio.de"), "Nummer zwei: Leo");
  EXPECT_EQ(strip_site_suffix("Todoist | A To-Do List to Organize Your Work", "", "todoist.com"),
            "A To-Do List to Organize Your Work");
  // Only a whole label of three letters or more counts.
  EXPECT_EQ(strip_site_suffix("Do | Something else entirely", "", "do.com"), "Do");
  EXPECT_EQ(strip_site_suffix("Todo | A To-Do List to Organize Your Work", "", "todoist.com"), "Todo");
}

TEST(Fields, StripSiteSuffixDropsPhpbbsViewTopicLabel) {
  EXPECT_EQ(strip_site_suffix("NationStates \u2022 View topic - 2025-26 Season: MLS is Back!", "",
                              "forum.nationstates.net"),
            "2025-26 Season: MLS is Back!");
  EXPECT_EQ(strip_site_suffix("Some Forum - View topic - Which GPU for gaming?", "Some Forum"), "Which GPU for gaming?");
}

TEST(Fields, WithoutTrailingSite) {
  EXPECT_EQ(without_trailing_site("Critics\u2019 Choice: Best UK Art Exhibitions 2025 \u2013 Artlyst", "Artlyst"),
            "Critics\u2019 Choice: Best UK Art Exhibitions 2025");
  EXPECT_EQ(without_trailing_site("Zero Waste Guide - Eartheasy", "", "eartheasy.com"), "Zero Waste Guide");
  // Only the site's own name: a subtitle, a site named at the front, or a
  // single part stay.
  EXPECT_EQ(without_trailing_site("Gym Workouts for Beginners - Strength Training", "Gold's Gym"),
            "Gym Workouts for Beginners - Strength Training");
  EXPECT_EQ(without_trailing_site("Artlyst - Best UK Art Exhibitions", "Artlyst"), "Artlyst - Best UK Art Exhibitions");
  EXPECT_EQ(without_trailing_site("Artlyst", "Artlyst"), "Artlyst");
}

TEST(Fields, H1AgreeingWithTheTitleLosesTheSiteNameAfterIt) {
  const Document d = fields_of(R"(<head><title>Best Exhibitions 2025 - Artlyst - Artlyst</title>
    <meta property="og:site_name" content="Artlyst"></head>
    <body><main><h1>Best Exhibitions 2025 - Artlyst</h1><p>Text of the review.</p></main></body>)");
  EXPECT_EQ(d.title, "Best Exhibitions 2025");
}

TEST(Fields, UndeclaredH1SharingNoWordWithTheTitleIsNotTheHeadline) {
  const Document d = fields_of(R"(<head><title>What Are the Top Rental Car Companies of 2025?</title>
    <meta property=og:type content=article></head><body><main><h1>Travel Excursions Blog</h1>
    <p>Text about cars.</p></main></body>)");
  EXPECT_EQ(d.title, "What Are the Top Rental Car Companies of 2025?");
  // Sharing some words, it is still the headline a reader sees.
  const Document e = fields_of(R"(<head><title>Top Rental Car Companies | Cars</title>
    <meta property=og:type content=article></head><body><main><h1>The rental companies we tested in 2025</h1>
    <p>Text about cars.</p></main></body>)");
  EXPECT_EQ(e.title, "The rental companies we tested in 2025");
}

TEST(Fields, H1NamingTheSiteIsItsLogo) {
  // The <h1> spells a label of the host: the forum's logo over a thread.
  const Document d = fields_of(R"(<head><title>What happened with the ISO in 2024 / Discussion / Example Linux Forums</title>
    </head><body><h1>Example Linux</h1><main><p>The ISO changed its layout and the old guide broke.</p></main></body>)",
                               "https://bbs.examplelinux.org/viewtopic.php?id=1");
  EXPECT_EQ(d.title, "What happened with the ISO in 2024");
  // The <h1> is the part of the <title> after the headline: the blog's name.
  const Document e = fields_of(R"(<head><title>Reflections on building a UI pipeline - Part 1 | Playful Notes</title>
    </head><body><h1>Playful Notes</h1><main><p>We build user interfaces for audio plug-ins.</p></main></body>)",
                               "https://blog.example/ui-pipeline");
  EXPECT_EQ(e.title, "Reflections on building a UI pipeline");
  // "Section | Headline": the <h1> in the last part is the headline.
  const Document f = fields_of(R"(<head><title>News | Elder: from the ghetto to Augusta</title>
    </head><body><main><h1>Elder: from the ghetto to Augusta</h1><p>He won the tournament.</p></main></body>)",
                               "https://golf.example/news/elder");
  EXPECT_EQ(f.title, "Elder: from the ghetto to Augusta");
}

TEST(Fields, UndeclaredH1WithALeadBeforeTheDeclaredTitle) {
  // The <h1> carries a date (or a kicker) in front of the declared title;
  // they do not agree word for word, yet the declared title is the headline.
  const Document d = fields_of(R"(<head><title>Preparing a transition in Debusine | Colin's blog</title>
    <meta property=og:title content="Preparing a transition in Debusine"><meta property=og:type content=article>
    </head><body><main><h1>Dec 18 2025 Preparing a transition in Debusine</h1><p>We moved the workers.</p></main></body>)",
                               "https://blog.example/2025/12/18/transition");
  EXPECT_EQ(d.title, "Preparing a transition in Debusine");
}

TEST(Fields, HomeLabelIsNotTheHeadline) {
  EXPECT_EQ(strip_site_suffix("Home - The Example Blog", ""), "The Example Blog");
  EXPECT_EQ(strip_site_suffix("Startseite | Beispiel Verlag", ""), "Beispiel Verlag");
  EXPECT_EQ(strip_site_suffix("Home Cooking Basics | Example", ""), "Home Cooking Basics");
  const Document d = fields_of(R"(<head><title>Home - The Example Blog</title><meta property=og:title content="Home">
    <script type="application/ld+json">{"@type":"WebPage","headline":"Home"}</script></head><body><main><h2>Latest posts</h2><p>Posts about code.</p></main></body>)",
                               "https://blog.example/");
  EXPECT_EQ(d.title, "The Example Blog");
}

TEST(Fields, OneSlashIsPartOfTheHeadline) {
  EXPECT_EQ(strip_site_suffix("Tech conferences in Americas 2026 / 2027", ""), "Tech conferences in Americas 2026 / 2027");
  EXPECT_EQ(strip_site_suffix("Subject of the thread / Board / Forums", ""), "Subject of the thread");
}

TEST(Fields, TitleLosesSoftHyphens) {
  const Document d = fields_of("<head><title>Home Repair Program | City</title></head><body><main>"
                               "<h1>Home Repair Assis\u00ADtance Program</h1><p>Grants for repairs.</p></main></body>",
                               "https://city.example/home-repair");
  EXPECT_EQ(d.title, "Home Repair Assistance Program");
}

TEST(Fields, DatedPageIsNotAnArticleForAnUndeclaredH1) {
  // A shop's or a service's JSON-LD dates the page; its hero <h1> is a
  // slogan all the same, and the declared title names the page.
  const Document d = fields_of(R"(<head><title>Travel Insurance Quotes | Insurer</title>
    <meta name=date content=2024-05-01></head><body><main><h1>Protect your next trip with a travel quote</h1>
    <p>Text.</p></main></body>)");
  EXPECT_EQ(d.date, "2024-05-01");
  EXPECT_EQ(d.title, "Travel Insurance Quotes");
}

TEST(Fields, H1WithALabelBeforeTheDeclaredTitle) {
  const Document d = fields_of(R"(<head><title>What should I look for in a web host? | Hosting Talk</title>
    </head><body><main><h1>Thread: What should I look for in a web host?</h1><p>Text.</p></main></body>)");
  EXPECT_EQ(d.title, "What should I look for in a web host?");
  // A lead of more than a few words is part of the headline.
  const Document e = fields_of(R"(<head><title>What should I look for in a web host when I move my small shop and its
    mailboxes away from the old one? | Hosting Talk</title></head><body><main><h1>Tell me honestly, friends: What should
    I look for in a web host when I move my small shop and its mailboxes away from the old one?</h1>
    <p>Text.</p></main></body>)");
  EXPECT_EQ(e.title.substr(0, 11), "Tell me hon");
}

TEST(Fields, ThreadTitleLosesItsForumPrefix) {
  const std::string page = R"(<head><title>Payment issues - how to delete a payment method - Forum</title>
    <meta property=og:title content="Payment issues - how to delete a payment method"></head>
    <body><main><h1>Payment issues - how to delete a payment method</h1><p>Text.</p></main></body>)";
  EXPECT_EQ(fields_of(page, "https://forum.example/threads/how-to-x.123/").title, "how to delete a payment method");
  // The badge glued to the subject in the <h1>, set off in the declared title.
  const std::string glued = R"(<head><meta property=og:title content="Tips/Techniques - ProxMox or Debian for virtual machines?">
    </head><body><main><h1>Tips/Techniques ProxMox or Debian for virtual machines?</h1><p>Text.</p></main></body>)";
  EXPECT_EQ(fields_of(glued, "https://forum.example/threads/proxmox.123/").title, "ProxMox or Debian for virtual machines?");
  // Elsewhere "Part - Part" is a headline and its site or subtitle.
  EXPECT_EQ(fields_of(page, "https://news.example/2024/05/01/story").title,
            "Payment issues - how to delete a payment method");
}

TEST(Fields, MarkedCoAuthorsShareTheFirstNamesLine) {
  const std::string head = R"(<head><meta property=og:type content=article></head><body><main>
    <h1>A story about things</h1>)";
  const Document d = fields_of(head + R"(<p>By <a href="/author/ann-lee">Ann Lee</a> and
    <a href="/author/bob-roe">Bob Roe</a></p><p>Text of the story.</p></main></body>)");
  EXPECT_EQ(d.author, "Ann Lee; Bob Roe");
  // An author link in another block is a contributor's or an author box's.
  const Document e = fields_of(head + R"(<p>By <a href="/author/ann-lee">Ann Lee</a></p>
    <p>Text of the story.</p><div>With help from <a href="/author/bob-roe">Bob Roe</a></div></main></body>)");
  EXPECT_EQ(e.author, "Ann Lee");
  // Many marked names on the page: a listing's, none of them the page's author.
  std::string teasers;
  for (const char* n : {"Ann Lee", "Bob Roe", "Cid Poe", "Dee Fox", "Eve Kay"}) {
    teasers += std::string("<div><h2>A teaser</h2><a href=\"/author/x\">") + n + "</a></div>";
  }
  EXPECT_EQ(fields_of(head + teasers + "</main></body>").author, "");
}

TEST(Fields, AuthorMarkedOnceOutsideTheContent) {
  const std::string head = R"(<head><meta property=og:type content=article></head><body><main>
    <h1>A story about things</h1><p>Text of the story, long enough to be read as the story.</p></main>)";
  const Document d = fields_of(head + R"(<footer class=meta><div class=author><p class=name>
    <a href="/people/hg" rel="author">Halina Goetz</a></p></div></footer></body>)");
  EXPECT_EQ(d.author, "Halina Goetz");
  // Two names so marked outside the content: related posts' bylines.
  const Document e = fields_of(head + R"(<aside><a href="/people/hg" rel="author">Halina Goetz</a>
    <a href="/people/br" rel="author">Bob Roe</a></aside></body>)");
  EXPECT_EQ(e.author, "");
}

TEST(Fields, CitationTagsListingMoreAuthorsWin) {
  const Document d = fields_of(R"(<head><meta name="DC.Creator" content="Jennifer Huberty">
    <meta name="citation_authors" content="Jennifer Huberty"><meta name="citation_authors" content="Jeni Green">
    <meta name="citation_authors" content="Chong Lee"></head><body><h1>A paper</h1><p>Text.</p></body>)");
  EXPECT_EQ(d.author, "Jennifer Huberty; Jeni Green; Chong Lee");
  // A list that leaves out the declared author is someone else's.
  const Document e = fields_of(R"(<head><meta name="author" content="Ann Lee">
    <meta name="citation_author" content="Roe, Bob"><meta name="citation_author" content="Poe, Cid">
    </head><body><h1>A paper</h1><p>Text.</p></body>)");
  EXPECT_EQ(e.author, "Ann Lee");
}

TEST(Fields, NameAboveTheDateLineButNotTheSection) {
  const std::string head = R"(<head><meta property=og:type content=article></head><body><main>
    <h1>A story about things</h1><div><p>The story's lead paragraph, long enough to be one: a sentence
    or two of the story, more than a line of meta.</p>)";
  const std::string date = R"(<div><p><span>23.07.2025</span> · 6 min read</p></div></div>
    <p>Text of the story.</p></main></body>)";
  EXPECT_EQ(fields_of(head + "<p>Elliot Raba</p>" + date).author, "Elliot Raba");
  // The label over the date names the article's section.
  const Document d = fields_of(R"(<head><meta property=og:type content=article>
    <meta property="article:section" content="Press Release"></head><body><main>
    <h1>A story about things</h1><div><p>The story's lead paragraph, long enough to be one: a sentence
    or two of the story, more than a line of meta.</p>)" +
                               std::string("<p>Press Release</p>") + date);
  EXPECT_EQ(d.author, "");
}

TEST(Fields, DateLineUnderTheHeadlineBeforeOneAbove) {
  const Document d = fields_of(R"(<body><header><p><strong>Friday</strong>, December 19, 2025</p>
    <nav><a href="/a">Life</a></nav></header><main><h1>What are taxes?</h1>
    <h4 class="author-name">By <a href="/editors">The editors</a></h4><p>12.12.2025</p>
    <p>Text of the story, long enough to be read as the story of the page.</p></main></body>)");
  EXPECT_EQ(d.date, "2025-12-12");
  // Above it, when nothing is under it.
  const Document e = fields_of(R"(<body><main><p>December 19, 2025</p><h1>What are taxes?</h1>
    <p>Text of the story, long enough to be read as the story of the page.</p></main></body>)");
  EXPECT_EQ(e.date, "2025-12-19");
}

TEST(Fields, TitleWithoutAHeadlinePartIsIgnored) {
  const Document d = fields_of(R"(<head><title> | Volts Magazine</title>
    <meta property=og:type content=article></head><body><main><h1>Electronic Gadgets</h1>
    <p>Text.</p></main></body>)");
  EXPECT_EQ(d.title, "Electronic Gadgets");
}

TEST(Fields, HeadlinePart) {
  EXPECT_EQ(headline_part("Best Residential Movers in NYC 2025 | Top 19 Companies"),
            "Best Residential Movers in NYC 2025");
  EXPECT_EQ(headline_part("Raspberry Pi 3 - The credit card sized PC"), "Raspberry Pi 3 - The credit card sized PC");
  EXPECT_EQ(headline_part("Docs | Install"), "Docs | Install");  // one word before
  EXPECT_EQ(headline_part("Mini-SGLang: an engine"), "Mini-SGLang: an engine");
  EXPECT_EQ(headline_part("No decoration here"), "No decoration here");
}

TEST(Fields, NormalizeLanguage) {
  EXPECT_EQ(normalize_language("en_us"), "en-US");
  EXPECT_EQ(normalize_language("EN"), "en");
  EXPECT_EQ(normalize_language("zh-hant-tw"), "zh-Hant-TW");
  EXPECT_EQ(normalize_language("x"), "");
}

TEST(Fields, MetaAndJsonLd) {
  const Document d = fields_of(R"(<html lang=en-gb><head><title>Story | Example News</title>
    <meta property=og:site_name content="Example News">
    <meta property=og:title content="Story">
    <meta name=description content="What happened.">
    <meta property=article:tag content=alpha><meta property=article:tag content=beta>
    <link rel=canonical href="/news/world/story-1">
    <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2021-05-06",
      "author":{"@type":"Person","name":"Jane Doe"},"articleSection":"World"}</script>
    </head><body><h1>Story</h1><p>Text.</p></body></html>)");
  EXPECT_EQ(d.title, "Story");
  EXPECT_EQ(d.sitename, "Example News");
  EXPECT_EQ(d.author, "Jane Doe");
  EXPECT_EQ(d.date, "2021-05-06");
  EXPECT_EQ(d.language, "en-GB");
  EXPECT_EQ(d.description, "What happened.");
  EXPECT_EQ(d.tags, (std::vector<std::string>{"alpha", "beta"}));
  EXPECT_EQ(d.categories, std::vector<std::string>{"World"});
  EXPECT_EQ(d.url, "https://example.com/news/world/story-1");
  EXPECT_EQ(d.hostname, "example.com");
}

TEST(Fields, VisibleBylineDateAndSection) {
  const Document d = fields_of(R"(<body><nav><a href="/news">News</a><a href="/news/world">World</a></nav>
    <article><h1>Something happened today in the world</h1>
    <div class=byline>By Jane Doe</div><span class=date>2 Mar 2023 23:06</span>
    <p>Body text.</p></article></body>)");
  EXPECT_EQ(d.author, "Jane Doe");
  EXPECT_EQ(d.date, "2023-03-02");
  EXPECT_EQ(d.categories, std::vector<std::string>{"World"});
  EXPECT_EQ(d.title, "Something happened today in the world");
}

TEST(Fields, AbsentMeansEmpty) {
  const Document d = fields_of("<body><p>Just text.</p></body>", "");
  EXPECT_EQ(d.author, "");
  EXPECT_EQ(d.date, "");
  EXPECT_TRUE(d.tags.empty());
}

TEST(Fields, DateFromUrlAsLastResort) {
  const Document d = fields_of("<body><p>Text.</p></body>", "https://example.com/2019/06/19/story/");
  EXPECT_EQ(d.date, "2019-06-19");
}

}  // namespace thresher::fields

namespace thresher::fields {

TEST(Fields, LicenseOnlyWhenStated) {
  EXPECT_EQ(fields_of("<html><head><link rel=license href='/terms/cc-by'></head><body><p>x</p></body></html>").license,
            "https://example.com/terms/cc-by");
  EXPECT_EQ(fields_of("<body><footer><a href='https://creativecommons.org/licenses/by-sa/4.0/'>CC BY-SA</a>"
                      "</footer></body>").license,
            "https://creativecommons.org/licenses/by-sa/4.0/");
  EXPECT_EQ(fields_of("<head><script type='application/ld+json'>{\"@type\":\"Article\",\"headline\":\"h\","
                      "\"license\":\"https://opensource.org/licenses/MIT\"}</script></head><body></body>").license,
            "https://opensource.org/licenses/MIT");
  EXPECT_EQ(fields_of("<body><a href='https://creativecommons.org/'>Creative Commons</a>"
                      "<p>Copyright 2024 Example Inc.</p></body>").license, "");
}

TEST(Fields, DateTimeKeepsTheTimeTheSourceGives) {
  const Document d = fields_of(R"(<head><meta property="og:type" content="article">
    <meta property="article:published_time" content="2024-05-01T08:30:00+02:00"></head><body></body>)");
  EXPECT_EQ(d.date, "2024-05-01");
  EXPECT_EQ(d.date_time, "2024-05-01T08:30:00+02:00");
  const Document day = fields_of(R"(<head><meta property="article:published_time" content="2024-05-01"></head>)");
  EXPECT_EQ(day.date, "2024-05-01");
  EXPECT_EQ(day.date_time, "");
}

}  // namespace thresher::fields

namespace thresher::fields {

TEST(Fields, ThreadAuthorIsTheFirstPoster) {
  const std::string thread =
      "<body><header class=site-header><span class=username>me_logged_in</span></header>"
      "<div class=post><div class=user-details><a href='/u/1'>first_poster42</a> 1,234 reputation, 5 gold badges</div>"
      "<p>My question, asked at length.</p></div>"
      "<div class=post><span class=username>second_user</span><p>An answer.</p></div></body>";
  const Document d = fields_of(thread, "https://forum.example/threads/how-to-x.123/");
  EXPECT_EQ(d.author, "first_poster42");
  // The same markup on an article page names no author: handles are not bylines.
  EXPECT_EQ(fields_of(thread, "https://news.example/2024/05/01/story").author, "");
}

TEST(Fields, ThreadAuthorIsTheMicrodataAuthorOutsideTheReplies) {
  // The opener's author is a <meta itemprop=name> before the posts (no
  // text, outside the content); each reply is an itemprop=comment item.
  const std::string thread =
      "<body><div itemscope itemtype='https://schema.org/DiscussionForumPosting'>"
      "<div itemprop=author itemscope><meta itemprop=name content=opener_1></div>"
      "<nav><a href='/'>Forum</a></nav>"
      "<div class=posts><div itemprop=comment itemscope><span itemprop=author>replier_2</span>"
      "<p>A long reply that the content stage keeps as the main text of this page.</p></div>"
      "<div itemprop=comment itemscope><span itemprop=author>replier_3</span>"
      "<p>Another reply, long enough to be kept as the page's text as well.</p></div></div></div></body>";
  EXPECT_EQ(fields_of(thread, "https://forum.example/threads/how-to-x.123/").author, "opener_1");
  // Replies not marked as items: nothing tells the opener's author apart.
  std::string unmarked = thread;
  for (std::size_t at; (at = unmarked.find("itemprop=comment")) != std::string::npos;) {
    unmarked.replace(at, 16, "class=reply");
  }
  EXPECT_NE(fields_of(unmarked, "https://forum.example/threads/how-to-x.123/").author, "opener_1");
}

TEST(Fields, ThreadStarterLineNamesTheOpenerAndTheDay) {
  // SMF: name and date on one line; the header's clock is today's time.
  const std::string smf =
      "<body><div class=user><time datetime='2026-03-05T12:16:19Z'>March 05, 2026</time></div>"
      "<h2>Which GPU?</h2><p>Started by Biology Forums, June 04, 2024, 11:23:55 AM</p>"
      "<div class=post><span class=username>Logged</span><p>My question, asked at length.</p></div></body>";
  const Document d = fields_of(smf, "https://forum.example/community/index.php?topic=589061.0");
  EXPECT_EQ(d.author, "Biology Forums");
  EXPECT_EQ(d.date, "2024-06-04");
  // XenForo: the label alone in its element, the name in the next.
  const std::string xf =
      "<body><ul><li><span class=u-srOnly>Thread starter</span> <a href='/members/sean_g.1/'>sean_g</a></li></ul>"
      "<article><section itemprop=author><a class=username href='/members/richard.2/'>Richard</a></section>"
      "<p>A reply, long enough to be kept as the page's text, and longer than any line that labels "
      "who started the thread.</p></article></body>";
  EXPECT_EQ(fields_of(xf, "https://forum.example/threads/how-to-x.123/").author, "sean_g");
  // Not a thread: the label means nothing.
  EXPECT_EQ(fields_of(smf, "https://news.example/2024/05/01/story").author, "");
}

TEST(Fields, FirstPosterLosesTheCountsAfterTheName) {
  const std::string thread =
      "<body><div class=post><div class=username>paulb203 <span>196</span> <span>76</span></div>"
      "<p>My question, asked at length.</p></div></body>";
  EXPECT_EQ(fields_of(thread, "https://forum.example/threads/how-to-x.123/").author, "paulb203");
}

TEST(Fields, FirstPosterInAUserClassGluedToAPrefix) {
  // vBulletin's "bigusername".
  const Document d = fields_of(
      "<body><div class=post><div><a class=bigusername href='member.php?u=224387'>microfast</a></div>"
      "<p>My question, asked at length.</p></div></body>",
      "https://forum.example/threads/how-to-x.123/");
  EXPECT_EQ(d.author, "microfast");
}

}  // namespace thresher::fields

namespace thresher::fields {

TEST(Fields, DateInASmallPartOfALongMetaBlock) {
  const Document d = fields_of(
      "<body><article><h1>Index types for academic journals, explained</h1>"
      "<div class='meta date-section-header'><span>Posted on April 13, 2023</span>"
      "<a href='/a'>Webinar: connecting scholarly metadata and more, register now</a>"
      "<a href='/b'>Another long link in the same header block, to be sure</a></div>"
      "<p>Body text of the post, long enough, with commas.</p></article></body>",
      "https://blog.example/post/index-types");
  EXPECT_EQ(d.date, "2023-04-13");
}

}  // namespace thresher::fields

namespace thresher::fields {

TEST(Fields, UnnamedDateLineOnlyNextToTheHeadline) {
  const std::string filler(900, 'x');
  // Under the headline: the page's date, though no class names it.
  Document d = fields_of("<body><article><h1>A headline of the story</h1><div>Posted on Nov 21, 2018</div><p>" +
                         filler + "</p></article></body>");
  EXPECT_EQ(d.date, "2018-11-21");
  // Far below it (a documentation page's "Last updated" footer): none.
  d = fields_of("<body><div><div><div><article><h1>A headline of the story</h1><p>" + filler +
                "</p></article></div></div><div><div>Last updated March 3, 2025</div></div></div></body>");
  EXPECT_EQ(d.date, "");
  // Declared dates win over the line.
  d = fields_of(R"(<head><meta property="article:published_time" content="2018-11-20"></head>
    <body><h1>A headline of the story</h1><div>Updated Nov 21, 2018</div></body>)");
  EXPECT_EQ(d.date, "2018-11-20");
}

TEST(Fields, DateLineUnderTheHeadlineADayOffTheDeclaredOneIsTheLocalDay) {
  // Declared in UTC, printed in the author's zone: the day the page shows.
  const std::string head = R"(<head><meta property="article:published_time" content="2025-12-19T03:05:00+00:00"></head>)";
  Document d = fields_of(head + R"(<body><article><h1>A headline of the story</h1>
    <time datetime="2025-12-18T19:05:00-08:00">December 18, 2025</time><p>Text.</p></article></body>)");
  EXPECT_EQ(d.date, "2025-12-18");
  // A masthead's "today" above the headline is not the page's day.
  d = fields_of(head + R"(<body><div>Friday, December 20, 2025</div><div>Friday, December 18, 2025</div>
    <article><h1>A headline of the story</h1><p>Text.</p></article></body>)");
  EXPECT_EQ(d.date, "2025-12-19");
  // Further apart, the lines are other dates (an update): the declared one stays.
  d = fields_of(head + R"(<body><article><h1>A headline of the story</h1>
    <div>Updated December 21, 2025</div><p>Text.</p></article></body>)");
  EXPECT_EQ(d.date, "2025-12-19");
}

TEST(Fields, AuthorLinkHoldingTheNameAndTheRoleOnTwoLines) {
  const Document d = fields_of(R"(<body><article><h1>A headline of the story</h1>
    <a href="/author/harry"><p class="name">Harry Rabinowitz</p><p class="job">Tech Reporter</p></a>
    <p>Text of the story.</p></article></body>)");
  EXPECT_EQ(d.author, "Harry Rabinowitz");
}

TEST(Fields, AuthorFromTwitterLabelAndSiteNameLast) {
  Document d;
  const std::string head = R"(<head><meta property="og:site_name" content="Escalon">
    <meta name="author" content="Escalon">)";
  // The site named as author, and nothing else: kept, marked as the site's name.
  Indexed t(head + "</head><body><p>Text</p></body>");
  const PageKind kind = extract_fields(*t.index, t.features, "https://x.com/blog/a", Options{}, d);
  EXPECT_EQ(d.author, "Escalon");
  EXPECT_EQ(kind.author_origin, AuthorOrigin::kSiteName);
  // A twitter:label "Written by" names a person: that wins.
  d = fields_of(head + R"(<meta name="twitter:label1" content="Written by">
    <meta name="twitter:data1" content="Tyler Brown"></head><body></body>)");
  EXPECT_EQ(d.author, "Tyler Brown");
  // Other labels are not authors.
  d = fields_of(R"(<head><meta name="twitter:label1" content="Est. reading time">
    <meta name="twitter:data1" content="5 minutes"></head><body></body>)");
  EXPECT_EQ(d.author, "");
}

TEST(Fields, DateLineInAnAsideNextToTheHeadline) {
  const Document d = fields_of(
      "<body><article><aside><time datetime=\"2021-06-06\">June 6, 2021</time></aside>"
      "<h1>A brief intro to git</h1><p>As a developer, a version control system is critical.</p>"
      "</article></body>");
  EXPECT_EQ(d.date, "2021-06-06");
}

TEST(Fields, DateFromPublishedMetaAndRdfa) {
  EXPECT_EQ(fields_of(R"(<head><meta name="published" content="July 17, 2025"></head><body></body>)").date,
            "2025-07-17");
  EXPECT_EQ(fields_of(R"(<body><div><span property="datePublished" content="2023-08-08">Aug 8</span></div>
    <p>Text</p></body>)").date,
            "2023-08-08");
}

TEST(Fields, QuestionDateCreatedComesBeforeAnswerDatePublished) {
  const Document d = fields_of(R"(<body><main><h1>How do I back up my system?</h1>
    <div itemscope itemtype="https://schema.org/Question"><time itemprop="dateCreated"
      datetime="2010-10-16 21:12:01Z">14 years ago</time><p>The question.</p></div>
    <div itemscope itemtype="https://schema.org/Answer"><div itemprop="datePublished">2010-10-17 08:00:00 +00:00</div>
      <p>The answer.</p></div></main></body>)");
  EXPECT_EQ(d.date, "2010-10-16");
}

TEST(Fields, MicrodataAuthorNamedByAMetaInside) {
  const Document d = fields_of(R"(<body><main><h1>Hybrid quantum and classical computing</h1>
    <div><span itemprop="author" itemscope itemtype="https://schema.org/Person">
      <meta itemprop="name" content="Jane Doe"><meta itemprop="url" content="https://x/jane"></span>
    <p>The post.</p></div></main></body>)");
  EXPECT_EQ(d.author, "Jane Doe");
}

TEST(Fields, PageKindCountsMicrodataPrices) {
  testing::Indexed t("<body><div itemscope><meta itemprop=price content=12><span itemprop=price>$12</span>"
                     "<span itemprop=name>Mug</span></div></body>");
  Document doc;
  const PageKind kind = extract_fields(*t.index, t.features, "https://shop.example/p/mug", Options{}, doc);
  EXPECT_EQ(kind.itemprop_prices, 2u);
}

TEST(Fields, AuthorKeepsCredentialsButNotTheOutlet) {
  const std::string body = "<body><main><h1>Headline</h1><p>Text of the story.</p></main></body>";
  EXPECT_EQ(fields_of(R"(<head><meta name="author" content="Jane Doe, MS, RD"></head>)" + body).author,
            "Jane Doe, MS, RD");
  // The capitals after the comma name the site: the outlet, not a degree.
  EXPECT_EQ(fields_of(R"(<head><meta name="author" content="Rob Picheta, CNN"></head>)" + body,
                      "https://edition.cnn.com/2024/01/02/world/story")
                .author,
            "Rob Picheta");
  EXPECT_EQ(fields_of(R"(<head><meta property="og:site_name" content="NDR">
    <meta name="author" content="Jan Strozyk, NDR"></head>)" + body).author,
            "Jan Strozyk");
}

TEST(Fields, PublishedLabelWinsOverUnlabelledTimes) {
  // A related item's <time> comes first; the "Published" pair dates the page.
  const Document d = fields_of(R"(<body><main><h1>Headline</h1><p>Text of the story.</p>
    <div class="related"><a href="/other">Other story</a> <time datetime="2019-01-17">17 Jan 2019</time></div>
    <div><h4>Published</h4><time datetime="2018-11-15">15 November 2018</time></div></main></body>)");
  EXPECT_EQ(d.date, "2018-11-15");
}

}  // namespace thresher::fields
