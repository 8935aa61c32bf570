#include "fields/language.h"

#include <cstdio>  // before CLD2's header, which uses FILE without including it

#include <cld2/public/compact_lang_det.h>

#include <array>

#include "dom/text_util.h"
#include "fields/fields.h"

namespace thresher::fields {
namespace {

// Thresholds measured on the corpus pages that declare a language: below
// ~60 scored bytes CLD2 is often wrong on names and boilerplate; an override
// of a declaration needs a long, near-monolingual text.
constexpr std::size_t kMinDetectBytes = 60;
constexpr int kMinDetectPercent = 70;
constexpr std::size_t kMinOverrideBytes = 400;
constexpr int kMinOverridePercent = 90;

std::string primary_subtag(std::string_view tag) {
  return text::to_lower_ascii(tag.substr(0, tag.find_first_of("-_")));
}

// Languages CLD2 confuses with each other, or that pages declare for one
// another; a disagreement inside a group is not a wrong declaration.
bool close_relatives(const std::string& a, const std::string& b) {
  static constexpr std::array<std::string_view, 5> kGroups = {
      " no nb nn da sv ", " sr hr bs me sh ", " ms id ", " cs sk ", " gl pt es "};
  for (std::string_view group : kGroups) {
    if (group.find(" " + a + " ") != std::string_view::npos &&
        group.find(" " + b + " ") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// CLD2 still uses a few withdrawn ISO 639 codes.
std::string bcp47(std::string_view cld2_code) {
  if (cld2_code == "iw") return "he";
  if (cld2_code == "jw") return "jv";
  if (cld2_code == "in") return "id";
  return normalize_language(cld2_code);
}

}  // namespace

std::optional<DetectedLanguage> detect_language(std::string_view text) noexcept {
  try {
    const std::string_view sample = text::utf8_prefix(text, kLanguageSampleBytes);
    if (sample.empty()) return std::nullopt;
    CLD2::Language top3[3];
    int percent3[3] = {0, 0, 0};
    double scores3[3];
    int text_bytes = 0;
    int valid_prefix = 0;
    bool reliable = false;
    const CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        sample.data(), static_cast<int>(sample.size()), true, nullptr, 0, top3, percent3, scores3,
        nullptr, &text_bytes, &reliable, &valid_prefix);
    if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return std::nullopt;
    const std::string_view code = CLD2::LanguageCode(lang);
    if (code.empty() || code == "un" || code.starts_with("xx")) return std::nullopt;
    DetectedLanguage d;
    d.code = bcp47(code);
    if (d.code.empty()) return std::nullopt;
    d.percent = percent3[0];
    d.reliable = reliable;
    d.text_bytes = static_cast<std::size_t>(text_bytes > 0 ? text_bytes : 0);
    return d;
  } catch (...) {
    return std::nullopt;  // allocation failure: no detection, not a failed page
  }
}

LanguageChoice choose_language(std::string_view declared, std::string_view declared_source,
                               const std::optional<DetectedLanguage>& detected) {
  const bool usable = detected && detected->reliable && detected->percent >= kMinDetectPercent &&
                      detected->text_bytes >= kMinDetectBytes;
  if (declared.empty()) {
    if (!usable) return {};
    return {detected->code, "detected"};
  }
  if (usable && detected->percent >= kMinOverridePercent &&
      detected->text_bytes >= kMinOverrideBytes) {
    const std::string a = primary_subtag(declared);
    const std::string b = primary_subtag(detected->code);
    if (a != b && !close_relatives(a, b)) {
      return {detected->code, "detected (declared " + std::string(declared) + ")"};
    }
  }
  return {std::string(declared), std::string(declared_source)};
}

}  // namespace thresher::fields
