#include "fields/titles.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "fields/fields.h"
#include "test_util.h"

namespace thresher::fields {
using testing::Indexed;

namespace {
struct Fields {
  Document doc;
  PageKind kind;
};

Fields fields_of(const std::string& html, const std::string& url) {
  Indexed t(html);
  Fields out;
  out.kind = extract_fields(*t.index, t.features, url, Options{}, out.doc);
  return out;
}
}  // namespace

TEST(Titles, BeginsWithWords) {
  EXPECT_TRUE(begins_with_words("Headlamps for Camping, Hiking & Running", "Headlamps"));
  EXPECT_TRUE(begins_with_words("Marathon  Training for All", "marathon training"));
  EXPECT_TRUE(begins_with_words("Jimmy: The Ultimate Device Opener", "Jimmy"));
  EXPECT_TRUE(begins_with_words("Science", "SCIENCE"));
  EXPECT_TRUE(begins_with_words("Écoles de Paris", "écoles"));
  // Not a whole word, not at the start, nothing.
  EXPECT_FALSE(begins_with_words("Headlamps for Camping", "Head"));
  EXPECT_FALSE(begins_with_words("Buy Microphones at the shop", "Microphones"));
  EXPECT_FALSE(begins_with_words("Headlamps", ""));
  EXPECT_FALSE(begins_with_words("Lamp", "Lamps"));
}

TEST(Titles, WrittenWithoutSpaces) {
  EXPECT_TRUE(written_without_spaces("宇航员在太空中喝酒会怎么样"));
  EXPECT_TRUE(written_without_spaces("トレンドマイクロ"));
  EXPECT_TRUE(written_without_spaces("ภาษาไทย"));
  EXPECT_FALSE(written_without_spaces("Headlamps"));
  EXPECT_FALSE(written_without_spaces("한국어"));  // Korean spaces its words
  EXPECT_FALSE(written_without_spaces("Écoles"));
}

TEST(Titles, WithoutAnchorMark) {
  EXPECT_EQ(without_anchor_mark("Advanced Usage\u00B6"), "Advanced Usage");
  EXPECT_EQ(without_anchor_mark("Ansible playbooks \uF0C1"), "Ansible playbooks");
  // Only at the end; "C#" keeps its sign; a heading that is only a mark stays.
  EXPECT_EQ(without_anchor_mark("The \u00B6 sign"), "The \u00B6 sign");
  EXPECT_EQ(without_anchor_mark("Learn C#"), "Learn C#");
  EXPECT_EQ(without_anchor_mark("\u00B6"), "\u00B6");
  EXPECT_EQ(without_anchor_mark(""), "");
}

TEST(Titles, PermalinkMarkDoesNotHideAgreement) {
  // Sphinx's headerlink after the <h1>: the <h1> still agrees with the
  // <title> and is the headline, without its mark.
  const Fields f = fields_of(R"(<head><title>Advanced Usage — Requests 2.33 documentation</title></head>
    <body><main><h1>Advanced Usage<a class=headerlink href="#advanced-usage">&para;</a></h1>
    <p>This document covers some of the more advanced features.</p></main></body>)",
                             "https://docs.example/en/latest/user/advanced/");
  EXPECT_EQ(f.doc.title, "Advanced Usage");
  EXPECT_NE(std::find(f.doc.diagnostics.field_sources.begin(), f.doc.diagnostics.field_sources.end(),
                      "title: h1"),
            f.doc.diagnostics.field_sources.end());
  // Soft hyphens inside a long word do not split it from its declared copy.
  const Fields g = fields_of(R"(<head><title>Messengerdienste sind kein rechtsfreier Raum</title></head>
    <body><main><h1>Mes&shy;sen&shy;ger&shy;diens&shy;te sind kein rechts&shy;frei&shy;er Raum</h1>
    <p>Die Ermittler melden einen Erfolg.</p></main></body>)",
                             "https://amt.example/presse/2022/messenger.html");
  EXPECT_EQ(g.doc.title, "Messengerdienste sind kein rechtsfreier Raum");
  EXPECT_EQ(g.kind.declared_title, "");
}

TEST(Titles, KickerOverTheHeadlineIsNotPartOfIt) {
  // The kicker in its own element, set off by a separator in the <title>.
  const Fields f = fields_of(R"(<head><title>Nach Corona-Lockerungen: Autohäuser rechnen mit Flaute | MDR</title>
    </head><body><main><h1><span class="dachzeile">Nach Corona-Lockerungen</span>
    <span class="headline">Autohäuser rechnen mit Flaute</span></h1><p>Die Händler öffnen wieder.</p>
    </main></body>)",
                             "https://news.example/wirtschaft/autohaeuser-100.html");
  EXPECT_EQ(f.doc.title, "Autohäuser rechnen mit Flaute");
  // Glued to the headline, absent from og:title.
  const Fields g = fields_of(R"(<head><meta property=og:title content="Why collaborative thinking beats individual smarts">
    </head><body><main><h1><span>Open Progress</span><span>Why collaborative thinking beats individual
    smarts</span></h1><p>Teams win.</p></main></body>)",
                             "https://news.example/open-progress/thinking");
  EXPECT_EQ(g.doc.title, "Why collaborative thinking beats individual smarts");
  // A shop theme's label for screen readers before a collection's name.
  const Fields h = fields_of(R"(<head><title>Shop Sennheiser at Example Audio with 365-Day Returns</title>
    </head><body><main><h1><span class="visually-hidden">Collection: </span>Sennheiser</h1>
    <ul><li>HD 600</li><li>HD 650</li></ul></main></body>)",
                             "https://audio.example/collections/sennheiser");
  EXPECT_EQ(h.doc.title, "Sennheiser");
}

TEST(Titles, FirstElementOfTheHeadlineThatIsNoKickerStays) {
  // An emphasised first word runs on in the declared title.
  const Fields f = fields_of(R"(<head><title>Why we moved our servers home | Example Blog</title></head>
    <body><main><h1><em>Why</em> we moved our servers home</h1><p>It was cheaper.</p></main></body>)",
                             "https://blog.example/2025/servers-home");
  EXPECT_EQ(f.doc.title, "Why we moved our servers home");
  // A wiki's namespace: "Category:" without a space is part of the name.
  const Fields g = fields_of(R"(<head><title>Category:Programming languages - Wikipedia</title></head>
    <body><main><h1><span>Category</span><span>:</span><span>Programming languages</span></h1>
    <p>Pages in this category.</p></main></body>)",
                             "https://en.wiki.example/wiki/Category:Programming_languages");
  EXPECT_EQ(g.doc.title, "Category:Programming languages");
  // A module's name in <code> is what the headline is about.
  const Fields h = fields_of(R"(<head><title>json — JSON encoder and decoder — Python 3 documentation</title>
    </head><body><main><h1><code>json</code> — JSON encoder and decoder</h1><p>Use dumps.</p></main></body>)",
                             "https://docs.example/3/library/json.html");
  EXPECT_EQ(h.doc.title, "json — JSON encoder and decoder");
}

TEST(Titles, FrontPage) {
  EXPECT_TRUE(is_front_page("https://shop.example"));
  EXPECT_TRUE(is_front_page("https://shop.example/"));
  EXPECT_TRUE(is_front_page("https://shop.example/?ref=ad"));
  EXPECT_FALSE(is_front_page("https://shop.example/a/pages/custom-set"));
  EXPECT_FALSE(is_front_page(""));
}

TEST(Titles, SiteNameAloneSaysNothingBelowTheFrontPage) {
  // A shop serving its name as every page's title: the <h1> names the page.
  const Fields f = fields_of(R"(<head><title>Glowshop</title><meta property=og:title content="Glowshop">
    <meta property=og:site_name content="Glowshop"></head><body><main><h1>Custom Skincare Set</h1>
    <p>Three products picked for your skin.</p></main></body>)",
                             "https://www.glowshop.example/a/pages/custom-skincare-set");
  EXPECT_EQ(f.doc.title, "Custom Skincare Set");
  // On the front page the site's name is the title.
  const Fields g = fields_of(R"(<head><title>Glowshop</title><meta property=og:title content="Glowshop">
    <meta property=og:site_name content="Glowshop"></head><body><main><h1>Skincare that works</h1>
    <p>Three products picked for your skin.</p></main></body>)",
                             "https://www.glowshop.example/");
  EXPECT_EQ(g.doc.title, "Glowshop");
}

TEST(Titles, OneWordH1BeginningTheDeclaredTitleNamesThePage) {
  const Fields f = fields_of(R"(<head><title>Headlamps for Camping, Hiking &amp; Running | Example Co-op</title>
    </head><body><main><h1>Headlamps</h1><ul><li>Lamp one</li><li>Lamp two</li></ul></main></body>)",
                             "https://shop.example/c/headlamps");
  EXPECT_EQ(f.doc.title, "Headlamps");
}

TEST(Titles, OneWordH1ElsewhereInTheDeclaredTitleIsALabel) {
  const Fields f = fields_of(R"(<head><title>How we found a flaw in Discord, Mintlify and others | Example</title>
    </head><body><main><h1>Discord</h1><p>The write-up of the attack.</p></main></body>)",
                             "https://blog.example/flaw");
  EXPECT_EQ(f.doc.title, "How we found a flaw in Discord, Mintlify and others");
}

TEST(Titles, DeclaredTitleBeginningWithTheH1DoesNotStandInForIt) {
  // The declared title adds search words after the page's name: the page-type
  // stage gets no declared title to put in the <h1>'s place.
  const Fields f = fields_of(R"(<head><title>Marathon Training for All Skill Levels | Example Coach</title>
    </head><body><main><h1>Marathon Training</h1><p>Plans for novices and for the advanced.</p></main></body>)",
                             "https://coach.example/training/marathon/");
  EXPECT_EQ(f.doc.title, "Marathon Training");
  EXPECT_EQ(f.kind.declared_title, "");
  // Another declared wording of a hero's slogan still does.
  const Fields g = fields_of(R"(<head><title>Online Math Tutors | Example Tutoring</title>
    </head><body><main><h1>Online Math Tutors for Every Grade</h1><p>Book a tutor today.</p></main></body>)",
                             "https://tutoring.example/math/");
  EXPECT_EQ(g.doc.title, "Online Math Tutors for Every Grade");
  EXPECT_EQ(g.kind.declared_title, "Online Math Tutors");
}

TEST(Titles, ThreadSubjectUnderAnAppsOneTitle) {
  // The app serves one <title> on every page and declares nothing else: the
  // thread's <h1> is its subject, however long and unlike the <title>.
  const std::string subject =
      "FCC chair to regulators abroad: if you restrict our satellite providers, we will ban yours here, "
      "the agency says, and it now asks for public comment on market access reciprocity";
  const std::string page = "<head><title>Forum App - The heart of the talk</title></head><body><main><h1>" +
                           subject + "</h1><p>Posted a link to the story, thoughts?</p></main></body>";
  EXPECT_EQ(fields_of(page, "https://forum.example/r/tech/comments/1abc/fcc_chair/").doc.title, subject);
  // Off a thread the same <h1> is a slogan unlike the <title>.
  EXPECT_NE(fields_of(page, "https://forum.example/r/tech/story/").doc.title, subject);
  // A thread that declares its subject (og:title) keeps it over a side box's <h1>.
  const std::string declared = R"(<head><title>Hair grown in the lab : science</title>
    <meta property="og:title" content="Hair grown in the lab"></head><body><main><h1>Submission rules</h1>
    <p>Posted a link to the study.</p></main></body>)";
  EXPECT_EQ(fields_of(declared, "https://forum.example/r/science/comments/1xyz/hair/").doc.title,
            "Hair grown in the lab");
}

TEST(Titles, ContainsWords) {
  EXPECT_TRUE(contains_words("Siemens und Adani: Kaeser verarscht Neubauer", "kaeser VERARSCHT"));
  EXPECT_TRUE(contains_words("Headlamps for Camping", "Headlamps"));
  EXPECT_TRUE(contains_words("PaiNs Blog : Quests und NPC\u00B4s", "Quests und NPC\u2019s"));
  EXPECT_TRUE(contains_words("iFixit Pro Tech\u00AE Toolkit: Repair Kit", "Pro Tech Toolkit"));
  // Whole words only.
  EXPECT_FALSE(contains_words("Kaeser verarscht Neubauer", "kaeser verar"));
  EXPECT_FALSE(contains_words("Truckwash A31Das Branchenbuch", "Truckwash A31"));
  EXPECT_FALSE(contains_words("Headlamps for Camping", ""));
}

TEST(Titles, ReadsAsLabel) {
  // A few words, not found in a declared title two words longer or more.
  EXPECT_TRUE(reads_as_label("Toddler Sleep Training", "How To Get Toddlers To Sleep In Their Own Bed"));
  EXPECT_TRUE(reads_as_label("M&A Updates", "Cybersecurity Sector Update - Fall 2025"));
  EXPECT_TRUE(reads_as_label("Form an LLC in New York", "How to Open an LLC in New York (2026 Guide)"));
  // The declared title holds it: the name with search words, or a kicker.
  EXPECT_FALSE(reads_as_label("Headlamps", "Headlamps for Camping, Hiking & Running"));
  EXPECT_FALSE(reads_as_label("Kaeser verarscht Neubauer", "Siemens und Adani: Kaeser verarscht Neubauer"));
  // Another wording of the same headline, from its first word.
  EXPECT_FALSE(reads_as_label("What is a Mobile Application?", "What is a Mobile App? [Definition + Types]"));
  // Not shorter by two words; a long headline; nothing declared.
  EXPECT_FALSE(reads_as_label("Best Office Chairs", "Top Office Chairs 2026"));
  EXPECT_FALSE(reads_as_label("The Seven Best Sewing Machines for a Beginner",
                              "Beginner Sewing Machines: Check out My Top Seven Favorites Today"));
  EXPECT_FALSE(reads_as_label("Toddler Sleep Training", ""));
}

TEST(Titles, ShortH1UnlikeTheDeclaredTitleIsALabel) {
  const std::string page = R"(<head><meta property="og:type" content="article">
    <meta property="og:title" content="How To Get Toddlers To Sleep In Their Own Bed">
    </head><body><main><h1>Toddler Sleep Training</h1><p>Bedtime can be a struggle.</p></main></body>)";
  const Fields f = fields_of(page, "https://baby.example/sleep/own-bed/");
  EXPECT_EQ(f.doc.title, "Toddler Sleep Training");  // the page-type stage decides
  EXPECT_EQ(f.kind.label_over_title, "How To Get Toddlers To Sleep In Their Own Bed");
  // An <h1> the declared title holds is no label.
  const Fields g = fields_of(R"(<head><meta property="og:type" content="article">
    <meta property="og:title" content="Siemens und Adani: Kaeser verarscht Neubauer"></head>
    <body><main><h1>Kaeser verarscht Neubauer</h1><p>Text.</p></main></body>)",
                             "https://news.example/siemens/");
  EXPECT_EQ(g.doc.title, "Kaeser verarscht Neubauer");
  EXPECT_EQ(g.kind.label_over_title, "");
}

}  // namespace thresher::fields
