#include "cluster/two_means.h"

#include <gtest/gtest.h>

#include <cmath>

#include "storyline/events.h"

namespace storyline {
namespace {

// A unit vector of `shared` terms every document holds (hashes 1..shared) and `own`
// terms of its group (hashes group * 1000 + ...), rotating so no two are identical.
std::vector<WeightedTerm> document(int group, int i, int shared, int own) {
  std::vector<WeightedTerm> v;
  for (int k = 0; k < shared; ++k) v.push_back({static_cast<std::uint64_t>(1 + k), 1.0f});
  for (int k = 0; k < own; ++k) v.push_back({static_cast<std::uint64_t>(group * 1000 + (i + k) % (2 * own)), 1.0f});
  const float inv = 1.0f / std::sqrt(static_cast<float>(v.size()));
  for (WeightedTerm& t : v) t.weight *= inv;
  return v;
}

TwoGroups split(const std::vector<std::vector<WeightedTerm>>& documents) {
  SplitTerms terms;
  PackedGram gram;
  TermProbe probe;
  std::vector<std::uint32_t> scratch;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    terms.append(documents[i], documents[i].size(), scratch);
    probe.assign(terms, i);
    std::vector<double> row;
    for (std::size_t j = 0; j <= i; ++j) row.push_back(probe.dot(terms, j));
    gram.append(row);
  }
  return split_in_two(gram);
}

TEST(SplitInTwo, TwoGroupsSharingTheirKindComeApartWithAWideMargin) {
  std::vector<std::vector<WeightedTerm>> documents;
  for (int i = 0; i < 14; ++i) documents.push_back(document(1 + i % 2, i / 2, 6, 6));
  const TwoGroups g = split(documents);
  ASSERT_EQ(g.in_second.size(), documents.size());
  EXPECT_EQ(g.first_size, 7u);
  EXPECT_EQ(g.second_size, 7u);
  for (std::size_t i = 2; i < documents.size(); ++i) EXPECT_EQ(g.in_second[i], g.in_second[i % 2]) << i;
  EXPECT_NE(g.in_second[0], g.in_second[1]);
  EXPECT_GT(g.margin, 0.25);
}

// One group whose documents each hold a different run of its words (a ring: neighbours
// share the most) still splits, at a margin below the clusterer's (events.h).
TEST(SplitInTwo, OneGroupsHalvesAreArbitraryAndTheMarginNarrow) {
  std::vector<std::vector<WeightedTerm>> documents;
  for (int i = 0; i < 14; ++i) documents.push_back(document(1, i, 6, 6));
  const TwoGroups g = split(documents);
  EXPECT_GT(g.margin, 0.0);
  EXPECT_LT(g.margin, EventOptions{}.split_margin);
}

TEST(SplitInTwo, NoSplitOfOneDocumentOrOfCopies) {
  EXPECT_TRUE(split({document(1, 0, 3, 3)}).in_second.empty());
  const TwoGroups copies = split(std::vector<std::vector<WeightedTerm>>(5, document(1, 0, 3, 3)));
  EXPECT_TRUE(copies.in_second.empty());  // every copy is as close to either half
  EXPECT_EQ(copies.first_size + copies.second_size, 0u);
}

}  // namespace
}  // namespace storyline
