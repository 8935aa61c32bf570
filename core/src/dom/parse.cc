#include "dom/parse.h"

#include <algorithm>
#include <new>

namespace thresher::dom {
namespace {

constexpr std::size_t kBlockSize = 256 * 1024;

void* arena_allocate(void* userdata, size_t size) {
  return static_cast<Arena*>(userdata)->allocate(size);
}
void arena_free(void*, void*) {}

}  // namespace

void* Arena::allocate(std::size_t size) {
  size = (size + 15) & ~std::size_t{15};
  if (size > left_) {
    const std::size_t block = std::max(kBlockSize, size);
    if (budget_ != 0 && reserved_ + block > budget_) throw std::bad_alloc();
    blocks_.emplace_back(new unsigned char[block]);
    cursor_ = blocks_.back().get();
    left_ = block;
    reserved_ += block;
  }
  void* p = cursor_;
  cursor_ += size;
  left_ -= size;
  return p;
}

ParsedHtml::ParsedHtml(std::string_view utf8, std::size_t memory_budget) : arena_(memory_budget) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = arena_allocate;
  options.deallocator = arena_free;
  options.userdata = &arena_;
  options.max_errors = 0;  // we never read parse errors; recording them costs time
  output_ = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
}

}  // namespace thresher::dom
