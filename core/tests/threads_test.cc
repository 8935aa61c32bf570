#include "content/threads.h"

#include <gtest/gtest.h>

#include "content/select.h"
#include "test_util.h"

namespace thresher::content {
using testing::Indexed;

// The question is long, the answers short: the question alone wins the
// scoring, and its twins beside it are the answers.
constexpr const char* kThread = R"(<body><div id=page><div id=feed>
<article class=post><div class=body><div id=q>My pump stopped working after the update, and I tried every setting, twice, with no luck at all. The controller shows no error, the display is fine, and the fuse is good. What else could it be, before I send it back for repair?</div></div></article>
<article class=post id=a1><div class=body>Roll back the firmware and reset it.</div><ul class=tools><li><a href=/r>Reply</a></li><li><a href=/q>Quote</a></li><li><a href=/s>Share</a></li><li><a href=/f>Report</a></li></ul></article>
<article class=post id=a2><div class=body>Same here: the reset fixed it.</div><ul class=tools><li><a href=/r>Reply</a></li><li><a href=/q>Quote</a></li><li><a href=/s>Share</a></li><li><a href=/f>Report</a></li></ul></article>
</div><div class=sidebar><a href=/x>Other threads</a></div></div></body>)";

TEST(Threads, PostListIsTheParentOfTwinPosts) {
  Indexed t(kThread);
  const std::uint32_t q = t.by_id("q");
  EXPECT_EQ(post_list(*t.index, t.features, q, q), t.by_id("feed"));
  // A container holding the posts already is left alone.
  EXPECT_EQ(post_list(*t.index, t.features, q, t.by_id("feed")), dom::kNoNode);
}

TEST(Threads, NoTwinsNoPostList) {
  Indexed t(R"(<body><div id=page><article><div id=q>My pump stopped working after the update, and I tried every setting, twice, with no luck at all.</div></article>
<aside class=box>Roll back the firmware and reset it.</aside></div></body>)");
  const std::uint32_t q = t.by_id("q");
  EXPECT_EQ(post_list(*t.index, t.features, q, q), dom::kNoNode);
}

TEST(Threads, DiscussionSelectionTakesEveryPost) {
  Indexed t(kThread);
  const Selection thread = select_content(*t.index, t.features, Options{}, "", false, true);
  EXPECT_EQ(thread.container, t.by_id("feed"));
  const Selection article = select_content(*t.index, t.features, Options{}, "", false, false);
  EXPECT_NE(article.container, t.by_id("feed"));
}

}  // namespace thresher::content
