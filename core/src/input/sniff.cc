#include "input/sniff.h"

#include <algorithm>

namespace thresher::input {
namespace {

struct Signature {
  std::string_view magic;
  std::string_view what;
};

// Only unambiguous signatures: none of these can start a text page.
constexpr Signature kSignatures[] = {
    {"%PDF-", "a PDF document"},
    {"\x89PNG\r\n\x1a\n", "a PNG image"},
    {"\xff\xd8\xff", "a JPEG image"},
    {"GIF87a", "a GIF image"},
    {"GIF89a", "a GIF image"},
    {std::string_view("II*\0", 4), "a TIFF image"},
    {std::string_view("MM\0*", 4), "a TIFF image"},
    {"PK\x03\x04", "a ZIP archive (or docx/xlsx/epub)"},
    {"PK\x05\x06", "an empty ZIP archive"},
    {"\x1f\x8b", "gzip-compressed data"},
    {std::string_view("\xfd" "7zXZ\0", 6), "xz-compressed data"},
    {"\x28\xb5\x2f\xfd", "zstd-compressed data"},
    {"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"},
    {"Rar!\x1a\x07", "a RAR archive"},
    {"BZh91AY&SY", "bzip2-compressed data"},
    {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office (OLE) document"},
    {"%!PS", "a PostScript document"},
    {"\x7f" "ELF", "an ELF executable"},
    {std::string_view("\0asm", 4), "a WebAssembly module"},
    {"wOFF", "a WOFF font"},
    {"wOF2", "a WOFF2 font"},
    {"OggS", "Ogg media"},
    {"ID3", "MP3 audio"},
    {"fLaC", "FLAC audio"},
    {"\x1a\x45\xdf\xa3", "Matroska/WebM media"},
    {std::string_view("SQLite format 3\0", 16), "an SQLite database"},
};

}  // namespace

std::string_view binary_kind(std::string_view bytes) noexcept {
  for (const Signature& s : kSignatures) {
    if (bytes.starts_with(s.magic)) return s.what;
  }
  if (bytes.size() >= 12 && bytes.substr(0, 4) == "RIFF") {
    const std::string_view form = bytes.substr(8, 4);
    if (form == "WEBP") return "a WebP image";
    if (form == "WAVE") return "WAV audio";
    if (form == "AVI ") return "AVI video";
  }
  if (bytes.size() >= 8 && bytes.substr(4, 4) == "ftyp") return "MP4/QuickTime/HEIF media";
  // Unknown binary: many control bytes in the first kilobyte. NUL alone is
  // left out (UTF-16/32 text is full of it), and so are tab, line feeds,
  // form feed and ESC (ISO-2022 text).
  const std::size_t n = std::min<std::size_t>(bytes.size(), 1024);
  std::size_t controls = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const auto c = static_cast<unsigned char>(bytes[k]);
    controls += (c >= 0x01 && c <= 0x08) || c == 0x0B || (c >= 0x0E && c <= 0x1A) ||
                (c >= 0x1C && c <= 0x1F) || c == 0x7F;
  }
  if (n >= 64 && controls * 10 > n) return "binary data";
  return {};
}

}  // namespace thresher::input
