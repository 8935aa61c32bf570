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

// A count of replies, answers or likes ("11 Answers"): furniture even when
// set as a heading.
bool is_reply_count(std::string_view text);

// Prunes blocks of at most kMaxForumFurnitureChars visible characters in
// sel.container whose text is_forum_furniture_text (or, outside tables, is
// a bare number: a vote score), and headings that are is_reply_count or
// is_reply_subject.
void prune_forum_furniture(const dom::NodeIndex& index, const std::vector<NodeFeatures>& features,
                           Selection& sel);

// A reply's subject line: the thread's subject behind an e-mail style reply
// mark ("Re: Pump stopped", "RE: ...", "AW: ...", "Re[2]: ..."). Old boards
// (phpBB, FluxBB, Slashdot) head every reply with one; it repeats the
// title, it is not what the poster wrote.
bool is_reply_subject(std::string_view text);

// A reply quoting an earlier post repeats its text in a <blockquote>
// ("Jane said: ..."): the thread shows those words once, in the post that
// wrote them. Prunes blockquotes in sel.container at least
// kMinRepeatedQuoteShare of whose text is text nodes (of 20 visible
// characters or more) met earlier in the container outside quotes. A quote
// of a post on another page of the thread, or of an outside source, stays.
void prune_repeated_quotes(const dom::NodeIndex& index, Selection& sel);

}  // namespace thresher::content
