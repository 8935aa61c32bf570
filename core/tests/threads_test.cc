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

// A forum theme setting the question apart in a card of its own, the
// replies in a list after it: the post bodies share a tag and class.
constexpr const char* kQuestionApart = R"(<body><div id=thread><h1>Replacement projector</h1>
<div class=hidden><article class=msg>My old projector has been wonderful for fifteen years, but the time has come to replace it with one for 4K.</article></div>
<div class=card><div class=who>JosephF</div><article class=msg>My old projector has been wonderful for fifteen years, but the time has come to replace it with one that can handle 4K. Which would you buy today?</article></div>
<div id=block><div id=later>
<div class=card><article class=msg>I did run across that one, and it has value, but I tend to like to hear what actual owners have to say about it.</article></div>
<div class=card><article class=msg>Everyone I read who owns the newer model has good things to say about it, and the black levels are far better than before.</article></div>
</div></div></div><div class=sidebar><a href=/x>Other threads</a></div></body>)";

TEST(Threads, QuestionSetApartBeforeTheReplies) {
  Indexed t(kQuestionApart);
  EXPECT_EQ(original_post_root(*t.index, t.features, t.by_id("later")), t.by_id("thread"));
  // Nothing of the replies' kind before them: the list stays the container.
  Indexed alone(R"(<body><div id=thread><h1>Replacement projector</h1><p class=lead>Our forum's rules: be kind to each other, stay on topic, and search before you post a question.</p>
<div id=later><div class=card><article class=msg>I did run across that one, and it has value, but I tend to like to hear what actual owners have to say about it.</article></div>
<div class=card><article class=msg>Everyone I read who owns the newer model has good things to say about it, and the black levels are far better than before.</article></div></div></div></body>)");
  EXPECT_EQ(original_post_root(*alone.index, alone.features, alone.by_id("later")), dom::kNoNode);
}

}  // namespace thresher::content
