// cluster_bench: throughput and memory of event clustering on a generated stream.
//
// Usage: cluster_bench [--docs N] [--words W] [--seed S] [--passes P] [--real FILE]
//                      [--max-terms K] [--split-margin M]
// N documents (default 100,000) of W words (default 500) arrive in date order over a year.
// Each belongs to a generated event (1-3 days long, 5-40 documents) with its own words,
// names and numbers; the rest of each document is drawn from a 30,000-word vocabulary with
// a Zipf-like law (what every article shares). Timed: document_terms + EventClusterer::add
// on one thread, per document; generation is not timed. P passes (default 3) over the
// same stream, each with a fresh clusterer; the median pass is printed. Prints docs/s
// (and a document's time in document_terms and in add), open events at the end, peak
// RSS, and B-cubed F1 against the generated events (a sanity check, not a benchmark of
// quality: see ../shared/bench/clustering for that).
//
// The generated words are all content words from a flat random vocabulary: heavier per
// word than news, where about half the words are stop words and a few thousand words
// make most of the text. --real FILE also times real articles (JSON lines with title,
// text and date, clustered in date order, five passes, the median printed), in
// 500-word documents per second so the two figures compare. --max-terms and
// --split-margin set those EventOptions (as `storyline cluster` does), to measure what
// the clusterer's defaults cost against lighter settings.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "storyline/event_terms.h"
#include "storyline/events.h"

namespace {

std::string random_word(std::mt19937_64& rng, bool capital) {
  std::uniform_int_distribution<int> len(4, 10), letter(0, 25);
  std::string w;
  const int n = len(rng);
  for (int i = 0; i < n; ++i) w += static_cast<char>('a' + letter(rng));
  if (capital) w[0] = static_cast<char>(w[0] - 'a' + 'A');
  return w;
}

struct GenEvent {
  std::vector<std::string> words;  // its own vocabulary: names, numbers, specific words
  int day = 0;
  int left = 0;                    // documents still to write
};

// The options that differ from the defaults, as "; max terms 64; split margin 2", for
// the speed lines: a figure of lighter settings is not taken for the default one.
std::string named_settings(const storyline::EventOptions& options) {
  const storyline::EventOptions defaults;
  std::string settings;
  if (options.max_document_terms != defaults.max_document_terms)
    settings += "; max terms " + std::to_string(options.max_document_terms);
  if (options.split_margin != defaults.split_margin) {
    char margin[32];
    std::snprintf(margin, sizeof margin, "; split margin %g", options.split_margin);
    settings += margin;
  }
  return settings;
}

// Median over five passes of document_terms + EventClusterer::add over the records of
// `path` in date order, each pass with a fresh clusterer. Returns false when the file
// cannot be read.
bool time_real_articles(const std::string& path, const storyline::EventOptions& options) {
  struct Record {
    std::string title, text, date;
  };
  std::vector<Record> records;
  std::ifstream in(path);
  if (!in) return false;
  std::size_t words = 0;
  for (std::string line; std::getline(in, line);) {
    const auto j = nlohmann::json::parse(line, nullptr, false);
    if (!j.is_object()) continue;
    Record r{j.value("title", ""), j.value("text", ""), j.contains("date") && j["date"].is_string() ? j["date"].get<std::string>() : ""};
    bool in_word = false;
    for (char c : r.text) {
      const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
      words += !space && !in_word;
      in_word = !space;
    }
    records.push_back(std::move(r));
  }
  if (records.empty()) return false;
  std::stable_sort(records.begin(), records.end(), [](const Record& a, const Record& b) { return a.date < b.date; });
  std::vector<double> seconds;
  for (int pass = 0; pass < 5; ++pass) {
    storyline::EventClusterer clusterer(options);
    const auto t0 = std::chrono::steady_clock::now();
    for (const Record& r : records) clusterer.add(storyline::document_terms(r.title, r.text, nullptr), r.date, "en");
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(seconds.begin(), seconds.end());
  const double s = seconds[seconds.size() / 2];
  std::printf("cluster speed on real news: %.0f docs of 500 words/s on 1 thread (%zu articles of %.0f words on average, "
              "%.0f articles/s; median of 5 passes%s)\n",
              static_cast<double>(words) / 500.0 / s, records.size(), static_cast<double>(words) / records.size(),
              static_cast<double>(records.size()) / s, named_settings(options).c_str());
  return true;
}

// One pass over the generated stream, with a fresh clusterer: the same documents for the
// same seed.
struct GeneratedRun {
  double busy = 0;  // seconds in document_terms + EventClusterer::add
  double terms = 0;  // of which in document_terms
  std::size_t bytes = 0, open_events = 0, known_terms = 0;
  int generated_events = 0;
  double precision = 0, recall = 0;  // B-cubed against the generated events
};

GeneratedRun run_generated(long docs, int words, unsigned long long seed, const storyline::EventOptions& options) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> vocab(30000);
  for (auto& w : vocab) w = random_word(rng, false);
  std::vector<double> weights(vocab.size());
  for (std::size_t r = 0; r < weights.size(); ++r) weights[r] = 1.0 / (static_cast<double>(r) + 10.0);
  std::discrete_distribution<std::size_t> background(weights.begin(), weights.end());
  std::uniform_real_distribution<double> unit(0, 1);

  storyline::EventClusterer clusterer(options);
  std::vector<GenEvent> live;  // events currently being reported
  std::vector<int> truth, got;
  truth.reserve(static_cast<std::size_t>(docs));
  got.reserve(static_cast<std::size_t>(docs));
  int next_event = 0;
  std::vector<int> live_ids;
  double busy = 0, terms_busy = 0;
  std::size_t bytes = 0;
  const double docs_per_day = static_cast<double>(docs) / 365.0;
  std::string title, text;
  for (long i = 0; i < docs; ++i) {
    const int day = static_cast<int>(static_cast<double>(i) / docs_per_day);
    // Retire events past their days; open new ones so about 40 run at any time.
    for (std::size_t k = 0; k < live.size();) {
      if (live[k].left <= 0 || day - live[k].day > 2) {
        live.erase(live.begin() + static_cast<std::ptrdiff_t>(k));
        live_ids.erase(live_ids.begin() + static_cast<std::ptrdiff_t>(k));
      } else {
        ++k;
      }
    }
    while (live.size() < 40) {
      GenEvent e;
      e.day = day;
      e.left = 5 + static_cast<int>(rng() % 36);
      for (int k = 0; k < 12; ++k) e.words.push_back(random_word(rng, true));
      for (int k = 0; k < 6; ++k) e.words.push_back(std::to_string(100 + rng() % 900000));
      for (int k = 0; k < 30; ++k) e.words.push_back(random_word(rng, false));
      live.push_back(std::move(e));
      live_ids.push_back(next_event++);
    }
    const std::size_t which = rng() % live.size();
    GenEvent& e = live[which];
    --e.left;
    // Title: 8 words, half the event's. Body: lines of 25 words, 20 % of them the event's.
    title.clear();
    for (int k = 0; k < 8; ++k) {
      title += k % 2 ? e.words[rng() % e.words.size()] : vocab[background(rng)];
      title += ' ';
    }
    text.clear();
    for (int k = 0; k < words; ++k) {
      text += unit(rng) < 0.2 ? e.words[rng() % e.words.size()] : vocab[background(rng)];
      text += (k % 25 == 24) ? ".\n" : " ";
    }
    char date[16];
    std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + day / 31 % 12, 1 + day % 28);
    const auto t0 = std::chrono::steady_clock::now();
    const auto terms = storyline::document_terms(title, text, nullptr);
    const auto t1 = std::chrono::steady_clock::now();
    const auto a = clusterer.add(terms, date, "en");
    busy += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    terms_busy += std::chrono::duration<double>(t1 - t0).count();
    bytes += title.size() + text.size();
    truth.push_back(live_ids[which]);
    got.push_back(static_cast<int>(a.event));
  }
  // B-cubed over all documents.
  std::unordered_map<long long, int> both;
  std::unordered_map<int, int> nt, ng;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    ++both[static_cast<long long>(truth[i]) * 100000000LL + got[i]];
    ++nt[truth[i]];
    ++ng[got[i]];
  }
  double p = 0, r = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const double inter = both[static_cast<long long>(truth[i]) * 100000000LL + got[i]];
    p += inter / ng[got[i]];
    r += inter / nt[truth[i]];
  }
  p /= static_cast<double>(truth.size());
  r /= static_cast<double>(truth.size());
  return {busy, terms_busy, bytes, clusterer.open_events(), clusterer.known_terms(), next_event, p, r};
}

}  // namespace

int main(int argc, char** argv) {
  long docs = 100000;
  int words = 500, passes = 3;
  unsigned long long seed = 20240530;
  std::string real;
  storyline::EventOptions options;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--docs")) docs = std::max(1L, std::atol(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--words")) words = std::max(20, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--seed")) seed = std::strtoull(argv[i + 1], nullptr, 10);
    else if (!std::strcmp(argv[i], "--passes")) passes = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--real")) real = argv[i + 1];
    else if (!std::strcmp(argv[i], "--max-terms")) options.max_document_terms = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--split-margin")) options.split_margin = std::atof(argv[i + 1]);
  }
  // The median pass: one run on a shared machine says little.
  std::vector<GeneratedRun> runs;
  rusage ru{};
  for (int pass = 0; pass < passes; ++pass) {
    runs.push_back(run_generated(docs, words, seed, options));
    // The peak of the first pass: later passes reuse memory the allocator kept, so the
    // process's peak grows past what one stream needs.
    if (pass == 0) getrusage(RUSAGE_SELF, &ru);
  }
  std::sort(runs.begin(), runs.end(), [](const GeneratedRun& a, const GeneratedRun& b) { return a.busy < b.busy; });
  const GeneratedRun& run = runs[runs.size() / 2];
  const double p = run.precision, r = run.recall;
  const std::string settings = named_settings(options);
  std::printf("cluster speed: %.0f docs/s on 1 thread (%ld docs of %d words, %.1f MB/s of text; terms + clustering, "
              "%.1f + %.1f us a document; median of %d passes, range %.0f-%.0f%s)\n",
              static_cast<double>(docs) / run.busy, docs, words, static_cast<double>(run.bytes) / run.busy / 1e6,
              run.terms / static_cast<double>(docs) * 1e6, (run.busy - run.terms) / static_cast<double>(docs) * 1e6,
              passes, static_cast<double>(docs) / runs.back().busy, static_cast<double>(docs) / runs.front().busy,
              settings.c_str());
  std::printf("cluster memory: peak RSS %.0f MB, %zu events open at the end (of %d generated), %zu terms counted\n",
              ru.ru_maxrss / 1024.0, run.open_events, run.generated_events, run.known_terms);
  std::printf("cluster sanity: generated events B-cubed F1 %.3f P %.3f R %.3f\n", 2 * p * r / (p + r), p, r);
  if (!real.empty() && !time_real_articles(real, options)) {
    std::fprintf(stderr, "cluster_bench: cannot read articles from %s\n", real.c_str());
    return 1;
  }
  return 0;
}
