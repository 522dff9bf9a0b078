#include "storyline/word_diff.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "dedup/copy_tokens.h"

namespace storyline {
namespace {

// Multiset difference: for each word, how many more times one side has it. A lower bound
// of the edit script (a moved paragraph costs nothing here, twice its length there).
WordDiff multiset_difference(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
  std::unordered_map<std::uint64_t, long> count;
  for (std::uint64_t w : a) ++count[w];
  for (std::uint64_t w : b) --count[w];
  WordDiff d;
  d.exact = false;
  for (const auto& [w, c] : count) {
    if (c > 0) d.removed += static_cast<std::size_t>(c);
    else d.added += static_cast<std::size_t>(-c);
  }
  return d;
}

}  // namespace

WordDiff word_diff(std::string_view before, std::string_view after, std::size_t max_edits) {
  std::vector<std::uint64_t> a, b;
  dedup::append_token_hashes(before, a);
  dedup::append_token_hashes(after, b);
  // A common prefix and suffix are never edited; an update usually changes a few lines,
  // so stripping them first leaves the search little to do.
  std::size_t lo = 0;
  while (lo < a.size() && lo < b.size() && a[lo] == b[lo]) ++lo;
  std::size_t ea = a.size(), eb = b.size();
  while (ea > lo && eb > lo && a[ea - 1] == b[eb - 1]) --ea, --eb;
  const auto n = static_cast<std::ptrdiff_t>(ea - lo);
  const auto m = static_cast<std::ptrdiff_t>(eb - lo);
  if (n == 0 || m == 0) return {static_cast<std::size_t>(n), static_cast<std::size_t>(m), true};
  // Myers' greedy forward search: v[k] is the furthest x reached on diagonal k = x - y
  // with d edits. The first d at which (n, m) is reached is the edit distance, and the
  // longest common subsequence has (n + m - d) / 2 words.
  const std::ptrdiff_t max_d = static_cast<std::ptrdiff_t>(std::min<std::size_t>(max_edits, static_cast<std::size_t>(n + m)));
  const std::ptrdiff_t offset = max_d + 1;
  std::vector<std::ptrdiff_t> v(static_cast<std::size_t>(2 * max_d + 3), 0);
  const std::uint64_t* x0 = a.data() + lo;
  const std::uint64_t* y0 = b.data() + lo;
  for (std::ptrdiff_t d = 0; d <= max_d; ++d) {
    for (std::ptrdiff_t k = -d; k <= d; k += 2) {
      std::ptrdiff_t x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1]
                                                                                            : v[offset + k - 1] + 1;
      std::ptrdiff_t y = x - k;
      while (x < n && y < m && x0[x] == y0[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        const std::ptrdiff_t common = (n + m - d) / 2;
        return {static_cast<std::size_t>(n - common), static_cast<std::size_t>(m - common), true};
      }
    }
  }
  return multiset_difference(std::vector<std::uint64_t>(x0, x0 + n), std::vector<std::uint64_t>(y0, y0 + m));
}

}  // namespace storyline
