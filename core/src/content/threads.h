// Discussion pages that neither their URL nor their schema announce (a link
// aggregator's story page, a news site's comment page): recognised by what
// they show, comment sections holding most of the page's text.
#pragma once

#include <cstdint>
#include <vector>

#include "content/blocks.h"
#include "dom/node_index.h"

namespace thresher::content {

// Visible text inside the page's outermost comment-named elements.
std::uint32_t comment_section_chars(const dom::NodeIndex& index,
                                    const std::vector<NodeFeatures>& features);

// True when comment sections hold at least half of the body's visible text
// (and a few hundred characters at least): the comments are the page.
bool comments_dominate(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features);

// On a thread the best single element is often one post (the question, a
// long answer) and the other posts, each worth less, are its twins: the
// same tag and class beside it. Climbing at most kMaxPostClimb levels from
// `core`, the first ancestor above `container` whose child on the way has a
// twin (same tag and class, visible, not furniture, mostly unlinked text) is
// the list of posts: returned as the container. kNoNode: none, or the
// container holds the posts already.
std::uint32_t post_list(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                        std::uint32_t core, std::uint32_t container);

// A thread whose replies sit in a list of their own, the question before it
// in a card of its own (a forum theme setting the first post apart): the
// reply list wins and the question is left out. Climbing at most
// kMaxOriginalPostClimb levels from `container`, the first ancestor with an
// earlier child holding a post body of the container's own kind (a tag and
// class that at least two post bodies inside the container share, visible,
// not furniture, mostly unlinked, kMinPostBodyChars or more) is returned as
// the container that holds the question too. kNoNode: no such ancestor.
std::uint32_t original_post_root(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                                 std::uint32_t container);

}  // namespace thresher::content
