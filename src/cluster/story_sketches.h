// Story sketches: what a story remembers of its past events, to link a new event to it
// after those events have retired.
//
// An event retires a week or so after its last article, and a story is as close to a
// new event as its closest event (events.h). Without a memory of retired events, a
// story followed sparsely (one article every few weeks) could only ever gain events
// while one of its events was still open. Each open story keeps a sketch of the last
// event that retired from it: that event's strongest terms, weighted as in its
// centroid divided by the centroid's full norm, so a sketch's dot product with a
// document never exceeds the cosine with the whole centroid and compares on the same
// scale as an open event's similarity. One sketch per story and a few dozen terms each
// keep memory and scoring cost bounded by the open stories (about 1.3 KB a story).
//
// Deterministic: a story's score is summed in the order of the document's terms, so it
// does not depend on the order in which sketches were set (which differs after a restore).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "cluster/strongest_terms.h"
#include "storyline/event_terms.h"

namespace storyline {

class StorySketches {
 public:
  // Replaces the sketch of `story` (terms sorted by hash, unique).
  void set(std::uint64_t story, std::vector<WeightedTerm> terms);
  // Forgets a story (it retired).
  void drop(std::uint64_t story);

  // (story, dot product with v) for every story whose sketch shares a term with v, in
  // ascending story order. v: sorted by hash, unique.
  void score(const std::vector<WeightedTerm>& v, std::vector<std::pair<std::uint64_t, double>>& out);

  // Every sketch, by story id (to serialize).
  std::vector<std::pair<std::uint64_t, const std::vector<WeightedTerm>*>> all() const;
  std::size_t size() const { return sketches_.size(); }

  // The strongest `k` terms of a centroid given as (hash, weight) with norm2 the sum of
  // its squared weights (stronger: larger weight, then smaller hash), scaled by
  // 1 / sqrt(norm2), sorted by hash. `scratch` is the caller's, reused across calls.
  static std::vector<WeightedTerm> strongest(std::vector<WeightedTerm> centroid, double norm2, std::size_t k,
                                             StrongestScratch& scratch);

 private:
  // One term of one sketch. The index is one array sorted by (hash, story): a term's
  // postings are a run found through the directory, with no node or list per term.
  struct Posting {
    std::uint64_t hash;
    std::uint64_t story;
    std::uint32_t generation;  // of the story's sketch; another one means stale
    float weight;
  };
  struct Sketch {
    std::uint32_t generation = 0;
    std::vector<WeightedTerm> terms;
  };
  bool live(const Posting& p) const;
  // Sorts the postings set since the last merge into the index, dropping stale ones.
  void merge_pending();

  std::unordered_map<std::uint64_t, Sketch> sketches_;
  std::vector<Posting> index_, pending_;
  // directory_[b] is the first posting of index_ whose hash has top bits >= b (the
  // bits above directory_shift_); one more entry marks the end.
  std::vector<std::uint32_t> directory_;
  unsigned directory_shift_ = 63;
  std::size_t stale_ = 0;  // postings of replaced or dropped sketches (at most)
  std::uint32_t next_generation_ = 1;
};

}  // namespace storyline
