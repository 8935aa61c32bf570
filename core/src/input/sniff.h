// Is this an HTML page at all? Binary payloads (PDF, images, archives,
// media, executables, fonts, databases) are told from their first bytes, so
// that they come back as ErrorCode::kNotHtml instead of garbage text.
#pragma once

#include <string_view>

namespace thresher::input {

// What the bytes are ("a PDF document"), or "" when they may be HTML/text.
std::string_view binary_kind(std::string_view bytes) noexcept;

}  // namespace thresher::input
