#include "cluster/flat_map.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

namespace storyline {
namespace {

// The inverse of FlatMap's multiplier modulo 2^64 (Newton's iteration doubles the
// correct low bits each step; an odd number is its own inverse to 3 bits).
std::uint64_t inverse_multiplier() {
  const std::uint64_t c = 0x9E3779B97F4A7C15ULL;
  std::uint64_t x = c;
  for (int i = 0; i < 6; ++i) x *= 2 - c * x;
  return x;
}

// FlatMap against std::map through inserts and erase_if rounds, with keys that crowd a
// few home slots (long runs, some wrapping past the array's end) and the key 0.
TEST(FlatMap, EraseIfKeepsEveryOtherKeyFindable) {
  const std::uint64_t inverse = inverse_multiplier();
  ASSERT_EQ(inverse * 0x9E3779B97F4A7C15ULL, 1u);
  // A key whose home, in any array of up to 1,024 slots, is where the top bits of
  // `home` say: the map's index is the top bits of key * multiplier.
  auto key_at = [&](std::uint64_t home, std::uint64_t low) { return ((home << 54) | (low >> 10)) * inverse; };
  std::mt19937_64 rng(7);
  FlatMap<std::uint32_t> map;
  std::map<std::uint64_t, std::uint32_t> reference;
  auto check = [&] {
    ASSERT_EQ(map.size(), reference.size());
    for (const auto& [k, v] : reference) {
      const std::uint32_t* found = map.find(k);
      ASSERT_NE(found, nullptr) << k;
      EXPECT_EQ(*found, v);
    }
    std::size_t seen = 0;
    map.for_each([&](std::uint64_t k, std::uint32_t v) {
      ++seen;
      EXPECT_EQ(reference.count(k), 1u);
      EXPECT_EQ(reference[k], v);
    });
    EXPECT_EQ(seen, reference.size());
  };
  for (int round = 0; round < 40; ++round) {
    for (int i = 0; i < 300; ++i) {
      // Every third key in one of the first or last few slots' homes; one in fifty the
      // key 0 (kept beside the array) or a small number.
      const std::uint64_t k = i % 3 == 0   ? key_at(rng() % 2 ? rng() % 4 : 1023 - rng() % 4, rng())
                              : i % 50 == 1 ? rng() % 4
                                            : rng();
      ++map[k];
      ++reference[k];
    }
    const std::uint64_t cut = rng();
    auto drop = [&](std::uint64_t k, std::uint32_t v) { return (k ^ cut) % 3 == 0 || v > 20; };
    map.erase_if(drop);
    std::erase_if(reference, [&](const auto& kv) { return drop(kv.first, kv.second); });
    check();
    if (HasFatalFailure()) return;
  }
  // Emptied, the array shrinks and takes keys again.
  map.erase_if([](std::uint64_t, std::uint32_t) { return true; });
  reference.clear();
  check();
  ++map[42];
  ++reference[42];
  check();
}

}  // namespace
}  // namespace storyline
