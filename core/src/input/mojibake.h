// Repairs text that was UTF-8, was read as windows-1252 (or Latin-1) and was
// encoded to UTF-8 a second time: "â€™" for "’", "Ã©" for "é", "â\u0080\u0094"
// for "—". Pages carry it when a CMS or database stored already-encoded bytes
// in a UTF-8 column; every title, name and word with such a character is
// otherwise wrong in the output.
#pragma once

#include <string>

namespace thresher::input {

// Rewrites each run of characters that, mapped back to single bytes, forms
// one valid multi-byte UTF-8 sequence. A run whose continuation characters
// come from bytes 0x80-0x9F (C1 controls or windows-1252's punctuation) is
// unmistakable; the other runs ("Ã©") are repaired only when the text holds
// an unmistakable one or at least three of them, since one alone may be
// meant ("Ã©" on a page about mojibake). Returns the number of runs repaired.
// Valid UTF-8 in, valid UTF-8 out; text without such runs is left untouched.
std::size_t repair_double_encoding(std::string& utf8);

}  // namespace thresher::input
