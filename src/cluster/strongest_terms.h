// Strongest terms: the k heaviest of a weighted term vector, the cut both the clusterer
// (a document's vector, events.cc) and the story sketches (a retired event's centroid)
// make, and the hash order both keep the cut in.
//
// "Stronger" is a total order (larger weight, then smaller hash; hashes are unique), so
// the k strongest terms are one definite set whatever the order of the input.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "storyline/event_terms.h"

namespace storyline {

// Scratch of select_strongest, kept by the caller so a call allocates nothing.
struct StrongestScratch {
  std::vector<std::uint32_t> counts;  // 4,096 zeros between calls
  std::vector<WeightedTerm> kept, tied;
  std::vector<WeightedTerm> selected;  // a place for the caller's `out`
  std::vector<std::uint32_t> counts_by_hash;  // sort_by_hash's
};

// The bucket of a non-negative weight: its float's top 12 bits (the exponent and three
// bits of mantissa). Non-negative floats' bit patterns order as their values, so buckets
// order as the weights do; a vector's weights span a few binary orders of magnitude, so a
// bucket holds a few percent of them.
inline std::uint32_t weight_bucket(float w) { return std::bit_cast<std::uint32_t>(w) >> 20; }
constexpr std::size_t kWeightBuckets = 4096;

// With counts[b] the number of weights in bucket b (top: the highest bucket counted),
// the bucket of the k-th strongest weight (1 <= k <= the number counted); `need` is set
// to how many of that bucket's weights are among the k strongest.
std::uint32_t kth_strongest_bucket(const std::vector<std::uint32_t>& counts, std::uint32_t top, std::size_t k,
                                   std::size_t& need);

// Multiplies each weight of `terms` by `scale` (weights and scale finite and >= 0), then
// sets `out` to the k strongest terms (all of them when there are at most k), in no
// particular order.
void select_strongest(std::vector<WeightedTerm>& terms, float scale, std::size_t k, std::vector<WeightedTerm>& out,
                      StrongestScratch& scratch);

// `out` = `in` sorted by hash (hashes unique: any order of the input gives the same
// output). `counts` is scratch.
void sort_by_hash(const std::vector<WeightedTerm>& in, std::vector<WeightedTerm>& out, std::vector<std::uint32_t>& counts);

}  // namespace storyline
