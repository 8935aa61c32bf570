#include "fields/bylines.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace thresher::fields {
using testing::Indexed;
using Names = std::vector<std::string>;

Names byline_of(const std::string& html) {
  Indexed t(html);
  return find_byline(*t.index, t.features);
}

TEST(Bylines, SaysBy) {
  EXPECT_TRUE(says_by("By Jane Doe"));
  EXPECT_TRUE(says_by("Written by Jane Doe"));
  EXPECT_TRUE(says_by("Author: Jane Doe"));
  EXPECT_TRUE(says_by("Article by", /*alone=*/true));
  EXPECT_TRUE(says_by("Written by", true));
  EXPECT_TRUE(says_by("Author", true));
  EXPECT_TRUE(says_by("Author(s)", true));
  EXPECT_TRUE(says_by("Contributors:", true));
  EXPECT_FALSE(says_by("Author", false));  // a word, not a byline
  EXPECT_FALSE(says_by("Written by Jane Doe", true));
  EXPECT_FALSE(says_by("Bypass the cache"));
  EXPECT_FALSE(says_by("The report by the council"));
}

TEST(Bylines, SaysByAfterALeadInAndAContributorsLabel) {
  EXPECT_TRUE(says_by("This post was written by Danielle Padula, Head of Marketing"));
  EXPECT_TRUE(says_by("This article is by Jane Doe"));
  EXPECT_TRUE(says_by("Contributors: Janet Loughrey"));
  EXPECT_FALSE(says_by("This post was written for beginners"));
  EXPECT_FALSE(says_by("Contributors to the fund"));
  EXPECT_EQ(byline_of("<body><div class=author-bio>This post was written by Danielle Padula, "
                      "Head of Marketing and Community Development</div></body>"),
            Names{"Danielle Padula"});
  EXPECT_EQ(byline_of("<body><div class=tags><div><strong>Contributors:</strong> Janet Loughrey</div></div></body>"),
            Names{"Janet Loughrey"});
}

TEST(Bylines, ASentenceOpeningWithAnIdiomIsNoByline) {
  EXPECT_TRUE(byline_of("<body><p>By now, you know the basics of how to write React code!</p></body>").empty());
  EXPECT_TRUE(byline_of("<body><p>By default, the server listens on port 80.</p></body>").empty());
  EXPECT_EQ(byline_of("<body><p>by   ibby    </p></body>"), Names{"ibby"});
  // Still read (its co-authors after the comma are not, as before).
  EXPECT_EQ(byline_of("<body><p>Posted by kovarex, TOGos on 2019-02-15</p></body>"), Names{"kovarex"});
}

TEST(Bylines, SaysByLooksPastLeadingWhiteSpaceAndFoldsCase) {
  // The first-letter test before the patterns keeps every text they match.
  EXPECT_TRUE(says_by(" \n\tBY Jane Doe"));
  EXPECT_TRUE(says_by("\fvon Jane Doe"));
  EXPECT_TRUE(says_by("PRZEZ Jan Kowalski"));
  EXPECT_TRUE(says_by("\xC5\xBFtory by Jane Doe"));  // U+017F folds to s under (?i)
  EXPECT_TRUE(says_by("  Auteur(e) : Marie", false));
  EXPECT_FALSE(says_by(""));
  EXPECT_FALSE(says_by("   ", true));
  EXPECT_FALSE(says_by("Home"));
  EXPECT_FALSE(says_by("\xC3\xA9" "crit par Marie"));  // é: none of the words
}

TEST(Bylines, ByLineWithMoreLinksGivesItsFirstLink) {
  // The line reads as no name as a whole ("A. J. Neal View In Digital
  // Edition"); its first link is the name.
  EXPECT_EQ(byline_of("<body><h1>Tips for selecting motors</h1><p>By <a href='/c/ajn'>A. J. Neal</a> "
                      "<a class=btn href='/e'>View In Digital Edition</a></p><p>Text of the story.</p></body>"),
            Names{"A. J. Neal"});
}

TEST(Bylines, NameAndRoleOnTwoLinesOfOneElement) {
  // Read as one text, the role's first words stick to the name.
  EXPECT_EQ(byline_of("<body><div><p>By Preetam Jinka</p><p>Co-founder</p></div><p>Text.</p></body>"),
            Names{"Preetam Jinka"});
  // A label line before the name: the whole text still gives it.
  EXPECT_EQ(byline_of("<body><p>By<br>Jane Doe</p><p>Text of the story, long enough to be no byline.</p></body>"),
            Names{"Jane Doe"});
}

TEST(Bylines, CapitalizedLikeAName) {
  EXPECT_TRUE(capitalized_like_a_name("Ludwig van Beethoven"));
  EXPECT_TRUE(capitalized_like_a_name("gizzmo"));  // a handle
  // A team or column named with "the": "By the Lavazza Team", "Ask the Doctors".
  EXPECT_TRUE(capitalized_like_a_name("the Lavazza Team"));
  EXPECT_TRUE(capitalized_like_a_name("Ask the Doctors"));
  EXPECT_FALSE(capitalized_like_a_name("the end of this program"));
  EXPECT_FALSE(capitalized_like_a_name("Read the rest"));
  // A team's byline: capitalised words, then a plain noun for the team.
  EXPECT_TRUE(capitalized_like_a_name("The Currency editors"));
  EXPECT_TRUE(capitalized_like_a_name("CNN staff"));
  EXPECT_FALSE(capitalized_like_a_name("staff Picks"));
  EXPECT_FALSE(capitalized_like_a_name("Meet the editors of this page"));
  EXPECT_EQ(byline_of("<body><h4 class=author-name>By <a href='/currency-editors'>The Currency editors</a></h4>"
                      "</body>"),
            Names{"The Currency editors"});
}

TEST(Bylines, LabelThenNameInTheNextElement) {
  EXPECT_EQ(byline_of("<body><h1>Trends in catering</h1><div><p>Written by</p><p>Edzel Tabing</p></div>"
                      "<p>Body text of the article.</p></body>"),
            Names{"Edzel Tabing"});
  EXPECT_EQ(byline_of("<body><h2>Article by</h2><div>Matias Heikkilä</div></body>"),
            Names{"Matias Heikkilä"});
}

TEST(Bylines, LabelThenNameAndRoleOnTwoLines) {
  EXPECT_EQ(byline_of("<body><h1>Trends in catering</h1><div><div>Written By</div><div><div>Stephen Jesudunsin</div>"
                      "<div>AI Writer, Embarque</div></div></div><p>Body text of the article, long enough.</p></body>"),
            Names{"Stephen Jesudunsin"});
}

TEST(Bylines, HeadingThenName) {
  EXPECT_EQ(byline_of("<body><div><h3>Author</h3><p> Lisa D. Ellis</p></div></body>"),
            Names{"Lisa D. Ellis"});
}

TEST(Bylines, ByInAnInlineElementOfItsOwn) {
  EXPECT_EQ(byline_of("<body><p class=x><span>By <a href=/p/s>Sofia Gonzalez</a></span> "
                      "<span>June 2, 2025</span></p></body>"),
            Names{"Sofia Gonzalez"});
  // Not a "by" inside a sentence's span.
  EXPECT_TRUE(byline_of("<body><p>This long paragraph was reviewed, and then <span>by Mark Twain</span> "
                        "it was said that the whole thing was a hoax, by all accounts.</p></body>")
                  .empty());
}

TEST(Bylines, CodeIsNeverAByline) {
  // Portuguese "por" starts a line of this code sample.
  EXPECT_TRUE(byline_of("<body><h2>Send an SMS with the library, step by step</h2>"
                        "<pre><div><span>por t</span></div>\n</pre></body>").empty());
  EXPECT_EQ(byline_of("<body><p>por Ana Souza</p></body>"), Names{"Ana Souza"});
}

TEST(Bylines, AuthorNamedElementWithJustAName) {
  EXPECT_EQ(byline_of("<body><div class=author-name>Jane Doe</div></body>"), Names{"Jane Doe"});
  EXPECT_TRUE(byline_of("<body><div class=author-name>the end of this program</div></body>").empty());
}

TEST(Bylines, FirstLineOfAnAuthorBox) {
  EXPECT_EQ(byline_of("<body><div class=author-info><div class=name>Rachel MacDonald</div>"
                      "<div class=role>Senior staff writer at the paper</div></div></body>"),
            Names{"Rachel MacDonald"});
  // Nested lines: the name is the first line without blocks inside.
  EXPECT_EQ(byline_of("<body><div class=author-details><div><p>Luke Kim</p><small>December 17, 2025</small>"
                      "</div></div></body>"),
            Names{"Luke Kim"});
  // A one-word first line is furniture; a signed quote is not a byline.
  EXPECT_TRUE(byline_of("<body><div class=author-box><div>Share</div><div>Jane Doe wrote this</div></div></body>")
                  .empty());
  EXPECT_TRUE(byline_of("<body><div class=author-box><div>~ Rachel M</div><div>Great service!</div></div></body>")
                  .empty());
}

TEST(Bylines, AuthorBoxWithItsBio) {
  const std::string bio(300, 'x');
  EXPECT_EQ(byline_of("<body><div class=blog_author-box><img alt=''><div><div>Lauren Vetter</div>"
                      "<p>Lauren Vetter is a marketing professional. " + bio + "</p></div></div></body>"),
            Names{"Lauren Vetter"});
  // A box of more than a bio's length is a page's wrapper, not an author box.
  EXPECT_TRUE(byline_of("<body><div class=author-page><h2>Jane Doe</h2><p>" + std::string(2000, 'x') +
                        "</p></div></body>")
                  .empty());
}

TEST(Bylines, AuthorDetailsAreNotTheName) {
  EXPECT_TRUE(names_author_details("dynamic-author-description"));
  EXPECT_TRUE(names_author_details("author__role"));
  EXPECT_TRUE(names_author_details("author-bio medium-9"));
  EXPECT_FALSE(names_author_details("author-name"));
  EXPECT_FALSE(names_author_details("byline"));
  EXPECT_TRUE(names_author_details("byline__category"));
  EXPECT_FALSE(names_author_details("field--name-field-term-author"));  // a taxonomy term that is the author
  // A byline row's category after the date is no name, nor is the row's text read whole.
  EXPECT_TRUE(byline_of("<body><section class=byline><span class=byline__release-date><time>March 20, 2023</time>"
                        "</span> | <span class=byline__category><a href='/wellness'>Wellness &amp; Prevention</a>"
                        "</span></section></body>")
                  .empty());
  EXPECT_EQ(byline_of("<body><p class=date-author>Janic Cathomen, 01.12.2021</p></body>"), Names{"Janic Cathomen"});
  EXPECT_TRUE(byline_of("<body><div class=dynamic-author-description>Licensed Q Arabica Grader, M.A. Journalism"
                        "</div></body>")
                  .empty());
}

TEST(Bylines, AuthorNamedRowWithADate) {
  EXPECT_EQ(byline_of("<body><h2>Title</h2><div class=publish-date-author>Dec. 19, 2025 &middot; Niko Matsakis "
                      "on behalf of <a href='/governance/teams/vision'>Vision Doc group</a></div>"
                      "<div class=post><p>Text.</p></div></body>"),
            Names{"Niko Matsakis"});
  // Without a date, a long author-named line is not read for a name.
  EXPECT_TRUE(byline_of("<body><div class=post-author>Jane Doe writes about gardens and the people "
                        "who keep them</div></body>")
                  .empty());
}

// The <a> elements of `html`, each with whether it is credited for other work.
std::vector<bool> other_work_of_links(const std::string& html) {
  Indexed t(html);
  std::vector<bool> out;
  for (std::uint32_t i = 0; i < t.index->size(); ++i) {
    if ((*t.index)[i].is_element() && (*t.index)[i].tag == GUMBO_TAG_A) {
      out.push_back(credited_for_other_work(*t.index, i));
    }
  }
  return out;
}

TEST(Bylines, CreditedForOtherWork) {
  EXPECT_EQ(other_work_of_links("<body><div>By <a href=/author/a>Shelby Loos</a>. Reviewed by "
                                "<a href=/author/b>Molly Price</a></div></body>"),
            (std::vector<bool>{false, true}));
  // Past the other names of a list.
  EXPECT_EQ(other_work_of_links("<body><div>Contributions From: <a href=/a>Trish Matheny</a>, "
                                "<a href=/b>Sam Schild</a> &amp; <a href=/c>Elizabeth Paashaus</a></div></body>"),
            (std::vector<bool>{true, true, true}));
  EXPECT_EQ(other_work_of_links("<body><p><span>Edited by: <a href=/e>Kristin</a></span></p></body>"),
            (std::vector<bool>{true}));
  EXPECT_EQ(other_work_of_links("<body><p>Written by <a href=/w>Casey McDevitt</a> and <a href=/x>Jo Roe</a></p></body>"),
            (std::vector<bool>{false, false}));
}

TEST(Bylines, LabelledOnlyLooksInBoilerplateToo) {
  // An aside's label/value pair, outside the main text.
  const std::string page =
      "<body><main><h1>Headline</h1><p>" + std::string(400, 'x') + " words of the story.</p></main>"
      "<aside class=\"sidebar\"><div><h3>Author</h3><p>Lisa D. Ellis</p></div>"
      "<ul class=\"filters\"><li>By Type</li></ul></aside></body>";
  Indexed t(page);
  EXPECT_EQ(find_byline(*t.index, t.features, /*labelled_only=*/true), Names{"Lisa D. Ellis"});
  // Unlabelled names are not looked for there.
  Indexed u("<body><main><h1>Headline</h1><p>Text.</p></main><aside><div class=\"author\">Lisa Ellis</div></aside></body>");
  EXPECT_EQ(find_byline(*u.index, u.features, /*labelled_only=*/true), Names{});
}

TEST(Bylines, AnAuthorsLabelOverAListOfNames) {
  EXPECT_EQ(byline_of(R"(<body><main><h1>Headline</h1><div><h6>Author(s)</h6><ul>
    <li><a href="/library/?a=1">John A. Alic</a></li><li><a href="/library/?a=2">David C. Mowery</a></li>
    </ul></div><p>Text of the report.</p></main></body>)"),
            (Names{"John A. Alic", "David C. Mowery"}));
  // A list whose items are not names alone is not a list of authors.
  Indexed t(R"(<body><ul><li>Jane Doe</li><li>Read the whole report on climate policy here</li></ul></body>)");
  std::uint32_t list = 0;
  while ((*t.index)[list].tag != GUMBO_TAG_UL) ++list;
  EXPECT_EQ(names_in_list(*t.index, list), Names{});
  Indexed u(R"(<body><ul><li>Jane Doe</li><li>John Roe</li></ul></body>)");
  list = 0;
  while ((*u.index)[list].tag != GUMBO_TAG_UL) ++list;
  EXPECT_EQ(names_in_list(*u.index, list), (Names{"Jane Doe", "John Roe"}));
}

TEST(Bylines, ByAfterADateOnItsLine) {
  EXPECT_TRUE(starts_line_after_date("By Jane Doe", "By Jane Doe"));
  EXPECT_TRUE(starts_line_after_date("Published August 7, 2023 by Nicole Burke", "by Nicole Burke"));
  EXPECT_FALSE(starts_line_after_date("A study by Jane Doe shows", "by Jane Doe"));
  EXPECT_EQ(byline_of(R"(<body><main><div class="publish-meta"><span>Published August 7, 2023</span>
    <span>by Nicole Burke</span></div><h1>Headline</h1><p>Text of the post.</p></main></body>)"),
            Names{"Nicole Burke"});
}

// What `reader` finds from the date line with id "d", under the <h1>.
Names from_date_line(const std::string& html,
                     std::vector<std::string> (*reader)(const dom::NodeIndex&, std::uint32_t, std::uint32_t)) {
  Indexed t(html);
  std::uint32_t headline = dom::kNoNode;
  for (std::uint32_t i = 0; i < t.index->size(); ++i) {
    if ((*t.index)[i].is_element() && (*t.index)[i].tag == GUMBO_TAG_H1) headline = i;
  }
  return reader(*t.index, t.by_id("d"), headline);
}

// The name sharing the row of the date line.
Names beside_date(const std::string& html) { return from_date_line(html, name_beside_date); }

TEST(Bylines, NameBesideTheDate) {
  EXPECT_EQ(beside_date("<body><h1>Mission accomplished</h1><div><span id=d>2025-12-17</span><span>·</span>"
                        "<a title='Trond Teigen'><div>Trond Teigen</div></a></div><p>Text.</p></body>"),
            Names{"Trond Teigen"});
  EXPECT_EQ(beside_date("<body><h1>Title</h1><p><a href='/authors/elliot-raba'>Elliot Raba</a> "
                        "<time id=d>23.07.2025</time> · 6 min read</p></body>"),
            Names{"Elliot Raba"});
  // One text run, cut at the separator.
  EXPECT_EQ(beside_date("<body><h1>Title</h1><div><span id=d>Dec 26, 2025</span> • Nick van Mead</div></body>"),
            Names{"Nick van Mead"});
  // The row goes on to the post's category or the team it speaks for.
  EXPECT_EQ(beside_date("<body><h1>Title</h1><p id=d>Dec 26, 2025 <span>&bull;</span> <img src=a.png> "
                        "Mahua Das in <a href='/category/pm'>Project Management</a></p></body>"),
            Names{"Mahua Das"});
  EXPECT_EQ(beside_date("<body><h1>Title</h1><div id=d>Dec. 19, 2025 &middot; Niko Matsakis on behalf of "
                        "<a href='/governance/teams'>the Rust team</a></div></body>"),
            Names{"Niko Matsakis"});
}

// The name on the line above the date line's row.
Names above_date(const std::string& html) { return from_date_line(html, name_above_date); }

TEST(Bylines, NameAboveTheDate) {
  // The row is the date's line, under a block holding the story's lead.
  EXPECT_EQ(above_date("<body><h1>Title</h1><div><p>The story's first paragraph, long enough to make its "
                       "block more than a line of meta: a sentence or two of the story.</p>"
                       "<p class=small>Elliot Raba</p><div class=flex><p><span id=d>23.07.2025</span>"
                       "<span> · </span><span>6 min read</span></p></div></div></body>"),
            Names{"Elliot Raba"});
  // Not the headline, not another heading, not a category link.
  EXPECT_EQ(above_date("<body><div><h1>Product Update</h1><div><span id=d>May 2, 2024</span></div></div></body>"),
            Names{});
  EXPECT_EQ(above_date("<body><div><h1>Title</h1><h3>Press Release</h3><div><span id=d>May 2, 2024</span>"
                       "</div></div></body>"),
            Names{});
  EXPECT_EQ(above_date("<body><div><h1>Title</h1><a href='/category/press'>Press Release</a><div>"
                       "<span id=d>May 2, 2024</span></div></div></body>"),
            Names{});
}

TEST(Bylines, NoNameBesideTheDate) {
  // Categories and sections link elsewhere than to a person; terms say so by class.
  EXPECT_EQ(beside_date("<body><h1>Title</h1><div><a href='/living-healthy'>Living Healthy</a> / "
                        "<span id=d>May 2, 2024</span></div></body>"),
            Names{});
  EXPECT_EQ(beside_date("<body><h1>Title</h1><div><span id=d>May 2, 2024</span>"
                        "<span class=post-term>Digital Organization</span></div></body>"),
            Names{});
  // A menu's button, a share link's "› Send", an interface exclamation.
  EXPECT_EQ(beside_date("<body><h1>Title</h1><div><span id=d>May 2, 2024</span>"
                        "<a role=button>API Reference</a></div></body>"),
            Names{});
  EXPECT_EQ(beside_date("<body><h1>Title</h1><div><span id=d>May 2, 2024</span> Link Copied!</div></body>"),
            Names{});
  // "Posted in <a>News</a>": a label and a category, no name.
  EXPECT_EQ(beside_date("<body><h1>Title</h1><div><span id=d>May 2, 2024</span> Posted in "
                        "<a href='/news'>News</a></div></body>"),
            Names{});
  // Two names: whose is the page?
  EXPECT_EQ(beside_date("<body><h1>Title</h1><div><span id=d>May 2, 2024</span> Jane Doe · John Roe</div></body>"),
            Names{});
  // Another line's name is not the date line's.
  EXPECT_EQ(beside_date("<body><h1>Title</h1><p>Dec 26, 2025 • <b>Nick van Mead</b></p><p id=d>Dec 26, 2025</p></body>"),
            Names{});
  // The row stops short of the headline: the <h1>'s words are not a name.
  EXPECT_EQ(beside_date("<body><div><h1>Grand Plans</h1><span id=d>May 2, 2024</span></div></body>"), Names{});
}

}  // namespace thresher::fields
