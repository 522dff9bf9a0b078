// Strongest terms: the k heaviest of a weighted term vector, the cut both the clusterer
// (a document's vector, events.cc) and the story sketches (a retired event's centroid)
// make.
//
// "Stronger" is a total order (larger weight, then smaller hash; hashes are unique), so
// the k strongest terms are one definite set whatever the order of the input.
#pragma once

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
};

// Multiplies each weight of `terms` by `scale` (weights and scale finite and >= 0), then
// sets `out` to the k strongest terms (all of them when there are at most k), in no
// particular order.
void select_strongest(std::vector<WeightedTerm>& terms, float scale, std::size_t k, std::vector<WeightedTerm>& out,
                      StrongestScratch& scratch);

}  // namespace storyline
