#include "dom/text_util.h"

#include <gtest/gtest.h>

namespace thresher::text {

TEST(TextUtil, CollapsesAllKindsOfWhiteSpace) {
  EXPECT_EQ(collapse_whitespace("  a \n\t b\xC2\xA0\xC2\xA0" "c  "), "a b c");
  EXPECT_EQ(collapse_whitespace("\xE2\x80\x8B"), "");  // zero-width space only
  EXPECT_EQ(collapse_whitespace(""), "");
}

TEST(TextUtil, AppendCollapsedJoinsInlinePieces) {
  std::string out;
  append_collapsed(out, "Hello ");
  append_collapsed(out, "world");
  EXPECT_EQ(out, "Hello world");
}

TEST(TextUtil, AppendCollapsedKeepsWordsAndDropsOrReplacesWithin) {
  std::string out = "x";
  // Non-ASCII words whole, zero-width characters dropped inside a word,
  // an invalid byte written as U+FFFD, Unicode spaces collapsed with ASCII
  // ones, a control character kept.
  append_collapsed(out, " caf\xC3\xA9\xE2\x80\x8B" "au \xE6\x97\xA5\xE6\x9C\xAC\xC2\xA0\t"
                        "a\xFF" "b\xEF\xBB\xBF\x01 \xE3\x80\x80");
  EXPECT_EQ(out, "x caf\xC3\xA9" "au \xE6\x97\xA5\xE6\x9C\xAC a\xEF\xBF\xBD" "b\x01 ");
  out.clear();
  append_collapsed(out, "\xE2\x80\x8B  lead");  // nothing before: no leading space
  EXPECT_EQ(out, "lead");
}

TEST(TextUtil, VisibleLengthCountsCodePointsNotBytes) {
  EXPECT_EQ(visible_length("a b"), 2u);
  EXPECT_EQ(visible_length("日本語"), 3u);
  EXPECT_EQ(visible_length(" \t\n\r\fx\xC2\xA0"), 2u);  // NBSP is not HTML white space
}

TEST(TextUtil, WordCount) {
  EXPECT_EQ(word_count("By  Jane\tDoe "), 3);
  EXPECT_EQ(word_count(""), 0);
  EXPECT_EQ(word_count("  "), 0);
}

TEST(TextUtil, SentencePunctuation) {
  EXPECT_TRUE(ends_with_sentence_punctuation("He said so."));
  EXPECT_TRUE(ends_with_sentence_punctuation("in his usual manner.\""));
  EXPECT_TRUE(ends_with_sentence_punctuation("What do you need to know?"));
  EXPECT_TRUE(ends_with_sentence_punctuation("終わり。"));
  EXPECT_FALSE(ends_with_sentence_punctuation("3 Min Read"));
  EXPECT_FALSE(ends_with_sentence_punctuation(""));
}

TEST(TextUtil, WordClasses) {
  EXPECT_TRUE(is_word('a'));
  EXPECT_TRUE(is_word(U'é'));
  EXPECT_TRUE(is_word(U'日'));
  EXPECT_FALSE(is_word('-'));
  EXPECT_FALSE(is_word(U'—'));
  EXPECT_FALSE(is_word(0xA0));
}

TEST(TextUtil, LowerCase) {
  EXPECT_EQ(to_lower_utf8("ÀÉÎ Straße ΑΒΓ АБВ"), "àéî straße αβγ абв");
  // ASCII runs between other characters, an invalid byte (U+FFFD), a NUL.
  EXPECT_EQ(to_lower_utf8("Hello, WORLD"), "hello, world");
  EXPECT_EQ(to_lower_utf8("ABC" "\xC3\x89" "DEF" "\xFF" "GH"), "abc" "\xC3\xA9" "def" "\xEF\xBF\xBD" "gh");
  EXPECT_EQ(to_lower_utf8(std::string_view("A\0B", 3)), std::string("a\0b", 3));
  EXPECT_EQ(to_lower_utf8(""), "");
  EXPECT_TRUE(iequals_ascii("Canonical", "canonical"));
}

TEST(TextUtil, SameTextFolded) {
  EXPECT_TRUE(same_text_folded(" Robotic\n Vacuums", "robotic vacuums"));
  EXPECT_FALSE(same_text_folded("Robotic Vacuums", "Robotic Vacuum"));
  EXPECT_FALSE(same_text_folded("  ", ""));
}

TEST(TextUtil, DecodeEntities) {
  EXPECT_EQ(decode_entities("Maria &amp; Katerina &#39;x&#x27; &lt;b&gt;"), "Maria & Katerina 'x' <b>");
  EXPECT_EQ(decode_entities("AT&T &unknown; &#xZZ; &"), "AT&T &unknown; &#xZZ; &");
}

TEST(TextUtil, InvalidUtf8YieldsReplacement) {
  std::size_t i = 0;
  EXPECT_EQ(next_code_point("\xFF", i), 0xFFFDu);
  EXPECT_EQ(i, 1u);
}

}  // namespace thresher::text
