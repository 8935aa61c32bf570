// Stage 2: gumbo parse into an arena. The arena is freed in one go, so the
// tree is never walked to be destroyed (gumbo's own destroy recurses on
// depth). The UTF-8 buffer must outlive the tree: gumbo points into it.
#pragma once

#include <gumbo.h>

#include <memory>
#include <string_view>
#include <vector>

#include "input/lifted_text.h"

namespace thresher::dom {

// Bump allocator handed to gumbo; frees nothing until it dies.
class Arena {
 public:
  // Allocations past `budget` bytes throw std::bad_alloc (mapped to
  // ErrorCode::kLimitExceeded); 0 means no budget.
  explicit Arena(std::size_t budget = 0) : budget_(budget) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  void* allocate(std::size_t size);
  std::size_t bytes_reserved() const noexcept { return reserved_; }

 private:
  void* allocate_in_new_block(std::size_t size);

  std::vector<std::unique_ptr<unsigned char[]>> blocks_;
  unsigned char* cursor_ = nullptr;
  std::size_t left_ = 0;
  std::size_t reserved_ = 0;
  std::size_t budget_ = 0;
};

class ParsedHtml {
 public:
  // `utf8` must stay alive and unchanged while this object lives, and so
  // must `lifted`: the text runs and attribute values the pre-scan lifted
  // out of `utf8`, put back into the tree here (the tree points into it).
  explicit ParsedHtml(std::string_view utf8, std::size_t memory_budget = 0,
                      const input::LiftedText* lifted = nullptr);
  ParsedHtml(const ParsedHtml&) = delete;
  ParsedHtml& operator=(const ParsedHtml&) = delete;

  const GumboNode* root() const noexcept { return output_ ? output_->root : nullptr; }
  const GumboNode* document() const noexcept { return output_ ? output_->document : nullptr; }

 private:
  void restore_lifted_text(const input::LiftedText& lifted);
  const char* restored(const char* text, const input::LiftedText& lifted);

  Arena arena_;  // declared first: destroyed last
  GumboOutput* output_ = nullptr;
};

}  // namespace thresher::dom
