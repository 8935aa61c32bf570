#include "dom/parse.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace thresher::dom {
namespace {

constexpr std::size_t kBlockSize = 256 * 1024;

void* arena_allocate(void* userdata, size_t size) {
  return static_cast<Arena*>(userdata)->allocate(size);
}
void arena_free(void*, void*) {}

}  // namespace

// Gumbo calls this for every node, attribute and string: the taking of a
// new block is a tail call out of line, so that the common path is a few
// instructions with no registers to save.
void* Arena::allocate(std::size_t size) {
  size = (size + 15) & ~std::size_t{15};
  if (size > left_) [[unlikely]] return allocate_in_new_block(size);
  void* p = cursor_;
  cursor_ += size;
  left_ -= size;
  return p;
}

// `size` bytes (rounded as allocate does) from a new block.
[[gnu::noinline]] void* Arena::allocate_in_new_block(std::size_t size) {
  const std::size_t block = std::max(kBlockSize, size);
  if (budget_ != 0 && reserved_ + block > budget_) throw std::bad_alloc();
  blocks_.emplace_back(new unsigned char[block]);
  cursor_ = blocks_.back().get();
  left_ = block;
  reserved_ += block;
  void* p = cursor_;
  cursor_ += size;
  left_ -= size;
  return p;
}

ParsedHtml::ParsedHtml(std::string_view utf8, std::size_t memory_budget,
                       const input::LiftedText* lifted)
    : arena_(memory_budget) {
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = arena_allocate;
  options.deallocator = arena_free;
  options.userdata = &arena_;
  options.max_errors = 0;  // we never read parse errors; recording them costs time
  output_ = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  if (lifted != nullptr && !lifted->empty()) restore_lifted_text(*lifted);
}

namespace {

// Calls emit(data, size) on the pieces of `text` with its placeholders
// replaced by their runs.
template <typename Emit>
void for_each_restored_piece(const char* text, const input::LiftedText& lifted, Emit&& emit) {
  using input::LiftedText;
  const char* plain = text;  // the plain bytes not yet emitted start here
  for (const char* p = text; (p = LiftedText::find_placeholder(p)) != nullptr;) {
    const std::string_view run = lifted.run_at(p);
    if (run.data() == nullptr) {
      ++p;
      continue;
    }
    emit(plain, static_cast<std::size_t>(p - plain));
    emit(run.data(), run.size());
    p += LiftedText::kPlaceholderBytes;
    plain = p;
  }
  emit(plain, std::strlen(plain));
}

}  // namespace

// The string `text` with its placeholders replaced by their runs: `text`
// itself when it holds none, the run when it is one placeholder, else a
// copy written out anew in the arena (a placeholder with white space around
// it, runs joined where a tag vanished).
const char* ParsedHtml::restored(const char* text, const input::LiftedText& lifted) {
  using input::LiftedText;
  const char* hit = LiftedText::find_placeholder(text);
  if (hit == nullptr) return text;
  if (hit == text && std::strlen(text) == LiftedText::kPlaceholderBytes) {
    const std::string_view run = lifted.run_at(hit);
    return run.data() != nullptr ? run.data() : text;
  }
  std::size_t size = 0;
  for_each_restored_piece(text, lifted, [&](const char*, std::size_t n) { size += n; });
  char* copy = static_cast<char*>(arena_.allocate(size + 1));
  char* w = copy;
  for_each_restored_piece(text, lifted, [&](const char* piece, std::size_t n) {
    std::memcpy(w, piece, n);
    w += n;
  });
  *w = '\0';
  return copy;
}

// Every text node and attribute value holding a placeholder gets its text
// back, every coded attribute name its name.
void ParsedHtml::restore_lifted_text(const input::LiftedText& lifted) {
  std::vector<GumboNode*> stack{output_->document};
  while (!stack.empty()) {
    GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      node->v.text.text = restored(node->v.text.text, lifted);
      continue;
    }
    if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) {
      const GumboVector& attributes = node->v.element.attributes;
      for (unsigned k = 0; k < attributes.length; ++k) {
        auto* a = static_cast<GumboAttribute*>(attributes.data[k]);
        a->name = lifted.name_at(a->name);
        a->value = restored(a->value, lifted);
      }
    } else if (node->type != GUMBO_NODE_DOCUMENT) {
      continue;
    }
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    for (unsigned k = 0; k < children.length; ++k) {
      stack.push_back(static_cast<GumboNode*>(children.data[k]));
    }
  }
}

}  // namespace thresher::dom
