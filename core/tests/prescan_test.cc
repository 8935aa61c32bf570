#include "input/prescan.h"

#include <gtest/gtest.h>
#include <gumbo.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "attributes_read.h"
#include "content/rules.h"
#include "dom/node_index.h"
#include "dom/parse.h"
#include "fields/fields.h"
#include "input/decode.h"
#include "test_util.h"

namespace thresher::input {

TEST(Prescan, DropsScriptStyleSvgAndCommentBodies) {
  EXPECT_EQ(strip_unparsed_bodies("<p>a</p><script>var x = '<p>';</script><style>p{}</style>"
                                  "<!-- note --><svg viewBox='0 0 1 1'><path d=''/></svg><p>b</p>"),
            "<p>a</p><script></script><style></style><svg viewBox='0 0 1 1'></svg><p>b</p>");
}

TEST(Prescan, KeepsJsonLdAndCaseInsensitiveTags) {
  const std::string ld = "<script type=\"application/ld+json\">{\"a\":1}</script>";
  EXPECT_EQ(strip_unparsed_bodies(ld), ld);
  EXPECT_EQ(strip_unparsed_bodies("<SCRIPT src=x>x</SCRIPT >y"), "<SCRIPT src=x></SCRIPT >y");
}

TEST(Prescan, KeepsReactSuspenseMarkers) {
  // The node index reads streamed content in place of a boundary's
  // fallback, which ends at "/$"; other comments go.
  EXPECT_EQ(strip_unparsed_bodies("<!--$?--><template id=\"B:0\"></template><p>Loading</p><!--/$-->"
                                  "<!--$--><!--$!--><!--/$--><!-- $ -->"),
            "<!--$?--><template id=\"B:0\"></template><p>Loading</p><!--/$--><!--$--><!--$!--><!--/$-->");
}

TEST(Prescan, ClosesASelfClosedIframeLeftOpenInANoscript) {
  // Read as markup, an <iframe/> never closed would take the rest of the
  // page as its raw text; a browser running scripts reads the noscript as
  // text, ending at </noscript>.
  EXPECT_EQ(squeeze_markup("<noscript><iframe src=x height=0 /></noscript><p>a</p>", {}),
            "<noscript><iframe src=x height=0 /></iframe></noscript><p>a</p>");
  // Closed ones, and iframes outside a noscript, are left as they are.
  const std::string closed = "<noscript><iframe src=x /></iframe></noscript><p>a</p>";
  EXPECT_EQ(squeeze_markup(closed, {}), closed);
  EXPECT_EQ(squeeze_markup("<noscript><iframe src=x></noscript>", {}), "<noscript><iframe src=x></noscript>");
  EXPECT_EQ(squeeze_markup("<noscript><img src=x /></noscript>", {}), "<noscript><img src=x /></noscript>");
}

TEST(Prescan, LeavesLookalikesAndUnterminatedInputAlone) {
  EXPECT_EQ(strip_unparsed_bodies("<scripts>keep</scripts>"), "<scripts>keep</scripts>");
  EXPECT_EQ(strip_unparsed_bodies("<p>x<script>never closed"), "<p>x<script>never closed");
  EXPECT_EQ(strip_unparsed_bodies("<!-- open"), "<!-- open");
  EXPECT_EQ(strip_unparsed_bodies("<svg/><p>t</p>"), "<svg/><p>t</p>");
}

TEST(Prescan, QuotedGreaterThanInsideTheStartTag) {
  EXPECT_EQ(strip_unparsed_bodies("<script data-x=\"a>b\">code</script>"),
            "<script data-x=\"a>b\"></script>");
}

// squeeze_markup with only the nesting cap's work to do (every attribute
// kept, no text lifted).
std::string capped(const std::string& html, std::size_t max_depth) {
  return squeeze_markup(html, {}, nullptr, max_depth);
}

TEST(Prescan, NestingPastTheCapIsFlattened) {
  EXPECT_EQ(capped("<div><div><div>x</div></div></div><p>y</p>", 2),
            "<div><div>x</div></div><p>y</p>");
  // Unclosed <p> and <li> and void elements do not count.
  std::string many;
  for (int k = 0; k < 100; ++k) many += "<li><p>t<br><img src=x>";
  EXPECT_EQ(capped("<div>" + many + "</div>", 2), "<div>" + many + "</div>");
  EXPECT_EQ(capped("<div><span>a</span><span>b</span></div>", 2),
            "<div><span>a</span><span>b</span></div>");
}

TEST(Prescan, ATagDroppedByTheCapLosesItsMeaning) {
  // A <textarea> past the cap is no raw-text element to gumbo: what it held
  // is markup, capped too; so is white space in a <pre> past it.
  EXPECT_EQ(capped("<div><div><textarea><div><div>x</div></div></textarea></div></div>", 2),
            "<div><div>x</div></div>");
  EXPECT_EQ(capped("<div><div><pre>a   b</pre></div></div>", 2), "<div><div>a b</div></div>");
  EXPECT_EQ(capped("<div><pre>a   b</pre></div>", 2), "<div><pre>a   b</pre></div>");
}

TEST(Prescan, HugeStartTagsAreCutAtAnAttribute) {
  std::string tag = "<div";
  for (int k = 0; k < 100000; ++k) tag += " a" + std::to_string(k) + "=\"v\"";
  const std::string lean = capped(tag + ">text</div>", 512);
  EXPECT_LT(lean.size(), 17000u);
  EXPECT_TRUE(lean.ends_with("\">text</div>")) << lean.substr(lean.size() - 40);
  // One huge quoted value is left alone.
  const std::string big = "<div data-x=\"" + std::string(40000, 'y') + "\">t</div>";
  EXPECT_EQ(capped(big, 512), big);
}

TEST(Prescan, UnclosedFormattingElementsDoNotPileUp) {
  std::string html;
  for (int k = 0; k < 100; ++k) html += "<p><b class=c" + std::to_string(k) + ">x</p>";
  const std::string lean = capped(html, 512);
  std::size_t bolds = 0;
  for (std::size_t at = lean.find("<b "); at != std::string::npos; at = lean.find("<b ", at + 1)) ++bolds;
  EXPECT_EQ(bolds, 8u);
}

TEST(Prescan, AStrayLessThanDoesNotStopStripping) {
  EXPECT_EQ(strip_unparsed_bodies("<p>if a <b and \"c</p><script>var x;</script><!-- c --><p>d</p>"),
            "<p>if a <b and \"c</p><script></script><p>d</p>");
}

TEST(Prescan, AMillionNestedDivsBecomeShallow) {
  std::string deep;
  for (int k = 0; k < 1000000; ++k) deep += "<div>";
  deep += "text";
  const std::string lean = capped(deep, 512);
  EXPECT_EQ(lean.size(), 512 * 5 + 4);
}

constexpr std::string_view kKeepNames[] = {"class", "id", "href", "style"};
const AttributePolicy kKeep{kKeepNames, {}};

TEST(Prescan, SqueezesWhiteSpaceInTextOnly) {
  EXPECT_EQ(squeeze_markup("<p>a   b\n\n  c</p>  <p>d\te</p>", {}), "<p>a b\nc</p> <p>d\te</p>");
  // Attribute values, <pre>, <textarea>, <title> and comments keep theirs.
  const std::string kept =
      "<p title='a   b'>x</p><pre>  1\n  2</pre><textarea> a  b </textarea>"
      "<title>t  t</title><!--  c  --><listing>  l</listing>";
  EXPECT_EQ(squeeze_markup(kept, {}), kept);
  // A custom element named like <pre> is not <pre>.
  EXPECT_EQ(squeeze_markup("<pre-x>a  b</pre-x>", {}), "<pre-x>a b</pre-x>");
  // An unfinished tag: the rest is left as it is.
  EXPECT_EQ(squeeze_markup("a  b<p title='x  ", {}), "a b<p title='x  ");
}

TEST(Prescan, SplitsTagsAsTheTokenizerDoes) {
  // A quote opens a value only after "=": here `"` is an attribute name and
  // the tag ends at the first '>'.
  EXPECT_EQ(squeeze_markup("<img class=\"a\" \" alt=\"b\">x  y", kKeep), "<img class=\"a\">x y");
  EXPECT_EQ(squeeze_markup("<a href=x/>y  z</a>", kKeep), "<a href=x/>y z</a>");
  EXPECT_EQ(squeeze_markup("<a b'c>d  e", {}), "<a b'c>d e");
  // Comments end at "-->", "--!>", or at once as "<!-->".
  EXPECT_EQ(squeeze_markup("<!--> a  b <!-- x --!> c  d", {}), "<!--> a b <!-- x --!> c d");
}

TEST(Prescan, DropsAttributesNoStageReads) {
  EXPECT_EQ(squeeze_markup("<div CLASS=x data-y='1 2' id=\"z\" onclick=f()>t</div>", kKeep),
            "<div CLASS=x id=\"z\">t</div>");
  EXPECT_EQ(squeeze_markup("<img srcset='a 1x' class=c/>", kKeep), "<img class=c/>");
  EXPECT_EQ(squeeze_markup("<br data-x=1 />", kKeep), "<br />");
  // The tree builder reads <input type> (in tables) and <font color|face|size>.
  EXPECT_EQ(squeeze_markup("<input type=hidden data-x=1><font color=red size=2 lang=x>", kKeep),
            "<input type=hidden><font color=red size=2>");
  const std::string all = "<div data-x=1 class=y>";
  EXPECT_EQ(squeeze_markup(all, {}), all);  // nothing listed: all kept
}

TEST(Prescan, KeptNamesAreFoundWhateverTheirFirstLetterOrCase) {
  // Names sharing a first letter with a kept one ("cite", "item"), a kept
  // name repeated (gumbo reads the first), and a policy of more than 32 names.
  constexpr std::string_view kNames[] = {"id", "itemprop", "content", "class"};
  const AttributePolicy policy{kNames, {}};
  EXPECT_EQ(squeeze_markup("<q cite=u ITEMPROP=a id=b item=c class=d CLASS=e content=f>", policy),
            "<q ITEMPROP=a id=b class=d content=f>");
  std::vector<std::string> many;
  for (int k = 0; k < 40; ++k) many.push_back("n" + std::to_string(k));
  many.push_back("id");
  const std::vector<std::string_view> views(many.begin(), many.end());
  const AttributePolicy wide{views, {}};
  EXPECT_EQ(squeeze_markup("<p n39=a x=b id=c n3=d>", wide), "<p n39=a id=c n3=d>");
}

TEST(Prescan, EveryRawTextElementKeepsItsWhiteSpace) {
  for (const std::string name : {"script", "style", "textarea", "title", "xmp", "iframe",
                                 "noembed", "noframes", "noscript"}) {
    const std::string page = "<" + name + ">a  <b>  c</" + name + ">";
    EXPECT_EQ(squeeze_markup(page, {}), page) << name;
  }
  // Names of the same lengths that are not raw text are squeezed.
  EXPECT_EQ(squeeze_markup("<sup>a  b</sup><strong>c  d</strong>", {}),
            "<sup>a b</sup><strong>c d</strong>");
}

TEST(Prescan, KeepsOnlyStylesThatHide) {
  AttributePolicy policy{kKeepNames, {}};
  policy.style_read = [](std::string_view style) { return style.find("none") != std::string_view::npos; };
  EXPECT_EQ(squeeze_markup("<p style=\"color: red\">f</p><p style=\"display:none\">g</p>", policy),
            "<p >f</p><p style=\"display:none\">g</p>");
}

TEST(Prescan, LiftsLongAttributeValuesOut) {
  const AttributePolicy keep_all;
  LiftedText lifted;
  const std::string lean = squeeze_markup(
      "<a href=\"https://example.com/a/long/path\" class=tiny id=long-identifier>x</a>"
      "<a href=/unquoted/long/path title='x &copy a reference'>y</a>"
      "<table><input type=hidden-and-long-enough><font color=a-colour-name-here>", keep_all, &lifted);
  EXPECT_EQ(lifted.count(), 3u);
  // Values lifted are written unquoted; short values, references not read
  // (a name without ';') and what the tree builder reads are left in place.
  EXPECT_NE(lean.find("<a href=\xF3\xB0\x80\x80 class"), std::string::npos) << lean;
  EXPECT_NE(lean.find(" class=tiny id=\xF3\xB0\x80\x81>"), std::string::npos) << lean;
  EXPECT_NE(lean.find("<a href=\xF3\xB0\x80\x82 "), std::string::npos) << lean;
  EXPECT_NE(lean.find(" title='x &copy a reference'>y"), std::string::npos) << lean;
  EXPECT_NE(lean.find("<input type=hidden-and-long-enough><font color=a-colour-name-here>"),
            std::string::npos) << lean;
  // The tree gets them back.
  const dom::ParsedHtml parsed(lean, 0, &lifted);
  const GumboNode* body = static_cast<const GumboNode*>(parsed.root()->v.element.children.data[1]);
  const GumboNode* a = static_cast<const GumboNode*>(body->v.element.children.data[0]);
  EXPECT_STREQ(gumbo_get_attribute(&a->v.element.attributes, "href")->value, "https://example.com/a/long/path");
  EXPECT_STREQ(gumbo_get_attribute(&a->v.element.attributes, "id")->value, "long-identifier");
}

TEST(Prescan, ImageSourcesOnlyWhenImagesAreRendered) {
  const std::string img = "<img src=a.png alt=\"A cat\" class=hero-image>";
  EXPECT_EQ(squeeze_markup(img, AttributesRead(Options{}).policy()), "<img class=hero-image>");
  Options with_images;
  with_images.include_images = true;
  EXPECT_EQ(squeeze_markup(img, AttributesRead(with_images).policy()), img);
}

// The differential check over the stored corpus: what squeeze_markup (with
// its nesting cap) adds to strip_unparsed_bodies changes nothing a stage reads.
// Both trees are compared with attributes not read dropped (of class and
// style, only what the stages make of them is compared), white space
// runs in text squeezed (outside <pre>, <textarea>, <listing>) and adjacent
// text merged, comments left out.
void normalized(const GumboNode* n, bool raw_space, std::string& out, std::string& text) {
  auto flush = [&] {
    if (!text.empty()) out.append("#").append(text).append("\n");
    text.clear();
  };
  switch (n->type) {
    case GUMBO_NODE_DOCUMENT:
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE: {
      const GumboVector* children = &n->v.document.children;
      if (n->type != GUMBO_NODE_DOCUMENT) {
        flush();
        const GumboElement& e = n->v.element;
        out.append("<").append(gumbo_normalized_tagname(e.tag));
        if (e.tag == GUMBO_TAG_UNKNOWN) {
          GumboStringPiece name = e.original_tag;
          gumbo_tag_from_original_text(&name);
          out.append(name.data, name.length);
        }
        for (unsigned k = 0; k < e.attributes.length; ++k) {
          const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
          const std::string_view name = a->name;
          if (name == "class") {
            // What the stages read of a class: the rules it matches, and
            // whether it names a disclosure panel or a user.
            // Token by token, so that the matcher's cut of long lists at
            // 1 KiB (which the pre-scan shortens) does not count.
            static const content::RuleMatcher rules;
            content::RuleMask mask = 0;
            const std::string_view value = a->value;
            for (std::size_t at = 0; at < value.size();) {
              std::size_t end = value.find_first_of(" \t\n\r\f", at);
              if (end == std::string_view::npos) end = value.size();
              mask |= rules.match(GUMBO_TAG_UNKNOWN, value.substr(at, end - at), {}, {});
              at = end + 1;
            }
            const bool panel = dom::names_disclosure_panel(a->value);
            const bool user = fields::names_user(a->value);
            if (mask != 0 || panel || user) {
              out.append(" class=").append(std::to_string(mask)).append(panel ? "p" : "").append(user ? "u" : "");
            }
          } else if (name == "style") {
            if (dom::style_hides(a->value)) out.append(" style=hides");
          } else if (dom::is_read_attribute(name)) {
            out.append(" ").append(name).append("=").append(a->value);
          }
        }
        out.append(">\n");
        raw_space |= e.tag == GUMBO_TAG_PRE || e.tag == GUMBO_TAG_TEXTAREA || e.tag == GUMBO_TAG_LISTING;
        children = &e.children;
      }
      for (unsigned k = 0; k < children->length; ++k) {
        normalized(static_cast<const GumboNode*>(children->data[k]), raw_space, out, text);
      }
      flush();
      out.append("/\n");
      break;
    }
    case GUMBO_NODE_COMMENT:
      break;
    default:
      for (const char* c = n->v.text.text; *c; ++c) {
        const bool space = *c == ' ' || *c == '\n' || *c == '\t' || *c == '\r' || *c == '\f';
        if (!space || raw_space) {
          text.push_back(*c);
        } else if (text.empty() || text.back() != ' ') {
          text.push_back(' ');
        }
      }
  }
}

// The tree the pipeline gets: parsed into an arena, lifted text put back.
std::string normalized_tree(const std::string& html, const LiftedText* lifted = nullptr) {
  const dom::ParsedHtml parsed(html, 0, lifted);
  std::string out, text;
  normalized(parsed.document(), false, out, text);
  return out;
}

TEST(Prescan, KeptNamesAreCodedAndComeBack) {
  constexpr std::string_view kNames[] = {"id", "href", "xml:lang", "class", "hidden"};
  const AttributePolicy policy{kNames, {}};
  LiftedText lifted;
  const std::string lean = squeeze_markup(
      "<p CLASS=\"lead\" data-x=1 xml:lang=en>x</p><a href='/a/long/path'/><br hidden>"
      "<input type=hidden id=\"a long id\"><math><mi xml:lang=fr class=m>y</mi></math>",
      policy, &lifted);
  // One character for a name (but xml:lang, which gumbo renames in foreign
  // content, and type, which it reads), values unquoted when lifted.
  const std::string id = "\xF4\x8F\xBF\x9E", href = "\xF4\x8F\xBF\x9F", cls = "\xF4\x8F\xBF\xA1",
                    hidden = "\xF4\x8F\xBF\xA2";
  EXPECT_EQ(lean, "<p " + cls + "=\"lead\" xml:lang=en>x</p><a " + href + "=\xF3\xB0\x80\x80 />" +
                      "<br " + hidden + "><input type=hidden " + id + "=\xF3\xB0\x80\x81>" +
                      "<math><mi xml:lang=fr " + cls + "=m>y</mi></math>");
  // The tree gets them back, as gumbo would have named them.
  const std::string as_written = squeeze_markup(
      "<p CLASS=\"lead\" xml:lang=en>x</p><a href='/a/long/path'/><br hidden>"
      "<input type=hidden id=\"a long id\"><math><mi xml:lang=fr class=m>y</mi></math>", {});
  EXPECT_EQ(normalized_tree(lean, &lifted), normalized_tree(as_written));
  // Without lifting, names stay as written.
  EXPECT_EQ(squeeze_markup("<p CLASS=\"lead\">x</p>", policy), "<p CLASS=\"lead\">x</p>");
}

TEST(Prescan, LiftedTextComesBackWhereGumboPutsIt) {
  const AttributePolicy keep_all;
  // Text gumbo moves (foster parenting out of a table), text before <body>,
  // runs joined where an end tag vanishes, <pre> (its first newline), raw
  // text, character references, white space around runs, and enough runs
  // that placeholders of both planes are used.
  std::string many;
  for (int k = 0; k < 70000; ++k) many += "<b>run number " + std::to_string(k) + "</b> ";
  const std::string pages[] = {
      "<title>A title of a page</title>Text before the body starts<p>One paragraph of text</p>",
      "<table>Fostered text, out of the table<tr><td>A cell with its text</td></tr></table>",
      "<p>First part of a sentence</span> and its second part</p>",
      "<pre>\nKept as it is in pre</pre><textarea>\nA text area's text</textarea>After them both",
      "<p>  Fish &amp; chips, with white space  </p> <p>\n\n Another one, with more\n</p>",
      "<ul><li>An item of a list<li>Another item of the list</ul><select><option>An option here</select>",
      "<svg><text>Text in foreign content</text></svg><math><mi>identifier x</mi></math>",
      "<a href='/a/long/link/to/somewhere' class=\"nav-item active\" id=some-long-id>A link</a>"
      "<table><tr><td><input type=hidden name=a-long-enough-name value='a long value'></td></tr>"
      "</table><html lang=en-GB-oxendict class='a second html tag'><math><mi href=/x/y/z/w>x</mi>",
      many,
      "<p>Fish &amp; chips &mdash; &#8220;quoted&#x201D;, R & D</p><p>Not read: &copy 2024 here</p>"
      "<a title='Q&amp;A &rsquo; page' href='/?a=1&amp;b=2'>x</a>",
      "<script type=application/ld+json>\n {\"@type\": \"Article\", \"name\": \"A &amp; B\"}</script>"
      "<p>Text after the script</p><script>\n\n</script><script>if (a <b) {}</script>"
      "<script>x = '<!-- <script>'; </script> still script</script><p>after</p>",
      "<p>Some text first</p><math><script>{\"a\": \"b &amp; c\"}</script></math>"
      "<p>Text after the math</p><script>{\"a\": \"b &amp; c\"}</script>",
      "<p>Some text first</p><svg><script>{\"a\": \"b &amp; c\"}</script></svg><p>After the svg</p>",
  };
  for (const std::string& page : pages) {
    LiftedText lifted;
    const std::string lean = squeeze_markup(page, keep_all, &lifted);
    EXPECT_FALSE(lifted.empty()) << page;
    EXPECT_LT(lean.size(), page.size()) << page;
    EXPECT_EQ(normalized_tree(lean, &lifted), normalized_tree(squeeze_markup(page, keep_all)))
        << page;
  }
  // A page that holds a placeholder-shaped character itself keeps its text
  // in the markup.
  LiftedText lifted;
  const std::string own = "<p>An icon \xF3\xB0\x80\x80 in the text of a paragraph</p>";
  EXPECT_EQ(prescan(own, 0, keep_all, &lifted), own);
  EXPECT_TRUE(lifted.empty());
}

TEST(Prescan, LiftsAScriptBodyOnlyWhereItIsRawText) {
  const AttributePolicy keep_all;
  const std::string json = "{\"name\": \"Fish &amp; chips\"}";
  const std::string script = "<script type=application/ld+json>\n " + json + "</script>";
  LiftedText lifted;
  std::string lean = squeeze_markup(script, keep_all, &lifted);
  EXPECT_EQ(lean, "<script type=application/ld+json>\n \xF3\xB0\x80\x80</script>");
  EXPECT_EQ(lifted.run_at(lean.c_str() + lean.find('\xF3')), json);  // '&' as written
  // A '<' is text in it, but for "<!--" (the tokenizer's escapes), after
  // which it is left, as on a page that may be in foreign content by then.
  LiftedText with_lt;
  EXPECT_EQ(squeeze_markup("<script>{\"a\": \"<p>b</p>\"}</script>", keep_all, &with_lt),
            "<script>\xF3\xB0\x80\x80</script>");
  EXPECT_EQ(with_lt.run_at("\xF3\xB0\x80\x80"), "{\"a\": \"<p>b</p>\"}");
  for (const std::string& page : {std::string("<script>a <!-- <script> </script>b</script>"), "<math>" + script,
                                  "<svg>" + script, "<frameset>" + script}) {
    LiftedText none;
    EXPECT_EQ(squeeze_markup(page, keep_all, &none), page);
    EXPECT_TRUE(none.empty());
  }
  // An <svg> closed at once (as the pre-scan leaves it) leaves raw text raw.
  LiftedText after_svg;
  lean = squeeze_markup("<svg></svg>" + script, keep_all, &after_svg);
  EXPECT_EQ(after_svg.count(), 1u);
}

TEST(Prescan, CorpusTreesOnlyLoseWhatNoStageReads) {
  std::vector<std::string> pages;
  for (const auto& entry : std::filesystem::directory_iterator(testing::source_path("corpus/pages"))) {
    pages.push_back((entry.path() / "page.html.gz").string());
  }
  std::sort(pages.begin(), pages.end());
  ASSERT_GT(pages.size(), 500u);
  const content::RuleMatcher rules;
  Options options;
  options.include_images = true;  // src and alt compared as they are
  const AttributesRead attributes(options);
  std::size_t pages_lifted = 0;
  for (const std::string& page : pages) {
    const std::string utf8 = decode_to_utf8(testing::read_file(page)).utf8;
    const std::string stripped = strip_unparsed_bodies(utf8);
    LiftedText lifted;
    const std::string lean = prescan(utf8, 512, attributes.policy(), &lifted);
    ASSERT_LT(lean.size(), stripped.size() + 1) << page;
    pages_lifted += lifted.empty() ? 0 : 1;
    const std::string a = normalized_tree(stripped), b = normalized_tree(lean, &lifted);
    if (a != b) {
      const std::size_t at = std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin();
      const std::size_t from = at > 80 ? at - 80 : 0;
      ADD_FAILURE() << page << "\n stripped: " << a.substr(from, 400) << "\n prescan:  " << b.substr(from, 400);
    }
  }
  EXPECT_GT(pages_lifted, pages.size() * 9 / 10);  // the check covers lifted text
}

}  // namespace thresher::input
