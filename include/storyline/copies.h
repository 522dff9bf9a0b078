// Copies: exact and near-duplicate texts (syndication, mirrors, updated versions).
//
// A text becomes a set of shingles (5 consecutive words; for Chinese and Japanese,
// 5 consecutive characters, as they are written without spaces), summarized by a
// MinHash signature. Locality-sensitive hashing (bands of rows) proposes candidate pairs
// in near-linear time; each candidate is then checked on the exact shingle sets, so
// the answer's precision does not rest on the estimate. Containment (the share of the
// smaller text found in the larger) catches partial copies, a truncated mirror, among
// the proposed pairs: with the default bands a pair is proposed with probability
// 1-(1-J^4)^32 (0.74 at Jaccard 0.45, 0.9998 at 0.7), so an excerpt of less than about
// half the original may be missed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace storyline {

struct CopyOptions {
  int shingle_tokens = 5;      // words (or CJK characters) per shingle
  int bands = 32;              // LSH bands; with rows_per_band = 4: 128 hashes, and
  int rows_per_band = 4;       //   a pair at Jaccard 0.8 is proposed with p > 0.9999
  double min_jaccard = 0.8;    // near copy: Jaccard of shingle sets at least this
  double min_containment = 0.9;  // partial copy: this share of the smaller text in the larger
};

// What is kept of one text to find its copies.
struct CopySignature {
  std::uint64_t exact = 0;               // hash of the normalized text
  std::vector<std::uint32_t> minhash;    // bands * rows_per_band values
  std::vector<std::uint64_t> shingles;   // sorted, unique shingle hashes (for the check)
};

CopySignature copy_signature(std::string_view utf8_text, const CopyOptions& options = {});

// The LSH keys of a signature: one per band (its rows hashed together, the band's index
// mixed in) and one for the exact hash. Two texts sharing a key are candidates; a store
// indexes these keys to find the copies of a new text without looking at the others.
std::vector<std::uint64_t> copy_keys(const CopySignature& signature, const CopyOptions& options = {});

// Whether two signatures are copies by the options' thresholds, with the evidence.
struct CopyCheck {
  bool copy = false;
  bool exact = false;
  double jaccard = 0, containment = 0;
  std::size_t shared_shingles = 0;
};
CopyCheck check_copy(const CopySignature& a, const CopySignature& b, const CopyOptions& options = {});

// Exact Jaccard and containment of two signatures' shingle sets.
double jaccard(const CopySignature& a, const CopySignature& b);
double containment(const CopySignature& a, const CopySignature& b);  // |a∩b| / min(|a|,|b|)

struct CopyPair {
  std::size_t a = 0, b = 0;  // indexes, a < b
  double jaccard = 0;
  double containment = 0;
  bool exact = false;        // same normalized text
  std::size_t shared_shingles = 0;
};

// Every pair of texts that are exact copies, near copies (Jaccard >= min_jaccard) or
// partial copies (containment >= min_containment), sorted by (a, b).
std::vector<CopyPair> copy_pairs(const std::vector<CopySignature>& signatures, const CopyOptions& options = {});

// Groups of copies with one canonical member and a relation for each other member.
struct CopyMember {
  std::string url;
  std::string outlet;
  std::string date;         // ISO 8601 page date, "" when unknown
  std::size_t length = 0;   // body length
  std::string captured;     // ISO 8601 capture time, "" when unknown
};

// The relation of a copy to its group's canonical member:
//   update      the same URL again, with another text (a later version);
//   identical   the same text from the same outlet;
//   syndicated  the same text, or a near copy of it the same day, from another outlet
//               (a wire story);
//   mirror      a near or partial copy on another site on another day (often with junk
//               and a wrong date).
// The diff size of a link (words added and removed) needs the texts: see word_diff.h.
struct CopyLink {
  std::size_t member = 0;
  std::string relation;
  double jaccard = 0, containment = 0;  // evidence, against the canonical member
  std::size_t shared_shingles = 0;      //   (how many shingles the two have in common)
};

struct CopyGroup {
  // The earliest known date, then the longest body; of several versions of one URL only
  // the first captured (or, without capture times, the first given) can be canonical, so
  // the later ones are its updates.
  std::size_t canonical = 0;
  std::vector<std::size_t> members;   // all of them, canonical included, ascending
  std::vector<CopyLink> links;        // one per member other than the canonical
};

// Connected components of the pairs (groups of two or more), described.
std::vector<CopyGroup> copy_groups(const std::vector<CopyMember>& members, const std::vector<CopySignature>& signatures,
                                   const std::vector<CopyPair>& pairs);

}  // namespace storyline
