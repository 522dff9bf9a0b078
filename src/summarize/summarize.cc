#include "storyline/summarize.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "storyline/sentences.h"
#include "summarize/terms.h"
#include "text/utf8.h"

namespace storyline {
namespace {

bool is_upper_word(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) ++letters;
  }
  return letters >= 2;
}

bool has_quote_char(std::string_view s) {
  return s.find('"') != std::string_view::npos || s.find("\u201C") != std::string_view::npos ||
         s.find("\u201D") != std::string_view::npos;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// "WASHINGTON (AP) _ ", "MUNICH, Germany (AP) — ", "BEIJING, Dec. 3 (Xinhua) -- ": a short
// head that starts with a word in capitals or names an agency in brackets, then a dash.
std::string strip_dateline(std::string s) {
  for (std::string_view dash : {" _ ", " \u2014 ", " -- ", " \u2013 ", " - "}) {
    const std::size_t at = s.find(dash);
    if (at == std::string::npos || at > 80) continue;
    const std::string_view head(s.data(), at);
    const std::vector<std::string_view> words = split_words(head);
    if (words.empty() || words.size() > 8) continue;
    std::string first(words[0]);
    while (!first.empty() && (first.back() == ',' || first.back() == '.')) first.pop_back();
    const bool agency = head.find('(') != std::string_view::npos && head.back() == ')';
    if (is_upper_word(first) || agency) return s.substr(at + dash.size());
  }
  return s;
}

// "By JOHN SMITH, Associated Press Writer " at the head of a sentence.
std::string strip_byline(std::string s) {
  if (s.rfind("By ", 0) != 0) return s;
  const std::vector<std::string_view> words = split_words(s);
  std::size_t k = 1;
  while (k < words.size() && is_upper_word(words[k].substr(0, words[k].find(',')))) ++k;
  if (k < 3) return s;  // not a name in capitals: "By noon, ..." stays
  std::size_t cut = static_cast<std::size_t>(words[k - 1].data() + words[k - 1].size() - s.data());
  for (std::string_view role : {"Writer", "Correspondent", "Reporter", "Staff", "Editor"}) {
    const std::size_t r = s.find(role, cut);
    if (r != std::string::npos && r < cut + 60) cut = r + role.size();
  }
  return text::trim(std::string_view(s).substr(cut));
}

// ", he said." / ", she added Tuesday." at the end: with the speaker's name elsewhere in
// the article, the pronoun refers to nobody in a summary.
std::string strip_pronoun_attribution(std::string s) {
  if (s.size() < 12 || s.back() != '.') return s;
  const std::size_t comma = s.rfind(", ");
  if (comma == std::string::npos) return s;
  const std::vector<std::string_view> tail = split_words(std::string_view(s).substr(comma + 2, s.size() - comma - 3));
  if (tail.size() < 2 || tail.size() > 3) return s;
  const std::string who = text::to_lower_ascii(tail[0]);
  const std::string verb = text::to_lower_ascii(tail[1]);
  if (who != "he" && who != "she" && who != "they") return s;
  if (verb != "said" && verb != "says" && verb != "added" && verb != "adds" && verb != "noted") return s;
  if (tail.size() == 3 && !(tail[2].size() > 3 && tail[2].substr(tail[2].size() - 3) == "day")) return s;
  // A quote before it would lose its speaker altogether: leave those alone.
  if (s[comma - 1] == '"') return s;
  return s.substr(0, comma) + ".";
}

// ", the National Emergency Commission said Saturday." at the end: who said it matters
// less in a summary than what was said; a summary keeps the claim and drops the tail.
std::string strip_attribution(std::string s) {
  if (s.size() < 12 || s.back() != '.' || has_quote_char(s)) return s;
  const std::size_t comma = s.rfind(", ");
  if (comma == std::string::npos) return s;
  const std::vector<std::string_view> tail = split_words(std::string_view(s).substr(comma + 2, s.size() - comma - 3));
  if (tail.size() < 2 || tail.size() > 7) return s;
  std::size_t said = tail.size();
  for (std::size_t k = 0; k < tail.size(); ++k)
    if (tail[k] == "said" || tail[k] == "says" || tail[k] == "reported" || tail[k] == "announced") said = k;
  if (said == tail.size() || said == 0) return s;
  if (said + 1 < tail.size() && !(said + 2 == tail.size() && tail.back().size() > 3 && tail.back().substr(tail.back().size() - 3) == "day"))
    return s;
  return s.substr(0, comma) + ".";
}

struct Candidate {
  std::size_t doc = 0, pos = 0;
  std::string text;
  int words = 0;
  std::vector<int> concepts;  // unique concept ids
  bool eligible = false;
};


}  // namespace

std::string clean_summary_sentence(std::string_view sentence) {
  std::string s = text::normalize_space(sentence);
  // DUC-era wire copy writes a dash as " _ ".
  for (std::size_t at; (at = s.find(" _ ")) != std::string::npos;) s.replace(at, 3, " \u2014 ");
  if (s.rfind("_ ", 0) == 0) s.erase(0, 2);
  s = strip_dateline(std::move(s));
  s = strip_byline(std::move(s));
  s = strip_pronoun_attribution(std::move(s));
  s = strip_attribution(std::move(s));
  return text::trim(s);
}

std::vector<SummarySentence> summarize(const std::vector<SummaryDocument>& documents, const SummaryOptions& o) {
  std::vector<char> is_unigram;  // per concept
  std::vector<Candidate> cands;
  std::unordered_map<std::string, int> concept_ids;
  std::vector<int> df;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    std::unordered_set<int> in_doc;
    const std::vector<std::string> sentences = split_sentences(documents[d].text);
    for (std::size_t p = 0; p < sentences.size(); ++p) {
      Candidate c;
      c.doc = d;
      c.pos = p;
      c.text = clean_summary_sentence(sentences[p]);
      if (c.text.empty()) continue;
      c.words = text::word_count(c.text);
      const std::vector<summary_terms::Term> terms = summary_terms::terms_of(c.text);
      std::unordered_set<int> mine;
      for (std::size_t k = 0; k + 1 < terms.size(); ++k) {
        if (terms[k].stop && terms[k + 1].stop) continue;
        const std::string key = terms[k].stem + ' ' + terms[k + 1].stem;
        auto [it, added] = concept_ids.emplace(key, static_cast<int>(concept_ids.size()));
        if (added) df.push_back(0), is_unigram.push_back(0);
        mine.insert(it->second);
      }
      // Content words are concepts too (at a lower weight): they reward sentences that
      // name the story's people and places even in other word orders.
      for (const auto& t : terms) {
        if (t.stop) continue;
        auto [it, added] = concept_ids.emplace("u:" + t.stem, static_cast<int>(concept_ids.size()));
        if (added) df.push_back(0), is_unigram.push_back(1);
        mine.insert(it->second);
      }
      c.concepts.assign(mine.begin(), mine.end());
      std::sort(c.concepts.begin(), c.concepts.end());
      for (int id : c.concepts)
        if (in_doc.insert(id).second) ++df[static_cast<std::size_t>(id)];
      const unsigned char first = static_cast<unsigned char>(c.text[0]);
      c.eligible = c.words >= o.min_sentence_words && c.words <= o.max_sentence_words && !has_quote_char(c.text) &&
                   c.text.back() != '?' && !std::islower(first) && text::ends_like_sentence(c.text);
      cands.push_back(std::move(c));
    }
  }
  // What one source says alone is its angle, not the story: concepts count from two
  // sources on (from three in a large set).
  const int min_df = documents.size() >= 8 ? 3 : documents.size() >= 3 ? 2 : 1;
  constexpr double kUnigramWeight = 0.2;
  std::vector<double> weight(df.size());
  for (std::size_t id = 0; id < df.size(); ++id)
    weight[id] = df[id] >= min_df ? df[id] * (is_unigram[id] ? kUnigramWeight : 1.0) : 0.0;

  std::vector<char> covered(df.size(), 0), taken(cands.size(), 0);
  std::vector<int> per_doc(documents.size(), 0);
  std::vector<SummarySentence> out;
  int total = 0;
  for (;;) {
    if (total >= o.max_words) break;
    double best_score = 0;
    std::size_t best = cands.size();
    double best_gain = 0;
    for (int pass = 0; pass < 2 && best == cands.size(); ++pass) {
      for (std::size_t i = 0; i < cands.size(); ++i) {
        const Candidate& c = cands[i];
        if (!c.eligible || taken[i]) continue;
        if (!o.fill && total + c.words > o.max_words) continue;
        if (pass == 0 && per_doc[c.doc] >= o.max_per_document) continue;
        double gain = 0, all = 0, old = 0;
        for (int id : c.concepts) {
          const double w = weight[static_cast<std::size_t>(id)];
          all += w;
          if (covered[static_cast<std::size_t>(id)]) old += w;
          else gain += w;
        }
        if (gain <= 0 || (all > 0 && old / all >= o.max_overlap)) continue;
        // News puts the gist first: the lead sentences get a bonus.
        const double prior = 1.0 + 1.0 / (1.0 + static_cast<double>(c.pos));
        const double score = gain * prior / static_cast<double>(c.words);
        if (score > best_score) best_score = score, best = i, best_gain = gain;
      }
    }
    if (best == cands.size()) break;
    taken[best] = 1;
    Candidate& c = cands[best];
    for (int id : c.concepts) covered[static_cast<std::size_t>(id)] = 1;
    ++per_doc[c.doc];
    total += c.words;
    out.push_back(SummarySentence{c.text, c.doc, c.pos, best_gain});
  }
  std::sort(out.begin(), out.end(), [&](const SummarySentence& a, const SummarySentence& b) {
    if (documents[a.document].date != documents[b.document].date)
      return documents[a.document].date < documents[b.document].date;
    if (a.document != b.document) return a.document < b.document;
    return a.position < b.position;
  });
  return out;
}

}  // namespace storyline
