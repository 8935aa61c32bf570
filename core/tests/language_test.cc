// Language detection (CLD2) and the choice between declared and detected.
#include "fields/language.h"

#include <gtest/gtest.h>

#include "thresher/extractor.h"

namespace thresher::fields {
namespace {

const std::string kGerman =
    "Die NASA hat mindestens ebenso spektakuläre Bilder veröffentlicht wie im letzten Jahr. "
    "Die Raumsonde fliegt weiter zum äußeren Rand des Sonnensystems, und die Forscher hoffen "
    "auf neue Erkenntnisse über die Entstehung der Planeten und ihrer Monde. ";
const std::string kEnglish =
    "The Russian Foreign Ministry Spokesperson slams the statement as self-promotion, "
    "advertising, and unprofessionalism, according to a statement published on Thursday. ";

DetectedLanguage detected(std::string code, int percent, std::size_t bytes, bool reliable = true) {
  return {std::move(code), percent, reliable, bytes};
}

TEST(DetectLanguage, FindsTheLanguageOfProse) {
  auto de = detect_language(kGerman);
  ASSERT_TRUE(de);
  EXPECT_EQ(de->code, "de");
  EXPECT_TRUE(de->reliable);
  auto en = detect_language(kEnglish);
  ASSERT_TRUE(en);
  EXPECT_EQ(en->code, "en");
}

TEST(DetectLanguage, GivesBcp47CodesNotCld2Ones) {
  auto he = detect_language("שלום עולם, זהו טקסט בעברית שנכתב כדי לבדוק את הזיהוי של השפה ברשת.");
  ASSERT_TRUE(he);
  EXPECT_EQ(he->code, "he");  // CLD2 says "iw"
  auto zh_hant = detect_language("這款產品具有極其重要的意義，因為這意味著未來的人工智能系統可以更好地回答問題。");
  ASSERT_TRUE(zh_hant);
  EXPECT_EQ(zh_hant->code, "zh-Hant");
}

TEST(DetectLanguage, SaysNothingOnNothing) {
  EXPECT_FALSE(detect_language(""));
  EXPECT_FALSE(detect_language("12345 67 890"));
  EXPECT_FALSE(detect_language(std::string("\xff\xfe\xfd", 3)));
}

TEST(ChooseLanguage, DetectionFillsAMissingDeclaration) {
  auto c = choose_language("", "", detected("de", 99, 300));
  EXPECT_EQ(c.language, "de");
  EXPECT_EQ(c.source, "detected");
}

TEST(ChooseLanguage, UnreliableOrShortDetectionsAreNotUsed) {
  EXPECT_EQ(choose_language("", "", detected("de", 99, 300, false)).language, "");
  EXPECT_EQ(choose_language("", "", detected("de", 99, 20)).language, "");
  EXPECT_EQ(choose_language("", "", detected("de", 40, 300)).language, "");
  EXPECT_EQ(choose_language("", "", std::nullopt).language, "");
}

TEST(ChooseLanguage, DeclarationStandsUnlessLongTextSaysOtherwise) {
  auto keep = choose_language("en", "html-lang", detected("de", 99, 200));
  EXPECT_EQ(keep.language, "en");
  EXPECT_EQ(keep.source, "html-lang");
  auto over = choose_language("en", "html-lang", detected("de", 99, 2000));
  EXPECT_EQ(over.language, "de");
  EXPECT_EQ(over.source, "detected (declared en)");
  EXPECT_EQ(choose_language("en-US", "meta", detected("en", 99, 2000)).language, "en-US");
  EXPECT_EQ(choose_language("en", "html-lang", detected("de", 80, 2000)).language, "en");
}

TEST(ChooseLanguage, CloseRelativesDoNotOverride) {
  EXPECT_EQ(choose_language("nb", "html-lang", detected("da", 99, 2000)).language, "nb");
  EXPECT_EQ(choose_language("hr", "html-lang", detected("sr", 99, 2000)).language, "hr");
  EXPECT_EQ(choose_language("id", "html-lang", detected("ms", 99, 2000)).language, "id");
}

TEST(Language, EndToEndFromTheMainText) {
  const Extractor ex;
  std::string body;
  for (int k = 0; k < 4; ++k) body += "<p>" + kGerman + "</p>";
  auto undeclared = ex.extract("<html><body><article>" + body + "</article></body></html>");
  ASSERT_TRUE(undeclared);
  EXPECT_EQ(undeclared.value().language, "de");
  EXPECT_EQ(undeclared.value().diagnostics.language_source, "detected");
  auto wrong = ex.extract("<html lang='en'><body><article>" + body + "</article></body></html>");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong.value().language, "de");
  EXPECT_EQ(wrong.value().diagnostics.language_source, "detected (declared en)");
  auto right = ex.extract("<html lang='de-AT'><body><article>" + body + "</article></body></html>");
  ASSERT_TRUE(right);
  EXPECT_EQ(right.value().language, "de-AT");
  EXPECT_EQ(right.value().diagnostics.language_source, "html-lang");
}

}  // namespace
}  // namespace thresher::fields
