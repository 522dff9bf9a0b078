#include "storyline/event_terms.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_set>

#include "text/utf8.h"

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

bool is_stopword(std::string_view w) {
  static const auto* const kShort = [] {
    auto* set = new std::unordered_set<std::uint64_t>();
    for (std::string_view s : kStopwords)
      if (s.size() <= 8) set->insert(pack(s));
    return set;
  }();
  if (w.size() <= 8) return kShort->count(pack(w)) > 0;
  return w == "according" || w == "themselves";  // the only longer ones in kStopwords
}

// Light suffix stripping: enough to make "strikes"/"strike", "allowed"/"allow",
// "taxes"/"tax" meet, never shortening a word below four letters (so "news", "bus" stay).
std::string_view stem(std::string_view w) {
  if (w.size() > 5 && w.ends_with("ing")) return w.substr(0, w.size() - 3);
  if (w.size() > 5 && w.ends_with("ed")) return w.substr(0, w.size() - 2);
  // "-es" is a suffix only after a sibilant (taxes, pushes); "strikes" is strike + s.
  if (w.size() > 5 && (w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes") || w.ends_with("sses")))
    return w.substr(0, w.size() - 2);
  if (w.size() > 4 && w.ends_with('s') && !w.ends_with("ss")) return w.substr(0, w.size() - 1);
  return w;
}

// 1..12 for an English month name or its abbreviation ("sept", "dec"), else 0.
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

std::uint64_t hash_of(std::string_view w) { return XXH3_64bits(w.data(), w.size()); }

bool is_han(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F);
}

class TermSink {
 public:
  TermSink() { raw_.reserve(1024); }
  void add(std::uint64_t h, float w) { raw_.push_back({h, w}); }
  void add_name(std::uint64_t h) { names_.push_back(h); }
  void add_month_day(int md) { month_days_.push_back(md); }
  std::size_t size() const { return raw_.size(); }
  DocumentTerms finish() {
    DocumentTerms out;
    std::sort(raw_.begin(), raw_.end(), [](const WeightedTerm& a, const WeightedTerm& b) { return a.hash < b.hash; });
    for (const auto& t : raw_) {
      if (!out.terms.empty() && out.terms.back().hash == t.hash) out.terms.back().weight += t.weight;
      else out.terms.push_back(t);
    }
    std::sort(names_.begin(), names_.end());
    names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
    out.names = std::move(names_);
    std::sort(month_days_.begin(), month_days_.end());
    month_days_.erase(std::unique(month_days_.begin(), month_days_.end()), month_days_.end());
    out.month_days = std::move(month_days_);
    return out;
  }

 private:
  std::vector<WeightedTerm> raw_;
  std::vector<std::uint64_t> names_;
  std::vector<int> month_days_;
};

// One line (title, paragraph or sentence) at weight w. `sentence_start` tracks whether the
// next word opens a sentence, where capitals say nothing about names.
//
// Speed matters (the clusterer's budget is tens of microseconds per article): ASCII bytes
// take a branch-light path that lowers letters as it copies them into a fixed buffer;
// only other bytes are decoded. Words longer than the buffer are cut (still one term).
void add_line(std::string_view line, float w, float anchor_weight, const ChineseDictionary* dict, TermSink& sink) {
  constexpr std::size_t kMaxWord = 48;
  char word[kMaxWord];
  std::size_t len = 0;
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
    if (v == static_cast<double>(static_cast<long long>(v))) std::snprintf(buf, sizeof buf, "#%lld", static_cast<long long>(v));
    else std::snprintf(buf, sizeof buf, "#%.6g", v);
    const std::uint64_t h = hash_of(buf);
    sink.add(h, w * anchor_weight);
    if (scale > 1 || v < 1900 || v > 2100) sink.add_name(h);  // a year links too much
  };
  // Month and day, in either language's order ("March 13", "13 March", "3月13日"), become
  // one anchor term: the day an event happened is its strongest cross-language clue.
  int month = 0;
  int zh_month = 0;
  auto emit_day = [&](int m, double d) {
    if (m < 1 || m > 12 || d < 1 || d > 31 || d != static_cast<int>(d)) return;
    char buf[16];
    std::snprintf(buf, sizeof buf, "#md%d-%d", m, static_cast<int>(d));
    const std::uint64_t h = hash_of(buf);
    sink.add(h, w * anchor_weight);
    sink.add_name(h);
    sink.add_month_day(m * 100 + static_cast<int>(d));
  };
  auto flush = [&] {
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
      const double value = std::strtod(digits, nullptr);
      if (month > 0) emit_day(month, value);
      month = 0;
      if (!clock) pending = value;  // "10:30" is a time, not a quantity
    } else {
      std::string_view lowered(word, len);
      double scale = 0;
      if (lowered == "thousand") scale = 1e3;
      else if (lowered == "million") scale = 1e6;
      else if (lowered == "billion") scale = 1e9;
      else if (lowered == "trillion") scale = 1e12;
      if (scale > 0 && pending >= 0) {
        emit_number(scale);
        len = 0;
        return;
      }
      if (const int m = month_number(lowered); m > 0) {
        if (pending >= 1 && pending <= 31) emit_day(m, pending);
        else month = m;
      } else {
        month = 0;
      }
      emit_number(1);
      // Possessives and stray apostrophes: "Reid's" is Reid.
      if (lowered.ends_with("'s")) lowered.remove_suffix(2);
      while (!lowered.empty() && lowered.back() == '\'') lowered.remove_suffix(1);
      if (lowered.size() > 1 && !is_stopword(lowered)) {
        const std::uint64_t h = hash_of(stem(lowered));
        sink.add(h, w);
        if (capital && !sentence_start) sink.add_name(h);
      }
    }
    sentence_start = false;
    len = 0;
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
    if (b < 0x80) {
      const bool upper = b >= 'A' && b <= 'Z';
      const bool letter = upper || (b >= 'a' && b <= 'z');
      const bool digit = b >= '0' && b <= '9';
      if (letter || digit) {
        if (len == 0) {
          number = digit;
          capital = upper;
        }
        append_char(static_cast<char>(upper ? b + 32 : b));
      } else if (len > 0 && (b == '\'' || ((b == '.' || b == ',' || b == ':') && number && i + 1 < line.size() &&
                                            line[i + 1] >= '0' && line[i + 1] <= '9'))) {
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
  if (!title.empty()) add_line(title, static_cast<float>(options.title_weight), static_cast<float>(options.anchor_weight), dictionary, sink);
  int k = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (options.max_body_terms > 0 && sink.size() >= static_cast<std::size_t>(options.max_body_terms)) break;
    add_line(line, static_cast<float>(1.0 / (1.0 + options.position_decay * k)), static_cast<float>(options.anchor_weight),
             dictionary, sink);
    ++k;
  }
  return sink.finish();
}

}  // namespace storyline
