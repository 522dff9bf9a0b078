// Timeline summaries: the few dates that matter in a long story, each with the
// sentences that say what happened on it.
//
// Method (after DATEWISE, Gholipour Ghalandari & Ifrim 2020): a day matters when
// articles keep referring back to it, not only when many articles are published on it.
// Every sentence's date expressions ("on Monday", "March 5", "yesterday", "April 20,
// 2010") are resolved against its article's publication day; a day scores by the number
// of later articles that name it, with the number of articles published on it as a
// small tie-breaker (both on a log scale). For each chosen day, the candidates are the
// sentences that name it and the lead sentences of the articles published on it or the
// day after, ranked by tf-idf similarity to the centroid of the day's candidates
// (centrality), with near repeats skipped.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace storyline {

struct TimelineArticle {
  std::string id;
  std::string date;  // publication day, "YYYY-MM-DD" (a longer ISO 8601 string is cut to the day)
  std::string text;  // one paragraph (or sentence) per line
};

struct TimelineOptions {
  int n_dates = 10;          // days to output (fewer when the articles mention fewer)
  int sents_per_date = 1;    // sentences per day
  std::string start, end;    // inclusive "YYYY-MM-DD" span; "" = open. Articles outside are ignored.
};

struct TimelineEntry {
  std::string date;                    // "YYYY-MM-DD"
  std::vector<std::string> sentences;  // most central first
};

// The timeline, in date order.
std::vector<TimelineEntry> timeline_summary(const std::vector<TimelineArticle>& articles,
                                            const TimelineOptions& options);

}  // namespace storyline
