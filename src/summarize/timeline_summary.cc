#include "storyline/timeline_summary.h"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include "extract/dates.h"
#include "storyline/civil_days.h"
#include "storyline/sentences.h"
#include "summarize/terms.h"
#include "text/utf8.h"

namespace storyline {
namespace {

using extract::ParsedDate;



// "2010-04-20" (or longer ISO 8601) as a day number; -1 when it is not one.
long parse_day(const std::string& s) {
  int y = 0, m = 0, d = 0;
  if (s.size() < 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
    return -1;
  return days_from_civil(y, m, d);
}

struct Sentence {
  std::size_t article = 0, position = 0;
  long published = 0;
  std::string text;
  std::vector<long> mentions;  // days the sentence refers to
  std::unordered_map<std::string, double> vector;  // tf-idf of content terms
  double norm = 0;
  bool usable = false;
};

// Every day written in s: absolute dates and those resolved against the publication day.
std::vector<long> days_mentioned(std::string_view s, const ParsedDate& published) {
  std::vector<long> out;
  for (std::size_t from = 0; from < s.size();) {
    const auto found = extract::find_date(s.substr(from));
    if (!found) break;
    if (found->date.day > 0) out.push_back(days_from_civil(found->date.year, found->date.month, found->date.day));
    from += std::max<std::size_t>(found->end, 1);
  }
  const long pub = days_from_civil(published.year, published.month, published.day);
  for (std::size_t from = 0; from < s.size();) {
    const auto found = extract::find_relative_date(s.substr(from), published);
    if (!found) break;
    from += std::max<std::size_t>(found->end, 1);
    if (found->date.day <= 0) continue;
    const long d = days_from_civil(found->date.year, found->date.month, found->date.day);
    // "May 13" without a year, put back into the previous year because May 13 of this
    // year is still ahead: mostly a coming day ("elections on June 5"), not a past one.
    // January's "December 20" (weeks back) stays.
    if (found->date.year < published.year && pub - d > 180) continue;
    out.push_back(d);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

double cosine(const Sentence& a, const std::unordered_map<std::string, double>& b, double b_norm) {
  if (a.norm == 0 || b_norm == 0) return 0;
  double dot = 0;
  for (const auto& [t, w] : a.vector)
    if (auto it = b.find(t); it != b.end()) dot += w * it->second;
  return dot / (a.norm * b_norm);
}

}  // namespace

std::vector<TimelineEntry> timeline_summary(const std::vector<TimelineArticle>& articles, const TimelineOptions& o) {
  const long start = o.start.empty() ? LONG_MIN : parse_day(o.start);
  const long end = o.end.empty() ? LONG_MAX : parse_day(o.end);
  std::vector<Sentence> sentences;
  std::map<long, int> published_on;
  for (std::size_t a = 0; a < articles.size(); ++a) {
    const long pub = parse_day(articles[a].date);
    if (pub < 0 || pub < start || pub > end) continue;
    ++published_on[pub];
    ParsedDate ref;
    std::sscanf(articles[a].date.c_str(), "%4d-%2d-%2d", &ref.year, &ref.month, &ref.day);
    const std::vector<std::string> split = split_sentences(articles[a].text);
    for (std::size_t p = 0; p < split.size(); ++p) {
      Sentence s;
      s.article = a;
      s.position = p;
      s.published = pub;
      s.text = split[p];
      // The publication day itself ("today", "on Tuesday" in Tuesday's paper) says only
      // that something was news; a day named in a later article was worth going back to.
      for (long d : days_mentioned(s.text, ref))
        if (d >= start && d <= end && d < pub) s.mentions.push_back(d);
      const int words = text::word_count(s.text);
      s.usable = words >= 6 && words <= 50 && s.text.back() != '?';
      sentences.push_back(std::move(s));
    }
  }
  if (sentences.empty()) return {};

  // Content terms, weighted by idf over the sentences of the span.
  std::unordered_map<std::string, int> df;
  std::vector<std::unordered_map<std::string, int>> tf(sentences.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    for (const summary_terms::Term& t : summary_terms::terms_of(sentences[i].text))
      if (!t.stop) ++tf[i][t.stem];
    for (const auto& [t, n] : tf[i]) ++df[t];
  }
  const double n_sent = static_cast<double>(sentences.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    double sq = 0;
    for (const auto& [t, n] : tf[i]) {
      const double w = n * std::log(n_sent / df[t]);
      sentences[i].vector.emplace(t, w);
      sq += w * w;
    }
    sentences[i].norm = std::sqrt(sq);
  }

  // Day scores: mentions (once per article) and publications.
  std::map<long, double> mentioned;
  {
    std::map<std::pair<long, std::size_t>, bool> seen;
    for (const Sentence& s : sentences)
      for (long d : s.mentions)
        if (!seen[{d, s.article}]) {
          seen[{d, s.article}] = true;
          mentioned[d] += 1.0;
        }
  }
  double max_m = 1, max_p = 1;
  for (const auto& [d, m] : mentioned) max_m = std::max(max_m, m);
  for (const auto& [d, p] : published_on) max_p = std::max(max_p, static_cast<double>(p));
  // Counts on a log scale (log 1+n), so that the publication count also decides
  // between days named by a few articles each, not only exact ties. Publication counts
  // still weigh little: on T17 dev, days chosen by mentions match the references better
  // than days with many articles.
  std::map<long, double> score;
  for (const auto& [d, m] : mentioned) score[d] += std::log1p(m) / std::log1p(max_m);
  constexpr double pub_w = 0.05;
  for (const auto& [d, p] : published_on) score[d] += pub_w * std::log1p(p) / std::log1p(max_p);
  std::vector<std::pair<double, long>> ranked;
  for (const auto& [d, s] : score) ranked.emplace_back(-s, d);
  std::sort(ranked.begin(), ranked.end());

  std::vector<TimelineEntry> out;
  for (const auto& [neg, day] : ranked) {
    if (static_cast<int>(out.size()) >= o.n_dates) break;
    std::vector<std::size_t> cands;
    for (std::size_t i = 0; i < sentences.size(); ++i)
      if (sentences[i].usable && std::find(sentences[i].mentions.begin(), sentences[i].mentions.end(), day) != sentences[i].mentions.end())
        cands.push_back(i);
    // The day's own reports: lead sentences, naming no other day, of the articles
    // published on it or the day after (a late event is reported the next morning).
    for (std::size_t i = 0; i < sentences.size(); ++i)
      if (sentences[i].usable && (sentences[i].published == day || sentences[i].published == day + 1) &&
          sentences[i].mentions.empty() && sentences[i].position < 5)
        cands.push_back(i);
    if (cands.empty())
      for (std::size_t i = 0; i < sentences.size(); ++i)
        if (sentences[i].usable && sentences[i].published == day && sentences[i].position < 5) cands.push_back(i);
    if (cands.empty()) continue;
    // Centroid of the candidates' unit vectors: long sentences do not pull it their way.
    std::unordered_map<std::string, double> centroid;
    for (std::size_t i : cands)
      if (sentences[i].norm > 0)
        for (const auto& [t, w] : sentences[i].vector) centroid[t] += w / sentences[i].norm;
    double cn = 0;
    for (const auto& [t, w] : centroid) cn += w * w;
    cn = std::sqrt(cn);
    std::vector<std::pair<double, std::size_t>> by_centrality;
    for (std::size_t i : cands) by_centrality.emplace_back(-cosine(sentences[i], centroid, cn), i);
    std::sort(by_centrality.begin(), by_centrality.end());
    TimelineEntry entry;
    entry.date = iso_day(day);
    std::vector<std::size_t> picked;
    for (const auto& [c, i] : by_centrality) {
      if (static_cast<int>(picked.size()) >= o.sents_per_date) break;
      bool repeat = false;
      for (std::size_t j : picked)
        if (cosine(sentences[i], sentences[j].vector, sentences[j].norm) > 0.5) repeat = true;
      if (repeat) continue;
      picked.push_back(i);
      entry.sentences.push_back(sentences[i].text);
    }
    out.push_back(std::move(entry));
  }
  std::sort(out.begin(), out.end(), [](const TimelineEntry& a, const TimelineEntry& b) { return a.date < b.date; });
  return out;
}

}  // namespace storyline
