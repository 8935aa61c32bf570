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

TEST(TextUtil, VisibleLengthCountsCodePointsNotBytes) {
  EXPECT_EQ(visible_length("a b"), 2u);
  EXPECT_EQ(visible_length("日本語"), 3u);
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
  EXPECT_TRUE(iequals_ascii("Canonical", "canonical"));
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
