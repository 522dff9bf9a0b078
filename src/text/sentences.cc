#include "storyline/sentences.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "text/utf8.h"

namespace storyline {
namespace {

bool in(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Titles and other abbreviations that are (almost) never the last word of a sentence.
bool never_final_abbreviation(std::string_view w) {
  return in(w, {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm",
                "maj", "cpl", "pvt", "st", "prof", "rev", "hon", "pres", "atty", "supt", "mt", "ft", "vs", "v",
                "messrs", "mme", "mlle", "sens", "reps", "gens", "no", "nos", "art", "fig", "vol", "pp", "p",
                "e.g", "i.e", "cf", "approx", "est", "ave", "blvd", "rd", "sq", "dept", "univ", "assn", "brig",
                "sept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "oct", "nov", "dec"});
}

// Abbreviations that may well end a sentence ("... of Apple Inc."): they break only
// before a word that usually starts one.
bool maybe_final_abbreviation(std::string_view w) {
  return in(w, {"jr", "sr", "inc", "corp", "co", "ltd", "plc", "bros", "etc", "al", "llc", "a.m", "p.m"});
}

// Words that usually start a sentence: after an ambiguous period ("U.S.", "Inc.", an
// initial) they decide for a break.
bool sentence_starter(std::string_view w) {
  return in(w, {"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "But", "And", "Or", "In", "On", "At",
                "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "As", "If",
                "When", "After", "Before", "Some", "For", "So", "Yet", "Still", "However", "Meanwhile", "Also",
                "Now", "Many", "Most", "Officials", "While", "Although", "Since", "Under", "With", "By", "One",
                "Two", "Three", "Another", "Other", "Both", "All", "No", "Not", "What", "Why", "How", "Who",
                "Earlier", "Later", "Last", "Next", "Then", "Today", "Yesterday"});
}

// Byte length of a closing quote or bracket at s[i], or 0.
std::size_t closer_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  for (std::string_view closer : {"\u201D", "\u2019", "\u300D", "\u300F", "\uFF09", "\u300B"})
    if (s.substr(i, closer.size()) == closer) return closer.size();
  return 0;
}

// Byte length of an opening quote or bracket at s[i], or 0.
std::size_t opener_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[') return 1;
  for (std::string_view opener : {"\u201C", "\u2018"})
    if (s.substr(i, opener.size()) == opener) return opener.size();
  return 0;
}

enum class Mark { kNone, kPeriod, kStrong, kEllipsis, kCjk };

// The sentence mark at s[i] and its byte length.
std::pair<Mark, std::size_t> mark_at(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '.') {
    std::size_t n = 1;
    while (i + n < s.size() && s[i + n] == '.') ++n;
    return {n >= 2 ? Mark::kEllipsis : Mark::kPeriod, n};
  }
  if (c == '!' || c == '?') return {Mark::kStrong, 1};
  if (s.substr(i, 3) == "\u2026") return {Mark::kEllipsis, 3};
  for (std::string_view cjk : {"\u3002", "\uFF01", "\uFF1F"})
    if (s.substr(i, cjk.size()) == cjk) return {Mark::kCjk, cjk.size()};
  return {Mark::kNone, 0};
}

// The word ending right before byte `end` (no leading quotes or brackets), lowercased
// unless `keep_case`.
std::string word_before(std::string_view s, std::size_t end, bool keep_case = false) {
  std::size_t b = end;
  while (b > 0 && s[b - 1] != ' ') --b;
  while (b < end && opener_at(s, b)) b += opener_at(s, b);
  std::string w(s.substr(b, end - b));
  if (!keep_case) w = text::to_lower_ascii(w);
  return w;
}

// The word starting at byte b (letters, digits, apostrophes), as written.
std::string_view word_at(std::string_view s, std::size_t b) {
  std::size_t e = b;
  while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '\'')) ++e;
  return s.substr(b, e - b);
}

// Whether a period mark ending the word before `dot` breaks, given what follows it.
bool period_breaks(std::string_view s, std::size_t dot, std::size_t next) {
  const std::string w = word_before(s, dot);
  const std::string_view nw = word_at(s, next);
  const bool digit_next = next < s.size() && std::isdigit(static_cast<unsigned char>(s[next]));
  if (w.empty()) return true;
  if (never_final_abbreviation(w)) return false;
  if (maybe_final_abbreviation(w)) return sentence_starter(nw);
  // An initial ("J."), or dotted letters ("U.S.", "U.N.", "Ph.D").
  const bool initial = w.size() == 1 && std::isalpha(static_cast<unsigned char>(w[0]));
  const bool dotted = w.find('.') != std::string::npos &&
                      std::all_of(w.begin(), w.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '.'; });
  if (initial || dotted) return !digit_next && sentence_starter(nw);
  return true;
}

void split_line(std::string_view s, std::vector<std::string>& out) {
  std::size_t start = 0, i = 0;
  auto emit = [&](std::size_t end) {
    std::string sentence = text::trim(s.substr(start, end - start));
    if (!sentence.empty()) out.push_back(std::move(sentence));
  };
  while (i < s.size()) {
    auto [mark, len] = mark_at(s, i);
    if (mark == Mark::kNone) {
      ++i;
      continue;
    }
    const std::size_t mark_begin = i;
    std::size_t j = i + len;
    // Further marks and closing quotes belong to the same end: `?!`, `."`, `.)"`.
    for (;;) {
      if (j >= s.size()) break;
      if (const std::size_t c = closer_at(s, j)) {
        // A straight quote after a mark closes only when it does not open the next word.
        if ((s[j] == '"' || s[j] == '\'') && j + 1 < s.size() && s[j + 1] != ' ' && !closer_at(s, j + 1) &&
            mark_at(s, j + 1).first == Mark::kNone)
          break;
        j += c;
        continue;
      }
      if (auto [m, l] = mark_at(s, j); m != Mark::kNone) {
        if (m == Mark::kCjk) mark = m;
        j += l;
        continue;
      }
      break;
    }
    if (mark == Mark::kCjk) {
      emit(j);
      while (j < s.size() && s[j] == ' ') ++j;
      start = i = j;
      continue;
    }
    if (j >= s.size()) break;
    if (s[j] != ' ') {  // "3.5", "U.S.A", "example.com", "Yahoo!News"
      i = j;
      continue;
    }
    std::size_t next = j + 1;
    while (next < s.size() && opener_at(s, next)) next += opener_at(s, next);
    if (next >= s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[next]);
    bool cut = !(std::islower(c) || c == ',' || c == ';' || c == ':' || c == '-');
    if (cut && mark == Mark::kPeriod) cut = period_breaks(s, mark_begin, next);
    if (cut) {
      emit(j);
      start = j + 1;
    }
    i = j + 1;
  }
  emit(s.size());
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string& line : text::split_lines(text)) split_line(text::normalize_space(line), out);
  return out;
}

}  // namespace storyline
