// Runs Extractor::extract over the first N pages of a folder, for a profiler
// (valgrind --tool=callgrind) or a quick CPU-time figure, with none of
// Google Benchmark's repetitions:
//
//   build/bench/bench/profile_extract ../shared/corpus-src/wcxb-dev 100 [passes] [--parse-only]
//
// Reads DIR/html/*.html[.gz] in name order, extracts the first page once
// untimed (lazy regexes compile), then every page `passes` times. Prints the
// CPU seconds, pages/s and a hash of the texts, so that two builds can be
// checked for the same output.
//
// --parse-only runs only what comes before the index (decode, prescan, gumbo
// parse into the arena): the ceiling of pages/s that no work after parsing
// can lift, to set beside the peers' figures from bench/compare.py.
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "attributes_read.h"
#include "dom/node_index.h"
#include "dom/parse.h"
#include "input/decode.h"
#include "input/prescan.h"
#include "pipeline.h"
#include "thresher/thresher.h"

namespace fs = std::filesystem;

namespace {

std::string read_page(const fs::path& path) {
  const std::string p = path.string();
  if (!p.ends_with(".gz")) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::string out;
  gzFile f = gzopen(p.c_str(), "rb");
  if (!f) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  gzclose(f);
  return out;
}

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DIR N [passes] [--parse-only]\n", argv[0]);
    return 2;
  }
  const fs::path dir = fs::path(argv[1]) / "html";
  const std::size_t limit = std::strtoul(argv[2], nullptr, 10);
  const int passes = argc > 3 ? std::atoi(argv[3]) : 1;
  const bool parse_only = argc > 4 && std::string_view(argv[4]) == "--parse-only";
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  if (files.size() > limit) files.resize(limit);
  std::vector<std::string> pages;
  for (const auto& f : files) pages.push_back(read_page(f));
  if (pages.empty()) return 1;

  const thresher::Extractor extractor;
  (void)extractor.extract(pages.front());
  const thresher::AttributesRead attributes(thresher::Options{});
  std::size_t hash = 0;
  const double start = cpu_seconds();
  for (int p = 0; p < passes; ++p) {
    for (const std::string& html : pages) {
      if (parse_only) {
        // As run_pipeline does it (core/src/extractor.cc), with its defaults.
        const thresher::input::Decoded decoded = thresher::input::decode_to_utf8(html);
        thresher::input::LiftedText lifted;
        const std::string lean = thresher::input::prescan(
            decoded.utf8, thresher::Options{}.max_depth, attributes.policy(), &lifted);
        const thresher::dom::ParsedHtml parsed(
            lean, thresher::pipeline::tree_budget(thresher::Options{}, lean.size()), &lifted);
        hash = hash * 31 + lean.size();
        continue;
      }
      auto doc = extractor.extract(html);
      if (doc) hash = hash * 31 + std::hash<std::string>{}(doc.value().text);
    }
  }
  const double secs = cpu_seconds() - start;
  const double n = static_cast<double>(pages.size()) * passes;
  std::printf("%zu pages x %d: %.3f s CPU, %.1f pages/s, text hash %016zx\n", pages.size(), passes,
              secs, n / secs, hash);
  return 0;
}
