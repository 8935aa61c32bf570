// Furniture of a discussion page that its markup does not name but its
// words do: the poster's statistics beside each post ("Posts: 1,077",
// "Join Date: Aug 2008") and the prompts shown to guests ("Create an
// account or sign in to comment", "You're browsing the boards as a
// guest"). Recognised by a few common labels and phrases (English, German,
// French, Spanish), on short blocks only, and only on discussion pages:
// elsewhere "Joined: ..." or "log in to ..." may be the text's own words.
#pragma once

#include <string_view>
#include <vector>

#include "content/blocks.h"
#include "content/select.h"
#include "dom/node_index.h"

namespace thresher::content {

// A short text that is a poster's statistic or a prompt to guests.
bool is_forum_furniture_text(std::string_view text);

// Prunes blocks of at most kMaxForumFurnitureChars visible characters in
// sel.container whose text is_forum_furniture_text.
void prune_forum_furniture(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                           Selection& sel);

}  // namespace thresher::content
