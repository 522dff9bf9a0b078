#include "storyline/copies.h"

#include <xxhash.h>

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "dedup/copy_tokens.h"

namespace storyline {
namespace {

// splitmix64: a strong 64-bit mixer; seeds make the independent hash functions.
inline std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// One shingle's step of MinHash: mins[h] = min(mins[h], hash_h(shingle)) for every h.
// It is nearly all of a signature's cost (bands * rows 64-bit mixes per shingle). Blocks
// of eight with a fixed trip count let the compiler vectorize the mixes, and the clones
// give it 64-bit vector multiplies where the CPU has them (x86-64-v4: AVX-512DQ). Integer
// arithmetic only: every clone computes the same signature, so stored keys stay comparable.
__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void minhash_step(std::uint32_t* mins, std::size_t n,
                                                                                  std::uint64_t shingle) {
  // Hash function h is seeded with 0xA5A5A5A5 * (h + 1) (mod 2^64): kept per lane and
  // stepped by an addition per block, the same values without a multiply each.
  constexpr std::uint64_t kSeedStep = 0xA5A5A5A5ULL;
  std::uint64_t seed[8];
  for (std::size_t j = 0; j < 8; ++j) seed[j] = kSeedStep * (j + 1);
  std::size_t h = 0;
  for (; h + 8 <= n; h += 8) {
    for (std::size_t j = 0; j < 8; ++j) {
      const auto v = static_cast<std::uint32_t>(mix(shingle ^ seed[j]) >> 32);
      mins[h + j] = v < mins[h + j] ? v : mins[h + j];
      seed[j] += 8 * kSeedStep;
    }
  }
  for (; h < n; ++h) {
    const auto v = static_cast<std::uint32_t>(mix(shingle ^ (kSeedStep * (h + 1))) >> 32);
    mins[h] = v < mins[h] ? v : mins[h];
  }
}

std::size_t intersection(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] < b[j]) ++i;
    else if (b[j] < a[i]) ++j;
    else { ++n; ++i; ++j; }
  }
  return n;
}

}  // namespace

CopySignature copy_signature(std::string_view text, const CopyOptions& o) {
  CopySignature sig;
  std::vector<std::uint64_t> tokens;
  dedup::append_token_hashes(text, tokens);
  sig.exact = XXH3_64bits(tokens.data(), tokens.size() * sizeof(std::uint64_t));
  // Shingles of k tokens; a text shorter than k is one shingle.
  const std::size_t k = static_cast<std::size_t>(std::max(1, o.shingle_tokens));
  if (!tokens.empty()) {
    const std::size_t n = tokens.size() >= k ? tokens.size() - k + 1 : 1;
    sig.shingles.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
      sig.shingles.push_back(XXH3_64bits(&tokens[i], std::min(k, tokens.size() - i) * sizeof(std::uint64_t)));
    std::sort(sig.shingles.begin(), sig.shingles.end());
    sig.shingles.erase(std::unique(sig.shingles.begin(), sig.shingles.end()), sig.shingles.end());
  }
  const std::size_t hashes = static_cast<std::size_t>(o.bands * o.rows_per_band);
  sig.minhash.assign(hashes, UINT32_MAX);
  for (std::uint64_t sh : sig.shingles) minhash_step(sig.minhash.data(), hashes, sh);
  return sig;
}

namespace {

// Jaccard and containment from one intersection (the set walk is the costly part).
struct Overlap {
  double jaccard = 0, containment = 0;
  std::size_t shared = 0;
};

Overlap overlap(const CopySignature& a, const CopySignature& b) {
  Overlap o;
  if (a.shingles.empty() && b.shingles.empty()) {
    o.jaccard = a.exact == b.exact ? 1.0 : 0.0;
    return o;
  }
  o.shared = intersection(a.shingles, b.shingles);
  o.jaccard = static_cast<double>(o.shared) / static_cast<double>(a.shingles.size() + b.shingles.size() - o.shared);
  const std::size_t smaller = std::min(a.shingles.size(), b.shingles.size());
  o.containment = smaller == 0 ? 0.0 : static_cast<double>(o.shared) / static_cast<double>(smaller);
  return o;
}

}  // namespace

double jaccard(const CopySignature& a, const CopySignature& b) { return overlap(a, b).jaccard; }

double containment(const CopySignature& a, const CopySignature& b) { return overlap(a, b).containment; }

std::vector<std::uint64_t> copy_keys(const CopySignature& sig, const CopyOptions& o) {
  std::vector<std::uint64_t> keys;
  keys.push_back(mix(sig.exact ^ 0xE3AC7ULL));
  if (sig.shingles.empty()) return keys;
  for (int band = 0; band < o.bands; ++band) {
    const std::uint32_t* row = sig.minhash.data() + band * o.rows_per_band;
    keys.push_back(mix(XXH3_64bits(row, static_cast<std::size_t>(o.rows_per_band) * sizeof(std::uint32_t)) +
                       static_cast<std::uint64_t>(band)));
  }
  return keys;
}

CopyCheck check_copy(const CopySignature& a, const CopySignature& b, const CopyOptions& o) {
  CopyCheck c;
  c.exact = a.exact == b.exact;
  const Overlap ov = overlap(a, b);
  c.jaccard = c.exact ? 1.0 : ov.jaccard;
  c.containment = c.exact ? 1.0 : ov.containment;
  c.shared_shingles = ov.shared;
  c.copy = c.exact || c.jaccard >= o.min_jaccard || c.containment >= o.min_containment;
  return c;
}

std::vector<CopyPair> copy_pairs(const std::vector<CopySignature>& sigs, const CopyOptions& o) {
  // Candidates: texts sharing a whole band of their signature (or the exact hash).
  std::vector<std::pair<std::size_t, std::size_t>> candidates;
  auto add_bucket_pairs = [&](std::unordered_map<std::uint64_t, std::vector<std::size_t>>& buckets) {
    for (auto& [key, members] : buckets) {
      // A huge bucket is boilerplate shared by many texts (an empty body, a stub);
      // pairing it quadratically would break the near-linear bound.
      if (members.size() < 2 || members.size() > 2000) continue;
      for (std::size_t x = 0; x < members.size(); ++x)
        for (std::size_t y = x + 1; y < members.size(); ++y) candidates.emplace_back(members[x], members[y]);
    }
  };
  {
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> exact;
    for (std::size_t i = 0; i < sigs.size(); ++i) exact[sigs[i].exact].push_back(i);
    add_bucket_pairs(exact);
  }
  for (int band = 0; band < o.bands; ++band) {
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> buckets;
    for (std::size_t i = 0; i < sigs.size(); ++i) {
      if (sigs[i].shingles.empty()) continue;
      const std::uint32_t* row = sigs[i].minhash.data() + band * o.rows_per_band;
      buckets[XXH3_64bits(row, static_cast<std::size_t>(o.rows_per_band) * sizeof(std::uint32_t))].push_back(i);
    }
    add_bucket_pairs(buckets);
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  // Check each candidate on the exact sets: LSH only proposes.
  std::vector<CopyPair> out;
  for (const auto& [a, b] : candidates) {
    CopyPair p;
    p.a = std::min(a, b);
    p.b = std::max(a, b);
    p.exact = sigs[a].exact == sigs[b].exact;
    const Overlap ov = overlap(sigs[a], sigs[b]);
    p.jaccard = p.exact ? 1.0 : ov.jaccard;
    p.containment = p.exact ? 1.0 : ov.containment;
    p.shared_shingles = ov.shared;
    if (p.exact || p.jaccard >= o.min_jaccard || p.containment >= o.min_containment) out.push_back(p);
  }
  std::sort(out.begin(), out.end(), [](const CopyPair& x, const CopyPair& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  return out;
}

namespace {

std::size_t find_root(std::vector<std::size_t>& parent, std::size_t x) {
  while (parent[x] != x) x = parent[x] = parent[parent[x]];
  return x;
}

}  // namespace

std::vector<CopyGroup> copy_groups(const std::vector<CopyMember>& members, const std::vector<CopySignature>& sigs,
                                   const std::vector<CopyPair>& pairs) {
  std::vector<std::size_t> parent(members.size());
  for (std::size_t i = 0; i < parent.size(); ++i) parent[i] = i;
  for (const CopyPair& p : pairs) parent[find_root(parent, p.a)] = find_root(parent, p.b);
  std::unordered_map<std::size_t, std::vector<std::size_t>> components;
  for (std::size_t i = 0; i < members.size(); ++i) components[find_root(parent, i)].push_back(i);
  std::vector<CopyGroup> groups;
  for (auto& [root, ids] : components) {
    if (ids.size() < 2) continue;
    CopyGroup g;
    g.members = ids;
    std::sort(g.members.begin(), g.members.end());
    // A later version of a URL is an update of the first, however much longer it grew:
    // per URL, only the first captured (then the first given) member stays eligible.
    auto capture_order = [&](std::size_t i) { return std::tuple(members[i].captured.empty(), std::string_view(members[i].captured), i); };
    std::unordered_map<std::string_view, std::size_t> first_of_url;
    for (std::size_t m : g.members) {
      if (members[m].url.empty()) continue;
      auto [it, added] = first_of_url.emplace(members[m].url, m);
      if (!added && capture_order(m) < capture_order(it->second)) it->second = m;
    }
    std::vector<std::size_t> eligible;
    for (std::size_t m : g.members)
      if (members[m].url.empty() || first_of_url[members[m].url] == m) eligible.push_back(m);
    // Canonical: the earliest known date (a copy cannot predate its original), then the
    // most complete body.
    g.canonical = *std::min_element(eligible.begin(), eligible.end(), [&](std::size_t x, std::size_t y) {
      const CopyMember& a = members[x];
      const CopyMember& b = members[y];
      if (a.date.empty() != b.date.empty()) return !a.date.empty();
      if (a.date.substr(0, 10) != b.date.substr(0, 10)) return a.date < b.date;
      if (a.length != b.length) return a.length > b.length;
      return x < y;
    });
    const CopyMember& c = members[g.canonical];
    for (std::size_t m : g.members) {
      if (m == g.canonical) continue;
      CopyLink link;
      link.member = m;
      const bool exact = sigs[m].exact == sigs[g.canonical].exact;
      const Overlap ov = overlap(sigs[m], sigs[g.canonical]);
      link.jaccard = exact ? 1.0 : ov.jaccard;
      link.containment = exact ? 1.0 : ov.containment;
      link.shared_shingles = ov.shared;
      const CopyMember& x = members[m];
      const bool same_outlet = !x.outlet.empty() && x.outlet == c.outlet;
      // A near copy from another outlet on the same day is syndication (the outlets trim
      // a wire story differently); on another day, or far off, a mirror.
      const bool same_day = !x.date.empty() && x.date.substr(0, 10) == c.date.substr(0, 10);
      if (!x.url.empty() && x.url == c.url && !exact) link.relation = "update";
      else if (exact) link.relation = same_outlet ? "identical" : "syndicated";
      else if (same_outlet) link.relation = "update";
      else link.relation = same_day ? "syndicated" : "mirror";
      g.links.push_back(link);
    }
    groups.push_back(std::move(g));
  }
  std::sort(groups.begin(), groups.end(), [](const CopyGroup& a, const CopyGroup& b) { return a.members[0] < b.members[0]; });
  return groups;
}

}  // namespace storyline
