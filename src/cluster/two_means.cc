#include "cluster/two_means.h"

#include <algorithm>
#include <cmath>

#include "cluster/strongest_terms.h"

namespace storyline {

void PackedGram::append(const std::vector<double>& row) {
  dots.insert(dots.end(), row.begin(), row.end());
  ++size;
}

PackedGram PackedGram::subset(const std::vector<bool>& in, bool value) const {
  PackedGram out;
  std::vector<double> row;
  for (std::size_t i = 0; i < size; ++i) {
    if (in[i] != value) continue;
    row.clear();
    for (std::size_t j = 0; j <= i; ++j)
      if (in[j] == value) row.push_back(at(i, j));
    out.append(row);
  }
  return out;
}

void SplitTerms::append(const std::vector<WeightedTerm>& v, std::size_t k, std::vector<std::uint32_t>& counts) {
  // The k-th strongest weight's bucket, as select_strongest finds it, without ranking
  // the terms within it: every term in that bucket or above is kept, a few more than k.
  std::uint32_t cut = 0;
  if (k > 0 && v.size() > k) {
    counts.resize(kWeightBuckets);  // zeros between calls
    std::uint32_t top = 0, bottom = kWeightBuckets - 1;
    for (const WeightedTerm& t : v) {
      const std::uint32_t digit = weight_bucket(t.weight);
      ++counts[digit];
      top = std::max(top, digit);
      bottom = std::min(bottom, digit);
    }
    std::size_t need = 0;
    cut = kth_strongest_bucket(counts, top, k, need);
    std::fill(counts.begin() + bottom, counts.begin() + top + 1, 0u);
  }
  for (const WeightedTerm& t : v) {
    if (weight_bucket(t.weight) < cut) continue;
    fingerprints.push_back(static_cast<std::uint32_t>(t.hash));
    weights.push_back(t.weight);
  }
  begin.push_back(static_cast<std::uint32_t>(fingerprints.size()));
}

SplitTerms SplitTerms::subset(const std::vector<bool>& in, bool value) const {
  SplitTerms out;
  for (std::size_t i = 0; i < size(); ++i) {
    if (in[i] != value) continue;
    out.fingerprints.insert(out.fingerprints.end(), fingerprints.begin() + begin[i], fingerprints.begin() + begin[i + 1]);
    out.weights.insert(out.weights.end(), weights.begin() + begin[i], weights.begin() + begin[i + 1]);
    out.begin.push_back(static_cast<std::uint32_t>(out.fingerprints.size()));
  }
  return out;
}

// A table at most an eighth full: a probe nearly always ends at its first slot, and
// found or not is a select, not a branch. An empty slot has weight 0; a term's weight is
// positive (a document's tf-idf weights are), so a probe stops at the term or at a gap.
void TermProbe::assign(const SplitTerms& terms, std::size_t document) {
  const std::size_t n = terms.begin[document + 1] - terms.begin[document];
  std::size_t capacity = 64;
  while (capacity < 8 * n) capacity *= 2;
  slots_.assign(capacity, Slot{0, 0.0f});
  mask_ = capacity - 1;
  for (std::size_t k = terms.begin[document]; k < terms.begin[document + 1]; ++k) {
    std::size_t i = (terms.fingerprints[k] * 0x9E3779B1u) & mask_;
    while (slots_[i].weight != 0.0f) i = (i + 1) & mask_;
    slots_[i] = {terms.fingerprints[k], terms.weights[k]};
  }
}

double TermProbe::dot(const SplitTerms& terms, std::size_t document) const {
  double d = 0;
  const Slot* const slots = slots_.data();
  for (std::size_t k = terms.begin[document]; k < terms.begin[document + 1]; ++k) {
    const std::uint32_t f = terms.fingerprints[k];
    std::size_t i = (f * 0x9E3779B1u) & mask_;
    while ((slots[i].fingerprint != f) & (slots[i].weight != 0.0f)) i = (i + 1) & mask_;  // one branch, rarely taken
    const float w = slots[i].fingerprint == f ? slots[i].weight : 0.0f;  // 0 when empty
    d += double(terms.weights[k]) * w;
  }
  return d;
}

TwoGroups split_in_two(const PackedGram& gram, int max_rounds) {
  TwoGroups out;
  const std::size_t n = gram.size;
  if (n < 2) return out;
  // A document's dot product with a half's centroid (the sum of its vectors) is the sum
  // of its products with the half's documents; the centroid's squared norm, the sum of
  // those over the half. The products unpacked to a square, read by rows below.
  std::vector<double> m(n * n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j <= i; ++j) m[i * n + j] = m[j * n + i] = gram.at(i, j);
  std::vector<std::uint8_t> group(n), next(n);  // 0: first half, 1: second, 2: neither yet
  std::vector<double> to_first(n), to_second(n);
  auto sums = [&](const std::vector<std::uint8_t>& g, double& first_norm2, double& second_norm2) {
    first_norm2 = second_norm2 = 0;
    for (std::size_t i = 0; i < n; ++i) {
      double f = 0, s = 0;
      for (std::size_t j = 0; j < n; ++j) {
        const double x = m[i * n + j];
        f += g[j] == 0 ? x : 0.0;
        s += g[j] == 1 ? x : 0.0;
      }
      to_first[i] = f;
      to_second[i] = s;
      first_norm2 += g[i] == 0 ? f : 0.0;
      second_norm2 += g[i] == 1 ? s : 0.0;
    }
  };
  auto norm = [](double norm2) { return norm2 > 0 ? std::sqrt(norm2) : 1.0; };

  // Seeds: the document least like the whole, and the one least like that one.
  std::size_t a = 0;
  double lowest = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double d = 0;
    for (std::size_t j = 0; j < n; ++j) d += m[i * n + j];
    if (i == 0 || d < lowest) lowest = d, a = i;
  }
  std::size_t b = a == 0 ? 1 : 0;
  for (std::size_t i = b + 1; i < n; ++i)
    if (i != a && m[i * n + a] < m[b * n + a]) b = i;

  std::fill(group.begin(), group.end(), std::uint8_t{2});
  group[a] = 0;
  group[b] = 1;
  double first_norm2 = 0, second_norm2 = 0;
  for (int round = 0; round < max_rounds; ++round) {
    sums(group, first_norm2, second_norm2);
    const double first_norm = norm(first_norm2), second_norm = norm(second_norm2);
    std::size_t in_first = 0;
    bool same = true;
    for (std::size_t i = 0; i < n; ++i) {
      next[i] = to_first[i] / first_norm >= to_second[i] / second_norm ? 0 : 1;
      in_first += next[i] == 0;
      same = same && (next[i] == 0) == (group[i] == 0);
    }
    if (in_first == 0 || in_first == n) return out;
    group.swap(next);
    if (same) break;
  }

  sums(group, first_norm2, second_norm2);
  double margin = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const bool second_half = group[i] == 1;
    const double own_dot = second_half ? to_second[i] : to_first[i];
    const double other_dot = second_half ? to_first[i] : to_second[i];
    const double self = m[i * n + i];
    // |own - v|^2 = |own|^2 - 2 v.own + |v|^2, and v.(own - v) = v.own - |v|^2: the
    // document's own half without it.
    const double own_norm2 = (second_half ? second_norm2 : first_norm2) - 2 * own_dot + self;
    const double other_norm2 = second_half ? first_norm2 : second_norm2;
    const double own_cos = own_norm2 > 1e-12 ? (own_dot - self) / std::sqrt(own_norm2) : 0.0;
    const double other_cos = other_norm2 > 0 ? other_dot / std::sqrt(other_norm2) : 0.0;
    margin += own_cos - other_cos;
  }
  out.in_second.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.in_second[i] = group[i] == 1;
    out.second_size += group[i] == 1;
  }
  out.first_size = n - out.second_size;
  out.margin = margin / static_cast<double>(n);
  return out;
}

}  // namespace storyline
