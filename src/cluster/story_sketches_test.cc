#include "cluster/story_sketches.h"

#include <gtest/gtest.h>

#include <cmath>

namespace storyline {
namespace {

TEST(StorySketches, ScoresTheStoriesSharingATermInStoryOrder) {
  StorySketches s;
  s.set(7, {{1, 0.5f}, {2, 0.5f}});
  s.set(3, {{2, 0.25f}, {9, 1.0f}});
  std::vector<std::pair<std::uint64_t, double>> out;
  s.score({{2, 1.0f}, {4, 1.0f}}, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].first, 3u);
  EXPECT_DOUBLE_EQ(out[0].second, 0.25);
  EXPECT_EQ(out[1].first, 7u);
  EXPECT_DOUBLE_EQ(out[1].second, 0.5);
}

TEST(StorySketches, ANewSketchReplacesTheOldOneAndDropForgets) {
  StorySketches s;
  s.set(7, {{1, 0.5f}});
  s.set(7, {{2, 0.5f}});
  std::vector<std::pair<std::uint64_t, double>> out;
  s.score({{1, 1.0f}}, out);
  EXPECT_TRUE(out.empty());  // the old sketch's posting is stale
  s.score({{2, 1.0f}}, out);
  ASSERT_EQ(out.size(), 1u);
  s.drop(7);
  s.score({{2, 1.0f}}, out);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(s.size(), 0u);
}

TEST(StorySketches, ManyReplacementsCompactWithoutChangingScores) {
  StorySketches s;
  for (std::uint64_t round = 0; round < 200; ++round)
    for (std::uint64_t story = 1; story <= 20; ++story)
      s.set(story, {{story, 0.5f}, {1000 + round, 0.25f}});
  std::vector<std::pair<std::uint64_t, double>> out;
  s.score({{5, 1.0f}, {1199, 1.0f}}, out);
  ASSERT_EQ(out.size(), 20u);  // every story holds term 1199 (the last round)
  EXPECT_DOUBLE_EQ(out[4].second, 0.75);  // story 5: both terms
  EXPECT_DOUBLE_EQ(out[0].second, 0.25);
}

TEST(StorySketches, StrongestKeepsTheTopTermsScaledByTheFullNorm) {
  StrongestScratch scratch;
  const auto top = StorySketches::strongest({{5, 1.0f}, {3, 3.0f}, {9, 2.0f}, {1, 2.0f}}, 18.0, 2, scratch);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].hash, 1u);  // the tie at 2.0 goes to the smaller hash
  EXPECT_EQ(top[1].hash, 3u);
  EXPECT_FLOAT_EQ(top[1].weight, 3.0f / std::sqrt(18.0f));
}

}  // namespace
}  // namespace storyline
