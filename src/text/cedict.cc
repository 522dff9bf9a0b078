#include "storyline/cedict.h"

#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <unordered_set>

#include "text/utf8.h"

namespace storyline {
namespace {

// Gloss words that carry no meaning for matching.
bool is_gloss_stopword(std::string_view w) {
  static const std::unordered_set<std::string_view> kStop = {
      "a", "an", "the", "to", "of", "or", "and", "in", "on", "at", "for", "by", "with", "sb", "sth",
      "be", "is", "as", "from", "one", "s", "etc", "used", "abbr", "name", "also", "esp", "e", "g",
      "it", "its", "his", "her", "their", "into", "up", "out", "(of)", "kind", "sort", "some"};
  return kStop.count(w) > 0;
}

// A gloss that points elsewhere or classifies instead of translating.
bool is_reference_gloss(std::string_view g) {
  return g.starts_with("variant of") || g.starts_with("old variant") || g.starts_with("see ") ||
         g.starts_with("CL:") || g.starts_with("surname ") || g.starts_with("used in ") ||
         g.starts_with("erhua variant") || g.starts_with("Japanese variant") || g.starts_with("also written");
}

// Adds the content words of a gloss, with parenthesised notes and bracketed pinyin removed.
void add_gloss_terms(std::string_view gloss, std::vector<std::string>& out) {
  int depth = 0;
  std::string word;
  auto flush = [&] {
    if (word.size() > 1 && !is_gloss_stopword(word)) {
      bool seen = false;
      for (const auto& t : out) seen = seen || t == word;
      if (!seen) out.push_back(word);
    }
    word.clear();
  };
  for (char c : gloss) {
    if (c == '(' || c == '[') ++depth;
    else if ((c == ')' || c == ']') && depth > 0) --depth;
    else if (depth == 0 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
      word += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    else flush();
  }
  flush();
}

bool is_han(char32_t cp) {
  return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F) || cp == 0x3007;
}

}  // namespace

Result<std::shared_ptr<const ChineseDictionary>> ChineseDictionary::load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Error("cannot read the CC-CEDICT file " + path + " (run make deps)");
  auto dict = std::make_shared<ChineseDictionary>();
  dict->data_.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  const std::string_view data = dict->data_;
  dict->entries_.reserve(240000);
  for (std::size_t pos = 0; pos < data.size();) {
    std::size_t end = data.find('\n', pos);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty() || line[0] == '#') continue;
    // "繁 简 [pin1 yin1] /gloss/gloss/"
    const std::size_t sp1 = line.find(' ');
    const std::size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    const std::size_t slash = line.find('/');
    const std::size_t last = line.rfind('/');
    if (sp2 == std::string_view::npos || slash == std::string_view::npos || slash < sp2 || last <= slash + 1) continue;
    const std::string_view section = line.substr(slash, last - slash + 1);
    const std::string_view traditional = line.substr(0, sp1);
    const std::string_view simplified = line.substr(sp1 + 1, sp2 - sp1 - 1);
    // Several entries share a headword (different readings): keep all their glosses in
    // file order, since CEDICT lists the common reading first.
    dict->entries_[simplified].push_back(section);
    if (traditional != simplified) dict->entries_[traditional].push_back(section);
    dict->max_word_bytes_ = std::max({dict->max_word_bytes_, simplified.size(), traditional.size()});
  }
  if (dict->entries_.empty()) return Status::Error(path + ": not a CC-CEDICT file (no entries)");
  return std::shared_ptr<const ChineseDictionary>(std::move(dict));
}

std::vector<std::string_view> ChineseDictionary::segment(std::string_view text) const {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t next = i;
    const char32_t cp = text::next_code_point(text, next);
    if (is_han(cp)) {
      // Longest dictionary word starting here, at most 8 characters: each candidate is a
      // hash lookup, so the whole pass is linear in the text (8 lookups per character).
      std::size_t best = next;
      std::size_t end = next;
      for (int chars = 2; chars <= 8 && end < text.size(); ++chars) {
        std::size_t peek = end;
        if (!is_han(text::next_code_point(text, peek))) break;
        end = peek;
        if (end - i > max_word_bytes_) break;
        if (entries_.count(text.substr(i, end - i))) best = end;
      }
      out.push_back(text.substr(i, best - i));
      i = best;
    } else if (text::is_letter_or_digit(cp)) {
      std::size_t end = next;
      while (end < text.size()) {
        std::size_t peek = end;
        const char32_t c = text::next_code_point(text, peek);
        if (is_han(c) || !text::is_letter_or_digit(c)) break;
        end = peek;
      }
      out.push_back(text.substr(i, end - i));
      i = end;
    } else {
      i = next;
    }
  }
  return out;
}

std::vector<std::string_view> ChineseDictionary::glosses(std::string_view word) const {
  std::vector<std::string_view> out;
  auto it = entries_.find(word);
  if (it == entries_.end()) return out;
  for (std::string_view section : it->second) {
    for (std::size_t i = 1; i < section.size();) {
      const std::size_t j = section.find('/', i);
      if (j == std::string_view::npos) break;
      if (j > i) out.push_back(section.substr(i, j - i));
      i = j + 1;
    }
  }
  return out;
}

std::vector<std::string> ChineseDictionary::english_terms(std::string_view word) const {
  std::vector<std::string> out;
  // The first two translating glosses: later ones drift to rarer senses.
  int used = 0;
  for (std::string_view gloss : glosses(word)) {
    if (is_reference_gloss(gloss)) continue;
    add_gloss_terms(gloss, out);
    if (++used == 2 || out.size() >= 3) break;
  }
  if (out.size() > 3) out.resize(3);
  return out;
}

std::string default_cedict_path() {
  if (const char* env = std::getenv("STORYLINE_CEDICT"); env && *env) return env;
  char exe[PATH_MAX];
  const ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    std::string dir(exe, static_cast<std::size_t>(n));
    dir.resize(dir.rfind('/') + 1);
    const std::string beside = dir + "data/cedict_ts.u8";
    if (std::ifstream(beside).good()) return beside;
  }
  return "build/data/cedict_ts.u8";
}

}  // namespace storyline
