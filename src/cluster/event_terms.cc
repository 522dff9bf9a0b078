#include "storyline/event_terms.h"

// XXH3 compiled in here rather than called in libxxhash: the same function (XXH3's output
// is fixed since xxHash 0.8.0, and the inlined code is the very header the library was
// built from), without a call and dispatch per word.
#define XXH_INLINE_ALL
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

#include "text/utf8.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace storyline {
namespace {

// Function words and the reporting vocabulary every news article shares.
constexpr std::string_view kStopwords[] = {
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
    "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
    "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
    "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own",
    "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
    "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
    "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "you", "your", "yours", "said", "says", "say", "also", "new", "one",
    "two", "year", "years", "told", "may", "might", "last", "first", "week", "day", "time", "people",
    "according", "mr", "mrs", "ms", "s", "t", "it's", "don't", "there's", "get", "got", "like"};

// A word of up to 8 bytes packed into an integer (words hold no NUL byte, so the packing
// is unique): the stop-word test is one integer-set lookup, no string hashing.
std::uint64_t pack(std::string_view w) {
  std::uint64_t v = 0;
  std::memcpy(&v, w.data(), w.size());
  return v;
}

// 1..12 for an English month name or its abbreviation ("sept", "dec"), else 0. The
// reference definition: WordTable below tabulates it for every word it accepts.
int month_number(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return 0;
  switch (w[0]) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
    default: return 0;
  }
  static const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                        "july",    "august",   "september", "october", "november", "december"};
  for (int m = 0; m < 12; ++m) {
    const std::string_view full = kMonths[m];
    if (w == full || (w.size() >= 3 && w.size() <= 4 && full.starts_with(w) && w != "mar" && w != "may"))
      return m + 1;
  }
  return w == "mar" ? 3 : 0;
}

// What flush() asks of a word, in one lookup: is it a stop word, a month (and which), a
// scale ("million")? Every such word of up to 8 bytes sits, packed, in a small
// open-addressing table built once; the three longer ones (september, according,
// themselves) are compared directly. The table is built from kStopwords, from
// month_number over every month name and its 3- and 4-letter prefixes (the only words
// month_number accepts: a full name, a 3-4 letter prefix of one, or "mar"), and from the
// four scale words, so a lookup answers exactly what those definitions answer.
struct WordInfo {
  bool stop = false;
  std::uint8_t month = 0;  // 1..12, 0: not a month
  double scale = 0;        // 1e3 .. 1e12, 0: not a scale word
};

class WordTable {
 public:
  WordTable() {
    for (std::string_view s : kStopwords)
      if (s.size() <= 8) at(pack(s)).stop = true;
    static const char* const kMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                          "july",    "august",   "september", "october", "november", "december"};
    for (std::string_view full : kMonths)
      for (std::size_t n : {std::size_t{3}, std::size_t{4}, full.size()}) {
        const std::string_view w = full.substr(0, n);
        if (w.size() > 8) continue;  // "september": find() compares it directly
        if (const int m = month_number(w); m > 0) at(pack(w)).month = static_cast<std::uint8_t>(m);
      }
    at(pack("thousand")).scale = 1e3;
    at(pack("million")).scale = 1e6;
    at(pack("billion")).scale = 1e9;
    at(pack("trillion")).scale = 1e12;
  }

  // w: a lowered word of any length; packed: pack(w) when w.size() <= 8.
  [[gnu::always_inline]] const WordInfo& find(std::string_view w, std::uint64_t packed) const {
    if (w.size() > 8) {
      if (w == "september") return september_;
      if (w == "according" || w == "themselves") return stop_;
      return none_;
    }
    for (std::size_t i = slot(packed);; i = (i + 1) & (kSize - 1)) {
      if (keys_[i] == packed) return info_[i];
      if (keys_[i] == 0) return none_;
    }
  }

 private:
  static constexpr std::size_t kSize = 512;  // > 2.5 × the ~200 words: probes stay short
  static std::size_t slot(std::uint64_t k) { return static_cast<std::size_t>((k * 0x9E3779B97F4A7C15ULL) >> 55); }
  WordInfo& at(std::uint64_t k) {
    std::size_t i = slot(k);
    while (keys_[i] != 0 && keys_[i] != k) i = (i + 1) & (kSize - 1);
    keys_[i] = k;
    return info_[i];
  }
  // 0: an empty slot. Only the empty word packs to 0, and its lookup then stops at an
  // empty slot's default WordInfo: not a stop word, month or scale, which is right.
  std::uint64_t keys_[kSize] = {};
  WordInfo info_[kSize];
  WordInfo none_, stop_{true, 0, 0}, september_{false, 9, 0};
};

const WordTable& word_table() {
  static const WordTable table;
  return table;
}

bool is_stopword(std::string_view w) { return word_table().find(w, w.size() <= 8 ? pack(w) : 0).stop; }

// What flush() makes of a plain word (no apostrophe, not a month or scale word), memoized:
// its term hash, or that it yields none (a stop word, a single letter). News repeats its
// vocabulary, so most words are answered by one probe into this cache instead of the
// word table, the suffix rules and XXH3 (about half the cost of a word). The key is the
// whole lowered word, up to 16 bytes, packed into two integers with zero padding: words
// hold no NUL byte, so the packing is unique, and a hit answers exactly what the rules
// would compute. Direct-mapped; a miss overwrites. Kept per thread, like the sink's
// buffers: only a pure function of the word is cached, so document_terms stays pure.
class WordMemo {
 public:
  // hash == kNoTerm: the word yields no term. A word whose term hash is kNoTerm itself
  // (one in 2^64) is never memoized, so a hit never mistakes one for the other.
  static constexpr std::uint64_t kNoTerm = 0;
  struct Entry {
    std::uint64_t lo = 0, hi = 0;  // lo == 0: empty (every word's first byte is nonzero)
    std::uint64_t hash = kNoTerm;
  };
  static constexpr std::size_t kMaxWord = 16;

  [[gnu::always_inline]] Entry& at(std::uint64_t lo, std::uint64_t hi) {
    const std::uint64_t mixed = (lo ^ (hi * 0xC2B2AE3D27D4EB4FULL)) * 0x9E3779B97F4A7C15ULL;
    return entries_[static_cast<std::size_t>(mixed >> (64 - kBits))];
  }

 private:
  static constexpr unsigned kBits = 14;  // 16,384 entries of 24 bytes
  std::array<Entry, std::size_t{1} << kBits> entries_{};
};

WordMemo& word_memo() {
  thread_local WordMemo memo;
  return memo;
}

// Light suffix stripping: enough to make "strikes"/"strike", "allowed"/"allow",
// "taxes"/"tax" meet, never shortening a word below four letters (so "news", "bus" stay).
[[gnu::always_inline]] inline std::string_view stem(std::string_view w) {
  if (w.size() > 5 && w.ends_with("ing")) return w.substr(0, w.size() - 3);
  if (w.size() > 5 && w.ends_with("ed")) return w.substr(0, w.size() - 2);
  // "-es" is a suffix only after a sibilant (taxes, pushes); "strikes" is strike + s.
  if (w.size() > 5 && (w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes") || w.ends_with("sses")))
    return w.substr(0, w.size() - 2);
  if (w.size() > 4 && w.ends_with('s') && !w.ends_with("ss")) return w.substr(0, w.size() - 1);
  return w;
}

std::uint64_t hash_of(std::string_view w) { return XXH3_64bits(w.data(), w.size()); }

bool is_han(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F);
}

// Writes "#" and the decimal digits of v (0 <= v < 10^18) to buf: what
// snprintf(buf, n, "#%lld", v) writes, without the format parsing. Returns the length.
std::size_t format_count(char* buf, unsigned long long v) {
  char tmp[24];
  std::size_t n = 0;
  do {
    tmp[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  buf[0] = '#';
  for (std::size_t k = 0; k < n; ++k) buf[1 + k] = tmp[n - 1 - k];
  return n + 1;
}

// The per-document buffers, kept per thread so a document allocates only its result.
// document_terms stays pure: the buffers are cleared on entry and nothing in them
// outlives the call's meaning (only their capacity does).
//
// A term's weight is the sum of its occurrences' weights, each a float, added in a
// double: for any article of up to thousands of lines that sum is exact (the weights
// span a few binary orders of magnitude and a double holds 29 bits more than a float),
// so it does not depend on the order of the occurrences, and it is rounded to a float
// once. The occurrences meet in a small open-addressing table, in text order, and the
// distinct terms leave in that order: no sort.
struct SinkBuffers {
  struct Slot {
    std::uint64_t hash;
    std::uint32_t term;   // index in hashes/sums
    std::uint32_t stamp;  // the slot is taken when this is the current document's stamp
  };
  std::vector<Slot> table;  // a power of two, at most half full
  unsigned shift = 64;
  std::uint32_t stamp = 0;
  // The distinct terms, in order of first occurrence: the first `distinct` entries, the
  // vectors sized to hold as many as the table may (half its slots), so adding one
  // writes without a capacity check.
  std::vector<std::uint64_t> hashes;
  std::vector<double> sums;
  std::size_t distinct = 0;
  std::size_t occurrences = 0;
  std::vector<std::uint64_t> names;
  std::vector<int> month_days;
};

class TermSink {
 public:
  TermSink() : b_(buffers()) {
    if (b_.table.empty()) resize(1024);
    if (++b_.stamp == 0) {  // wrapped: no stale stamp may look current
      for (auto& slot : b_.table) slot.stamp = 0;
      b_.stamp = 1;
    }
    b_.distinct = 0;
    b_.occurrences = 0;
    b_.names.clear();
    b_.month_days.clear();
  }
  [[gnu::always_inline]] void add(std::uint64_t h, float w) {
    ++b_.occurrences;
    const std::size_t mask = b_.table.size() - 1;
    for (std::size_t i = slot_of(h);; i = (i + 1) & mask) {
      SinkBuffers::Slot& slot = b_.table[i];
      if (slot.stamp != b_.stamp) {
        const std::size_t k = b_.distinct++;
        slot = {h, static_cast<std::uint32_t>(k), b_.stamp};
        b_.hashes[k] = h;
        b_.sums[k] = w;
        if (b_.distinct * 2 > b_.table.size()) resize(b_.table.size() * 2);
        return;
      }
      if (slot.hash == h) {
        b_.sums[slot.term] += w;
        return;
      }
    }
  }
  void add_name(std::uint64_t h) { b_.names.push_back(h); }
  void add_month_day(int md) { b_.month_days.push_back(md); }
  std::size_t size() const { return b_.occurrences; }
  DocumentTerms finish() {
    DocumentTerms out;
    copy_terms(out.terms);
    std::vector<std::uint64_t>& names = b_.names;
    std::sort(names.begin(), names.end());
    out.names.assign(names.begin(), std::unique(names.begin(), names.end()));
    std::vector<int>& days = b_.month_days;
    std::sort(days.begin(), days.end());
    out.month_days.assign(days.begin(), std::unique(days.begin(), days.end()));
    return out;
  }

 private:
  static SinkBuffers& buffers() {
    thread_local SinkBuffers b;
    return b;
  }
  std::size_t slot_of(std::uint64_t h) const {
    return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ULL) >> b_.shift);
  }
  // A table of n slots (a power of two) holding the current document's terms.
  void resize(std::size_t n) {
    b_.table.assign(n, SinkBuffers::Slot{0, 0, 0});
    b_.shift = 64 - static_cast<unsigned>(std::countr_zero(n));
    b_.hashes.resize(n / 2 + 1);
    b_.sums.resize(n / 2 + 1);
    if (b_.stamp == 0) b_.stamp = 1;
    for (std::size_t k = 0; k < b_.distinct; ++k) {
      std::size_t i = slot_of(b_.hashes[k]);
      while (b_.table[i].stamp == b_.stamp) i = (i + 1) & (n - 1);
      b_.table[i] = {b_.hashes[k], static_cast<std::uint32_t>(k), b_.stamp};
    }
  }
  // The distinct terms in order of first occurrence (title first). Only the clusterer
  // reads them, and it keeps a few of them: it sorts those, not all (events.cc, weigh).
  void copy_terms(std::vector<WeightedTerm>& terms) const {
    const std::size_t n = b_.distinct;
    terms.resize(n);
    for (std::size_t k = 0; k < n; ++k) terms[k] = {b_.hashes[k], static_cast<float>(b_.sums[k])};
  }
  SinkBuffers& b_;
};

// Lowered ASCII letters and digits; 0 for every other byte (non-ASCII included).
constexpr std::array<unsigned char, 256> kAsciiWordByte = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = static_cast<unsigned char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = static_cast<unsigned char>(c + 32);
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<unsigned char>(c);
  return t;
}();

#if defined(__SSE2__)
// The 16 bytes at p with ASCII letters lowered (other bytes unchanged), and how many of
// them, from the first, are ASCII letters or digits (what kAsciiWordByte keeps), up to
// 16. Same result as kAsciiWordByte byte by byte.
struct Lowered16 {
  __m128i bytes;
  unsigned word_length;  // 16 when all are
};
inline Lowered16 lowered16(const unsigned char* p) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  // c in [lo, lo + n): c + (0x80 - lo) is below 0x80 - 128 + n as a signed byte.
  auto in_range = [](__m128i c, char lo, char n) {
    const __m128i shifted = _mm_add_epi8(c, _mm_set1_epi8(static_cast<char>(0x80 - lo)));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + n)));
  };
  const __m128i folded = _mm_or_si128(x, _mm_set1_epi8(0x20));  // 'A'..'Z' -> 'a'..'z'
  const __m128i letter = in_range(folded, 'a', 26);
  const __m128i digit = in_range(x, '0', 10);
  const auto word = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
  return {_mm_or_si128(x, _mm_and_si128(letter, _mm_set1_epi8(0x20))), static_cast<unsigned>(std::countr_one(word))};
}

// lowered16(p), its bytes stored to out; returns the word length.
inline unsigned ascii_word_prefix16(const unsigned char* p, char* out) {
  const Lowered16 l = lowered16(p);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(out), l.bytes);
  return l.word_length;
}

// The word that opens the 16 bytes at p, when it ends inside them: returns its length n
// and sets lo, hi to its bytes lowered and packed as WordMemo keys a word (bytes 0..7 and
// 8..15, zero past n; x86 is little-endian, so this is pack()). Returns 16, leaving lo
// and hi unset, when all 16 bytes are letters or digits.
inline unsigned packed_ascii_word16(const unsigned char* p, std::uint64_t& lo, std::uint64_t& hi) {
  const Lowered16 l = lowered16(p);
  const unsigned n = l.word_length;
  if (n >= 16) return 16;
  // 16 - n bytes into sixteen 0xFF and sixteen 0: a mask that keeps the first n bytes.
  static constexpr unsigned char kKeep[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                              0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
  const __m128i word = _mm_and_si128(l.bytes, _mm_loadu_si128(reinterpret_cast<const __m128i*>(kKeep + 16 - n)));
  lo = static_cast<std::uint64_t>(_mm_cvtsi128_si64(word));
  hi = static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(word, word)));
  return n;
}
#endif

// One line (title, paragraph or sentence) at weight w. `sentence_start` tracks whether the
// next word opens a sentence, where capitals say nothing about names.
//
// Speed matters (the clusterer's budget is tens of microseconds per article): runs of
// ASCII letters and digits are lowered and copied 16 bytes at a time where SSE2 is
// there (else byte by byte through a table); only other bytes are decoded. Words
// longer than kMaxWord are cut (still one term). The line lies in a buffer that may be
// read up to readable_end (the title's or the whole text's end): a body line ends at
// its '\n' or at readable_end.
void add_line(std::string_view line, const char* readable_end, float w, float anchor_weight, const ChineseDictionary* dict,
              TermSink& sink) {
  constexpr std::size_t kMaxWord = 48;
  // word[0..len) is the word; the 16 bytes after kMaxWord take the block copies'
  // overrun. Bytes past len are garbage: pack_word() masks them.
  char word[kMaxWord + 16];
  std::size_t len = 0;
  bool apostrophe = false;  // the word holds one
  auto reset = [&] {
    len = 0;
    apostrophe = false;
  };
  // pack() of the word when len <= 8.
  auto pack_word = [&] {
    std::uint64_t v = 0;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&v, word, 8);
      if (len < 8) v &= (std::uint64_t{1} << (8 * len)) - 1;
    } else {
      std::memcpy(&v, word, std::min<std::size_t>(len, 8));
    }
    return v;
  };
  // The word's bytes 8..15 packed as pack() packs the first eight, when 8 < len <= 16.
  auto pack_word_tail = [&] {
    std::uint64_t v = 0;
    if (len <= 8) return v;
    if constexpr (std::endian::native == std::endian::little) {
      std::memcpy(&v, word + 8, 8);
      if (len < 16) v &= (std::uint64_t{1} << (8 * (len - 8))) - 1;
    } else {
      std::memcpy(&v, word + 8, len - 8);
    }
    return v;
  };
  const WordTable& table = word_table();
  WordMemo& memo = word_memo();
  bool sentence_start = true;
  bool capital = false;
  bool number = false;
  // A number waits for the next token, which may scale it ("4.6 billion", "46亿"): both
  // languages then write the same value, an anchor that needs no dictionary.
  double pending = -1;
  auto emit_number = [&](double scale) {
    if (pending < 0) return;
    const double v = pending * scale;
    pending = -1;
    if (v < 10 || v >= 1e15) return;  // single digits say nothing about an event
    char buf[32];
    std::size_t n;
    if (v == static_cast<double>(static_cast<long long>(v))) {
      n = format_count(buf, static_cast<unsigned long long>(v));  // "#%lld": 10 <= v < 1e15
    } else {
      std::snprintf(buf, sizeof buf, "#%.6g", v);
      n = std::strlen(buf);
    }
    const std::uint64_t h = hash_of(std::string_view(buf, n));
    sink.add(h, w * anchor_weight);
    if (scale > 1 || v < 1900 || v > 2100) sink.add_name(h);  // a year links too much
  };
  // Month and day, in either language's order ("March 13", "13 March", "3月13日"), become
  // one anchor term: the day an event happened is its strongest cross-language clue.
  int month = 0;
  int zh_month = 0;
  auto emit_day = [&](int m, double d) {
    if (m < 1 || m > 12 || d < 1 || d > 31 || d != static_cast<int>(d)) return;
    // "#md%d-%d" of m (1..12) and d (1..31), formatted by hand.
    const int day = static_cast<int>(d);
    char buf[16] = {'#', 'm', 'd'};
    std::size_t n = 3;
    if (m >= 10) buf[n++] = '1';
    buf[n++] = static_cast<char>('0' + m % 10);
    buf[n++] = '-';
    if (day >= 10) buf[n++] = static_cast<char>('0' + day / 10);
    buf[n++] = static_cast<char>('0' + day % 10);
    const std::uint64_t h = hash_of(std::string_view(buf, n));
    sink.add(h, w * anchor_weight);
    sink.add_name(h);
    sink.add_month_day(m * 100 + static_cast<int>(d));
  };
  // Inlined (GCC would call it): it runs once per word, and a call spills the state the
  // byte loop keeps in registers.
  auto flush = [&]() __attribute__((always_inline)) {
    if (len == 0) return;
    if (number) {
      emit_number(1);
      char digits[kMaxWord + 1];
      std::size_t n = 0;
      bool clock = false;
      for (std::size_t k = 0; k < len; ++k) {
        if (word[k] == ',') continue;
        clock = clock || word[k] == ':';
        digits[n++] = word[k];
      }
      while (n > 0 && (digits[n - 1] == '.' || digits[n - 1] == ':')) --n;
      digits[n] = '\0';
      // Plain digits (nearly every number) are read by hand: below 10^15 an integer is
      // exact in a double, and strtod, correctly rounded, returns that same double.
      // Anything else ("4.6", "10:30", "3rd", "1e5") still goes to strtod.
      bool plain = n <= 15;
      unsigned long long x = 0;
      for (std::size_t k = 0; k < n && plain; ++k) {
        plain = digits[k] >= '0' && digits[k] <= '9';
        x = x * 10 + static_cast<unsigned>(digits[k] - '0');
      }
      const double value = plain ? static_cast<double>(x) : std::strtod(digits, nullptr);
      if (month > 0) emit_day(month, value);
      month = 0;
      if (!clock) pending = value;  // "10:30" is a time, not a quantity
    } else {
      // A plain word seen before: what the rules below do with it, at once.
      WordMemo::Entry* memo_entry = nullptr;
      if (!apostrophe && len <= WordMemo::kMaxWord) {
        const std::uint64_t lo = pack_word(), hi = pack_word_tail();
        memo_entry = &memo.at(lo, hi);
        if (memo_entry->lo == lo && memo_entry->hi == hi) {
          month = 0;
          if (pending >= 0) emit_number(1);
          if (memo_entry->hash != WordMemo::kNoTerm) {
            sink.add(memo_entry->hash, w);
            if (capital && !sentence_start) sink.add_name(memo_entry->hash);
          }
          sentence_start = false;
          reset();
          return;
        }
        memo_entry->lo = lo;
        memo_entry->hi = hi;
      }
      std::string_view lowered(word, len);
      const WordInfo& info = table.find(lowered, len <= 8 ? pack_word() : 0);
      // Months and scales depend on their neighbours: never answered from the memo.
      if (memo_entry != nullptr && (info.scale > 0 || info.month > 0)) memo_entry->lo = 0;
      if (info.scale > 0 && pending >= 0) {
        emit_number(info.scale);
        reset();
        return;
      }
      if (const int m = info.month; m > 0) {
        if (pending >= 1 && pending <= 31) emit_day(m, pending);
        else month = m;
      } else {
        month = 0;
      }
      if (pending >= 0) emit_number(1);
      // Possessives and stray apostrophes: "Reid's" is Reid. (Only the branch above puts
      // an apostrophe into a word: UTF-8 sequences hold no ASCII byte.)
      if (apostrophe) {
        if (lowered.ends_with("'s")) lowered.remove_suffix(2);
        while (!lowered.empty() && lowered.back() == '\'') lowered.remove_suffix(1);
      }
      // The stop-word test is on the word without its possessive: look it up again only
      // when that changed it.
      if (lowered.size() > 1 && !(lowered.size() == len ? info.stop : is_stopword(lowered))) {
        const std::uint64_t h = hash_of(stem(lowered));
        sink.add(h, w);
        if (capital && !sentence_start) sink.add_name(h);
        if (memo_entry != nullptr) {
          memo_entry->hash = h;
          if (h == WordMemo::kNoTerm) memo_entry->lo = 0;
        }
      } else if (memo_entry != nullptr) {
        memo_entry->hash = WordMemo::kNoTerm;
      }
    }
    sentence_start = false;
    reset();
  };
  auto append = [&](const char* p, std::size_t n) {
    if (len + n <= kMaxWord) {
      std::memcpy(word + len, p, n);
      len += n;
    }
  };
  // The common case, one lowered ASCII letter or digit, without a call.
  auto append_char = [&](char c) {
    if (len < kMaxWord) word[len++] = c;
  };
  for (std::size_t i = 0; i < line.size();) {
    const auto b = static_cast<unsigned char>(line[i]);
#if defined(__SSE2__)
    // Most words of a text: a plain word. It opens with a letter (len == 0: no word is
    // pending) and ends inside the next 16 bytes at an ASCII byte that does not extend it
    // (not an apostrophe; a letter word is no number, so no '.' or ',' joins it either).
    // The word is read straight from the text, lowered and packed in registers: a memo
    // hit is taken at once, as flush() would take it, and a space after the word is
    // consumed too, as the ' ' branch below would (flush() with no word is a no-op); on
    // a miss the word is left in `word` as the run below would have left it. The 16
    // bytes may run past the line, never past readable_end: a body line is followed by
    // its '\n', which ends a word like any separator, so n never reaches the next line.
    if (len == 0 && kAsciiWordByte[b] > '9' && readable_end - (line.data() + i) >= 16) {
      const auto* p = reinterpret_cast<const unsigned char*>(line.data()) + i;
      std::uint64_t lo, hi;
      const unsigned n = packed_ascii_word16(p, lo, hi);
      if (n < 16 && p[n] < 0x80 && p[n] != '\'') {
        const WordMemo::Entry& known = memo.at(lo, hi);
        if (known.lo == lo && known.hi == hi) {
          month = 0;
          if (pending >= 0) emit_number(1);
          if (known.hash != WordMemo::kNoTerm) {
            sink.add(known.hash, w);
            if (b <= 'Z' && !sentence_start) sink.add_name(known.hash);  // a capital: 'A'..'Z' < 'a'
          }
          sentence_start = false;
          i += n + (p[n] == ' ' ? 1 : 0);
          continue;
        }
        // A miss: the word as the run below would have copied it; its terminator (or
        // the line's end) flushes it.
        std::memcpy(word, &lo, 8);
        std::memcpy(word + 8, &hi, 8);
        len = n;
        number = false;
        capital = b <= 'Z';
        i += n;
        continue;
      }
    }
#endif
    if (unsigned char c = kAsciiWordByte[b]; c != 0) {
      // A run of ASCII letters and digits, lowered as it is copied: the bulk of any
      // text, in a loop of a load, a table lookup and a store per byte. Same effect as
      // the per-byte branch below taken once per byte.
      if (len == 0) {
        number = b <= '9';
        capital = b >= 'A' && b <= 'Z';
      }
      // Locals, not the lambdas' captured len, so the loop stays in registers. Bytes past
      // kMaxWord are dropped, as append_char drops them.
      const auto* p = reinterpret_cast<const unsigned char*>(line.data()) + i;
      const auto* const end = reinterpret_cast<const unsigned char*>(line.data()) + line.size();
#if defined(__SSE2__)
      // Whole blocks while 16 bytes remain to read; the copy may run 16 bytes past len,
      // into the buffer's spare tail.
      while (end - p >= 16) {
        const unsigned n = ascii_word_prefix16(p, word + len);
        len = std::min(len + n, kMaxWord);
        p += n;
        if (n < 16) break;
      }
      if (end - p < 16 && p != end && kAsciiWordByte[*p] != 0) {
        c = kAsciiWordByte[*p];
#else
      {
#endif
        char* out = word + len;
        char* const out_end = word + kMaxWord;
        do {
          if (out != out_end) *out++ = static_cast<char>(c);
          ++p;
        } while (p != end && (c = kAsciiWordByte[*p]) != 0);
        len = static_cast<std::size_t>(out - word);
      }
      i = static_cast<std::size_t>(p - reinterpret_cast<const unsigned char*>(line.data()));
      continue;
    }
    if (b == ' ') {  // the commonest separator: what the branch below does with it, sooner
      flush();
      ++i;
      continue;
    }
    if (b < 0x80) {  // ASCII, not a letter or digit (those took the run above)
      if (len > 0 && (b == '\'' || ((b == '.' || b == ',' || b == ':') && number && i + 1 < line.size() &&
                      line[i + 1] >= '0' && line[i + 1] <= '9'))) {
        apostrophe = apostrophe || b == '\'';
        append_char(line[i]);  // "don't", "4.6", "410,000", "10:30"
      } else {
        flush();
        if (b == '.' || b == '!' || b == '?' || b == ':' || b == ';' || b == '"') sentence_start = true;
      }
      ++i;
      continue;
    }
    const std::size_t start = i;
    const char32_t cp = text::next_code_point(line, i);
    if (is_han(cp)) {
      flush();
      if (cp == 0x6708 && pending >= 1 && pending <= 12) zh_month = static_cast<int>(pending);  // 月
      else if ((cp == 0x65E5 || cp == 0x53F7) && zh_month > 0) emit_day(zh_month, pending);    // 日 号
      else zh_month = 0;
      emit_number(cp == 0x4E07 ? 1e4 : cp == 0x4EBF ? 1e8 : cp == 0x5343 ? 1e3 : 1);  // 万 亿 千
      // The whole Han run at once.
      std::size_t end = i;
      while (end < line.size()) {
        std::size_t peek = end;
        if (!is_han(text::next_code_point(line, peek))) break;
        end = peek;
      }
      const std::string_view run = line.substr(start, end - start);
      if (dict) {
        for (std::string_view piece : dict->segment(run)) {
          const auto terms = dict->english_terms(piece);
          if (terms.empty()) continue;
          // A word glossed by several English words spreads its weight over them.
          const float share = w / static_cast<float>(terms.size());
          for (const auto& t : terms)
            if (!is_stopword(t)) sink.add(hash_of(stem(t)), share);
        }
      } else {
        std::size_t a = 0;
        std::size_t b2 = 0;
        text::next_code_point(run, b2);
        while (b2 < run.size()) {
          std::size_t c = b2;
          text::next_code_point(run, c);
          sink.add(hash_of(run.substr(a, c - a)), w);
          a = b2;
          b2 = c;
        }
      }
      i = end;
      sentence_start = false;
      continue;
    }
    if (text::is_letter_or_digit(cp)) {
      if (len == 0) {
        number = false;
        capital = false;  // only ASCII capitals mark names here
      }
      append(line.data() + start, i - start);
    } else {
      flush();
      if (cp == 0x3002 || cp == 0x201C || cp == 0xFF01 || cp == 0xFF1F) sentence_start = true;
    }
  }
  flush();
  emit_number(1);
}

}  // namespace

std::uint64_t term_hash(std::string_view word) {
  const std::string lowered = text::to_lower_ascii(word);
  return hash_of(stem(lowered));
}

DocumentTerms document_terms(std::string_view title, std::string_view text, const ChineseDictionary* dictionary,
                             const TermOptions& options) {
  TermSink sink;
  if (!title.empty())
    add_line(title, title.data() + title.size(), static_cast<float>(options.title_weight),
             static_cast<float>(options.anchor_weight), dictionary, sink);
  int k = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (options.max_body_terms > 0 && sink.size() >= static_cast<std::size_t>(options.max_body_terms)) break;
    add_line(line, text.data() + text.size(), static_cast<float>(1.0 / (1.0 + options.position_decay * k)),
             static_cast<float>(options.anchor_weight), dictionary, sink);
    ++k;
  }
  return sink.finish();
}

}  // namespace storyline
