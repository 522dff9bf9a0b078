#include "storyline/copies.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <utility>

namespace storyline {
namespace {

const char* kStory =
    "The harbour council voted on Tuesday to close the old ferry pier, citing the cost of repairs after two "
    "winters of storms that cracked its pilings and tore away part of the deck. Ferry operators said the "
    "closure would add twenty minutes to the morning crossing, and several asked the council to run a "
    "temporary shuttle from the north quay while the new pier is built. Council leader Ines Aalto said the "
    "new pier would open by 2030 and would be built to withstand the stronger storms forecast for the coast.";

TEST(Copies, ExactCopiesIgnoreCaseSpacingAndPunctuation) {
  const CopySignature a = copy_signature(kStory);
  std::string shouted = kStory;
  for (char& c : shouted) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const CopySignature b = copy_signature("\xE2\x80\x9C" + shouted + "\xE2\x80\x9D  ");
  EXPECT_EQ(a.exact, b.exact);
  auto pairs = copy_pairs({a, b});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_TRUE(pairs[0].exact);
}

TEST(Copies, NearCopyFoundUnrelatedTextNot) {
  std::string edited = kStory;
  edited.replace(edited.find("Tuesday"), 7, "Monday");
  const std::vector<CopySignature> sigs = {
      copy_signature(kStory), copy_signature(edited),
      copy_signature("Growers in the valley say the new water deal gives them a floor for the dry season but no promise "
                     "of a good harvest, and they want the tribunal to publish the flow figures every week.")};
  auto pairs = copy_pairs(sigs);
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].a, 0u);
  EXPECT_EQ(pairs[0].b, 1u);
  EXPECT_GE(pairs[0].jaccard, 0.8);
  EXPECT_FALSE(pairs[0].exact);
}

TEST(Copies, TruncatedMirrorIsAPartialCopy) {
  const std::string story = kStory;
  // A mirror that cut the last quarter: below the Jaccard bar, above the containment one.
  const std::string most = story.substr(0, story.size() * 3 / 4);
  auto pairs = copy_pairs({copy_signature(story), copy_signature(most + " Share this story.")});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_LT(pairs[0].jaccard, 0.8);
  EXPECT_GE(pairs[0].containment, 0.9);
}

TEST(Copies, ChineseShinglesAreCharacters) {
  const std::string zh = "港口委员会周二投票决定关闭旧渡轮码头，理由是连续两个冬季的风暴使码头桩基开裂，维修费用已超过新建码头的成本。"
                         "渡轮运营商表示，关闭码头将使早班航程增加二十分钟。";
  std::string edited = zh;
  edited.replace(edited.find("二十"), std::string("二十").size(), "三十");
  auto pairs = copy_pairs({copy_signature(zh), copy_signature(edited)});
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_GE(pairs[0].jaccard, 0.8);
}

TEST(Copies, EmptyTextsAreNotCopiesOfEverything) {
  auto pairs = copy_pairs({copy_signature(""), copy_signature(kStory), copy_signature("   ")});
  // The two empty texts are identical to each other, and to nothing else.
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_EQ(pairs[0].a, 0u);
  EXPECT_EQ(pairs[0].b, 2u);
}

}  // namespace
}  // namespace storyline

namespace storyline {
namespace {

// The signature is defined by the plain loop below (splitmix64 of the shingle hash xor a
// per-row seed, high 32 bits, minimum over shingles); the vectorized clone that runs must
// agree with it bit for bit, or keys stored by one machine would not match another's.
TEST(Copies, SignatureEqualsItsScalarDefinition) {
  auto mix = [](std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
  };
  for (const auto& [bands, rows] : {std::pair{32, 4}, std::pair{13, 3}}) {  // 128 hashes; 39: a tail
    CopyOptions o;
    o.bands = bands;
    o.rows_per_band = rows;
    const CopySignature sig = copy_signature(std::string(kStory) + " 美国总统拜登周四表示", o);
    ASSERT_EQ(sig.minhash.size(), static_cast<std::size_t>(bands * rows));
    std::vector<std::uint32_t> want(sig.minhash.size(), UINT32_MAX);
    for (std::uint64_t sh : sig.shingles)
      for (std::size_t h = 0; h < want.size(); ++h)
        want[h] = std::min(want[h], static_cast<std::uint32_t>(mix(sh ^ (0xA5A5A5A5ULL * (h + 1))) >> 32));
    EXPECT_EQ(sig.minhash, want);
  }
}

TEST(CopyGroups, CanonicalAndRelations) {
  std::string later = kStory;
  later += " The council will vote on the design in June.";
  const std::vector<CopySignature> sigs = {copy_signature(kStory), copy_signature(kStory), copy_signature(kStory),
                                           copy_signature(later), copy_signature(kStory)};
  const std::vector<CopyMember> members = {
      {"https://gazette.example/pier", "Lantern Gazette", "2031-03-03T09:00:00+01:00", 100, ""},  // the original
      {"https://gazette.example/pier-2", "Lantern Gazette", "2031-03-03", 100, ""},             // same outlet, same text
      {"https://harbour.example/wire", "Harbour Post", "2031-03-03", 100, ""},                  // another outlet
      {"https://gazette.example/pier", "Lantern Gazette", "2031-03-04", 120, ""},                // same URL, changed
      {"https://aggregator.example/x", "Aggregator", "", 100, ""},                              // no date
  };
  auto groups = copy_groups(members, sigs, copy_pairs(sigs));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].canonical, 0u);
  std::map<std::size_t, std::string> rel;
  for (const CopyLink& l : groups[0].links) rel[l.member] = l.relation;
  EXPECT_EQ(rel[1], "identical");
  EXPECT_EQ(rel[2], "syndicated");
  EXPECT_EQ(rel[3], "update");
  EXPECT_EQ(rel[4], "syndicated");  // exact text from another outlet, whatever the date
  for (const CopyLink& l : groups[0].links) EXPECT_GT(l.shared_shingles, 10u) << l.member;
}

TEST(CopyGroups, TheFirstCapturedVersionOfAUrlIsTheOriginalEvenWhenShorter) {
  std::string later = kStory;
  later += " Update: the council will vote on the design in June.";
  // Undated pages, given later version first: capture times decide, not length or order.
  const std::vector<CopySignature> sigs = {copy_signature(later), copy_signature(kStory)};
  const std::vector<CopyMember> members = {
      {"https://gazette.example/pier", "Lantern Gazette", "", later.size(), "2031-03-03T18:00:00Z"},
      {"https://gazette.example/pier", "Lantern Gazette", "", std::strlen(kStory), "2031-03-03T09:00:00Z"},
  };
  auto groups = copy_groups(members, sigs, copy_pairs(sigs));
  ASSERT_EQ(groups.size(), 1u);
  EXPECT_EQ(groups[0].canonical, 1u);
  ASSERT_EQ(groups[0].links.size(), 1u);
  EXPECT_EQ(groups[0].links[0].relation, "update");
  // Without capture times, the first given is the first version.
  std::vector<CopyMember> undated = members;
  for (CopyMember& m : undated) m.captured.clear();
  EXPECT_EQ(copy_groups(undated, sigs, copy_pairs(sigs))[0].canonical, 0u);
}

}  // namespace
}  // namespace storyline
