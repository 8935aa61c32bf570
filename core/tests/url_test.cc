#include "util/url.h"

#include <gtest/gtest.h>

namespace thresher::url {

TEST(Url, Resolve) {
  const char* base = "https://example.com/news/story.html?x=1";
  EXPECT_EQ(resolve(base, "/a/b"), "https://example.com/a/b");
  EXPECT_EQ(resolve(base, "img.jpg"), "https://example.com/news/img.jpg");
  EXPECT_EQ(resolve(base, "//cdn.example.com/i.jpg"), "https://cdn.example.com/i.jpg");
  EXPECT_EQ(resolve(base, "http://other.org/"), "http://other.org/");
  EXPECT_EQ(resolve(base, "mailto:a@b.c"), "");
  EXPECT_EQ(resolve("", "/a"), "");
}

TEST(Url, Split) {
  Parts p;
  ASSERT_TRUE(split("https://user@Example.com:8080/a/b?q#f", &p));
  EXPECT_EQ(p.host, "Example.com");
  EXPECT_EQ(p.path, "/a/b");
  EXPECT_EQ(hostname("https://Example.com/x"), "example.com");
  EXPECT_FALSE(split("not a url", &p));
  // A URL percent-encoded whole carries its path in the host.
  EXPECT_FALSE(split("https://blog.example.fr%2Farticles%2F2025-12-15", &p));
  EXPECT_EQ(resolve("https://blog.example.fr/a", "https://blog.example.fr%2Farticles%2Fx"), "");
}

}  // namespace thresher::url
