#include "output/markdown.h"

#include "dom/text_util.h"

namespace thresher::output {
namespace {

bool in_ordered_list(const dom::NodeIndex& index, const TextBlock& b) {
  const std::uint32_t parent = index[b.node].parent;
  return index[b.node].tag == GUMBO_TAG_LI && parent != dom::kNoNode &&
         index[parent].tag == GUMBO_TAG_OL;
}

std::size_t cell_count(std::string_view row) {
  std::size_t n = 1, pos = 0;
  while ((pos = row.find(" | ", pos)) != std::string_view::npos) {
    ++n;
    pos += 3;
  }
  return n;
}


// Appends `piece` unless the limit is reached; returns false once it is.
bool append_limited(std::string& out, std::string_view piece, std::size_t max_bytes,
                    bool* truncated) {
  if (out.size() + piece.size() > max_bytes) {
    if (truncated) *truncated = true;
    return false;
  }
  out.append(piece);
  return true;
}

}  // namespace

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string join_markdown(const dom::NodeIndex& index, const std::vector<TextBlock>& blocks,
                          std::size_t max_bytes, bool* truncated) {
  std::string out;
  for (std::size_t k = 0; k < blocks.size(); ++k) {
    const TextBlock& b = blocks[k];
    const TextBlock* prev = k > 0 ? &blocks[k - 1] : nullptr;
    const bool same_run = prev && prev->kind == b.kind &&
                          (b.kind == BlockKind::kListItem || b.kind == BlockKind::kTableRow);
    std::string piece = k == 0 ? "" : (same_run ? "\n" : "\n\n");
    switch (b.kind) {
      case BlockKind::kHeading:
        piece.append(std::string(b.level ? b.level : 2, '#')).append(" ").append(b.text);
        break;
      case BlockKind::kListItem:
        piece.append(in_ordered_list(index, b) ? "1. " : "- ").append(b.text);
        break;
      case BlockKind::kTableRow:
        piece.append("| ").append(b.text).append(" |");
        if (!same_run) {  // the first row is the header
          piece.append("\n|");
          for (std::size_t c = cell_count(b.text); c > 0; --c) piece.append(" --- |");
        }
        break;
      case BlockKind::kPre:
        piece.append("```\n").append(b.text).append("\n```");
        break;
      case BlockKind::kQuote: {
        std::size_t pos = 0;
        while (pos <= b.text.size()) {
          std::size_t nl = b.text.find('\n', pos);
          if (nl == std::string::npos) nl = b.text.size();
          piece.append("> ").append(b.text, pos, nl - pos);
          if (nl < b.text.size()) piece.push_back('\n');
          pos = nl + 1;
        }
        break;
      }
      case BlockKind::kParagraph:
        piece.append(b.text);
        break;
    }
    if (!append_limited(out, piece, max_bytes, truncated)) break;
  }
  return out;
}

std::string join_html(const dom::NodeIndex& index, const std::vector<TextBlock>& blocks,
                      std::size_t max_bytes, bool* truncated) {
  constexpr std::string_view kOpen = "<div>", kClose = "</div>";
  if (max_bytes < kOpen.size() + kClose.size()) {
    if (truncated && !blocks.empty()) *truncated = true;
    return {};
  }
  std::string out(kOpen);
  std::string_view open_group;  // "ul", "ol" or "table" while a run is open
  // Bytes that closing `group` and the <div> will take: reserved by every
  // piece, so the result stays within max_bytes once closed.
  auto closing_bytes = [&](std::string_view group) {
    return (group.empty() ? 0 : group.size() + 3) + kClose.size();
  };
  for (const TextBlock& b : blocks) {
    std::string piece;
    std::string_view group;
    if (b.kind == BlockKind::kListItem) group = in_ordered_list(index, b) ? "ol" : "ul";
    if (b.kind == BlockKind::kTableRow) group = "table";
    if (group != open_group) {
      if (!open_group.empty()) piece.append("</").append(open_group).append(">");
      if (!group.empty()) piece.append("<").append(group).append(">");
    }
    const std::string text = escape_html(b.text);
    switch (b.kind) {
      case BlockKind::kHeading: {
        const char level = static_cast<char>('0' + (b.level ? b.level : 2));
        piece.append("<h").append(1, level).append(">").append(text).append("</h").append(1, level).append(">");
        break;
      }
      case BlockKind::kListItem:
        piece.append("<li>").append(text).append("</li>");
        break;
      case BlockKind::kTableRow: {
        piece.append("<tr>");
        std::size_t pos = 0;
        while (pos <= text.size()) {
          std::size_t sep = text.find(" | ", pos);
          if (sep == std::string::npos) sep = text.size();
          piece.append("<td>").append(text, pos, sep - pos).append("</td>");
          pos = sep + 3;
        }
        piece.append("</tr>");
        break;
      }
      case BlockKind::kPre:
        piece.append("<pre>").append(text).append("</pre>");
        break;
      case BlockKind::kQuote:
        piece.append("<blockquote>").append(text).append("</blockquote>");
        break;
      case BlockKind::kParagraph: {
        std::string with_breaks;
        for (char c : text) {
          if (c == '\n') with_breaks.append("<br>");
          else with_breaks.push_back(c);
        }
        piece.append("<p>").append(with_breaks).append("</p>");
        break;
      }
    }
    if (out.size() + piece.size() + closing_bytes(group) > max_bytes) {
      if (truncated) *truncated = true;
      break;
    }
    out.append(piece);
    open_group = group;
  }
  if (!open_group.empty()) out.append("</").append(open_group).append(">");
  out.append(kClose);
  return out;
}

}  // namespace thresher::output
