#include "content/forum_furniture.h"

#include <gtest/gtest.h>

#include "test_util.h"
#include "thresher/extractor.h"

namespace thresher::content {
using testing::Indexed;

TEST(ForumFurniture, StatisticsAndGuestPrompts) {
  for (const char* t : {"Posts: 1,077", "Join Date: Aug 2008", "Joined: 12 March 2019",
                        "Create an account or sign in to comment",
                        "You need to be a member in order to leave a comment",
                        "You're browsing the GameFAQs Message Boards as a guest.",
                        "Join to see EXIF info for this image", "Beiträge: 310",
                        "9,239 posts", "85 posts"}) {
    EXPECT_TRUE(is_forum_furniture_text(t)) << t;
  }
  for (const char* t : {"I posted the logs below, see the second attachment.",
                        "Reaction score 12", "Thanks, joining the two pipes fixed it.",
                        "I read 3 posts about it"}) {
    EXPECT_FALSE(is_forum_furniture_text(t)) << t;
  }
}

TEST(ForumFurniture, PrunedOnDiscussionPagesOnly) {
  const char* html = R"(<body><div id=thread>
<div class=post><div id=s1>Posts: 116</div><p>My pump stopped working after the update, and I tried every setting, twice, with no luck at all.</p></div>
<div class=post><div id=s2>Posts: 2,301</div><p>Roll back to the previous firmware, then reset the controller, and it should start again without trouble.</p></div>
<p id=g>Create an account or sign in to comment</p>
</div></body>)";
  Indexed t(html);
  const Selection thread = select_content(*t.index, t.features, Options{}, "", false, true);
  ASSERT_EQ(thread.container, t.by_id("thread"));
  EXPECT_TRUE(thread.pruned[t.by_id("s1")]);
  EXPECT_TRUE(thread.pruned[t.by_id("s2")]);
  EXPECT_TRUE(thread.pruned[t.by_id("g")]);
  const Selection article = select_content(*t.index, t.features, Options{}, "", false, false);
  EXPECT_FALSE(article.pruned[t.by_id("s1")]);
}

TEST(ForumFurniture, FullExtractorOnAThreadUrl) {
  const std::string html = R"(<body><div class=posts>
<div class=post><div class=author-stats>Posts: 116</div><div class=msg>My pump stopped working after the update, and I tried every setting, twice, with no luck at all.</div></div>
<div class=post><div class=author-stats>Posts: 2,301</div><div class=msg>Roll back to the previous firmware, then reset the controller, and it should start again without trouble.</div></div>
</div></body>)";
  const Extractor ex;
  auto r = ex.extract(html, "https://forum.example/threads/pump-stopped.123/");
  ASSERT_TRUE(r);
  EXPECT_NE(r.value().text.find("Roll back to the previous firmware"), std::string::npos);
  EXPECT_EQ(r.value().text.find("Posts: 116"), std::string::npos);
}

TEST(ForumFurniture, TopicOverviewBoxBetweenPostsIsDropped) {
  // Invision Community prints its thread statistics and top posters in a
  // "cTopicOverview" box after the first post.
  const std::string html = R"(<body><div class=posts>
<article class=post><div class=msg>My pump stopped working after the update, and I tried every setting, twice, with no luck at all.</div></article>
<div class="ipsBox cTopicOverviewContainer"><div class=cTopicOverview><ul class="cTopicOverview__item cTopicOverview__item--stats">
<li><span>Replies</span> <span>154</span></li><li><span>Views</span> <span>26.2k</span></li></ul>
<div class="cTopicOverview__item cTopicOverview__item--topPosters"><h4 class=cTopicOverview__title>Top Posters In This Topic</h4>
<ul><li>Alice 12 posts</li><li>Bob 9 posts</li></ul></div></div></div>
<article class=post><div class=msg>Roll back to the previous firmware, then reset the controller, and it should start again without trouble.</div></article>
<article class=post><div class=msg>That worked, thank you, the pump runs again and the controller kept all of its settings after the reset.</div></article>
</div></body>)";
  const Extractor ex;
  auto r = ex.extract(html, "https://forum.example/topic/123-pump-stopped/");
  ASSERT_TRUE(r);
  EXPECT_NE(r.value().text.find("Roll back to the previous firmware"), std::string::npos);
  EXPECT_EQ(r.value().text.find("Top Posters In This Topic"), std::string::npos);
  EXPECT_EQ(r.value().text.find("Replies"), std::string::npos);
}

TEST(ForumFurniture, CountsNoticesAndVoteScores) {
  for (const char* t : {"11 Answers", "3 replies", "12 likes", "See similar questions with these tags.",
                        "Not open for further replies.", "Click to expand...",
                        "Last edited: Oct 29, 2023", "Last edited by jane: today",
                        "Thread starter Tissuebox"}) {
    EXPECT_TRUE(is_forum_furniture_text(t)) << t;
  }
  for (const char* t : {"Last edited by chunix64 (2025-11-01 15:15:18)",
                        "I got 11 answers from support, none useful.", "Three replies later"}) {
    EXPECT_FALSE(is_forum_furniture_text(t)) << t;
  }
  EXPECT_TRUE(is_reply_count("11 Answers"));
  EXPECT_FALSE(is_reply_count("Answers"));
}

TEST(ForumFurniture, VoteScoresOutsideTablesAndCountHeadings) {
  const char* html = R"(<body><div id=thread><h2 id=h>2 Answers</h2>
<div class=post><div id=v>12</div><p>My pump stopped working after the update, and I tried every setting, twice, with no luck at all.</p></div>
<div class=post><div id=w>-3</div><p>Roll back to the previous firmware, then reset the controller, and it should start again without trouble.</p>
<table><tr><td id=c>12</td><td>pumps</td></tr></table></div>
</div></body>)";
  Indexed t(html);
  const Selection s = select_content(*t.index, t.features, Options{}, "", false, true);
  ASSERT_EQ(s.container, t.by_id("thread"));
  EXPECT_TRUE(s.pruned[t.by_id("h")]);
  EXPECT_TRUE(s.pruned[t.by_id("v")]);
  EXPECT_TRUE(s.pruned[t.by_id("w")]);
  EXPECT_FALSE(s.pruned[t.by_id("c")]);
}

TEST(ForumFurniture, ReplySubjects) {
  for (const char* t : {"Re: Pump stopped", "RE: pump", "AW: Pumpe", "Re[2]: pump"}) {
    EXPECT_TRUE(is_reply_subject(t)) << t;
  }
  for (const char* t : {"Remote pumps", "Re:", "Reply", "Area: north"}) {
    EXPECT_FALSE(is_reply_subject(t)) << t;
  }
  const char* html = R"(<body><div id=thread>
<div class=post><h3 id=s1>Pump stopped</h3><p>My pump stopped working after the update, and I tried every setting, twice, with no luck at all.</p></div>
<div class=post><h3 id=s2>Re: Pump stopped</h3><p>Roll back to the previous firmware, then reset the controller, and it should start again without trouble.</p></div>
</div></body>)";
  Indexed t(html);
  const Selection thread = select_content(*t.index, t.features, Options{}, "", false, true);
  ASSERT_EQ(thread.container, t.by_id("thread"));
  EXPECT_FALSE(thread.pruned[t.by_id("s1")]);
  EXPECT_TRUE(thread.pruned[t.by_id("s2")]);
  const Selection article = select_content(*t.index, t.features, Options{}, "", false, false);
  EXPECT_FALSE(article.pruned[t.by_id("s2")]);
}

TEST(ForumFurniture, QuotesOfEarlierPostsArePruned) {
  const char* html = R"(<body><div id=thread>
<div class=post><div>My pump stopped working after the update,<br>and I tried every setting with no luck.</div></div>
<div class=post><blockquote id=q1><div>Jane said:</div><div>My pump stopped working after the update,<br>and I tried every setting with no luck.</div></blockquote>
<div>Roll back to the previous firmware, then reset the controller, and it should start again without trouble.</div></div>
<div class=post><blockquote id=q2>A quote from the manual that no post on this page has shown before.</blockquote>
<div>The manual agrees: reset the controller after any firmware change, and the pump starts again.</div></div>
</div></body>)";
  Indexed t(html);
  const Selection s = select_content(*t.index, t.features, Options{}, "", false, true);
  ASSERT_EQ(s.container, t.by_id("thread"));
  EXPECT_TRUE(s.pruned[t.by_id("q1")]);
  EXPECT_FALSE(s.pruned[t.by_id("q2")]);
}

TEST(ForumFurniture, APostSetInABlockquoteStays) {
  // vBulletin sets each post in a <blockquote class=postcontent>: the post
  // quoting an earlier one and answering in a line is not a repeat.
  const char* html = R"(<body><div id=thread>
<div class=post><blockquote id=p1>My pump stopped working after the update,<br>and I tried every setting with no luck.</blockquote></div>
<div class=post><blockquote id=p2><div id=q>Originally Posted by Jane<div>My pump stopped working after the update,<br>and I tried every setting with no luck.</div></div>Reset it.</blockquote></div>
</div></body>)";
  Indexed t(html);
  const Selection s = select_content(*t.index, t.features, Options{}, "", false, true);
  ASSERT_EQ(s.container, t.by_id("thread"));
  EXPECT_FALSE(s.pruned[t.by_id("p1")]);
  EXPECT_FALSE(s.pruned[t.by_id("p2")]);
}

}  // namespace thresher::content
