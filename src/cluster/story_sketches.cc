#include "cluster/story_sketches.h"

#include <algorithm>
#include <bit>
#include <cmath>

namespace storyline {

void StorySketches::set(std::uint64_t story, std::vector<WeightedTerm> terms) {
  Sketch& s = sketches_[story];
  stale_ += s.terms.size();
  s.generation = next_generation_++;
  s.terms = std::move(terms);
  for (const WeightedTerm& t : s.terms) pending_.push_back({t.hash, story, s.generation, t.weight});
}

void StorySketches::drop(std::uint64_t story) {
  auto it = sketches_.find(story);
  if (it == sketches_.end()) return;
  stale_ += it->second.terms.size();
  sketches_.erase(it);
}

bool StorySketches::live(const Posting& p) const {
  auto s = sketches_.find(p.story);
  return s != sketches_.end() && s->second.generation == p.generation;
}

void StorySketches::merge_pending() {
  // Sets come in batches (the events that retired since the last check), scores once per
  // new event: sorting a batch and merging it costs O(index) per batch, where keeping a
  // hash map of lists cost several times the memory. Stale postings (a story that set
  // another sketch or retired) are skipped when scoring and dropped once they could make
  // up half the index, so it holds at most about twice the live ones.
  const auto before = [](const Posting& a, const Posting& b) {
    return a.hash != b.hash ? a.hash < b.hash : a.story < b.story;
  };
  std::erase_if(pending_, [&](const Posting& p) { return !live(p); });
  // The batch sorted: its hashes are uniform, so a scatter by their top bits leaves
  // about one posting per bucket, and only the buckets of more than one are sorted (a
  // term that many sketches share fills one bucket: sorted as any other).
  const std::size_t n = pending_.size();
  const std::size_t pending_buckets = std::clamp<std::size_t>(std::bit_ceil(n), 2, std::size_t{1} << 20);
  const unsigned pending_shift = 64 - static_cast<unsigned>(std::countr_zero(pending_buckets));
  std::vector<std::uint32_t> start(pending_buckets + 1, 0);
  for (const Posting& p : pending_) ++start[(p.hash >> pending_shift) + 1];
  for (std::size_t b = 1; b <= pending_buckets; ++b) start[b] += start[b - 1];
  std::vector<Posting> batch(n);
  for (const Posting& p : pending_) batch[start[p.hash >> pending_shift]++] = p;
  // start[b] is now the end of bucket b.
  for (std::size_t b = 0, begin = 0; b < pending_buckets; begin = start[b++])
    if (start[b] - begin > 1) std::sort(batch.begin() + begin, batch.begin() + start[b], before);
  pending_.clear();
  if (2 * stale_ > index_.size()) {
    std::erase_if(index_, [&](const Posting& p) { return !live(p); });
    stale_ = 0;
  }
  std::vector<Posting> merged(index_.size() + batch.size());
  std::merge(index_.begin(), index_.end(), batch.begin(), batch.end(), merged.begin(), before);
  index_.swap(merged);
  // The directory: the index's hashes are uniform, so about two postings per bucket of
  // their top bits. A term's run is found in its bucket, without a binary search of the
  // whole index (a dozen or more unpredictable steps per term).
  const std::size_t buckets = std::max<std::size_t>(2, std::bit_ceil(index_.size() / 2));
  directory_shift_ = 64 - static_cast<unsigned>(std::countr_zero(buckets));
  directory_.resize(buckets + 1);
  std::size_t b = 0;
  for (std::size_t i = 0; i < index_.size(); ++i)
    for (const std::size_t top = index_[i].hash >> directory_shift_; b <= top; ++b)
      directory_[b] = static_cast<std::uint32_t>(i);
  for (; b <= buckets; ++b) directory_[b] = static_cast<std::uint32_t>(index_.size());
}

void StorySketches::score(const std::vector<WeightedTerm>& v, std::vector<std::pair<std::uint64_t, double>>& out) {
  out.clear();
  if (!pending_.empty()) merge_pending();
  if (index_.empty()) return;
  std::unordered_map<std::uint64_t, double> acc;
  for (const WeightedTerm& t : v) {
    const std::size_t bucket = static_cast<std::size_t>(t.hash >> directory_shift_);
    const std::size_t end = directory_[bucket + 1];
    std::size_t i = directory_[bucket];
    while (i < end && index_[i].hash < t.hash) ++i;
    for (; i < end && index_[i].hash == t.hash; ++i)
      if (live(index_[i])) acc[index_[i].story] += double(t.weight) * index_[i].weight;
  }
  out.assign(acc.begin(), acc.end());
  std::sort(out.begin(), out.end());
}

std::vector<std::pair<std::uint64_t, const std::vector<WeightedTerm>*>> StorySketches::all() const {
  std::vector<std::pair<std::uint64_t, const std::vector<WeightedTerm>*>> out;
  for (const auto& [story, s] : sketches_) out.emplace_back(story, &s.terms);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<WeightedTerm> StorySketches::strongest(std::vector<WeightedTerm> c, double norm2, std::size_t k,
                                                   StrongestScratch& scratch) {
  std::vector<WeightedTerm>& top = scratch.selected;
  select_strongest(c, 1.0f, k, top, scratch);
  const float inv = norm2 > 0 ? static_cast<float>(1.0 / std::sqrt(norm2)) : 0.0f;
  for (WeightedTerm& t : top) t.weight *= inv;
  // Sorted into a vector of exactly k terms: a sketch is kept for as long as its story
  // stays open.
  std::vector<WeightedTerm> sketch;
  sketch.reserve(top.size());
  sort_by_hash(top, sketch, scratch.counts_by_hash);
  return sketch;
}

}  // namespace storyline
