// copies_bench: recall, precision and speed of copy detection on generated copies.
//
// Usage: copies_bench [--families N] [--seed S]
// N original texts of 500 words (random words from a 20,000-word vocabulary with a
// Zipf-like law), each with 4 copies edited the ways copies are: words swapped (1-20 %),
// truncated (to 70-95 %), boilerplate lines inserted (from a pool shared by all texts,
// as site junk is), re-encoded (case, no-break spaces, curly quotes). The truth is the
// exact Jaccard of every pair within a family; pairs across families are checked too
// when proposed. Prints recall for Jaccard >= 0.8, precision, and signature MB/s.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "storyline/copies.h"

namespace {

std::string random_word(std::mt19937_64& rng) {
  std::uniform_int_distribution<int> len(3, 9), letter(0, 25);
  std::string w;
  const int n = len(rng);
  for (int i = 0; i < n; ++i) w += static_cast<char>('a' + letter(rng));
  return w;
}

}  // namespace

int main(int argc, char** argv) {
  int families = 1000;
  unsigned long long seed = 20241117;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--families")) families = std::max(1, std::atoi(argv[i + 1]));
    else if (!std::strcmp(argv[i], "--seed")) seed = std::strtoull(argv[i + 1], nullptr, 10);
  }
  std::mt19937_64 rng(seed);
  std::vector<std::string> vocab(20000);
  for (auto& w : vocab) w = random_word(rng);
  // Zipf-like: rank r drawn with weight 1/(r+10).
  std::vector<double> weights(vocab.size());
  for (std::size_t r = 0; r < weights.size(); ++r) weights[r] = 1.0 / (static_cast<double>(r) + 10.0);
  std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
  std::vector<std::string> junk_pool;
  for (int j = 0; j < 50; ++j) {
    std::string line;
    for (int k = 0; k < 12; ++k) line += vocab[pick(rng)] + " ";
    junk_pool.push_back(line);
  }

  std::vector<std::string> texts;
  std::vector<int> family;
  std::uniform_real_distribution<double> unit(0, 1);
  for (int f = 0; f < families; ++f) {
    std::vector<std::string> words(500);
    for (auto& w : words) w = vocab[pick(rng)];
    auto join = [](const std::vector<std::string>& ws) {
      std::string s;
      for (std::size_t i = 0; i < ws.size(); ++i) s += (i ? (i % 40 == 0 ? "\n\n" : " ") : "") + ws[i];
      return s;
    };
    texts.push_back(join(words));
    family.push_back(f);
    for (int c = 0; c < 4; ++c) {
      std::vector<std::string> ws = words;
      const double swap_rate = std::vector<double>{0.01, 0.03, 0.05, 0.1, 0.2}[static_cast<std::size_t>(rng() % 5)];
      for (auto& w : ws)
        if (unit(rng) < swap_rate) w = vocab[pick(rng)];
      if (c == 1) ws.resize(static_cast<std::size_t>(ws.size() * (0.7 + 0.25 * unit(rng))));
      std::string t = join(ws);
      if (c == 2)
        for (int j = 0; j < 3; ++j) t = junk_pool[rng() % junk_pool.size()] + "\n" + t + "\n" + junk_pool[rng() % junk_pool.size()];
      if (c == 3) {  // re-encoding: capitals, no-break spaces, curly quotes
        std::string r;
        for (std::size_t i = 0; i < t.size(); ++i) {
          if (t[i] == ' ' && i % 7 == 0) r += "\xC2\xA0";
          else if (i % 11 == 0 && t[i] >= 'a' && t[i] <= 'z') r += static_cast<char>(t[i] - 32);
          else r += t[i];
        }
        t = "\xE2\x80\x9C" + r + "\xE2\x80\x9D";
      }
      texts.push_back(t);
      family.push_back(f);
    }
  }

  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  storyline::CopyOptions options;
  std::vector<storyline::CopySignature> sigs;
  sigs.reserve(texts.size());
  const auto t0 = std::chrono::steady_clock::now();
  for (const auto& t : texts) sigs.push_back(storyline::copy_signature(t, options));
  const double sig_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  const auto t1 = std::chrono::steady_clock::now();
  const std::vector<storyline::CopyPair> found = storyline::copy_pairs(sigs, options);
  const double pair_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();

  // Truth: exact Jaccard of every in-family pair; proposed cross-family pairs are
  // judged the same way.
  std::set<std::pair<std::size_t, std::size_t>> truth;
  for (std::size_t i = 0; i < texts.size(); ++i)
    for (std::size_t j = i + 1; j < texts.size() && family[j] == family[i]; ++j)
      if (storyline::jaccard(sigs[i], sigs[j]) >= options.min_jaccard) truth.insert({i, j});
  std::size_t hit = 0, predicted = 0, correct = 0;
  for (const auto& p : found) {
    if (p.jaccard < options.min_jaccard) continue;  // containment-only pairs are another question
    ++predicted;
    const bool real = storyline::jaccard(sigs[p.a], sigs[p.b]) >= options.min_jaccard;
    correct += real;
    if (real && !truth.count({p.a, p.b})) truth.insert({p.a, p.b});
    hit += truth.count({p.a, p.b});
  }
  const double recall = truth.empty() ? 1.0 : static_cast<double>(hit) / truth.size();
  const double precision = predicted ? static_cast<double>(correct) / predicted : 1.0;
  std::printf("copies: %zu texts (%d families), %zu pairs with Jaccard >= %.1f: recall %.4f precision %.4f\n",
              texts.size(), families, truth.size(), options.min_jaccard, recall, precision);
  std::printf("copies speed: signatures %.1f MB/s (1 thread), pairing %.2f s\n", bytes / sig_secs / 1e6, pair_secs);
  return 0;
}
