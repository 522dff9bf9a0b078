#include "cluster/posting_index.h"

#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

namespace storyline {
namespace {

// Every (term, slot, weight) the index holds, ordered.
std::map<std::pair<std::uint64_t, std::uint32_t>, float> contents(const PostingIndex& index) {
  std::map<std::pair<std::uint64_t, std::uint32_t>, float> out;
  index.for_each([&](std::uint64_t h, const PostingIndex::Posting& p) {
    EXPECT_TRUE(out.emplace(std::make_pair(h, p.slot), p.weight).second) << "slot twice in a list";
  });
  return out;
}

TEST(PostingIndex, FindsWhatWasAddedAndDropsRetiredSlots) {
  PostingIndex index;
  std::vector<PostingIndex::List*> scratch;
  // Slot s holds terms 1..(s + 1) * 3 (term 0 lives beside the map's array), each at
  // weight s + term / 100: the lists grow to 30 postings, moving several times.
  std::map<std::pair<std::uint64_t, std::uint32_t>, float> expected;
  for (std::uint32_t slot = 0; slot < 10; ++slot) {
    std::vector<std::pair<std::uint64_t, float>> added;
    for (std::uint64_t term = 0; term < (slot + 1) * 3; ++term) {
      added.emplace_back(term, static_cast<float>(slot) + static_cast<float>(term) / 100);
      expected[{term, slot}] = added.back().second;
    }
    index.add_all(added, slot, scratch);
  }
  EXPECT_EQ(contents(index), expected);
  EXPECT_EQ(index.terms(), 30u);

  std::vector<PostingIndex::List> lists;
  index.find_lists({{5, 1.0f}, {1000, 1.0f}, {0, 1.0f}}, lists);
  ASSERT_EQ(lists.size(), 3u);
  EXPECT_EQ(lists[0].size, 9u);  // slots 1..9 hold term 5
  EXPECT_EQ(lists[1].size, 0u);  // no such term
  EXPECT_EQ(lists[2].size, 10u);

  // Slots 0, 3 and 9 retire; the others close up, in order.
  std::vector<std::uint32_t> new_slot(10, PostingIndex::kDropped);
  std::uint32_t next = 0;
  for (std::uint32_t s : {1u, 2u, 4u, 5u, 6u, 7u, 8u}) new_slot[s] = next++;
  std::map<std::pair<std::uint64_t, std::uint32_t>, float> dropped, kept;
  for (const auto& [key, w] : expected) {
    if (new_slot[key.second] == PostingIndex::kDropped) dropped[key] = w;
    else kept[{key.first, new_slot[key.second]}] = w;
  }
  std::map<std::pair<std::uint64_t, std::uint32_t>, float> shown;
  index.drop_and_renumber(new_slot, [&](std::uint64_t h, const PostingIndex::Posting& p) {
    EXPECT_TRUE(shown.emplace(std::make_pair(h, p.slot), p.weight).second);
  });
  EXPECT_EQ(shown, dropped);
  EXPECT_EQ(contents(index), kept);
  // Terms 27..29 were slot 9's alone: their lists are gone, not left empty.
  EXPECT_EQ(index.terms(), 27u);
  // Term 26 was slots 8 and 9's: it keeps slot 8, numbered 6 now.
  index.find_lists({{28, 1.0f}, {26, 1.0f}}, lists);
  EXPECT_EQ(lists[0].size, 0u);
  ASSERT_EQ(lists[1].size, 1u);
  EXPECT_EQ(index.postings(lists[1])[0].slot, 6u);

  // The index keeps taking postings after the drop.
  index.add_all({{28, 0.5f}, {5, 0.25f}}, 7, scratch);
  kept[{28, 7}] = 0.5f;
  kept[{5, 7}] = 0.25f;
  EXPECT_EQ(contents(index), kept);
}

// Erasing single postings, then growing the same lists again: each list's run is still
// one that fits its size (a list shrunk to a power of two moves on its next append).
TEST(PostingIndex, ErasesOnePostingAndTheListKeepsGrowing) {
  PostingIndex index;
  std::vector<PostingIndex::List*> scratch;
  std::map<std::pair<std::uint64_t, std::uint32_t>, float> expected;
  for (std::uint32_t slot = 0; slot < 9; ++slot) {
    index.add_all({{7, static_cast<float>(slot)}, {8, 1.0f + static_cast<float>(slot)}}, slot, scratch);
    expected[{7, slot}] = static_cast<float>(slot);
    expected[{8, slot}] = 1.0f + static_cast<float>(slot);
  }
  // Term 7's list of 9 (a run of 16) shrinks to 8, then 4, then 3.
  for (std::uint32_t slot : {0u, 4u, 5u, 8u, 2u, 6u}) {
    EXPECT_TRUE(index.erase(7, slot));
    expected.erase({7, slot});
  }
  EXPECT_FALSE(index.erase(7, 4));   // gone already
  EXPECT_FALSE(index.erase(99, 1));  // no such term
  EXPECT_EQ(contents(index), expected);
  // Term 8's list keeps growing beside it, and term 7's grows back past its old size:
  // appends that overran a run would overwrite the other list's postings.
  for (std::uint32_t slot = 9; slot < 30; ++slot) {
    index.add_all({{7, 0.5f * static_cast<float>(slot)}, {8, 2.0f * static_cast<float>(slot)}}, slot, scratch);
    expected[{7, slot}] = 0.5f * static_cast<float>(slot);
    expected[{8, slot}] = 2.0f * static_cast<float>(slot);
  }
  EXPECT_EQ(contents(index), expected);
  // A list erased to nothing finds no postings and goes at the next drop.
  for (std::uint32_t slot = 0; slot < 30; ++slot) index.erase(8, slot);
  std::vector<PostingIndex::List> lists;
  index.find_lists({{8, 1.0f}}, lists);
  EXPECT_EQ(lists[0].size, 0u);
  std::vector<std::uint32_t> same(30);
  for (std::uint32_t s = 0; s < 30; ++s) same[s] = s;
  index.drop_and_renumber(same, [](std::uint64_t, const PostingIndex::Posting&) { ADD_FAILURE() << "nothing dropped"; });
  EXPECT_EQ(index.terms(), 1u);
}

}  // namespace
}  // namespace storyline
