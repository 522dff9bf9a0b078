#include "extract/people.h"

#include <algorithm>
#include <cctype>

#include "extract/dates.h"
#include "text/utf8.h"

namespace storyline::extract {
namespace {

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// Words that end a name inside a byline and start a job title or place.
bool is_title_word(std::string_view w) {
  static const char* kTitles[] = {"staff", "writer", "writers", "reporter", "reporters", "correspondent",
                                  "correspondents", "editor", "editors", "contributor", "columnist", "senior",
                                  "chief", "bureau", "special", "associate", "deputy", "managing", "news",
                                  "photographer", "producer", "analyst", "director", "head", "team", "desk",
                                  "published", "updated", "posted", "follow", "email", "twitter", "min", "read"};
  const std::string lw = text::to_lower_ascii(w);
  for (const char* t : kTitles)
    if (lw == t) return true;
  return false;
}

// Wire agencies kept as authors even though they are not people.
bool is_agency(std::string_view s) {
  static const char* kAgencies[] = {"AFP", "AP", "Reuters", "Associated Press", "Agence France-Presse", "Bloomberg",
                                    "Xinhua", "TASS", "dpa", "ANSA", "EFE", "Kyodo", "Yonhap", "PA", "UPI", "ANI", "PTI"};
  for (const char* a : kAgencies)
    if (s == a) return true;
  return false;
}


std::string strip_by(std::string s) {
  s = text::trim(s);
  if (s == "By" || s == "BY" || s == "by" || s == "By:") return "";
  for (std::string_view p : {"by:", "by ", "written by ", "words by ", "von ", "par ", "por ", "\xE6\x96\x87\xEF\xBC\x9A", "\xE8\xAE\xB0\xE8\x80\x85", "\xE4\xBD\x9C\xE8\x80\x85\xEF\xBC\x9A", "\xE6\x96\x87/"}) {
    if (text::starts_with_ci(s, p)) {
      s = text::trim(s.substr(p.size()));
      break;
    }
  }
  return s;
}

// 1-6 words, each capitalised or a joining word: "CBS News", "The Times of India".
bool looks_like_organisation(std::string_view s) {
  int words = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i == b) break;
    const std::string_view w = s.substr(b, i - b);
    ++words;
    if (!(is_upper_ascii(w[0]) || static_cast<unsigned char>(w[0]) >= 0x80 || std::isdigit(static_cast<unsigned char>(w[0])) ||
          w == "of" || w == "and" || w == "the" || w == "de"))
      return false;
  }
  return words >= 1 && words <= 6;
}

}  // namespace

std::string title_case_if_shouting(const std::string& name) {
  bool has_lower = false;
  for (char c : name) has_lower |= (c >= 'a' && c <= 'z');
  if (has_lower || is_agency(name) || name.size() <= 4) return name;
  std::string out = name;
  bool start = true;
  for (char& c : out) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      if (!start) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      start = false;
    } else {
      start = c == ' ' || c == '-' || c == '\'';
    }
  }
  return out;
}

bool looks_like_name(std::string_view raw) {
  const std::string s = text::trim(raw);
  if (s.empty() || s.size() > 60) return false;
  if (is_agency(s)) return true;
  if (text::cjk_share(s) > 0.5) return text::code_points(s) >= 2 && text::code_points(s) <= 6;
  int words = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    const std::string_view w = std::string_view(s).substr(b, i - b);
    ++words;
    const unsigned char c0 = static_cast<unsigned char>(w[0]);
    const bool particle = w == "de" || w == "van" || w == "von" || w == "der" || w == "da" || w == "al" ||
                          w == "bin" || w == "la" || w == "le" || w == "di" || w == "du";
    if (!(is_upper_ascii(w[0]) || c0 >= 0x80 || particle)) return false;
    for (char c : w)
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '@' || c == ':' || c == '|' || c == '/') return false;
    if (is_title_word(w)) return false;
  }
  return words >= 1 && words <= 5 && (words >= 2 || s.size() >= 2);
}

std::vector<std::string> clean_authors(std::string_view byline) {
  std::string s = text::normalize_space(byline);
  s = strip_by(s);
  // Cut at a date, a pipe, a bullet, "Updated", or an e-mail.
  if (auto d = find_date(s)) s = s.substr(0, d->begin);
  for (std::string_view stop : {"|", "\xE2\x80\xA2", " Updated", " Published", " Posted", " on ", "@", "http", "(", "\n"}) {
    const std::size_t p = s.find(stop);
    if (p != std::string::npos) s = s.substr(0, p);
  }
  // Split on commas, " and ", "&", " und ", " et ", "、".
  std::vector<std::string> parts;
  std::string cur;
  auto flush = [&]() {
    std::string t = text::trim(cur);
    while (!t.empty() && (t.back() == ',' || t.back() == '.' || t.back() == ';')) t.pop_back();
    if (!t.empty()) parts.push_back(t);
    cur.clear();
  };
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == ',' || s[i] == ';' || s[i] == '&') { flush(); ++i; continue; }
    if (s.compare(i, 5, " and ") == 0 || s.compare(i, 5, " und ") == 0 || s.compare(i, 4, " et ") == 0 ||
        s.compare(i, 3, " y ") == 0) {
      flush();
      i += s.compare(i, 5, " and ") == 0 || s.compare(i, 5, " und ") == 0 ? 5 : (s.compare(i, 4, " et ") == 0 ? 4 : 3);
      continue;
    }
    if (s.compare(i, 3, "\xE3\x80\x81") == 0) { flush(); i += 3; continue; }  // 、
    cur += s[i++];
  }
  flush();
  std::vector<std::string> out;
  for (std::string p : parts) {
    p = strip_by(p);
    // Drop a trailing job title: "Jane Doe Staff Writer" -> "Jane Doe".
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < p.size()) {
      while (i < p.size() && p[i] == ' ') ++i;
      const std::size_t b = i;
      while (i < p.size() && p[i] != ' ') ++i;
      if (i > b) words.emplace_back(p.substr(b, i - b));
    }
    std::size_t keep = 0;
    while (keep < words.size() && !is_title_word(words[keep])) ++keep;
    std::string name;
    for (std::size_t k = 0; k < keep; ++k) name += (k ? " " : "") + words[k];
    name = title_case_if_shouting(name);
    if (!looks_like_name(name)) continue;
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
  }
  return out;
}

std::optional<AuthorBio> parse_author_bio(std::string_view sentence) {
  const std::string s = text::normalize_space(sentence);
  // NAME (is|has been|was|joined) [a|an|the] OUTLET's ROLE  |  ... ROLE (at|for|with) OUTLET
  static const std::string_view kVerbs[] = {" has been ", " is ", " was ", " joined ", " has worked "};
  for (std::string_view verb : kVerbs) {
    const std::size_t v = s.find(verb);
    if (v == std::string::npos || v == 0) continue;
    const std::string person = s.substr(0, v);
    if (!looks_like_name(person) || text::word_count(person) < 2) continue;
    std::string rest = s.substr(v + verb.size());
    for (std::string_view art : {"a ", "an ", "the "})
      if (rest.rfind(art, 0) == 0) rest = rest.substr(art.size());
    // Possessive outlet: "CBS News' national ..." / "CBS News's ...".
    for (std::string_view pos : {"' ", "'s ", "\xE2\x80\x99 ", "\xE2\x80\x99s "}) {
      const std::size_t p = rest.find(pos);
      if (p == std::string::npos || p == 0) continue;
      const std::string outlet = rest.substr(0, p);
      if (looks_like_organisation(outlet)) return AuthorBio{person, outlet};
      break;
    }
    // "... correspondent for CBS News" / "at The Times".
    for (std::string_view prep : {" for ", " at ", " with "}) {
      const std::size_t p = rest.find(prep);
      if (p == std::string::npos || p > 80) continue;
      std::string tail = rest.substr(p + prep.size());
      std::size_t end = 0;
      // Capitalised run.
      std::size_t i = 0;
      while (i < tail.size()) {
        const std::size_t b = i;
        while (i < tail.size() && tail[i] != ' ' && tail[i] != ',' && tail[i] != '.') ++i;
        const std::string_view w = std::string_view(tail).substr(b, i - b);
        if (w.empty() || !(is_upper_ascii(w[0]) || w == "of" || w == "and")) break;
        end = i;
        if (i < tail.size() && tail[i] != ' ') break;
        ++i;
      }
      std::string outlet = text::trim(tail.substr(0, end));
      while (outlet.size() > 3 && (outlet.ends_with(" of") || outlet.ends_with(" and"))) outlet = outlet.substr(0, outlet.rfind(' '));
      if (!outlet.empty() && looks_like_organisation(outlet)) return AuthorBio{person, outlet};
    }
  }
  return std::nullopt;
}

std::vector<std::string> parse_contributors(std::string_view sentence) {
  const std::string s = text::normalize_space(sentence);
  for (std::string_view marker : {" contributed to this report", " contributed reporting", " contributed to this article",
                                  " also contributed"}) {
    const std::size_t p = s.find(marker);
    if (p == std::string::npos) continue;
    std::string names = s.substr(0, p);
    for (std::string_view lead : {"Reporting by ", "Additional reporting by "})
      if (names.rfind(lead, 0) == 0) names = names.substr(lead.size());
    std::vector<std::string> out = clean_authors(names);
    if (!out.empty()) return out;
  }
  return {};
}

}  // namespace storyline::extract
