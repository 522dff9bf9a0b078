// extract_bench: single-thread extraction speed on a set of pages, in process.
//
// Usage: extract_bench [--repeat N] FILE...  Reads every file into memory first
// (gunzipping .gz), then times extract_article over all of them N times and prints the
// median pages/s and MB/s. I/O and process start-up are not in the figure.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "storyline/extract.h"
#include "storyline/inputs.h"

int main(int argc, char** argv) {
  int repeat = 3;
  std::vector<storyline::Document> docs;
  std::size_t bytes = 0;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
      continue;
    }
    auto doc = storyline::read_document(argv[i]);
    if (!doc.ok()) {
      std::fprintf(stderr, "extract_bench: %s: %s\n", argv[i], doc.status().message().c_str());
      return 1;
    }
    bytes += doc->bytes.size();
    docs.push_back(std::move(doc).value());
  }
  if (docs.empty()) {
    std::fprintf(stderr, "usage: extract_bench [--repeat N] FILE...\n");
    return 2;
  }
  std::vector<double> seconds;
  std::size_t chars = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& d : docs) {
      auto a = storyline::extract_article(d);
      if (a.ok()) chars += a->blocks.size();
    }
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(seconds.begin(), seconds.end());
  const double median = seconds[seconds.size() / 2];
  std::printf("extract in-process: %.0f pages/s, %.1f MB/s (median of %d runs, %zu pages, 1 thread)\n",
              docs.size() / median, bytes / median / 1e6, repeat, docs.size());
  return chars == 0 ? 1 : 0;
}
