#include "dom/parse.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <new>

namespace thresher::dom {

TEST(Arena, AllocationsAreAlignedAndDoNotOverlap) {
  Arena arena;
  auto* a = static_cast<unsigned char*>(arena.allocate(1));
  auto* b = static_cast<unsigned char*>(arena.allocate(17));
  auto* c = static_cast<unsigned char*>(arena.allocate(0));
  for (const void* p : {static_cast<void*>(a), static_cast<void*>(b), static_cast<void*>(c)}) {
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(p) % 16, 0u);
  }
  EXPECT_GE(b, a + 16);  // 1 byte rounds up to 16
  EXPECT_GE(c, b + 32);  // 17 bytes round up to 32
}

TEST(Arena, ASizeOverTheBlockGetsABlockOfItsOwnAndTheNextFitsAgain) {
  Arena arena;
  const std::size_t first = arena.bytes_reserved();
  EXPECT_EQ(first, 0u);  // nothing reserved before the first allocation
  std::memset(arena.allocate(64), 1, 64);
  const std::size_t one_block = arena.bytes_reserved();
  EXPECT_GT(one_block, 0u);
  const std::size_t big = 3 * one_block;
  std::memset(arena.allocate(big), 2, big);
  EXPECT_EQ(arena.bytes_reserved(), one_block + big);
  std::memset(arena.allocate(one_block), 3, one_block);  // a whole block: a new one
  EXPECT_EQ(arena.bytes_reserved(), 2 * one_block + big);
}

TEST(Arena, APassedBudgetThrows) {
  Arena arena(1);  // one byte: the first block is already over it
  EXPECT_THROW(arena.allocate(8), std::bad_alloc);
  Arena unlimited(0);
  EXPECT_NO_THROW(unlimited.allocate(8));
}

TEST(ParsedHtml, ATreeIsBuiltInTheArena) {
  const ParsedHtml parsed("<p>hello</p>");
  ASSERT_NE(parsed.root(), nullptr);
  EXPECT_EQ(parsed.root()->v.element.tag, GUMBO_TAG_HTML);
}

}  // namespace thresher::dom
