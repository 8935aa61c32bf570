// Markdown and cleaned-HTML renderings of the collected blocks: headings,
// lists (ordered or not), tables (first row as header), code blocks and
// quotes keep their structure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dom/node_index.h"
#include "output/text_render.h"

namespace thresher::output {

std::string join_markdown(const dom::NodeIndex& index, const std::vector<TextBlock>& blocks,
                          std::size_t max_bytes, bool* truncated);

// `blocks` must be plain text (no Markdown marks): it is HTML-escaped.
std::string join_html(const dom::NodeIndex& index, const std::vector<TextBlock>& blocks,
                      std::size_t max_bytes, bool* truncated);

// &, <, >, " as entities.
std::string escape_html(std::string_view s);

}  // namespace thresher::output
