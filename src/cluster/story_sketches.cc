#include "cluster/story_sketches.h"

#include <algorithm>
#include <cmath>

namespace storyline {

void StorySketches::set(std::uint64_t story, std::vector<WeightedTerm> terms) {
  drop(story);
  Sketch& s = sketches_[story];
  s.generation = next_generation_++;
  s.terms = std::move(terms);
  for (const WeightedTerm& t : s.terms) postings_[t.hash].push_back({story, s.generation, t.weight});
  live_postings_ += s.terms.size();
  all_postings_ += s.terms.size();
}

void StorySketches::drop(std::uint64_t story) {
  auto it = sketches_.find(story);
  if (it == sketches_.end()) return;
  live_postings_ -= it->second.terms.size();
  sketches_.erase(it);
  // Stale postings stay until they outnumber the live ones: each set() then costs its
  // own terms, amortized, instead of a search through the lists.
  if (all_postings_ > 2 * live_postings_ + 1024) compact();
}

void StorySketches::compact() {
  postings_.clear();
  all_postings_ = live_postings_;
  for (const auto& [story, s] : sketches_)
    for (const WeightedTerm& t : s.terms) postings_[t.hash].push_back({story, s.generation, t.weight});
}

void StorySketches::score(const std::vector<WeightedTerm>& v, std::vector<std::pair<std::uint64_t, double>>& out) const {
  out.clear();
  std::unordered_map<std::uint64_t, double> acc;
  for (const WeightedTerm& t : v) {
    auto list = postings_.find(t.hash);
    if (list == postings_.end()) continue;
    for (const Posting& p : list->second) {
      auto s = sketches_.find(p.story);
      if (s == sketches_.end() || s->second.generation != p.generation) continue;
      acc[p.story] += double(t.weight) * p.weight;
    }
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

std::vector<WeightedTerm> StorySketches::strongest(std::vector<WeightedTerm> c, double norm2, std::size_t k) {
  // Stronger: larger weight, then smaller hash (a total order, so the set is definite).
  auto stronger = [](const WeightedTerm& a, const WeightedTerm& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.hash < b.hash;
  };
  if (c.size() > k) {
    std::nth_element(c.begin(), c.begin() + static_cast<std::ptrdiff_t>(k), c.end(), stronger);
    c.resize(k);
  }
  const float inv = norm2 > 0 ? static_cast<float>(1.0 / std::sqrt(norm2)) : 0.0f;
  for (WeightedTerm& t : c) t.weight *= inv;
  std::sort(c.begin(), c.end(), [](const WeightedTerm& a, const WeightedTerm& b) { return a.hash < b.hash; });
  // A copy of the k terms: c still has the capacity of the whole centroid, thousands of
  // terms, and a sketch is kept for as long as its story stays open.
  return std::vector<WeightedTerm>(c.begin(), c.end());
}

}  // namespace storyline
