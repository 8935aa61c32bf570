// Google Benchmark over the stored corpus pages, grouped by size.
//
//   cmake -S . -B build/bench -G Ninja -DTHRESHER_BUILD_BENCH=ON -DCMAKE_BUILD_TYPE=Release
//   cmake --build build/bench && build/bench/bench/extract_bench --benchmark_min_time=0.2
//
// One benchmark iteration is one pass over every page of a size group, so
// items/s is pages per second and bytes/s is *original page* bytes per
// second for every benchmark (stages included), which makes the stage rows
// add up and compare directly with the bare gumbo parse.
//
// Benchmarks (group = small <50 KB, medium 50-200 KB, large >200 KB, all):
//   GumboParse/<group>           gumbo_parse + gumbo_destroy_output of the original bytes
//                                (malloc, default options): the baseline of the issue
//   GumboParseNoFree/<group>     the same, gumbo_destroy_output not timed
//   GumboParsePrescanned/<group> parse + destroy of the prescanned UTF-8 (what gumbo saves)
//   Stage<Name>/<group>          one pipeline stage, its inputs computed beforehand
//   Extract/<group>              Extractor::extract, the whole pipeline
//   ExtractMany/threads:N        every page, N std::threads sharing one Extractor
//
// Environment: THRESHER_CORPUS=DIR (a stored corpus with pages/<id>/page.html.gz,
// or a folder with html/*.html[.gz]); THRESHER_BENCH_PAGES=N keeps the first N
// pages of each group (for a quick smoke run).
//
// The stage benchmarks call the pipeline's stage functions (core/src/pipeline.h)
// in run_pipeline's order; building a group's inputs also checks that they
// end in Extractor::extract's text, and warns on stderr when they do not.
//
// After the runs a summary prints extract time / bare gumbo parse time per group.
#include <benchmark/benchmark.h>
#include <gumbo.h>
#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "attributes_read.h"
#include "content/blocks.h"
#include "content/page_type.h"
#include "content/rules.h"
#include "content/select.h"
#include "dom/node_index.h"
#include "dom/parse.h"
#include "fields/fields.h"
#include "input/decode.h"
#include "input/prescan.h"
#include "input/sniff.h"
#include "pipeline.h"
#include "thresher/thresher.h"
#include "util/deadline.h"

namespace fs = std::filesystem;
using namespace thresher;

namespace {

// ---------------------------------------------------------------- corpus

struct Page {
  std::string id;
  std::string url;
  std::string html;  // original bytes
};

std::string read_file(const fs::path& path) {
  const std::string p = path.string();
  if (p.ends_with(".gz")) {
    gzFile f = gzopen(p.c_str(), "rb");
    if (!f) throw std::runtime_error("cannot open " + p);
    gzbuffer(f, 1 << 17);
    std::string out;
    char buf[1 << 16];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    gzclose(f);
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + p);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path corpus_dir() {
  if (const char* env = std::getenv("THRESHER_CORPUS"); env && *env) return env;
  return fs::path(THRESHER_SOURCE_DIR) / "corpus";
}

std::vector<Page> load_corpus() {
  const fs::path root = corpus_dir();
  std::vector<Page> pages;
  if (fs::is_directory(root / "pages")) {  // the stored corpus
    for (const auto& entry : fs::directory_iterator(root / "pages")) {
      fs::path html = entry.path() / "page.html.gz";
      if (!fs::exists(html)) html = entry.path() / "page.html";
      if (!fs::exists(html)) continue;
      Page page{entry.path().filename().string(), "", read_file(html)};
      const fs::path meta = entry.path() / "meta.json";
      if (fs::exists(meta)) {
        auto j = nlohmann::json::parse(read_file(meta), nullptr, false);
        if (j.is_object() && j.contains("url") && j["url"].is_string()) page.url = j["url"];
      }
      pages.push_back(std::move(page));
    }
  } else if (fs::is_directory(root / "html")) {  // WCXB-like: html/NNNN.html[.gz]
    for (const auto& entry : fs::directory_iterator(root / "html")) {
      const std::string name = entry.path().filename().string();
      if (!name.ends_with(".html") && !name.ends_with(".html.gz")) continue;
      pages.push_back({name.substr(0, name.find('.')), "", read_file(entry.path())});
    }
  }
  if (pages.empty()) {
    throw std::runtime_error("no pages under " + root.string() +
                             " (set THRESHER_CORPUS to a corpus folder)");
  }
  std::sort(pages.begin(), pages.end(), [](const Page& a, const Page& b) { return a.id < b.id; });
  return pages;
}

struct Group {
  const char* name;
  std::size_t min_bytes;  // inclusive
  std::size_t max_bytes;  // exclusive
};
constexpr Group kGroups[] = {
    {"small", 0, 50'000},
    {"medium", 50'000, 200'000},
    {"large", 200'000, SIZE_MAX},
    {"all", 0, SIZE_MAX},
};

const std::vector<Page>& corpus() {
  static const std::vector<Page> pages = load_corpus();
  return pages;
}

// The pages of a group (pointers into corpus()), in corpus order.
const std::vector<const Page*>& group_pages(const std::string& name) {
  static std::map<std::string, std::vector<const Page*>> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  std::size_t limit = SIZE_MAX;
  if (const char* env = std::getenv("THRESHER_BENCH_PAGES"); env && *env) {
    limit = std::strtoull(env, nullptr, 10);
  }
  std::vector<const Page*> out;
  for (const Group& g : kGroups) {
    if (name != g.name) continue;
    for (const Page& p : corpus()) {
      if (p.html.size() >= g.min_bytes && p.html.size() < g.max_bytes && out.size() < limit) {
        out.push_back(&p);
      }
    }
  }
  return cache.emplace(name, std::move(out)).first->second;
}

std::size_t total_bytes(const std::vector<const Page*>& pages) {
  std::size_t n = 0;
  for (const Page* p : pages) n += p->html.size();
  return n;
}

void set_counters(benchmark::State& state, const std::vector<const Page*>& pages) {
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pages.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total_bytes(pages)));
  state.counters["pages"] = static_cast<double>(pages.size());
}

const Options& default_options() {
  static const Options options;
  return options;
}

const content::RuleMatcher& rule_matcher() {
  static const content::RuleMatcher rules;
  return rules;
}

// ---------------------------------------------------------------- stage state
//
// The stage benchmarks call the pipeline's own stage functions
// (core/src/pipeline.h) on inputs computed beforehand, in run_pipeline's
// order (core/src/extractor.cc).

// Stage "prescan": what run_pipeline hands gumbo.
std::string prescan(std::string_view utf8, input::LiftedText* lifted) {
  static const AttributesRead attributes(default_options());
  return input::prescan(utf8, default_options().max_depth, attributes.policy(), lifted);
}

// Everything the pipeline computes for one page, so each stage benchmark can
// start from its real inputs. gumbo points into `lean` and the index into the
// tree: this struct is never moved (held by unique_ptr).
struct PageState {
  const Page* page = nullptr;
  input::Decoded decoded;
  input::LiftedText lifted;  // the text runs lifted out of `lean`
  std::string lean;
  std::unique_ptr<dom::ParsedHtml> parsed;
  std::unique_ptr<dom::NodeIndex> index;
  content::ElementRules element_rules;
  std::vector<content::NodeFeatures> features;
  Document fields_doc;  // after the fields stage
  fields::PageKind kind;
  pipeline::ContentStage stage;
  Document rendered_doc;  // after render_content
};

// Runs the select stage as run_pipeline does; `doc` receives its diagnostics.
pipeline::ContentStage select(const PageState& s, std::vector<content::NodeFeatures> features,
                              Document& doc) {
  Deadline deadline(0);
  return pipeline::select_content(rule_matcher(), default_options(), *s.parsed, *s.index,
                                   s.element_rules, std::move(features), s.kind, s.page->url,
                                   deadline, doc);
}

// The states of one group, built on first use. Only the last group's states
// are kept (benchmarks are registered group by group), to bound memory.
const std::vector<std::unique_ptr<PageState>>& group_states(const std::string& name) {
  static std::string cached_name;
  static std::vector<std::unique_ptr<PageState>> cached;
  if (cached_name == name && !cached.empty()) return cached;
  cached.clear();
  cached_name = name;
  const Options& opt = default_options();
  const Extractor extractor(opt);
  std::vector<std::string> mismatched;
  for (const Page* page : group_pages(name)) {
    auto s = std::make_unique<PageState>();
    s->page = page;
    s->decoded = input::decode_to_utf8(page->html);
    s->lean = prescan(s->decoded.utf8, &s->lifted);
    s->parsed = std::make_unique<dom::ParsedHtml>(
        s->lean, pipeline::tree_budget(opt, s->lean.size()), &s->lifted);
    Deadline deadline(0);
    s->index = std::make_unique<dom::NodeIndex>(
        s->parsed->root(), dom::NodeIndexLimits{opt.max_nodes, opt.max_depth}, deadline);
    s->element_rules = content::match_elements(*s->index, rule_matcher());
    s->features = content::compute_features(*s->index, s->element_rules);
    s->kind = fields::extract_fields(*s->index, s->features, page->url, opt, s->fields_doc);
    Document doc = s->fields_doc;
    s->stage = select(*s, s->features, doc);
    pipeline::render_content(opt, *s->index, s->stage, doc);
    s->rendered_doc = doc;
    pipeline::settle_document(opt, s->stage, s->kind, page->url, doc);
    // A cross-check that the benchmark drives the pipeline as extract does.
    auto result = extractor.extract(page->html, page->url);
    if (!result || result.value().text != doc.text) mismatched.push_back(page->id);
    cached.push_back(std::move(s));
  }
  if (!mismatched.empty()) {
    std::fprintf(stderr,
                 "WARNING: on %zu of %zu %s pages (first: %s) the stage functions of this "
                 "benchmark do not produce Extractor::extract's text: update them to match "
                 "core/src/extractor.cc\n",
                 mismatched.size(), cached.size(), name.c_str(), mismatched.front().c_str());
  }
  return cached;
}

// ---------------------------------------------------------------- benchmarks

// Gumbo's parse with its default options (malloc, errors recorded): the
// baseline the "x times a bare parse" is measured against.
GumboOutput* bare_parse(std::string_view html) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  benchmark::DoNotOptimize(out);
  return out;
}

void BM_GumboParse(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  for (auto _ : state) {
    for (const Page* p : pages) gumbo_destroy_output(&kGumboDefaultOptions, bare_parse(p->html));
  }
  set_counters(state, pages);
}

// The same parse with gumbo_destroy_output left out of the timing (it walks
// and frees every node; the pipeline's arena frees in one go).
void BM_GumboParseNoFree(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  for (auto _ : state) {
    for (const Page* p : pages) {
      GumboOutput* out = bare_parse(p->html);
      state.PauseTiming();
      gumbo_destroy_output(&kGumboDefaultOptions, out);
      state.ResumeTiming();
    }
  }
  set_counters(state, pages);
}

void BM_GumboParsePrescanned(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  std::vector<std::string> lean;
  for (const Page* p : pages) {
    input::LiftedText lifted;  // gumbo parses the placeholders; nothing is put back here
    lean.push_back(prescan(input::decode_to_utf8(p->html).utf8, &lifted));
  }
  for (auto _ : state) {
    for (const std::string& html : lean) gumbo_destroy_output(&kGumboDefaultOptions, bare_parse(html));
  }
  set_counters(state, pages);
}

void BM_StageDecode(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  for (auto _ : state) {
    for (const Page* p : pages) {
      benchmark::DoNotOptimize(input::binary_kind(p->html).data());
      input::Decoded d = input::decode_to_utf8(p->html);
      benchmark::DoNotOptimize(d.utf8.data());
    }
  }
  set_counters(state, pages);
}

void BM_StagePrescan(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  const auto& states = group_states(group);
  for (auto _ : state) {
    for (const auto& s : states) {
      input::LiftedText lifted;
      std::string lean = prescan(s->decoded.utf8, &lifted);
      benchmark::DoNotOptimize(lean.data());
    }
  }
  set_counters(state, pages);
}

// The pipeline's parse: arena allocator, no error recording, prescanned input.
void BM_StageParse(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  const auto& states = group_states(group);
  for (auto _ : state) {
    for (const auto& s : states) {
      dom::ParsedHtml parsed(s->lean, pipeline::tree_budget(default_options(), s->lean.size()),
                             &s->lifted);
      benchmark::DoNotOptimize(parsed.root());
    }
  }
  set_counters(state, pages);
}

void BM_StageIndex(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  const auto& states = group_states(group);
  const Options& opt = default_options();
  for (auto _ : state) {
    for (const auto& s : states) {
      Deadline deadline(0);
      dom::NodeIndex index(s->parsed->root(), {opt.max_nodes, opt.max_depth}, deadline);
      benchmark::DoNotOptimize(index.size());
    }
  }
  set_counters(state, pages);
}

void BM_StageFeatures(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  const auto& states = group_states(group);
  for (auto _ : state) {
    for (const auto& s : states) {
      const content::ElementRules rules = content::match_elements(*s->index, rule_matcher());
      auto features = content::compute_features(*s->index, rules);
      benchmark::DoNotOptimize(features.data());
    }
  }
  set_counters(state, pages);
}

void BM_StageFields(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  const auto& states = group_states(group);
  const Options& opt = default_options();
  for (auto _ : state) {
    for (const auto& s : states) {
      Document doc;
      auto kind = fields::extract_fields(*s->index, s->features, s->page->url, opt, doc);
      benchmark::DoNotOptimize(doc.title.data());
      benchmark::DoNotOptimize(kind.schema_type.data());
    }
  }
  set_counters(state, pages);
}

void BM_StageSelect(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  const auto& states = group_states(group);
  std::vector<std::vector<content::NodeFeatures>> inputs(states.size());
  std::vector<Document> docs(states.size());
  for (auto _ : state) {
    state.PauseTiming();  // selection consumes its features and adds to the document
    for (std::size_t i = 0; i < states.size(); ++i) {
      inputs[i] = states[i]->features;
      docs[i] = states[i]->fields_doc;
    }
    state.ResumeTiming();
    for (std::size_t i = 0; i < states.size(); ++i) {
      auto stage = select(*states[i], std::move(inputs[i]), docs[i]);
      benchmark::DoNotOptimize(stage.choice.selection.container);
    }
  }
  set_counters(state, pages);
}

void BM_StageOutput(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  const auto& states = group_states(group);
  const Options& opt = default_options();
  for (auto _ : state) {
    for (const auto& s : states) {
      Document doc;
      pipeline::render_content(opt, *s->index, s->stage, doc);
      benchmark::DoNotOptimize(doc.text.data());
    }
  }
  set_counters(state, pages);
}

// Language detection, page type and what follows from it.
void BM_StageSettle(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  const auto& states = group_states(group);
  const Options& opt = default_options();
  std::vector<Document> docs(states.size());
  for (auto _ : state) {
    state.PauseTiming();  // settling edits the document
    for (std::size_t i = 0; i < states.size(); ++i) docs[i] = states[i]->rendered_doc;
    state.ResumeTiming();
    for (std::size_t i = 0; i < states.size(); ++i) {
      pipeline::settle_document(opt, states[i]->stage, states[i]->kind, states[i]->page->url,
                                docs[i]);
      benchmark::DoNotOptimize(docs[i].page_type.data());
    }
  }
  set_counters(state, pages);
}

// One untimed call first: function-local statics and lazily built tables
// would otherwise land in a one-iteration measurement.
void warm_up(const Extractor& extractor, const std::vector<const Page*>& pages) {
  if (pages.empty()) return;
  auto result = extractor.extract(pages.front()->html, pages.front()->url);
  benchmark::DoNotOptimize(result);
}

void BM_Extract(benchmark::State& state, std::string group) {
  const auto& pages = group_pages(group);
  const Extractor extractor;
  warm_up(extractor, pages);
  for (auto _ : state) {
    for (const Page* p : pages) {
      auto result = extractor.extract(p->html, p->url);
      benchmark::DoNotOptimize(result);
    }
  }
  set_counters(state, pages);
}

// extract_many-style: N std::threads take pages from a shared counter,
// largest first (so one big page does not finish alone at the end), all
// calling the same Extractor.
void BM_ExtractMany(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  std::vector<const Page*> pages = group_pages("all");
  std::sort(pages.begin(), pages.end(),
            [](const Page* a, const Page* b) { return a->html.size() > b->html.size(); });
  const Extractor extractor;
  warm_up(extractor, pages);
  std::atomic<std::size_t> failures{0};
  for (auto _ : state) {
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i; (i = next.fetch_add(1, std::memory_order_relaxed)) < pages.size();) {
        auto result = extractor.extract(pages[i]->html, pages[i]->url);
        if (!result) failures.fetch_add(1, std::memory_order_relaxed);
        benchmark::DoNotOptimize(result);
      }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
  }
  set_counters(state, pages);
  state.counters["failures"] = static_cast<double>(failures.load());
}

void register_benchmarks() {
  using Fn = void (*)(benchmark::State&, std::string);
  const std::pair<const char*, Fn> per_group[] = {
      {"GumboParse", BM_GumboParse},
      {"GumboParseNoFree", BM_GumboParseNoFree},
      {"GumboParsePrescanned", BM_GumboParsePrescanned},
      {"StageDecode", BM_StageDecode},
      {"StagePrescan", BM_StagePrescan},
      {"StageParse", BM_StageParse},
      {"StageIndex", BM_StageIndex},
      {"StageFeatures", BM_StageFeatures},
      {"StageFields", BM_StageFields},
      {"StageSelect", BM_StageSelect},
      {"StageOutput", BM_StageOutput},
      {"StageSettle", BM_StageSettle},
      {"Extract", BM_Extract},
  };
  for (const Group& g : kGroups) {
    const std::string group = g.name;
    for (const auto& [name, fn] : per_group) {
      // The stages are measured per size group; the whole corpus ("all")
      // only for the two numbers of the headline ratio.
      const bool headline = fn == BM_GumboParse || fn == BM_GumboParseNoFree || fn == BM_Extract;
      if (group == "all" && !headline) continue;
      benchmark::RegisterBenchmark((std::string(name) + "/" + group).c_str(), fn, group)
          ->Unit(benchmark::kMillisecond);
    }
  }
  benchmark::RegisterBenchmark("ExtractMany", BM_ExtractMany)
      ->ArgName("threads")
      ->Arg(1)
      ->Arg(2)
      ->UseRealTime()
      ->Unit(benchmark::kMillisecond);
}

// ---------------------------------------------------------------- summary

// The console reporter, plus a closing summary: seconds per pass of each
// stage and the extract / bare-gumbo-parse ratio per group.
class SummaryReporter : public benchmark::ConsoleReporter {
 public:
  explicit SummaryReporter(OutputOptions options) : ConsoleReporter(options) {}

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    // With --benchmark_repetitions the median (reported after the
    // repetitions) replaces them.
    for (const Run& run : runs) {
      if (run.error_occurred || run.iterations == 0) continue;
      if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "median") continue;
      const double n = static_cast<double>(run.iterations);
      real_[run.run_name.str()] = run.real_accumulated_time / n;
      cpu_[run.run_name.str()] = run.cpu_accumulated_time / n;
    }
  }

  // Single-threaded rows use CPU time (steadier on a shared, busy machine);
  // the thread speed-up uses wall time.
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf(
        "\nSummary: CPU seconds per pass over the group. ratio = Extract / GumboParse (parse +\n"
        "destroy of the original page); ratio_nofree = Extract / GumboParseNoFree (parse only)\n");
    std::printf("%-8s %6s %9s %11s %11s %11s %7s %12s %10s\n", "group", "pages", "MB",
                "GumboParse", "Extract", "sum stages", "ratio", "ratio_nofree", "pages/s");
    const char* stages[] = {"StageDecode", "StagePrescan", "StageParse", "StageIndex",
                            "StageFeatures", "StageFields", "StageSelect", "StageOutput",
                            "StageSettle"};
    for (const Group& g : kGroups) {
      const std::string suffix = std::string("/") + g.name;
      auto parse = cpu_.find("GumboParse" + suffix);
      auto extract = cpu_.find("Extract" + suffix);
      auto nofree = cpu_.find("GumboParseNoFree" + suffix);
      if (parse == cpu_.end() || extract == cpu_.end()) continue;
      double stage_sum = 0;
      int stage_count = 0;
      for (const char* s : stages) {
        auto it = cpu_.find(s + suffix);
        if (it != cpu_.end()) stage_sum += it->second, ++stage_count;
      }
      const auto& pages = group_pages(g.name);
      char sum[32] = "-";
      if (stage_count) std::snprintf(sum, sizeof sum, "%.4f", stage_sum);
      char ratio_nofree[32] = "-";
      if (nofree != cpu_.end() && nofree->second > 0) {
        std::snprintf(ratio_nofree, sizeof ratio_nofree, "%.3f", extract->second / nofree->second);
      }
      std::printf("%-8s %6zu %9.1f %11.4f %11.4f %11s %7.3f %12s %10.1f\n", g.name,
                  pages.size(), static_cast<double>(total_bytes(pages)) / 1e6, parse->second,
                  extract->second, sum, extract->second / parse->second, ratio_nofree,
                  static_cast<double>(pages.size()) / extract->second);
    }
    auto one = real_.find("ExtractMany/threads:1/real_time");
    auto two = real_.find("ExtractMany/threads:2/real_time");
    if (one != real_.end() && two != real_.end()) {
      std::printf("ExtractMany: 2 threads / 1 thread speed-up (wall time) = %.2fx\n",
                  one->second / two->second);
    }
  }

 private:
  std::map<std::string, double> real_;
  std::map<std::string, double> cpu_;
};

}  // namespace

int main(int argc, char** argv) {
  // Our summary rides on the console reporter; another --benchmark_format
  // gets the library's own reporter. (Read before Initialize eats the flag.)
  bool console = true;
  bool color = isatty(STDOUT_FILENO);
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with("--benchmark_format=") && arg != "--benchmark_format=console") {
      console = false;
    }
    if (arg == "--benchmark_color=false" || arg == "--benchmark_color=no") color = false;
    if (arg == "--benchmark_color=true" || arg == "--benchmark_color=yes") color = true;
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  try {
    const auto& pages = corpus();
    std::size_t bytes = 0;
    for (const Page& p : pages) bytes += p.html.size();
    std::fprintf(stderr, "corpus: %s, %zu pages, %.1f MB\n", corpus_dir().c_str(), pages.size(),
                 static_cast<double>(bytes) / 1e6);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "extract_bench: %s\n", e.what());
    return 1;
  }
  register_benchmarks();
  if (console) {
    SummaryReporter reporter(color ? benchmark::ConsoleReporter::OO_ColorTabular
                                   : benchmark::ConsoleReporter::OO_Tabular);
    benchmark::RunSpecifiedBenchmarks(&reporter);
  } else {
    benchmark::RunSpecifiedBenchmarks();
  }
  benchmark::Shutdown();
  return 0;
}
