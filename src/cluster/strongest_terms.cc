#include "cluster/strongest_terms.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace storyline {

std::uint32_t kth_strongest_bucket(const std::vector<std::uint32_t>& counts, std::uint32_t top, std::size_t k,
                                   std::size_t& need) {
  std::uint32_t cut = top;
  need = k;
  while (counts[cut] < need) need -= counts[cut--];
  return cut;
}

void select_strongest(std::vector<WeightedTerm>& terms, float scale, std::size_t k, std::vector<WeightedTerm>& out,
                      StrongestScratch& scratch) {
  if (terms.size() <= k) {
    for (auto& t : terms) t.weight *= scale;
    out.assign(terms.begin(), terms.end());
    return;
  }
  // A histogram of the weights' buckets (weight_bucket) finds the bucket of the k-th
  // strongest with no data-dependent branch, where nth_element mispredicts about every
  // other comparison. The buckets above it are kept whole; the few terms of its own
  // bucket are ranked by "stronger".
  std::vector<std::uint32_t>& count = scratch.counts;
  count.resize(kWeightBuckets);  // zeros when new; every call leaves them zero
  std::uint32_t top = 0, bottom = kWeightBuckets - 1;  // the range of buckets used, cleared at the end
  for (auto& t : terms) {
    t.weight *= scale;
    const std::uint32_t digit = weight_bucket(t.weight);
    ++count[digit];
    top = std::max(top, digit);
    bottom = std::min(bottom, digit);
  }
  std::size_t need = 0;  // how many of the cut bucket's terms to keep
  const std::uint32_t cut = k > 0 ? kth_strongest_bucket(count, top, k, need) : top;
  std::vector<WeightedTerm>& kept = scratch.kept;
  std::vector<WeightedTerm>& tied = scratch.tied;
  kept.resize(terms.size() + 1);
  tied.clear();
  std::size_t n_kept = 0;
  for (const WeightedTerm& t : terms) {
    const std::uint32_t digit = weight_bucket(t.weight);
    kept[n_kept] = t;  // written always, counted when above the cut: no branch
    n_kept += digit > cut ? 1 : 0;
    if (digit == cut) tied.push_back(t);  // rare: a predicted branch
  }
  std::fill(count.begin() + bottom, count.begin() + top + 1, 0u);
  if (k == 0) n_kept = need = 0;
  if (need < tied.size()) {
    const auto stronger = [](const WeightedTerm& a, const WeightedTerm& b) {
      return a.weight != b.weight ? a.weight > b.weight : a.hash < b.hash;
    };
    std::sort(tied.begin(), tied.end(), stronger);
  }
  out.assign(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(n_kept));
  out.insert(out.end(), tied.begin(), tied.begin() + static_cast<std::ptrdiff_t>(need));
}

// The hashes are uniform, so a pass that scatters them by their top bits (about one
// bucket per term) leaves a nearly sorted array that an insertion sort finishes in about
// one step per term, without the branch misses of a comparison sort.
void sort_by_hash(const std::vector<WeightedTerm>& in, std::vector<WeightedTerm>& out, std::vector<std::uint32_t>& counts) {
  const std::size_t n = in.size();
  out.resize(n);
  if (n > 4096) {
    std::copy(in.begin(), in.end(), out.begin());
    std::sort(out.begin(), out.end(), [](const WeightedTerm& a, const WeightedTerm& b) { return a.hash < b.hash; });
    return;
  }
  const std::size_t buckets = std::bit_ceil(std::max<std::size_t>(n, 16));
  const int shift = 64 - std::countr_zero(buckets);
  counts.assign(buckets, 0);
  for (const WeightedTerm& t : in) ++counts[t.hash >> shift];
  std::uint32_t sum = 0;
  for (auto& c : counts) sum += std::exchange(c, sum);
  for (const WeightedTerm& t : in) out[counts[t.hash >> shift]++] = t;
  for (std::size_t i = 1; i < n; ++i) {
    const WeightedTerm t = out[i];
    std::size_t j = i;
    for (; j > 0 && out[j - 1].hash > t.hash; --j) out[j] = out[j - 1];
    out[j] = t;
  }
}

}  // namespace storyline
