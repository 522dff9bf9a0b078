#include "summarize/terms.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_set>

#include "text/utf8.h"

namespace storyline::summary_terms {
namespace {

bool ends_with(const std::string& w, std::string_view suffix) {
  return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

bool is_stop_word(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as",
      "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
      "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
      "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in",
      "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not",
      "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own",
      "said", "same", "say", "says", "she", "should", "so", "some", "such", "than", "that", "the", "their",
      "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
      "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who",
      "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "s", "t", "mr",
      "mrs", "ms", "would", "may", "might", "must", "shall", "told", "according", "yesterday", "today",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "week", "year",
      "one", "two", "new", "since", "however", "many", "much", "another", "around"};
  return kStop.count(w) > 0;
}

std::string light_stem(std::string w) {
  if (w.size() <= 3 || std::isdigit(static_cast<unsigned char>(w[0]))) return w;
  if (ends_with(w, "ies") && w.size() > 4) return w.substr(0, w.size() - 3) + "y";
  if (ends_with(w, "sses")) return w.substr(0, w.size() - 2);
  if (ends_with(w, "ing") && w.size() > 5) {
    w.resize(w.size() - 3);
  } else if (ends_with(w, "ed") && w.size() > 4) {
    w.resize(w.size() - 2);
  } else if (w.back() == 's' && !ends_with(w, "ss") && !ends_with(w, "us") && !ends_with(w, "is")) {
    w.pop_back();
    return w;
  } else {
    if (w.back() == 'e') w.pop_back();
    return w;
  }
  // "stopped" -> "stop", "raised" -> "rais" (as "raise" -> "rais" below).
  if (w.size() > 3 && w[w.size() - 1] == w[w.size() - 2] && std::string_view("lsz").find(w.back()) == std::string_view::npos)
    w.pop_back();
  if (!w.empty() && w.back() == 'e') w.pop_back();
  return w;
}

std::vector<Term> terms_of(std::string_view s) {
  std::vector<Term> out;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    Term t;
    t.stop = is_stop_word(word);
    t.stem = t.stop ? word : light_stem(word);
    out.push_back(std::move(t));
    word.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t cp = text::next_code_point(s, i);
    if (cp < 0x80 && std::isalnum(static_cast<int>(cp))) {
      word += static_cast<char>(std::tolower(static_cast<int>(cp)));
    } else if ((cp == '.' || cp == ',') && !word.empty() && i < s.size() &&
               std::isalnum(static_cast<unsigned char>(s[i])) &&
               (std::isdigit(static_cast<unsigned char>(word.back())) || (cp == '.' && word.size() == 1))) {
      // "10,000", "3.5", "U.S.": one term.
    } else if (cp == '\'' || cp == U'\u2019') {
      // "Honduras' coast", "Mitch's": the possessive goes.
      if (i < s.size() && (s[i] == 's' || s[i] == 'S') && (i + 1 >= s.size() || !std::isalnum(static_cast<unsigned char>(s[i + 1])))) ++i;
      flush();
    } else if (text::is_cjk(cp)) {
      flush();
      out.push_back(Term{std::string(s.substr(at, i - at)), false});
    } else if (cp >= 0x80 && text::is_letter_or_digit(cp)) {
      word.append(s.substr(at, i - at));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace storyline::summary_terms
