// Two means: whether the documents of one event read as two groups, the test by which
// the clusterer finds an event that took in two happenings of the same kind (events.cc).
//
// Online clustering joins a document to the event it is most similar to, once: when the
// second happening's first report arrives while the first happening's event holds one or
// two reports, the two share the words of their kind (a boxer's title defence, a navy's
// capture of pirates) and it joins at a cosine well above the threshold. Later reports of
// either then join the mixed centroid. But its members, once there are a dozen, show it:
// split in two by 2-means, each reads much closer to its own half than to the other.
// A real event's halves are arbitrary: its documents are about as close to either.
//
// The margin: for each document, the cosine to its own half's centroid without it minus
// the cosine to the other half's centroid; averaged. 2-means runs on the documents' dot
// products alone (a centroid is a sum of vectors, so a document's dot product with it is
// a sum of dot products), which an event keeps as its documents join: a test then costs
// the square of the documents, not their terms. Pure and deterministic (the first
// document least similar to the whole is one seed, the first least similar to it the
// other; a document equally close to both halves goes to the first).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "storyline/event_terms.h"

namespace storyline {

// The dot products of n documents, packed by rows: row i holds document i's products
// with documents 0..i (the last with itself), so a document joining appends a row.
struct PackedGram {
  std::vector<double> dots;
  std::size_t size = 0;
  double at(std::size_t i, std::size_t j) const { return i >= j ? dots[i * (i + 1) / 2 + j] : dots[j * (j + 1) / 2 + i]; }
  // Appends a document: its products with documents 0..size-1, then with itself.
  void append(const std::vector<double>& row);
  // The documents `i` with in[i] == value, in their order.
  PackedGram subset(const std::vector<bool>& in, bool value) const;
};

// The terms an event's documents' products are taken over: each document's strongest
// few dozen, which carry nearly all of its weight in a dot product, one document after
// another in two flat arrays: a new document's products with all of them read one run of
// memory, not a vector per document. A term is the low 32 bits of its hash, a
// fingerprint: two different terms among two documents' few dozen share one with odds
// of about one in a million, and would only add a product.
struct SplitTerms {
  std::vector<std::uint32_t> fingerprints;
  std::vector<float> weights;
  std::vector<std::uint32_t> begin{0};  // document i's terms: [begin[i], begin[i + 1])
  std::size_t size() const { return begin.size() - 1; }
  // Appends a document: about the k strongest terms of v (weights >= 0; those down to
  // the k-th strongest's binary order of magnitude, in eighths: a few more than k), all of
  // them when v has at most k, in v's order. `counts` is the caller's scratch.
  void append(const std::vector<WeightedTerm>& v, std::size_t k, std::vector<std::uint32_t>& counts);
  // The documents `i` with in[i] == value, in their order.
  SplitTerms subset(const std::vector<bool>& in, bool value) const;
};

// One document's split terms in a small hash table, to take its dot products with many
// others: a probe per term of the other, each independent of the last, where a merge of
// two sorted lists waits on every comparison.
class TermProbe {
 public:
  void assign(const SplitTerms& terms, std::size_t document);
  // The dot product with `document` of `terms`, summed in that document's term order.
  double dot(const SplitTerms& terms, std::size_t document) const;

 private:
  struct Slot {
    std::uint32_t fingerprint;
    float weight;  // 0: empty (weights are positive)
  };
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
};

struct TwoGroups {
  std::vector<bool> in_second;  // per document; empty when no split was found
  std::size_t first_size = 0, second_size = 0;
  double margin = 0;  // mean margin (see above); 0 when no split was found
};

// Splits the documents of `gram` in two by 2-means on cosine similarity, at most
// `max_rounds` reassignments. No split (empty, sizes 0) when there are fewer than two
// documents or one half comes out empty.
TwoGroups split_in_two(const PackedGram& gram, int max_rounds = 10);

}  // namespace storyline
