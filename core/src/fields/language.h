// The language of a page's main text, detected with CLD2 (Debian's libcld2),
// and the choice between it and the language the page declares.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace thresher::fields {

struct DetectedLanguage {
  std::string code;     // BCP-47: "en", "zh-Hant", "he"
  int percent = 0;      // share of the text in this language
  bool reliable = false;
  std::size_t text_bytes = 0;  // letters CLD2 scored (markup-free, spaces collapsed)
};

// How much text CLD2 reads: 4 KiB decide a language as well as 16 KiB
// (no corpus page changes) at a quarter of the cost.
constexpr std::size_t kLanguageSampleBytes = 4 * 1024;

// CLD2 over at most the first kLanguageSampleBytes of `text` (UTF-8; invalid
// bytes end the sample). std::nullopt when CLD2 cannot tell.
[[nodiscard]] std::optional<DetectedLanguage> detect_language(std::string_view text) noexcept;

struct LanguageChoice {
  std::string language;  // empty: unknown
  std::string source;    // the declared source, "detected", or "detected (declared xx)"
};

// The page's declared language stands unless the text is long, reliably in
// one other language and that language is not a close relative of the
// declared one (templates often carry lang="en" on every translation).
// Without a declaration, a reliable detection is used.
[[nodiscard]] LanguageChoice choose_language(std::string_view declared, std::string_view declared_source,
                                             const std::optional<DetectedLanguage>& detected);

}  // namespace thresher::fields
