#include "cluster/strongest_terms.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace storyline {
namespace {

// The set a full sort by "stronger" gives, whatever the spread of the weights and
// however many tie at the cut.
TEST(StrongestTerms, SameSetAsSortingByWeightThenHash) {
  std::mt19937_64 rng(7);
  StrongestScratch scratch;
  for (int round = 0; round < 200; ++round) {
    const std::size_t n = rng() % 600;
    std::vector<WeightedTerm> terms;
    for (std::size_t i = 0; i < n; ++i) {
      // Few distinct weights in some rounds (many ties), a wide spread in others.
      const float w = round % 2 ? static_cast<float>(rng() % 5) * 0.25f
                                : std::ldexp(static_cast<float>(rng() % 1000 + 1) / 1000.0f, -static_cast<int>(rng() % 12));
      terms.push_back({rng() | 1, w});
    }
    const std::size_t k = round % 7 == 0 ? n + 1 : rng() % 150;
    const float scale = round % 3 == 0 ? 1.0f : 0.37f;
    std::vector<WeightedTerm> expected = terms;
    for (auto& t : expected) t.weight *= scale;
    std::sort(expected.begin(), expected.end(), [](const WeightedTerm& a, const WeightedTerm& b) {
      return a.weight != b.weight ? a.weight > b.weight : a.hash < b.hash;
    });
    expected.resize(std::min(k, expected.size()));
    std::vector<WeightedTerm> got;
    select_strongest(terms, scale, k, got, scratch);
    auto by_hash = [](const WeightedTerm& a, const WeightedTerm& b) { return a.hash < b.hash; };
    std::sort(expected.begin(), expected.end(), by_hash);
    std::sort(got.begin(), got.end(), by_hash);
    ASSERT_EQ(got.size(), expected.size()) << round;
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].hash, expected[i].hash) << round;
      EXPECT_EQ(got[i].weight, expected[i].weight) << round;
    }
    EXPECT_TRUE(std::all_of(scratch.counts.begin(), scratch.counts.end(), [](std::uint32_t c) { return c == 0; }));
  }
}

// sort_by_hash orders like a comparison sort, at every size (the bucket scatter up to
// 4,096 terms, std::sort beyond) and with clustered hashes.
TEST(SortByHash, OrdersAsAComparisonSort) {
  std::mt19937_64 rng(11);
  std::vector<std::uint32_t> counts;
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{300}, std::size_t{5000}}) {
    for (bool clustered : {false, true}) {
      std::vector<WeightedTerm> in(n);
      for (std::size_t i = 0; i < n; ++i)
        in[i] = {clustered ? (std::uint64_t{0xABCD} << 48) + i * 7919 : rng(), static_cast<float>(i)};
      std::vector<WeightedTerm> expected = in, got;
      std::sort(expected.begin(), expected.end(), [](const WeightedTerm& a, const WeightedTerm& b) { return a.hash < b.hash; });
      sort_by_hash(in, got, counts);
      ASSERT_EQ(got.size(), n);
      for (std::size_t i = 0; i < n; ++i) {
        EXPECT_EQ(got[i].hash, expected[i].hash) << n;
        EXPECT_EQ(got[i].weight, expected[i].weight) << n;
      }
    }
  }
}

}  // namespace
}  // namespace storyline
